"""helpers.synthesis (lesson 06): the aftermath timeline, years between events, the memo review."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.synthesis import (
    MemoReview,
    citable_ids,
    review_memo,
    select_aftermath,
    years_between,
)

GOOD_MEMO = ("France acted because Mali asked and it had forces nearby; ECOWAS could not "
             "deploy AFISMA in time and the United States was barred by law. " * 12
             + "[ev-20130111-serval] [seed-chivvis-2015] [un-sres-2690]")


@pytest.fixture
def known(events, sources, places, actors, deployments, claims, authorities,
          us_actions) -> dict[str, str]:
    """Every id a memo may cite, from the same tables notebook 06 hands ``citable_ids``."""
    return citable_ids(events, sources, places, actors, deployments, claims, authorities,
                       us_actions)


def marks(memo: object, known: dict[str, str]) -> dict[str, str]:
    return {criterion: mark for mark, criterion, _ in review_memo(memo, known).lines}


# The aftermath.

def test_aftermath_is_dated_cited_and_in_order(events) -> None:
    table = select_aftermath(events)
    assert not table.empty and set(table["category"]) == {"aftermath"}
    assert table["date"].is_monotonic_increasing
    assert table["date"].min().year == 2013 and table["date"].max().year == 2023
    assert all(len(ids.split(";")) >= 2 for ids in table["source_ids"])


def test_linked_events_from_other_lessons_join_when_present(events) -> None:
    plain = select_aftermath(events)
    table = select_aftermath(events, also=("ev-20130701-minusma", "ev-not-there"))
    assert "ev-20130701-minusma" not in set(plain["event_id"])
    assert set(table["event_id"]) == set(plain["event_id"]) | {"ev-20130701-minusma"}


def test_years_between_counts_from_first_to_last(events) -> None:
    assert years_between(events, "ev-20130701-minusma", "ev-20231231-minusma-ends") == 10.5
    assert years_between(events, "ev-20231231-minusma-ends", "ev-20130701-minusma") == -10.5


def test_years_between_names_an_unknown_event(events) -> None:
    with pytest.raises(ValueError, match="no event 'ev-20990101-x' in events.csv"):
        years_between(events, "ev-20130111-serval", "ev-20990101-x")


# The ids a memo may cite.

def test_citable_ids_name_the_table_of_each_id(known) -> None:
    assert known["ev-20130111-serval"] == "events" and known["un-sres-2690"] == "sources"
    assert known["gao"] == "places" and known["mnla"] == "actors"
    assert {"deployments", "claims", "authorities", "us_actions"} <= set(known.values())


def test_citable_ids_come_only_from_the_tables_handed_over(events, sources) -> None:
    known = citable_ids(events)
    assert set(known.values()) == {"events"} and len(known) == len(events)
    assert "un-sres-2690" not in known
    assert citable_ids() == {}
    assert citable_ids(sources)["un-sres-2690"] == "sources"


def test_a_table_without_an_identifier_is_refused(control) -> None:
    with pytest.raises(ValueError, match="not one of the tables with ids to cite"):
        citable_ids(control)
    with pytest.raises(ValueError, match="not one of the tables with ids to cite"):
        citable_ids(pd.DataFrame({"x": [1]}))


# The memo review.

def test_a_good_memo_meets_every_checkable_criterion(known) -> None:
    found = marks(GOOD_MEMO, known)
    assert [found[c] for c in ("Length:", "Evidence:", "Range:", "Actors:")] == ["met"] * 4
    assert found["For a reader:"] == "reader" and "Not found in data/:" not in found


def test_a_thin_memo_is_told_what_is_missing(known) -> None:
    review = review_memo("France did it [ev-20130111-serval] [made-up-id].", known)
    text = repr(review)
    assert "✘ Length: 5 words" in text and "1 citation found" in text
    assert "Not found in data/: made-up-id" in text
    assert "say what the United States, Mali's neighbours or African forces" in text


def test_loaded_labels_are_flagged_for_the_reader(known) -> None:
    assert marks("The terrorists and the rebels.", known)["Labels:"] == "reader"
    assert "Labels:" not in marks("MUJAO and the MNLA.", known)


@pytest.mark.parametrize("memo", [..., None, "   ", 42])
def test_no_memo_gets_an_instruction_not_a_crash(memo: object, known) -> None:
    assert repr(review_memo(memo, known)).startswith("✘ No memo yet")


def test_the_review_shows_as_an_html_list(known) -> None:
    review = review_memo("France did it [ev-20130111-serval].", known)
    assert isinstance(review, MemoReview)
    page = review._repr_html_()
    assert page.startswith('<ul class="memo-review"') and page.count("<li>") == len(review.lines)
    assert "<li>✘ <strong>Length:</strong> 4 words" in page


def test_in_french_the_memo_review_speaks_french_and_reads_a_french_memo(monkeypatch) -> None:
    from helpers.data import load_events, load_sources
    from helpers.synthesis import citable_ids, review_memo

    monkeypatch.setenv("MALI_LANGUAGE", "fr")
    memo = ("La France est intervenue, les États-Unis ont aidé, la CEDEAO attendait ; des "
            "terroristes [seed-passblue-2013] [ev-20130111-serval].")
    review = repr(review_memo(memo, citable_ids(load_events(), load_sources())))
    assert "✘ Longueur : 16 mots (visez 250 à 500)." in review
    assert "cite événements, sources" in review
    assert "✔ Acteurs : La France, les États-Unis" in review
    assert "Étiquettes : vous employez terrorist, terroriste" in review
    for english in ("Length", "words", "Actors", "For a reader", "the United States"):
        assert english not in review
