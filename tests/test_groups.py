"""The armed groups table: every group, every aspect cited, clear errors."""

from __future__ import annotations

import pytest

from helpers.data import load_actors, load_claims, load_sources
from helpers.rebel_advance import ASPECTS, GROUPS, group_profiles, group_statements

ACTORS, CLAIMS = load_actors(), load_claims()


def test_every_group_has_every_aspect_with_a_known_source() -> None:
    known = set(load_sources()["source_id"])
    for group in GROUPS:
        for aspect in ASPECTS:
            said = group_statements(CLAIMS, group, aspect)
            assert said, (group, aspect)
            assert all(source in known for _, source in said)


def test_table_has_a_row_per_group_and_cites_sources() -> None:
    table = group_profiles(ACTORS, CLAIMS)
    assert table.count("\n") == len(GROUPS) + 1
    assert "Iyad Ag Ghaly" in table and "`ref-asu-20130122-mujao`" in table


def test_unknown_group_and_aspect_are_named() -> None:
    with pytest.raises(ValueError, match="atlantis"):
        group_profiles(ACTORS, CLAIMS, actor_ids=("mnla", "atlantis"))
    with pytest.raises(ValueError, match="aspect must be one of"):
        group_statements(CLAIMS, "mnla", "hobbies")
