"""Side-by-side comparison: time since the events, profiles, claims grouped by topic."""

from __future__ import annotations

import pytest

from helpers.comparing_sources import (
    claims_by_topic,
    compare_html,
    days_after,
    describe_gap,
    key_claims_table,
    shared_keys,
    source_profile,
    sourcing_table,
)
from helpers.data import load_claims, load_sources

SEEDS = ["seed-chivvis-2015", "seed-france24-2013", "seed-thinkprogress-2013",
         "seed-blog-diabaly-2013", "seed-passblue-2013"]


def test_days_after_counts_from_11_january_2013() -> None:
    assert days_after("2013-01-11") == (0, True)
    assert days_after("2013-01-14") == (3, True)
    assert days_after("2015-12-05") == (1058, True)
    assert days_after("2015") == (720, False)


def test_a_malformed_date_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="expected a date like 2013-01-18"):
        days_after("soon")


def test_gap_in_words_is_honest_about_imprecise_dates() -> None:
    assert describe_gap("2013-01-12") == "1 day after 11 January 2013"
    assert describe_gap("2013-01").startswith("date known only as 2013-01")


def test_sourcing_table_puts_the_seeds_in_date_order() -> None:
    table = sourcing_table(SEEDS, load_sources())
    assert table["Source"].iloc[-1].startswith("Cambridge University Press")
    assert set(table["Who speaks"]) <= {"reporter", "official", "analyst", "scholar", "blogger",
                                        "commenter", "mixed", "legal_text", "reference"}


def test_profile_names_who_speaks_and_when() -> None:
    profile = source_profile("seed-france24-2013", load_sources())
    assert profile["Who speaks"] == "mixed"
    assert profile["Written"] == "7 days after 11 January 2013"


def test_claims_are_grouped_by_topic_and_shared_questions_marked() -> None:
    claims, sources = load_claims(), load_sources()
    groups = claims_by_topic(claims, "seed-passblue-2013")
    assert "troops" in groups and all((g["topic"] == t).all() for t, g in groups.items())
    both = shared_keys(claims, "seed-passblue-2013", "seed-thinkprogress-2013")
    assert "first-french-mission" in both
    page = compare_html("seed-passblue-2013", "seed-thinkprogress-2013", claims, sources)
    assert page.count("(both answer this)") >= 2 * len(both)


def test_an_empty_choice_is_a_prompt_not_an_error() -> None:
    claims, sources = load_claims(), load_sources()
    assert "Pick two sources" in compare_html("seed-passblue-2013", "", claims, sources)


def test_key_claims_table_is_in_date_order() -> None:
    table = key_claims_table(load_claims(), "first-french-mission", load_sources())
    assert table["Source"].iloc[0].endswith("2013-01-11")
    with pytest.raises(ValueError, match="no claim uses claim_key 'nope'"):
        key_claims_table(load_claims(), "nope", load_sources())
