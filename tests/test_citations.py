"""Citations, bibliographies and captions come from the bibliography they are handed."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.citations import (
    bibliography,
    caption,
    collect_ids,
    format_citation,
    short_citation,
    source_row,
)


def test_format_citation_has_author_date_title_and_link(sources: pd.DataFrame) -> None:
    text = format_citation(sources, "news-guardian-20120124")
    assert text.startswith("The Guardian (2012-01-24).")
    assert "<https://www.theguardian.com/" in text


def test_format_citation_escapes_markup_in_the_data(sources: pd.DataFrame) -> None:
    poisoned = sources.assign(title=sources["title"].where(
        sources["source_id"] != "seed-passblue-2013", "<script>alert(1)</script>"))
    text = format_citation(poisoned, "seed-passblue-2013")
    assert "<script>" not in text and "&lt;script&gt;" in text


def test_unknown_source_is_a_clear_error(sources: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="unknown source id 'nope'"):
        short_citation(sources, "nope")
    with pytest.raises(ValueError, match="not in data/sources.csv"):
        source_row(sources, "nope")


def test_bibliography_is_sorted_unique_markdown(sources: pd.DataFrame) -> None:
    text = bibliography(sources, ["seed-passblue-2013;ref-wikipedia-serval", "seed-passblue-2013"])
    lines = str(text).splitlines()
    assert len(lines) == 2 and lines[0].startswith("- `ref-wikipedia-serval`")
    assert text._repr_markdown_() == str(text)


def test_caption_names_every_source_once(sources: pd.DataFrame) -> None:
    text = caption(sources, ["seed-passblue-2013", "seed-passblue-2013;un-press-sc10987"],
                   text="X.")
    assert text == ("X. Sources: PassBlue (news), 2013-01-11; United Nations (official statement), "
                    "2013-04-25.")


def test_caption_names_a_carried_wire_story_by_its_agency_and_kind(sources: pd.DataFrame) -> None:
    text = caption(sources, ["news-awani-20130115", "un-sres-2056", "ref-wikipedia-serval"])
    assert text == ("Sources: AFP (wire), 2013-01-15; United Nations Security Council "
                    "(official text), 2012-07-05; Wikipedia (encyclopedia), 2024.")


def test_caption_refuses_an_unknown_source(sources: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="unknown source id 'ghost'"):
        caption(sources, ["seed-passblue-2013", "ghost"])


def test_collect_ids_keeps_first_seen_order() -> None:
    assert collect_ids(["b;a", "a;c"]) == ["b", "a", "c"]
