"""Lesson 1's rows in data/: the events its notebook and exercises rely on, cited twice."""

from __future__ import annotations

import pytest

from helpers.data import load_events, load_sources, split_ids
from helpers.the_coup import filter_events

EVENTS = load_events().set_index("event_id", drop=False)
YEAR = filter_events(load_events(), start="2011-01-01", end="2012-12-31")
# Checked against only one source so far; each row says so in its note.
SINGLE_SOURCE = {"ev-20111201-ansar-dine"}
# Rows the notebook's prose, pinned numbers and exercise keys name.
REQUIRED = [
    "ev-19600922-independence", "ev-19630514-rebellion", "ev-19900628-rebellion",
    "ev-20060523-kidal", "ev-20070201-rebellion", "ev-20111015-libya-return",
    "ev-20111001-mnla", "ev-20120117-menaka", "ev-20120124-aguelhok",
    "ev-20120125-aguelhok-second-date", "ev-20120311-tessalit", "ev-20120321-kati-mutiny",
    "ev-20120322-coup", "ev-20120322-unsc", "ev-20120323-au-suspends", "ev-20120326-us-aid",
    "ev-20120327-ecowas-summit", "ev-20120402-ecowas-sanctions", "ev-20120406-framework",
    "ev-20120408-toure-resigns", "ev-20120412-traore-sworn-in", "ev-20120417-diarra-pm",
    "ev-20120429-election-due", "ev-20120330-kidal", "ev-20120331-gao", "ev-20120401-timbuktu",
    "ev-20120430-countercoup", "ev-20120521-traore-attacked", "ev-20121211-diarra-resigns",
]


def test_at_least_25_events_in_2011_and_2012() -> None:
    assert len(YEAR) >= 25


@pytest.mark.parametrize("event_id", REQUIRED)
def test_required_event_is_present(event_id: str) -> None:
    assert event_id in EVENTS.index


def test_event_ids_carry_their_date() -> None:
    for event_id, date in zip(EVENTS["event_id"], EVENTS["date"], strict=True):
        assert event_id.startswith(f"ev-{date:%Y%m%d}-"), event_id


def test_spans_end_after_they_start() -> None:
    spans = EVENTS[EVENTS["end_date"].notna()]
    assert (spans["end_date"] > spans["date"]).all()


def test_lesson_events_have_two_independent_sources_or_say_why_not() -> None:
    publishers = load_sources().set_index("source_id")["publisher"]
    for _, row in EVENTS.loc[REQUIRED + sorted(SINGLE_SOURCE)].iterrows():
        cited = split_ids(row["source_ids"])
        if row["event_id"] in SINGLE_SOURCE:
            assert "single-source" in row["note"].lower(), row["event_id"]
            continue
        assert len(cited) >= 2, row["event_id"]
        assert len({publishers[s] for s in cited}) >= 2, row["event_id"]


def test_disputed_days_are_explained() -> None:
    for event_id in ("ev-20120125-aguelhok-second-date", "ev-20120118-aguelhok-attack",
                     "ev-19600620-federation", "ev-20120520-transition-deal"):
        assert EVENTS.loc[event_id, "note"], event_id
