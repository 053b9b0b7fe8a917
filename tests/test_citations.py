"""Citations, bibliographies and captions come from sources.csv."""

from __future__ import annotations

import pytest

from helpers.citations import bibliography, caption, collect_ids, format_citation, short_citation


def test_format_citation_has_author_date_title_and_link() -> None:
    text = format_citation("news-guardian-20120124")
    assert text.startswith("The Guardian (2012-01-24).")
    assert "<https://www.theguardian.com/" in text


def test_unknown_source_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown source id 'nope'"):
        short_citation("nope")


def test_bibliography_is_sorted_unique_markdown() -> None:
    text = bibliography(["seed-passblue-2013;ref-wikipedia-serval", "seed-passblue-2013"])
    lines = str(text).splitlines()
    assert len(lines) == 2 and lines[0].startswith("- `ref-wikipedia-serval`")
    assert text._repr_markdown_() == str(text)


def test_caption_names_every_source_once() -> None:
    text = caption(["seed-passblue-2013", "seed-passblue-2013;un-press-sc10987"], text="X.")
    assert text == "X. Sources: PassBlue, 2013-01-11; United Nations, 2013-04-25."


def test_collect_ids_keeps_first_seen_order() -> None:
    assert collect_ids(["b;a", "a;c"]) == ["b", "a", "c"]
