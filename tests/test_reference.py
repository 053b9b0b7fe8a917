"""The student helper reference is generated from the notebooks and the docstrings."""

from __future__ import annotations

import build_reference


def test_the_committed_reference_is_up_to_date() -> None:
    assert build_reference.main(["--check"]) == 0, \
        "run: python scripts/build_reference.py, and commit docs/helper-reference.md"


def test_every_name_a_notebook_imports_has_an_entry_with_an_example() -> None:
    text = build_reference.build()
    for path in sorted((build_reference.REPO / "notebooks").glob("*.ipynb")):
        for module, names in build_reference.notebook_imports(path).items():
            for name in names:
                assert f"### `{name}`" in text, (path.name, module, name)
    assert text.count("```python") > 20


def test_a_name_without_a_docstring_is_refused(monkeypatch) -> None:
    import helpers

    def undocumented() -> None:
        pass

    monkeypatch.setattr(helpers, "undocumented", undocumented, raising=False)
    try:
        build_reference.entry("helpers", "undocumented")
    except ValueError as error:
        assert "has no docstring" in str(error)
    else:
        raise AssertionError("an undocumented helper was accepted")


def test_the_french_page_has_french_headings_and_the_same_entries() -> None:
    english, french = build_reference.build("en"), build_reference.build("fr")
    assert french.startswith("# Référence des fonctions")
    assert "## Communs à toutes les leçons" in french and "Utilisé dans les leçons" in french
    assert "le même code" in french and "Used in lessons" not in french
    entries = [line for line in english.splitlines() if line.startswith("### ")]
    assert entries == [line for line in french.splitlines() if line.startswith("### ")]
