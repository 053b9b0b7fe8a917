"""Lesson 5's readings of the claims: the question behind each ``claim_key``, the
best-corroborated answer to it, and the stance of claims that can't be compared by value.

These two small tables live in ``data/lesson05/`` because they are the lesson's
judgement about the sources, not facts the sources state:

``claim_keys.csv``: ``claim_key``, ``question``, ``kind`` (``number``, ``date`` or
``text``), ``baseline_value`` (the best-corroborated figure or date), ``baseline`` (that
reading in words) and ``source_ids`` (the sources it rests on).

``claim_stances.csv``: ``claim_id``, ``stance`` (``agrees`` or ``contradicts``), ``note``.
A text claim not listed here agrees with its key's baseline.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.paths import data_dir as default_data_dir
from helpers.schema import Column
from helpers.validate import DataError, parse_cell, read_rows

KEY_KINDS = ("number", "date", "text")
STANCES = ("agrees", "contradicts")

KEY_COLUMNS = (
    Column("claim_key", "slug"), Column("question", "text"),
    Column("kind", "category", allowed=KEY_KINDS), Column("baseline_value", "text", required=False),
    Column("baseline", "text", required=False), Column("source_ids", "refs"),
)
STANCE_COLUMNS = (
    Column("claim_id", "id"), Column("stance", "category", allowed=STANCES),
    Column("note", "text", required=False),
)


def readings_dir(*, data_dir: Path | None = None) -> Path:
    """Return the folder of lesson 5's reading tables.

    Example:
        >>> readings_dir().name
        'lesson05'
    """
    return Path(data_dir or default_data_dir()) / "lesson05"


def _read(path: Path, columns: tuple[Column, ...]) -> pd.DataFrame:
    records = read_rows(path, columns)
    seen: dict[str, int] = {}
    for record in records:
        for column in columns:
            value = record[column.name]
            if value == "" and column.required:
                raise DataError(path, record["_row"], column.name, "a value is required here")
            if value:
                try:
                    parse_cell(value, column)
                except ValueError as err:
                    raise DataError(path, record["_row"], column.name, str(err)) from None
        first = record[columns[0].name]
        if first in seen:
            raise DataError(path, record["_row"], columns[0].name,
                            f"{first!r} is already used in row {seen[first]}")
        seen[first] = record["_row"]
    return pd.DataFrame.from_records(records, columns=[c.name for c in columns] + ["_row"])


def _check_baseline(path: Path, keys: pd.DataFrame) -> None:
    for _, key in keys.iterrows():
        value, kind = key["baseline_value"], key["kind"]
        if not value:
            continue
        probe = Column("baseline_value", "number" if kind == "number" else "date")
        if kind == "text":
            raise DataError(path, int(key["_row"]), "baseline_value",
                            "a text key has no baseline value; put the reading in 'baseline'")
        try:
            parse_cell(value, probe)
        except ValueError as err:
            raise DataError(path, int(key["_row"]), "baseline_value", str(err)) from None


def load_claim_keys(*, data_dir: Path | None = None) -> pd.DataFrame:
    """Load the question, kind and baseline reading of every ``claim_key``.

    Example:
        >>> keys = load_claim_keys().set_index("claim_key")
        >>> keys.loc["distance-diabaly-bamako", "kind"]
        'number'
    """
    path = readings_dir(data_dir=data_dir) / "claim_keys.csv"
    keys = _read(path, KEY_COLUMNS)
    _check_baseline(path, keys)
    return keys


def load_claim_stances(*, data_dir: Path | None = None) -> pd.DataFrame:
    """Load the stance of the text claims that contradict their key's baseline.

    Example:
        >>> set(load_claim_stances()["stance"]) <= {"agrees", "contradicts"}
        True
    """
    return _read(readings_dir(data_dir=data_dir) / "claim_stances.csv", STANCE_COLUMNS)
