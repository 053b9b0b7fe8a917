"""helpers.start_here (lesson 00): the framing dates."""

from __future__ import annotations

import pytest

from helpers.start_here import select_milestones


def test_milestones_are_the_four_framing_dates_in_order(events) -> None:
    milestones = select_milestones(events)
    assert list(milestones["event_id"]) == ["ev-20120101-rebellion", "ev-20120322-coup",
                                            "ev-20130111-serval", "ev-20130701-minusma"]
    assert milestones["date"].is_monotonic_increasing


def test_other_ids_can_be_chosen(events) -> None:
    chosen = select_milestones(events, ids=("ev-20130111-serval", "ev-20120322-coup"))
    assert list(chosen["event_id"]) == ["ev-20120322-coup", "ev-20130111-serval"]


def test_a_missing_milestone_is_named(events) -> None:
    with pytest.raises(ValueError, match="missing from events.csv: ev-19990101-x"):
        select_milestones(events, ids=("ev-20130111-serval", "ev-19990101-x"))


def test_in_french_a_missing_milestone_is_named_in_french(events, monkeypatch) -> None:
    monkeypatch.setenv("MALI_LANGUAGE", "fr")
    with pytest.raises(ValueError, match="^événements repères absents de events.csv : ev-1999"):
        select_milestones(events, ids=("ev-19990101-x",))
