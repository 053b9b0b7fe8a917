"""Selecting force figures and summarising them without averaging (helpers/forces.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data import load_deployments, load_sources
from helpers.intervention import (
    SelectionError,
    band_by_date,
    describe_band,
    figures_table,
    growth_ratio,
    select_figures,
)


@pytest.fixture(scope="module")
def deployments() -> pd.DataFrame:
    return load_deployments()


def test_filters_combine_and_keep_every_report(deployments: pd.DataFrame) -> None:
    rows = select_figures(deployments, forces="serval", categories="troops",
                          figure_kinds="deployed", scopes="in_mali",
                          start="2013-01-15", end="2013-01-15")
    assert sorted(rows["value"]) == [750.0, 800.0, 800.0]
    assert set(rows["source_id"]) == {"news-pri-20130115", "news-ap-20130115",
                                      "news-defensenews-20130115"}


def test_none_means_any_and_an_empty_list_means_nothing(deployments: pd.DataFrame) -> None:
    assert len(select_figures(deployments)) == len(deployments)
    assert select_figures(deployments, forces=[]).empty


def test_scope_blank_can_be_selected(deployments: pd.DataFrame) -> None:
    rows = select_figures(deployments, scopes="")
    assert not rows.empty and set(rows["scope"]) == {""}


def test_results_are_sorted_by_date(deployments: pd.DataFrame) -> None:
    rows = select_figures(deployments, forces="afisma")
    assert rows["date"].is_monotonic_increasing


@pytest.mark.parametrize("options, fragment", [
    ({"forces": "french"}, "forces: 'french' is not known; choose from serval"),
    ({"figure_kinds": ["arrived"]}, "figure_kinds: 'arrived' is not known"),
    ({"start": "soon"}, "start: could not read 'soon' as a date"),
    ({"start": "2013-03-01", "end": "2013-01-01"}, "is after end"),
])
def test_bad_options_get_a_clear_message(deployments: pd.DataFrame, options: dict,
                                         fragment: str) -> None:
    with pytest.raises(SelectionError, match=fragment):
        select_figures(deployments, **options)


def test_band_covers_every_reported_point(deployments: pd.DataFrame) -> None:
    rows = select_figures(deployments, forces="serval", categories="troops",
                          figure_kinds="deployed", scopes="in_mali")
    band = band_by_date(rows).set_index("date")
    for _, row in rows.iterrows():
        assert band.loc[row["date"], "low"] <= row["value"] <= band.loc[row["date"], "high"]
    assert band["reports"].sum() == len(rows)


def test_band_reports_values_never_averages() -> None:
    rows = pd.DataFrame({"date": pd.to_datetime(["2013-01-24"] * 2),
                         "value": [2400.0, 3700.0], "source_id": ["a", "b"]})
    band = band_by_date(rows)
    assert band[["low", "high", "reports"]].iloc[0].tolist() == [2400.0, 3700.0, 2]


def test_empty_band_and_its_sentence() -> None:
    band = band_by_date(pd.DataFrame({"date": pd.to_datetime([]), "value": []}))
    assert band.empty and list(band.columns) == ["date", "low", "high", "reports"]
    assert describe_band(band, what="X") == "X: no figures match this selection."


def test_sentence_says_when_sources_agree() -> None:
    band = pd.DataFrame({"date": pd.to_datetime(["2013-04-25"]), "low": [11200.0],
                         "high": [11200.0], "reports": [3]})
    assert describe_band(band, what="MINUSMA ceiling").endswith("the sources agree.")


def test_growth_ratio() -> None:
    assert growth_ratio(750, 4000) == pytest.approx(5.333, abs=0.001)
    with pytest.raises(ValueError, match="above zero"):
        growth_ratio(0, 10)


def test_table_names_the_source_of_every_row(deployments: pd.DataFrame) -> None:
    rows = select_figures(deployments, forces="minusma")
    table = figures_table(rows, sources=load_sources())
    assert len(table) == len(rows)
    assert table["Source"].str.contains(r"\(\S+\)$").all()
    assert "11,200" in set(table["Figure"])
