"""Build the reader edition: every notebook executed, exported as static HTML, readable offline.

    .venv/bin/python scripts/build_site.py [--out site] [notebooks/*.ipynb ...]

Each notebook runs top to bottom in a fresh kernel (as ``nbconvert --execute`` does,
storing the widgets' state in the notebook), then exports with the ``reader`` template
(``scripts/reader_template/``): the lab template without CDN scripts, with a banner and a
note under each widget. The widget JavaScript (``@jupyter-widgets/html-manager``) and
``require.js`` are copied from pinned npm packages into ``<out>/static/``, so the pages
load nothing from the internet. ``<out>/index.html`` lists the notebooks.

``--language fr`` builds the French edition from ``notebooks/fr/`` (``make site`` writes it
to ``site/fr/``), with the banner, widget notes and index page in French.
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nbformat
from editions import edition_notebooks
from js_assets import fetch_package
from kernels import kernel_config
from nbconvert import HTMLExporter
from nbconvert.preprocessors import ExecutePreprocessor

REPO = Path(__file__).resolve().parents[1]
TEMPLATES = Path(__file__).resolve().parent / "reader_template"
WIDGET_JS = "static/html-manager/embed-amd.js"
REQUIRE_JS = "static/require.js"
NOTEBOOK_LINK = re.compile(r"\]\(([^)\s#:]+)\.ipynb(#[^)]*)?\)")
EXECUTE_TIMEOUT_S = 300
# The reader template's fixed words, per edition (the notebooks' own text is already in it).
READER_TEXT = {
    "en": {"edition": "Reader edition", "of": "of", "this_notebook": "this notebook",
           "banner": ":\n  a static page with the outputs of one run. Widgets show their starting "
                     "state and do not\n  respond here; run the notebook in JupyterLab (or "
                     "Binder) to use them.",
           "all_notebooks": "All notebooks",
           "widget_note": "Interactive widget. On this static page it shows its starting\n"
                          "state only: the figure or table next to it holds the same "
                          "information."},
    "fr": {"edition": "Édition de lecture", "of": "de", "this_notebook": "ce carnet",
           "banner": " : une page statique avec les sorties d'une exécution. Les widgets y "
                     "montrent leur état de départ et ne réagissent pas ; ouvrez le carnet "
                     "dans JupyterLab (ou Binder) pour vous en servir.",
           "all_notebooks": "Tous les carnets",
           "widget_note": "Widget interactif. Sur cette page statique, il ne montre que son "
                          "état de départ : la figure ou le tableau voisin donne la même "
                          "information."},
}
INDEX_TEXT = {
    "en": {"title": "The Mali crisis of 2012–2013: reader edition",
           "intro": "Static pages of the module's notebooks, with the outputs of one run. They "
                    "open without\nJupyter and without internet. Widgets show their starting "
                    "state only; to use them, and to do\nthe exercises, run the notebooks in "
                    "JupyterLab (<code>make lab</code>) or on Binder.",
           "notebooks": "Notebooks"},
    "fr": {"title": "La crise malienne de 2012–2013 : édition de lecture",
           "intro": "Les carnets du module en pages statiques, avec les sorties d'une "
                    "exécution. Elles s'ouvrent sans Jupyter et sans internet. Les widgets n'y "
                    "montrent que leur état de départ ; pour s'en servir, et pour faire les "
                    "exercices, ouvrez les carnets dans JupyterLab (<code>make lab-fr</code>) "
                    "ou sur Binder.",
           "notebooks": "Carnets"},
}


@dataclass(frozen=True)
class Page:
    """One exported notebook: its HTML file name and its title (the first ``# `` heading)."""

    html_name: str
    title: str


def notebook_title(notebook: nbformat.NotebookNode, *, fallback: str) -> str:
    """Return the text of the notebook's first level-1 Markdown heading, or ``fallback``.

    Example:
        >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Hello\\nx")])
        >>> notebook_title(nb, fallback="untitled")
        'Hello'
    """
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def link_html_pages(markdown: str) -> str:
    """Point Markdown links to other notebooks at their reader-edition pages.

    Example:
        >>> link_html_pages("Go to [01](01-the-coup.ipynb#Top) or [web](https://x.org/a.ipynb)")
        'Go to [01](01-the-coup.html#Top) or [web](https://x.org/a.ipynb)'
    """
    return NOTEBOOK_LINK.sub(lambda m: f"]({m.group(1)}.html{m.group(2) or ''})", markdown)


def index_html(pages: list[Page], *, language: str = "en") -> str:
    """Return the index page listing ``pages`` in order, in the edition's language.

    Example:
        >>> page = index_html([Page("00.html", "Start & go")])
        >>> '<a href="00.html">Start &amp; go</a>' in page
        True
    """
    items = "\n".join(f'<li><a href="{html.escape(p.html_name)}">{html.escape(p.title)}</a></li>'
                      for p in pages)
    text = INDEX_TEXT[language]
    return f"""<!DOCTYPE html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{text["title"]}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 46em; margin: 2em auto; padding: 0 1em;
  line-height: 1.5; color: #1a1a1a; }}
a {{ color: #004f7c; text-decoration: underline; }}
</style>
</head>
<body>
<main>
<h1>{text["title"]}</h1>
<p>{text["intro"]}</p>
<h2>{text["notebooks"]}</h2>
<ol>
{items}
</ol>
</main>
</body>
</html>
"""


def execute_notebook(path: Path) -> nbformat.NotebookNode:
    """Run ``path`` in a fresh kernel, keeping outputs and the widgets' state."""
    notebook = nbformat.read(path, as_version=4)
    processor = ExecutePreprocessor(timeout=EXECUTE_TIMEOUT_S, kernel_name="python3",
                                    store_widget_state=True, config=kernel_config())
    processor.preprocess(notebook, {"metadata": {"path": str(path.parent)}})
    return notebook


def export_page(notebook: nbformat.NotebookNode, *, title: str, language: str = "en") -> str:
    """Return the reader-edition HTML of an executed notebook, in the edition's language."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = link_html_pages(cell.source)
    exporter = HTMLExporter(template_name="reader", extra_template_basedirs=[str(TEMPLATES)],
                            widget_renderer_url=WIDGET_JS, require_js_url=REQUIRE_JS,
                            language_code=language)
    body, _ = exporter.from_notebook_node(
        notebook, resources={"reader_title": title, "metadata": {"name": title},
                             "reader_text": READER_TEXT[language]})
    return body


def copy_javascript(out: Path) -> None:
    """Copy the widget manager and require.js from the pinned npm packages into ``out``."""
    manager = fetch_package("html-manager") / "dist"
    target = out / "static" / "html-manager"
    shutil.copytree(manager, target, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("*.map", "embed.js", "libembed-amd.js"))
    shutil.copy2(fetch_package("requirejs") / "require.js", out / REQUIRE_JS)


def build_site(notebooks: list[Path], *, out: Path, language: str = "en",
               execute: Callable[[Path], nbformat.NotebookNode] = execute_notebook,
               ) -> list[Page]:
    """Execute and export ``notebooks`` into ``out`` with an index page; return the pages.

    ``execute`` runs one notebook and returns it with its outputs (the tests pass one that
    runs each notebook once for the reader edition and the projector view together).
    """
    if not notebooks:
        raise ValueError("no notebooks to build")
    out.mkdir(parents=True, exist_ok=True)
    copy_javascript(out)
    pages = []
    for path in notebooks:
        notebook = execute(path)
        page = Page(f"{path.stem}.html", notebook_title(notebook, fallback=path.stem))
        (out / page.html_name).write_text(
            export_page(notebook, title=page.title, language=language), encoding="utf-8")
        pages.append(page)
        print(f"built {out / page.html_name}")
    (out / "index.html").write_text(index_html(pages, language=language), encoding="utf-8")
    return pages


def main(argv: list[str] | None = None) -> int:
    """Command line: build the notebooks given (default: all of notebooks/)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "site")
    parser.add_argument("--language", default="en", choices=sorted(READER_TEXT),
                        help="edition: en (notebooks/) or fr (notebooks/fr/)")
    parser.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args(argv)
    notebooks = args.notebooks or edition_notebooks(args.language)
    build_site(notebooks, out=args.out, language=args.language)
    print(f"reader edition: {args.out / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
