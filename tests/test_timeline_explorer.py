"""The explorer's decisions (explore) and its thin widget wiring."""

from __future__ import annotations

import datetime

from helpers.data import load_actors, load_events, load_sources
from helpers.the_coup import actor_choices, event_html, explore, timeline_explorer

EVENTS, SOURCES, ACTORS = load_events(), load_sources(), load_actors()


def test_explore_filters_and_keeps_a_still_listed_selection() -> None:
    view = explore(EVENTS, SOURCES, categories=("diplomacy",), actor="ecowas",
                   start="2012-03-22", end="2012-04-12", selected="ev-20120406-framework")
    ids = [value for _, value in view["options"]]
    assert ids[0] == "ev-20120327-ecowas-summit" and "ev-20120406-framework" in ids
    assert view["selected"] == "ev-20120406-framework"
    assert view["detail"] == event_html(EVENTS, SOURCES, "ev-20120406-framework")
    assert view["summary"].startswith(f"{len(ids)} events from 27 Mar 2012")


def test_explore_drops_a_selection_the_filters_hide() -> None:
    view = explore(EVENTS, SOURCES, categories=("coup",), selected="ev-20120406-framework")
    assert view["selected"] is None and "Pick an event" in view["detail"]


def test_explore_turns_bad_filters_into_a_message() -> None:
    view = explore(EVENTS, SOURCES, start="2012-05-01", end="2012-04-01")
    assert view["options"] == [] and view["summary"].startswith("Check the filters: the start")


def test_actor_choices_list_only_actors_in_the_events() -> None:
    choices = actor_choices(EVENTS, ACTORS)
    assert choices[0] == ("Any actor", "")
    assert ("Red Berets", "red_berets") in choices
    assert all(value in set(ACTORS["actor_id"]) for _, value in choices[1:])


def test_widget_follows_its_controls() -> None:
    filters, summary, listing, detail = timeline_explorer(EVENTS, SOURCES, ACTORS).children
    categories, (actor, start, _end) = filters.children[0], filters.children[1].children
    assert len(listing.options) == len(EVENTS) and "Pick an event" in detail.value
    categories.value = ("coup",)
    actor.value = "red_berets"
    assert [v for _, v in listing.options] == ["ev-20120430-countercoup"]
    listing.value = "ev-20120430-countercoup"
    assert "Red Berets" in detail.value and "Sources" in detail.value
    start.value = datetime.date(2012, 5, 2)
    assert listing.options == () and "No events" in summary.value
    assert listing.value is None and "Pick an event" in detail.value
