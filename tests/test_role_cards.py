"""Each private fact on a lesson 04 role card rests on data: a data row, then its sources.

A fact ends with its ids in brackets, ``(data-row-id; source-id, source-id)``: every id must
be a row of ``data/`` (an authority, a US action) or of ``data/sources.csv``, and at least one
must be a source, so an instructor can check any fact a student challenges.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from helpers import load_authorities, load_sources, load_us_actions

CARDS = Path(__file__).resolve().parents[1] / "docs" / "role-cards.toml"
IDS = re.compile(r"\(([a-z0-9][a-z0-9 ,;.-]*)\)\.?$")


def cited_ids(fact: str) -> list[str]:
    """Return the ids in the brackets that end ``fact``.

    Example:
        >>> cited_ids("It rained (ev-1; src-a, src-b).")
        ['ev-1', 'src-a', 'src-b']
        >>> cited_ids("No brackets.")
        []
    """
    match = IDS.search(fact.strip())
    return [part for part in re.split(r"[,;]\s*", match[1].strip())] if match else []


def private_facts() -> list[tuple[str, str]]:
    with CARDS.open("rb") as handle:
        roles = tomllib.load(handle)["role"]
    return [(role["title"], fact) for role in roles for fact in role["private"]]


@pytest.fixture(scope="module")
def known() -> tuple[set[str], set[str]]:
    sources = set(load_sources()["source_id"])
    rows = set(load_authorities()["authority_id"]) | set(load_us_actions()["action_id"])
    return sources, rows


@pytest.mark.parametrize(("role", "fact"), private_facts(), ids=lambda v: v[:30])
def test_every_private_fact_cites_a_source_that_resolves(known, role, fact) -> None:
    sources, rows = known
    ids = cited_ids(fact)
    assert ids, f"{role}: a private fact cites nothing: {fact[:60]}..."
    unknown = [i for i in ids if i not in sources | rows]
    assert unknown == [], f"{role}: ids that are no row of data/: {unknown}"
    assert set(ids) & sources, f"{role}: no row of sources.csv behind: {fact[:60]}..."


def test_a_fact_with_only_a_data_row_or_an_unknown_id_fails(known) -> None:
    sources, rows = known
    assert not set(cited_ids("A fact (acsa).")) & sources
    assert "no-such-source" not in sources | rows
