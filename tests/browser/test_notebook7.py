"""Lesson 04 in the Notebook 7 interface (not JupyterLab): it runs clean and its widget responds.

Notebook 7 is what many hubs and Anaconda installs open by default. It shares JupyterLab's
notebook and widget code but not its shell: one document per tab, its own menu bar, and no
status bar, so the kernel's state is read from the toolbar's kernel indicator instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import LabServer, serve_jupyter
from lab import EXCEPTION_LINE, NOTEBOOK, TIMEOUT_MS, WIDGET_ERROR, wait_for_text
from playwright.sync_api import expect

LESSON = "notebooks/04-us-law.ipynb"


@pytest.fixture(scope="module")
def notebook_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LabServer]:
    """Start the Notebook 7 server (``jupyter notebook``) on a free loopback port."""
    yield from serve_jupyter("notebook", tmp_path_factory)


def run_all_in_notebook7(page) -> None:
    """Run every cell from Notebook 7's own Run menu and wait until no cell is pending."""
    page.locator("#jp-MainMenu .lm-MenuBar-itemLabel").get_by_text("Run", exact=True).click()
    page.locator(".lm-Menu .lm-Menu-itemLabel").get_by_text("Run All Cells", exact=True).click()
    prompts = f"{NOTEBOOK} .jp-CodeCell .jp-InputArea-prompt"
    page.wait_for_function(
        """(prompts) => {
            const texts = [...document.querySelectorAll(prompts)].map(p => p.textContent.trim());
            return texts.length > 0 && texts.every(t => /^\\[\\d+\\]:$/.test(t));
        }""", arg=prompts, polling=200, timeout=120_000)


def test_a_lesson_and_its_widget_work_in_notebook7(page, notebook_server: LabServer) -> None:
    assert Path(notebook_server.root, LESSON).is_file()
    url = f"{notebook_server.base_url}notebooks/{quote(LESSON)}?token={notebook_server.token}"
    page.goto(url)
    expect(page.locator(NOTEBOOK)).to_have_count(1, timeout=TIMEOUT_MS)
    expect(page.locator(".jp-LabShell")).to_have_count(0)  # this is not JupyterLab
    page.wait_for_function(
        """() => document.querySelector('.jp-Notebook-ExecutionIndicator')
                  ?.getAttribute('data-status') === 'idle'""", timeout=TIMEOUT_MS)
    run_all_in_notebook7(page)
    errors = page.locator(f'{NOTEBOOK} [data-mime-type="application/vnd.jupyter.stderr"]')
    assert [text for text in errors.all_inner_texts() if EXCEPTION_LINE.search(text)] == []
    expect(page.locator(NOTEBOOK).get_by_text(WIDGET_ERROR)).to_have_count(0)

    panel = page.locator(".us-law-panel")
    wait_for_text(panel, "Choose an action")
    page.locator(".us-law-action select").select_option(label="training")
    page.locator(".us-law-recipient select").select_option(label="mali army")
    wait_for_text(panel, "BARRED")
    date_box = page.locator(".us-law-date input")
    date_box.fill("2013-10-01")
    date_box.press("Enter")
    wait_for_text(panel, "ALLOWED WITH CONDITIONS")
