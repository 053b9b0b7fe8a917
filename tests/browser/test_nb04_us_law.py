"""Notebook 04 in a real JupyterLab: it runs clean and its authority explorer responds."""

from __future__ import annotations

from lab import cell_errors, open_notebook, run_all_cells, wait_for_text


def test_us_law_notebook_runs_and_authority_explorer_responds(page, lab_server):
    open_notebook(page, lab_server, "notebooks/04-us-law.ipynb")
    run_all_cells(page)
    assert cell_errors(page) == []

    panel = page.locator(".us-law-panel")
    wait_for_text(panel, "Choose an action")
    page.locator(".us-law-action select").select_option(label="training")
    page.locator(".us-law-recipient select").select_option(label="mali army")
    wait_for_text(panel, "BARRED")
    wait_for_text(panel, "sec7008-fy2013-cr")
    wait_for_text(panel, "Sources: ")  # each reason cites its row of data/us_rules.csv

    date_box = page.locator(".us-law-date input")
    date_box.fill("2013-10-01")
    date_box.press("Enter")
    wait_for_text(panel, "ALLOWED WITH CONDITIONS")
    wait_for_text(panel, "[policy]")

    date_box.fill("next week")
    date_box.press("Enter")
    wait_for_text(panel, "Cannot judge that")
