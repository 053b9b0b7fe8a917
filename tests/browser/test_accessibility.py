"""axe-core on the reader edition and in JupyterLab; the place explorer by keyboard alone.

A page fails on any serious or critical violation, and on any violation of the rules in
``axe.REQUIRED_RULES`` (image-alt, contrast, table headers, labels...). Minor best-practice
findings are printed, not failed.
"""

from __future__ import annotations

import pytest
from axe import (
    KNOWN_DEFECTS,
    blocking_violations,
    is_upstream,
    known_defects_found,
    other_violations,
    run_axe,
)
from conftest import REPO_ROOT
from lab import NOTEBOOK, open_notebook, run_all_cells, wait_for_text
from playwright.sync_api import expect
from reader import open_offline, wait_for_widgets

PAGES = ["index", *sorted(p.stem for p in (REPO_ROOT / "notebooks").glob("*.ipynb"))]
# Our content inside JupyterLab: rendered Markdown and cell outputs (not Lab's own chrome).
LAB_CONTENT = [f"{NOTEBOOK} .jp-RenderedMarkdown", f"{NOTEBOOK} .jp-OutputArea-output"]


FOUND_DEFECTS: set[str] = set()
CHECKED_PAGES: set[str] = set()  # reader pages whose known defects are in FOUND_DEFECTS


@pytest.mark.parametrize("stem", PAGES)
def test_reader_page_passes_axe(page, reader_site, axe_js, stem):
    open_offline(page, reader_site / f"{stem}.html")
    if stem != "index":
        wait_for_widgets(page)
    results = run_axe(page, axe_js)
    FOUND_DEFECTS.update(known_defects_found(results))
    CHECKED_PAGES.add(stem)
    print(f"{stem}: not failing: {other_violations(results)}")
    assert blocking_violations(results) == []
    if page.locator("img").count():
        assert "image-alt" in {rule["id"] for rule in results["passes"]}


def test_listed_defects_still_occur(page, reader_site, axe_js):
    """Each KNOWN_DEFECTS entry must still be found, so a fix forces its removal."""
    for stem in PAGES[1:]:
        if stem not in CHECKED_PAGES:  # not checked by its own test in this run: check it here
            open_offline(page, reader_site / f"{stem}.html")
            wait_for_widgets(page)
            FOUND_DEFECTS.update(known_defects_found(run_axe(page, axe_js)))
            CHECKED_PAGES.add(stem)
    for _, fragment, why in KNOWN_DEFECTS:
        assert fragment in FOUND_DEFECTS, f"fixed? remove it from KNOWN_DEFECTS: {why}"
        print(f"OPEN DEFECT ({fragment}): {why}")


def test_only_exact_ipywidgets_internals_are_excused():
    slider = '<div class="noUi-handle noUi-handle-lower" role="slider" tabindex="0">'
    play = '<button class="jupyter-button"><i class="fa fa-play"></i></button>'
    ours = '<button class="jupyter-button"><i class="fa fa-check"></i></button>'
    assert is_upstream("aria-input-field-name", slider) and is_upstream("button-name", play)
    assert not is_upstream("button-name", ours)
    assert not is_upstream("image-alt", slider)
    results = {"violations": [
        {"id": "button-name", "impact": "critical", "help": "h",
         "nodes": [{"html": play, "target": ["b1"]}, {"html": ours, "target": ["b2"]}]}]}
    assert blocking_violations(results) == ["button-name (critical, 1 nodes): h -> ['b2']"]


def test_axe_check_fails_on_a_chart_without_alt_text(page, reader_site, axe_js):
    open_offline(page, reader_site / "00-start-here.html")
    wait_for_widgets(page)
    page.locator("figure img").first.evaluate("img => img.removeAttribute('alt')")
    assert any(line.startswith("image-alt") for line in blocking_violations(run_axe(page, axe_js)))


def test_start_notebook_content_in_jupyterlab_passes_axe(page, lab_server, axe_js):
    open_notebook(page, lab_server, "notebooks/00-start-here.ipynb")
    run_all_cells(page)
    wait_for_text(page.locator(".place-explorer-panel"), "Choose a place")
    results = run_axe(page, axe_js, include=LAB_CONTENT)
    print(f"lab 00: not failing: {other_violations(results)}")
    assert blocking_violations(results) == []
    assert "image-alt" in {rule["id"] for rule in results["passes"]}


def choose_next_with_keyboard(page) -> None:
    """Open the focused dropdown's list with Space, move down one with ArrowDown, pick with Enter.

    Arrow keys on a *closed* dropdown do not work in JupyterLab: its command-mode shortcuts
    (select the cell below/above) take them first, because a ``<select>`` is not an editable
    element (jupyter-widgets/ipywidgets#3912, open). The open list is the browser's own, so
    the arrow keys reach it. Notebook 00 tells keyboard users this sequence.
    """
    for key in ("Space", "ArrowDown", "Enter"):
        page.keyboard.press(key)
        page.wait_for_timeout(150)  # the browser's list opens and closes between keys


def test_place_explorer_works_with_the_keyboard_alone(page, lab_server):
    open_notebook(page, lab_server, "notebooks/00-start-here.ipynb")
    run_all_cells(page)
    panel = page.locator(".place-explorer-panel")
    wait_for_text(panel, "Choose a place")
    picker = page.get_by_role("combobox", name="Place:")  # found by its label, as a reader would
    assert picker.evaluate("el => el.tabIndex") >= 0, "the dropdown is not in the tab order"
    picker.focus()
    assert picker.evaluate("el => el === document.activeElement")
    before = picker.input_value()
    for _ in range(2):
        choose_next_with_keyboard(page)
        expect(picker).not_to_have_value(before)
        before = picker.input_value()
        wait_for_text(panel, before)
        wait_for_text(panel, "°N")
