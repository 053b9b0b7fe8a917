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

import math
from pathlib import Path

import pandas as pd

from helpers.paths import data_dir as default_data_dir
from helpers.schema import Column
from helpers.validate import ISO_DATE, DataError, parse_cell, read_rows

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
        >>> keys.loc["distance-bamako-diabaly", "kind"]
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


def infer_kind(values: list[str]) -> str:
    """Return ``date``, ``number`` or ``text`` for the values a key's claims carry.

    Example:
        >>> infer_kind(["400", "515"]), infer_kind(["2013-01-10"]), infer_kind([])
        ('number', 'date', 'text')
    """
    given = [str(v) for v in values if str(v)]
    if not given:
        return "text"
    if all(ISO_DATE.match(v) for v in given):
        return "date"
    try:
        [float(v) for v in given]
    except ValueError:
        return "text"
    return "number"


def shared_value(values: list[str], kind: str, *, rel_tol: float = 0.02) -> str:
    """Return the figure or date that most sources give, if at least two give it; else "".

    Example:
        >>> shared_value(["400", "404", "515"], "number")
        '400'
        >>> shared_value(["400", "515"], "number")
        ''
    """
    def same(a: str, b: str) -> bool:
        return a == b if kind == "date" else math.isclose(float(a), float(b), rel_tol=rel_tol)
    support = {v: sum(same(v, other) for other in values) for v in values}
    best = max(support, key=support.get, default="")
    return best if best and support[best] >= 2 else ""


def complete_readings(keys: pd.DataFrame, claims: pd.DataFrame, *,
                      rel_tol: float = 0.02) -> pd.DataFrame:
    """Add a derived reading for every figure or date key that ``keys`` does not read.

    Other lessons may add claims whose keys this lesson has not read. A key whose claims
    carry figures or dates gets its kind from them and, as baseline, the value that most
    sources share (none when no two agree). Text keys are not guessed: they stay out.

    Example:
        >>> keys = pd.DataFrame(columns=["claim_key", "question", "kind", "baseline_value"])
        >>> claims = pd.DataFrame({"claim_key": ["d", "d", "d"], "source_id": ["a", "b", "c"],
        ...                        "value": ["400", "404", "515"]})
        >>> complete_readings(keys, claims).iloc[0][["kind", "baseline_value"]].tolist()
        ['number', '400']
    """
    extra = []
    for key, group in claims[~claims["claim_key"].isin(keys["claim_key"])].groupby("claim_key"):
        values = [str(v) for v in group.drop_duplicates("source_id")["value"] if str(v)]
        kind = infer_kind(values)
        if kind != "text":
            extra.append({"claim_key": key, "question": key.replace("-", " ").capitalize() + "?",
                          "kind": kind, "baseline_value": shared_value(values, kind,
                                                                       rel_tol=rel_tol),
                          "baseline": "", "source_ids": ""})
    return pd.concat([keys, pd.DataFrame(extra, columns=keys.columns)], ignore_index=True)
