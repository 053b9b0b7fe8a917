"""The README's route for a student alone: open notebook 00, *Save Notebook As…* into
``my-work/``, answer an exercise there, save, and see the answer counted by ``progress``."""

from __future__ import annotations

import time

from lab import (
    KERNEL_NAME,
    NOTEBOOK,
    TIMEOUT_MS,
    cell_errors,
    open_notebook,
    run_all_cells,
    wait_for_idle_kernel,
    wait_for_text,
)
from playwright.sync_api import expect
from test_progress_summary import (
    SAVE_TIMEOUT_S,
    answer_and_save,
    code_cell,
    replace_and_run,
    saved_outputs,
)

COPY = "my-work/00-start-here-anna.ipynb"


def save_as(page, path: str) -> None:
    """Save the open notebook under ``path`` with File → Save Notebook As…."""
    page.locator(f"{NOTEBOOK} .jp-Cell").first.click()
    page.keyboard.press("Escape")
    page.keyboard.press("Control+Shift+s")
    field = page.locator(".jp-Dialog input")
    expect(field).to_be_visible(timeout=TIMEOUT_MS)
    field.fill(path)
    page.keyboard.press("Enter")
    name = path.rsplit("/", 1)[-1]
    tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current")
    wait_for_text(tab, name)
    page.wait_for_timeout(500)
    # The original, left behind unsaved, may ask whether to keep its changes: a student
    # working in the copy answers "Discard".
    leftover = page.locator(".jp-Dialog").get_by_role("button", name="Discard")
    if leftover.count():
        leftover.click()
    expect(page.locator(".jp-Dialog")).to_have_count(0, timeout=TIMEOUT_MS)


def test_a_copy_saved_in_my_work_runs_and_is_counted(page, lab_server):
    (lab_server.root / "my-work").mkdir(exist_ok=True)
    open_notebook(page, lab_server, "notebooks/00-start-here.ipynb")
    save_as(page, COPY)
    copy = lab_server.root / COPY
    deadline = time.monotonic() + SAVE_TIMEOUT_S
    while not copy.is_file():
        assert time.monotonic() < deadline, "Save As did not write the copy into my-work/"
        page.wait_for_timeout(200)
    # The student works on in the tab Save As opened: its kernel is already attached (the
    # notebook's toolbar names it; the status bar catches up once the notebook has focus),
    # with no kernel to choose and nothing to reopen.
    kernel_name = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Toolbar-kernelName")
    wait_for_text(kernel_name, KERNEL_NAME, timeout_ms=TIMEOUT_MS)
    page.locator(f"{NOTEBOOK} .jp-Cell").first.click()
    wait_for_idle_kernel(page)
    assert page.locator(".jp-Dialog").count() == 0
    run_all_cells(page)
    assert cell_errors(page) == []

    answer_and_save(page, copy)
    assert "✔ Correct" not in saved_outputs(lab_server.root / "notebooks/00-start-here.ipynb")

    summary = code_cell(page, 'progress(".")')
    replace_and_run(page, summary, 'progress(".")')
    output = summary.locator(".progress-summary")
    wait_for_text(output, "Next: exercise 0.2", timeout_ms=TIMEOUT_MS)
    row = output.locator("tr").filter(has_text="0.1")
    wait_for_text(row, COPY)
    wait_for_text(row, "done")
    assert cell_errors(page) == []
