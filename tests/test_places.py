"""The distance table, the one-place description and the overview map."""

from __future__ import annotations

import pytest

from helpers.loaders import load_events, load_places
from helpers.places import chart_places_map, describe_place, places_table


def test_table_is_sorted_by_distance_from_bamako() -> None:
    table = places_table(load_places())
    assert table.iloc[0]["Place"] == "Bamako" and table.iloc[0]["Direction"] == ""
    assert table["km from Bamako"].is_monotonic_increasing


def test_table_from_another_origin() -> None:
    table = places_table(load_places(), origin="Gao")
    assert "km from Gao" in table.columns and table.iloc[0]["Place"] == "Gao"


def test_description_gives_position_events_and_sources() -> None:
    text = describe_place("Konna", places=load_places(), events=load_events())
    assert "Konna</strong> (14.95°N, 3.89°W)" in text
    assert "513 km north-east of Bamako" in text
    assert "11 Jan 2013: France launches Operation Serval" in text
    assert "Wikipedia, 2024" in text


def test_description_of_a_place_with_no_events_says_so() -> None:
    events = load_events()
    text = describe_place("tessalit", places=load_places(),
                          events=events[events["place_id"] != "tessalit"])
    assert "No event here in the timeline yet" in text and "°E" in text


def test_description_of_bamako_and_of_nothing() -> None:
    assert "capital of Mali" in describe_place("bamako", places=load_places(),
                                               events=load_events())
    assert "Choose a place" in describe_place("", places=load_places(), events=load_events())


def test_unknown_place_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="no place called 'Atlantis'"):
        describe_place("Atlantis", places=load_places(), events=load_events())


def test_map_chart_has_caption_alt_text_and_every_label() -> None:
    places = load_places()
    chart = chart_places_map(places)
    labels = {text.get_text() for text in chart.figure.axes[0].texts}
    assert set(places["name"]) <= labels
    assert "Natural Earth, 2013" in chart.caption and "Sources:" in chart.caption
    assert f"{len(places)} places" in chart.alt_text and chart.table is not None
    assert chart.figure.axes[0].get_xlabel() == "Longitude (°E)"
