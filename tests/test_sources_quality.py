"""The bibliography's quality rules: one row per work, one witness per wire story, and every
source id the lessons show as an answer is one the exercise accepts."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from helpers.data import (
    load_actors,
    load_control,
    load_events,
    load_places,
    load_sources,
    split_ids,
)
from helpers.exercises import check
from helpers.rebel_advance import contested_table


@pytest.fixture(scope="module")
def sources() -> pd.DataFrame:
    return load_sources()


def test_no_two_bibliography_rows_share_a_url(sources) -> None:
    urls = sources.loc[sources["url"] != "", ["source_id", "url"]]
    shared = urls[urls["url"].duplicated(keep=False)].sort_values("url")
    assert shared.empty, f"rows share a URL, merge them:\n{shared.to_string(index=False)}"


def _copies(ids: list[str], sources: pd.DataFrame) -> list[tuple[str, str]]:
    """Pairs of cited sources that carry one wire story: same agency, date and title."""
    rows = sources.set_index("source_id").loc[ids]
    wired = rows[rows["agency"] != ""]
    title = wired["title"].str.lower().str.replace(r"\W+", " ", regex=True).str.strip()
    key = wired["agency"] + "|" + wired["published"] + "|" + title
    dupes = key[key.duplicated(keep=False)]
    return [(a, b) for a in dupes.index for b in dupes.index if a < b and dupes[a] == dupes[b]]


@pytest.mark.parametrize("table", ["events", "control"])
def test_no_row_presents_two_copies_of_one_wire_story_as_two_sources(table, sources) -> None:
    frame = load_events() if table == "events" else load_control()
    for row in frame.to_dict("records"):
        copies = _copies(split_ids(row["source_ids"]), sources)
        assert not copies, f"{table}.csv cites one wire story twice: {copies} in {row}"


def test_the_copy_detector_finds_a_copy() -> None:
    fake = pd.DataFrame({"source_id": ["a", "b", "c"], "agency": ["afp", "afp", "afp"],
                         "published": ["2013-01-15"] * 3,
                         "title": ["Konna not retaken", "Konna NOT retaken!", "Other"]})
    assert _copies(["a", "b", "c"], fake) == [("a", "b")]


def test_every_wire_story_names_its_agency(sources) -> None:
    carriers = sources[sources["publisher"].str.contains(r"\((?:AFP|Reuters|AP)\b")]
    assert (carriers["agency"] != "").all(), carriers[carriers["agency"] == ""]["source_id"]


def test_every_source_named_as_refuting_konna_is_accepted_by_exercise_2_6() -> None:
    control = load_control()
    claim = control[(control["place_id"] == "konna") & (control["status"] == "refuted")]
    assert len(claim) == 1
    named = re.findall(r"\b((?:news|gov|ref)-[a-z0-9-]+)\b", claim["note"].iloc[0])
    assert len(named) >= 2  # two independent wires
    for source_id in named:
        assert check("2.6", source_id), source_id


def test_exercise_2_6_answer_is_printed_by_the_contested_table() -> None:
    table = contested_table(load_control(), load_places(), load_actors())
    for source_id in ("news-awani-20130115", "news-reuters-20130115-konna"):
        assert source_id in table and check("2.6", source_id)


def test_an_encyclopedia_is_never_a_control_change_s_only_source(sources) -> None:
    kinds = sources.set_index("source_id")["kind"]
    for row in load_control().to_dict("records"):
        ids = split_ids(row["source_ids"])
        assert {kinds[i] for i in ids} != {"reference"} or row["status"] != "confirmed", row


def test_the_bibliography_shows_each_source_s_kind_and_wire(sources) -> None:
    from helpers.citations import bibliography
    text = bibliography(sources, ["news-awani-20130115", "un-sres-2056", "seed-passblue-2013"])
    assert "`news-awani-20130115` [news, AFP wire]:" in text
    assert "`un-sres-2056` [un resolution]:" in text and "`seed-passblue-2013` [news]:" in text
