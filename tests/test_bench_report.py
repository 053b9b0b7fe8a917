"""The benchmark's pure parts, on tiny inputs: statistics, budgets, closure, report."""

from __future__ import annotations

import doctest

import bench_report
import pytest
from bench_report import (
    NOTEBOOK_MARGIN_S,
    Row,
    dependency_closure,
    limit_row,
    median_ms,
    notebook_row,
    render_markdown,
    replace_block,
    requirement_names,
    time_calls,
    widget_modules,
)


def test_doctests() -> None:
    assert doctest.testmod(bench_report).failed == 0


def test_median_of_an_even_count_and_of_nothing() -> None:
    assert median_ms([0.010, 0.020, 0.030, 0.040]) == pytest.approx(25.0)
    with pytest.raises(ValueError, match="no samples"):
        median_ms([])


def test_time_calls_calls_the_update_each_time() -> None:
    calls = []
    ticks = iter(range(10))
    durations = time_calls(lambda: calls.append(1), repeat=3, clock=lambda: next(ticks))
    assert durations == [1, 1, 1] and len(calls) == 3


def test_notebook_budget_boundary() -> None:
    assert notebook_row("a", seconds=2.0 + NOTEBOOK_MARGIN_S, floor_s=2.0).ok is True
    late = notebook_row("a", seconds=2.01 + NOTEBOOK_MARGIN_S, floor_s=2.0)
    assert late.ok is False and "floor + 1.51 s" in late.measured


def test_limit_is_strict() -> None:
    assert limit_row("m", 200.0, limit=200.0, unit="MiB").ok is False


def test_requirement_names_skip_comments_options_and_blank_lines() -> None:
    text = "\n# c\n-r other.txt\n--no-deps\nipywidgets==8.1.9  # widgets\nNumPy~=2.0\n"
    assert requirement_names(text) == ["ipywidgets", "NumPy"]


def test_closure_handles_cycles_and_normalises_names() -> None:
    deps = {"jupyter-core": ["Platform_Dirs"], "platform-dirs": ["jupyter_core"]}
    assert dependency_closure(["Jupyter.Core"], lambda n: deps[n]) == {
        "jupyter-core", "platform-dirs"}


def test_widget_modules_finds_ipywidgets_imports_only(tmp_path) -> None:
    (tmp_path / "a.py").write_text("import ipywidgets as widgets\n")
    (tmp_path / "b.py").write_text("from ipywidgets import Dropdown\n")
    (tmp_path / "c.py").write_text('"""Mentions ipywidgets in prose only."""\nimport pandas\n')
    assert widget_modules(tmp_path) == ["helpers.a", "helpers.b"]


def test_report_names_what_is_over_budget() -> None:
    rows = [Row("fast", "1 ms", "< 50 ms", True), Row("slow", "90 ms", "< 50 ms", False),
            Row("info", "3", "(no budget)", None)]
    text = render_markdown(rows, machine={"cpu": "x"}, notes=["a note"])
    assert "**1 over budget**: slow" in text
    assert "| info | 3 | (no budget) | (no budget) |" in text
    assert "Every budget is met." not in text


def test_replace_block_keeps_the_rest_and_needs_both_markers() -> None:
    doc = "top\n<!-- bench:x start -->\nold\nold\n<!-- bench:x end -->\nbottom\n"
    assert replace_block(doc, "x", "\nnew\n") == (
        "top\n<!-- bench:x start -->\nnew\n<!-- bench:x end -->\nbottom\n")
    with pytest.raises(ValueError, match="bench:y start"):
        replace_block(doc, "y", "new")
    with pytest.raises(ValueError, match="in that order"):
        replace_block("<!-- bench:x end --> <!-- bench:x start -->", "x", "new")


def test_the_docs_have_the_blocks_make_bench_and_make_hub_test_fill() -> None:
    """``make bench`` fills CONTRIBUTING.md's table, ``make hub-test`` the README's hub block."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    for doc, name in (("CONTRIBUTING.md", "table"), ("README.md", "hub")):
        text = (root / doc).read_text(encoding="utf-8")
        assert replace_block(text, name, "x") != text, f"{doc} lost its bench:{name} block"


def test_make_bench_keeps_the_hub_section() -> None:
    from bench_report import block, set_block

    old = set_block(render_markdown([], machine={}, notes=[]), "hub", "## Hub\n\n| a | b |")
    new = render_markdown([Row("x", "1 s", "< 2 s", True)], machine={}, notes=["n"])
    kept = set_block(new, "hub", block(old, "hub"))
    assert kept.startswith(new.rstrip()) and block(kept, "hub") == "## Hub\n\n| a | b |"
