"""Read a CSV table and check every cell against its schema, with messages a person can act on."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pandas as pd

from helpers.schema import TABLES, Column

SLUG = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class DataError(ValueError):
    """A problem in a data file, located by file, row and column.

    Rows are numbered as a spreadsheet shows them: the header is row 1.

    Example:
        >>> str(DataError("data/x.csv", 3, "date", "expected a date, found 'soon'"))
        "data/x.csv, row 3, column 'date': expected a date, found 'soon'"
    """

    def __init__(self, path: str | Path, row: int | None, column: str | None, problem: str):
        shown = Path(path)
        self.path = str(Path(shown.parent.name) / shown.name) if shown.is_absolute() else str(path)
        self.row, self.column, self.problem = row, column, problem
        where = [self.path]
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column {column!r}")
        super().__init__(f"{', '.join(where)}: {problem}")


def split_ids(cell: str) -> list[str]:
    """Split a ``;``-separated cell into its identifiers.

    Example:
        >>> split_ids("news-bbc-20120322; seed-passblue-2013")
        ['news-bbc-20120322', 'seed-passblue-2013']
        >>> split_ids("")
        []
    """
    return [part.strip() for part in str(cell).split(";") if part.strip()]


def read_rows(path: Path, columns: tuple[Column, ...]) -> list[dict[str, str]]:
    """Read a CSV file as dictionaries, checking the header and each row's length."""
    if not path.exists():
        raise DataError(path, None, None, "file not found")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    if not rows:
        raise DataError(path, 1, None, "the file is empty; expected a header row")
    header, expected = [name.strip() for name in rows[0]], [c.name for c in columns]
    missing = [name for name in expected if name not in header]
    unknown = [name for name in header if name not in expected]
    if missing or unknown:
        raise DataError(path, 1, None, f"header mismatch: missing {missing}, unexpected {unknown}")
    records = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise DataError(
                path, number, None,
                f"expected {len(header)} fields, found {len(row)} (a stray or missing comma? "
                "quote any cell that contains a comma)",
            )
        cells = (cell.strip() for cell in row)
        records.append({"_row": number, **dict(zip(header, cells, strict=True))})
    return records


def parse_cell(value: str, column: Column) -> object:
    """Convert one cell to its Python value, or raise ``ValueError`` saying what was expected.

    Example:
        >>> parse_cell("16.27", Column("lat", "number", low=-90, high=90))
        16.27
        >>> parse_cell("2012-03-22", Column("date", "date"))
        datetime.date(2012, 3, 22)
    """
    kind = column.kind
    if kind in ("id", "slug", "ref") and not SLUG.match(value):
        raise ValueError(f"expected a lowercase identifier (a-z, 0-9, -, _), found {value!r}")
    if kind == "refs":
        bad = [part for part in split_ids(value) if not SLUG.match(part)]
        if bad:
            raise ValueError(f"expected identifiers separated by ';', found {bad[0]!r}")
    if kind == "category" and value not in column.allowed:
        raise ValueError(f"expected one of {', '.join(column.allowed)}; found {value!r}")
    if kind == "url" and not value.startswith(("http://", "https://")):
        raise ValueError(f"expected a URL starting with http:// or https://, found {value!r}")
    if kind == "partial_date" and not PARTIAL_DATE.match(value):
        raise ValueError(f"expected YYYY, YYYY-MM or YYYY-MM-DD, found {value!r}")
    if kind == "date":
        return _parse_date(value)
    if kind in ("number", "integer"):
        return _parse_number(value, column)
    return value


def _parse_date(value: str) -> date:
    try:
        if not ISO_DATE.match(value):
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"expected an ISO date YYYY-MM-DD, found {value!r}") from None


def _parse_number(value: str, column: Column) -> float | int:
    try:
        number = int(value) if column.kind == "integer" else float(value)
    except ValueError:
        what = "a whole number" if column.kind == "integer" else "a number (use . for decimals)"
        raise ValueError(f"expected {what}, found {value!r}") from None
    if column.low is not None and number < column.low:
        raise ValueError(f"expected a number >= {column.low:g}, found {value!r}")
    if column.high is not None and number > column.high:
        raise ValueError(f"expected a number <= {column.high:g}, found {value!r}")
    return number


def validate_file(path: Path, table: str) -> pd.DataFrame:
    """Read and check one table file; return it as a typed DataFrame.

    Dates become ``datetime64`` columns, numbers floats or integers, empty optional
    text cells empty strings. A ``_row`` column keeps each record's row in the file.

    Raises:
        DataError: naming the file, the row, the column and what was expected.
    """
    columns = TABLES[table]
    records = read_rows(path, columns)
    seen: dict[str, int] = {}
    for record in records:
        for column in columns:
            value = record[column.name]
            if value == "":
                if column.required:
                    raise DataError(path, record["_row"], column.name, "a value is required here")
                record[column.name] = None if column.kind in ("date", "number", "integer") else ""
                continue
            try:
                record[column.name] = parse_cell(value, column)
            except ValueError as err:
                raise DataError(path, record["_row"], column.name, str(err)) from None
            if column.kind == "id":
                if value in seen:
                    raise DataError(path, record["_row"], column.name,
                                    f"{value!r} is already used in row {seen[value]}")
                seen[value] = record["_row"]
    return _to_frame(records, columns)


def _to_frame(records: list[dict], columns: tuple[Column, ...]) -> pd.DataFrame:
    names = [column.name for column in columns]
    frame = pd.DataFrame.from_records(records, columns=names + ["_row"])
    for column in columns:
        if column.kind == "date":
            frame[column.name] = pd.to_datetime(frame[column.name])
        elif column.kind == "number":
            frame[column.name] = pd.to_numeric(frame[column.name]).astype(float)
        elif column.kind == "integer":
            frame[column.name] = pd.to_numeric(frame[column.name]).astype("Int64")
    return frame
