"""The rules behind the explorer: dates they rely on and the appropriations calendar."""

from __future__ import annotations

from datetime import date

from helpers.data import load_authorities, load_events
from helpers.us_law import COUP_DAY, coup_row, enacted, partner_rule, troops_rule

AUTH = load_authorities()


def test_coup_day_matches_the_timeline() -> None:
    events = load_events().set_index("event_id")
    assert events.loc["ev-20120322-coup", "date"].date() == COUP_DAY


def test_coup_row_follows_the_appropriations_calendar() -> None:
    assert coup_row(date(2012, 9, 27), AUTH) == "sec7008-fy2012"
    assert coup_row(date(2012, 9, 28), AUTH) == "sec7008-fy2013-cr"
    assert coup_row(date(2013, 3, 26), AUTH) == "sec7008-fy2013-full"


def test_drawdown_date_switches_who_pays_for_logistics() -> None:
    before = partner_rule("refuelling", "chad", date(2013, 2, 10), AUTH)
    after = partner_rule("refuelling", "chad", enacted(AUTH, "pd-2013-06"), AUTH)
    assert [r.authority_id for r in before[1]] == ["acsa"]
    assert [r.authority_id for r in after[1]] == ["pd-2013-06"]


def test_ground_troops_policy_appears_only_once_it_was_stated() -> None:
    before = troops_rule(date(2013, 1, 14), AUTH)[1]
    assert "policy-no-ground-troops" not in [r.authority_id for r in before]
