"""A thin widget over the pure functions of lesson 5: pick two sources, read them side by
side, open any cell of the corroboration matrix, and plot one numeric claim per source.
"""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from helpers.corroboration import corroboration_matrix
from helpers.discrepancy import discrepancy_chart, numeric_keys
from helpers.matrix_view import matrix_html, pair_html, source_label
from helpers.source_compare import compare_html


def matrix_columns(sources: pd.DataFrame, first: str, second: str) -> list[str]:
    """Return the matrix columns: the five seeds, then the two chosen sources if not seeds.

    Example:
        >>> frame = pd.DataFrame({"source_id": ["seed-a", "x", "y"]})
        >>> matrix_columns(frame, "y", "seed-a")
        ['seed-a', 'y']
    """
    columns = [s for s in sources["source_id"] if s.startswith("seed-")]
    for chosen in (first, second):
        if chosen and chosen not in columns:
            columns.append(chosen)
    return columns


def comparer_panels(first: str, second: str, *, claims: pd.DataFrame, sources: pd.DataFrame,
                    keys: pd.DataFrame, stances: pd.DataFrame) -> tuple[str, str]:
    """Return the HTML of the side-by-side panel and of the matrix for a choice of sources.

    Example:
        >>> from helpers.loaders import load_claims, load_sources
        >>> from helpers.claim_readings import load_claim_keys, load_claim_stances
        >>> side, grid = comparer_panels("seed-passblue-2013", "seed-france24-2013",
        ...     claims=load_claims(), sources=load_sources(), keys=load_claim_keys(),
        ...     stances=load_claim_stances())
        >>> "PassBlue" in side and "Questions both answer" in side and "cm-matrix" in grid
        True
    """
    matrix = corroboration_matrix(claims, keys, stances,
                                  sources=matrix_columns(sources, first, second))
    side = pair_html(matrix, first, second, keys, sources) + compare_html(first, second, claims,
                                                                          sources)
    return side, matrix_html(matrix, claims, keys, sources)


def source_comparer(claims: pd.DataFrame, sources: pd.DataFrame, keys: pd.DataFrame,
                    stances: pd.DataFrame) -> widgets.VBox:
    """Return the comparer: two source pickers, the comparison, the matrix, the figures.

    Example:
        >>> from helpers.loaders import load_claims, load_sources
        >>> from helpers.claim_readings import load_claim_keys, load_claim_stances
        >>> box = source_comparer(load_claims(), load_sources(), load_claim_keys(),
        ...                       load_claim_stances())
        >>> box.children[0].children[0].value = "seed-chivvis-2015"
        >>> box.children[1].value.startswith('<p class="sc-prompt">')
        True
        >>> box.children[0].children[1].value = "seed-passblue-2013"
        >>> "Cambridge University Press" in box.children[1].value
        True
    """
    cited = set(claims["source_id"])
    options = [("Choose a source…", "")] + [
        (source_label(s, sources), s) for s in sources["source_id"] if s in cited]
    pick_a = widgets.Dropdown(options=options, value="", description="Source A:")
    pick_b = widgets.Dropdown(options=options, value="", description="Source B:")
    side, grid = widgets.HTML(), widgets.HTML()
    figures = numeric_keys(keys, claims)
    pick_key = widgets.Dropdown(options=figures, value=figures[0], description="Figure:")
    chart = widgets.HTML()
    for widget, name in ((pick_a, "source-a"), (pick_b, "source-b"), (side, "compare"),
                         (grid, "matrix"), (pick_key, "figure"), (chart, "discrepancy")):
        widget.add_class(f"lesson5-{name}")

    def show_sources(_change: object = None) -> None:
        side.value, grid.value = comparer_panels(pick_a.value, pick_b.value, claims=claims,
                                                 sources=sources, keys=keys, stances=stances)

    def show_figure(_change: object = None) -> None:
        made = discrepancy_chart(claims, pick_key.value, keys=keys, sources=sources)
        chart.value = made._repr_html_()

    pick_a.observe(show_sources, names="value")
    pick_b.observe(show_sources, names="value")
    pick_key.observe(show_figure, names="value")
    show_sources()
    show_figure()
    return widgets.VBox([widgets.HBox([pick_a, pick_b]), side, grid, pick_key, chart])
