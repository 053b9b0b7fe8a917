"""Lesson 04 (helpers/us_law.py): the rules table, the explorer's verdicts and widget, the
instruments table and the timeline of US actions against legal events."""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

import helpers.us_law
from helpers.citations import caption_name
from helpers.data import split_ids
from helpers.us_law import (
    ACTIONS,
    LAW_ROW,
    RECIPIENTS,
    VERDICTS,
    ExplorerInputError,
    authorities_table,
    authority_explorer,
    build_timeline,
    describe_timeline,
    explain,
    judge,
    judge_cases,
    read_day,
    us_timeline_chart,
    verdict_table,
)

COUP_ROWS = {"sec7008-fy2012", "sec7008-fy2013-cr", "sec7008-fy2013-full"}
PROBE_DAYS = ("2012-01-01", "2012-03-21", "2012-03-22", "2012-09-27", "2012-09-28",
              "2012-10-01", "2013-01-11", "2013-01-15", "2013-01-21", "2013-02-10",
              "2013-02-11", "2013-02-22", "2013-03-26", "2013-03-27", "2013-09-05",
              "2013-09-06", "2013-12-31")


def questions():
    """Every action for every recipient the explorer models."""
    for action in ACTIONS:
        for recipient in RECIPIENTS:
            if action == "humanitarian_aid" and recipient not in ("mali_government",
                                                                  "mali_army"):
                continue
            yield action, recipient


# The rules table: every reason the explorer gives is a cited row of data/us_rules.csv.

def test_every_rule_row_cites_sources_that_exist(us_rules, sources, authorities) -> None:
    known_sources, known_laws = set(sources["source_id"]), set(authorities["authority_id"])
    for row in us_rules.itertuples():
        assert split_ids(row.source_ids), row.rule_id
        assert set(split_ids(row.source_ids)) <= known_sources, row.rule_id
        assert set(split_ids(row.authority_ids)) <= known_laws, row.rule_id


def test_every_reason_is_a_row_of_the_rules_table_word_for_word(authorities, us_rules) -> None:
    rows = us_rules.set_index("rule_id")
    used = set()
    for action, recipient in questions():
        for day in PROBE_DAYS:
            verdict = judge(authorities, us_rules, action, recipient, day)
            for reason in verdict.reasons + verdict.doubts:
                row = rows.loc[reason.rule_id]
                assert reason.text == row["text"] and reason.basis == row["basis"]
                assert reason.source_ids == tuple(split_ids(row["source_ids"]))
                assert reason.authority_id in split_ids(row["authority_ids"])
                used.add(reason.rule_id)
            assert all(r.basis in ("law", "policy") for r in verdict.reasons)
            assert all(r.basis == "uncertain" for r in verdict.doubts)
    assert used == set(rows.index), set(rows.index) - used  # no row is dead text


def test_coup_day_matches_the_timeline(us_rules, events) -> None:
    starts = us_rules.set_index("rule_id").at["mali-coup-bar", "starts"]
    assert starts == events.set_index("event_id").at["ev-20120322-coup", "date"]


def test_no_amount_or_head_count_is_written_in_the_module() -> None:
    code = Path(helpers.us_law.__file__).read_text(encoding="utf-8")
    for fact in (r"\bmillion\b", r"\bdollars?\b", r"\bpersonnel\b", r"\bhours\b",
                 r"\b\d+ days\b", r"\$\d"):
        assert not re.search(fact, code), fact


# The explorer's verdicts for a table of cases, its citations and its errors.

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
def test_verdict_for_a_table_of_cases(authorities, us_rules, action, recipient, day,
                                      expected, cites) -> None:
    verdict = judge(authorities, us_rules, action, recipient, day)
    assert verdict.verdict == expected
    assert cites in verdict.cited()


def test_every_verdict_cites_rows_of_authorities(authorities, us_rules) -> None:
    known = set(authorities["authority_id"])
    for action, recipient in questions():
        for day in PROBE_DAYS:
            verdict = judge(authorities, us_rules, action, recipient, day)
            assert verdict.verdict in VERDICTS
            assert verdict.cited() and set(verdict.cited()) <= known, verdict


def test_no_authority_is_cited_before_it_existed(authorities, us_rules) -> None:
    enacted = dict(zip(authorities["authority_id"], authorities["enacted"].dt.date, strict=True))
    for action, recipient in questions():
        for day in PROBE_DAYS:
            verdict = judge(authorities, us_rules, action, recipient, day)
            cited = verdict.cited() + [r.authority_id for r in verdict.doubts]
            assert all(enacted[a] <= verdict.day for a in cited), verdict


def test_coup_restriction_follows_the_appropriations_calendar(authorities, us_rules) -> None:
    def cited(day: str) -> list[str]:
        return judge(authorities, us_rules, "training", "mali_army", day).cited()

    assert cited("2012-09-27") == ["sec7008-fy2012"]
    assert cited("2012-09-28") == ["sec7008-fy2013-cr"]
    assert cited("2013-03-26") == ["sec7008-fy2013-full"]


def test_drawdown_date_switches_who_pays_for_logistics(authorities, us_rules) -> None:
    before = judge(authorities, us_rules, "refuelling", "chad", "2013-02-10")
    after = judge(authorities, us_rules, "refuelling", "chad", "2013-02-11")
    assert before.cited() == ["acsa"] and after.cited() == ["pd-2013-06"]


def test_ground_troops_were_a_policy_choice_not_a_legal_bar(authorities, us_rules) -> None:
    verdict = judge(authorities, us_rules, "ground_troops", "mali_government", "2013-01-21")
    assert verdict.verdict != "barred"
    assert [r.basis for r in verdict.reasons
            if r.authority_id == "policy-no-ground-troops"] == ["policy"]
    assert [r.authority_id for r in verdict.doubts] == ["aumf-2001"]
    before = judge(authorities, us_rules, "ground_troops", "mali_government", "2013-01-14")
    assert "policy-no-ground-troops" not in before.cited()


def test_after_the_bar_was_lifted_military_aid_was_held_back_by_policy(authorities,
                                                                        us_rules) -> None:
    verdict = judge(authorities, us_rules, "training", "mali_army", "2013-10-01")
    assert [r.authority_id for r in verdict.reasons if r.basis == "policy"] == [
        "resumption-2013"]


def test_record_lists_what_had_happened_by_that_day(authorities, us_rules, us_actions) -> None:
    before = judge(authorities, us_rules, "airlift", "france", "2013-01-20",
                   us_actions=us_actions)
    after = judge(authorities, us_rules, "airlift", "france", "2013-01-22",
                  us_actions=us_actions)
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
def test_bad_questions_get_a_clear_message(authorities, us_rules, action, recipient, day,
                                           message) -> None:
    with pytest.raises(ExplorerInputError, match=message.replace("(", r"\(")):
        judge(authorities, us_rules, action, recipient, day)


def test_labels_and_dates_are_read_tolerantly(authorities, us_rules) -> None:
    verdict = judge(authorities, us_rules, " Airlift ", "France", "21 January 2013")
    assert (verdict.action, verdict.recipient) == ("airlift", "france")
    assert read_day(date(2013, 1, 21)) == date(2013, 1, 21)
    assert read_day(pd.Timestamp("2013-01-21")) == date(2013, 1, 21)


# Lesson 4's tables: every legal row and US action is cited twice and hangs together.

@pytest.mark.parametrize("table", ["authorities", "us_actions"])
def test_every_row_has_at_least_two_sources(request, table: str) -> None:
    frame = request.getfixturevalue(table)
    assert len(frame) > 0
    for row in frame.itertuples():
        assert len(split_ids(row.source_ids)) >= 2, row[1]


def test_barred_actions_cite_the_coup_restriction(us_actions) -> None:
    barred = us_actions[us_actions["outcome"] == "barred"]
    assert len(barred) > 0
    for row in barred.itertuples():
        assert set(split_ids(row.authority_ids)) & COUP_ROWS, row.action_id


def test_every_authority_is_used_by_an_action_or_by_the_explorer(authorities, us_rules,
                                                                  us_actions) -> None:
    used = {a for cell in us_actions["authority_ids"] for a in split_ids(cell)}
    for action, recipient in questions():
        for day in ("2012-03-01", "2013-01-21", "2013-02-25", "2013-06-01", "2013-10-01"):
            used |= set(judge(authorities, us_rules, action, recipient, day).cited())
    assert set(authorities["authority_id"]) <= used, set(authorities["authority_id"]) - used


def test_linked_deployment_figures_are_us_or_afisma_and_dated_near_the_action(
        us_actions, deployments) -> None:
    figures = deployments.set_index("deployment_id")
    linked = 0
    for row in us_actions.itertuples():
        for dep in split_ids(row.deployment_ids):
            assert figures.loc[dep, "force"] in ("us", "afisma")
            assert abs((figures.loc[dep, "date"] - row.date).days) <= 10, (row.action_id, dep)
            linked += 1
    assert linked > 0


# The explorer widget only forwards its values; the static table matches judge().

def test_choosing_values_shows_the_verdict_from_explain(authorities, us_rules, us_actions,
                                                        sources) -> None:
    tables = (authorities, us_rules, us_actions, sources)
    box = authority_explorer(*tables)
    action, recipient, day = box.children[0].children
    panel = box.children[1]
    assert "Choose an action" in panel.value
    action.value, recipient.value = "airlift", "france"
    assert panel.value == explain(*tables, "airlift", "france", "2013-01-21")
    assert "ALLOWED WITH CONDITIONS" in panel.value and "acsa" in panel.value
    day.value = "2013-02-12"
    assert "pd-2013-06" in panel.value


def test_a_bad_date_in_the_widget_gives_a_message_not_a_traceback(authorities, us_rules,
                                                                  us_actions, sources) -> None:
    box = authority_explorer(authorities, us_rules, us_actions, sources)
    action, recipient, day = box.children[0].children
    action.value, recipient.value, day.value = "aid", "mali_army", "next week"
    assert "Cannot judge that" in box.children[1].value
    day.value = ""
    assert "Choose an action" in box.children[1].value


def test_html_names_every_cited_authority_and_source_and_marks_the_basis(
        authorities, us_rules, us_actions, sources) -> None:
    text = explain(authorities, us_rules, us_actions, sources, "ground_troops",
                   "mali_government", "2013-01-21")
    for authority in ("wpr-1973", "aumf-2001", "policy-no-ground-troops"):
        assert f"<code>{authority}</code>" in text
    for marker in ("[policy]", "[law]", "[uncertain]", "Where the law was uncertain"):
        assert marker in text
    rule = us_rules.set_index("rule_id").loc["troops-ruled-out"]
    for source_id in split_ids(rule["source_ids"]):
        assert html.escape(caption_name(sources, source_id)) in text, source_id


def test_html_escapes_the_rule_text(authorities, us_rules, us_actions, sources) -> None:
    rows = us_rules.copy()
    rows.loc[rows["rule_id"] == "troops-ruled-out", "text"] = "<b>bold</b> & co"
    text = explain(authorities, rows, us_actions, sources, "ground_troops", "mali_army",
                   "2013-01-21")
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co" in text and "<b>bold" not in text


def test_static_table_agrees_with_judge(authorities, us_rules) -> None:
    table = judge_cases(authorities, us_rules)
    days = {"1 Mar 2012": "2012-03-01", "21 Jan 2013": "2013-01-21", "1 Oct 2013": "2013-10-01"}
    assert list(table.columns) == ["Request", "For", *days]
    for _, row in table.iterrows():
        action, recipient = row["Request"].replace(" ", "_"), row["For"].replace(" ", "_")
        for label, day in days.items():
            verdict = judge(authorities, us_rules, action, recipient, day)
            cited = ", ".join(verdict.cited())
            assert row[label] == f"{verdict.verdict.replace('_', ' ')} ({cited})"


def test_static_table_as_markdown_keeps_every_citation_whole(authorities, us_rules) -> None:
    text = verdict_table(authorities, us_rules)
    assert "policy-no-ground-troops" in text and "..." not in text
    assert text.count("\n") == len(judge_cases(authorities, us_rules)) + 1


def test_authorities_table_has_one_row_per_instrument_oldest_first(authorities) -> None:
    lines = authorities_table(authorities).splitlines()
    assert len(lines) == len(authorities) + 2
    assert lines[2].startswith("| War Powers Resolution | ")  # 1973, the oldest
    assert "`statute-pl-93-148`" in lines[2]


# The timeline of US actions against legal events: its table, text alternative and chart.

def test_timeline_holds_every_action_and_the_legal_events_of_the_period(us_actions,
                                                                        authorities) -> None:
    table = build_timeline(us_actions, authorities)
    assert (table["Row"] != LAW_ROW).sum() == len(us_actions)
    laws = set(table.loc[table["Row"] == LAW_ROW, "Cites"])
    assert {"sec7008-fy2012", "pd-2013-06", "resumption-2013"} <= laws
    assert "aumf-2001" not in laws  # enacted in 2001: in force throughout, not an event here
    assert table["Date"].is_monotonic_increasing


def test_text_alternative_names_the_dates_that_matter(us_actions, authorities) -> None:
    text = describe_timeline(build_timeline(us_actions, authorities))
    assert "11 Feb 2013 Emergency drawdown" in text
    assert "21 Jan First US C-17 lands in Bamako" in text


def test_chart_has_labelled_axes_a_caption_citing_its_rows_and_a_table(
        us_actions, authorities, sources) -> None:
    chart = us_timeline_chart(us_actions, authorities, sources)
    whole, zoom = chart.figure.axes
    assert whole.get_xlabel() == "Date" and whole.get_ylabel() == "Kind of US help"
    cited = chart.caption.split("Sources: ", 1)[1]
    assert cited.count(";") == 3 and "more, listed under Full list of sources" in cited
    labels = [text.get_text() for text in whole.texts + zoom.texts]
    assert "Emergency drawdown for\nChad and France" in labels
    assert not any(re.fullmatch(r"[a-z0-9-]+", label) for label in labels), labels
    assert len(chart.table) == len(build_timeline(us_actions, authorities))


def test_chart_splits_training_by_recipient_and_marks_the_role_play_requests(
        us_actions, authorities, sources) -> None:
    chart = us_timeline_chart(us_actions, authorities, sources)
    labels = [tick.get_text() for tick in chart.figure.axes[0].get_yticklabels()]
    for letter in "abcde":
        assert sum(label.startswith(f"({letter})") for label in labels) == 1, letter
    table = build_timeline(us_actions, authorities)
    army = table[table["Row"] == "(d) training: Malian army"]["Outcome"]
    african = table[table["Row"] == "training: African force"]["Outcome"]
    assert "barred" in set(army) and "barred" not in set(african)
    assert set(african) == {"conditional"}


# The French edition: the same explorer, chart and tables speak French (MALI_LANGUAGE=fr).

def test_french_widget_and_explanation_are_in_french(monkeypatch, authorities, us_rules,
                                                      us_actions, sources) -> None:
    monkeypatch.setenv("MALI_LANGUAGE", "fr")
    tables = (authorities, us_rules, us_actions, sources)
    box = authority_explorer(*tables)
    action, recipient, day = box.children[0].children
    assert "Choisissez une action" in box.children[1].value
    assert (action.description, recipient.description) == ("Action\u00a0:", "Pour\u00a0:")
    assert ("armée malienne", "mali_army") in recipient.options
    action.value, recipient.value = "training", "mali_army"
    panel = box.children[1].value
    assert "INTERDIT" in panel and "[loi]" in panel and "21 janvier 2013" in panel
    assert "BARRED" not in panel and "[law]" not in panel and "January" not in panel
    day.value = "la semaine prochaine"
    assert "Impossible de trancher" in box.children[1].value
    text = explain(*tables, "ground_troops", "mali_government", "2013-03-01")
    assert "1er mars 2013" in text and "Là où le droit était incertain" in text
    assert "[politique]" in text and "[incertain]" in text


def test_french_tables_chart_and_text_alternative(monkeypatch, authorities, us_rules,
                                                  us_actions, sources) -> None:
    monkeypatch.setenv("MALI_LANGUAGE", "fr")
    table = judge_cases(authorities, us_rules)
    assert list(table.columns) == ["Demande", "Pour", "1er mars 2012", "21 janv. 2013",
                                   "1er oct. 2013"]
    assert table.iloc[0].tolist()[:2] == ["formation", "armée malienne"]
    assert table.iloc[0]["21 janv. 2013"] == "interdit (sec7008-fy2013-cr)"
    assert authorities_table(authorities).splitlines()[0].startswith(
        "| Instrument | Référence | Date | Nature | Effet sur le Mali |")
    text = describe_timeline(build_timeline(us_actions, authorities))
    assert text.startswith("Événements juridiques : ".replace(" :", "\u00a0:"))
    assert "11 févr. 2013 Emergency drawdown" in text and "21 janv." in text
    chart = us_timeline_chart(us_actions, authorities, sources)
    whole, zoom = chart.figure.axes
    assert whole.get_ylabel() == "Type d'aide américaine"
    assert zoom.get_title().startswith("Gros plan")
    labels = [tick.get_text() for tick in whole.get_yticklabels()]
    assert "(a) transport aérien" in labels and "(a) airlift" not in labels
    assert {"Ligne", "Issue"} <= set(chart.table.columns)
    assert "Demandes et actions américaines" in chart.caption
