"""Every table loads against its schema; broken copies fail with file, row and column."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from helpers import data
from helpers.data import (
    TABLES,
    Column,
    DataError,
    id_column,
    load_claim_keys,
    load_claim_stances,
    load_places,
    load_sources,
    load_table,
    parse_cell,
    split_ids,
    validate_file,
)
from helpers.maps import map_extent

# The curated tables: every one loads, every reference resolves, every place is on the map,

FIXTURES = Path(__file__).parent / "fixtures" / "broken"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_table_loads_and_its_references_resolve(table: str) -> None:
    frame = load_table(table)
    assert list(frame.columns[:-1]) == [column.name for column in TABLES[table]]


def test_every_place_lies_inside_the_map_frame() -> None:
    lon_min, lon_max, lat_min, lat_max = map_extent()
    for _, place in load_places().iterrows():
        assert lat_min <= place["lat"] <= lat_max, place["name"]
        assert lon_min <= place["lon"] <= lon_max, place["name"]


def test_northern_towns_east_of_greenwich_have_positive_longitude() -> None:
    places = load_places().set_index("place_id")
    assert places.loc["kidal", "lon"] > 0 and places.loc["menaka", "lon"] > 0
    assert -0.2 < places.loc["gao", "lon"] < 0


def test_the_five_seeds_are_in_the_bibliography() -> None:
    seeds = load_sources().query("seed_file != ''")
    assert len(seeds) == 5
    assert all(sid.startswith("seed-") for sid in seeds["source_id"])
    if SEEDS.is_dir():
        assert {p.name for p in SEEDS.glob("0*.txt")} == set(seeds["seed_file"])


def test_quotes_are_short() -> None:
    claims = load_table("claims")
    for quote in claims["quote"]:
        assert quote.count(". ") < 2 and len(quote) < 300, quote


@pytest.mark.parametrize("expected", sorted(FIXTURES.glob("*/expected-*.txt")),
                         ids=lambda path: path.parent.name)
def test_broken_fixture_gives_the_promised_message(expected: Path) -> None:
    table = expected.stem.removeprefix("expected-")
    with pytest.raises(DataError) as raised:
        load_table(table, data_dir=expected.parent)
    assert expected.read_text(encoding="utf-8").strip() in str(raised.value)


# One loader per table, each typed and each refusing unresolved references.

def test_each_table_has_a_loader_named_for_it() -> None:
    from helpers.data import TABLES
    for table in TABLES:
        assert callable(getattr(data, f"load_{table}"))


def test_loaded_types_are_usable() -> None:
    events = data.load_events()
    places = data.load_places()
    assert events["date"].dtype.kind == "M"
    assert places["lat"].dtype == float
    assert (events["source_ids"] != "").all()


def test_unknown_table_lists_the_tables() -> None:
    with pytest.raises(KeyError, match="the tables are sources"):
        data.table_path("troops")


def test_event_citing_a_missing_source_is_refused(data_copy) -> None:
    path = data_copy / "events.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "news-guardian-20120124;", "news-guardian-2012124;", 1), encoding="utf-8")
    with pytest.raises(DataError, match="row 2, column 'source_ids': 'news-guardian-2012124'"):
        data.load_events(data_dir=data_copy)


def test_event_at_an_unknown_place_is_refused(data_copy) -> None:
    path = data_copy / "events.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",menaka,", ",manaka,", 1),
                    encoding="utf-8")
    with pytest.raises(DataError, match="'manaka' is not a place_id in places.csv"):
        data.load_events(data_dir=data_copy)


# The schema and the data dictionary (data/README.md) describe the same columns.

README = Path(__file__).resolve().parents[1] / "data" / "README.md"


def documented_columns(table: str) -> list[str]:
    readme = (README.parent / data.TABLE_FILES.get(table, "x")).parent / "README.md"
    text = readme.read_text(encoding="utf-8")
    section = text.split(f"## {table}.csv", 1)[1].split("\n## ", 1)[0]
    return [name for cell in re.findall(r"^\| (`[^|]+`) \|", section, flags=re.M)
            for name in re.findall(r"`([a-z_]+)`", cell)]


@pytest.mark.parametrize("table", sorted(TABLES))
def test_data_dictionary_documents_every_column_in_order(table: str) -> None:
    assert documented_columns(table) == [column.name for column in TABLES[table]]


def test_id_column_of_a_table_without_one_is_an_error() -> None:
    with pytest.raises(KeyError, match="control"):
        id_column("control")


# Cell parsing and file checks give located, actionable messages.

@pytest.mark.parametrize(("value", "column", "message"), [
    ("2012-02-30", Column("date", "date"), "expected an ISO date"),
    ("22/03/2012", Column("date", "date"), "expected an ISO date"),
    ("Gao", Column("place_id", "ref", ref="places"), "lowercase identifier"),
    ("abc", Column("value", "number"), "expected a number"),
    ("-3", Column("value", "number", low=0), ">= 0"),
    ("1.5", Column("count", "integer"), "whole number"),
    ("www.example.org", Column("url", "url"), "http://"),
    ("2013-1", Column("published", "partial_date"), "YYYY-MM"),
    ("a;B C", Column("source_ids", "refs", ref="sources"), "'B C'"),
    ("nan", Column("lat", "number", low=-90, high=90), "plain digits"),
    ("inf", Column("value", "number", low=0), "plain digits"),
    ("-inf", Column("value", "number"), "plain digits"),
    ("1_000", Column("value", "number"), "plain digits"),
    ("1,000", Column("value", "number"), "thousands separators"),
    ("\uff11\uff10", Column("count", "integer", low=0), "plain digits"),
    ("-1", Column("count", "integer", low=0), ">= 0"),
    ("2013-13-45", Column("date", "date"), "not a real day"),
    ("\uff12\uff10\uff11\uff13-01-11", Column("date", "date"), "ISO date"),
    ("2013-13", Column("published", "partial_date"), "a real month"),
    ("2013-02-30", Column("published", "partial_date"), "a real month and day"),
    ("gao.north", Column("place_id", "id"), "a-z, 0-9, -, _"),
    ("gao\n", Column("place_id", "id"), "lowercase identifier"),
    ("caf\u00e9", Column("place_id", "id"), "lowercase identifier"),
    ("a;b.c", Column("source_ids", "refs", ref="sources"), "'b.c'"),
    ('https://x.org/" onmouseover="alert(1)', Column("url", "url"), "no spaces, quotes"),
    ("https://x.org/<script>", Column("url", "url"), "angle"),
    ("javascript:alert(1)//http://x.org", Column("url", "url"), "http://"),
    ("httpx://x.org", Column("url", "url"), "http://"),
    ("https://", Column("url", "url"), "http://"),
])
def test_parse_cell_rejects_with_a_clear_message(value, column, message) -> None:
    with pytest.raises(ValueError, match=message):
        parse_cell(value, column)


def test_parse_cell_converts_values() -> None:
    assert parse_cell("2013-01-11", Column("d", "date")) == date(2013, 1, 11)
    assert parse_cell("-0.04", Column("lon", "number")) == -0.04
    assert parse_cell("https://en.wikipedia.org/wiki/Mali_(2012)?a=1&b=%27#x",
                      Column("u", "url")).startswith("https://")
    assert parse_cell("7", Column("n", "integer")) == 7
    assert parse_cell("2013", Column("p", "partial_date")) == "2013"


def test_split_ids_ignores_spaces_and_empty_parts() -> None:
    assert split_ids(" a ; ;b ") == ["a", "b"]


def test_missing_and_empty_files_are_named(tmp_path) -> None:
    with pytest.raises(DataError, match="file not found"):
        validate_file(tmp_path / "events.csv", "events")
    (tmp_path / "events.csv").write_text("", encoding="utf-8")
    with pytest.raises(DataError, match="events.csv, row 1: the file is empty"):
        validate_file(tmp_path / "events.csv", "events")


def test_a_table_changed_after_loading_is_checked_again(data_copy) -> None:
    """The checked table is kept for the file's bytes: an edit, even one that keeps the
    file's size, is read and checked afresh."""
    path = data_copy / "events.csv"
    first = data.load_events(data_dir=data_copy)
    first.loc[0, "title"] = "changed in memory"  # a copy: the next load is not affected
    assert data.load_events(data_dir=data_copy)["title"].iloc[0] != "changed in memory"
    text = path.read_text(encoding="utf-8")
    day = re.search(r"\d{4}-\d{2}-\d{2}", text.splitlines()[1])[0]
    path.write_text(text.replace(day, day[:8] + "32", 1), encoding="utf-8")
    with pytest.raises(DataError, match="row 2, column 'date'"):
        data.load_events(data_dir=data_copy)


def test_blank_lines_are_skipped_and_rows_keep_their_file_numbers(data_copy) -> None:
    path = data_copy / "places.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines[:2] + [""] + lines[2:]) + "\n", encoding="utf-8")
    frame = validate_file(path, "places")
    assert frame["_row"].tolist()[:2] == [2, 4]


def test_error_message_names_the_folder_and_file_not_an_absolute_path(data_copy) -> None:
    path = data_copy / "events.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",day,", ",daily,", 1),
                    encoding="utf-8")
    with pytest.raises(DataError) as raised:
        validate_file(path, "events")
    assert str(raised.value).startswith("data/events.csv, row 3, column 'date_precision'")
    assert raised.value.row == 3 and raised.value.column == "date_precision"


# Lesson 5's reading tables load, and a typo names the file, row and column.

def test_both_tables_load() -> None:
    assert {"number", "date", "text"} >= set(load_claim_keys()["kind"])
    assert set(load_claim_stances()["stance"]) == {"contradicts"}


def _break(data_copy: Path, name: str, old: str, new: str) -> None:
    path = data_copy / "lesson05" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_misspelt_kind_is_located(data_copy: Path) -> None:
    _break(data_copy, "claim_keys.csv", ",number,2150,", ",numbre,2150,")
    with pytest.raises(DataError, match=r"claim_keys.csv, row \d+, column 'kind': expected one of"):
        load_claim_keys(data_dir=data_copy)


def test_a_bad_baseline_figure_is_located(data_copy: Path) -> None:
    _break(data_copy, "claim_keys.csv", ",number,2150,", ",number,2 150,")
    with pytest.raises(DataError, match="column 'baseline_value': expected a number"):
        load_claim_keys(data_dir=data_copy)


def test_a_misspelt_stance_is_located(data_copy: Path) -> None:
    _break(data_copy, "claim_stances.csv", ",contradicts,", ",contradict,")
    with pytest.raises(DataError, match=r"claim_stances.csv, row 2, column 'stance'"):
        load_claim_stances(data_dir=data_copy)


# Damage a spreadsheet or an editor can do to a file is named, never silent.

def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_stray_quote_is_an_error_not_a_merged_row(data_copy: Path) -> None:
    _replace(data_copy / "events.csv", ",France launches Operation Serval,",
             ',"France launches Operation Serval,')
    with pytest.raises(DataError, match=r"^data/events.csv, row 4: unbalanced quote"):
        data.load_events(data_dir=data_copy)


def test_a_quote_left_open_to_the_end_of_the_file_is_located(data_copy: Path) -> None:
    path = data_copy / "labels.csv"
    path.write_text(path.read_text(encoding="utf-8") + 'seed-passblue-2013,"rebels,1,\n',
                    encoding="utf-8")
    rows = len(path.read_text(encoding="utf-8").splitlines())
    with pytest.raises(DataError, match=rf"labels.csv, row {rows}: unbalanced quote"):
        data.load_labels(data_dir=data_copy)


def test_a_holder_must_be_a_side_that_can_hold_a_town(data_copy: Path) -> None:
    path = data_copy / "control.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    place, day, _, rest = lines[1].split(",", 3)
    path.write_text("\n".join([*lines, f"{place},2014-01-01,minusma,{rest}"]) + "\n",
                    encoding="utf-8")
    with pytest.raises(DataError, match=rf"row {len(lines) + 1}, column 'holder': 'minusma' "
                                        r"is a mission in actors.csv"):
        data.load_control(data_dir=data_copy)


def test_a_claim_value_must_be_a_number_or_a_date_as_its_unit_says(data_copy: Path) -> None:
    _replace(data_copy / "claims.csv", ",2013-01-11,date,", ",11 Jan 2013,date,")
    with pytest.raises(DataError, match=r"claims.csv, row \d+, column 'value': expected an ISO"):
        data.load_claims(data_dir=data_copy)


@pytest.mark.parametrize(("name", "old", "new", "message"), [
    ("claim_keys.csv", "\ndistance-bamako-diabaly,", "\ndistance-bamako-diabali,",
     "'distance-bamako-diabali' is not a claim_key in claims.csv"),
    ("claim_keys.csv", "official-elysee-20130112-statement;", "official-elysee-2013;",
     "'official-elysee-2013' is not a source_id in sources.csv"),
    ("claim_stances.csv", "cl-thinkprogress-02,", "cl-thinkprogress-99,",
     "'cl-thinkprogress-99' is not a claim_id in claims.csv"),
])
def test_lesson05_references_are_checked(data_copy: Path, name, old, new, message) -> None:
    _break(data_copy, name, old, new)
    with pytest.raises(DataError, match=message):
        load_table(name.removesuffix(".csv"), data_dir=data_copy)


@pytest.mark.parametrize(("encoding", "message"), [
    ("latin-1", "not UTF-8 .byte 0x[0-9a-f]{2} looks like Latin-1 or Windows-1252"),
    ("cp1252", "not UTF-8 .byte 0x[0-9a-f]{2} looks like Latin-1 or Windows-1252"),
    ("utf-16", "looks like UTF-16"),
    ("utf-16-le", "looks like UTF-16"),
    ("utf-8-sig", "byte-order mark"),
])
def test_a_file_saved_in_another_encoding_says_so(data_copy: Path, encoding, message) -> None:
    path = data_copy / "places.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode(encoding, errors="replace"))
    with pytest.raises(DataError, match=rf"^data/places.csv, row \d+: .*{message}"):
        load_places(data_dir=data_copy)
