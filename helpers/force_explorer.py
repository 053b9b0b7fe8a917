"""The force explorer widget: thin controls around :func:`helpers.force_view.explore_figures`."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from helpers.charts import image_html
from helpers.force_view import ALL, categories_of, contributors_of, explore_figures
from helpers.forces import FORCE_NAMES
from helpers.schema import FIGURE_KINDS

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
        >>> from helpers.loaders import load_deployments, load_sources
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
