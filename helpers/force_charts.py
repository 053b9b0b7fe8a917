"""Lesson-3 charts of force sizes: French build-up and drawdown, African forces, aircraft.

Each function takes the deployments table and returns a :class:`helpers.charts.Chart`
with labelled axes, a caption naming every source plotted, and a text alternative
built from the same rows.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from helpers.charts import PALETTE, Chart, house_style, make_chart
from helpers.citations import caption
from helpers.forces import band_by_date, describe_band, select_figures

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
    return make_chart(fig, caption=caption(rows["source_id"], text=text, sources=sources),
                      alt_text=alt, table=rows)


def french_troops_chart(deployments: pd.DataFrame, *, start: str = "2013-01-01",
                        end: str = "2014-08-31", sources: pd.DataFrame | None = None) -> Chart:
    """Chart French troop figures: each report as a point, plus the low-high band in Mali.

    Example:
        >>> from helpers.loaders import load_deployments
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
        >>> from helpers.loaders import load_deployments
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
        >>> from helpers.loaders import load_deployments
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
        >>> from helpers.loaders import load_deployments
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
