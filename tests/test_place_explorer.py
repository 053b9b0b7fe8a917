"""The place explorer widget only forwards its dropdown value to describe_place."""

from __future__ import annotations

from helpers.loaders import load_events, load_places
from helpers.place_explorer import place_explorer
from helpers.places import describe_place


def test_choosing_a_place_shows_its_description() -> None:
    places, events = load_places(), load_events()
    picker, panel = place_explorer(places, events).children
    assert "Choose a place" in panel.value
    picker.value = "mopti"
    assert panel.value == describe_place("mopti", places=places, events=events)
    picker.value = ""
    assert "Choose a place" in panel.value


def test_every_place_is_offered_once_with_an_empty_first_choice() -> None:
    places = load_places()
    picker, _ = place_explorer(places, load_events()).children
    values = [value for _, value in picker.options]
    assert values[0] == "" and sorted(values[1:]) == sorted(places["place_id"])
