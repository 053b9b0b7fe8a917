"""Lesson 5 in a real browser: the source explorer picks two sources, opens a matrix cell and
changes the figure."""

from __future__ import annotations

import re

from lab import cell_errors, open_notebook, run_all_cells, wait_for_text
from playwright.sync_api import expect

from helpers import load_sources
from helpers.comparing_sources import _source_label

NOTEBOOK = "notebooks/05-comparing-sources.ipynb"
WIDGET = ".jp-NotebookPanel:not(.lm-mod-hidden)"


def test_source_explorer_picks_two_sources_and_opens_a_matrix_cell(page, lab_server):
    open_notebook(page, lab_server, NOTEBOOK)
    run_all_cells(page)
    assert cell_errors(page) == []

    compare = page.locator(f"{WIDGET} .lesson5-compare")
    wait_for_text(compare, "Pick two sources")
    page.locator(f"{WIDGET} .lesson5-source-a select").select_option(label="France 24, 2013-01-18")
    page.locator(f"{WIDGET} .lesson5-source-b select").select_option(label="PassBlue, 2013-01-11")
    wait_for_text(compare, "7 days after 11 January 2013")
    wait_for_text(compare, "the same day as the events")
    wait_for_text(compare, "answered by both")

    matrix = page.locator(f"{WIDGET} .lesson5-matrix")
    row = matrix.locator("tr").filter(has_text="konna-retaken")
    cell = row.locator("td.cm-contradicts")
    expect(cell).to_have_count(1)
    claim = cell.locator(".cm-claim")
    expect(claim).to_be_hidden()
    cell.locator("summary").click()
    expect(claim).to_be_visible()
    wait_for_text(claim, "already retaken Konna")
    wait_for_text(cell.locator(".cm-cite"), "seed-passblue-2013")

    chart = page.locator(f"{WIDGET} .lesson5-discrepancy")
    page.locator(f"{WIDGET} .lesson5-figure select").select_option("distance-bamako-diabaly")
    wait_for_text(chart, "How far is Diabaly from Bamako?")
    wait_for_text(chart, re.compile(r"They range from [\d,]+ to [\d,]+ km"))
    expect(chart.locator("img")).to_have_count(1)

    sources = load_sources()
    seeds = sources.query("seed_file != ''")
    labels = [_source_label(sources, sid) for sid in seeds["source_id"]]
    for index, (label, publisher) in enumerate(zip(labels, seeds["publisher"], strict=True)):
        other = labels[(index + 1) % len(labels)]
        page.locator(f"{WIDGET} .lesson5-source-a select").select_option(label="Choose a source…")
        wait_for_text(compare, "Pick two sources")
        page.locator(f"{WIDGET} .lesson5-source-a select").select_option(label=label)
        page.locator(f"{WIDGET} .lesson5-source-b select").select_option(label=other)
        wait_for_text(compare, publisher)
        wait_for_text(compare, "answered by both")
