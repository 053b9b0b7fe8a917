"""Checking a source's figures against other sources (helpers/force_compare.py)."""

from __future__ import annotations

import pytest

from helpers.data import load_deployments, load_sources
from helpers.intervention import corroborate


def test_every_seed_figure_gets_a_row_and_counts_add_up() -> None:
    deployments = load_deployments()
    table = corroborate(deployments, "seed-france24-2013", sources=load_sources(), days=7)
    assert len(table) == (deployments["source_id"] == "seed-france24-2013").sum()
    aircraft = table.set_index("What").loc["French (Serval): combat aircraft, deployed, engaged"]
    assert aircraft["This source"] == "12" and aircraft["Others agree"] == 2
    assert aircraft["Others differ"] == 0


def test_only_the_same_kind_and_scope_count_as_the_same_thing() -> None:
    table = corroborate(load_deployments(), "seed-france24-2013", sources=load_sources())
    authorised = table.set_index("What").loc["African (AFISMA): troops, authorized, in_mali"]
    assert authorised["Others within a few days"] == "none"  # others call 3,300 a plan


def test_unknown_source_is_named_in_the_message() -> None:
    with pytest.raises(ValueError, match="no figures from source 'seed-nobody'"):
        corroborate(load_deployments(), "seed-nobody", sources=load_sources())
