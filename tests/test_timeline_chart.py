"""The timeline chart: rows per category, house colours, a caption with sources, a table."""

from __future__ import annotations

import pytest

from helpers.charts import category_style
from helpers.data import load_events, load_sources
from helpers.the_coup import chart_timeline, events_table, timeline_caption

EVENTS, SOURCES = load_events(), load_sources()


def test_one_row_per_category_shown_in_schema_order() -> None:
    chart = chart_timeline(EVENTS, SOURCES, start="2012-03-01", end="2012-04-30",
                           categories=("diplomacy", "coup", "rebellion"))
    ax = chart.figure.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["rebellion", "coup", "diplomacy"]
    assert ax.get_xlabel() == "Date (month and year)"


def test_markers_use_the_house_colours() -> None:
    chart = chart_timeline(EVENTS, SOURCES, categories=("coup",))
    colours = {tuple(c) for coll in chart.figure.axes[0].collections for c in coll.get_facecolors()}
    expected = category_style("coup")[0].lstrip("#")
    assert colours == {tuple(int(expected[i:i + 2], 16) / 255 for i in (0, 2, 4)) + (1.0,)}


def test_labels_are_written_for_chosen_events() -> None:
    chart = chart_timeline(EVENTS, SOURCES, start="2012-01-01", end="2012-12-31",
                           labels=("ev-20120412-traore-sworn-in",))
    texts = [t.get_text() for t in chart.figure.axes[0].texts]
    assert texts == ["Dioncounda Traoré sworn in as interim president"]


def test_caption_alt_text_and_table_describe_the_same_events() -> None:
    chart = chart_timeline(EVENTS, SOURCES, start="2012-03-21", end="2012-03-27")
    assert len(chart.table) == int(chart.alt_text.split()[0])
    assert "Sources:" in chart.caption and "Voice of America" in chart.caption
    assert "ev-" not in " ".join(chart.table["event"])


def test_an_empty_selection_explains_itself() -> None:
    with pytest.raises(ValueError, match="No events match these filters. Widen the dates"):
        chart_timeline(EVENTS, SOURCES, start="1970-01-01", end="1970-12-31")


def test_caption_counts_distinct_documents() -> None:
    rows = EVENTS[EVENTS["event_id"] == "ev-20120412-traore-sworn-in"]
    assert "Sources: 2 documents from France 24; Reuters" in timeline_caption(rows, SOURCES)
    assert events_table(rows).iloc[0]["date"] == "12 Apr 2012"


def test_long_ranges_are_ticked_and_labelled_in_years() -> None:
    ax = chart_timeline(EVENTS, SOURCES, end="2011-12-31").figure.axes[0]
    assert ax.get_xlabel() == "Year"
    assert all(t.get_text().isdigit() for t in ax.get_xticklabels() if t.get_text())
