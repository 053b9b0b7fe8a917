"""The reader-edition builder's pure parts: titles, links between pages, the index."""

from __future__ import annotations

import doctest

import build_site
import nbformat
from build_site import Page, index_html, link_html_pages, notebook_title


def test_doctests() -> None:
    assert doctest.testmod(build_site).failed == 0


def test_title_skips_level_two_headings_and_falls_back() -> None:
    cells = [nbformat.v4.new_markdown_cell("## Not this\n# This one"),
             nbformat.v4.new_markdown_cell("# Not the second")]
    assert notebook_title(nbformat.v4.new_notebook(cells=cells), fallback="x") == "This one"
    assert notebook_title(nbformat.v4.new_notebook(), fallback="02-empty") == "02-empty"


def test_only_relative_notebook_links_are_rewritten() -> None:
    text = "[a](01-a.ipynb) [b](sub/02-b.ipynb#Key-points) [c](http://h/c.ipynb) [d](data.csv)"
    assert link_html_pages(text) == (
        "[a](01-a.html) [b](sub/02-b.html#Key-points) [c](http://h/c.ipynb) [d](data.csv)")


def test_index_lists_pages_in_order_with_a_language_and_a_title() -> None:
    page = index_html([Page("00-a.html", "Start"), Page("01-b.html", "Coup <2012>")])
    assert '<html lang="en">' in page and "<title>" in page
    assert page.index("00-a.html") < page.index("01-b.html")
    assert "Coup &lt;2012&gt;" in page
