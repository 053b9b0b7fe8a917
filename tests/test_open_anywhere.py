"""A lesson opens where students already are: any Jupyter with the folder on disk, or Colab.

Every lesson's first code cell is the same four lines: on Colab only it fetches the module and
installs the pinned kernel packages; everywhere else it only puts the folder holding
``helpers/`` (found by walking up from the notebook's folder) on ``sys.path``. ``import
helpers`` then names any package that is missing or too old in one line.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import types
from pathlib import Path

import pytest

from helpers import MissingPackagesError, find_problems, read_minimums

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def first_code_cell(path: Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "".join(next(cell for cell in cells if cell["cell_type"] == "code")["source"])


FIRST_CELL = first_code_cell(NOTEBOOKS[0])


def run_first_cell(cwd: Path, monkeypatch) -> tuple[list[str], list[str]]:
    """Run the first cell in ``cwd``; return the shell commands it ran and the paths it added."""
    monkeypatch.chdir(cwd)
    monkeypatch.setattr(sys, "path", list(sys.path))
    before = list(sys.path)
    commands: list[str] = []
    monkeypatch.setattr(os, "system", commands.append)
    exec(FIRST_CELL, {})  # the notebook's own cell, with os.system recording instead of running
    return commands, sys.path[:len(sys.path) - len(before)]


def test_every_lesson_starts_with_the_same_short_cell() -> None:
    assert len(FIRST_CELL.splitlines()) <= 4
    assert "noqa" not in FIRST_CELL
    for path in NOTEBOOKS:
        assert first_code_cell(path) == FIRST_CELL, path.name


def test_the_clone_address_is_the_one_in_citation_cff() -> None:
    from set_repository import repository_url, set_repository

    url = repository_url(ROOT / "CITATION.cff")
    assert f" {url} mali " in FIRST_CELL
    assert set_repository(ROOT, check=True) == []


def test_setting_the_address_rewrites_every_first_cell(tmp_path: Path) -> None:
    from set_repository import set_repository

    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    (tmp_path / "CITATION.cff").write_text(
        'cff-version: 1.2.0\nrepository-code: "https://github.com/school/mali-module"\n')
    assert len(set_repository(tmp_path)) == len(NOTEBOOKS)
    cells = {first_code_cell(path) for path in (tmp_path / "notebooks").glob("*.ipynb")}
    assert cells == {FIRST_CELL.replace("https://github.com/OWNER/REPO",
                                        "https://github.com/school/mali-module")}
    assert set_repository(tmp_path, check=True) == []


@pytest.mark.parametrize("folder", ["notebooks", "my-work"])
def test_outside_colab_the_cell_only_finds_the_module(folder: str, monkeypatch) -> None:
    monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    commands, added = run_first_cell(ROOT / folder, monkeypatch)
    assert commands == []
    assert added == [str(ROOT)]


def test_outside_the_module_the_cell_adds_nothing(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    assert run_first_cell(tmp_path, monkeypatch) == ([], [])


def test_on_colab_the_cell_fetches_the_module_and_the_pins(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    commands, _ = run_first_cell(tmp_path, monkeypatch)
    assert len(commands) == 1
    clone, install = commands[0].split(" && ")
    assert re.fullmatch(r"git clone -qb \S+ https://github\.com/\S+ mali", clone)
    assert install == "pip install -qr mali/binder/colab.txt"


def test_on_colab_a_fetched_module_is_used_not_fetched_again(tmp_path: Path,
                                                               monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    (tmp_path / "mali" / "helpers").mkdir(parents=True)
    commands, added = run_first_cell(tmp_path, monkeypatch)
    assert commands == []
    assert added == [str(tmp_path / "mali")]


def test_colab_pins_are_the_runtime_pins() -> None:
    def pins(path: Path) -> dict[str, str]:
        return dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", path.read_text(), re.MULTILINE))

    colab, runtime = pins(ROOT / "binder" / "colab.txt"), pins(ROOT / "requirements.txt")
    assert colab and all(runtime[name] == version for name, version in colab.items())
    assert set(colab) == set(read_minimums())


def test_missing_or_old_packages_are_named_with_the_install_command(tmp_path: Path) -> None:
    problems = find_problems({"pandas": (3, 1), "ipywidgets": (8, 1)},
                             {"pandas": "2.2.3", "ipywidgets": None})
    assert problems == ["pandas 3.1 or newer (this Python has 2.2.3)",
                        "ipywidgets (not installed)"]


def test_jupyter_shows_the_missing_packages_message_as_one_line(capsys) -> None:
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    error = MissingPackagesError("This lesson needs pandas (not installed). Install ...")
    shell.user_ns["error"] = error
    shell.run_cell("raise error")
    shown = capsys.readouterr()
    text = (shown.out + shown.err).strip()
    assert text == str(error)


PLAIN_RUN = """
import sys, nbformat
from nbclient import NotebookClient
notebook = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(notebook, kernel_name="python3", timeout=300,
               resources={"metadata": {"path": sys.argv[2]}}).execute()
print("ran", len(notebook.cells), "cells")
"""


@pytest.fixture(scope="module")
def plain_python(tmp_path_factory) -> Path:
    """A venv that sees the runtime packages but has not got this module installed.

    It reaches the packages of the test environment through a ``.pth`` file; the editable
    install of ``helpers`` in that environment is itself a ``.pth`` file, which Python does
    not process in a folder added this way, so ``import helpers`` fails until the first cell.
    """
    venv = tmp_path_factory.mktemp("plain") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                              "['purelib'])"], capture_output=True, text=True,
                             check=True).stdout.strip()
    Path(purelib, "runtime-packages.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return python


@pytest.fixture(scope="module")
def fresh_copy(tmp_path_factory) -> Path:
    """The student's view of the module: lessons, helpers, data and pins; nothing installed."""
    copy = tmp_path_factory.mktemp("clone") / "mali-module"
    for folder in ("helpers", "data", "notebooks"):
        shutil.copytree(ROOT / folder, copy / folder)
    for name in ("requirements.txt", "constraints.txt"):
        shutil.copy(ROOT / name, copy / name)
    (copy / "my-work").mkdir()
    shutil.copy(ROOT / "notebooks" / "01-the-coup.ipynb", copy / "my-work" / "01-anna.ipynb")
    return copy


def test_plain_python_cannot_import_helpers_by_itself(plain_python: Path, fresh_copy: Path) -> None:
    done = subprocess.run([str(plain_python), "-c", "import helpers"], cwd=fresh_copy / "my-work",
                          capture_output=True, text=True, check=False)
    assert "No module named 'helpers'" in done.stderr


@pytest.mark.parametrize("lesson", ["notebooks/01-the-coup.ipynb",
                                    "my-work/01-anna.ipynb"])
def test_a_lesson_runs_with_only_the_runtime_packages(plain_python: Path, fresh_copy: Path,
                                                       lesson: str) -> None:
    path = fresh_copy / lesson
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tests" / "offline")}
    done = subprocess.run([str(plain_python), "-c", PLAIN_RUN, str(path), str(path.parent)],
                          capture_output=True, text=True, check=False, env=env, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.startswith("ran ")
