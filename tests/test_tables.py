"""Markdown tables for the glossary and the timeline."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.loaders import load_actors, load_events
from helpers.tables import events_markdown, glossary_markdown, milestone_events


def test_glossary_has_one_row_per_actor_and_escapes_pipes() -> None:
    actors = load_actors()
    text = glossary_markdown(actors)
    assert len(text.splitlines()) == len(actors) + 2
    odd = actors.head(1).assign(description="left | right")
    assert "left / right" in glossary_markdown(odd)


def test_glossary_can_be_filtered_by_kind() -> None:
    text = glossary_markdown(load_actors(), kinds=("armed_group",))
    assert "MNLA" in text and "ECOWAS" not in text


def test_events_are_sorted_and_dated_to_their_precision() -> None:
    events = load_events().set_index("event_id").loc[
        ["ev-20130111-serval", "ev-20120322-coup", "ev-20120101-rebellion"]].reset_index()
    shuffled = events.sample(frac=1, random_state=1)
    lines = events_markdown(shuffled).splitlines()[2:]
    assert lines[0].startswith("| Jan 2012 |") and lines[1].startswith("| 22 Mar 2012 |")
    year_only = events.head(1).assign(date_precision="year", date=pd.Timestamp("1960-01-01"))
    assert events_markdown(year_only).splitlines()[2].startswith("| 1960 |")


def test_milestones_are_the_four_framing_dates_in_order() -> None:
    milestones = milestone_events(load_events())
    assert [d.year for d in milestones["date"]] == [2012, 2012, 2013, 2013]
    with pytest.raises(ValueError, match="missing from events.csv: ev-19990101-x"):
        milestone_events(load_events(), ids=("ev-19990101-x",))
