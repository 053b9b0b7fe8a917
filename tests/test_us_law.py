"""The authority explorer's verdicts for a table of cases, its citations and its errors."""

from __future__ import annotations

from datetime import date

import pytest

from helpers.data import load_authorities, load_us_actions
from helpers.us_law import ACTIONS, RECIPIENTS, VERDICTS, ExplorerInputError, judge, read_day

AUTH = load_authorities()
ACTS = load_us_actions()
PROBE_DAYS = ("2012-01-01", "2012-03-21", "2012-03-22", "2012-09-30", "2012-10-01",
              "2013-01-11", "2013-01-21", "2013-02-11", "2013-02-22", "2013-03-27",
              "2013-09-05", "2013-09-06", "2013-12-31")

CASES = [
    # (action, recipient, day, verdict, must cite)
    ("training", "mali_army", "2012-03-01", "allowed_with_conditions", "leahy-620m"),
    ("aid", "mali_government", "2012-03-21", "allowed", "sec7008-fy2012"),
    ("aid", "mali_government", "2012-03-22", "barred", "sec7008-fy2012"),
    ("training", "mali_army", "2012-06-01", "barred", "sec7008-fy2012"),
    ("training", "mali_army", "2013-01-21", "barred", "sec7008-fy2013-cr"),
    ("airlift", "mali_army", "2013-01-21", "barred", "sec7008-fy2013-cr"),
    ("funding", "mali_government", "2013-06-01", "barred", "sec7008-fy2013-full"),
    ("humanitarian_aid", "mali_government", "2012-06-01", "allowed", "sec7008-fy2012"),
    ("aid", "mali_government", "2013-09-05", "barred", "sec7008-fy2013-full"),
    ("aid", "mali_government", "2013-09-06", "allowed", "resumption-2013"),
    ("training", "mali_army", "2013-10-01", "allowed_with_conditions", "leahy-620m"),
    ("airlift", "france", "2013-01-21", "allowed_with_conditions", "acsa"),
    ("airlift", "france", "2013-02-11", "allowed_with_conditions", "pd-2013-06"),
    ("refuelling", "chad", "2013-03-01", "allowed_with_conditions", "pd-2013-06"),
    ("airlift", "afisma", "2013-03-01", "allowed_with_conditions", "acsa"),
    ("training", "afisma", "2013-01-29", "allowed_with_conditions", "leahy-620m"),
    ("intelligence", "france", "2013-01-11", "allowed_with_conditions", "wpr-1973"),
    ("surveillance", "france", "2013-02-22", "allowed_with_conditions", "wpr-report-niger-2013"),
    ("ground_troops", "mali_government", "2013-01-15", "allowed_with_conditions",
     "policy-no-ground-troops"),
]


@pytest.mark.parametrize(("action", "recipient", "day", "expected", "cites"), CASES)
def test_verdict_for_a_table_of_cases(action, recipient, day, expected, cites) -> None:
    verdict = judge(action, recipient, day, authorities=AUTH)
    assert verdict.verdict == expected
    assert cites in verdict.cited()


def test_every_verdict_cites_at_least_one_row_of_authorities() -> None:
    known = set(AUTH["authority_id"])
    for action in ACTIONS:
        for recipient in RECIPIENTS:
            if action == "humanitarian_aid" and recipient not in ("mali_government",
                                                                  "mali_army"):
                continue
            for day in PROBE_DAYS:
                verdict = judge(action, recipient, day, authorities=AUTH)
                assert verdict.verdict in VERDICTS
                assert verdict.cited() and set(verdict.cited()) <= known, verdict
                assert all(r.basis in ("law", "policy") and r.text for r in verdict.reasons)


def test_no_authority_is_cited_before_it_existed() -> None:
    enacted = dict(zip(AUTH["authority_id"], AUTH["enacted"].dt.date, strict=True))
    for action in ACTIONS:
        for recipient in ("mali_army", "france", "chad", "afisma"):
            if action == "humanitarian_aid" and recipient != "mali_army":
                continue
            for day in PROBE_DAYS:
                verdict = judge(action, recipient, day, authorities=AUTH)
                assert all(enacted[a] <= verdict.day for a in verdict.cited()), verdict


def test_ground_troops_were_a_policy_choice_not_a_legal_bar() -> None:
    verdict = judge("ground_troops", "mali_government", "2013-01-21", authorities=AUTH)
    assert verdict.verdict != "barred"
    assert [r.basis for r in verdict.reasons if r.authority_id == "policy-no-ground-troops"] == [
        "policy"]
    assert "AUMF" in verdict.uncertain


def test_after_the_bar_was_lifted_military_aid_was_held_back_by_policy() -> None:
    verdict = judge("training", "mali_army", "2013-10-01", authorities=AUTH)
    assert "policy" in {r.basis for r in verdict.reasons}


def test_record_lists_what_had_happened_by_that_day() -> None:
    before = judge("airlift", "france", "2013-01-20", authorities=AUTH, us_actions=ACTS)
    after = judge("airlift", "france", "2013-01-22", authorities=AUTH, us_actions=ACTS)
    assert len(before.record) == 1 and "pay back" in before.record[0]
    assert any("not seek" in line for line in after.record)


@pytest.mark.parametrize(("action", "recipient", "day", "message"), [
    ("bombing", "france", "2013-01-21", "unknown action 'bombing'; choose one of: intelligence"),
    ("airlift", "germany", "2013-01-21", "unknown recipient 'germany'"),
    ("airlift", "france", "2015-01-01", "outside the period the explorer covers"),
    ("airlift", "france", "tomorrow", "could not read 'tomorrow' as a date"),
    ("airlift", "france", "11/01/2013", "ambiguous"),
    ("humanitarian_aid", "france", "2013-01-21", "modelled only for Mali"),
    (None, "france", "2013-01-21", "unknown action None"),
])
def test_bad_questions_get_a_clear_message(action, recipient, day, message) -> None:
    with pytest.raises(ExplorerInputError, match=message.replace("(", r"\(")):
        judge(action, recipient, day, authorities=AUTH)


def test_labels_are_read_tolerantly() -> None:
    assert judge(" Airlift ", "France", "21 January 2013", authorities=AUTH).action == "airlift"
    assert read_day(date(2013, 1, 21)) == date(2013, 1, 21)
