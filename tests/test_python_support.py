"""The supported Python range is stated once, checked before .venv is built, and honest.

``requires-python`` in pyproject.toml is the one place the range is written; the README and
binder/runtime.txt must agree with it; ``make`` answers an unsupported interpreter with one
line (scripts/check_python.py) before it creates a virtual environment.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from check_python import check, describe_range, read_supported, venv_version
from test_pythons import Interpreter, plan

ROOT = Path(__file__).resolve().parents[1]
SUPPORTED = read_supported()


def test_range_is_the_tested_one() -> None:
    assert SUPPORTED == ((3, 11), (3, 12), (3, 13))


def test_readme_states_the_same_range() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert describe_range(SUPPORTED) in readme
    assert "3.10 or newer" not in readme


def test_binder_runtime_is_inside_the_range() -> None:
    text = (ROOT / "binder" / "runtime.txt").read_text(encoding="utf-8").strip()
    major, minor = map(int, re.fullmatch(r"python-(\d+)\.(\d+)", text).groups())
    assert (major, minor) in SUPPORTED


def test_running_python_is_supported() -> None:
    assert tuple(sys.version_info[:2]) in SUPPORTED


def test_unsupported_python_gets_one_line() -> None:
    message = check((3, 10, 13), None, goal="lab", supported=SUPPORTED)
    assert message.startswith("Python 3.10.13 is not supported: this module needs Python 3.11,")
    assert "make lab PYTHON=python3." in message and "\n" not in message


def test_supported_python_without_venv_passes() -> None:
    assert check((3, 12, 1), None, supported=SUPPORTED) is None


def test_venv_of_an_unsupported_python_is_named() -> None:
    message = check((3, 12, 1), (3, 10, 13), supported=SUPPORTED)
    assert message.startswith(".venv was made by Python 3.10.13, which this module does not")
    assert "make clean" in message


def test_venv_of_another_python_than_the_one_named() -> None:
    message = check((3, 12, 1), (3, 11, 7), python_named=True, supported=SUPPORTED)
    assert "not the Python 3.12.1 you named" in message
    assert check((3, 12, 1), (3, 11, 7), python_named=False, supported=SUPPORTED) is None
    assert check((3, 11, 2), (3, 11, 7), python_named=True, supported=SUPPORTED) is None


def test_venv_version_reads_pyvenv_cfg(tmp_path: Path) -> None:
    (tmp_path / "pyvenv.cfg").write_text("home = /x\nversion = 3.10.13\n")
    assert venv_version(tmp_path) == (3, 10, 13)


def unsupported_interpreter() -> str | None:
    names = [f"python3.{minor}" for minor in range(6, 11)]
    found = [path for name in names if (path := shutil.which(name))]
    pyenv = os.environ.get("PYENV_ROOT", str(Path.home() / ".pyenv"))
    found += sorted(glob.glob(os.path.join(pyenv, "versions", "3.1[0]*", "bin", "python")))
    for path in found:
        done = subprocess.run([path, "-c", "import sys; print(sys.version_info[:2])"],
                              capture_output=True, text=True, check=False)
        if done.returncode == 0 and done.stdout.strip() in {"(3, 8)", "(3, 9)", "(3, 10)"}:
            return path
    return None


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_refuses_an_unsupported_python_before_building(tmp_path: Path) -> None:
    old = unsupported_interpreter()
    if old is None:
        pytest.skip("no Python 3.8-3.10 on this machine to try")
    venv = tmp_path / "venv"
    done = subprocess.run(["make", "--no-print-directory", "venv", f"PYTHON={old}",
                           f"VENV={venv}"], cwd=ROOT, capture_output=True, text=True,
                          check=False)
    assert done.returncode != 0
    assert not venv.exists()
    lines = [line for line in done.stderr.splitlines() if not line.startswith("make")]
    assert len(lines) == 1, done.stderr
    assert "is not supported: this module needs Python 3.11, 3.12 or 3.13" in lines[0]
    assert "make venv PYTHON=python3." in lines[0]


def test_test_pythons_never_passes_what_it_did_not_run() -> None:
    found = [Interpreter("/a", (3, 10, 13)), Interpreter("/b", (3, 12, 1))]
    todo, rows = plan(found, SUPPORTED)
    assert [one.path for one in todo] == ["/b"]
    results = {row.version: row.result for row in rows}
    assert results == {"3.10.13": "not supported", "3.11": "not tested: not found",
                       "3.13": "not tested: not found"}
