"""A thin date-slider widget around :func:`render_week`: move the slider (or press play)
and the control map and the list of that week's events are redrawn.

All the logic is in :func:`render_week` and :func:`week_events_html`, which the tests
call directly; the widget only passes the slider's date to them.
"""

from __future__ import annotations

import datetime as dt
import html
import io

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd

from helpers.charts import house_style, image_html
from helpers.citations import short_citation
from helpers.control import as_date, events_in_week, weekly_dates
from helpers.control_charts import describe_control, draw_control, side_legend


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
    with house_style():
        fig, ax = plt.subplots(figsize=(7, 6))
        draw_control(ax, control, places, when, rule=rule)
        side_legend(ax)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=80)
        plt.close(fig)
    alt = html.escape(describe_control(control, places, when, rule=rule))
    return buffer.getvalue(), f"<p class='control-alt'>{alt}</p>{week_events_html(events, when)}"


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

    def redraw(change: dict) -> None:
        png, panel.value = render_week(control, places, events, change["new"], rule=rule)
        alt = (f"Map of who held each town in the week of {change['new']:%d %B %Y}; "
               "the text beside the map describes it.")
        image.value = image_html(png, alt, css_class="control-map")

    redraw({"new": slider.value})

    slider.observe(redraw, names="value")
    return widgets.VBox([widgets.HBox([play, slider]), widgets.HBox([image, panel])])
