"""The schema and the data dictionary (data/README.md) describe the same columns."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers.schema import TABLES, id_column

README = Path(__file__).resolve().parents[1] / "data" / "README.md"


def documented_columns(table: str) -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split(f"## {table}.csv", 1)[1].split("\n## ", 1)[0]
    return [name for cell in re.findall(r"^\| (`[^|]+`) \|", section, flags=re.M)
            for name in re.findall(r"`([a-z_]+)`", cell)]


@pytest.mark.parametrize("table", sorted(TABLES))
def test_data_dictionary_documents_every_column_in_order(table: str) -> None:
    assert documented_columns(table) == [column.name for column in TABLES[table]]


def test_id_column_of_a_table_without_one_is_an_error() -> None:
    with pytest.raises(KeyError, match="control"):
        id_column("control")
