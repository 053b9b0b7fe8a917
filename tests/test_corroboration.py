"""The corroboration matrix: statuses on small fixtures, and the shipped data's coverage."""

from __future__ import annotations

import pandas as pd

from helpers.comparing_sources import (
    claim_status,
    combine_statuses,
    corroborated_keys,
    corroboration_matrix,
    status_counts,
    uncorroborated_keys,
    unread_keys,
)
from helpers.data import load_claim_keys, load_claim_stances, load_claims, load_sources

SEEDS = ["seed-chivvis-2015", "seed-france24-2013", "seed-thinkprogress-2013",
         "seed-blog-diabaly-2013", "seed-passblue-2013"]


def fixture_tables() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    claims = pd.DataFrame({
        "claim_id": ["c1", "c2", "c3", "c4", "c5", "c6", "c7"],
        "claim_key": ["dist", "dist", "dist", "when", "when", "why", "why"],
        "source_id": ["a", "b", "c", "a", "b", "a", "c"],
        "value": ["400", "404", "515", "2013-01-11", "2013-01-10", "", ""],
    })
    keys = pd.DataFrame({"claim_key": ["dist", "when", "why"],
                         "kind": ["number", "date", "text"],
                         "baseline_value": ["400", "2013-01-11", ""]})
    stances = pd.DataFrame({"claim_id": ["c7"], "stance": ["contradicts"]})
    return claims, keys, stances


def test_matrix_on_a_fixture_gives_each_of_the_four_statuses() -> None:
    claims, keys, stances = fixture_tables()
    matrix = corroboration_matrix(claims, keys, stances, sources=["a", "b", "c"])
    assert matrix.loc["dist"].tolist() == ["agrees", "agrees", "different figure"]
    assert matrix.loc["when"].tolist() == ["agrees", "contradicts", "silent"]
    assert matrix.loc["why"].tolist() == ["agrees", "silent", "contradicts"]


def test_tolerance_decides_what_counts_as_the_same_figure() -> None:
    claims, keys, stances = fixture_tables()
    strict = corroboration_matrix(claims, keys, stances, sources=["b"], rel_tol=0.0)
    assert strict.loc["dist", "b"] == "different figure"


def test_rows_silent_for_every_shown_source_are_dropped_unless_asked() -> None:
    claims, keys, stances = fixture_tables()
    assert "when" not in corroboration_matrix(claims, keys, stances, sources=["c"]).index
    kept = corroboration_matrix(claims, keys, stances, sources=["c"], drop_silent=False)
    assert kept.loc["when", "c"] == "silent"


def test_an_unread_figure_key_gets_a_derived_reading_and_an_unread_text_key_stays_out() -> None:
    claims, keys, stances = fixture_tables()
    unread = keys[keys["claim_key"] == "why"]
    matrix = corroboration_matrix(claims, unread, stances, sources=["a", "b", "c"])
    assert matrix.loc["when"].tolist() == ["contradicts", "contradicts", "silent"]
    assert matrix.loc["dist"].tolist() == ["agrees", "agrees", "different figure"]
    only_dist = keys[keys["claim_key"] == "dist"]
    assert "why" not in corroboration_matrix(claims, only_dist, stances).index
    assert unread_keys(claims, only_dist) == ["why"]


def test_one_contradiction_outweighs_agreement_in_a_cell() -> None:
    assert combine_statuses(["agrees", "different figure"]) == "different figure"
    assert combine_statuses(["different figure", "contradicts"]) == "contradicts"


def test_a_claim_without_a_value_on_a_number_key_uses_its_stance() -> None:
    key = pd.Series({"kind": "number", "baseline_value": "400"})
    claim = pd.Series({"claim_id": "x", "value": ""})
    assert claim_status(claim, key, {"x": "contradicts"}) == "contradicts"
    assert claim_status(claim, key, {}) == "agrees"


def test_every_key_two_sources_answer_appears_in_the_shipped_matrix() -> None:
    claims, keys = load_claims(), load_claim_keys()
    matrix = corroboration_matrix(claims, keys, load_claim_stances())
    assert set(corroborated_keys(claims)) - set(unread_keys(claims, keys)) == set(matrix.index)
    assert len(matrix.index) >= 12


def test_every_key_a_seed_shares_with_another_source_has_a_reading() -> None:
    claims = load_claims()
    seeded = set(claims.loc[claims["source_id"].isin(SEEDS), "claim_key"])
    assert not seeded & set(unread_keys(claims, load_claim_keys()))


def test_every_seed_has_at_least_six_claims_and_a_filled_cell() -> None:
    claims = load_claims()
    counts = claims["source_id"].value_counts()
    assert all(counts.get(seed, 0) >= 6 for seed in SEEDS)
    matrix = corroboration_matrix(claims, load_claim_keys(), load_claim_stances(), sources=SEEDS)
    counted = status_counts(matrix)
    assert (counted["silent"] < len(matrix)).all()


def test_the_shipped_seeds_disagree_somewhere() -> None:
    matrix = corroboration_matrix(load_claims(), load_claim_keys(), load_claim_stances(),
                                  sources=SEEDS)
    assert matrix.loc["first-french-mission", "seed-thinkprogress-2013"] == "contradicts"
    assert matrix.loc["african-troops-arrived", "seed-passblue-2013"] == "different figure"
    assert matrix.loc["konna-retaken", "seed-passblue-2013"] == "contradicts"


def test_readings_cite_known_sources_and_stances_known_claims() -> None:
    known = set(load_sources()["source_id"])
    for cell in load_claim_keys()["source_ids"]:
        assert set(cell.split(";")) <= known, cell
    assert set(load_claim_stances()["claim_id"]) <= set(load_claims()["claim_id"])


def test_uncorroborated_keys_are_the_complement() -> None:
    claims = load_claims()
    assert not set(uncorroborated_keys(claims)) & set(corroborated_keys(claims))
    assert "us-surprised" in uncorroborated_keys(claims)
