"""Notebook 02 in a real JupyterLab: it runs clean, and moving the date slider redraws the
control map and the list of that week's events."""

from __future__ import annotations

from lab import cell_errors, open_notebook, run_all_cells, wait_for_text
from playwright.sync_api import expect


def test_rebel_advance_runs_and_slider_redraws_map_and_events(page, lab_server):
    open_notebook(page, lab_server, "notebooks/02-rebel-advance.ipynb")
    run_all_cells(page)
    assert cell_errors(page) == []

    panel = page.locator(".control-events")
    image = page.locator("img.control-map")
    wait_for_text(panel, "Events from 1 Jan 2012")
    first_map = image.get_attribute("src")

    handle = page.locator(".control-slider .noUi-handle")
    handle.focus()
    handle.press("End")
    wait_for_text(panel, "28 Feb 2013")
    expect(image).not_to_have_attribute("src", first_map)

    # The steps are weekly from 1 Jan 2012, and the last one is 28 Feb 2013: the week of
    # 6 January 2013 is step 53 of 0-61, eight steps back from the end. Every key press
    # redraws the map, so the test walks there from the nearer end.
    for _ in range(9):
        handle.press("ArrowLeft")
    handle.press("ArrowRight")
    wait_for_text(panel, "Islamists seize Konna")
    wait_for_text(panel, "On 6 January 2013")

    handle.press("Home")
    wait_for_text(panel, "Events from 1 Jan 2012")
