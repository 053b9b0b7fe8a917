"""Notebook 01 in a real JupyterLab: it runs clean and its timeline explorer responds."""

from __future__ import annotations

from lab import cell_errors, open_notebook, run_all_cells, wait_for_text
from playwright.sync_api import expect

EXPLORER = ".timeline-explorer-{}"


def test_coup_notebook_runs_and_timeline_explorer_filters_and_cites(page, lab_server):
    open_notebook(page, lab_server, "notebooks/01-the-coup.ipynb")
    run_all_cells(page)
    assert cell_errors(page) == []

    summary = page.locator(EXPLORER.format("summary"))
    detail = page.locator(EXPLORER.format("detail"))
    events = page.locator(EXPLORER.format("events") + " select")
    wait_for_text(detail, "Pick an event")

    page.locator(EXPLORER.format("categories") + " select").select_option(label="coup")
    wait_for_text(summary, "coup.")
    page.locator(EXPLORER.format("actor") + " select").select_option(label="Red Berets")
    wait_for_text(summary, "1 event from 30 Apr 2012 to 30 Apr 2012: 1 coup.")
    expect(events.locator("option")).to_have_count(1)

    events.select_option(label="30 Apr 2012 · Red Berets' counter-coup fails")
    wait_for_text(detail, "Red Berets' counter-coup fails")
    citations = page.locator(EXPLORER.format("detail") + " .event-citations li")
    expect(citations).to_have_count(2)
    wait_for_text(citations.nth(1), "ECOWAS leaders agree new measures")
