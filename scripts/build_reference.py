"""Write docs/helper-reference.md: every helper name a lesson notebook calls, with an example.

The names come from the notebooks' own import lines, the text from each function's
docstring (its first paragraph and its example), so the page cannot drift from the code:
``tests/test_reference.py`` fails when the committed page differs from a fresh build.

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


def entry(module: str, name: str, *, used: str = "") -> str:
    """Return the Markdown entry for one name: signature, what it does, its example."""
    obj = getattr(importlib.import_module(module), name)
    what, example = _summary(obj)
    if not what:
        raise ValueError(f"{module}.{name} has no docstring: the reference needs one")
    if used:
        what += f" *Used in lessons {used}.*"
    parts = [f"### `{name}`", "", f"`{_signature(name, obj)}`", "", what, ""]
    if example:
        parts += ["```python", example, "```", ""]
    return "\n".join(parts)


def build() -> str:
    """Return the whole reference page."""
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
        "# Helper reference",
        "",
        "Every helper a lesson notebook calls, with what it does and a small example. "
        "The shared names come from `helpers` itself; each lesson's own names come from "
        "one module named after its notebook. This page is generated from the code "
        "(`python scripts/build_reference.py`), so it always matches it.",
        "",
        "```python",
        "from helpers import check, hint, reveal, load_events     # shared by every lesson",
        "from helpers.the_coup import timeline_chart              # lesson 01's own names",
        "```",
        "",
        "## Shared by every lesson (`from helpers import ...`)",
        "",
    ]
    for name in sorted(core, key=str.casefold):
        parts.append(entry("helpers", name, used=", ".join(sorted(set(core[name])))))
    for notebook, module, names in lessons:
        parts += [f"## {notebook} (`from {module} import ...`)", ""]
        parts += [entry(module, name) for name in names]
    return "\n".join(parts).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if docs/helper-reference.md is not up to date")
    args = parser.parse_args(argv)
    text = build()
    if args.check:
        current = OUT.read_text("utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT.relative_to(REPO)} is out of date: run python scripts/build_reference.py")
            return 1
        return 0
    OUT.write_text(text, "utf-8")
    print(f"wrote {OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
