"""What the force explorer shows, computed without a browser (helpers/force_view.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data import load_deployments, load_sources
from helpers.intervention import (
    SelectionError,
    categories_of,
    contributors_of,
    explore_figures,
    selection_chart,
)

KINDS = ("authorized", "pledged", "planned", "announced", "deployed", "peak")


@pytest.fixture(scope="module")
def data() -> tuple[pd.DataFrame, pd.DataFrame]:
    return load_deployments(), load_sources()


def test_a_selection_gives_chart_table_and_sentence(data) -> None:
    deployments, sources = data
    view = explore_figures(deployments, sources=sources, force="serval", category="troops",
                           figure_kinds=("deployed",), start="2013-01-01", end="2013-01-31")
    assert view.chart is not None and len(view.table) == len(view.chart.table)
    assert view.summary == view.chart.alt_text
    assert "<table" in view.table_html() and "Defense News" in view.table_html()


def test_changing_the_force_changes_what_is_shown(data) -> None:
    deployments, sources = data
    french = explore_figures(deployments, sources=sources, force="serval", category="troops",
                             figure_kinds=KINDS)
    african = explore_figures(deployments, sources=sources, force="afisma", category="troops",
                              figure_kinds=KINDS, contributor="Nigeria")
    assert set(african.table["Contributor"]) == {"Nigeria"}
    assert french.table_html() != african.table_html()
    assert french.chart.png_bytes() != african.chart.png_bytes()


@pytest.mark.parametrize("options, message", [
    ({"figure_kinds": ()}, "choose at least one kind"),
    ({"category": ""}, "choose a category"),
    ({"category": "police", "figure_kinds": ("pledged",)}, "no police figures"),
    ({"start": "2015-01-01", "end": "2015-12-31"}, "in this window"),
])
def test_empty_selection_shows_a_message_not_an_exception(data, options, message) -> None:
    deployments, sources = data
    chosen = {"force": "minusma", "category": "troops", "figure_kinds": KINDS, **options}
    view = explore_figures(deployments, sources=sources, **chosen)
    assert view.chart is None and view.table.empty and message in view.summary
    assert "<table" not in view.table_html()


def test_selection_chart_refuses_an_empty_table(data) -> None:
    with pytest.raises(SelectionError, match="selection is empty"):
        selection_chart(data[0].iloc[0:0], title="nothing")


def test_choices_offered_for_a_force(data) -> None:
    deployments, _ = data
    assert "ECOWAS" in contributors_of(deployments, "afisma")
    assert categories_of(deployments, "serval")[0] == "troops"
    assert "helicopters" in categories_of(deployments, "serval")
