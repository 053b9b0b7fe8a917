"""Lesson 5's reading tables load, and a typo names the file, row and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.claim_readings import load_claim_keys, load_claim_stances
from helpers.validate import DataError


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
