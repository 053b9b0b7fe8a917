"""Count the words each seed document uses for the armed groups.

Writes ``source_id,label,count,note`` rows (the ``labels.csv`` layout of
``data/README.md``) for the five seed texts. Only word counts leave the seed
files; no sentence is copied.

Usage (from the repository root)::

    python scripts/count_labels.py ../shared/seeds > data/labels.csv

Counting rules, so the numbers can be checked by hand:

* matching is case-insensitive and on whole words (a trailing hyphen
  still counts: "al Qaeda-inspired", "rebel-held"); singular and plural
  count together (``rebel`` and ``rebels`` both count as ``rebels``);
* adjectives count too ("Islamist forces" counts once for ``islamists``),
  because an adjective labels the group just as a noun does;
* ``terrorism`` is not counted under ``terrorists`` (it names an act, not a
  group); ``militiamen`` is not counted under ``militants``;
* names of organisations (al Qaeda, AQIM, Ansar Dine, MUJAO, MNLA) and the
  ethnic name Tuareg are counted as their own labels;
* the headline is included; page furniture left by the copying (from the
  markers in ``BODY_END`` on: "save to Kindle" boxes, author biographies,
  comment widgets that repeat the headline) is not counted;
* "Islamic" inside the name "al Qaeda in the Islamic Maghreb" counts for
  ``aqim`` only, not for ``islamic`` or ``al-qaeda``;
* for the blog seed the note splits the count between the post and the ten
  reader comments, which begin at the line "10 Comments".
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

SEED_IDS = {
    "000_e163832092f6227f.txt": "seed-chivvis-2015",
    "001_21cda2dff291ab5e.txt": "seed-france24-2013",
    "002_23138caba7764ccb.txt": "seed-thinkprogress-2013",
    "003_1695ff43fb382f2e.txt": "seed-blog-diabaly-2013",
    "004_a7931d86413916e6.txt": "seed-passblue-2013",
}

LABEL_PATTERNS = {
    "terrorists": r"terrorists?",
    "islamists": r"islamists?",
    "islamic": r"islamic(?! maghreb)",
    "rebels": r"rebels?",
    "jihadists": r"jihadists?",
    "militants": r"militants?",
    "extremists": r"extremists?",
    "insurgents": r"insurgents?",
    "separatists": r"separatists?|secessionists?",
    "al-qaeda": r"al[- ]qa[e']?[i']?da(?! in the islamic maghreb)",
    "aqim": r"aqim|aqmi|al[- ]qa[e']?[i']?da in the islamic maghreb",
    "ansar-dine": r"ansar dine",
    "mujao": r"mujao",
    "mnla": r"mnla",
    "tuareg": r"tuaregs?",
}

COMMENTS_MARKER = "10 Comments"

# Where each article ends and the copied page furniture begins.
BODY_END = {
    "000_e163832092f6227f.txt": "\nType\nChapter",
    "001_21cda2dff291ab5e.txt": "Daily newsletter",
    "002_23138caba7764ccb.txt": "Share Update",
    "003_1695ff43fb382f2e.txt": "Leave a Reply",
    "004_a7931d86413916e6.txt": "Related articles",
}


def count_label(text: str, pattern: str) -> int:
    """Return how many whole-word, case-insensitive matches ``pattern`` has.

    >>> count_label("Rebels and a rebel; rebellion", r"rebels?")
    2
    """
    return len(re.findall(rf"(?<![\w-])(?:{pattern})(?!\w)", text, flags=re.IGNORECASE))


def count_seed(text: str) -> dict[str, int]:
    """Return the count of every label in one text.

    >>> count_seed("Terrorists, terrorism and Islamist rebels")["terrorists"]
    1
    """
    return {label: count_label(text, pattern) for label, pattern in LABEL_PATTERNS.items()}


def build_rows(seeds_dir: Path) -> list[dict[str, str]]:
    """Return labels.csv rows for every seed file found in ``seeds_dir``."""
    rows = []
    for file_name, source_id in SEED_IDS.items():
        path = seeds_dir / file_name
        if not path.is_file():
            raise SystemExit(f"count_labels: seed file not found: {path}")
        text = path.read_text(encoding="utf-8").partition(BODY_END[file_name])[0]
        post, _, comments = text.partition(COMMENTS_MARKER)
        counts = count_seed(text)
        for label, count in counts.items():
            note = ""
            if comments and count:
                in_comments = count_label(comments, LABEL_PATTERNS[label])
                note = (f"{count - in_comments} in the post (BBC report and quoted blog), "
                        f"{in_comments} in reader comments")
            rows.append({"source_id": source_id, "label": label, "count": str(count), "note": note})
    return rows


def main(argv: list[str]) -> int:
    """Write the label counts as CSV to standard output."""
    seeds_dir = Path(argv[1]) if len(argv) > 1 else Path("../shared/seeds")
    writer = csv.DictWriter(sys.stdout, fieldnames=["source_id", "label", "count", "note"],
                            lineterminator="\n")
    writer.writeheader()
    writer.writerows(build_rows(seeds_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
