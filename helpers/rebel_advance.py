"""Lesson 02, the rebel advance: who held each town of Mali from January 2012 to February 2013.

In reading order:

1. **Who held which town on a date** (computations over ``data/control.csv``):
   :func:`resolve_changes`, :func:`holder_on`, :func:`holders_on`, :func:`count_by_side`,
   :func:`contested_changes` (and :func:`contested_table` to show them), :func:`weekly_dates`.
2. **Charts of control**: :func:`describe_control` (a map's text alternative),
   :func:`control_map_chart` (one date), :func:`small_multiples_chart` (six key dates),
   :func:`sides_step_chart` (towns per side, week by week).
3. **The weekly map slider**: :func:`render_week` (what one slider step shows),
   :class:`WeekMap` (the same, fast: the base map is drawn once and only the towns and the
   title are redrawn) and :func:`control_explorer`, the widget around it.
4. **Reported distances** from Bamako beside the straight line: :func:`compare_distances`,
   :func:`distance_table`.
5. **The armed groups**: :func:`groups_table`, their cited aims, leaders and origins.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import html
import itertools
import operator
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

import ipywidgets as widgets
import matplotlib as mpl
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from helpers.charts import (
    PALETTE,
    Chart,
    encode_png,
    house_style,
    image_html,
    make_chart,
    whole_pixels,
)
from helpers.citations import collect_ids, short_citation, source_row
from helpers.language import current_language, format_date, format_number, translate
from helpers.maps import RIVER_SOURCE, distance_between, show_base_layer
from helpers.readers import read_date
from helpers.tables import Markdown, escape_cell, markdown_table

if TYPE_CHECKING:
    from matplotlib.axes import Axes

# 1. Who held which town on a date ------------------------------------------------------

RULES = ("earliest", "latest")
SIDES = MappingProxyType({
    "mali_state": "government", "france_mali": "government", "mnla": "separatist",
    "ansar_dine": "jihadist", "aqim": "jihadist", "mujao": "jihadist", "ganda_iso": "militia",
})
SIDE_LABELS = MappingProxyType({
    "government": "Malian state (with French forces from January 2013)",
    "separatist": "MNLA (separatist)",
    "jihadist": "Ansar Dine, AQIM and MUJAO",
    "militia": "Local militia (Ganda Iso)",
})
PERIOD = (dt.date(2012, 1, 1), dt.date(2013, 2, 28))


def _side_of(holder: str) -> str:
    if holder not in SIDES:
        raise ValueError(translate("holder {holder} has no side; known holders: {known}",
                                   holder=repr(holder), known=", ".join(SIDES)))
    return SIDES[holder]


def _check_rule(rule: str) -> None:
    if rule not in RULES:
        raise ValueError(translate("rule must be one of {rules}, not {rule}",
                                   rules=str(RULES), rule=repr(rule)))


def _day(when: object) -> pd.Timestamp:
    return pd.Timestamp(read_date(when))


def _counted(control: pd.DataFrame) -> pd.DataFrame:
    """The rows that may change a holder: a refuted claim never does."""
    if "status" not in control.columns:
        return control
    return control[control["status"] != "refuted"]


def _runs(control: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """The rows by town and date, and a number that changes with each change of holder."""
    ordered = control.sort_values(["place_id", "date"], kind="stable")
    new_run = ordered["holder"] != ordered.groupby("place_id")["holder"].shift()
    return ordered, new_run.cumsum()


def resolve_changes(control: pd.DataFrame, *, rule: str = "earliest") -> pd.DataFrame:
    """Return one row per change of holder, choosing among alternative dates by ``rule``.

    Rows whose ``status`` is ``refuted`` (a claim later shown false) are left out.

    Args:
        control: rows of ``data/control.csv`` (``place_id``, ``date``, ``holder``, ...).
        rule: ``"earliest"`` or ``"latest"`` report of a change that sources date differently.

    Example:
        >>> table = pd.DataFrame({"place_id": ["a", "a", "a"], "holder": ["x", "y", "y"],
        ...     "date": pd.to_datetime(["2012-01-01", "2012-03-01", "2012-03-05"])})
        >>> [d.day for d in resolve_changes(table, rule="latest")["date"]]
        [1, 5]
    """
    _check_rule(rule)
    ordered, run = _runs(_counted(control))
    runs = ordered.groupby(run, sort=False)
    pick = runs.head(1) if rule == "earliest" else runs.tail(1)
    return pick.reset_index(drop=True)


def _known_place(control: pd.DataFrame, place_id: str) -> None:
    towns = sorted(set(control["place_id"]))
    if place_id not in towns:
        raise ValueError(translate("{place} is not a town in control.csv; towns: {towns}",
                                   place=repr(place_id), towns=", ".join(towns)))


def holder_on(control: pd.DataFrame, place_id: str, when: object, *,
              rule: str = "earliest") -> str:
    """Return the actor id of whoever held ``place_id`` on the date ``when``.

    A change dated ``when`` already counts on that day.

    Raises:
        ValueError: unknown town, unreadable date, or a date before the town's first record.

    Example:
        >>> from helpers.data import load_control
        >>> holder_on(load_control(), "gao", "1 August 2012")
        'mujao'
    """
    _known_place(control, place_id)
    day = _day(when)
    rows = resolve_changes(control[control["place_id"] == place_id], rule=rule)
    before = rows[rows["date"] <= day]
    if before.empty:
        first = rows["date"].min().date().isoformat()
        raise ValueError(translate("control.csv has no record for {place} before {first}; "
                                   "ask about a date from {first} on",
                                   place=repr(place_id), first=first))
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
    return _holders_from(resolve_changes(control, rule=rule), _day(when))


def _holders_from(rows: pd.DataFrame, day: pd.Timestamp) -> pd.DataFrame:
    """:func:`holders_on` from changes already resolved (one row per change of holder)."""
    current = rows[rows["date"] <= day].groupby("place_id", sort=True).tail(1)
    table = current[["place_id", "holder", "date", "source_ids"]].rename(columns={"date": "since"})
    table.insert(2, "side", [_side_of(h) for h in table["holder"]])
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
    changes = resolve_changes(control, rule=rule)
    sides = np.array([_side_of(h) for h in changes["holder"]], dtype=object)
    # Each change holds from its date until the town's next change: on a day, a side
    # holds as many towns as its changes begun by then, less those already ended.
    begins = changes["date"].to_numpy()
    ends = changes.groupby("place_id")["date"].shift(-1).to_numpy()
    dates = pd.DatetimeIndex([_day(day) for day in days], name="date")
    counts = {}
    for side in SIDE_LABELS:
        begun = np.sort(begins[sides == side])
        ended = np.sort(ends[(sides == side) & ~np.isnat(ends)])
        counts[side] = (np.searchsorted(begun, dates.to_numpy(), side="right")
                        - np.searchsorted(ended, dates.to_numpy(), side="right"))
    return pd.DataFrame(counts, index=dates, columns=list(SIDE_LABELS))


def contested_changes(control: pd.DataFrame) -> pd.DataFrame:
    """List the changes that sources dispute, one row per change.

    A change is disputed when sources date it differently, when it rests on one party's
    claim (``status`` ``contested``) or when a claim of it was refuted (``refuted``: the
    date is marked so, and the maps never count it).

    Returns:
        ``place_id``, ``holder``, ``dates`` (the reported dates, in words),
        ``source_ids`` (every source of those dates, ``;``-separated) and ``notes``
        (the rows' notes, which name the reports that dispute a date).

    Example:
        >>> from helpers.data import load_control
        >>> table = contested_changes(load_control()).set_index("place_id")
        >>> table.loc["konna", "dates"]
        '11 Jan 2013 (refuted claim), 17 Jan 2013'
    """
    ordered, run = _runs(control)
    if "status" not in ordered.columns:
        ordered = ordered.assign(status="confirmed")
    records = ordered.assign(run=run).to_dict("records")
    rows = []
    for _, found in itertools.groupby(records, key=operator.itemgetter("run")):
        group = list(found)  # the reports of one change, oldest first
        if len(group) > 1 or any(r["status"] != "confirmed" for r in group):
            rows.append({"place_id": group[0]["place_id"], "holder": group[0]["holder"],
                         "dates": ", ".join(_dated(r["date"], r["status"]) for r in group),
                         "source_ids": ";".join(r["source_ids"] for r in group),
                         "notes": " / ".join(r["note"] for r in group if r["note"])})
    return pd.DataFrame(rows, columns=["place_id", "holder", "dates", "source_ids", "notes"])


def _dated(day: pd.Timestamp, status: str) -> str:
    marks = {"refuted": "{day} (refuted claim)", "contested": "{day} (claim)"}
    return translate(marks.get(status, "{day}"), day=_padded_date(day, style="short"))


def _padded_date(day: dt.date, *, style: str = "long") -> str:
    """:func:`format_date`, with the two-digit day ("05 Jan 2013") that the English tables,
    timeline and slider have always shown; other languages write the day as usual."""
    if current_language() == "en" and style in ("long", "short"):
        return f"{day:%d %b %Y}" if style == "short" else f"{day:%d %B %Y}"
    return format_date(day, style=style)


def contested_table(control: pd.DataFrame, places: pd.DataFrame,
                    actors: pd.DataFrame) -> Markdown:
    """Return the changes that sources dispute (dates, claims, refuted claims), with names.

    The ``Sources`` column keeps the source ids, and the notes name the reports that
    dispute a date: exercise 2.6 asks for one of them.

    Example:
        >>> from helpers.data import load_actors, load_control, load_places
        >>> table = contested_table(load_control(), load_places(), load_actors())
        >>> "| Konna | French and Malian forces | 11 Jan 2013 (refuted claim), 17 Jan" in table
        True
    """
    changes = contested_changes(control)
    towns = places.set_index("place_id")["name"]
    names = actors.set_index("actor_id")["name"]
    sources = translate("Sources")
    frame = pd.DataFrame({
        translate("Town"): [towns.get(p, p) for p in changes["place_id"]],
        translate("Taken by"): [names.get(h, h) for h in changes["holder"]],
        translate("Dates reported"): changes["dates"], sources: changes["source_ids"],
        translate("Notes"): changes["notes"]})
    return markdown_table(frame, code=[sources])


def weekly_dates(*, start: object = PERIOD[0], end: object = PERIOD[1]) -> list[dt.date]:
    """Return the dates of the slider's weekly steps, from ``start`` to ``end`` inclusive.

    Example:
        >>> days = weekly_dates(start="2013-01-01", end="2013-01-20")
        >>> [d.day for d in days]
        [1, 8, 15, 20]
    """
    first, last = read_date(start), read_date(end)
    if last < first:
        raise ValueError(translate("end {last} is before start {first}", last=last,
                                   first=first))
    days = [first + dt.timedelta(weeks=k) for k in range((last - first).days // 7 + 1)]
    return days if days[-1] == last else [*days, last]


# 2. Charts of control: a map on one date, six small maps, a step chart -----------------

# Colour and marker per side: Okabe-Ito colours, and a different shape for each side
# so that the map also reads in grey.
SIDE_STYLES = MappingProxyType({
    "government": (PALETTE["blue"], "s"),
    "separatist": (PALETTE["orange"], "^"),
    "jihadist": (PALETTE["vermillion"], "X"),
    "militia": (PALETTE["bluish_green"], "D"),
})
MALI_FRAME = (-12.6, 4.6, 10.2, 25.2)
# The size and resolution of the map on one date and of the slider's map, the same so
# that the two share one base picture (helpers.maps.base_layer).
MAP_SIZE = (7, 6)
MAP_DPI = 100
KEY_DATES = ("2012-01-01", "2012-03-25", "2012-04-10", "2012-09-05", "2013-01-15",
             "2013-02-15")
BORDERS = "ref-natural-earth"


def _describe(held: Mapping[str, str], names: Mapping[str, str], day: dt.date) -> str:
    """Say which side held which town: ``held`` maps place ids to sides."""
    parts = []
    for side, label in SIDE_LABELS.items():
        towns = sorted(names.get(p, p) for p, s in held.items() if s == side)
        if towns:
            parts.append(translate("{side} held {count} ({towns})", side=translate(label),
                                   count=len(towns), towns=", ".join(towns)))
    if not parts:
        return translate("No town has a record on {day}.", day=format_date(day))
    held_text = functools.reduce(
        lambda first, then: translate("{first}; {then}", first=first, then=then), parts)
    return translate("On {day}: {held}.", day=format_date(day), held=held_text)


def describe_control(control: pd.DataFrame, places: pd.DataFrame, when: object, *,
                     rule: str = "earliest") -> str:
    """Say in words who held which town on a date (the map's text alternative).

    Example:
        >>> from helpers.data import load_control, load_places
        >>> describe_control(load_control(), load_places(), "2013-01-15")[:40]
        'On 15 January 2013: Malian state (with F'
    """
    day = read_date(when)
    return _describe(_held(holders_on(control, day, rule=rule)), _names(places), day)


def _held(table: pd.DataFrame) -> dict[str, str]:
    return dict(zip(table["place_id"], table["side"], strict=True))


def _names(places: pd.DataFrame) -> dict[str, str]:
    return dict(zip(places["place_id"], places["name"], strict=True))


def _towns(control: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """Every town of ``control`` with its position and label anchor, by ``place_id``."""
    towns = pd.DataFrame({"place_id": sorted(set(control["place_id"]))})
    table = towns.merge(places, on="place_id", how="left")
    missing = table.loc[table["lat"].isna(), "place_id"].tolist()
    if missing:
        raise ValueError(translate("control.csv names towns missing from places.csv: "
                                   "{missing}", missing=missing))
    return table.set_index("place_id")


def _mark_town(ax: Axes, town: pd.Series, side: str) -> Line2D:
    colour, marker = SIDE_STYLES[side]
    return ax.plot(town["lon"], town["lat"], marker=marker, markersize=9, color=colour,
                   markeredgecolor="black", markeredgewidth=0.6, zorder=3)[0]


def _draw_control(ax: Axes, towns: pd.DataFrame, table: pd.DataFrame, day: dt.date, *,
                  small: bool = False) -> None:
    """Show the cached base map with every town named, and mark the towns as ``table``
    (from :func:`holders_on`) has them on ``day``; ``towns`` comes from :func:`_towns`.

    A ``small`` map (one of six) uses smaller names and one line per side, which draws
    as the separate markers of a large map do, only quicker."""
    show_base_layer(ax, extent=MALI_FRAME, places=towns, show_markers=False,
                    fontsize=7.5 if small else 10, label_countries=False, degrees=False)
    if small:
        for side, (colour, marker) in SIDE_STYLES.items():
            held = towns.loc[table.loc[table["side"] == side, "place_id"]]
            ax.plot(held["lon"], held["lat"], linestyle="", marker=marker, markersize=6,
                    color=colour, markeredgecolor="black", markeredgewidth=0.6, zorder=3)
    else:
        for place_id, side in zip(table["place_id"], table["side"], strict=True):
            _mark_town(ax, towns.loc[place_id], side)
    ax.set_title(format_date(day, style="short"))


def _side_handles() -> list[Line2D]:
    return [Line2D([], [], linestyle="", marker=m, color=c, markeredgecolor="black",
                   markersize=9, label=translate(SIDE_LABELS[side]))
            for side, (c, m) in SIDE_STYLES.items()]


def _summary_caption(sources: pd.DataFrame, cells: list[str], text: str, *,
                     borders: bool = True) -> str:
    """A caption that counts its sources, there being too many to list; each id is checked."""
    ids = collect_ids(cells)
    unknown = sorted(set(ids) - set(sources["source_id"]))
    if unknown:
        raise ValueError(translate("control.csv cites sources missing from sources.csv: "
                                   "{unknown}", unknown=unknown))
    if not borders:
        return translate("{text} Sources: {count} reports and references cited row by row in "
                         "data/control.csv (listed under Sources used).", text=text,
                         count=len(ids))
    return translate("{text} Sources: {count} reports and references cited row by row in "
                     "data/control.csv (listed under Sources used); borders from {borders}; "
                     "the Niger river traced approximately through towns on its banks "
                     "({river}).", text=text, count=len(ids),
                     borders=short_citation(sources, BORDERS),
                     river=short_citation(sources, RIVER_SOURCE))


def control_map_chart(control: pd.DataFrame, places: pd.DataFrame, sources: pd.DataFrame, *,
                      when: object, rule: str = "earliest") -> Chart:
    """Return the map of who held each town on ``when``, with caption and text alternative.

    Args:
        control: ``load_control()``.
        places: ``load_places()``, for the towns' positions and names.
        sources: ``load_sources()``, for the caption.
        when: the date, e.g. ``"2012-04-10"`` or ``"10 April 2012"``.
        rule: ``"earliest"`` or ``"latest"`` report of a disputed change.

    Example:
        >>> from helpers.data import load_control, load_places, load_sources
        >>> chart = control_map_chart(load_control(), load_places(), load_sources(),
        ...                           when="2012-06-01")
        >>> chart.caption.split("Sources: ")[1][:12]
        '20 reports a'
    """
    day = read_date(when)
    with house_style():
        fig, ax = plt.subplots(figsize=MAP_SIZE)
        table = holders_on(control, day, rule=rule)
        _draw_control(ax, _towns(control, places), table, day)
        ax.legend(handles=_side_handles(), loc="upper left", fontsize=10, framealpha=0.9)
    note = _summary_caption(sources, list(table["source_ids"]), translate(
        "Who held each town on {day} (rule: {rule} report); the table under Text description "
        "gives each town's sources.", day=format_date(day), rule=translate(rule)))
    text = _describe(_held(table), _names(places), day)
    table["since"] = table["since"].dt.strftime("%Y-%m-%d")
    table["side"] = [translate(side) for side in table["side"]]
    table.columns = [translate(column) for column in table.columns]
    return make_chart(fig, caption=note, alt_text=text, table=table)


def small_multiples_chart(control: pd.DataFrame, places: pd.DataFrame, sources: pd.DataFrame,
                          *, days: tuple[str, ...] = KEY_DATES,
                          rule: str = "earliest") -> Chart:
    """Return six small maps of control on key dates (the slider's static twin).

    Example:
        >>> from helpers.data import load_control, load_places, load_sources
        >>> chart = small_multiples_chart(load_control(), load_places(), load_sources())
        >>> len(chart.figure.axes), chart.alt_text.count("On ")
        (6, 6)
    """
    texts, cells = [], []
    towns, changes = _towns(control, places), resolve_changes(control, rule=rule)
    with house_style():
        fig, axes = plt.subplots(2, 3, figsize=(13, 9.5), gridspec_kw={
            "left": 0.01, "right": 0.99, "wspace": 0.03, "hspace": 0.08, "top": 0.93,
            "bottom": 0.1})
        for ax, when in zip(axes.flat, days, strict=True):
            day = read_date(when)
            table = _holders_from(changes, _day(day))
            _draw_control(ax, towns, table, day, small=True)
            texts.append(_describe(_held(table), _names(places), day))
            cells += list(table["source_ids"])
        fig.legend(handles=_side_handles(), loc="lower center", ncol=2, fontsize=11)
        fig.suptitle(translate("Who held the towns of Mali on six dates"))
    note = _summary_caption(sources, cells, translate(
        "Control of Mali's towns on six key dates, {start} to {end}.",
        start=format_date(PERIOD[0], style="month"), end=format_date(PERIOD[1], style="month")))
    return make_chart(fig, caption=note, alt_text=" ".join(texts))


def sides_step_chart(control: pd.DataFrame, sources: pd.DataFrame, *,
                     rule: str = "earliest") -> Chart:
    """Return a step chart of how many towns each side held, week by week.

    Example:
        >>> from helpers.data import load_control, load_sources
        >>> sides_step_chart(load_control(), load_sources()).table.columns[0]
        'week of'
    """
    counts = count_by_side(control, weekly_dates(), rule=rule)
    with house_style():
        fig, ax = plt.subplots(figsize=(11, 5))
        for side, (colour, marker) in SIDE_STYLES.items():
            ax.step(counts.index, counts[side], where="post", color=colour,
                    label=translate(SIDE_LABELS[side]), linewidth=2.2, marker=marker,
                    markevery=8)
        months = mdates.AutoDateLocator()
        ax.xaxis.set(major_locator=months, major_formatter=mdates.ConciseDateFormatter(
            months, show_offset=False))  # "2012, Mar, May…": a reader's months, not ISO
        ax.set_xlabel(translate("Date (weekly steps)"))
        ax.set_ylabel(translate("Number of towns held"))
        ax.set_title(translate("Towns held by each side, {start} to {end}",
                               start=format_date(PERIOD[0], style="month"),
                               end=format_date(PERIOD[1], style="month")))
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.legend(fontsize=10, loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=2)
    peak = counts["jihadist"].idxmax()
    april = counts.loc[counts.index >= pd.Timestamp("2012-04-08")].iloc[0]
    text = translate(
        "Weekly counts of the {total} towns in the control table. The government held all of "
        "them in January 2012 and {april} after the fall of the three northern regional "
        "capitals in early April 2012, when the MNLA held {mnla}. Ansar Dine, AQIM and MUJAO "
        "then took town after town from the MNLA and peaked at {peak} towns in the week of "
        "{day}; by the end of February 2013 the government and French forces held {end}.",
        total=int(counts.iloc[0].sum()), april=int(april["government"]),
        mnla=int(april["separatist"]), peak=int(counts["jihadist"].max()),
        day=format_date(peak), end=int(counts["government"].iloc[-1]))
    week_of = translate("week of")
    table = counts.reset_index().rename(columns={
        "date": week_of, **{side: translate(label) for side, label in SIDE_LABELS.items()}})
    table[week_of] = table[week_of].dt.strftime("%Y-%m-%d")
    note = _summary_caption(sources, list(control["source_ids"]),
                            translate("Each step is a change of holder in data/control.csv."),
                            borders=False)
    return make_chart(fig, caption=note, alt_text=text, table=table)


# 3. The weekly map slider ---------------------------------------------------------------



def _week_events_html(events: list[dict], cite: Callable[[str], str], day: dt.date) -> str:
    """The events of the seven days from ``day`` (``events``: records sorted by date)."""
    end = day + dt.timedelta(days=6)
    heading = html.escape(translate("Events from {start} to {end}",
                                    start=format_date(day, style="short"),
                                    end=format_date(end, style="short")))
    start = pd.Timestamp(day)
    dates = [event["date"] for event in events]
    week = events[bisect.bisect_left(dates, start):
                  bisect.bisect_left(dates, start + pd.Timedelta(days=7))]
    if not week:
        return translate("<p><strong>{heading}:</strong> none in the timeline.</p>",
                         heading=heading)
    items = []
    for event in week:
        cited = "; ".join(cite(s) for s in event["source_ids"].split(";"))
        items.append(translate(
            "<li>{day}: <strong>{title}</strong>. {summary} <small>({cited})</small></li>",
            day=_padded_date(event["date"], style="short"), title=html.escape(event["title"]),
            summary=html.escape(event["summary"]), cited=cited))
    return translate("<p><strong>{heading}:</strong></p><ul>{items}</ul>", heading=heading,
                     items="".join(items))


def _week_figure() -> tuple[Figure, Axes]:
    figure = Figure(figsize=MAP_SIZE, dpi=MAP_DPI)
    FigureCanvasAgg(figure)
    return figure, figure.add_subplot()


def _shrink_to_contents(figure: Figure) -> None:
    """Crop the figure to its contents for good, as ``savefig(bbox_inches="tight")`` does
    for one picture: same size, every artist at the same place in the cropped picture."""
    box = whole_pixels(figure.get_tightbbox(figure.canvas.get_renderer()).padded(
        mpl.rcParams["savefig.pad_inches"]), dpi=figure.dpi)
    width, height = figure.get_size_inches()
    for ax in figure.axes:
        ax.apply_aspect()
        pos = ax.get_position()
        ax.set_position([(pos.x0 * width - box.x0) / box.width,
                         (pos.y0 * height - box.y0) / box.height,
                         pos.width * width / box.width, pos.height * height / box.height])
    figure.set_size_inches(box.width, box.height)


class WeekMap:
    """The slider's map, kept between weeks: what :func:`render_week` returns, quickly.

    Built once: the base map (with the town names), legend and frame as a background
    picture. Each week restores the background, draws the town markers (recoloured) and
    the title on it and encodes the PNG. Nothing is added to or removed from the figure
    after it is built, so a failed week leaves nothing behind.

    Example:
        >>> from helpers.data import load_control, load_events, load_places, load_sources
        >>> week_map = WeekMap(load_control(), load_places(), load_events(), load_sources())
        >>> "MUJAO drives the MNLA out of Gao" in week_map("2012-06-25")[1]
        True
    """

    def __init__(self, control: pd.DataFrame, places: pd.DataFrame, events: pd.DataFrame,
                 sources: pd.DataFrame, *, rule: str = "earliest") -> None:
        changes = resolve_changes(control, rule=rule)
        # Each town's changes, oldest first, for a quick look-up of the holder on a day.
        self._history = {place: (list(rows["date"]), [_side_of(h) for h in rows["holder"]])
                         for place, rows in changes.groupby("place_id", sort=True)}
        self._names = _names(places)
        self._events = events.sort_values(["date", "event_id"]).to_dict("records")
        self._cite = functools.cache(functools.partial(_cited_html, sources))
        towns = _towns(control, places)
        with house_style():
            self._figure, self._ax = _week_figure()
            self._names_image = show_base_layer(self._ax, extent=MALI_FRAME, places=towns,
                                                show_markers=False, fontsize=10,
                                                label_countries=False, degrees=False)[-1]
            self._ax.legend(handles=_side_handles(), loc="upper left", fontsize=10,
                            framealpha=0.9)
            # The same artists, in the same order, as a fresh map draws (see _draw_control).
            self._markers = {p: _mark_town(self._ax, town, "government")
                             for p, town in towns.iterrows()}
            # The crop is measured once, with a title as tall as most (those with "Feb"
            # stand a third of a pixel higher): every week's picture has the same size.
            self._ax.set_title(format_date(PERIOD[0], style="short"))
            _shrink_to_contents(self._figure)
            for artist in [*self._markers.values(), self._names_image, self._ax.title]:
                artist.set_animated(True)  # left out of the background
            canvas = self._figure.canvas
            canvas.draw()
            self._background = canvas.copy_from_bbox(self._figure.bbox)

    def _held(self, day: dt.date) -> dict[str, str]:
        """The side holding each town on ``day``, as :func:`holders_on` says, found quickly."""
        held, moment = {}, pd.Timestamp(day)
        for place, (dates, sides) in self._history.items():
            k = bisect.bisect_right(dates, moment)
            if k:
                held[place] = sides[k - 1]
        return held

    def _draw(self, held: dict[str, str], day: dt.date) -> np.ndarray:
        canvas, ax = self._figure.canvas, self._ax
        canvas.restore_region(self._background)
        for place_id, marker in self._markers.items():
            if place_id in held:
                colour, shape = SIDE_STYLES[held[place_id]]
                marker.set(color=colour, marker=shape)
                ax.draw_artist(marker)
        ax.draw_artist(self._names_image)  # town names above the markers, as on a fresh map
        ax.set_title(format_date(day, style="short"))
        ax.draw_artist(ax.title)
        return np.asarray(canvas.buffer_rgba()).copy()

    def __call__(self, when: object) -> tuple[bytes, str]:
        """Return the map on ``when`` as PNG bytes and the panel's HTML."""
        day = read_date(when)
        held = self._held(day)
        with house_style():
            png = encode_png(self._draw(held, day))
        alt = html.escape(_describe(held, self._names, day))
        events = _week_events_html(self._events, self._cite, day)
        return png, f"<p class='control-alt'>{alt}</p>{events}"


def render_week(control: pd.DataFrame, places: pd.DataFrame, events: pd.DataFrame,
                sources: pd.DataFrame, when: object, *,
                rule: str = "earliest") -> tuple[bytes, str]:
    """Return what the slider shows for the week starting on ``when``: PNG bytes and HTML.

    The HTML holds the map's text alternative and the week's events with their sources.
    (The slider keeps one :class:`WeekMap`, which returns the same, faster.)

    Example:
        >>> from helpers.data import load_control, load_events, load_places, load_sources
        >>> png, text = render_week(load_control(), load_places(), load_events(),
        ...                         load_sources(), "2012-06-25")
        >>> png[:4] == b"\\x89PNG", "MUJAO drives the MNLA out of Gao" in text
        (True, True)
    """
    return WeekMap(control, places, events, sources, rule=rule)(when)


def control_explorer(control: pd.DataFrame, places: pd.DataFrame, events: pd.DataFrame,
                     sources: pd.DataFrame, *, start: object = PERIOD[0],
                     rule: str = "earliest") -> widgets.VBox:
    """Return a weekly date slider with a play button, the map and the week's events.

    The slider starts on the week that contains ``start``. Each move calls a kept
    :class:`WeekMap` (what :func:`render_week` returns) and shows the result.

    Example:
        >>> from helpers.data import load_control, load_events, load_places, load_sources
        >>> box = control_explorer(load_control(), load_places(), load_events(),
        ...                        load_sources())
        >>> slider = box.children[0].children[1]
        >>> slider.value = slider.options[-1][1]
        >>> "February 2013" in box.children[1].children[1].value
        True
    """
    days = weekly_dates()
    first = read_date(start)
    week = max([d for d in days if d <= first] or days[:1])
    slider = widgets.SelectionSlider(options=[(format_date(d, style="short"), d) for d in days],
                                     value=week, description=translate("Week of"),
                                     continuous_update=False,
                                     layout=widgets.Layout(width="600px"))
    play = widgets.Play(min=0, max=len(days) - 1, interval=1200, description=translate("Play"),
                        value=slider.index)
    widgets.jslink((play, "value"), (slider, "index"))
    image = widgets.HTML(layout=widgets.Layout(width="560px"))
    panel = widgets.HTML(layout=widgets.Layout(width="420px"))
    for widget, name in ((slider, "control-slider"), (play, "control-play"),
                         (image, "control-map-box"), (panel, "control-events")):
        widget.add_class(name)
    week_map = WeekMap(control, places, events, sources, rule=rule)

    def redraw(change: dict) -> None:
        png, panel.value = week_map(change["new"])
        alt = translate("Map of who held each town in the week of {day}; the text beside "
                        "the map describes it.", day=_padded_date(change["new"]))
        image.value = image_html(png, alt, css_class="control-map")

    redraw({"new": slider.value})
    slider.observe(redraw, names="value")
    return widgets.VBox([widgets.HBox([play, slider]), widgets.HBox([image, panel])])


# 4. Reported distances from Bamako beside the straight line ----------------------------

KM_PER_MILE = 1.609344
UNITS = MappingProxyType({"km": 1.0, "miles": KM_PER_MILE})


def compare_distances(claims: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """Set each reported distance from Bamako beside the great-circle distance.

    Reads the claims whose ``claim_key`` is ``distance-bamako-<place_id>``.

    Returns:
        One row per claim: ``place_id``, ``source_id``, ``value``, ``unit``,
        ``reported_km``, ``straight_km`` and ``ratio`` (reported ÷ straight), nearest first.

    Raises:
        ValueError: a claim's unit is neither km nor miles.

    Example:
        >>> from helpers.data import load_claims, load_places
        >>> table = compare_distances(load_claims(), load_places())
        >>> row = table[table["source_id"] == "seed-passblue-2013"].iloc[0]
        >>> row["place_id"], round(row["reported_km"]), round(row["straight_km"])
        ('mopti', 636, 461)
    """
    distance = claims[claims["claim_key"].str.startswith("distance-bamako-")]
    rows = []
    for claim in distance.to_dict("records"):
        if claim["unit"] not in UNITS:
            raise ValueError(translate("claim {claim}: unit {unit} is not one of {units}",
                                       claim=claim["claim_id"], unit=repr(claim["unit"]),
                                       units=list(UNITS)))
        place = claim["claim_key"].removeprefix("distance-bamako-")
        reported = float(claim["value"]) * UNITS[claim["unit"]]
        straight = distance_between(places, "bamako", place)
        rows.append({"place_id": place, "source_id": claim["source_id"],
                     "value": claim["value"], "unit": claim["unit"], "reported_km": reported,
                     "straight_km": straight, "ratio": reported / straight})
    table = pd.DataFrame(rows, columns=["place_id", "source_id", "value", "unit",
                                        "reported_km", "straight_km", "ratio"])
    return table.sort_values(["straight_km", "reported_km"], ignore_index=True)


def distance_table(claims: pd.DataFrame, places: pd.DataFrame,
                   sources: pd.DataFrame) -> Markdown:
    """Return the reported distances from Bamako beside the straight line, as a table.

    Example:
        >>> from helpers.data import load_claims, load_places, load_sources
        >>> table = distance_table(load_claims(), load_places(), load_sources())
        >>> "| Mopti | PassBlue, 2013-01-11 | 636 km | 636 | 461 | 1.38 |" in table
        True
    """
    rows = compare_distances(claims, places)
    names = places.set_index("place_id")["name"]
    frame = pd.DataFrame({
        translate("Town"): [names[p] for p in rows["place_id"]],
        translate("Source"): [_cited_html(sources, s, escape=escape_cell)
                              for s in rows["source_id"]],
        translate("As reported"): [translate("{value} {unit}", value=v, unit=u)
                                   for v, u in zip(rows["value"], rows["unit"], strict=True)],
        translate("Reported (km)"): rows["reported_km"].round().astype(int),
        translate("Straight line (km)"): rows["straight_km"].round().astype(int),
        translate("Reported ÷ straight"): [format_number(r, decimals=2) for r in rows["ratio"]]})
    return markdown_table(frame, markup=[translate("Source")])


def _cited_html(sources: pd.DataFrame, source_id: str, *,
                escape: Callable[[str], str] = html.escape) -> str:
    """A source's short citation, escaped; in an edition in another language, the citation
    of an English-language source is marked ``lang="en"`` (for screen readers and the
    English-leak check: a publisher's name such as "The Independent" stays English)."""
    text = escape(short_citation(sources, source_id))
    language = source_row(sources, source_id).get("language")
    if current_language() == "en" or (isinstance(language, str) and language not in ("", "en")):
        return text
    return f'<span lang="en">{text}</span>'



# 5. The armed groups: what the letters stand for, aims, leaders, origins ---------------

GROUPS = ("mnla", "ansar_dine", "aqim", "mujao", "ganda_iso")
ASPECTS = MappingProxyType({"aims": "Aims", "leaders": "Leaders 2012–13",
                            "origins": "Origins"})


def _statements(claims: pd.DataFrame, actor_id: str, aspect: str) -> list[tuple[str, str]]:
    """(statement, source_id) pairs; claim keys read ``group-<aspect>-<actor-id>``."""
    key = f"group-{aspect}-{actor_id.replace('_', '-')}"
    rows = claims[(claims["topic"] == "armed_groups") & (claims["claim_key"] == key)]
    return list(zip(rows["claim"], rows["source_id"], strict=True))


def groups_table(actors: pd.DataFrame, claims: pd.DataFrame, *,
                 actor_ids: tuple[str, ...] = GROUPS) -> Markdown:
    """Return the armed groups with their aims, leaders and origins, each statement cited.

    Raises:
        ValueError: an actor id is not in actors.csv.

    Example:
        >>> from helpers.data import load_actors, load_claims
        >>> "| MUJAO |" in groups_table(load_actors(), load_claims())
        True
    """
    table = actors.set_index("actor_id")
    unknown = [a for a in actor_ids if a not in table.index]
    if unknown:
        raise ValueError(translate("not in actors.csv: {unknown}", unknown=unknown))
    rows = []
    for actor_id in actor_ids:
        row = {translate("Group"): table.loc[actor_id, "name"],
               translate("The letters"): table.loc[actor_id, "full_name"]}
        for aspect, heading in ASPECTS.items():
            said = [f"{escape_cell(text)} (`{source.replace('`', '')}`)"
                    for text, source in _statements(claims, actor_id, aspect)]
            row[translate(heading)] = "<br>".join(said) or translate("not recorded")
        rows.append(row)
    return markdown_table(pd.DataFrame(rows),
                          markup=[translate(heading) for heading in ASPECTS.values()])
