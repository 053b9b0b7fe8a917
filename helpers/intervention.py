"""Lesson 03, the intervention: force figures, their charts, the force explorer, the
campaign map.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

import ipywidgets as widgets
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from helpers.charts import PALETTE, Chart, house_style, image_html, make_chart
from helpers.citations import caption, collect_ids
from helpers.data import DEPLOYMENT_CATEGORIES, FIGURE_KINDS, FORCES, SCOPES
from helpers.maps import draw_basemap, draw_places

# Pick force figures out of ``deployments.csv`` and summarise them without averaging.

FORCE_NAMES = {
    "serval": "French (Serval)", "barkhane": "French (Barkhane)", "afisma": "African (AFISMA)",
    "chad": "Chad", "minusma": "UN (MINUSMA)", "mali_army": "Malian army",
    "us": "United States", "eutm": "EU trainers (EUTM)",
}
SCOPE_NAMES = {"in_mali": "in Mali", "engaged": "engaged (incl. outside Mali)",
               "in_region": "based in the region", "": "where not stated"}


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
        raise SelectionError(f"{option}: {unknown[0]!r} is not known; choose from "
                             f"{', '.join(allowed)}")


def select_figures(deployments: pd.DataFrame, *, forces: str | Iterable[str] | None = None,
                   contributors: str | Iterable[str] | None = None,
                   categories: str | Iterable[str] | None = None,
                   figure_kinds: str | Iterable[str] | None = None,
                   scopes: str | Iterable[str] | None = None,
                   start: str | pd.Timestamp | None = None,
                   end: str | pd.Timestamp | None = None) -> pd.DataFrame:
    """Return the rows matching every option given, sorted by date then value.

    ``None`` means "any". An empty list selects nothing (and returns an empty table).
    ``scopes`` may include ``""`` for figures whose source does not say where.

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
    low, high = _parse_window(start, end)
    if low is not None:
        keep &= deployments["date"] >= low
    if high is not None:
        keep &= deployments["date"] <= high
    return deployments[keep].sort_values(["date", "value"]).reset_index(drop=True)


def _parse_window(start: object, end: object) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    bounds = []
    for name, value in (("start", start), ("end", end)):
        if value is None or value == "":
            bounds.append(None)
            continue
        try:
            bounds.append(pd.Timestamp(value))
        except (TypeError, ValueError):
            raise SelectionError(f"{name}: could not read {value!r} as a date; "
                                 "write it like '2013-01-15'") from None
    if bounds[0] is not None and bounds[1] is not None and bounds[0] > bounds[1]:
        raise SelectionError(f"start ({bounds[0]:%Y-%m-%d}) is after end ({bounds[1]:%Y-%m-%d})")
    return bounds[0], bounds[1]


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
    return f"{low:,.0f}" if low == high else f"{low:,.0f} to {high:,.0f}"


def describe_band(band: pd.DataFrame, *, what: str) -> str:
    """Say in words what a band shows: its range and the dates where sources disagree.

    Example:
        >>> band = pd.DataFrame({"date": pd.to_datetime(["2013-01-15", "2013-02-06"]),
        ...                      "low": [750.0, 4000.0], "high": [800.0, 4000.0],
        ...                      "reports": [3, 2]})
        >>> text = describe_band(band, what="French troops in Mali")
        >>> text.split(";")[0]
        'French troops in Mali: reports on 2 dates from 15 Jan 2013 to 06 Feb 2013'
        >>> text.endswith("the widest gap is 750 to 800 on 15 Jan 2013.")
        True
    """
    if band.empty:
        return f"{what}: no figures match this selection."
    first, last = band.iloc[0], band.iloc[-1]
    peak = band.loc[band["high"].idxmax()]
    split = band[band["low"] < band["high"]]
    sentence = (f"{what}: reports on {len(band)} dates from {first['date']:%d %b %Y} to "
                f"{last['date']:%d %b %Y}; {_span(first['low'], first['high'])} on the first "
                f"date, {_span(last['low'], last['high'])} on the last, highest "
                f"{peak['high']:,.0f} ({peak['date']:%d %b %Y}).")
    if split.empty:
        return sentence + " On every date the sources agree."
    widest = split.loc[(split["high"] - split["low"]).idxmax()]
    return (sentence + f" Sources disagree on {len(split)} of the dates; the widest gap is "
            f"{_span(widest['low'], widest['high'])} on {widest['date']:%d %b %Y}.")


def growth_ratio(first: float, last: float) -> float:
    """Return how many times larger ``last`` is than ``first``.

    Example:
        >>> round(growth_ratio(750, 4000), 2)
        5.33
    """
    if first <= 0:
        raise ValueError(f"the first figure must be above zero to compare growth, got {first!r}")
    return float(last) / float(first)


def figures_table(figures: pd.DataFrame, *, sources: pd.DataFrame) -> pd.DataFrame:
    """Return a readable table of figures, one row each, with the source named.

    Example:
        >>> from helpers.data import load_deployments, load_sources
        >>> rows = select_figures(load_deployments(), forces="minusma", categories="police")
        >>> list(figures_table(rows, sources=load_sources()).columns)[:3]
        ['Date', 'Force', 'Contributor']
    """
    names = dict(zip(sources["source_id"], sources["publisher"], strict=True))
    return pd.DataFrame({
        "Date": figures["date"].dt.strftime("%Y-%m-%d"),
        "Force": figures["force"].map(FORCE_NAMES),
        "Contributor": figures["contributor"],
        "What": figures["category"].str.replace("_", " "),
        "Kind": figures["figure_kind"],
        "Where": figures["scope"].map(SCOPE_NAMES),
        "Figure": figures["value"].map("{:,.0f}".format),
        "Source": figures["source_id"].map(names).fillna("") + " (" + figures["source_id"] + ")",
    }).reset_index(drop=True)


# Lesson-3 charts of force sizes: French build-up and drawdown, African forces, aircraft.

KIND_STYLES = {  # figure_kind -> (colour, marker, label)
    "authorized": (PALETTE["black"], "s", "authorised"),
    "planned": (PALETTE["reddish_purple"], "D", "planned"),
    "announced": (PALETTE["reddish_purple"], "d", "announced"),
    "pledged": (PALETTE["orange"], "^", "pledged"),
    "deployed": (PALETTE["blue"], "o", "deployed (arrived)"),
    "peak": (PALETTE["vermillion"], "*", "peak"),
}
AIRCRAFT = {"combat_aircraft": ("combat aircraft", PALETTE["blue"], "o"),
            "tankers": ("tankers", PALETTE["orange"], "s"),
            "transport_aircraft": ("transport aircraft", PALETTE["bluish_green"], "^"),
            "helicopters": ("helicopters", PALETTE["vermillion"], "D"),
            "drones": ("drones", PALETTE["reddish_purple"], "v")}


def date_axis(ax: plt.Axes) -> None:
    """Format a date x axis (concise labels), its label, a zero baseline and a light grid."""
    low, high = ax.dataLim.intervalx
    if high - low < 2:
        ax.set_xlim(low - 15, high + 15)
    locator = mdates.AutoDateLocator(maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_xlabel("Date the figure refers to")
    ax.set_ylim(bottom=0)
    ax.grid(axis="y", color=PALETTE["grey"], alpha=0.3)


def _finish(fig: plt.Figure, rows: pd.DataFrame, *, text: str, alt: str,
            sources: pd.DataFrame | None) -> Chart:
    return make_chart(fig, caption=caption(sources, rows["source_id"], text=text),
                      alt_text=alt, table=rows)


def french_troops_chart(deployments: pd.DataFrame, *, start: str = "2013-01-01",
                        end: str = "2014-08-31", sources: pd.DataFrame | None = None) -> Chart:
    """Chart French troop figures: each report as a point, plus the low-high band in Mali.

    Example:
        >>> from helpers.data import load_deployments
        >>> chart = french_troops_chart(load_deployments())
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
                        label="band: lowest to highest report in Mali")
        series = [("in Mali", in_mali, PALETTE["blue"], "o"),
                  ("engaged, incl. outside Mali",
                   rows[(rows["figure_kind"] == "deployed") & (rows["scope"] != "in_mali")],
                   PALETTE["orange"], "s"),
                  ("planned or announced",
                   rows[rows["figure_kind"].isin(["planned", "announced"])],
                   PALETTE["reddish_purple"], "D")]
        for label, part, colour, marker in series:
            ax.scatter(part["date"], part["value"], color=colour, marker=marker, s=40,
                       label=f"{label} ({len(part)} reports)", zorder=3)
        ax.set_ylabel("Troops (people)")
        ax.set_title("French troops: each source's figure, and the range in Mali")
        date_axis(ax)
        ax.legend(loc="upper right", frameon=False)
    alt = describe_band(band, what="French troops reported in Mali")
    return _finish(fig, rows, text="French troop figures, one point per source and date.",
                   alt=alt, sources=sources)


def african_forces_chart(deployments: pd.DataFrame, *, start: str = "2012-11-01",
                         end: str = "2013-07-31", sources: pd.DataFrame | None = None) -> Chart:
    """Chart African troop totals by kind of figure: planned/authorised, pledged, arrived.

    AFISMA totals only (contributor ECOWAS) plus the UN ceiling and transfer, so that
    country pledges are not double counted.

    Example:
        >>> from helpers.data import load_deployments
        >>> chart = african_forces_chart(load_deployments())
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
        for kind, (colour, marker, label) in KIND_STYLES.items():
            for force, filled in (("afisma", True), ("minusma", False)):
                part = rows[(rows["figure_kind"] == kind) & (rows["force"] == force)]
                if part.empty:
                    continue
                name = f"{'AFISMA' if filled else 'MINUSMA (UN)'} {label}"
                ax.scatter(part["date"], part["value"], s=55, marker=marker, label=name,
                           color=colour if filled else "white", edgecolors=colour, zorder=3)
        ax.set_ylabel("Troops (people)")
        ax.set_title("African-led and UN forces: planned, pledged and arrived")
        date_axis(ax)
        ax.legend(loc="upper left", frameon=False, fontsize=10)
    alt = _kinds_sentence(rows)
    return _finish(fig, rows, text="African-led force (AFISMA) and its UN successor.",
                   alt=alt, sources=sources)


def _kinds_sentence(rows: pd.DataFrame) -> str:
    parts = []
    for kind in KIND_STYLES:
        part = rows[rows["figure_kind"] == kind]
        if not part.empty:
            parts.append(f"{KIND_STYLES[kind][2]}: {len(part)} figures from "
                         f"{part['value'].min():,.0f} to {part['value'].max():,.0f}")
    return "Troop figures by kind — " + "; ".join(parts) + "." if parts else "No figures."


def _points(rows: pd.DataFrame) -> str:
    pairs = zip(rows["date"], rows["value"], strict=True)
    return ", ".join(f"{value:.0f} ({day:%d %b %Y})" for day, value in pairs)


def aircraft_chart(deployments: pd.DataFrame, *, sources: pd.DataFrame | None = None) -> Chart:
    """Chart French aircraft by type: one point per source, date and type (bases summed).

    Example:
        >>> from helpers.data import load_deployments
        >>> aircraft_chart(load_deployments()).figure.axes[0].get_ylabel()
        'Aircraft (number)'
    """
    rows = select_figures(deployments, forces="serval", categories=tuple(AIRCRAFT))
    summed = (rows.groupby(["date", "source_id", "category"], as_index=False)["value"].sum())
    with house_style():
        fig, ax = plt.subplots(figsize=(10, 5))
        for category, (label, colour, marker) in AIRCRAFT.items():
            part = summed[summed["category"] == category]
            ax.scatter(part["date"], part["value"], color=colour, marker=marker, s=55,
                       label=label, zorder=3)
        ax.set_ylabel("Aircraft (number)")
        ax.set_title("French aircraft for Operation Serval, by type")
        date_axis(ax)
        ax.legend(loc="upper right", frameon=False)
    alt = "; ".join(f"{AIRCRAFT[c][0]}: {_points(g)}" for c, g in summed.groupby("category"))
    return _finish(fig, rows, text="French aircraft by type; where a source lists several "
                   "bases, its counts are added.", alt=f"Aircraft per report — {alt}.",
                   sources=sources)


ALL_FORCES = {"serval": ("French (in Mali)", PALETTE["blue"], "o"),
              "afisma": ("African-led (AFISMA)", PALETTE["orange"], "^"),
              "chad": ("Chad", PALETTE["bluish_green"], "s"),
              "mali_army": ("Malian army (estimates)", PALETTE["vermillion"], "D"),
              "minusma": ("UN (MINUSMA)", PALETTE["reddish_purple"], "v")}


def all_forces_chart(deployments: pd.DataFrame, *, start: str = "2013-01-01",
                     end: str = "2013-07-31", sources: pd.DataFrame | None = None) -> Chart:
    """Chart every force's troops reported present (deployed), one colour per force.

    Example:
        >>> from helpers.data import load_deployments
        >>> chart = all_forces_chart(load_deployments())
        >>> len(chart.figure.axes[0].collections)
        5
    """
    rows = select_figures(deployments, forces=tuple(ALL_FORCES), categories="troops",
                          figure_kinds="deployed", start=start, end=end)
    totals = rows["contributor"].isin(["ECOWAS", "France", "Chad", "Mali", "United Nations"])
    present = (rows["scope"] == "in_mali") | ((rows["force"] != "serval")
                                              & (rows["scope"] != "in_region"))
    rows = rows[totals & present]
    with house_style():
        fig, ax = plt.subplots(figsize=(10, 5))
        for force, (label, colour, marker) in ALL_FORCES.items():
            part = rows[rows["force"] == force]
            ax.scatter(part["date"], part["value"], color=colour, marker=marker, s=50,
                       label=f"{label} ({len(part)} reports)", zorder=3)
        ax.set_ylabel("Troops (people)")
        ax.set_title("Troops reported present, January to July 2013")
        date_axis(ax)
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=10)
    counts = rows.groupby("force")["value"].agg(["min", "max", "size"])
    alt = "; ".join(f"{ALL_FORCES[f][0]}: {int(r['size'])} reports, {_span_text(r)}"
                    for f, r in counts.iterrows())
    return _finish(fig, rows, text="All forces, troops reported present (deployed figures).",
                   alt=f"Troops reported present — {alt}.", sources=sources)


def _span_text(row: pd.Series) -> str:
    return f"{row['min']:,.0f}" if row["min"] == row["max"] else \
        f"{row['min']:,.0f} to {row['max']:,.0f}"


# Check one source's force figures against what other sources report for the same thing.

SAME = ["force", "category", "figure_kind", "scope"]


def _listing(near: pd.DataFrame, names: dict[str, str], *, most: int = 3) -> str:
    shown = [f"{value:,.0f} ({names.get(source, source)})"
             for value, source in zip(near["value"], near["source_id"], strict=True)]
    if not shown:
        return "none"
    return ", ".join(shown[:most]) + (", …" if len(shown) > most else "")


def corroborate(deployments: pd.DataFrame, source_id: str, *, sources: pd.DataFrame,
                days: int = 3) -> pd.DataFrame:
    """For each figure a source gives, list other sources' figures for the same thing.

    "The same thing" means the same force, category, kind of figure and scope, dated
    within ``days`` days either side. Nothing is averaged: the other figures are listed.

    Example:
        >>> from helpers.data import load_deployments, load_sources
        >>> table = corroborate(load_deployments(), "seed-france24-2013",
        ...                     sources=load_sources())
        >>> row = table.set_index("What").loc["French (Serval): troops, deployed, in_mali"]
        >>> row["This source"], int(row["Others agree"]), int(row["Others differ"])
        ('2,150', 1, 8)
    """
    own = deployments[deployments["source_id"] == source_id]
    if own.empty:
        raise ValueError(f"no figures from source {source_id!r} in deployments.csv")
    names = dict(zip(sources["source_id"], sources["publisher"], strict=True))
    others = deployments[deployments["source_id"] != source_id]
    rows = []
    for _, figure in own.iterrows():
        near = others[(others[SAME] == figure[SAME]).all(axis=1)
                      & ((others["date"] - figure["date"]).abs() <= pd.Timedelta(days=days))]
        near = near.sort_values(["date", "value"])
        rows.append({
            "What": f"{FORCE_NAMES[figure['force']]}: {figure['category'].replace('_', ' ')}, "
                    f"{figure['figure_kind']}, {figure['scope'] or 'unstated'}",
            "This source": f"{figure['value']:,.0f}",
            "Others within a few days": _listing(near, names),
            "Others agree": int((near["value"] == figure["value"]).sum()),
            "Others differ": int((near["value"] != figure["value"]).sum()),
        })
    return pd.DataFrame(rows)


# What the force explorer shows for one selection: a chart, the table behind it, and a

ALL = ""
UNITS = {"troops": "people", "police": "people", "personnel": "people", "cargo_tonnes": "tonnes",
         "funding_usd": "US dollars"}


@dataclass(frozen=True)
class ExplorerView:
    """One state of the explorer.

    Attributes:
        chart: The chart, or ``None`` when nothing matches.
        table: The figures behind the chart, one row per report.
        summary: A sentence (the chart's text alternative) or the reason nothing shows.
    """

    chart: Chart | None
    table: pd.DataFrame
    summary: str

    def table_html(self) -> str:
        """Return the summary and the table as HTML for the widget."""
        note = f"<p class='force-summary'>{html.escape(self.summary)}</p>"
        if self.table.empty:
            return note
        return note + self.table.to_html(index=False, border=0, classes="force-table")


def selection_chart(figures: pd.DataFrame, *, title: str,
                    sources: pd.DataFrame | None = None) -> Chart:
    """Plot any selection: one marker style per kind of figure, band over deployed figures.

    Example:
        >>> from helpers.data import load_deployments
        >>> rows = select_figures(load_deployments(), forces="us", categories="sorties")
        >>> selection_chart(rows, title="US sorties").figure.axes[0].get_xlabel()
        'Date the figure refers to'
    """
    if figures.empty:
        raise SelectionError("nothing to plot: the selection is empty")
    band = band_by_date(figures[figures["figure_kind"] == "deployed"])
    category = figures["category"].iloc[0]
    unit = category.replace("_", " ").replace(" tonnes", "")
    with house_style():
        fig, ax = plt.subplots(figsize=(9, 4.5))
        if len(band) > 1:
            ax.fill_between(band["date"], band["low"], band["high"], color=PALETTE["sky_blue"],
                            alpha=0.35, label="range of deployed figures")
        for kind, (colour, marker, label) in KIND_STYLES.items():
            part = figures[figures["figure_kind"] == kind]
            if not part.empty:
                ax.scatter(part["date"], part["value"], color=colour, marker=marker, s=50,
                           label=f"{label} ({len(part)})", zorder=3)
        ax.set_ylabel(f"{unit.capitalize()} ({UNITS.get(category, 'number')})")
        ax.set_title(title)
        date_axis(ax)
        ax.legend(loc="best", frameon=False, fontsize=10)
    summary = describe_band(band, what=f"{title}, deployed figures")
    return make_chart(fig, caption=caption(sources, figures["source_id"],
                                           text=f"{title}."), alt_text=summary, table=figures)


def explore_figures(deployments: pd.DataFrame, *, sources: pd.DataFrame, force: str,
                    category: str, figure_kinds: tuple[str, ...], contributor: str = ALL,
                    start: str | None = None, end: str | None = None) -> ExplorerView:
    """Return what the explorer shows for one selection; an empty one gives a message.

    Example:
        >>> from helpers.data import load_deployments, load_sources
        >>> view = explore_figures(load_deployments(), sources=load_sources(), force="minusma",
        ...                        category="troops", figure_kinds=("authorized",))
        >>> view.table["Figure"].iloc[0]
        '11,200'
        >>> explore_figures(load_deployments(), sources=load_sources(), force="us",
        ...                 category="troops", figure_kinds=()).summary[:24]
        'Nothing to show: choose '
    """
    if not category:
        return ExplorerView(None, pd.DataFrame(), "Nothing to show: choose a category "
                            "(troops, aircraft, sorties…).")
    if not figure_kinds:
        return ExplorerView(None, pd.DataFrame(), "Nothing to show: choose at least one kind "
                            "of figure (authorised, pledged, deployed…).")
    rows = select_figures(deployments, forces=force, categories=category,
                          figure_kinds=figure_kinds, start=start, end=end,
                          contributors=None if contributor == ALL else contributor)
    name = FORCE_NAMES.get(force, force)
    if rows.empty:
        what = category.replace("_", " ")
        return ExplorerView(None, pd.DataFrame(), f"Nothing to show: no {what} figures of the "
                            f"chosen kinds for {name} in this window. Try another category, "
                            "kind or date range.")
    title = f"{name}: {category.replace('_', ' ')}"
    chart = selection_chart(rows, title=title, sources=sources)
    return ExplorerView(chart, figures_table(rows, sources=sources), chart.alt_text)


def contributors_of(deployments: pd.DataFrame, force: str) -> list[str]:
    """Return the contributors with figures for a force, sorted.

    Example:
        >>> from helpers.data import load_deployments
        >>> "Nigeria" in contributors_of(load_deployments(), "afisma")
        True
    """
    return sorted(set(deployments.loc[deployments["force"] == force, "contributor"]))


def categories_of(deployments: pd.DataFrame, force: str) -> list[str]:
    """Return the categories with figures for a force, in schema order.

    Example:
        >>> from helpers.data import load_deployments
        >>> categories_of(load_deployments(), "minusma")
        ['troops', 'police']
    """
    present = set(deployments.loc[deployments["force"] == force, "category"])
    return [c for c in DEPLOYMENT_CATEGORIES if c in present]


# The force explorer widget: thin controls around :func:`helpers.intervention.explore_figures`.

MONTHS = tuple(f"{p:%Y-%m}" for p in pd.period_range("2012-11", "2014-08", freq="M"))


def month_window(first: str, last: str) -> tuple[str, str]:
    """Return the first day of ``first`` and the last day of ``last`` (both ``YYYY-MM``).

    Example:
        >>> month_window("2013-01", "2013-02")
        ('2013-01-01', '2013-02-28')
    """
    return f"{first}-01", pd.Period(last, "M").end_time.strftime("%Y-%m-%d")


def force_explorer(deployments: pd.DataFrame, sources: pd.DataFrame) -> widgets.VBox:
    """Return controls (force, contributor, category, kinds, months) over a chart and table.

    Every change calls :func:`explore_figures`; the chart (an ``<img>`` with its alt text) and
    the table are ``HTML`` widgets, both set from the kernel, so the logic runs without a
    browser.

    Example:
        >>> from helpers.data import load_deployments, load_sources
        >>> box = force_explorer(load_deployments(), load_sources())
        >>> box.children[0].children[0].value = "minusma"
        >>> "11,200" in box.children[3].value
        True
    """
    present = set(deployments["force"])
    force = widgets.Dropdown(options=[(n, f) for f, n in FORCE_NAMES.items() if f in present],
                             value="serval", description="Force:")
    contributor = widgets.Dropdown(description="Contributor:")
    category = widgets.Dropdown(description="Category:")
    kinds = widgets.SelectMultiple(options=FIGURE_KINDS, value=FIGURE_KINDS,
                                   description="Kinds:", rows=len(FIGURE_KINDS))
    window = widgets.SelectionRangeSlider(options=MONTHS, index=(0, len(MONTHS) - 1),
                                          description="Months:",
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
        start, end = month_window(*window.value)
        view = explore_figures(deployments, sources=sources, force=force.value,
                               category=category.value, figure_kinds=tuple(kinds.value),
                               contributor=contributor.value, start=start, end=end)
        chart.value = "" if view.chart is None else image_html(
            view.chart.png_bytes(), view.chart.alt_text, css_class="force-explorer-chart")
        chart.layout.display = "" if view.chart is not None else "none"
        table.value = view.table_html()

    def choose_force(_change: object = None) -> None:
        quiet.append(True)
        names = contributors_of(deployments, force.value)
        contributor.options = [("All", ALL), *((n, n) for n in names)]
        contributor.value = ALL
        present = categories_of(deployments, force.value)
        category.options = [(c.replace("_", " "), c) for c in present]
        category.value = "troops" if "troops" in present else present[0]
        quiet.clear()
        show()

    choose_force()
    force.observe(choose_force, names="value")
    for item in (contributor, category, kinds, window):
        item.observe(show, names="value")
    return widgets.VBox([widgets.HBox([force, contributor, category]),
                         widgets.HBox([kinds, window]), chart, table])


# The January–March 2013 campaign on the map: each town with the dates of its events.

def campaign_events(events: pd.DataFrame, *, start: str = "2013-01-10",
                    end: str = "2013-03-31") -> pd.DataFrame:
    """Return the dated intervention events that have a place, first date first.

    Example:
        >>> from helpers.data import load_events
        >>> campaign_events(load_events())["place_id"].iloc[0]
        'konna'
    """
    window = events[(events["date"] >= start) & (events["date"] <= end)
                    & (events["category"] == "intervention") & (events["place_id"] != "")]
    return window.sort_values("date").reset_index(drop=True)


def _label(name: str, days: pd.Series) -> str:
    first, last = days.min(), days.max()
    when = f"{first:%d %b}" if first == last else f"{first:%d %b}–{last:%d %b}"
    return f"{name}\n{when}"


def campaign_map(events: pd.DataFrame, places: pd.DataFrame, *, start: str = "2013-01-10",
                 end: str = "2013-03-31", sources: pd.DataFrame | None = None) -> Chart:
    """Map the towns where the intervention's events happened, labelled with their dates.

    Contested events (a note saying so in ``events.csv``) are kept; the text alternative
    lists every event with its date so the order can be read without the map.

    Example:
        >>> from helpers.data import load_events, load_places
        >>> chart = campaign_map(load_events(), load_places())
        >>> "Konna" in chart.alt_text and "Sources:" in chart.caption
        True
    """
    rows = campaign_events(events, start=start, end=end)
    if rows.empty:
        raise ValueError(f"no intervention events with a place between {start} and {end}")
    named = places.set_index("place_id")
    marked = named.loc[rows["place_id"].unique()].reset_index()
    marked["name"] = [_label(name, rows.loc[rows["place_id"] == pid, "date"])
                      for pid, name in zip(marked["place_id"], marked["name"], strict=True)]
    capital = named.loc[["bamako"]].reset_index()
    with house_style():
        fig, ax = plt.subplots(figsize=(10, 7))
        draw_basemap(ax, extent=(-12.5, 5.0, 10.0, 22.5))
        draw_places(ax, pd.concat([capital, marked]), fontsize=10)
        ax.set_title(f"Where the intervention's events happened, {start[:7]} to {end[:7]}")
    alt = "; ".join(f"{day:%d %b %Y} {named.loc[pid, 'name']}: {title}"
                    for day, pid, title in zip(rows["date"], rows["place_id"], rows["title"],
                                               strict=True))
    note = caption(sources, collect_ids(rows["source_ids"]) + ["ref-natural-earth"],
                   text="Intervention events by town, from data/events.csv; borders from "
                        "Natural Earth.")
    table = rows[["date", "place_id", "title", "note"]]
    return make_chart(fig, caption=note, alt_text=f"Events in date order — {alt}.", table=table)
