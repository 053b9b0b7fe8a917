"""Write the module's published address (CITATION.cff's ``repository-code``) into the lessons.

On Colab, the first cell of every lesson clones the module from that address. CITATION.cff
is the one place to set it: edit ``repository-code`` there, then run

    .venv/bin/python scripts/set_repository.py          # rewrites the first cells
    .venv/bin/python scripts/set_repository.py --check  # exit 1 if a lesson disagrees

The first cells stay identical across lessons (tests/test_open_anywhere.py checks it).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from class_links import normalise_repo

ROOT = Path(__file__).resolve().parents[1]
CLONE = re.compile(r"(git clone -qb \S+ )(\S+)( mali)")
FIELD = re.compile(r"^repository-code:\s*[\"']?(?P<url>[^\"'\s#]+)", re.MULTILINE)


def repository_url(citation: Path) -> str:
    """Return the https address in a CITATION.cff's ``repository-code`` field.

    Raises:
        ValueError: the field is missing or not a repository address.

    Example:
        >>> import tempfile
        >>> path = Path(tempfile.mkdtemp()) / "CITATION.cff"
        >>> _ = path.write_text('repository-code: "https://github.com/owner/mali"\\n')
        >>> repository_url(path)
        'https://github.com/owner/mali'
    """
    found = FIELD.search(citation.read_text(encoding="utf-8"))
    if found is None:
        raise ValueError(f"{citation}: no repository-code field; add one, e.g. "
                         'repository-code: "https://github.com/OWNER/REPO"')
    url, _ = normalise_repo(found["url"])
    return url


def with_repository(cell_source: str, url: str) -> str:
    """Return a first cell's text cloning from ``url``.

    Example:
        >>> with_repository('os.system("git clone -qb main https://x.org/a/b mali")',
        ...                 "https://github.com/o/r")
        'os.system("git clone -qb main https://github.com/o/r mali")'
    """
    if len(CLONE.findall(cell_source)) != 1:
        raise ValueError("the first cell has no single 'git clone -qb BRANCH URL mali' command")
    return CLONE.sub(lambda m: m[1] + url + m[3], cell_source)


def first_code_cell(notebook: dict) -> dict:
    """Return a notebook's first code cell."""
    return next(cell for cell in notebook["cells"] if cell["cell_type"] == "code")


def set_repository(root: Path, *, check: bool = False) -> list[Path]:
    """Write the address into every lesson (or, with ``check``, only list those that differ)."""
    url, differing = repository_url(root / "CITATION.cff"), []
    for path in sorted((root / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        cell = first_code_cell(notebook)
        text = "".join(cell["source"])
        new = with_repository(text, url)
        if new == text:
            continue
        differing.append(path)
        if not check:
            cell["source"] = new.splitlines(keepends=True)
            path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n",
                            encoding="utf-8")
    return differing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="only report lessons whose first cell has another address")
    args = parser.parse_args(argv)
    differing = set_repository(ROOT, check=args.check)
    for path in differing:
        print(f"{path.relative_to(ROOT)}: {'differs from' if args.check else 'set from'} "
              "CITATION.cff")
    return 1 if args.check and differing else 0


if __name__ == "__main__":
    sys.exit(main())
