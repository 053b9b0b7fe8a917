"""What the force explorer shows for one selection: a chart, the table behind it, and a
sentence — computed by a pure function so it can be tested without a browser.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import matplotlib.pyplot as plt
import pandas as pd

from helpers.charts import PALETTE, Chart, house_style, make_chart
from helpers.citations import caption
from helpers.force_charts import KIND_STYLES, date_axis
from helpers.forces import (
    FORCE_NAMES,
    SelectionError,
    band_by_date,
    describe_band,
    figures_table,
    select_figures,
)
from helpers.schema import DEPLOYMENT_CATEGORIES

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
        >>> from helpers.loaders import load_deployments
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
    return make_chart(fig, caption=caption(figures["source_id"], text=f"{title}.",
                                           sources=sources), alt_text=summary, table=figures)


def explore_figures(deployments: pd.DataFrame, *, sources: pd.DataFrame, force: str,
                    category: str, figure_kinds: tuple[str, ...], contributor: str = ALL,
                    start: str | None = None, end: str | None = None) -> ExplorerView:
    """Return what the explorer shows for one selection; an empty one gives a message.

    Example:
        >>> from helpers.loaders import load_deployments, load_sources
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
        >>> from helpers.loaders import load_deployments
        >>> "Nigeria" in contributors_of(load_deployments(), "afisma")
        True
    """
    return sorted(set(deployments.loc[deployments["force"] == force, "contributor"]))


def categories_of(deployments: pd.DataFrame, force: str) -> list[str]:
    """Return the categories with figures for a force, in schema order.

    Example:
        >>> from helpers.loaders import load_deployments
        >>> categories_of(load_deployments(), "minusma")
        ['troops', 'police']
    """
    present = set(deployments.loc[deployments["force"] == force, "category"])
    return [c for c in DEPLOYMENT_CATEGORIES if c in present]
