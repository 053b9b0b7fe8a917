"""Lesson 5's exercise keys agree with the data they ask about."""

from __future__ import annotations

from helpers.comparing_sources import corroboration_matrix, days_after, uncorroborated_keys
from helpers.data import load_claim_keys, load_claim_stances, load_claims, load_sources
from helpers.exercises import check, load_exercises

SEEDS = ["seed-chivvis-2015", "seed-france24-2013", "seed-thinkprogress-2013",
         "seed-blog-diabaly-2013", "seed-passblue-2013"]


def test_lesson_has_at_least_five_exercises() -> None:
    keys = [key for key in load_exercises() if key.startswith("5.")]
    assert len(keys) >= 5


def test_5_1_is_the_seed_written_furthest_from_the_events() -> None:
    published = load_sources().set_index("source_id")["published"]
    furthest = max(SEEDS, key=lambda s: days_after(published[s])[0])
    assert check("5.1", furthest)


def test_5_4_accepts_exactly_the_seeds_uncorroborated_keys() -> None:
    claims = load_claims()
    seeded = set(claims.loc[claims["source_id"].isin(SEEDS), "claim_key"])
    exercise = load_exercises()["5.4"]
    assert {exercise.answer, *exercise.accept} == set(uncorroborated_keys(claims)) & seeded
    assert check("5.4", "us-surprised") and not check("5.4", "legal-basis")


def test_5_5_names_the_seeds_that_answer_a_troop_question_differently() -> None:
    matrix = corroboration_matrix(load_claims(), load_claim_keys(), load_claim_stances(),
                                  sources=SEEDS)
    disputed = [key for key in matrix.index
                if "troops" in key and (matrix.loc[key] == "different figure").any()]
    answering = {s for key in disputed for s in SEEDS if matrix.loc[key, s] != "silent"}
    assert check("5.5", sorted(answering))


def test_specific_feedback_for_a_likely_slip() -> None:
    feedback = check("5.3", ["blogger", "commenter"])
    assert not feedback and "outer layers" in feedback.message
