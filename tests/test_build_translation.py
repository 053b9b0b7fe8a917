"""The translated edition's build (scripts/build_translation.py), on small notebooks in tmp_path.

The last test reads the real notebooks: every English cell of every lesson must have its
French counterpart, so it fails until each lesson's translation file is complete.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from build_translation import (
    LANGUAGE_CELL_ID,
    build_language,
    hash_source,
    read_entries,
)

REPO = Path(__file__).resolve().parents[1]
TITLE = "# Lesson 9 - A test\n\nSee the [reference](../docs/helper-reference.md)."
PROSE = "Some prose, with a [next lesson](10-next.ipynb)."
CODE = "from helpers import check\nprint('hello')"
PINNED = "# NBVAL_CHECK_OUTPUT\nprint(1 + 1)"


def english_notebook() -> nbformat.NotebookNode:
    """Return a small lesson: two Markdown cells, a code cell and a pinned code cell."""
    pinned = nbformat.v4.new_code_cell(PINNED, metadata={"tags": ["keep_output"]})
    pinned.outputs = [nbformat.v4.new_output("stream", name="stdout", text="2\n")]
    pinned.execution_count = 1
    return nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell(TITLE), nbformat.v4.new_code_cell(CODE),
        nbformat.v4.new_markdown_cell(PROSE), pinned])


def entry(source: str, text: str) -> str:
    return f"[[cell]]\nen = \"{hash_source(source)}\"\nstart = \"x\"\ntext = '''\n{text}\n'''\n"


@pytest.fixture
def lesson(tmp_path: Path) -> Path:
    """A repository in tmp_path: notebooks/09-test.ipynb and a complete French translation."""
    (tmp_path / "notebooks").mkdir()
    nbformat.write(english_notebook(), tmp_path / "notebooks" / "09-test.ipynb")
    folder = tmp_path / "translations" / "fr"
    folder.mkdir(parents=True)
    (folder / "09-test.toml").write_text(
        entry(TITLE, "# Leçon 9 - Un essai\n\nVoir la [référence](../docs/helper-reference.md).")
        + entry(PROSE, "De la prose, avec [la suite](10-next.ipynb) et "
                       "[l'anglais](../09-test.ipynb)."), encoding="utf-8")
    return tmp_path


def build(root: Path, **options: bool) -> list[str]:
    return build_language("fr", notebooks=root / "notebooks",
                          translations=root / "translations", **options)


def french(root: Path) -> nbformat.NotebookNode:
    return nbformat.read(root / "notebooks" / "fr" / "09-test.ipynb", as_version=4)


def translation_file(root: Path) -> Path:
    return root / "translations" / "fr" / "09-test.toml"


def test_a_complete_translation_builds_and_then_checks_clean(lesson: Path) -> None:
    assert build(lesson) == []
    assert build(lesson, check=True) == []
    sources = [cell.source for cell in french(lesson).cells]
    assert sources[0].startswith("# Leçon 9 - Un essai")
    assert sources[1] == CODE


def test_the_language_cell_follows_the_first_code_cell(lesson: Path) -> None:
    build(lesson)
    cells = french(lesson).cells
    assert [c.cell_type for c in cells] == ["markdown", "code", "code", "markdown", "code"]
    assert cells[2].source == "%env MALI_LANGUAGE=fr" and cells[2].id == LANGUAGE_CELL_ID
    assert french(lesson).metadata["language"] == "fr"


def test_links_leaving_notebooks_gain_one_folder(lesson: Path) -> None:
    build(lesson)
    cells = french(lesson).cells
    assert "(../../docs/helper-reference.md)" in cells[0].source
    assert "(10-next.ipynb)" in cells[3].source  # a sibling lesson: same name in fr/
    assert "(../09-test.ipynb)" in cells[3].source  # the English lesson: left as written


def test_a_missing_markdown_translation_is_named_and_left_in_english(lesson: Path) -> None:
    translation_file(lesson).write_text(entry(TITLE, "# Leçon 9"), encoding="utf-8")
    problems = build(lesson)
    assert len(problems) == 1
    assert "09-test.toml: cell 2 (markdown) has no translation: 'Some prose" in problems[0]
    assert french(lesson).cells[3].source == PROSE


def test_a_changed_english_cell_is_missing_and_its_old_entry_unused(lesson: Path) -> None:
    notebook = english_notebook()
    notebook.cells[2].source = PROSE + " One more sentence."
    nbformat.write(notebook, lesson / "notebooks" / "09-test.ipynb")
    problems = build(lesson, check=True)
    assert any("cell 2 (markdown) has no translation" in line for line in problems)
    assert any(f"translation {hash_source(PROSE)} matches no English cell" in line
               for line in problems)


def test_an_unused_entry_is_reported(lesson: Path) -> None:
    with translation_file(lesson).open("a", encoding="utf-8") as handle:
        handle.write(entry("# A cell that does not exist", "# Une cellule absente"))
    problems = build(lesson)
    assert problems == [f"translations/fr/09-test.toml: translation "
                        f"{hash_source('# A cell that does not exist')} matches no English "
                        "cell (it was for 'x'; the English cell changed?)"]


def test_a_code_override_holds_only_for_the_english_code_it_was_written_for(lesson: Path) -> None:
    with translation_file(lesson).open("a", encoding="utf-8") as handle:
        handle.write(entry(CODE, "from helpers import check\nprint('bonjour')"))
    assert build(lesson) == []
    assert french(lesson).cells[1].source.endswith("print('bonjour')")

    notebook = english_notebook()
    notebook.cells[1].source = CODE + "\nprint('again')"
    nbformat.write(notebook, lesson / "notebooks" / "09-test.ipynb")
    problems = build(lesson)
    assert french(lesson).cells[1].source == CODE + "\nprint('again')"  # English code, copied
    assert any(f"translation {hash_source(CODE)} matches no English cell" in line
               for line in problems)


def test_check_fails_when_the_built_notebook_is_stale_or_missing(lesson: Path) -> None:
    assert any("09-test.ipynb is out of date" in line for line in build(lesson, check=True))
    build(lesson)
    path = translation_file(lesson)
    path.write_text(path.read_text("utf-8").replace("Un essai", "Une épreuve"), "utf-8")
    assert build(lesson, check=True) == ["notebooks/fr/09-test.ipynb is out of date: run "
                                         "scripts/build_translation.py fr"]
    assert not (lesson / "notebooks" / "fr" / "09-test.ipynb").read_text("utf-8").count("épreuve")


def test_pinned_outputs_of_the_built_notebook_are_kept(lesson: Path) -> None:
    build(lesson)
    target = lesson / "notebooks" / "fr" / "09-test.ipynb"
    notebook = french(lesson)
    notebook.cells[4].outputs = [nbformat.v4.new_output("stream", name="stdout", text="deux\n")]
    nbformat.write(notebook, target)
    assert build(lesson) == []
    assert french(lesson).cells[4].outputs[0]["text"] == "deux\n"
    assert french(lesson).cells[1].outputs == []  # unpinned cells stay clean


def test_skeleton_appends_an_entry_to_fill_in_for_each_missing_cell(lesson: Path) -> None:
    translation_file(lesson).write_text("", encoding="utf-8")
    build(lesson, skeleton=True)
    entries = read_entries(translation_file(lesson))
    assert [e.en for e in entries] == [hash_source(TITLE), hash_source(PROSE)]
    assert all(e.text == "" for e in entries)
    assert "# Some prose" in translation_file(lesson).read_text("utf-8")


def test_every_english_cell_of_the_lessons_has_its_french_counterpart() -> None:
    """Fails, naming each cell, until every lesson's translation file is complete."""
    missing = []
    for path in sorted((REPO / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        english = json.loads(path.read_text("utf-8"))
        entries = read_entries(REPO / "translations" / "fr" / f"{path.stem}.toml")
        done = {e.en for e in entries if e.text.strip()}
        missing += [f"{path.name}, cell {index}: {''.join(cell['source'])[:60]!r}"
                    for index, cell in enumerate(english["cells"])
                    if cell["cell_type"] == "markdown"
                    and hash_source("".join(cell["source"])) not in done]
    assert not missing, f"{len(missing)} English cells have no French text:\n" + "\n".join(
        missing)


def test_an_english_cell_without_an_id_gets_the_same_id_at_every_build(lesson: Path) -> None:
    path = lesson / "notebooks" / "09-test.ipynb"
    data = json.loads(path.read_text("utf-8"))
    del data["cells"][2]["id"]
    path.write_text(json.dumps(data), encoding="utf-8")
    build(lesson)
    assert french(lesson).cells[3].id == f"en-2-{hash_source(PROSE)}"
    assert build(lesson, check=True) == []
