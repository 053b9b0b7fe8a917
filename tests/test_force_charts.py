"""Lesson-3 charts: series, labelled axes, captions naming sources, text alternatives."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data import load_deployments, load_sources
from helpers.intervention import (
    african_forces_chart,
    aircraft_chart,
    all_forces_chart,
    french_troops_chart,
)


@pytest.fixture(scope="module")
def deployments() -> pd.DataFrame:
    return load_deployments()


@pytest.mark.parametrize("make, series, ylabel", [
    (french_troops_chart, 4, "Troops (people)"),
    (all_forces_chart, 5, "Troops (people)"),
    (aircraft_chart, 5, "Aircraft (number)"),
])
def test_series_and_labelled_axes(deployments, make, series: int, ylabel: str) -> None:
    ax = make(deployments).figure.axes[0]
    assert len(ax.collections) == series
    assert ax.get_ylabel() == ylabel and ax.get_xlabel() == "Date the figure refers to"
    assert ax.get_title()


def test_african_chart_separates_kinds_of_figure(deployments) -> None:
    ax = african_forces_chart(deployments).figure.axes[0]
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    for kind in ("authorised", "planned", "pledged", "deployed"):
        assert any(kind in label for label in labels), labels


@pytest.mark.parametrize("make", [french_troops_chart, african_forces_chart, aircraft_chart,
                                  all_forces_chart])
def test_caption_names_every_source_plotted(deployments, make) -> None:
    chart = make(deployments)
    sources = load_sources().set_index("source_id")
    for source_id in set(chart.table["source_id"]):
        assert sources.loc[source_id, "publisher"] in chart.caption
    assert chart.alt_text and "Text description" in chart._repr_html_()


def test_french_band_spans_the_reported_points(deployments) -> None:
    ax = french_troops_chart(deployments, start="2013-01-15", end="2013-01-15").figure.axes[0]
    band = ax.collections[0].get_paths()[0].vertices[:, 1]
    assert band.min() == 750 and band.max() == 800


def test_aircraft_adds_bases_within_one_report(deployments) -> None:
    chart = aircraft_chart(deployments)
    assert "14 (15 Feb 2013)" in chart.alt_text  # 9 in N'Djamena + 5 in Bamako


def test_window_limits_the_rows(deployments) -> None:
    chart = french_troops_chart(deployments, start="2014-01-01", end="2014-12-31")
    assert chart.table["date"].min() >= pd.Timestamp("2014-01-01")


def test_a_single_date_gets_a_month_wide_axis_not_years() -> None:
    import matplotlib.pyplot as plt
    import pandas as pd

    from helpers.intervention import date_axis
    fig, ax = plt.subplots()
    ax.scatter(pd.to_datetime(["2013-02-22", "2013-02-22"]), [100, 110])
    date_axis(ax)
    low, high = ax.get_xlim()
    assert 20 < high - low < 40
    plt.close(fig)
