"""Lesson 00: the framing dates."""

from __future__ import annotations

import pytest

from helpers.data import load_events
from helpers.start_here import milestone_events


def test_milestones_are_the_four_framing_dates_in_order() -> None:
    milestones = milestone_events(load_events())
    assert [d.year for d in milestones["date"]] == [2012, 2012, 2013, 2013]
    with pytest.raises(ValueError, match="missing from events.csv: ev-19990101-x"):
        milestone_events(load_events(), ids=("ev-19990101-x",))
