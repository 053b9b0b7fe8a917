"""Build a translated edition of the lessons from the English notebooks and a translation file.

The English notebook is the one source of truth for code. For each notebook
``notebooks/NN-name.ipynb`` the file ``translations/<language>/NN-name.toml`` holds one entry
per text cell, matched by a short hash of the English cell's source::

    [[cell]]
    en = "3f2a9c1b0d"            # the hash of the English source (written by --skeleton)
    start = "# Lesson 1 - The"   # the English cell's opening, for the translator
    text = '''
    # Leçon 1 - ...
    '''

Code cells are copied unchanged (an entry with ``text`` for a code cell's hash replaces it,
e.g. to translate a comment; the hash ties it to that exact English code). The built notebook
gets one extra code cell after the first, ``%env MALI_LANGUAGE=<language>``, which makes the
helpers speak the language. Relative links that leave ``notebooks/`` gain one ``../``.

When an English cell changes, its hash changes: the entry no longer matches, the build
fails naming the cell, and ``--skeleton`` appends an entry to fill in (the old entry is
listed as unused so its text can be reused). Pinned outputs (``keep_output`` cells) of the
built notebook are kept when their source is unchanged; ``scripts/pin_outputs.py`` refreshes
them.

    .venv/bin/python scripts/build_translation.py fr             # build notebooks/fr/
    .venv/bin/python scripts/build_translation.py fr --check     # fail if out of date
    .venv/bin/python scripts/build_translation.py fr --skeleton  # add missing entries
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
TRANSLATIONS = ROOT / "translations"
LANGUAGE_CELL_ID = "edition-language"
# A Markdown link or image target that leaves notebooks/: ](../docs/x.md) or src="../x"; not
# a link from a translation to an English lesson (](../00-start-here.ipynb), already right).
OUTSIDE_LINK = re.compile(r"(\]\(|src=\"|href=\")\.\./(?![0-9][0-9]-[^/)\"]*\.ipynb)")


@dataclass
class Entry:
    """One translated cell: the English hash, the English opening and the translation."""

    en: str
    start: str
    text: str


@dataclass
class Report:
    """What a build found: cells without a translation, and translations nothing uses."""

    missing: list[tuple[int, str, str]] = field(default_factory=list)
    unused: list[Entry] = field(default_factory=list)

    def problems(self, notebook: str) -> list[str]:
        """Return one line per problem, naming the notebook and the cell."""
        lines = [f"{notebook}: cell {index} ({kind}) has no translation: {start!r}"
                 for index, kind, start in self.missing]
        lines += [f"{notebook}: translation {entry.en} matches no English cell "
                  f"(it was for {entry.start!r}; the English cell changed?)"
                  for entry in self.unused]
        return lines


def hash_source(source: str) -> str:
    """Return the short hash that ties a translation to one English cell's source.

    Example:
        >>> hash_source("# Lesson 1")
        '1429936465'
    """
    return hashlib.sha256(source.strip().encode("utf-8")).hexdigest()[:10]


def opening(source: str, width: int = 70) -> str:
    """Return a cell's first line, cut to ``width`` characters, for a translator to find it."""
    first = next((line for line in source.splitlines() if line.strip()), "")
    return first.strip()[:width]


def read_entries(path: Path) -> list[Entry]:
    """Read a translation file's entries (none when the file does not exist yet)."""
    if not path.is_file():
        return []
    with path.open("rb") as handle:
        cells = tomllib.load(handle).get("cell", [])
    return [Entry(c["en"], c.get("start", ""), c.get("text", "")) for c in cells]


def read_english(path: Path) -> nbformat.NotebookNode:
    """Read an English notebook, giving a cell without an id a fixed one (``en-N-hash``).

    nbformat would draw a random id for it at every read, and the built notebook would
    never be up to date.
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    for index, cell in enumerate(data.get("cells", [])):
        if "id" not in cell:
            cell["id"] = f"en-{index}-{hash_source(''.join(cell.get('source', '')))}"
    return nbformat.reads(json.dumps(data), as_version=4)


def relink(text: str) -> str:
    """Point links that leave ``notebooks/`` one folder further up.

    Example:
        >>> relink("[reference](../docs/helper-reference.md) and [next](01-the-coup.ipynb)")
        '[reference](../../docs/helper-reference.md) and [next](01-the-coup.ipynb)'
        >>> relink("[English](../00-start-here.ipynb)")
        '[English](../00-start-here.ipynb)'
    """
    return OUTSIDE_LINK.sub(lambda m: m.group(1) + "../../", text)


def language_cell(language: str) -> nbformat.NotebookNode:
    """Return the cell that makes the helpers speak ``language``."""
    cell = nbformat.v4.new_code_cell(f"%env MALI_LANGUAGE={language}")
    cell.id = LANGUAGE_CELL_ID
    return cell


def translate_notebook(english: nbformat.NotebookNode, entries: list[Entry], language: str,
                       *, previous: nbformat.NotebookNode | None = None,
                       ) -> tuple[nbformat.NotebookNode, Report]:
    """Return the translated notebook and what was missing or unused.

    Markdown cells must have an entry; code cells are copied unless one exists. A missing
    Markdown translation leaves the English text in place (the report lists it).
    """
    by_hash = {entry.en: entry for entry in entries}
    used: set[str] = set()
    report = Report()
    kept = _pinned_outputs(previous)
    built = nbformat.v4.new_notebook(metadata=dict(english.metadata))
    built.metadata["language"] = language
    first_code = True
    for index, cell in enumerate(english.cells):
        key = hash_source(cell.source)
        copy = nbformat.from_dict(dict(cell))
        copy.pop("attachments", None)
        if key in by_hash:
            copy.source = relink(by_hash[key].text.strip("\n")) if cell.cell_type == "markdown" \
                else by_hash[key].text.strip("\n")
            used.add(key)
        elif cell.cell_type == "markdown":
            report.missing.append((index, cell.cell_type, opening(cell.source)))
        if cell.cell_type == "code":
            copy.outputs, copy.execution_count = kept.get(copy.source, ([], None))
        built.cells.append(copy)
        if cell.cell_type == "code" and first_code:
            built.cells.append(language_cell(language))
            first_code = False
    report.unused = [entry for entry in entries if entry.en not in used]
    return built, report


def _pinned_outputs(notebook: nbformat.NotebookNode | None) -> dict[str, tuple[list, int]]:
    if notebook is None:
        return {}
    return {cell.source: (cell.outputs, cell.execution_count) for cell in notebook.cells
            if cell.cell_type == "code" and "keep_output" in cell.metadata.get("tags", [])}


def skeleton_entries(english: nbformat.NotebookNode, report: Report) -> str:
    """Return TOML entries to append for the cells that have no translation yet."""
    blocks = []
    for index, _, _ in report.missing:
        source = english.cells[index].source
        quoted = "\n".join(f"# {line}" if line else "#" for line in source.splitlines())
        blocks.append(f"\n# English, cell {index}:\n{quoted}\n[[cell]]\n"
                      f"en = \"{hash_source(source)}\"\nstart = {_toml_string(opening(source))}"
                      f"\ntext = '''\n'''\n")
    return "".join(blocks)


def _toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def build_language(language: str, *, check: bool = False, skeleton: bool = False,
                   notebooks: Path = NOTEBOOKS, translations: Path = TRANSLATIONS) -> list[str]:
    """Build (or check) every notebook of one language; return the problems found."""
    problems: list[str] = []
    target = notebooks / language
    for path in sorted(notebooks.glob("[0-9][0-9]-*.ipynb")):
        source = translations / language / f"{path.stem}.toml"
        english = read_english(path)
        out = target / path.name
        previous = nbformat.read(out, as_version=4) if out.is_file() else None
        built, report = translate_notebook(english, read_entries(source), language,
                                           previous=previous)
        problems += report.problems(f"{source.relative_to(translations.parent)}")
        if skeleton and report.missing:
            source.parent.mkdir(parents=True, exist_ok=True)
            with source.open("a", encoding="utf-8") as handle:
                handle.write(skeleton_entries(english, report))
        text = nbformat.writes(built) + "\n"
        if check:
            if not out.is_file() or out.read_text("utf-8") != text:
                problems.append(f"{out.relative_to(notebooks.parent)} is out of date: run "
                                f"scripts/build_translation.py {language}")
        else:
            target.mkdir(exist_ok=True)
            out.write_text(text, "utf-8")
    return problems


def main(argv: list[str] | None = None) -> int:
    """Build, check or extend one language's edition; exit 1 listing any problem."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("language")
    parser.add_argument("--check", action="store_true", help="fail if notebooks/<language> "
                        "is out of date or a cell has no translation")
    parser.add_argument("--skeleton", action="store_true",
                        help="append an empty entry for each cell without a translation")
    options = parser.parse_args(argv)
    problems = build_language(options.language, check=options.check, skeleton=options.skeleton)
    for line in problems:
        print(line, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
