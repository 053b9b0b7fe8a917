"""The matrix as HTML: escaped text, a labelled cell per status, citations in every cell."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.comparing_sources import (
    cell_html,
    citation_html,
    corroboration_matrix,
    matrix_html,
    matrix_text,
    pair_html,
    source_label,
)
from helpers.data import load_claim_keys, load_claim_stances, load_claims, load_sources

EVIL = '<script>alert("x")</script>'


def tiny() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    claims = pd.DataFrame({"claim_id": ["c1"], "claim_key": ["k"], "source_id": ["s"],
                           "claim": [EVIL], "speaker": ["<b>reporter</b>"], "quote": [EVIL],
                           "locator": ["para <2>"]})
    keys = pd.DataFrame({"claim_key": ["k"], "question": [f"Q {EVIL}?"]})
    sources = pd.DataFrame({"source_id": ["s"], "author": [""], "publisher": ["P & Co"],
                            "published": ["2013-01-11"], "title": [EVIL],
                            "url": ['https://x.org/"onmouseover="bad']})
    return claims, keys, sources


def test_text_from_the_data_is_escaped_everywhere() -> None:
    claims, keys, sources = tiny()
    page = matrix_html(pd.DataFrame({"s": ["agrees"]}, index=["k"]), claims, keys, sources)
    assert "<script>" not in page and "<b>reporter</b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert 'href="https://x.org/&quot;onmouseover=&quot;bad"' in page
    assert "P &amp; Co" in page


def test_a_filled_cell_opens_onto_claim_and_citation() -> None:
    claims, _, sources = tiny()
    cell = cell_html("contradicts", claims, "s", sources)
    assert "<details><summary>✘ contradicts</summary>" in cell
    assert "para &lt;2&gt;" in cell and "<code>s</code>" in cell


def test_a_silent_cell_is_labelled_and_does_not_open() -> None:
    assert "details" not in cell_html("silent", pd.DataFrame(), "s", pd.DataFrame())


def test_unknown_source_is_a_clear_error() -> None:
    _, _, sources = tiny()
    with pytest.raises(ValueError, match="unknown source id 'nope'"):
        citation_html("nope", sources)
    with pytest.raises(ValueError, match="unknown source id 'nope'"):
        source_label("nope", sources)


def test_static_fallback_shows_symbols_and_words_under_source_names() -> None:
    sources = load_sources()
    matrix = corroboration_matrix(load_claims(), load_claim_keys(), load_claim_stances(),
                                  sources=["seed-passblue-2013"])
    table = matrix_text(matrix, sources)
    assert list(table.columns) == ["PassBlue, 2013-01-11"]
    assert set(table.iloc[:, 0]) <= {"✔ agrees", "✘ contradicts", "≠ different figure"}


def test_shipped_matrix_html_has_one_row_per_key() -> None:
    claims, sources, keys = load_claims(), load_sources(), load_claim_keys()
    matrix = corroboration_matrix(claims, keys, load_claim_stances())
    page = matrix_html(matrix, claims, keys, sources)
    assert page.count('<th scope="row"') == len(matrix)


def test_pair_table_lists_only_questions_both_sources_answer() -> None:
    claims, sources, keys = load_claims(), load_sources(), load_claim_keys()
    first, second = "seed-passblue-2013", "seed-thinkprogress-2013"
    matrix = corroboration_matrix(claims, keys, load_claim_stances(), sources=[first, second])
    page = pair_html(matrix, first, second, keys, sources)
    assert "What were the first French forces there to do?" in page
    assert "How far is Mopti from Bamako?" not in page
    assert pair_html(matrix, first, "un-sres-2085", keys, sources) == ""
