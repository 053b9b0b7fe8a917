"""Tables and charts show names, not ids, outside lessons 02 and 04 (which have their own tests).

An id stays in full only where an exercise asks for one: lesson 01's offensive timeline
(exercise 1.6 asks for a source_id), lesson 05's seed tables (5.1, 5.5) and every notebook's
full list of sources at its end.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers import events_table, glossary_table
from helpers.data import load_actors, load_deployments, load_events, load_sources
from helpers.intervention import (
    african_forces_chart,
    all_forces_chart,
    french_troops_chart,
)
from helpers.the_coup import timeline_chart

ROOT = Path(__file__).resolve().parents[1]
SOURCES, ACTORS, EVENTS = load_sources(), load_actors(), load_events()
SOURCE_IDS = set(SOURCES["source_id"])
ACTOR_IDS = {a for a in ACTORS["actor_id"] if "_" in a} | {"afisma", "minusma", "serval",
                                                          "barkhane", "eutm"}


def raw_ids(text: str) -> set[str]:
    """Return the source ids and the underscored actor or force ids found in a text."""
    words = set(re.findall(r"(?<![\w-])[a-z][\w-]*[a-z0-9](?![\w-])", text))
    return (words & SOURCE_IDS) | (words & ACTOR_IDS)


def test_raw_ids_are_found() -> None:
    assert raw_ids("held by france_mali, cited `seed-passblue-2013`") == {
        "france_mali", "seed-passblue-2013"}
    assert raw_ids("French and Malian forces; PassBlue, 2013-01-11") == set()


@pytest.mark.parametrize("show", [
    lambda: events_table(EVENTS, sources=SOURCES),
    lambda: glossary_table(ACTORS, sources=SOURCES),
    lambda: timeline_chart(EVENTS, SOURCES, start="2012-01-01", end="2012-12-31")._repr_html_(),
    lambda: french_troops_chart(load_deployments(), SOURCES)._repr_html_(),
    lambda: african_forces_chart(load_deployments(), SOURCES)._repr_html_(),
    lambda: all_forces_chart(load_deployments(), SOURCES)._repr_html_(),
], ids=["events", "glossary", "timeline", "french", "african", "all-forces"])
def test_tables_and_chart_descriptions_show_names(show) -> None:
    assert raw_ids(show()) == set()


def calls(path: Path, helper: str) -> list[str]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    return re.findall(rf"^{helper}\(.*$", code, re.MULTILINE)


@pytest.mark.parametrize("lesson", ["00", "01", "03", "06"])
def test_lessons_cite_sources_by_name_in_their_tables(lesson: str) -> None:
    path = next((ROOT / "notebooks").glob(f"{lesson}-*.ipynb"))
    shown = calls(path, "events_table") + calls(path, "glossary_table")
    by_id = [call for call in shown if "sources=sources" not in call]
    # lesson 01's offensive timeline keeps ids: exercise 1.6 asks for a source_id from it
    assert by_id == (["events_table(offensive)"] if lesson == "01" else [])
