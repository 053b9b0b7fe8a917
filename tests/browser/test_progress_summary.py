"""A student alone in JupyterLab: answer an exercise, save, and ask for a progress summary."""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

from lab import NOTEBOOK, TIMEOUT_MS, cell_errors, open_notebook, run_all_cells, wait_for_text

FOLDER = "selfstudy"
SAVE_TIMEOUT_S = 30


def copy_lessons(root: Path) -> None:
    """Give this test its own folder of lesson notebooks, so other tests see clean copies."""
    target = root / FOLDER
    target.mkdir(exist_ok=True)
    for name in ("00-start-here.ipynb", "06-synthesis.ipynb"):
        shutil.copy(root / "notebooks" / name, target / name)


def code_cell(page, text: str):
    """The code cell whose source contains ``text``, held by position (it survives edits)."""
    cells = page.locator(f"{NOTEBOOK} .jp-CodeCell")
    sources = cells.locator(".jp-InputArea").all_inner_texts()
    found = [index for index, source in enumerate(sources) if text in source]
    assert len(found) == 1, f"expected one code cell containing {text!r}, found {len(found)}"
    return cells.nth(found[0])


def replace_and_run(page, cell, source: str) -> None:
    """Type ``source`` into a cell as a student would, then run it with Shift+Enter."""
    cell.locator(".cm-content").click()
    page.keyboard.press("Control+a")
    page.keyboard.insert_text(source)
    page.keyboard.press("Shift+Enter")


def saved_outputs(path: Path) -> str:
    """All output text of a notebook as saved on disk."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return json.dumps([c.get("outputs", []) for c in cells], ensure_ascii=False)


def answer_and_save(page, saved: Path) -> None:
    """Answer exercise 0.1 in the open notebook, save, and wait until ``saved`` holds it."""
    answer = code_cell(page, "answer_0_1 = ...")
    replace_and_run(page, answer, 'answer_0_1 = "11 January 2013"\ncheck("0.1", answer_0_1)')
    wait_for_text(answer.locator(".jp-OutputArea"), "Correct")
    page.keyboard.press("Control+s")
    deadline = time.monotonic() + SAVE_TIMEOUT_S
    while "✔ Correct (0.1)" not in saved_outputs(saved):
        assert time.monotonic() < deadline, f"{saved.name} was not saved with the answer"
        page.wait_for_timeout(200)


def test_progress_summary_reports_a_saved_answer_and_names_the_next_exercise(page, lab_server):
    copy_lessons(lab_server.root)
    open_notebook(page, lab_server, f"{FOLDER}/00-start-here.ipynb")
    run_all_cells(page)
    assert cell_errors(page) == []

    answer_and_save(page, lab_server.root / FOLDER / "00-start-here.ipynb")

    summary = code_cell(page, 'progress(".")')
    replace_and_run(page, summary, 'progress(".")')
    output = summary.locator(".progress-summary")
    wait_for_text(output, "Next: exercise 0.2 in 00-start-here.ipynb (not started).",
                  timeout_ms=TIMEOUT_MS)
    wait_for_text(output, re.compile(r"1 of \d+ exercises done"))
    row = output.locator("tr").filter(has_text="0.1")
    wait_for_text(row, "done")
    wait_for_text(output.locator("tr").filter(has_text="6.1"), "not started")
    assert cell_errors(page) == []
