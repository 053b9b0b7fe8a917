"""The force explorer widget only forwards its controls to explore_figures."""

from __future__ import annotations

from helpers.data import load_deployments, load_sources
from helpers.intervention import MONTHS, force_explorer, month_window


def parts(box):
    (force, contributor, category), (kinds, window) = (box.children[0].children,
                                                       box.children[1].children)
    return force, contributor, category, kinds, window, box.children[2], box.children[3]


def test_starts_on_french_troops_with_a_chart_and_table() -> None:
    force, _, category, _, window, chart, table = parts(force_explorer(load_deployments(),
                                                                        load_sources()))
    assert (force.value, category.value) == ("serval", "troops")
    assert window.value == (MONTHS[0], MONTHS[-1])
    assert 'src="data:image/png;base64,' in chart.value and "<table" in table.value
    assert 'alt="' in chart.value and 'alt=""' not in chart.value


def test_changing_force_resets_contributor_and_category() -> None:
    force, contributor, category, _, _, chart, table = parts(
        force_explorer(load_deployments(), load_sources()))
    before = table.value
    force.value = "us"
    values = [o[1] if isinstance(o, tuple) else o for o in category.options]
    assert contributor.value == "" and category.value == values[0] and "sorties" in values
    assert table.value != before and "United States" in table.value


def test_empty_kinds_hide_the_chart_and_explain() -> None:
    _, _, _, kinds, _, chart, table = parts(force_explorer(load_deployments(), load_sources()))
    kinds.value = ()
    assert chart.value == "" and chart.layout.display == "none"
    assert "choose at least one kind" in table.value


def test_month_window() -> None:
    assert month_window("2012-11", "2014-08") == ("2012-11-01", "2014-08-31")
