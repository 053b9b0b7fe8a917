"""Smoke tests for the browser harness: it runs widgets and it notices failures."""

from __future__ import annotations

import re

from lab import OUTPUTS, cell_errors, open_notebook, run_all_cells, wait_for_text, write_notebook

STDOUT = f'{OUTPUTS}[data-mime-type="application/vnd.jupyter.stdout"]'

WIDGET_CELL = """\
import ipywidgets as widgets

choice = widgets.Dropdown(options=["a", "b"], value="a")
result = widgets.Label(value="chosen: a")
result.add_class("smoke-result")
choice.add_class("smoke-choice")

def show_choice(change):
    result.value = f"chosen: {change['new']}"

choice.observe(show_choice, names="value")
widgets.VBox([choice, result])"""


def test_widget_round_trip(page, lab_server):
    name = write_notebook(
        lab_server.root,
        "smoke_widgets.ipynb",
        [
            ("markdown", "# Harness smoke test"),
            ("code", "print(2 + 2)"),
            ("code", WIDGET_CELL),
        ],
    )
    open_notebook(page, lab_server, name)
    run_all_cells(page)

    assert cell_errors(page) == []
    wait_for_text(page.locator(STDOUT), re.compile(r"^4\s*$"))
    result = page.locator(".smoke-result")
    wait_for_text(result, "chosen: a")
    page.locator(".smoke-choice select").select_option("b")
    wait_for_text(result, "chosen: b")


def test_harness_detects_error(page, lab_server):
    name = write_notebook(
        lab_server.root,
        "smoke_error.ipynb",
        [("code", "print('before')"), ("code", "1 / 0"), ("code", "print('never runs')")],
    )
    open_notebook(page, lab_server, name)
    run_all_cells(page)

    errors = cell_errors(page)
    assert len(errors) == 1
    assert "ZeroDivisionError" in errors[0]


def test_harness_detects_broken_widget(page, lab_server):
    broken_view = (
        "display({'application/vnd.jupyter.widget-view+json':"
        " {'model_id': 'no-such-model', 'version_major': 2, 'version_minor': 0},"
        " 'text/plain': 'a widget'}, raw=True)"
    )
    name = write_notebook(lab_server.root, "smoke_broken_widget.ipynb", [("code", broken_view)])
    open_notebook(page, lab_server, name)
    run_all_cells(page)

    errors = cell_errors(page)
    assert len(errors) == 1
    assert "Error displaying widget" in errors[0]
