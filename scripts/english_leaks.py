"""Find English left in the outputs of a French notebook (maintainer tooling).

A French notebook's outputs come from the helpers (feedback, tables, widget labels, chart
captions) and from the data; every word a student reads there should be French. This
module looks for common English words that are not also French words ("the", "and",
"which", ...) and for fixed English messages ("Correct!", "Not yet"), and reports the
cell and the text around each. Titles and quotations are left out: text in italics or
``<cite>``/``<q>``/``<em>`` elements, in quotation marks (“…”, « », "…") and web
addresses, the whole output of a ``bibliography(...)`` cell (a list of titles), and the
names of the sources in ``data/sources.csv`` (publishers such as "The Guardian" or "Voice of
America" are proper names, cited in captions and tables as they are). English
shown on purpose (a claim's English gloss, an English title in a table) is marked in HTML
as English, ``<span lang="en">…</span>``, which screen readers also use, and is left out.

Used by ``scripts/build_instructor.py --language fr`` on the executed edition and, under
nbval, by ``tests/plugins/english_leaks.py`` on the French notebooks' outputs.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable, Mapping

from helpers.citations import source_label
from helpers.data import load_sources

# Words that are English and not French (nor common in French prose); whole words only.
ENGLISH_WORDS = ("the", "and", "of", "is", "was", "were", "with", "from", "which", "this",
                 "that", "these", "to", "not", "choose", "towns", "between", "after", "before")
ENGLISH_PHRASES = ("Correct!", "Not yet", "Sources:", "Hint:", "No answer yet")
ENGLISH = re.compile(r"(?<![\w'’-])(" + "|".join(ENGLISH_WORDS) + r")(?![\w'’-])",
                     re.IGNORECASE)
# Titles and quotations, taken out before the search.
QUOTED = re.compile(r"“[^”]*”|«[^»]*»|\"[^\"\n]*\"|‘[^’\n]*’", re.S)
TITLED = re.compile(r"<(em|i|cite|q|blockquote|code)\b[^>]*>.*?</\1>|(?<![\w*])\*[^*\n]+\*"
                    r"|<(\w+)\b[^>]*\blang=[\"']?en\b[^>]*>.*?</\2>", re.S | re.IGNORECASE)
ADDRESS = re.compile(r"(https?://|doi:|www\.)\S+", re.IGNORECASE)
TAG = re.compile(r"<[^>]+>")
STYLE = re.compile(r"<(style|script)\b.*?</\1>", re.S | re.IGNORECASE)
BIBLIOGRAPHY_CALL = re.compile(r"\bbibliography\(")
TEXT_TYPES = ("text/html", "text/markdown", "text/plain")
WIDGET_FIELDS = ("value", "description", "placeholder", "tooltip", "options", "_options_labels")
CONTEXT = 40
SHOWN = 6


@functools.lru_cache(maxsize=1)
def source_names() -> re.Pattern[str]:
    """Return a pattern matching every source's publisher, author and title, longest first.

    Example:
        >>> bool(source_names().search("Sources : The Guardian, 2013-01-14"))
        True
    """
    names = set()
    for row in load_sources().to_dict("records"):
        names |= {str(row["publisher"]), source_label(row), source_label(row, without_via=True),
                  str(row["title"]), str(row.get("author") or "")}
    names = sorted((name for name in names if len(name) > 3), key=len, reverse=True)
    return re.compile("|".join(re.escape(name) for name in names))


def visible_text(text: str, *, is_html: bool = False) -> str:
    """Return the text a reader sees, without titles, quotations, addresses or markup.

    Example:
        >>> visible_text('<p>Voir <em>The Guardian</em> et “and so” http://x.org/the</p>',
        ...              is_html=True)
        'Voir   et'
    """
    if is_html:
        text = STYLE.sub(" ", text)
    text = TITLED.sub(" ", text)
    if is_html:
        text = html.unescape(TAG.sub(" ", text))
    text = source_names().sub(" ", ADDRESS.sub(" ", text))
    return QUOTED.sub(" ", text).strip()


def english_in(text: str) -> list[str]:
    """Return each English word or message found in ``text``, with some text around it.

    Example:
        >>> english_in("Bamako est à 947 km : the capital")
        ['the: …Bamako est à 947 km : the capital…']
        >>> english_in("Le 11 janvier 2013, la France lance l'opération Serval.")
        []
    """
    spans = [(text.index(phrase), phrase) for phrase in ENGLISH_PHRASES if phrase in text]
    found = [f"{phrase}: …{_around(text, start, len(phrase))}…" for start, phrase in spans]
    found += [f"{match[1]}: …{_around(text, match.start(), len(match[1]))}…"
              for match in ENGLISH.finditer(text)
              if not any(start <= match.start() < start + len(p) for start, p in spans)]
    return found


def summarise(found: list[str], *, shown: int = SHOWN) -> list[str]:
    """Return the first ``shown`` findings and a line counting the rest (one cell's report).

    Example:
        >>> summarise(["a", "b", "c"], shown=2)
        ['a', 'b', '… and 1 more']
    """
    rest = len(found) - shown
    return found[:shown] + ([f"… and {rest} more"] if rest > 0 else [])


def _around(text: str, start: int, length: int) -> str:
    piece = text[max(0, start - CONTEXT):start + length + CONTEXT]
    return " ".join(piece.split())


def output_texts(outputs: Iterable[Mapping]) -> list[str]:
    """Return the visible text of a code cell's outputs (HTML preferred over plain text).

    Example:
        >>> output_texts([{"output_type": "stream", "name": "stdout", "text": "Gao : 947 km"}])
        ['Gao : 947 km']
    """
    texts = []
    for output in outputs:
        if output.get("output_type") == "stream":
            texts.append(visible_text(_joined(output.get("text", ""))))
            continue
        data = output.get("data", {})
        kind = next((kind for kind in TEXT_TYPES if kind in data), None)
        if kind and not (kind == "text/plain" and "application/vnd.jupyter.widget-view+json"
                         in data):
            texts.append(visible_text(_joined(data[kind]), is_html=kind == "text/html"))
    return [text for text in texts if text]


def _joined(value: str | list[str]) -> str:
    return value if isinstance(value, str) else "".join(value)


def cell_leaks(source: str, outputs: Iterable[Mapping]) -> list[str]:
    """Return the English found in one code cell's outputs (none for a bibliography cell).

    Example:
        >>> cell_leaks("check('0.1', x)", [{"output_type": "execute_result",
        ...                                 "data": {"text/plain": "✘ Not yet (0.1)"}}])
        ['Not yet: …✘ Not yet (0.1)…']
    """
    if BIBLIOGRAPHY_CALL.search(source):
        return []
    return [leak for text in output_texts(outputs) for leak in english_in(text)]


def widget_leaks(metadata: Mapping) -> list[str]:
    """Return the English found in the stored state of a notebook's widgets.

    Example:
        >>> state = {"m1": {"state": {"description": "Choose a place"}}}
        >>> widget_leaks({"widgets": {"application/vnd.jupyter.widget-state+json":
        ...                           {"state": state}}})
        ['widget m1: Choose: …Choose a place…']
    """
    models = metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    found = []
    for model_id, model in models.get("state", {}).items():
        for name in WIDGET_FIELDS:
            value = model.get("state", {}).get(name)
            values = value if isinstance(value, list) else [value]
            for text in (v for v in values if isinstance(v, str)):
                is_html = model.get("model_name") == "HTMLModel" or "<" in text
                found += [f"widget {model_id}: {leak}"
                          for leak in english_in(visible_text(text, is_html=is_html))]
    return found


def notebook_leaks(notebook: Mapping, *, name: str) -> list[str]:
    """Return one line per English word found in an executed notebook's outputs and widgets.

    At most ``SHOWN`` lines per cell (and for the widgets), then a count of the rest.

    Example:
        >>> cell = {"cell_type": "code", "source": "print(x)", "outputs": [
        ...     {"output_type": "stream", "name": "stdout", "text": "Gao is far"}]}
        >>> notebook_leaks({"cells": [cell], "metadata": {}}, name="00.ipynb")
        ['00.ipynb, cell 1: is: …Gao is far…']
    """
    found = []
    for index, cell in enumerate(notebook["cells"], start=1):
        if cell["cell_type"] == "code":
            leaks = cell_leaks(_joined(cell["source"]), cell.get("outputs", []))
            found += [f"{name}, cell {index}: {leak}" for leak in summarise(leaks)]
    found += [f"{name}, {leak}" for leak in summarise(widget_leaks(notebook.get("metadata", {})))]
    return found
