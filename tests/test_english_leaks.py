"""English left in a French notebook's outputs (scripts/english_leaks.py) and the editions'
French wording (instructor banner and notes, reader pages, projector index)."""

from __future__ import annotations

import doctest

import english_leaks
import nbformat
import pytest
from build_site import index_html as reader_index
from build_slides import index_html as deck_index
from build_slides import move_sources_last, prepare_deck
from editions import make_instructor_edition, notes_file, solution_failures
from english_leaks import cell_leaks, english_in, notebook_leaks, visible_text, widget_leaks

from helpers.exercises import load_exercises


def stream(text: str) -> dict:
    return {"output_type": "stream", "name": "stdout", "text": text}


def html_output(markup: str) -> dict:
    return {"output_type": "display_data", "data": {"text/html": markup, "text/plain": "x"}}


def test_the_module_examples_hold() -> None:
    assert doctest.testmod(english_leaks).failed == 0


@pytest.mark.parametrize("text", [
    "Gao est à 947 km de Bamako à vol d'oiseau.",
    "Le 11 janvier 2013, la France lance l'opération Serval ; l'Union africaine approuve.",
    "Tombouctou : prise le 1er avril 2012 par le MNLA et Ansar Dine.",
])
def test_french_prose_is_clean(text: str) -> None:
    assert english_in(text) == []


@pytest.mark.parametrize(("text", "word"), [
    ("Gao is 947 km from Bamako", "is"),
    ("✔ Correct! (0.1)", "Correct!"),
    ("La France and the Union africaine", "and"),
    ("Sources: RFI", "Sources:"),
])
def test_english_words_and_messages_are_found(text: str, word: str) -> None:
    assert any(found.startswith(f"{word}:") for found in english_in(text))


def test_titles_quotations_and_addresses_are_left_out() -> None:
    markup = ('<p>Selon <em>The New York Times</em>, « the end » ; voir '
              '<cite>Mali and the Sahel</cite>, “from the north”, '
              'https://example.org/the-and-of ; glose : <span lang="en">the army and the '
              'state</span> <td lang="en-GB">Towns of the north</td></p>')
    assert english_in(visible_text(markup, is_html=True)) == []


def test_a_bibliography_cell_is_not_scanned_but_others_are() -> None:
    listing = [html_output("<li>Whitehouse, B. <i>The Force of Action</i>. Journal of the "
                           "Sahel and the Sahara</li>")]
    assert cell_leaks("bibliography(sources, cited)", listing) == []
    assert cell_leaks("places_table(places)", [html_output("<td>Capital of the north</td>")])


def test_the_report_names_notebook_cell_and_text() -> None:
    notebook = {"metadata": {}, "cells": [
        {"cell_type": "markdown", "source": "The English in Markdown is the translators' part."},
        {"cell_type": "code", "source": "print(x)", "outputs": [stream("Gao est loin")]},
        {"cell_type": "code", "source": "check()", "outputs": [stream("✘ Not yet (0.2)")]}]}
    assert notebook_leaks(notebook, name="fr/00.ipynb") == [
        "fr/00.ipynb, cell 3: Not yet: …✘ Not yet (0.2)…"]


def test_widget_labels_and_options_are_scanned() -> None:
    state = {"a": {"model_name": "DropdownModel",
                   "state": {"description": "Lieu :", "_options_labels": ["Choose a place…"]}},
             "b": {"model_name": "HTMLModel", "state": {"value": "<p>Choisissez un lieu.</p>"}}}
    found = widget_leaks({"widgets": {"application/vnd.jupyter.widget-state+json":
                                      {"state": state}}})
    assert found == ["widget a: Choose: …Choose a place……"]


def test_the_french_instructor_edition_speaks_french_and_keeps_the_solutions() -> None:
    student = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Leçon 0"),
        nbformat.v4.new_code_cell('answer_0_1 = ...\ncheck("0.1", answer_0_1)'),
        nbformat.v4.new_markdown_cell("## Pour la discussion\n\n1. Pourquoi ?")])
    notes = {"1": {"prompt": "Pourquoi ?", "surface": "Parce que."}}
    edition = make_instructor_edition(student, load_exercises(), notes, name="00.ipynb",
                                      key_file="docs/discussion/fr/lesson00.toml",
                                      language="fr")
    texts = ["".join(cell["source"]) for cell in edition["cells"]]
    assert texts[0].startswith("> **ÉDITION DE L'ENSEIGNANT de `00.ipynb`**")
    assert texts[2] == 'answer_0_1 = "2013-01-11"\ncheck("0.1", answer_0_1)'
    assert texts[4].startswith("> **Notes pour l'enseignant")
    assert "> **1. Pourquoi ?**" in texts[4] and "> Parce que." in texts[4]
    with pytest.raises(ValueError, match="'## For discussion'"):
        make_instructor_edition(student, load_exercises(), notes, name="00.ipynb",
                                key_file="x", language="en")
    student.cells.pop()
    with pytest.raises(ValueError, match="'## Pour la discussion'"):
        make_instructor_edition(student, load_exercises(), notes, name="00.ipynb",
                                key_file="x", language="fr")


def test_french_notes_live_beside_the_english_ones() -> None:
    assert notes_file("03-intervention.ipynb", language="fr").parent.name == "fr"
    assert notes_file("03-intervention.ipynb", language="fr").name == "lesson03.toml"


def test_reader_and_projector_indexes_in_french() -> None:
    page = reader_index([], language="fr")
    assert '<html lang="fr">' in page and "édition de lecture" in page
    assert '<html lang="en">' in reader_index([]) and "reader edition" in reader_index([])
    decks = deck_index([], language="fr")
    assert '<html lang="fr">' in decks and "vue projecteur" in decks


def test_french_decks_put_sources_last_and_notes_after_the_discussion() -> None:
    md = nbformat.v4.new_markdown_cell
    cells = [md("# Leçon"), md("## Sources utilisées"), md("liste"), md("## Pour la discussion"),
             md("## Liste complète des sources")]
    moved = [c.source for c in move_sources_last(cells, language="fr")]
    assert moved == ["# Leçon", "## Pour la discussion", "## Liste complète des sources",
                     "## Sources utilisées", "liste"]
    deck = prepare_deck(nbformat.v4.new_notebook(cells=cells),
                        discussions={"1": {"prompt": "P", "surface": "Ce qui ressort."}},
                        language="fr")
    notes = [c.source for c in deck.cells if c.metadata["slideshow"]["slide_type"] == "notes"]
    assert notes == ["Ce qu'une bonne discussion fait ressortir :\n\n1. Ce qui ressort."]


@pytest.mark.parametrize(("text", "passes"), [("✔ Juste (9.1) : oui.", True),
                                              ("✘ Pas encore (9.1) : non.", False),
                                              ("⚠ Illisible (9.1) : x.", False),
                                              ("… Pas encore de réponse (9.1) : y.", False)])
def test_french_solution_checks_are_read_by_their_mark(text: str, passes: bool) -> None:
    cell = {"cell_type": "code", "source": 'answer_9_1 = "x"\ncheck("9.1", answer_9_1)',
            "outputs": [{"output_type": "execute_result", "data": {"text/plain": text}}]}
    assert (solution_failures({"cells": [cell]}) == []) is passes
