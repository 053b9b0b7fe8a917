"""Notebook 00 in a real JupyterLab: it runs clean and its place explorer responds."""

from __future__ import annotations

from lab import cell_errors, open_notebook, run_all_cells, wait_for_text


def test_start_notebook_runs_and_place_explorer_responds(page, lab_server):
    open_notebook(page, lab_server, "notebooks/00-start-here.ipynb")
    run_all_cells(page)
    assert cell_errors(page) == []

    panel = page.locator(".place-explorer-panel")
    wait_for_text(panel, "Choose a place")
    page.locator(".place-explorer-picker select").select_option(label="Gao")
    wait_for_text(panel, "947 km north-east of Bamako")
    page.locator(".place-explorer-picker select").select_option(label="Konna")
    wait_for_text(panel, "France launches Operation Serval")
