"""The authority explorer widget only forwards its values; the static table matches judge()."""

from __future__ import annotations

from helpers.data import load_authorities, load_us_actions
from helpers.us_law import (
    TABLE_DAYS,
    authority_explorer,
    explain,
    frame_markdown,
    judge,
    verdict_table,
)

AUTH, ACTS = load_authorities(), load_us_actions()


def test_choosing_values_shows_the_verdict_from_explain() -> None:
    box = authority_explorer(AUTH, ACTS)
    action, recipient, day = box.children[0].children
    panel = box.children[1]
    assert "Choose an action" in panel.value
    action.value, recipient.value = "airlift", "france"
    assert panel.value == explain("airlift", "france", "2013-01-21", authorities=AUTH,
                                  us_actions=ACTS)
    assert "ALLOWED WITH CONDITIONS" in panel.value and "acsa" in panel.value
    day.value = "2013-02-12"
    assert "pd-2013-06" in panel.value


def test_a_bad_date_in_the_widget_gives_a_message_not_a_traceback() -> None:
    box = authority_explorer(AUTH, ACTS)
    action, recipient, day = box.children[0].children
    action.value, recipient.value, day.value = "aid", "mali_army", "next week"
    assert "Cannot judge that" in box.children[1].value
    day.value = ""
    assert "Choose an action" in box.children[1].value


def test_html_names_every_cited_authority_and_marks_law_or_policy() -> None:
    text = explain("ground_troops", "mali_government", "2013-01-21", authorities=AUTH)
    for authority in ("wpr-1973", "aumf-2001", "policy-no-ground-troops"):
        assert authority in text
    assert "[policy]" in text and "[law]" in text and "uncertain" in text


def test_static_table_agrees_with_judge() -> None:
    table = verdict_table(authorities=AUTH)
    assert list(table.columns) == ["Request", "For", *TABLE_DAYS]
    for _, row in table.iterrows():
        action, recipient = row["Request"].replace(" ", "_"), row["For"].replace(" ", "_")
        for label, day in TABLE_DAYS.items():
            verdict = judge(action, recipient, day, authorities=AUTH)
            cited = ", ".join(verdict.cited())
            assert row[label] == f"{verdict.verdict.replace('_', ' ')} ({cited})"


def test_static_table_as_markdown_keeps_every_citation_whole() -> None:
    text = frame_markdown(verdict_table(authorities=AUTH))
    assert "policy-no-ground-troops" in text and "..." not in text
    assert text.count("\n") == len(verdict_table(authorities=AUTH)) + 1
