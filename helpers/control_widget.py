"""A thin date-slider widget around :func:`render_week`: move the slider (or press play)
and the control map and the list of that week's events are redrawn.

All the logic is in :func:`render_week` and :func:`week_events_html`, which the tests
call directly; the widget only passes the slider's date to them.
"""

from __future__ import annotations

import datetime as dt
import html

import ipywidgets as widgets
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure

from helpers.basemap import draw_basemap
from helpers.charts import house_style, image_html, tight_png
from helpers.citations import short_citation
from helpers.control import as_date, events_in_week, resolve_changes, weekly_dates
from helpers.control_charts import MALI_FRAME, describe_control, draw_towns, side_legend
from helpers.loaders import load_sources

MAP_DPI = 80


def week_events_html(events: pd.DataFrame, when: object, *,
                     sources: pd.DataFrame | None = None) -> str:
    """Return an HTML list of the events in the week starting on ``when``, with sources.

    Example:
        >>> from helpers.loaders import load_events
        >>> "Islamists seize Konna" in week_events_html(load_events(), "2013-01-08")
        True
    """
    start = as_date(when)
    end = start + dt.timedelta(days=6)
    heading = f"Events from {start.day} {start:%b %Y} to {end.day} {end:%b %Y}"
    week = events_in_week(events, start)
    if week.empty:
        return f"<p><strong>{heading}:</strong> none in the timeline.</p>"
    items = []
    for event in week.to_dict("records"):
        cited = "; ".join(short_citation(s, sources=sources)
                          for s in event["source_ids"].split(";"))
        items.append(f"<li>{event['date']:%d %b %Y}: "
                     f"<strong>{html.escape(event['title'])}</strong>. "
                     f"{html.escape(event['summary'])} <small>({html.escape(cited)})</small></li>")
    return f"<p><strong>{heading}:</strong></p><ul>{''.join(items)}</ul>"


class WeekMap:
    """The control map of one slider: the base map is drawn once, the towns every week.

    Calling it with a date returns what :func:`render_week` returns for that date; a
    widget keeps one, so moving the slider redraws only the markers and their labels.

    Example:
        >>> from helpers.loaders import load_control, load_events, load_places
        >>> week_map = WeekMap(load_control(), load_places(), load_events())
        >>> "MUJAO drives the MNLA out of Gao" in week_map("2012-06-25")[1]
        True
    """

    def __init__(self, control: pd.DataFrame, places: pd.DataFrame, events: pd.DataFrame, *,
                 rule: str = "earliest", sources: pd.DataFrame | None = None) -> None:
        self._changes = resolve_changes(control, rule=rule)
        self._places, self._events, self._rule = places, events, rule
        self._sources = load_sources() if sources is None else sources
        with house_style():
            self._figure = Figure(figsize=(7, 6), dpi=MAP_DPI)
            FigureCanvasAgg(self._figure)
            self._ax = self._figure.add_subplot()
            draw_basemap(self._ax, extent=MALI_FRAME, label_countries=False)
            side_legend(self._ax)
        # Measures the tight bounding box; kept so its text-size cache lasts between weeks.
        self._measure = RendererAgg(7 * MAP_DPI, 6 * MAP_DPI, MAP_DPI)
        self._towns: list[Artist] = []

    def __call__(self, when: object) -> tuple[bytes, str]:
        """Return the map on ``when`` as PNG bytes and the panel's HTML."""
        with house_style():
            for artist in self._towns:
                artist.remove()
            self._towns = draw_towns(self._ax, self._changes, self._places, when,
                                     rule=self._rule)
            png = tight_png(self._figure, dpi=MAP_DPI, measure=self._measure)
        alt = html.escape(describe_control(self._changes, self._places, when, rule=self._rule))
        events = week_events_html(self._events, when, sources=self._sources)
        return png, f"<p class='control-alt'>{alt}</p>{events}"


def render_week(control: pd.DataFrame, places: pd.DataFrame, events: pd.DataFrame,
                when: object, *, rule: str = "earliest") -> tuple[bytes, str]:
    """Return the control map on ``when`` as PNG bytes and the panel's HTML.

    The HTML holds the map's text alternative and the week's events.

    Example:
        >>> from helpers.loaders import load_control, load_events, load_places
        >>> png, text = render_week(load_control(), load_places(), load_events(), "2012-06-25")
        >>> png[:4] == b"\\x89PNG", "MUJAO drives the MNLA out of Gao" in text
        (True, True)
    """
    return WeekMap(control, places, events, rule=rule)(when)


def control_slider(control: pd.DataFrame, places: pd.DataFrame, events: pd.DataFrame, *,
                   start: object = "2012-01-01", rule: str = "earliest") -> widgets.VBox:
    """Return a weekly date slider with a play button, the map and the week's events.

    The slider starts on the week that contains ``start``.

    Example:
        >>> from helpers.loaders import load_control, load_events, load_places
        >>> box = control_slider(load_control(), load_places(), load_events())
        >>> slider = box.children[0].children[1]
        >>> slider.value = slider.options[-1][1]
        >>> "February 2013" in box.children[1].children[1].value
        True
    """
    days = weekly_dates()
    options = [(f"{d.day} {d:%b %Y}", d) for d in days]
    first = as_date(start)
    week = max([d for d in days if d <= first] or days[:1])
    slider = widgets.SelectionSlider(options=options, value=week,
                                     description="Week of", continuous_update=False,
                                     layout=widgets.Layout(width="600px"))
    play = widgets.Play(min=0, max=len(days) - 1, interval=1200, description="Play",
                        value=slider.index)
    widgets.jslink((play, "value"), (slider, "index"))
    image = widgets.HTML(layout=widgets.Layout(width="560px"))
    panel = widgets.HTML(layout=widgets.Layout(width="420px"))
    for widget, name in ((slider, "control-slider"), (play, "control-play"),
                         (image, "control-map-box"), (panel, "control-events")):
        widget.add_class(name)

    week_map = WeekMap(control, places, events, rule=rule)

    def redraw(change: dict) -> None:
        png, panel.value = week_map(change["new"])
        alt = (f"Map of who held each town in the week of {change['new']:%d %B %Y}; "
               "the text beside the map describes it.")
        image.value = image_html(png, alt, css_class="control-map")

    redraw({"new": slider.value})

    slider.observe(redraw, names="value")
    return widgets.VBox([widgets.HBox([play, slider]), widgets.HBox([image, panel])])
