"""Lesson 02, the rebel advance: who held each town, control maps, the weekly map slider,
reported distances and the armed groups' profiles.
"""

from __future__ import annotations

import datetime as dt
import html
from types import MappingProxyType
from typing import TYPE_CHECKING

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib import patheffects
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from helpers.charts import PALETTE, Chart, house_style, image_html, make_chart, tight_png
from helpers.citations import collect_ids, short_citation
from helpers.data import load_sources
from helpers.maps import ANCHORS, distance_between, draw_basemap
from helpers.tables import Markdown

# Who held which town on a date: pure functions over ``data/control.csv``.

RULES = ("earliest", "latest")
SIDES = MappingProxyType({
    "mali_state": "government", "france_mali": "government", "mnla": "separatist",
    "ansar_dine": "jihadist", "aqim": "jihadist", "mujao": "jihadist", "ganda_iso": "militia",
})
SIDE_LABELS = MappingProxyType({
    "government": "Malian state (with French forces from January 2013)",
    "separatist": "MNLA (separatist)",
    "jihadist": "Jihadist groups (Ansar Dine, AQIM, MUJAO)",
    "militia": "Local militia (Ganda Iso)",
})
PERIOD = (dt.date(2012, 1, 1), dt.date(2013, 2, 28))


def as_date(value: object) -> dt.date:
    """Read a date given as ``"2013-01-10"``, a ``datetime.date`` or a pandas Timestamp.

    Raises:
        ValueError: the value is not a date, with an example of one that is.

    Example:
        >>> as_date("2013-01-10")
        datetime.date(2013, 1, 10)
    """
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(f"{value!r} is not a date; write it as YYYY-MM-DD, "
                         "for example \"2013-01-10\"") from None


def side_of(holder: str) -> str:
    """Return the side a holder belongs to: government, separatist, jihadist or militia.

    Example:
        >>> side_of("mujao")
        'jihadist'
    """
    if holder not in SIDES:
        raise ValueError(f"holder {holder!r} has no side; known holders: {', '.join(SIDES)}")
    return SIDES[holder]


def _check_rule(rule: str) -> None:
    if rule not in RULES:
        raise ValueError(f"rule must be one of {RULES}, not {rule!r}")


def resolve_changes(control: pd.DataFrame, *, rule: str = "earliest") -> pd.DataFrame:
    """Return one row per change of holder, choosing among alternative dates by ``rule``.

    Example:
        >>> table = pd.DataFrame({"place_id": ["a", "a", "a"], "holder": ["x", "y", "y"],
        ...     "date": pd.to_datetime(["2012-01-01", "2012-03-01", "2012-03-05"])})
        >>> [d.day for d in resolve_changes(table, rule="latest")["date"]]
        [1, 5]
    """
    _check_rule(rule)
    ordered = control.sort_values(["place_id", "date"], kind="stable")
    new_run = (ordered["holder"] != ordered.groupby("place_id")["holder"].shift())
    run = new_run.cumsum()
    pick = ordered.groupby(run, sort=False).head(1) if rule == "earliest" else \
        ordered.groupby(run, sort=False).tail(1)
    return pick.reset_index(drop=True)


def _known_place(control: pd.DataFrame, place_id: str) -> None:
    towns = sorted(set(control["place_id"]))
    if place_id not in towns:
        raise ValueError(f"{place_id!r} is not a town in control.csv; "
                         f"towns: {', '.join(towns)}")


def holder_on(control: pd.DataFrame, place_id: str, when: object, *,
              rule: str = "earliest") -> str:
    """Return the actor id of whoever held ``place_id`` on the date ``when``.

    A change dated ``when`` already counts on that day.

    Raises:
        ValueError: unknown town, unreadable date, or a date before the town's first record.

    Example:
        >>> from helpers.data import load_control
        >>> holder_on(load_control(), "gao", "2012-08-01")
        'mujao'
    """
    _known_place(control, place_id)
    day = pd.Timestamp(as_date(when))
    rows = resolve_changes(control[control["place_id"] == place_id], rule=rule)
    before = rows[rows["date"] <= day]
    if before.empty:
        first = rows["date"].min().date().isoformat()
        raise ValueError(f"control.csv has no record for {place_id!r} before {first}; "
                         f"ask about a date from {first} on")
    return str(before.iloc[-1]["holder"])


def holders_on(control: pd.DataFrame, when: object, *, rule: str = "earliest") -> pd.DataFrame:
    """Return every town's holder on a date: ``place_id``, ``holder``, ``side``, ``since``.

    Towns with no record yet on that date are left out.

    Example:
        >>> from helpers.data import load_control
        >>> table = holders_on(load_control(), "2012-08-01").set_index("place_id")
        >>> table.loc["timbuktu", "holder"], table.loc["bamako", "side"]
        ('ansar_dine', 'government')
    """
    day = pd.Timestamp(as_date(when))
    rows = resolve_changes(control, rule=rule)
    current = rows[rows["date"] <= day].groupby("place_id", sort=True).tail(1)
    table = current[["place_id", "holder", "date", "source_ids"]].rename(columns={"date": "since"})
    table.insert(2, "side", [side_of(h) for h in table["holder"]])
    return table.reset_index(drop=True)


def count_by_side(control: pd.DataFrame, days: list[object], *,
                  rule: str = "earliest") -> pd.DataFrame:
    """Count the towns each side held on each day: one row per day, one column per side.

    Example:
        >>> from helpers.data import load_control
        >>> counts = count_by_side(load_control(), ["2012-01-01", "2012-09-05"])
        >>> counts["jihadist"].tolist()
        [0, 6]
    """
    rows = []
    for day in days:
        sides = holders_on(control, day, rule=rule)["side"].value_counts()
        rows.append({"date": pd.Timestamp(as_date(day)),
                     **{side: int(sides.get(side, 0)) for side in SIDE_LABELS}})
    return pd.DataFrame(rows).set_index("date")


def contested_changes(control: pd.DataFrame) -> pd.DataFrame:
    """List the changes whose date sources report differently, one row per change.

    Example:
        >>> from helpers.data import load_control
        >>> "konna" in set(contested_changes(load_control())["place_id"])
        True
    """
    ordered = control.sort_values(["place_id", "date"], kind="stable")
    run = (ordered["holder"] != ordered.groupby("place_id")["holder"].shift()).cumsum()
    rows = []
    for _, group in ordered.groupby(run, sort=False):
        if len(group) > 1:
            rows.append({"place_id": group["place_id"].iloc[0],
                         "holder": group["holder"].iloc[0],
                         "dates": ", ".join(f"{d:%d %b %Y}" for d in group["date"]),
                         "source_ids": ";".join(group["source_ids"])})
    return pd.DataFrame(rows, columns=["place_id", "holder", "dates", "source_ids"])


def weekly_dates(*, start: object = PERIOD[0], end: object = PERIOD[1]) -> list[dt.date]:
    """Return the dates of the widget's weekly steps, from ``start`` to ``end`` inclusive.

    Example:
        >>> days = weekly_dates(start="2013-01-01", end="2013-01-20")
        >>> [d.day for d in days]
        [1, 8, 15, 20]
    """
    first, last = as_date(start), as_date(end)
    if last < first:
        raise ValueError(f"end {last} is before start {first}")
    days = [first + dt.timedelta(weeks=k) for k in range((last - first).days // 7 + 1)]
    return days if days[-1] == last else [*days, last]


def events_in_week(events: pd.DataFrame, when: object) -> pd.DataFrame:
    """Return the events dated in the seven days starting on ``when``, oldest first.

    Example:
        >>> from helpers.data import load_events
        >>> list(events_in_week(load_events(), "2013-01-08")["event_id"])[:1]
        ['ev-20130110-konna']
    """
    start = pd.Timestamp(as_date(when))
    inside = (events["date"] >= start) & (events["date"] < start + pd.Timedelta(days=7))
    return events[inside].sort_values(["date", "event_id"]).reset_index(drop=True)


# Charts of control: a map on one date, small multiples of key dates, a step chart of

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes

# Colour and marker per side: Okabe-Ito colours, and a different shape for each side
# so that the map also reads in grey.
SIDE_STYLES = MappingProxyType({
    "government": (PALETTE["blue"], "s"),
    "separatist": (PALETTE["orange"], "^"),
    "jihadist": (PALETTE["vermillion"], "X"),
    "militia": (PALETTE["bluish_green"], "D"),
})
MALI_FRAME = (-12.6, 4.6, 10.2, 25.2)
KEY_DATES = ("2012-01-01", "2012-03-25", "2012-04-10", "2012-09-05", "2013-01-15",
             "2013-02-15")


def describe_control(control: pd.DataFrame, places: pd.DataFrame, when: object, *,
                     rule: str = "earliest") -> str:
    """Say in words who held which town on a date (the map's text alternative).

    Example:
        >>> from helpers.data import load_control, load_places
        >>> describe_control(load_control(), load_places(), "2013-01-15")[:40]
        'On 15 January 2013: Malian state (with F'
    """
    day = as_date(when)
    table = holders_on(control, day, rule=rule)
    names = places.set_index("place_id")["name"]
    parts = []
    for side, label in SIDE_LABELS.items():
        towns = sorted(names.get(p, p) for p in table.loc[table["side"] == side, "place_id"])
        if towns:
            parts.append(f"{label} held {len(towns)} "
                         f"({', '.join(towns)})")
    when_text = f"{day.day} {day:%B %Y}"
    return f"On {when_text}: " + "; ".join(parts) + "." if parts else \
        f"No town has a record on {when_text}."


def draw_control(ax: Axes, control: pd.DataFrame, places: pd.DataFrame, when: object, *,
                 rule: str = "earliest", labels: bool = True, fontsize: float = 10) -> Axes:
    """Draw the towns on ``ax`` coloured and shaped by the side holding them on ``when``.

    Example:
        >>> from matplotlib.figure import Figure
        >>> from helpers.data import load_control, load_places
        >>> ax = Figure().add_subplot()
        >>> len(draw_control(ax, load_control(), load_places(), "2012-06-01").lines)
        17
    """
    draw_basemap(ax, extent=MALI_FRAME, label_countries=False)
    draw_towns(ax, control, places, when, rule=rule, labels=labels, fontsize=fontsize)
    return ax


def draw_towns(ax: Axes, control: pd.DataFrame, places: pd.DataFrame, when: object, *,
               rule: str = "earliest", labels: bool = True, fontsize: float = 10) -> list[Artist]:
    """Mark the towns held on ``when`` and title ``ax`` with the date; return the new artists.

    A widget that keeps its base map removes these artists before drawing the next date.

    Example:
        >>> from matplotlib.figure import Figure
        >>> from helpers.data import load_control, load_places
        >>> len(draw_towns(Figure().add_subplot(), load_control(), load_places(), "2012-06-01"))
        34
    """
    table = holders_on(control, when, rule=rule).merge(places, on="place_id", how="left")
    missing = table.loc[table["lat"].isna(), "place_id"].tolist()
    if missing:
        raise ValueError(f"control.csv names towns missing from places.csv: {missing}")
    halo = [patheffects.withStroke(linewidth=3, foreground="white")]
    artists = []
    for row in table.to_dict("records"):
        colour, marker = SIDE_STYLES[row["side"]]
        artists += ax.plot(row["lon"], row["lat"], marker=marker, markersize=9, color=colour,
                           markeredgecolor="black", markeredgewidth=0.6, zorder=3)
        if labels:
            anchor = row["label_anchor"] if isinstance(row["label_anchor"], str) else "ne"
            (dx, dy), ha, va = ANCHORS[anchor]
            artists.append(ax.annotate(row["name"], (row["lon"], row["lat"]),
                                       xytext=(dx * 5, dy * 5), textcoords="offset points",
                                       ha=ha, va=va, fontsize=fontsize, path_effects=halo,
                                       zorder=4))
    day = as_date(when)
    ax.set_title(f"{day.day} {day:%b %Y}")
    return artists


def side_handles() -> list[Line2D]:
    """Return one legend handle per side (colour and marker)."""
    return [Line2D([], [], linestyle="", marker=m, color=c, markeredgecolor="black",
                   markersize=9, label=SIDE_LABELS[side])
            for side, (c, m) in SIDE_STYLES.items()]


def side_legend(ax: Axes) -> None:
    """Add the legend of sides (colour and marker) to ``ax``."""
    ax.legend(handles=side_handles(), loc="upper left", fontsize=10, framealpha=0.9)


def summary_caption(source_ids: list[str], text: str) -> str:
    """Return a caption that counts its sources when there are too many to list.

    Example:
        >>> summary_caption(["a", "b"], "Two towns.").split("Sources: ")[1][:30]
        '2 reports and references cited'
    """
    return (f"{text} Sources: {len(set(source_ids))} reports and references cited row by row "
            "in data/control.csv (listed under Sources used); borders from Natural Earth.")


def _sources_on(control: pd.DataFrame, days: list[object], rule: str) -> list[str]:
    cells = [c for day in days for c in holders_on(control, day, rule=rule)["source_ids"]]
    return collect_ids(cells)


def chart_control_map(control: pd.DataFrame, places: pd.DataFrame, when: object, *,
                      rule: str = "earliest") -> Chart:
    """Return the control map on one date, with caption and text alternative.

    Example:
        >>> from helpers.data import load_control, load_places
        >>> chart = chart_control_map(load_control(), load_places(), "2012-06-01")
        >>> "Sources:" in chart.caption
        True
    """
    with house_style():
        fig, ax = plt.subplots(figsize=(8, 7))
        draw_control(ax, control, places, when, rule=rule)
        side_legend(ax)
    day = as_date(when)
    note = summary_caption(_sources_on(control, [day], rule),
                           f"Who held each town on {day.day} {day:%B %Y} (rule: {rule} report); "
                           "the table under Text description gives each town's sources.")
    table = holders_on(control, day, rule=rule)
    table["since"] = table["since"].dt.strftime("%Y-%m-%d")
    text = describe_control(control, places, day, rule=rule)
    return make_chart(fig, caption=note, alt_text=text, table=table)


def chart_small_multiples(control: pd.DataFrame, places: pd.DataFrame, *,
                          days: tuple[str, ...] = KEY_DATES, rule: str = "earliest") -> Chart:
    """Return six small maps of control on key dates (the widget's static twin).

    Example:
        >>> from helpers.data import load_control, load_places
        >>> len(chart_small_multiples(load_control(), load_places()).figure.axes)
        6
    """
    with house_style():
        fig, axes = plt.subplots(2, 3, figsize=(13, 9.5))
        for ax, day in zip(axes.flat, days, strict=True):
            draw_control(ax, control, places, day, rule=rule, labels=False)
            ax.set_xlabel("")
            ax.set_ylabel("")
            ax.tick_params(labelbottom=False, labelleft=False)
        fig.legend(handles=side_handles(), loc="lower center", ncol=2, fontsize=11)
        fig.suptitle("Who held the towns of Mali on six dates")
    text = " ".join(describe_control(control, places, day, rule=rule) for day in days)
    note = summary_caption(_sources_on(control, list(days), rule),
                           "Control of Mali's towns on six key dates, "
                           "January 2012 to February 2013.")
    return make_chart(fig, caption=note, alt_text=text)


def chart_sides_step(control: pd.DataFrame, *, rule: str = "earliest") -> Chart:
    """Return a step chart of how many towns each side held, week by week.

    Example:
        >>> from helpers.data import load_control
        >>> chart_sides_step(load_control()).table.columns[0]
        'week of'
    """
    counts = count_by_side(control, weekly_dates(), rule=rule)
    with house_style():
        fig, ax = plt.subplots(figsize=(11, 5))
        for side, (colour, marker) in SIDE_STYLES.items():
            ax.step(counts.index, counts[side], where="post", color=colour,
                    label=SIDE_LABELS[side], linewidth=2.2, marker=marker, markevery=8)
        ax.set_xlabel("Date (weekly steps)")
        ax.set_ylabel("Number of towns held")
        ax.set_title("Towns held by each side, January 2012 to February 2013")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.legend(fontsize=10, loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=2)
    peak = counts["jihadist"].idxmax()
    april = counts.loc[counts.index >= pd.Timestamp("2012-04-08")].iloc[0]
    text = (f"Weekly counts of the {int(counts.iloc[0].sum())} towns in the control table. "
            f"The government held all of them in January 2012 and {int(april['government'])} "
            f"after the fall of the three northern regional capitals in early April 2012, when "
            f"the MNLA held {int(april['separatist'])}. The jihadist groups then took town after "
            f"town from the MNLA and peaked at {int(counts['jihadist'].max())} towns in the week "
            f"of {peak.day} {peak:%B %Y}; by the end of February 2013 the government and French "
            f"forces held {int(counts['government'].iloc[-1])}.")
    table = counts.reset_index().rename(columns={"date": "week of"})
    table["week of"] = table["week of"].dt.strftime("%Y-%m-%d")
    note = summary_caption(collect_ids(control["source_ids"]),
                           "Each step is a change of holder in data/control.csv.")
    return make_chart(fig, caption=note, alt_text=text, table=table)


# A thin date-slider widget around :func:`render_week`: move the slider (or press play)

MAP_DPI = 80


def week_events_html(events: pd.DataFrame, when: object, *,
                     sources: pd.DataFrame | None = None) -> str:
    """Return an HTML list of the events in the week starting on ``when``, with sources.

    Example:
        >>> from helpers.data import load_events
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
        cited = "; ".join(short_citation(sources, s)
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
        >>> from helpers.data import load_control, load_events, load_places
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
        >>> from helpers.data import load_control, load_events, load_places
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
        >>> from helpers.data import load_control, load_events, load_places
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


# Reported distances from Bamako set beside the straight line computed from places.csv.

KM_PER_MILE = 1.609344


def to_km(value: float, unit: str) -> float:
    """Convert a reported distance to kilometres.

    Example:
        >>> round(to_km(395, "miles"))
        636
    """
    units = {"km": 1.0, "miles": KM_PER_MILE}
    if unit not in units:
        raise ValueError(f"unit {unit!r} is not one of {list(units)}")
    return float(value) * units[unit]


def compare_distances(claims: pd.DataFrame, places: pd.DataFrame, *,
                      sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return each reported distance from Bamako beside the great-circle distance.

    Reads the claims whose ``claim_key`` is ``distance-bamako-<place_id>``.

    Example:
        >>> from helpers.data import load_claims, load_places
        >>> table = compare_distances(load_claims(), load_places())
        >>> passblue = table[table["Source"] == "PassBlue, 2013-01-11"]
        >>> passblue[["Town", "Reported (km)"]].values.tolist()
        [['Mopti', 636]]
    """
    rows = []
    distance = claims[claims["claim_key"].str.startswith("distance-bamako-")]
    for claim in distance.to_dict("records"):
        place = claim["claim_key"].removeprefix("distance-bamako-")
        reported = to_km(float(claim["value"]), claim["unit"])
        straight = distance_between("bamako", place, places)
        rows.append({"Town": places.set_index("place_id").loc[place, "name"],
                     "Source": short_citation(sources, claim["source_id"]),
                     "As reported": f"{claim['value']} {claim['unit']}",
                     "Reported (km)": round(reported), "Straight line (km)": round(straight),
                     "Reported ÷ straight": round(reported / straight, 2)})
    return pd.DataFrame(rows).sort_values(["Straight line (km)", "Reported (km)"],
                                          ignore_index=True)


# The armed groups of 2012–13 as a table: what the letters stand for, aims, leaders,

GROUPS = ("mnla", "ansar_dine", "aqim", "mujao", "ganda_iso")
ASPECTS = ("aims", "leaders", "origins")


def _cell(text: object) -> str:
    return str(text).replace("|", "/").replace("\n", " ")


def group_statements(claims: pd.DataFrame, actor_id: str, aspect: str) -> list[tuple[str, str]]:
    """Return (statement, source_id) pairs for one group and one aspect.

    Claim keys follow ``group-<aspect>-<actor id with - for _>``.

    Example:
        >>> from helpers.data import load_claims
        >>> group_statements(load_claims(), "aqim", "origins")[0][1]
        'ref-northafricarisk-2017-aqim'
    """
    if aspect not in ASPECTS:
        raise ValueError(f"aspect must be one of {ASPECTS}, not {aspect!r}")
    key = f"group-{aspect}-{actor_id.replace('_', '-')}"
    rows = claims[(claims["topic"] == "armed_groups") & (claims["claim_key"] == key)]
    return list(zip(rows["claim"], rows["source_id"], strict=True))


def group_profiles(actors: pd.DataFrame, claims: pd.DataFrame, *,
                   actor_ids: tuple[str, ...] = GROUPS) -> Markdown:
    """Return a Markdown table of the armed groups with cited aims, leaders and origins.

    Raises:
        ValueError: an actor id is not in actors.csv.

    Example:
        >>> from helpers.data import load_actors, load_claims
        >>> "| MUJAO |" in group_profiles(load_actors(), load_claims())
        True
    """
    table = actors.set_index("actor_id")
    unknown = [a for a in actor_ids if a not in table.index]
    if unknown:
        raise ValueError(f"not in actors.csv: {unknown}")
    lines = ["| Group | The letters | Aims | Leaders 2012–13 | Origins |", "|---|---|---|---|---|"]
    for actor_id in actor_ids:
        actor = table.loc[actor_id]
        cells = []
        for aspect in ASPECTS:
            said = [f"{_cell(text)} (`{source}`)"
                    for text, source in group_statements(claims, actor_id, aspect)]
            cells.append("<br>".join(said) or "not recorded")
        lines.append(f"| {_cell(actor['name'])} | {_cell(actor['full_name'])} | "
                     + " | ".join(cells) + " |")
    return Markdown("\n".join(lines))
