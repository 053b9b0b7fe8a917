"""Write docs/helper-reference.md: every helper name a lesson notebook calls, with an example.

The names come from the notebooks' own import lines, the text from each function's
docstring (its first paragraph and its example), so the page cannot drift from the code:
``tests/test_reference.py`` fails when the committed page differs from a fresh build.
The French edition's page, docs/helper-reference.fr.md, is built from the same names and
docstrings, with French headings and introduction (the summaries and examples stay as the
code has them: the French notebooks run the same code).

Usage: ``python scripts/build_reference.py [--check]``
"""

from __future__ import annotations

import argparse
import ast
import importlib
import inspect
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "helper-reference.md"
OUTPUTS = {"en": OUT, "fr": REPO / "docs" / "helper-reference.fr.md"}

# The page's fixed words in each language; the entries themselves come from the docstrings.
WORDS = {
    "en": {
        "title": "# Helper reference",
        "intro": ("Every helper a lesson notebook calls, with what it does and a small example. "
                  "The shared names come from `helpers` itself; each lesson's own names come "
                  "from one module named after its notebook. This page is generated from the "
                  "code (`python scripts/build_reference.py`), so it always matches it."),
        "shared_comment": "# shared by every lesson",
        "lesson_comment": "# lesson 01's own names",
        "shared": "## Shared by every lesson (`from helpers import ...`)",
        "lesson": "## {notebook} (`from {module} import ...`)",
        "used": " *Used in lessons {lessons}.*",
    },
    "fr": {
        "title": "# Référence des fonctions",
        "intro": ("Toutes les fonctions qu'appellent les carnets des leçons, avec ce qu'elles "
                  "font et un petit exemple. Les noms communs viennent de `helpers` lui-même ; "
                  "les noms propres à une leçon viennent d'un module qui porte le nom de son "
                  "carnet. Les carnets de l'édition française (`notebooks/fr/`) exécutent "
                  "exactement le même code que les carnets anglais : les exemples ci-dessous "
                  "sont donc ce même code, et leurs résumés, tirés des docstrings, restent en "
                  "anglais ; dans un carnet français, les messages, tableaux et graphiques "
                  "qu'elles produisent sont en français. Cette page est générée à partir du "
                  "code (`python scripts/build_reference.py`) et le suit donc toujours. "
                  "Version anglaise : [helper-reference.md](helper-reference.md)."),
        "shared_comment": "# communs à toutes les leçons",
        "lesson_comment": "# les noms propres à la leçon 01",
        "shared": "## Communs à toutes les leçons (`from helpers import ...`)",
        "lesson": "## {notebook} (`from {module} import ...`)",
        "used": " *Utilisé dans les leçons {lessons}.*",
    },
}


def notebook_imports(path: Path) -> dict[str, list[str]]:
    """Return ``{module: [names]}`` for the helper names a notebook imports, in order."""
    cells = json.loads(path.read_text("utf-8"))["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    found: dict[str, list[str]] = {}
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.ImportFrom) and node.module and \
                node.module.split(".")[0] == "helpers":
            found.setdefault(node.module, []).extend(a.name for a in node.names)
    return found


def _summary(obj: object) -> tuple[str, str]:
    doc = inspect.getdoc(obj) or ""
    first = doc.split("\n\n")[0].replace("\n", " ").strip()
    example = doc.partition("Example:")[2] or doc.partition("Examples:")[2]
    lines = [line[4:] if line.startswith("    ") else line.strip()
             for line in example.strip("\n").splitlines()]
    return first, "\n".join(lines).strip()


def _signature(name: str, obj: object) -> str:
    try:
        return f"{name}{inspect.signature(obj)}".replace("'", "")
    except (TypeError, ValueError):
        return name


def entry(module: str, name: str, *, used: str = "", language: str = "en") -> str:
    """Return the Markdown entry for one name: signature, what it does, its example."""
    obj = getattr(importlib.import_module(module), name)
    what, example = _summary(obj)
    if not what:
        raise ValueError(f"{module}.{name} has no docstring: the reference needs one")
    if used:
        what += WORDS[language]["used"].format(lessons=used)
    parts = [f"### `{name}`", "", f"`{_signature(name, obj)}`", "", what, ""]
    if example:
        parts += ["```python", example, "```", ""]
    return "\n".join(parts)


def build(language: str = "en") -> str:
    """Return the whole reference page, its fixed words in ``language`` ("en" or "fr")."""
    words = WORDS[language]
    notebooks = sorted((REPO / "notebooks").glob("*.ipynb"))
    core: dict[str, list[str]] = {}
    lessons: list[tuple[str, str, list[str]]] = []
    for path in notebooks:
        for module, names in notebook_imports(path).items():
            if module == "helpers":
                for name in names:
                    core.setdefault(name, []).append(path.stem[:2])
            else:
                lessons.append((path.name, module, names))
    parts = [
        words["title"],
        "",
        words["intro"],
        "",
        "```python",
        f"from helpers import check, hint, reveal, load_events     {words['shared_comment']}",
        f"from helpers.the_coup import timeline_chart              {words['lesson_comment']}",
        "```",
        "",
        words["shared"],
        "",
    ]
    for name in sorted(core, key=str.casefold):
        parts.append(entry("helpers", name, used=", ".join(sorted(set(core[name]))),
                           language=language))
    for notebook, module, names in lessons:
        parts += [words["lesson"].format(notebook=notebook, module=module), ""]
        parts += [entry(module, name, language=language) for name in names]
    return "\n".join(parts).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if a reference page (English or French) is not up to date")
    args = parser.parse_args(argv)
    stale = 0
    for language, out in OUTPUTS.items():
        text = build(language)
        if args.check:
            if (out.read_text("utf-8") if out.exists() else "") != text:
                print(f"{out.relative_to(REPO)} is out of date: "
                      "run python scripts/build_reference.py")
                stale = 1
            continue
        out.write_text(text, "utf-8")
        print(f"wrote {out.relative_to(REPO)}")
    return stale


if __name__ == "__main__":
    sys.exit(main())
