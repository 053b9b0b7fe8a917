"""Lesson 03, the intervention: how many troops, whose figures, and where the campaign went.

Sections, in the order the notebook uses them:

1. **Selecting force figures** from ``deployments.csv`` and summarising them without
   averaging: :func:`select_figures`, :func:`band_by_date`, :func:`growth_ratio`,
   :func:`figures_table` (the display table).
2. **Charts of force sizes**: :func:`french_troops_chart`, :func:`african_forces_chart`,
   :func:`aircraft_chart`, :func:`all_forces_chart`.
3. **The campaign map**: :func:`campaign_map_chart`, each town with the dates of its events.
4. **Corroborating a source**: :func:`corroborate` lists other sources' figures for the same
   thing.
5. **The force explorer**: :func:`selection_chart` charts any selection;
   :func:`explore_figures` computes what the explorer shows for one choice of controls (the
   same picture, written directly as SVG so that an update takes milliseconds);
   :func:`force_explorer` is the widget around it.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

import ipywidgets as widgets
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, StrMethodFormatter

from helpers.charts import PALETTE, Chart, house_style, make_chart
from helpers.citations import caption, cited_rows, collect_ids
from helpers.data import DEPLOYMENT_CATEGORIES, FIGURE_KINDS, FORCES, SCOPES
from helpers.language import (
    SHORT_MONTH_NAMES,
    current_language,
    format_date,
    format_number,
    translate,
)
from helpers.maps import RIVER_SOURCE, show_base_layer
from helpers.readers import read_date
from helpers.tables import Markdown, html_table, markdown_table

# 1. Selecting force figures ------------------------------------------------------------------

FORCE_NAMES = {
    "serval": "French (Serval)", "barkhane": "French (Barkhane)", "afisma": "African (AFISMA)",
    "chad": "Chad", "minusma": "UN (MINUSMA)", "mali_army": "Malian army",
    "us": "United States", "eutm": "EU trainers (EUTM)",
}
_SCOPE_NAMES = {"in_mali": "in Mali", "engaged": "engaged (incl. outside Mali)",
                "in_region": "based in the region", "": "where not stated"}
_CATEGORY_NAMES = {"troops": "troops", "police": "police", "personnel": "personnel",
                   "combat_aircraft": "combat aircraft", "tankers": "tankers",
                   "transport_aircraft": "transport aircraft", "helicopters": "helicopters",
                   "drones": "drones", "sorties": "sorties", "cargo_tonnes": "cargo tonnes",
                   "funding_usd": "funding usd"}


_CONTRIBUTORS = ("Benin", "Burkina Faso", "Chad", "Cote d'Ivoire", "ECOWAS", "European Union",
                 "France", "Ghana", "Guinea", "Mali", "Niger", "Nigeria", "Senegal", "Togo",
                 "United Nations", "United States")  # as deployments.csv spells them


def _contributor_name(contributor: str) -> str:
    """Return a contributing country or body in the lesson's language (as written if unknown)."""
    return translate(contributor) if contributor in _CONTRIBUTORS else contributor


def _force_name(force: str) -> str:
    """Return a force's readable name in the lesson's language (its code if unknown)."""
    return translate(FORCE_NAMES[force]) if force in FORCE_NAMES else force


def _category_name(category: str) -> str:
    """Return a category in words ("combat aircraft"), in the lesson's language."""
    return translate(_CATEGORY_NAMES.get(category, category.replace("_", " ")))


def _kind_name(kind: str) -> str:
    """Return a kind of figure as the data spells it ("authorized"), in the lesson's language."""
    return translate(kind)


def _readable() -> dict[str, str]:
    """Return the names the charts' data tables show for force and scope codes."""
    names = {code: _force_name(code) for code in FORCE_NAMES}
    names.update({k: translate(v) for k, v in _SCOPE_NAMES.items() if k})
    names.update({name: translate(name) for name in _CONTRIBUTORS})
    names.update({code: _category_name(code) for code in _CATEGORY_NAMES})
    names.update({code: _kind_name(code) for code in FIGURE_KINDS})
    return names


def _short_date(day: dt.date, *, year: bool = True) -> str:
    """Return "06 Feb 2013" (English, as the lesson always wrote it) or "6 févr. 2013".

    Example:
        >>> _short_date(pd.Timestamp("2013-02-06"), year=False)
        '06 Feb'
    """
    if current_language() == "en":
        return f"{day:%d %b %Y}" if year else f"{day:%d %b}"
    return format_date(day, style="short" if year else "short-day-month")


class SelectionError(ValueError):
    """An option names a value the data does not know; the message lists what it does."""


def _as_tuple(values: str | Iterable[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    if isinstance(values, str):
        return (values,)
    return tuple(values)


def _check_known(option: str, values: tuple[str, ...] | None, known: Iterable[str]) -> None:
    if values is None:
        return
    allowed = tuple(known)
    unknown = [value for value in values if value not in allowed]
    if unknown:
        raise SelectionError(translate("{option}: {value} is not known; choose from {known}",
                                       option=option, value=repr(unknown[0]),
                                       known=", ".join(allowed)))


def select_figures(deployments: pd.DataFrame, *, forces: str | Iterable[str] | None = None,
                   contributors: str | Iterable[str] | None = None,
                   categories: str | Iterable[str] | None = None,
                   figure_kinds: str | Iterable[str] | None = None,
                   scopes: str | Iterable[str] | None = None,
                   start: object = None, end: object = None) -> pd.DataFrame:
    """Return the rows matching every option given, sorted by date then value.

    ``None`` means "any". An empty list selects nothing (and returns an empty table).
    ``scopes`` may include ``""`` for figures whose source does not say where.

    Args:
        deployments: ``load_deployments()``.
        forces, contributors, categories, figure_kinds, scopes: one value or several.
        start, end: the first and last day kept (any date :func:`helpers.read_date` reads).

    Raises:
        SelectionError: an option names an unknown value, or a date cannot be read.

    Example:
        >>> from helpers.data import load_deployments
        >>> rows = select_figures(load_deployments(), forces="serval", categories="troops",
        ...                       figure_kinds="deployed", start="2013-01-15", end="2013-01-15")
        >>> sorted(set(rows["value"]))
        [750.0, 800.0, 1700.0]
    """
    options = {"forces": (_as_tuple(forces), FORCES),
               "categories": (_as_tuple(categories), DEPLOYMENT_CATEGORIES),
               "figure_kinds": (_as_tuple(figure_kinds), FIGURE_KINDS),
               "scopes": (_as_tuple(scopes), (*SCOPES, ""))}
    for option, (values, known) in options.items():
        _check_known(option, values, known)
    keep = pd.Series(True, index=deployments.index)
    columns = {"forces": "force", "categories": "category", "figure_kinds": "figure_kind",
               "scopes": "scope"}
    for option, (values, _) in options.items():
        if values is not None:
            keep &= deployments[columns[option]].isin(values)
    wanted = _as_tuple(contributors)
    if wanted is not None:
        keep &= deployments["contributor"].isin(wanted)
    low, high = _read_window(start, end)
    if low is not None:
        keep &= deployments["date"] >= low
    if high is not None:
        keep &= deployments["date"] <= high
    return deployments[keep].sort_values(["date", "value"]).reset_index(drop=True)


def _read_window(start: object, end: object) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    bounds: list[pd.Timestamp | None] = []
    for name, value in (("start", start), ("end", end)):
        if value is None or value == "":
            bounds.append(None)
            continue
        try:
            bounds.append(pd.Timestamp(read_date(value)))
        except ValueError as error:
            raise SelectionError(f"{name}: {error}") from None
    low, high = bounds
    if low is not None and high is not None and low > high:
        raise SelectionError(translate("start ({start}) is after end ({end})",
                                       start=f"{low:%Y-%m-%d}", end=f"{high:%Y-%m-%d}"))
    return low, high


def band_by_date(figures: pd.DataFrame) -> pd.DataFrame:
    """Return, for each date, the lowest and highest figure reported and how many reports.

    Nothing is averaged: ``low`` and ``high`` are reported values.

    Example:
        >>> rows = pd.DataFrame({"date": pd.to_datetime(["2013-01-15"] * 3),
        ...                      "value": [750.0, 800.0, 800.0], "source_id": ["a", "b", "c"]})
        >>> band_by_date(rows).iloc[0].to_dict()["high"]
        800.0
    """
    if figures.empty:
        return pd.DataFrame({"date": pd.Series(dtype="datetime64[ns]"), "low": [], "high": [],
                             "reports": pd.Series(dtype="int64")})
    grouped = figures.groupby("date")["value"]
    band = pd.DataFrame({"low": grouped.min(), "high": grouped.max(),
                         "reports": grouped.size()}).reset_index()
    return band.sort_values("date").reset_index(drop=True)


def _span(low: float, high: float) -> str:
    if low == high:
        return format_number(low)
    return translate("{low} to {high}", low=format_number(low), high=format_number(high))


def _describe_band(band: pd.DataFrame, *, what: str) -> str:
    """Say in words what a band shows: its range and the dates where sources disagree.

    Example:
        >>> band = pd.DataFrame({"date": pd.to_datetime(["2013-01-15", "2013-02-06"]),
        ...                      "low": [750.0, 4000.0], "high": [800.0, 4000.0],
        ...                      "reports": [3, 2]})
        >>> text = _describe_band(band, what="French troops in Mali")
        >>> text.split(";")[0]
        'French troops in Mali: reports on 2 dates from 15 Jan 2013 to 06 Feb 2013'
        >>> text.endswith("the widest gap is 750 to 800 on 15 Jan 2013.")
        True
    """
    if band.empty:
        return translate("{what}: no figures match this selection.", what=what)
    first, last = band.iloc[0], band.iloc[-1]
    peak = band.loc[band["high"].idxmax()]
    split = band[band["low"] < band["high"]]
    sentence = translate("{what}: reports on {count} dates from {first} to {last}; {first_span} "
                         "on the first date, {last_span} on the last, highest {peak} "
                         "({peak_day}).", what=what, count=len(band),
                         first=_short_date(first["date"]), last=_short_date(last["date"]),
                         first_span=_span(first["low"], first["high"]),
                         last_span=_span(last["low"], last["high"]),
                         peak=format_number(peak["high"]), peak_day=_short_date(peak["date"]))
    if split.empty:
        return sentence + translate(" On every date the sources agree.")
    widest = split.loc[(split["high"] - split["low"]).idxmax()]
    return sentence + translate(" Sources disagree on {count} of the dates; the widest gap is "
                                "{span} on {day}.", count=len(split),
                                span=_span(widest["low"], widest["high"]),
                                day=_short_date(widest["date"]))


def growth_ratio(first: float, last: float) -> float:
    """Return how many times larger ``last`` is than ``first``.

    Example:
        >>> round(growth_ratio(750, 4000), 2)
        5.33
    """
    if first <= 0:
        raise ValueError(translate("the first figure must be above zero to compare growth, "
                                   "got {first}", first=repr(first)))
    return float(last) / float(first)


def _figure_rows(figures: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Return the figures as readable rows (names, not codes), the source named in each."""
    names = dict(zip(sources["source_id"], sources["publisher"], strict=True))
    return pd.DataFrame({
        translate("Date"): figures["date"].dt.strftime("%Y-%m-%d"),
        translate("Force"): figures["force"].map(_force_name),
        translate("Contributor"): figures["contributor"].map(_contributor_name),
        translate("What"): figures["category"].map(_category_name),
        translate("Kind"): figures["figure_kind"].map(_kind_name),
        translate("Where"): figures["scope"].map(lambda scope: translate(_SCOPE_NAMES[scope])),
        translate("Figure"): figures["value"].map(format_number),
        translate("Source"): (figures["source_id"].map(names).fillna("") + " ("
                              + figures["source_id"] + ")"),
    }).reset_index(drop=True)


def figures_table(figures: pd.DataFrame, sources: pd.DataFrame) -> Markdown:
    """Return figures as a table, one row each, with the source's publisher and id.

    Args:
        figures: rows of ``deployments.csv``, e.g. from :func:`select_figures`.
        sources: ``load_sources()``.

    Example:
        >>> from helpers.data import load_deployments, load_sources
        >>> rows = select_figures(load_deployments(), forces="minusma", categories="police")
        >>> figures_table(rows, load_sources()).splitlines()[0]
        '| Date | Force | Contributor | What | Kind | Where | Figure | Source |'
    """
    return markdown_table(_figure_rows(figures, sources))


# 2. Charts of force sizes: French build-up and drawdown, African forces, aircraft -----------

_KIND_STYLES = {  # figure_kind -> (colour, marker, label)
    "authorized": (PALETTE["black"], "s", "authorised"),
    "planned": (PALETTE["reddish_purple"], "D", "planned"),
    "announced": (PALETTE["reddish_purple"], "d", "announced"),
    "pledged": (PALETTE["orange"], "^", "pledged"),
    "deployed": (PALETTE["blue"], "o", "deployed (arrived)"),
    "peak": (PALETTE["vermillion"], "*", "peak"),
}
_AIRCRAFT = {"combat_aircraft": ("combat aircraft", PALETTE["blue"], "o"),
             "tankers": ("tankers", PALETTE["orange"], "s"),
             "transport_aircraft": ("transport aircraft", PALETTE["bluish_green"], "^"),
             "helicopters": ("helicopters", PALETTE["vermillion"], "D"),
             "drones": ("drones", PALETTE["reddish_purple"], "v")}
_OUTSIDE = {"loc": "upper left", "bbox_to_anchor": (1.01, 1.0), "frameon": False}  # legends


_ENGLISH_MONTH = re.compile(r"\b(" + "|".join(SHORT_MONTH_NAMES["en"]) + r")\b")


def _months_in_language(text: str) -> str:
    """Replace English short month names (matplotlib's) by the lesson language's.

    Example:
        >>> _months_in_language("Feb 2013")
        'Feb 2013'
    """
    code = current_language()
    if code == "en":
        return text
    names = dict(zip(SHORT_MONTH_NAMES["en"], SHORT_MONTH_NAMES[code], strict=True))
    return _ENGLISH_MONTH.sub(lambda match: names[match.group(1)], text)


class _DateLabels(mdates.ConciseDateFormatter):
    """Concise date tick labels with month names in the lesson's language."""

    def __call__(self, x: float, pos: int | None = None) -> str:
        return _months_in_language(super().__call__(x, pos))

    def format_ticks(self, values: list[float]) -> list[str]:
        return [_months_in_language(label) for label in super().format_ticks(values)]

    def get_offset(self) -> str:
        return _months_in_language(super().get_offset())


def _date_axis(ax: plt.Axes) -> None:
    """Format a date x axis (concise labels), its label, a zero baseline and a light grid."""
    low, high = ax.dataLim.intervalx
    if high - low < 2:
        ax.set_xlim(low - 15, high + 15)
    locator = mdates.AutoDateLocator(maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(_DateLabels(locator))
    ax.set_xlabel(translate("Date the figure refers to"))
    ax.set_ylim(bottom=0)
    ax.grid(axis="y", color=PALETTE["grey"], alpha=0.3)


def _finish(fig: Figure, rows: pd.DataFrame, sources: pd.DataFrame, *, text: str,
            alt: str) -> Chart:
    return make_chart(fig, caption=caption(sources, rows["source_id"], text=text),
                      alt_text=alt, table=_data_table(rows, sources))


def _column_name(column: str) -> str:
    return translate(column) if column in _COLUMNS else column


def _data_table(rows: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Return a chart's rows as its text description shows them, headers in the language."""
    kept = rows.drop(columns=[c for c in rows.columns if c.endswith("_en")])  # French only
    table = cited_rows(kept, sources, names=_readable())
    if current_language() != "en" and "value" in table.columns:  # English keeps "11200.0"
        table["value"] = table["value"].map(format_number)
    return table.rename(columns=_column_name)


_COLUMNS = ("date", "force", "contributor", "category", "figure kind", "scope", "value",
            "source", "sources", "note", "place id", "title", "date precision",
            "base")  # the chart tables' headers that are translated


def french_troops_chart(deployments: pd.DataFrame, sources: pd.DataFrame, *,
                        start: str = "2013-01-01", end: str = "2014-08-31") -> Chart:
    """Chart French troop figures: each report as a point, plus the low-high band in Mali.

    Args:
        deployments: ``load_deployments()``.
        sources: ``load_sources()``, for the caption.
        start, end: the window shown.

    Example:
        >>> from helpers.data import load_deployments, load_sources
        >>> chart = french_troops_chart(load_deployments(), load_sources())
        >>> chart.figure.axes[0].get_ylabel()
        'Troops (people)'
    """
    rows = select_figures(deployments, forces=("serval", "barkhane"), categories="troops",
                          start=start, end=end)
    in_mali = rows[(rows["figure_kind"] == "deployed") & (rows["scope"] == "in_mali")]
    band = band_by_date(in_mali)
    with house_style():
        fig, ax = plt.subplots(figsize=(10, 5))
        ax.fill_between(band["date"], band["low"], band["high"], color=PALETTE["sky_blue"],
                        alpha=0.35, linewidth=3, edgecolor=PALETTE["sky_blue"],
                        label=translate("band: lowest to highest\nreport in Mali"))
        series = [(translate("in Mali"), in_mali, PALETTE["blue"], "o"),
                  (translate("engaged, incl.\noutside Mali"),
                   rows[(rows["figure_kind"] == "deployed") & (rows["scope"] != "in_mali")],
                   PALETTE["orange"], "s"),
                  (translate("planned or announced"),
                   rows[rows["figure_kind"].isin(["planned", "announced"])],
                   PALETTE["reddish_purple"], "D")]
        for label, part, colour, marker in series:
            ax.scatter(part["date"], part["value"], color=colour, marker=marker, s=40,
                       label=translate("{label} ({count} reports)", label=label,
                                       count=len(part)), zorder=3)
        ax.set_ylabel(translate("Troops (people)"))
        ax.set_title(translate("French troops: each source's figure, and the range in Mali"))
        _date_axis(ax)
        ax.legend(**_OUTSIDE)
    alt = _describe_band(band, what=translate("French troops reported in Mali"))
    return _finish(fig, rows, sources, alt=alt,
                   text=translate("French troop figures, one point per source and date."))


def african_forces_chart(deployments: pd.DataFrame, sources: pd.DataFrame, *,
                         start: str = "2012-11-01", end: str = "2013-07-31") -> Chart:
    """Chart African troop totals by kind of figure: planned/authorised, pledged, arrived.

    AFISMA totals only (contributor ECOWAS) plus the UN ceiling and transfer, so that
    country pledges are not double counted.

    Example:
        >>> from helpers.data import load_deployments, load_sources
        >>> chart = african_forces_chart(load_deployments(), load_sources())
        >>> len(chart.figure.axes[0].collections) >= 3
        True
    """
    rows = pd.concat([
        select_figures(deployments, forces="afisma", contributors="ECOWAS",
                       categories="troops", start=start, end=end),
        select_figures(deployments, forces="minusma", categories="troops", start=start, end=end),
    ]).sort_values(["date", "value"]).reset_index(drop=True)
    with house_style():
        fig, ax = plt.subplots(figsize=(10, 5))
        for kind, (colour, marker, label) in _KIND_STYLES.items():
            for force, filled in (("afisma", True), ("minusma", False)):
                part = rows[(rows["figure_kind"] == kind) & (rows["force"] == force)]
                if part.empty:
                    continue
                name = (translate("AFISMA {kind}", kind=translate(label)) if filled else
                        translate("MINUSMA (UN) {kind}", kind=translate(label)))
                ax.scatter(part["date"], part["value"], s=55, marker=marker, label=name,
                           color=colour if filled else "white", edgecolors=colour, zorder=3)
        ax.set_ylabel(translate("Troops (people)"))
        ax.set_title(translate("African-led and UN forces: planned, pledged and arrived"))
        _date_axis(ax)
        ax.legend(fontsize=10, **_OUTSIDE)
    return _finish(fig, rows, sources, alt=_kinds_sentence(rows),
                   text=translate("African-led force (AFISMA) and its UN successor."))


def _kinds_sentence(rows: pd.DataFrame) -> str:
    parts = []
    for kind in _KIND_STYLES:
        part = rows[rows["figure_kind"] == kind]
        if not part.empty:
            parts.append(translate("{kind}: {count} figures from {low} to {high}",
                                   kind=translate(_KIND_STYLES[kind][2]), count=len(part),
                                   low=format_number(part["value"].min()),
                                   high=format_number(part["value"].max())))
    if not parts:
        return translate("No figures.")
    return translate("Troop figures by kind — {parts}.", parts="; ".join(parts))


def _points(rows: pd.DataFrame) -> str:
    pairs = zip(rows["date"], rows["value"], strict=True)
    return ", ".join(f"{format_number(value)} ({_short_date(day)})" for day, value in pairs)


def aircraft_chart(deployments: pd.DataFrame, sources: pd.DataFrame) -> Chart:
    """Chart French aircraft by type: one point per source, date and type (bases summed).

    Example:
        >>> from helpers.data import load_deployments, load_sources
        >>> aircraft_chart(load_deployments(), load_sources()).figure.axes[0].get_ylabel()
        'Aircraft (number)'
    """
    rows = select_figures(deployments, forces="serval", categories=tuple(_AIRCRAFT))
    summed = (rows.groupby(["date", "source_id", "category"], as_index=False)["value"].sum())
    with house_style():
        fig, ax = plt.subplots(figsize=(10, 5))
        for category, (label, colour, marker) in _AIRCRAFT.items():
            part = summed[summed["category"] == category]
            ax.scatter(part["date"], part["value"], color=colour, marker=marker, s=55,
                       label=translate(label), zorder=3)
        ax.set_ylabel(translate("Aircraft (number)"))
        ax.set_title(translate("French aircraft for Operation Serval, by type"))
        _date_axis(ax)
        ax.legend(**_OUTSIDE)
    alt = "; ".join(f"{translate(_AIRCRAFT[c][0])}: {_points(g)}"
                    for c, g in summed.groupby("category"))
    return _finish(fig, rows, sources, alt=translate("Aircraft per report — {alt}.", alt=alt),
                   text=translate("French aircraft by type; where a source lists several "
                                  "bases, its counts are added."))


_ALL_FORCES = {"serval": ("French (in Mali)", PALETTE["blue"], "o"),
               "afisma": ("African-led (AFISMA)", PALETTE["orange"], "^"),
               "chad": ("Chad", PALETTE["bluish_green"], "s"),
               "mali_army": ("Malian army (estimates)", PALETTE["vermillion"], "D"),
               "minusma": ("UN (MINUSMA)", PALETTE["reddish_purple"], "v")}


def all_forces_chart(deployments: pd.DataFrame, sources: pd.DataFrame, *,
                     start: str = "2013-01-01", end: str = "2013-07-31") -> Chart:
    """Chart every force's troops reported present (deployed), one colour per force.

    Example:
        >>> from helpers.data import load_deployments, load_sources
        >>> chart = all_forces_chart(load_deployments(), load_sources())
        >>> len(chart.figure.axes[0].collections)
        5
    """
    rows = select_figures(deployments, forces=tuple(_ALL_FORCES), categories="troops",
                          figure_kinds="deployed", start=start, end=end)
    totals = rows["contributor"].isin(["ECOWAS", "France", "Chad", "Mali", "United Nations"])
    present = (rows["scope"] == "in_mali") | ((rows["force"] != "serval")
                                              & (rows["scope"] != "in_region"))
    rows = rows[totals & present]
    with house_style():
        fig, ax = plt.subplots(figsize=(10, 5))
        for force, (label, colour, marker) in _ALL_FORCES.items():
            part = rows[rows["force"] == force]
            ax.scatter(part["date"], part["value"], color=colour, marker=marker, s=50,
                       label=translate("{label} ({count} reports)", label=translate(label),
                                       count=len(part)), zorder=3)
        ax.set_ylabel(translate("Troops (people)"))
        ax.set_title(translate("Troops reported present, January to July 2013"))
        _date_axis(ax)
        ax.legend(fontsize=10, **_OUTSIDE)
    counts = rows.groupby("force")["value"].agg(["min", "max", "size"])
    alt = "; ".join(translate("{force}: {count} reports, {span}",
                              force=translate(_ALL_FORCES[f][0]), count=int(r["size"]),
                              span=_span(r["min"], r["max"])) for f, r in counts.iterrows())
    return _finish(fig, rows, sources, alt=translate("Troops reported present — {alt}.", alt=alt),
                   text=translate("All forces, troops reported present (deployed figures)."))


# 3. The January–March 2013 campaign on the map: each town with the dates of its events -----

def _campaign_events(events: pd.DataFrame, *, start: str = "2013-01-10",
                     end: str = "2013-03-31") -> pd.DataFrame:
    """Return the dated intervention events that have a place, first date first.

    Example:
        >>> from helpers.data import load_events
        >>> _campaign_events(load_events())["place_id"].iloc[0]
        'konna'
    """
    window = events[(events["date"] >= start) & (events["date"] <= end)
                    & (events["category"] == "intervention") & (events["place_id"] != "")]
    return window.sort_values("date").reset_index(drop=True)


def _label(name: str, days: pd.Series) -> str:
    first, last = days.min(), days.max()
    when = (_short_date(first, year=False) if first == last else
            f"{_short_date(first, year=False)}–{_short_date(last, year=False)}")
    return f"{name}\n{when}"


def campaign_map_chart(events: pd.DataFrame, places: pd.DataFrame, sources: pd.DataFrame, *,
                       start: str = "2013-01-10", end: str = "2013-03-31") -> Chart:
    """Map the towns where the intervention's events happened, labelled with their dates.

    Contested events (a note saying so in ``events.csv``) are kept; the text alternative
    lists every event with its date so the order can be read without the map.

    Args:
        events: ``load_events()``.
        places: ``load_places()``.
        sources: ``load_sources()``, for the caption.
        start, end: the window of events shown (``YYYY-MM-DD``).

    Raises:
        ValueError: no intervention event with a place falls in the window.

    Example:
        >>> from helpers.data import load_events, load_places, load_sources
        >>> chart = campaign_map_chart(load_events(), load_places(), load_sources())
        >>> "Konna" in chart.alt_text and "Sources:" in chart.caption
        True
    """
    rows = _campaign_events(events, start=start, end=end)
    if rows.empty:
        raise ValueError(translate("no intervention events with a place between {start} and "
                                   "{end}", start=start, end=end))
    named = places.set_index("place_id")
    marked = named.loc[rows["place_id"].unique()].reset_index()
    marked["name"] = [_label(name, rows.loc[rows["place_id"] == pid, "date"])
                      for pid, name in zip(marked["place_id"], marked["name"], strict=True)]
    capital = named.loc[["bamako"]].reset_index()
    with house_style():
        fig, ax = plt.subplots(figsize=(10, 7))
        show_base_layer(ax, extent=(-12.5, 5.0, 10.0, 22.5),
                        places=pd.concat([capital, marked]), fontsize=10, degrees=False)
        ax.set_title(translate("Where the intervention's events happened, {start} to {end}",
                               start=format_date(read_date(start), style="month"),
                               end=format_date(read_date(end), style="month")))
    alt = "; ".join(translate("{day} {place}: {title}", day=_short_date(day),
                              place=named.loc[pid, "name"], title=title)
                    for day, pid, title in zip(rows["date"], rows["place_id"], rows["title"],
                                               strict=True))
    note = caption(sources, ["ref-natural-earth", RIVER_SOURCE, *collect_ids(rows["source_ids"])],
                   text=translate("Intervention events by town, from data/events.csv; borders "
                                  "from Natural Earth; the Niger river traced approximately "
                                  "through towns on its banks."))
    table = rows[["date", "place_id", "title", "note"]].rename(columns=_column_name)
    return make_chart(fig, caption=note, alt_text=translate("Events in date order — {alt}.",
                                                            alt=alt), table=table)


# 4. Check one source's force figures against what other sources report for the same thing --

_SAME = ["force", "category", "figure_kind", "scope"]


def _listing(near: pd.DataFrame, names: dict[str, str], *, most: int = 3) -> str:
    shown = [f"{format_number(value)} ({names.get(source, source)})"
             for value, source in zip(near["value"], near["source_id"], strict=True)]
    if not shown:
        return translate("none")
    return ", ".join(shown[:most]) + (", …" if len(shown) > most else "")


def corroborate(deployments: pd.DataFrame, source_id: str, sources: pd.DataFrame, *,
                days: int = 3) -> pd.DataFrame:
    """For each figure a source gives, list other sources' figures for the same thing.

    "The same thing" means the same force, category, kind of figure and scope, dated
    within ``days`` days either side. Nothing is averaged: the other figures are listed.

    Args:
        deployments: ``load_deployments()``.
        source_id: the source whose figures are checked.
        sources: ``load_sources()``, to name the other sources.
        days: how far apart two dates may be and still count as the same moment.

    Raises:
        ValueError: the source gives no figure in ``deployments.csv``.

    Example:
        >>> from helpers.data import load_deployments, load_sources
        >>> table = corroborate(load_deployments(), "seed-france24-2013", load_sources())
        >>> row = table.set_index("What").loc["French (Serval): troops, deployed, in_mali"]
        >>> row["This source"], int(row["Others agree"]), int(row["Others differ"])
        ('2,150', 1, 8)
    """
    own = deployments[deployments["source_id"] == source_id]
    if own.empty:
        raise ValueError(translate("no figures from source {source} in deployments.csv",
                                   source=repr(source_id)))
    names = dict(zip(sources["source_id"], sources["publisher"], strict=True))
    others = deployments[deployments["source_id"] != source_id]
    rows = []
    for _, figure in own.iterrows():
        near = others[(others[_SAME] == figure[_SAME]).all(axis=1)
                      & ((others["date"] - figure["date"]).abs() <= pd.Timedelta(days=days))]
        near = near.sort_values(["date", "value"])
        rows.append({
            translate("What"): translate(
                "{force}: {category}, {kind}, {scope}", force=_force_name(figure["force"]),
                category=_category_name(figure["category"]),
                kind=_kind_name(figure["figure_kind"]),
                scope=translate(figure["scope"] or "unstated")),
            translate("This source"): format_number(figure["value"]),
            translate("Others within a few days"): _listing(near, names),
            translate("Others agree"): int((near["value"] == figure["value"]).sum()),
            translate("Others differ"): int((near["value"] != figure["value"]).sum()),
        })
    return pd.DataFrame(rows)


# 5. The force explorer: one kept figure, what one selection shows, and the widget ----------

_ALL = ""  # the contributor dropdown's "All"
_UNITS = {"troops": "people", "police": "people", "personnel": "people",
          "cargo_tonnes": "tonnes", "funding_usd": "US dollars"}


_AXIS_NAMES = {"cargo_tonnes": "cargo", "funding_usd": "funding"}  # the unit goes in brackets


def _value_label(category: str) -> str:
    """Return a y axis label for a category, "Troops (people)", in the lesson's language.

    Example:
        >>> _value_label("cargo_tonnes")
        'Cargo (tonnes)'
    """
    what = translate(_AXIS_NAMES.get(category, category.replace("_", " ")))
    return translate("{what} ({unit})", what=what[:1].upper() + what[1:],
                     unit=translate(_UNITS.get(category, "number")))


_W, _H = 860, 400  # the explorer's SVG chart, in pixels
_PLOT = (88, 44, 600, 336)  # left (at least), top, right, bottom of the plotting area
_SHAPES = {  # marker -> SVG path around (0, 0), about 8 px across
    "s": "M-4,-4H4V4H-4Z", "D": "M0,-5.5L5.5,0L0,5.5L-5.5,0Z", "d": "M0,-6L3.5,0L0,6L-3.5,0Z",
    "^": "M0,-5.5L5,4H-5Z", "o": "M-4.5,0A4.5,4.5 0 1 0 4.5,0A4.5,4.5 0 1 0 -4.5,0Z",
    "*": "M0,-6.5L1.9,-2L6.5,-2L2.8,1L4.2,6L0,3L-4.2,6L-2.8,1L-6.5,-2L-1.9,-2Z",
}


def _svg_text(x: float, y: float, text: str, *, size: int = 14, anchor: str = "middle",
              extra: str = "") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}"{extra}>'
            f"{html.escape(text)}</text>")


def _selection_svg(figures: pd.DataFrame, *, title: str) -> str:
    """Draw a selection as SVG text: the picture :func:`selection_chart` draws, built directly.

    A widget redraws on every change; writing the SVG takes a few milliseconds where a
    matplotlib figure takes tens. Points carry their kind, date and value as data attributes.
    """
    days = mdates.date2num(figures["date"])
    values = figures["value"].to_numpy(dtype=float)
    low, high = days.min(), days.max()
    pad = 15 if high - low < 2 else 0.05 * (high - low)
    x0, x1 = low - pad, high + pad
    y1 = 1.06 * values.max() if values.max() > 0 else 1.0
    left, top, right, bottom = _PLOT
    left = max(left, 44 + 9 * len(format_number(y1)))  # room for the widest tick label

    def px(day: float) -> float:
        return left + (day - x0) / (x1 - x0) * (right - left)

    def py(value: float) -> float:
        return bottom - value / y1 * (bottom - top)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{_W}" height="{_H}" '
             f'viewBox="0 0 {_W} {_H}" font-family="DejaVu Sans, Arial, sans-serif">',
             f'<rect width="{_W}" height="{_H}" fill="white"/>']
    yticks = [v for v in MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10]).tick_values(0, y1)
              if 0 <= v <= y1]
    for value in yticks:
        y = py(value)
        parts.append(f'<line x1="{left}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}" '
                     f'stroke="{PALETTE["grey"]}" stroke-opacity="0.3"/>')
        parts.append(_svg_text(left - 8, y + 5, format_number(value), anchor="end"))
    locator = mdates.AutoDateLocator(maxticks=8)
    formatter = _DateLabels(locator)
    xticks = [t for t in locator.tick_values(mdates.num2date(x0), mdates.num2date(x1))
              if x0 <= t <= x1]
    for tick, label in zip(xticks, formatter.format_ticks(xticks), strict=True):
        x = px(tick)
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{bottom}" y2="{bottom + 5}" '
                     'stroke="black"/>')
        parts.append(_svg_text(x, bottom + 22, label))
    parts.append(_svg_text(right, bottom + 42, formatter.get_offset(), anchor="end"))
    parts.append(f'<path d="M{left},{top}V{bottom}H{right}" fill="none" stroke="black"/>')
    band = band_by_date(figures[figures["figure_kind"] == "deployed"])
    legend: list[tuple[str, str]] = []  # (symbol, label)
    if len(band) > 1:
        edge = [f"{px(d):.1f},{py(v):.1f}" for d, v in
                zip(mdates.date2num(band["date"]), band["high"], strict=True)]
        edge += [f"{px(d):.1f},{py(v):.1f}" for d, v in
                 zip(mdates.date2num(band["date"])[::-1], band["low"][::-1], strict=True)]
        parts.append(f'<polygon class="band" points="{" ".join(edge)}" '
                     f'fill="{PALETTE["sky_blue"]}" fill-opacity="0.35" '
                     f'stroke="{PALETTE["sky_blue"]}" stroke-opacity="0.35"/>')
        legend.append((f'<rect x="-8" y="-6" width="16" height="12" fill="{PALETTE["sky_blue"]}" '
                       'fill-opacity="0.35"/>', translate("range of deployed figures")))
    kinds = figures["figure_kind"].to_numpy()
    for kind, (colour, marker, label) in _KIND_STYLES.items():
        chosen = kinds == kind
        if not chosen.any():
            continue
        shape = f'<path d="{_SHAPES[marker]}" fill="{colour}"/>'
        for day, value in zip(days[chosen], values[chosen], strict=True):
            parts.append(f'<path class="point" data-kind="{kind}" '
                         f'data-date="{mdates.num2date(day):%Y-%m-%d}" data-value="{value:g}" '
                         f'transform="translate({px(day):.1f},{py(value):.1f})" '
                         f'd="{_SHAPES[marker]}" fill="{colour}"/>')
        legend.append((shape, f"{translate(label)} ({int(chosen.sum())})"))
    for row, (symbol, label) in enumerate(legend):  # outside the plotting area, on the right
        y = top + 10 + 24 * row
        parts.append(f'<g class="legend-entry" transform="translate({right + 28},{y})">{symbol}'
                     f'{_svg_text(16, 5, label, size=13, anchor="start")}</g>')
    ylabel = _value_label(figures["category"].iloc[0])
    parts.append(_svg_text((left + right) / 2, top - 16, title, size=18))
    parts.append(_svg_text((left + right) / 2, bottom + 58,
                           translate("Date the figure refers to"), size=15))
    parts.append(_svg_text(0, 0, ylabel, size=15, extra=f' transform="translate(20,'
                           f'{(top + bottom) / 2:.0f}) rotate(-90)"'))
    parts.append("</svg>")
    return "".join(parts)


def selection_chart(figures: pd.DataFrame, sources: pd.DataFrame, *, title: str) -> Chart:
    """Chart any selection: one marker style per kind of figure, band over deployed figures.

    Args:
        figures: rows of one category, e.g. from :func:`select_figures`.
        sources: ``load_sources()``, for the caption.
        title: the chart's title.

    Raises:
        SelectionError: ``figures`` is empty.

    Example:
        >>> from helpers.data import load_deployments, load_sources
        >>> rows = select_figures(load_deployments(), forces="us", categories="sorties")
        >>> chart = selection_chart(rows, load_sources(), title="US sorties")
        >>> chart.figure.axes[0].get_xlabel()
        'Date the figure refers to'
    """
    if figures.empty:
        raise SelectionError(translate("nothing to plot: the selection is empty"))
    band = band_by_date(figures[figures["figure_kind"] == "deployed"])
    with house_style():
        fig, ax = plt.subplots(figsize=(9, 4.5))
        if len(band) > 1:
            ax.fill_between(band["date"], band["low"], band["high"], color=PALETTE["sky_blue"],
                            alpha=0.35, label=translate("range of deployed figures"))
        for kind, (colour, marker, label) in _KIND_STYLES.items():
            part = figures[figures["figure_kind"] == kind]
            if not part.empty:
                ax.scatter(part["date"], part["value"], color=colour, marker=marker, s=50,
                           label=f"{translate(label)} ({len(part)})", zorder=3)
        ax.set_ylabel(_value_label(figures["category"].iloc[0]))
        ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
        ax.set_title(title)
        _date_axis(ax)
        ax.legend(fontsize=10, **_OUTSIDE)
    return make_chart(fig, caption=caption(sources, figures["source_id"], text=f"{title}."),
                      alt_text=_describe_band(band, what=translate("{title}, deployed figures",
                                                                   title=title)),
                      table=_data_table(figures, sources))


@dataclass(frozen=True)
class ExplorerView:
    """One state of the force explorer.

    Attributes:
        svg: The chart as SVG text, or ``None`` when nothing matches.
        table: The figures behind the chart, one readable row per report.
        summary: What the chart shows, in words (its text alternative), or why nothing shows.
    """

    svg: str | None
    table: pd.DataFrame
    summary: str

    def chart_html(self) -> str:
        """Return the chart as an ``<img>`` carrying the summary as alt text, or ``""``."""
        if self.svg is None:
            return ""
        data = base64.b64encode(self.svg.encode("utf-8")).decode("ascii")
        return (f'<img class="force-explorer-chart" src="data:image/svg+xml;base64,{data}" '
                f'alt="{html.escape(self.summary)}" style="max-width:100%"/>')

    def table_html(self) -> str:
        """Return the summary and the table as HTML for the widget."""
        note = f"<p class='force-summary'>{html.escape(self.summary)}</p>"
        if self.table.empty:
            return note
        return note + html_table(self.table, classes="force-table")


def explore_figures(deployments: pd.DataFrame, sources: pd.DataFrame, *, force: str,
                    category: str, figure_kinds: Iterable[str], contributor: str = _ALL,
                    start: object = None, end: object = None) -> ExplorerView:
    """Return what the explorer shows for one selection; an empty one gives a message.

    Args:
        deployments: ``load_deployments()``.
        sources: ``load_sources()``, to name each figure's source.
        force, category: one force and one category (as in ``deployments.csv``).
        figure_kinds: the kinds of figure shown; none shows a message.
        contributor: one contributing country or body; ``""`` means all.
        start, end: the window of dates.

    Example:
        >>> from helpers.data import load_deployments, load_sources
        >>> view = explore_figures(load_deployments(), load_sources(), force="minusma",
        ...                        category="troops", figure_kinds=("authorized",))
        >>> view.table["Figure"].iloc[0], view.svg.startswith("<svg")
        ('11,200', True)
        >>> explore_figures(load_deployments(), load_sources(), force="us",
        ...                 category="troops", figure_kinds=()).summary[:24]
        'Nothing to show: choose '
    """
    kinds = tuple(figure_kinds)
    if not category:
        return ExplorerView(None, pd.DataFrame(), translate(
            "Nothing to show: choose a category (troops, aircraft, sorties…)."))
    if not kinds:
        return ExplorerView(None, pd.DataFrame(), translate(
            "Nothing to show: choose at least one kind of figure (authorised, pledged, "
            "deployed…)."))
    rows = select_figures(deployments, forces=force, categories=category, figure_kinds=kinds,
                          start=start, end=end,
                          contributors=None if contributor == _ALL else contributor)
    name = _force_name(force)
    if rows.empty:
        return ExplorerView(None, pd.DataFrame(), translate(
            "Nothing to show: no {what} figures of the chosen kinds for {force} in this window. "
            "Try another category, kind or date range.", what=_category_name(category),
            force=name))
    title = translate("{force}: {category}", force=name, category=_category_name(category))
    band = band_by_date(rows[rows["figure_kind"] == "deployed"])
    summary = _describe_band(band, what=translate("{title}, deployed figures", title=title))
    return ExplorerView(_selection_svg(rows, title=title), _figure_rows(rows, sources), summary)


def _contributors_of(deployments: pd.DataFrame, force: str) -> list[str]:
    """Return the contributors with figures for a force, sorted."""
    return sorted(set(deployments.loc[deployments["force"] == force, "contributor"]))


def _categories_of(deployments: pd.DataFrame, force: str) -> list[str]:
    """Return the categories with figures for a force, in schema order."""
    present = set(deployments.loc[deployments["force"] == force, "category"])
    return [c for c in DEPLOYMENT_CATEGORIES if c in present]


_MONTHS = tuple(f"{p:%Y-%m}" for p in pd.period_range("2012-11", "2014-08", freq="M"))


def _month_window(first: str, last: str) -> tuple[str, str]:
    """Return the first day of ``first`` and the last day of ``last`` (both ``YYYY-MM``).

    Example:
        >>> _month_window("2013-01", "2013-02")
        ('2013-01-01', '2013-02-28')
    """
    return f"{first}-01", pd.Period(last, "M").end_time.strftime("%Y-%m-%d")


def force_explorer(deployments: pd.DataFrame, sources: pd.DataFrame) -> widgets.VBox:
    """Return controls (force, contributor, category, kinds, months) over a chart and table.

    Every change calls :func:`explore_figures`; the chart (an SVG ``<img>`` with its alt
    text) and the table are ``HTML`` widgets, both set from the kernel, so the logic runs
    without a browser.

    Example:
        >>> from helpers.data import load_deployments, load_sources
        >>> box = force_explorer(load_deployments(), load_sources())
        >>> box.children[0].children[0].value = "minusma"
        >>> "11,200" in box.children[3].value
        True
    """
    present = set(deployments["force"])
    force = widgets.Dropdown(options=[(_force_name(f), f) for f in FORCE_NAMES if f in present],
                             value="serval", description=translate("Force:"))
    contributor = widgets.Dropdown(description=translate("Contributor:"))
    category = widgets.Dropdown(description=translate("Category:"))
    kinds = widgets.SelectMultiple(options=[(_kind_name(k), k) for k in FIGURE_KINDS],
                                   value=FIGURE_KINDS, description=translate("Kinds:"),
                                   rows=len(FIGURE_KINDS))
    window = widgets.SelectionRangeSlider(options=_MONTHS, index=(0, len(_MONTHS) - 1),
                                          description=translate("Months:"),
                                          layout=widgets.Layout(width="520px"))
    chart, table = widgets.HTML(), widgets.HTML()
    parts = {"force": force, "contributor": contributor, "category": category,
             "kinds": kinds, "window": window, "chart": chart, "table": table}
    for name, item in parts.items():
        item.add_class(f"force-explorer-{name}")
    quiet = []

    def show(_change: object = None) -> None:
        if quiet:
            return
        start, end = _month_window(*window.value)
        view = explore_figures(deployments, sources, force=force.value, category=category.value,
                               figure_kinds=kinds.value, contributor=contributor.value,
                               start=start, end=end)
        chart.value = view.chart_html()
        chart.layout.display = "" if view.svg is not None else "none"
        table.value = view.table_html()

    def choose_force(_change: object = None) -> None:
        quiet.append(True)
        names = _contributors_of(deployments, force.value)
        contributor.options = [(translate("All"), _ALL),
                               *((_contributor_name(n), n) for n in names)]
        contributor.value = _ALL
        present = _categories_of(deployments, force.value)
        category.options = [(_category_name(c), c) for c in present]
        category.value = "troops" if "troops" in present else present[0]
        quiet.clear()
        show()

    choose_force()
    force.observe(choose_force, names="value")
    for item in (contributor, category, kinds, window):
        item.observe(show, names="value")
    return widgets.VBox([widgets.HBox([force, contributor, category]),
                         widgets.HBox([kinds, window]), chart, table])
