"""Cell parsing and file checks give located, actionable messages."""

from __future__ import annotations

from datetime import date

import pytest

from helpers.schema import Column
from helpers.validate import DataError, parse_cell, split_ids, validate_file


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
])
def test_parse_cell_rejects_with_a_clear_message(value, column, message) -> None:
    with pytest.raises(ValueError, match=message):
        parse_cell(value, column)


def test_parse_cell_converts_values() -> None:
    assert parse_cell("2013-01-11", Column("d", "date")) == date(2013, 1, 11)
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
