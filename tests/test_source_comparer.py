"""The comparer widget only passes its menus' values to tested pure functions."""

from __future__ import annotations

from helpers.comparing_sources import comparer_panels, matrix_columns, source_comparer
from helpers.data import load_claim_keys, load_claim_stances, load_claims, load_sources


def make():
    return source_comparer(load_claims(), load_sources(), load_claim_keys(), load_claim_stances())


def test_matrix_shows_the_seeds_and_the_two_chosen_sources() -> None:
    columns = matrix_columns(load_sources(), "un-sres-2085", "seed-passblue-2013")
    assert columns[:5] == [s for s in columns if s.startswith("seed-")]
    assert columns[-1] == "un-sres-2085" and len(columns) == 6


def test_picking_two_sources_fills_the_comparison_and_the_matrix() -> None:
    box = make()
    pick_a, pick_b = box.children[0].children
    pick_a.value, pick_b.value = "seed-thinkprogress-2013", "news-reuters-20130121"
    assert "ThinkProgress" in box.children[1].value and "Reuters" in box.children[1].value
    assert "Reuters, 2013-01-21" in box.children[2].value


def test_the_widget_shows_what_the_pure_function_returns() -> None:
    box = make()
    pick_a, pick_b = box.children[0].children
    pick_a.value, pick_b.value = "seed-chivvis-2015", "seed-france24-2013"
    side, grid = comparer_panels("seed-chivvis-2015", "seed-france24-2013", claims=load_claims(),
                                 sources=load_sources(), keys=load_claim_keys(),
                                 stances=load_claim_stances())
    assert (box.children[1].value, box.children[2].value) == (side, grid)


def test_the_figure_menu_redraws_the_discrepancy_chart() -> None:
    box = make()
    menu, chart = box.children[3], box.children[4]
    menu.value = "distance-bamako-diabaly"
    assert "How far is Diabaly from Bamako?" in chart.value and "<img" in chart.value
