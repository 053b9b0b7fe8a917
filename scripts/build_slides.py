"""Build the projector view: one reveal.js deck per notebook in slides/, readable offline.

    .venv/bin/python scripts/build_slides.py [--out slides] [notebooks/*.ipynb ...]

Each notebook runs in a fresh kernel (as for the reader edition), then becomes a deck with
nbconvert's reveal.js export and the ``projector`` template (``scripts/slides_template/``):
a slide per section heading and a sub-slide per further cell, code hidden, exercise cells,
the progress summary and the explorers (widgets cannot answer on a static page; the table or
chart beside each shows the same) left out, a slide longer than the screen continued on the
next ones in the browser (a table with its header repeated, a table whose rows are taller than
the screen as one block per row), the "Sources used" section moved to the end, and what a
good discussion surfaces (``docs/discussion/``) as speaker notes, visible only in the speaker
view (press S). The reveal.js, widget and require.js files come from pinned npm packages
(``js_assets.py``), so the decks load nothing from the internet. ``slides/index.html``
lists the decks.

``--language fr`` builds the French decks from ``notebooks/fr/`` (``make slides`` writes them
to ``slides/fr/``), with the notes from ``docs/discussion/fr/``.
"""

from __future__ import annotations

import argparse
import copy
import html
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import nbformat
from build_site import (
    REQUIRE_JS,
    WIDGET_JS,
    copy_javascript,
    execute_notebook,
    link_html_pages,
    notebook_title,
)
from editions import DISCUSSION_HEADINGS, edition_notebooks, load_discussions, notes_file
from js_assets import fetch_package
from nbconvert import SlidesExporter

REPO = Path(__file__).resolve().parents[1]
TEMPLATES = Path(__file__).resolve().parent / "slides_template"
REVEAL_DIR = "reveal.js"
HEADING = re.compile(r"^#{1,3} ", re.MULTILINE)
SOURCES_HEADING = "sources used"
# Per edition: the start of the "Sources used" heading (lower case), and the fixed words.
SOURCES_HEADINGS = {"en": SOURCES_HEADING, "fr": "sources"}
DECK_TEXT = {
    "en": {"surfaces": "What a good discussion surfaces:", "title": "Projector view",
           "heading": "The Mali crisis of 2012\u20132013: projector view",
           "keys": "Arrow keys move between slides; S opens the speaker view with the notes; "
                   "F is full screen."},
    "fr": {"surfaces": "Ce qu'une bonne discussion fait ressortir :", "title": "Vue projecteur",
           "heading": "La crise malienne de 2012\u20132013 : vue projecteur",
           "keys": "Les flèches passent d'une diapositive à l'autre ; S ouvre la vue de "
                   "l'orateur avec les notes ; F passe en plein écran."},
}
EXERCISE_CALL = re.compile(r"\b(check|hint|reveal|progress)\(")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def _slide(cell: nbformat.NotebookNode, kind: str) -> None:
    cell.metadata["slideshow"] = {"slide_type": kind}


def _heading(cell: nbformat.NotebookNode) -> str:
    if cell.cell_type != "markdown":
        return ""
    match = re.search(r"^#{1,3} (.+)$", cell.source, re.MULTILINE)
    return match[1].strip().lower() if match else ""


def _shows_something(cell: nbformat.NotebookNode) -> bool:
    return any(output.get("output_type") in ("display_data", "execute_result", "stream")
               for output in cell.get("outputs", []))


def _is_widget(cell: nbformat.NotebookNode) -> bool:
    """True for a cell showing an explorer: on a static deck it cannot answer, and the
    table or chart beside it in the lesson shows the same on the projector."""
    return any(WIDGET_VIEW in output.get("data", {}) for output in cell.get("outputs", []))


def move_sources_last(cells: list[nbformat.NotebookNode], *,
                      language: str = "en") -> list[nbformat.NotebookNode]:
    """Return ``cells`` with the "Sources used" section (heading to next heading) at the end.

    Example:
        >>> md = nbformat.v4.new_markdown_cell
        >>> cells = [md("# T"), md("## Sources used"), md("bib"), md("## Next")]
        >>> [c.source for c in move_sources_last(cells)]
        ['# T', '## Next', '## Sources used', 'bib']
    """
    sources = SOURCES_HEADINGS[language]
    start = next((i for i, c in enumerate(cells) if _heading(c).startswith(sources)), None)
    if start is None:
        return list(cells)
    end = next((i for i in range(start + 1, len(cells)) if _heading(cells[i])), len(cells))
    return cells[:start] + cells[end:] + cells[start:end]


def notes_cell(discussions: dict[str, dict[str, str]], *,
               language: str = "en") -> nbformat.NotebookNode:
    """Return a speaker-notes cell listing what each discussion prompt should surface."""
    lines = [f"{number}. {table['surface']}" for number, table in discussions.items()]
    cell = nbformat.v4.new_markdown_cell(f"{DECK_TEXT[language]['surfaces']}\n\n"
                                         + "\n".join(lines))
    _slide(cell, "notes")
    return cell


def prepare_deck(notebook: nbformat.NotebookNode, *, discussions: dict[str, dict[str, str]],
                 language: str = "en") -> nbformat.NotebookNode:
    """Return a copy of an executed notebook arranged as slides (code still in, hidden later).

    Exercise cells, explorers and code cells that show nothing are skipped; the title and each
    heading start a slide, other cells a sub-slide; discussion notes follow "For discussion".
    """
    deck = copy.deepcopy(notebook)
    cells = []
    for cell in move_sources_last(deck.cells, language=language):
        if cell.cell_type == "code" and (EXERCISE_CALL.search(cell.source) or _is_widget(cell)
                                         or not _shows_something(cell)):
            _slide(cell, "skip")
        elif _heading(cell):
            cell.source = link_html_pages(cell.source)
            _slide(cell, "slide")
        else:
            if cell.cell_type == "markdown":
                cell.source = link_html_pages(cell.source)
            _slide(cell, "subslide")
        cells.append(cell)
        if (cell.cell_type == "markdown" and DISCUSSION_HEADINGS[language].search(cell.source)
                and discussions):
            cells.append(notes_cell(discussions, language=language))
    deck.cells = cells
    return deck


def export_deck(deck: nbformat.NotebookNode, *, title: str, language: str = "en") -> str:
    """Return the reveal.js HTML of a prepared deck, inputs hidden, assets local."""
    exporter = SlidesExporter(
        template_name="projector", extra_template_basedirs=[str(TEMPLATES)],
        reveal_url_prefix=REVEAL_DIR, reveal_width="1280", reveal_height="720",
        reveal_theme="white", reveal_scroll=False, exclude_input=True,
        exclude_input_prompt=True, exclude_output_prompt=True,
        widget_renderer_url=WIDGET_JS, require_js_url=REQUIRE_JS, language_code=language)
    body, _ = exporter.from_notebook_node(deck, resources={"metadata": {"name": title}})
    return body


def copy_reveal(out: Path) -> None:
    """Copy reveal.js (dist and the notes plugin) from the pinned npm package into ``out``."""
    package = fetch_package("reveal.js")
    for part in ("dist", "plugin/notes"):
        shutil.copytree(package / part, out / REVEAL_DIR / part, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("*.map", "*.esm.js"))


def index_html(decks: list[tuple[str, str]], *, language: str = "en") -> str:
    """Return the index page of the decks.

    Example:
        >>> '<a href="00.html">A &amp; B</a>' in index_html([("00.html", "A & B")])
        True
    """
    items = "\n".join(f'<li><a href="{html.escape(name)}">{html.escape(title)}</a></li>'
                      for name, title in decks)
    text = DECK_TEXT[language]
    return (f"<!DOCTYPE html>\n<html lang=\"{language}\"><head><meta charset=\"utf-8\">"
            f"<title>{text['title']}</title><style>body{{font:24px/1.5 system-ui,sans-serif;"
            "max-width:40em;margin:2em auto}</style></head><body><main>"
            f"<h1>{text['heading']}</h1><p>{text['keys']}</p><ol>{items}</ol></main></body>"
            "</html>\n")


def build_slides(notebooks: list[Path], *, out: Path, language: str = "en",
                 execute: Callable[[Path], nbformat.NotebookNode] = execute_notebook,
                 ) -> list[Path]:
    """Execute and export ``notebooks`` as decks in ``out``; return the deck files.

    ``execute`` runs one notebook and returns it with its outputs (the tests pass one that
    reuses the reader edition's runs instead of running every notebook again).
    """
    out.mkdir(parents=True, exist_ok=True)
    copy_javascript(out)
    copy_reveal(out)
    decks = []
    for path in notebooks:
        notebook = execute(path)
        title = notebook_title(notebook, fallback=path.stem)
        notes = load_discussions(notes_file(path.name, language=language))
        deck = prepare_deck(notebook, discussions=notes, language=language)
        target = out / f"{path.stem}.html"
        target.write_text(export_deck(deck, title=title, language=language), encoding="utf-8")
        decks.append((target.name, title))
        print(f"built {target}")
    (out / "index.html").write_text(index_html(decks, language=language), encoding="utf-8")
    return [out / name for name, _ in decks]


def main(argv: list[str] | None = None) -> int:
    """Command line: build the notebooks given (default: all of notebooks/)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "slides")
    parser.add_argument("--language", default="en", choices=sorted(DECK_TEXT),
                        help="edition: en (notebooks/) or fr (notebooks/fr/)")
    parser.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args(argv)
    build_slides(args.notebooks or edition_notebooks(args.language), out=args.out,
                 language=args.language)
    print(f"projector view: {args.out / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
