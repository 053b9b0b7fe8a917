"""Helpers that drive a JupyterLab page the way a student would (menus, clicks).

Used by the browser tests together with the fixtures in ``conftest.py``::

    def test_lesson(page, lab_server):
        open_notebook(page, lab_server, "notebooks/01_coup.ipynb")
        run_all_cells(page)
        assert cell_errors(page) == []
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Protocol
from urllib.parse import quote

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
from playwright.sync_api import Locator, Page, expect

TIMEOUT_MS = 60_000
KERNEL_NAME = "Python 3 (ipykernel)"
STATUSBAR = "#jp-main-statusbar"
# The notebook in the visible tab; hidden tabs stay in the DOM with lm-mod-hidden.
NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook"
CODE_PROMPTS = f"{NOTEBOOK} .jp-CodeCell .jp-InputArea-prompt"
OUTPUTS = f"{NOTEBOOK} .jp-OutputArea-output"
STDERR_OUTPUTS = f'{OUTPUTS}[data-mime-type="application/vnd.jupyter.stderr"]'
WIDGET_ERROR = "Error displaying widget"
WIDGET_LOADING = re.compile(r"^\s*Loading widget\.\.\.\s*$")
# A stderr line that starts with an exception name: the traceback header
# ("ZeroDivisionError   Traceback ...") or the last line ("SyntaxError: ...").
# Warnings start with a file path, so they do not match.
EXCEPTION_LINE = re.compile(r"^\s*(?:\w+\.)*\w*(?:Error|Exception|Exit|Interrupt)\b", re.M)
NUMBERED_PROMPT = re.compile(r"^\[\d+\]:$")


class LabAddress(Protocol):
    """What the helpers need from the ``lab_server`` fixture."""

    base_url: str
    token: str
    root: Path


def write_notebook(root: Path, name: str, cells: list[tuple[str, str]]) -> str:
    """Write a notebook into the lab root and return its name for ``open_notebook``.

    Args:
        root: The lab server's root directory.
        name: File name relative to ``root``, e.g. ``"smoke.ipynb"``.
        cells: ``(kind, source)`` pairs, kind ``"code"`` or ``"markdown"``.

    Returns:
        ``name``, unchanged.

    Raises:
        ValueError: A cell kind is neither ``"code"`` nor ``"markdown"``.
    """
    makers = {"code": new_code_cell, "markdown": new_markdown_cell}
    unknown = sorted({kind for kind, _ in cells} - makers.keys())
    if unknown:
        raise ValueError(f"cell kinds must be 'code' or 'markdown', not {unknown}")
    notebook = new_notebook(cells=[makers[kind](source) for kind, source in cells])
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": KERNEL_NAME,
        "language": "python",
    }
    nbformat.write(notebook, root / name)
    return name


def wait_for_text(
    locator: Locator, text: str | re.Pattern[str], *, timeout_ms: int = TIMEOUT_MS
) -> None:
    """Wait until ``locator`` contains ``text`` (a substring or a regex).

    Raises:
        AssertionError: The text did not appear in time; the message shows what was there.
    """
    expect(locator).to_contain_text(text, timeout=timeout_ms)


def wait_for_idle_kernel(
    page: Page, *, kernel: str = KERNEL_NAME, timeout_ms: int = TIMEOUT_MS
) -> None:
    """Wait until the status bar reads ``"<kernel> | Idle"``.

    The notebook toolbar says "idle" before a kernel exists; the status bar does not.
    """
    pattern = re.compile(re.escape(kernel) + r" \| Idle")
    wait_for_text(page.locator(STATUSBAR), pattern, timeout_ms=timeout_ms)


def open_notebook(page: Page, lab: LabAddress, name: str, *, kernel: str = KERNEL_NAME) -> None:
    """Open ``name`` (a path relative to the lab root) and wait for an idle kernel.

    Each call uses a new, empty workspace, so notebooks opened by earlier tests are
    not restored into this page.

    Args:
        page: A Playwright page (the ``page`` fixture).
        lab: The ``lab_server`` fixture.
        name: Notebook path relative to ``lab.root``, e.g. ``"notebooks/01_coup.ipynb"``.
        kernel: Kernel display name expected in the status bar.
    """
    if not (lab.root / name).is_file():
        raise FileNotFoundError(f"{name} is not in the lab root {lab.root}")
    workspace = f"test-{uuid.uuid4().hex[:12]}"
    url = f"{lab.base_url}lab/workspaces/{workspace}/tree/{quote(name)}"
    page.goto(f"{url}?reset&token={lab.token}")
    expect(page.locator(NOTEBOOK)).to_have_count(1, timeout=TIMEOUT_MS)
    wait_for_idle_kernel(page, kernel=kernel)


def click_menu(page: Page, menu: str, item: str) -> None:
    """Click ``item`` in the main menu ``menu``.

    Example: ``click_menu(page, "Run", "Run All Cells")``.
    """
    page.locator("#jp-MainMenu .lm-MenuBar-itemLabel").get_by_text(menu, exact=True).click()
    page.locator(".lm-Menu .lm-Menu-itemLabel").get_by_text(item, exact=True).click()


def run_all_cells(page: Page, *, timeout_ms: int = TIMEOUT_MS) -> None:
    """Clear all outputs, run all cells from the Run menu and wait until they finish.

    Finished means: the kernel is idle, no cell shows ``[*]``, either every code cell
    has an execution count or an error stopped the run (the kernel then skips the
    remaining cells; check them with :func:`cell_errors`), and no widget output still
    says "Loading widget..." (a widget that fails to render only says so afterwards).

    Raises:
        AssertionError: Cells were left unexecuted and no error output explains why.
    """
    click_menu(page, "Edit", "Clear Outputs of All Cells")
    expect(page.locator(CODE_PROMPTS).filter(has_text=NUMBERED_PROMPT)).to_have_count(0)
    click_menu(page, "Run", "Run All Cells")
    page.wait_for_function(
        """([prompts, statusbar, stderr, kernel]) => {
            const texts = [...document.querySelectorAll(prompts)].map(p => p.textContent.trim());
            const bar = document.querySelector(statusbar);
            const idle = bar !== null && bar.textContent.includes(kernel + " | Idle");
            const running = texts.some(t => t.includes("*"));
            const allDone = texts.every(t => /^\\[\\d+\\]:$/.test(t));
            const stopped = document.querySelector(stderr) !== null;
            return idle && !running && (allDone || stopped);
        }""",
        arg=[CODE_PROMPTS, STATUSBAR, STDERR_OUTPUTS, KERNEL_NAME],
        polling=100,
        timeout=timeout_ms,
    )
    loading = page.locator(OUTPUTS).filter(has_text=WIDGET_LOADING)
    expect(loading, "widget outputs still say 'Loading widget...'").to_have_count(
        0, timeout=timeout_ms
    )
    prompts = [text.strip() for text in page.locator(CODE_PROMPTS).all_inner_texts()]
    if not all(NUMBERED_PROMPT.match(text) for text in prompts) and not cell_errors(page):
        raise AssertionError(f"cells left unexecuted without an error output: {prompts}")


def cell_errors(page: Page) -> list[str]:
    """Return the text of every error output in the open notebook (empty if none).

    Counts tracebacks (stderr outputs with an exception line) and widgets that failed
    to render. Warnings on stderr are not errors.
    """
    errors = [
        text
        for text in page.locator(STDERR_OUTPUTS).all_inner_texts()
        if "Traceback (most recent call last)" in text or EXCEPTION_LINE.search(text)
    ]
    outputs = page.locator(OUTPUTS).filter(has_text=WIDGET_ERROR)
    return errors + outputs.all_inner_texts()
