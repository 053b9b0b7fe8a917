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


def _same_day(a: str, b: str) -> bool:
    """Whether two publication dates can be the same day (``2012-11`` covers ``2012-11-20``)."""
    return bool(a) and bool(b) and (a.startswith(b) or b.startswith(a))


def _declares_copy(notes: str, other: str) -> bool:
    """Whether a source's notes name ``other`` as the same agency or dispatch."""
    return bool(re.search(r"same (?:agency|dispatch|text|story|wire|\w+ dispatch)", notes, re.I)
                and re.search(rf"(?<![\w-]){re.escape(other)}(?![\w-])", notes))


def _copies(ids: list[str], sources: pd.DataFrame) -> list[tuple[str, str]]:
    """Pairs of cited sources that are one witness: the same agency's wire on the same day
    (whatever the title), or a pair whose notes say one repeats the other's dispatch."""
    rows = sources.set_index("source_id").loc[ids]
    found = []
    for a in rows.index:
        for b in rows.index:
            if a >= b:
                continue
            same_wire = (rows.at[a, "agency"] != "" and rows.at[a, "agency"] == rows.at[b, "agency"]
                         and _same_day(rows.at[a, "published"], rows.at[b, "published"]))
            declared = (_declares_copy(rows.at[a, "notes"], b)
                        or _declares_copy(rows.at[b, "notes"], a))
            if same_wire or declared:
                found.append((a, b))
    return found


@pytest.mark.parametrize("table", ["events", "control"])
def test_no_row_presents_two_copies_of_one_wire_story_as_two_sources(table, sources) -> None:
    frame = load_events() if table == "events" else load_control()
    for row in frame.to_dict("records"):
        copies = _copies(split_ids(row["source_ids"]), sources)
        assert not copies, f"{table}.csv cites one wire story twice: {copies} in {row}"


def _fake_sources(**columns: list[str]) -> pd.DataFrame:
    base = {"source_id": ["a", "b", "c"], "agency": ["afp", "afp", "reuters"],
            "published": ["2013-01-15"] * 3, "title": ["Konna", "Konna not retaken", "Other"],
            "notes": [""] * 3}
    return pd.DataFrame({**base, **columns})


def test_the_copy_detector_finds_a_copy_that_kept_its_title() -> None:
    fake = _fake_sources(title=["Konna not retaken", "Konna NOT retaken!", "Other"])
    assert _copies(["a", "b", "c"], fake) == [("a", "b")]


def test_the_copy_detector_finds_one_agency_on_one_day_under_two_titles() -> None:
    assert _copies(["a", "b", "c"], _fake_sources()) == [("a", "b")]
    assert _copies(["a", "b"], _fake_sources(published=["2012-11", "2012-11-20", "x"])) == [
        ("a", "b")]
    assert _copies(["a", "b"], _fake_sources(published=["2013-01-15", "2013-01-16", "x"])) == []


def test_the_copy_detector_finds_a_copy_its_notes_declare() -> None:
    fake = _fake_sources(agency=["afp", "", ""],
                         notes=["", "", "May rest on the same AFP dispatch as a."])
    assert _copies(["a", "b", "c"], fake) == [("a", "c")]


def test_the_copy_detector_passes_two_agencies_on_one_day() -> None:
    assert _copies(["a", "c"], _fake_sources()) == []


WIRE_MARK = r"\((?:[^)]*\b)?(?:AFP|Reuters|AP|Associated Press|Xinhua|EFE|Anadolu|dpa)\b"


def test_every_wire_story_names_its_agency(sources) -> None:
    """A wire named in brackets after the publisher or the title: "Oman Today (AFP)",
    "... take Kidal (Arabic, AFP)"."""
    marked = sources["publisher"].str.contains(WIRE_MARK) | sources["title"].str.contains(
        WIRE_MARK)
    carriers = sources[marked & (sources["kind"] == "news")]
    assert (carriers["agency"] != "").all(), carriers[carriers["agency"] == ""]["source_id"]


def test_the_wire_mark_is_read_from_titles_and_publishers() -> None:
    fake = pd.Series(["Take Kidal (Arabic, AFP)", "Oman Today (AP)", "APEC", "Reuters"])
    assert list(fake.str.contains(WIRE_MARK)) == [True, True, False, False]


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
