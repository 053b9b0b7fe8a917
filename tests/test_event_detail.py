"""One event in full: its dates, summary, note and citations, safely rendered as HTML."""

from __future__ import annotations

import pytest

from helpers.citations import format_citation
from helpers.data import load_events, load_sources
from helpers.the_coup import citation_html, describe_event, event_html

EVENTS, SOURCES = load_events(), load_sources()


def test_description_cites_every_source_of_the_row() -> None:
    facts = describe_event(EVENTS, SOURCES, "ev-20120408-toure-resigns")
    assert facts["when"] == "8 Apr 2012"
    assert facts["citations"] == [
        format_citation(sid, sources=SOURCES)
        for sid in ("news-voa-20120408-toure-resigns", "news-reuters-20120408-toure-resigns",
                    "news-xinhua-20120409-toure-letter")]


def test_a_span_shows_both_ends() -> None:
    assert describe_event(EVENTS, SOURCES, "ev-19630514-rebellion")["when"] == (
        "14 May 1963 – 15 Aug 1964")


def test_unknown_event_is_named() -> None:
    with pytest.raises(KeyError, match="no event with event_id 'ev-nope'"):
        describe_event(EVENTS, SOURCES, "ev-nope")


def test_html_shows_note_and_linked_sources() -> None:
    page = event_html(EVENTS, SOURCES, "ev-20120125-aguelhok-second-date")
    assert "<strong>Note:</strong> Second row for a disputed day" in page
    assert page.count("<li>") == 2
    assert '<a href="https://en.wikipedia.org/wiki/Battle_of_Aguelhok_(2012)"' in page
    assert "<code>ev-20120125-aguelhok-second-date</code>" in page
    assert "<li><code>ref-wikipedia-aguelhok-2012</code>: " in page


def test_html_without_a_choice_invites_one() -> None:
    assert "Pick an event" in event_html(EVENTS, SOURCES, None)


def test_markup_in_data_is_escaped() -> None:
    assert citation_html("A <b>bold</b> *claim*") == "A &lt;b&gt;bold&lt;/b&gt; <em>claim</em>"
