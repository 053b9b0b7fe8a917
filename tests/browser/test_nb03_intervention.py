"""Notebook 03 in a real JupyterLab: it runs clean and its force explorer responds."""

from __future__ import annotations

from lab import cell_errors, open_notebook, run_all_cells, wait_for_text
from playwright.sync_api import expect


def test_intervention_notebook_runs_and_force_explorer_responds(page, lab_server):
    open_notebook(page, lab_server, "notebooks/03-intervention.ipynb")
    run_all_cells(page)
    assert cell_errors(page) == []

    table, chart = page.locator(".force-explorer-table"), page.locator("img.force-explorer-chart")
    wait_for_text(table, "French (Serval)")
    wait_for_text(table, "Defense News")
    expect(chart).to_be_visible()
    french_src = chart.get_attribute("src")

    page.locator(".force-explorer-force select").select_option(label="African (AFISMA)")
    wait_for_text(table, "ECOWAS")
    wait_for_text(table, "China Daily")
    expect(chart).not_to_have_attribute("src", french_src)

    page.locator(".force-explorer-contributor select").select_option(label="Nigeria")
    wait_for_text(table, "Nigeria")
    expect(table).not_to_contain_text("ECOWAS")

    page.locator(".force-explorer-kinds select").select_option([])
    wait_for_text(table, "choose at least one kind")
    expect(chart).to_be_hidden()
