"""The projector view's pure parts: slide arrangement, sources last, notes, index."""

from __future__ import annotations

import doctest

import build_slides
import nbformat
from build_slides import prepare_deck


def test_doctests() -> None:
    assert doctest.testmod(build_slides).failed == 0


def test_exercises_and_silent_code_are_skipped_headings_start_slides() -> None:
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    shown = code("chart()", outputs=[nbformat.v4.new_output("display_data", {"text/plain": "x"})])
    exercise = code('check("1.1", answer_1_1)',
                    outputs=[nbformat.v4.new_output("display_data", {"text/plain": "?"})])
    cells = [md("# Title"), code("x = 1"), md("## Sources used"), md("bib"), md("## Part"),
             shown, exercise, md("## For discussion")]
    deck = prepare_deck(nbformat.v4.new_notebook(cells=cells),
                        discussions={"1": {"prompt": "p", "surface": "what to surface"}})
    kinds = [(c.source[:14], c.metadata["slideshow"]["slide_type"]) for c in deck.cells]
    assert kinds == [("# Title", "slide"), ("x = 1", "skip"), ("## Part", "slide"),
                     ("chart()", "subslide"), ('check("1.1", a', "skip"),
                     ("## For discuss", "slide"), ("What a good di", "notes"),
                     ("## Sources use", "slide"), ("bib", "subslide")]
    assert "1. what to surface" in deck.cells[6].source


def test_explorers_and_the_progress_summary_stay_off_the_projector() -> None:
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    widget = code("place_explorer(places)", outputs=[nbformat.v4.new_output(
        "display_data", {"application/vnd.jupyter.widget-view+json": {"model_id": "m"},
                         "text/plain": "VBox()"})])
    progress = code('progress(".")',
                    outputs=[nbformat.v4.new_output("stream", name="stdout", text="0 of 38")])
    deck = prepare_deck(nbformat.v4.new_notebook(cells=[md("# T"), widget, progress]),
                        discussions={})
    assert [c.metadata["slideshow"]["slide_type"] for c in deck.cells] == ["slide", "skip", "skip"]
