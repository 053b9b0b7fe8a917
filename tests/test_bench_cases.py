"""Every registered benchmark case sets up and makes an update; every widget has a case."""

from __future__ import annotations

import dataclasses
import doctest
import importlib
from collections.abc import Iterator, Mapping
from pathlib import Path

import bench_cases
import pytest
from bench_cases import BENCH_CASES
from bench_report import widget_modules

HELPERS = Path(__file__).resolve().parents[1] / "helpers"


def _leaves(result: object) -> Iterator[str | bytes]:
    """The text and bytes inside an update's result, however it is nested."""
    if isinstance(result, (str, bytes)):
        yield result
    elif isinstance(result, Mapping):
        for value in result.values():
            yield from _leaves(value)
    elif isinstance(result, (list, tuple)):
        for item in result:
            yield from _leaves(item)
    elif dataclasses.is_dataclass(result):
        for field in dataclasses.fields(result):
            yield from _leaves(getattr(result, field.name))
    elif hasattr(result, "__dict__"):
        yield from _leaves(vars(result))


def _content(result: object) -> int:
    return sum(len(leaf) for leaf in _leaves(result))


def test_content_counts_only_what_a_student_would_see() -> None:
    assert _content("") == 0 and _content(None) == 0 and _content(("", b"")) == 0
    assert _content({"html": "<p>Gao</p>"}) == 10


def test_doctests() -> None:
    assert doctest.testmod(bench_cases).failed == 0


@pytest.mark.parametrize("case", BENCH_CASES, ids=lambda c: c.name)
def test_case_updates_and_names_a_real_widget_module(case) -> None:
    importlib.import_module(case.widget_module)
    update = case.setup()
    first, second = update(), update()  # the second is the next input
    assert _content(first) > 20 and _content(second) > 20, "an update showed nothing"


def test_case_names_are_unique() -> None:
    names = [case.name for case in BENCH_CASES]
    assert len(names) == len(set(names))


def test_every_widget_module_has_a_case() -> None:
    covered = {case.widget_module for case in BENCH_CASES}
    missing = [m for m in widget_modules(HELPERS) if m not in covered]
    assert not missing, f"add a BenchCase to scripts/bench_cases.py for {missing}"
