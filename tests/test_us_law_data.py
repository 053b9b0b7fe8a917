"""Lesson 4's tables: every legal row and US action is cited twice and hangs together."""

from __future__ import annotations

import pytest

from helpers.data import load_authorities, load_deployments, load_us_actions, split_ids
from helpers.us_law import ACTIONS, COUP_ROWS, RECIPIENTS, judge

AUTH, ACTS = load_authorities(), load_us_actions()


@pytest.mark.parametrize("table", ["authorities", "us_actions"])
def test_every_row_has_at_least_two_sources(table: str) -> None:
    frame = AUTH if table == "authorities" else ACTS
    for row in frame.itertuples():
        assert len(split_ids(row.source_ids)) >= 2, row[1]


def test_barred_actions_cite_the_coup_restriction() -> None:
    for row in ACTS[ACTS["outcome"] == "barred"].itertuples():
        assert set(split_ids(row.authority_ids)) & set(COUP_ROWS), row.action_id


def test_every_authority_is_used_by_an_action_or_by_the_explorer() -> None:
    used = {a for cell in ACTS["authority_ids"] for a in split_ids(cell)}
    for action in ACTIONS:
        for recipient in RECIPIENTS:
            if action == "humanitarian_aid" and recipient not in ("mali_government",
                                                                  "mali_army"):
                continue
            for day in ("2012-03-01", "2013-01-21", "2013-02-25", "2013-06-01", "2013-10-01"):
                used |= set(judge(action, recipient, day, authorities=AUTH).cited())
    assert set(AUTH["authority_id"]) <= used, set(AUTH["authority_id"]) - used


def test_linked_deployment_figures_are_us_or_afisma_and_dated_near_the_action() -> None:
    figures = load_deployments().set_index("deployment_id")
    for row in ACTS.itertuples():
        for dep in split_ids(row.deployment_ids):
            assert figures.loc[dep, "force"] in ("us", "afisma")
            assert abs((figures.loc[dep, "date"] - row.date).days) <= 10, (row.action_id, dep)
