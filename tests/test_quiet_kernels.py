"""The builds start kernels that print nothing a person does not need.

ipykernel logs "Kernel is running over TCP without encryption" for every kernel started over
plain TCP (seven lines in a row in `make instructor`). The maintainer scripts pass
``kernels.kernel_config()``, which makes jupyter_client provision CurveZMQ keys.
"""

from __future__ import annotations

import ast
from pathlib import Path

import nbformat
import pytest
from kernels import kernel_config
from nbclient import NotebookClient

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"
WARNING = "running over TCP without encryption"


def run_tiny_notebook(**options) -> str:
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("6 * 7")])
    NotebookClient(notebook, kernel_name="python3", timeout=60, **options).execute()
    return notebook.cells[0].outputs[0]["data"]["text/plain"]


@pytest.mark.parametrize("encrypted", [True, False], ids=["encrypted", "plain-tcp"])
def test_kernel_warning_only_without_encryption(capfd, encrypted: bool) -> None:
    options = {"config": kernel_config()} if encrypted else {}
    assert run_tiny_notebook(**options) == "42"
    stderr = capfd.readouterr().err
    assert (WARNING in stderr) is not encrypted, stderr


def test_every_script_that_runs_notebooks_asks_for_encryption() -> None:
    calls = 0
    for path in sorted(SCRIPTS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in {
                    "NotebookClient", "ExecutePreprocessor"}:
                calls += 1
                keywords = {keyword.arg: ast.unparse(keyword.value) for keyword in node.keywords}
                assert keywords.get("config") == "kernel_config()", f"{path.name}:{node.lineno}"
    assert calls >= 4
