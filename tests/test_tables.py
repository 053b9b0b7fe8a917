"""The one table writer, the glossary and the dated list of events."""

from __future__ import annotations

import pandas as pd

from helpers.data import load_actors, load_events
from helpers.tables import (
    escape_cell,
    events_table,
    format_when,
    glossary_table,
    html_table,
    markdown_table,
)


def test_markdown_table_escapes_markup_pipes_and_newlines() -> None:
    frame = pd.DataFrame({"Text": ["<img src=x onerror=alert(1)> | *b*\nnext"]})
    row = markdown_table(frame).splitlines()[2]
    assert "<img" not in row and "&lt;img" in row
    assert "\\|" in row and "\\*b\\*" in row and "\n" not in row


def test_markdown_table_shows_each_id_as_code_and_blank_for_missing() -> None:
    frame = pd.DataFrame({"Ids": ["a;b"], "Note": [None]})
    assert markdown_table(frame, code=["Ids"]).splitlines()[2] == "| `a`, `b` |  |"


def test_html_table_escapes_and_has_column_headers() -> None:
    text = html_table(pd.DataFrame({"<x>": ['"q" & <b>']}), caption="C <1>")
    assert '<th scope="col">&lt;x&gt;</th>' in text
    assert "&quot;q&quot; &amp; &lt;b&gt;" in text and "<caption>C &lt;1&gt;</caption>" in text


def test_escape_cell_keeps_plain_text() -> None:
    assert escape_cell("Gao, 30 March 2012") == "Gao, 30 March 2012"


def test_glossary_has_one_row_per_actor_and_escapes_pipes() -> None:
    actors = load_actors()
    text = glossary_table(actors)
    assert len(text.splitlines()) == len(actors) + 2
    odd = actors.head(1).assign(description="left | right")
    assert "left \\| right" in glossary_table(odd)


def test_glossary_can_be_filtered_by_kind() -> None:
    text = glossary_table(load_actors(), kinds=("armed_group",))
    assert "MNLA" in text and "ECOWAS" not in text


def test_events_are_sorted_and_dated_to_their_precision() -> None:
    events = load_events().set_index("event_id").loc[
        ["ev-20130111-serval", "ev-20120322-coup", "ev-20120101-rebellion"]].reset_index()
    shuffled = events.sample(frac=1, random_state=1)
    lines = events_table(shuffled).splitlines()[2:]
    assert lines[0].startswith("| Jan 2012 |") and lines[1].startswith("| 22 Mar 2012 |")
    year_only = events.head(1).assign(date_precision="year", date=pd.Timestamp("1960-01-01"))
    assert events_table(year_only).splitlines()[2].startswith("| 1960 |")


def test_format_when_writes_only_the_known_precision() -> None:
    day = pd.Timestamp("2013-01-02")
    assert [format_when(day, p) for p in ("day", "month", "year")] == [
        "2 Jan 2013", "Jan 2013", "2013"]
