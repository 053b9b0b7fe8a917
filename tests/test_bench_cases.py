"""Every registered benchmark case sets up and makes an update; every widget has a case."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import bench_cases
import pytest
from bench_cases import BENCH_CASES
from bench_report import widget_modules

HELPERS = Path(__file__).resolve().parents[1] / "helpers"


def test_doctests() -> None:
    assert doctest.testmod(bench_cases).failed == 0


@pytest.mark.parametrize("case", BENCH_CASES, ids=lambda c: c.name)
def test_case_updates_and_names_a_real_widget_module(case) -> None:
    importlib.import_module(case.widget_module)
    update = case.setup()
    assert update() is not None
    assert update() is not None  # a second update (the next input) works too


def test_case_names_are_unique() -> None:
    names = [case.name for case in BENCH_CASES]
    assert len(names) == len(set(names))


def test_every_widget_module_has_a_case() -> None:
    covered = {case.widget_module for case in BENCH_CASES}
    missing = [m for m in widget_modules(HELPERS) if m not in covered]
    assert not missing, f"add a BenchCase to scripts/bench_cases.py for {missing}"
