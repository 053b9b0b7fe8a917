"""A copy of the module whose data carries script payloads in every text column.

The payloads are the usual ways text becomes code in a page: a ``<script>`` element,
event-handler attributes (also after a quote that would close an attribute), ``javascript:``
links in HTML and in Markdown. Each calls ``__pwned(name)`` or ``alert``, so a page that
runs one records it. Every payload starts with :data:`MARKER`, which a test looks for to
prove the poisoned text did reach the page.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from helpers.data import TABLES, table_path

MARKER = "XSS-PROBE"
PAYLOAD = (
    f"{MARKER} <script>__pwned('script')</script><img src=x onerror=__pwned('img')>"
    "\"><svg onload=__pwned('dquote')><img src=x onerror=alert('dquote')>"
    "'><img src=x onerror=__pwned('squote')>"
    "[link](javascript:__pwned('markdown')) <a href=\"javascript:__pwned('href')\">a</a>"
    "<details open ontoggle=__pwned('toggle')></details>"
    "\" onmouseover=\"__pwned('hover')\" x=\""
)
# Text columns the code reads as values rather than shows: a claim's value and unit and a
# key's baseline value are checked as numbers or dates, seed files name files, labels and
# contributors are grouped on.
KEPT = {("claims", "value"), ("claims", "unit"), ("claim_keys", "baseline_value"),
        ("sources", "seed_file"), ("labels", "label"), ("deployments", "contributor")}
# Text columns that must stay empty where they are empty (a claim's original wording needs
# its language): poisoned only where they hold text.
WHERE_FILLED = {("claims", "original")}
COPIED = ("helpers", "notebooks", "data")


def poison_table(data_dir: Path, table: str) -> int:
    """Append :data:`PAYLOAD` to every text cell of ``table`` in ``data_dir``; return how many."""
    path = table_path(table, data_dir=data_dir)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    names = [c.name for c in TABLES[table] if c.kind == "text" and (table, c.name) not in KEPT]
    for row in rows:
        for name in names:
            if row[name] or (table, name) not in WHERE_FILLED:
                row[name] = f"{row[name]} {PAYLOAD}".strip()
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=[c.name for c in TABLES[table]])
        writer.writeheader()
        writer.writerows(rows)
    return len(rows) * len(names)


def poisoned_copy(repo: Path, target: Path) -> Path:
    """Copy the helpers, notebooks and data of ``repo`` into ``target``, data poisoned."""
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "*.pyc")
    for name in COPIED:
        shutil.copytree(repo / name, target / name, ignore=ignore)
    for table in TABLES:
        poison_table(target / "data", table)
    return target
