"""The packet's one-minute backgrounds (docs/backgrounds.toml) are background, not a recap.

Every section that gets a background has one; each rests on rows of data/sources.csv that
exist; each is about a minute of speech; and none repeats the section's own text (no run of
six words shared with the notebook's prose of that section).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from build_packet import background_sections, load_backgrounds

from helpers import load_sources

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
SHARED_RUN = 6  # words in a row that a background may not share with its section
SPOKEN_WORDS = (40, 150)  # a minute at most, spoken aloud


def word_runs(text: str, *, size: int = SHARED_RUN) -> set[tuple[str, ...]]:
    """Return every run of ``size`` consecutive words of ``text``, lower case, no punctuation.

    Example:
        >>> sorted(word_runs("A b, c.", size=2))
        [('a', 'b'), ('b', 'c')]
    """
    words = re.findall(r"[\w'’]+", text.lower())
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


def test_shared_runs_are_found_and_short_overlaps_are_not() -> None:
    section = "Mali is landlocked and twice the size of France, with a distant north."
    assert word_runs("So mali is landlocked and twice the size here.") & word_runs(section)
    assert not word_runs("Mali is landlocked; France is not.") & word_runs(section)


@pytest.fixture(scope="module")
def backgrounds() -> dict[str, dict[str, dict]]:
    return load_backgrounds()


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_each_section_has_a_background_that_does_not_repeat_it(backgrounds, notebook) -> None:
    written = backgrounds.get(notebook.name[:2], {})
    sections = background_sections(notebook)
    assert sections, f"{notebook.name}: no section found"
    for title, prose in sections:
        assert title in written, f"{notebook.name}: no background for section {title!r}"
        shared = word_runs(written[title]["text"]) & word_runs(prose)
        assert not shared, (f"{notebook.name}, {title!r}: the background repeats the section: "
                            f"{' '.join(sorted(shared)[0])!r}")
        low, high = SPOKEN_WORDS
        assert low <= len(written[title]["text"].split()) <= high, f"{title!r}: length"


def test_no_background_for_a_section_that_does_not_exist(backgrounds) -> None:
    headings = {notebook.name[:2]: {t for t, _ in background_sections(notebook)}
                for notebook in NOTEBOOKS}
    stray = [(lesson, title) for lesson, table in backgrounds.items() for title in table
             if title not in headings.get(lesson, set())]
    assert stray == []


def test_every_background_cites_sources_that_resolve(backgrounds) -> None:
    known = set(load_sources()["source_id"])
    for lesson, table in backgrounds.items():
        for title, background in table.items():
            assert background["sources"], f"lesson {lesson}, {title!r}: no source"
            missing = set(background["sources"]) - known
            assert not missing, f"lesson {lesson}, {title!r}: unknown source ids {missing}"
