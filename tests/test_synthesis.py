"""Notebook 06's helpers: the aftermath timeline, years between events, the memo review."""

from __future__ import annotations

import pytest

from helpers.data import load_events
from helpers.synthesis import aftermath_events, citable_ids, review_memo, years_between

EVENTS = load_events()
KNOWN = citable_ids()
GOOD_MEMO = ("France acted because Mali asked and it had forces nearby; ECOWAS could not "
             "deploy AFISMA in time and the United States was barred by law. " * 12
             + "[ev-20130111-serval] [seed-chivvis-2015] [un-sres-2690]")


def marks(memo: object) -> dict[str, str]:
    return {criterion: mark for mark, criterion, _ in review_memo(memo, KNOWN).lines}


def test_aftermath_is_dated_cited_and_in_order() -> None:
    table = aftermath_events(EVENTS)
    assert table["date"].is_monotonic_increasing
    assert table["date"].min().year == 2013 and table["date"].max().year == 2023
    assert all(len(ids.split(";")) >= 2 for ids in table["source_ids"])


def test_linked_events_from_other_lessons_join_when_present() -> None:
    table = aftermath_events(EVENTS, also=("ev-20130701-minusma", "ev-not-there"))
    assert "ev-20130701-minusma" in set(table["event_id"])


def test_years_between_counts_from_first_to_last() -> None:
    assert years_between(EVENTS, "ev-20130701-minusma", "ev-20231231-minusma-ends") == 10.5
    assert years_between(EVENTS, "ev-20231231-minusma-ends", "ev-20130701-minusma") == -10.5


def test_years_between_names_an_unknown_event() -> None:
    with pytest.raises(ValueError, match="no event 'ev-20990101-x' in events.csv"):
        years_between(EVENTS, "ev-20130111-serval", "ev-20990101-x")


def test_a_good_memo_meets_every_checkable_criterion() -> None:
    found = marks(GOOD_MEMO)
    assert [found[c] for c in ("Length:", "Evidence:", "Range:", "Actors:")] == ["met"] * 4
    assert found["For a reader:"] == "reader"


def test_a_thin_memo_is_told_what_is_missing() -> None:
    review = review_memo("France did it [ev-20130111-serval] [made-up-id].", KNOWN)
    text = repr(review)
    assert "✘ Length: 5 words" in text and "1 citation found" in text
    assert "Not found in data/: made-up-id" in text
    assert "say what the United States, Mali's neighbours or African forces" in text


def test_loaded_labels_are_flagged_for_the_reader() -> None:
    assert marks("The terrorists and the rebels.")["Labels:"] == "reader"
    assert "Labels:" not in marks("MUJAO and the MNLA.")


@pytest.mark.parametrize("memo", [..., None, "   ", 42])
def test_no_memo_gets_an_instruction_not_a_crash(memo: object) -> None:
    assert repr(review_memo(memo, KNOWN)).startswith("✘ No memo yet")


def test_citable_ids_cover_events_and_sources() -> None:
    assert KNOWN["ev-20130111-serval"] == "events" and KNOWN["un-sres-2690"] == "sources"
