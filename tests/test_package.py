"""Importing helpers reads no data file and changes no global setting."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MODULES = sorted(p.stem for p in (REPO / "helpers").glob("*.py") if p.stem != "__init__")

PROBE = f"""
import sys, warnings
import matplotlib as mpl
opened = []
sys.addaudithook(lambda event, args: event == "open" and opened.append(str(args[0])))
before_rc, before_warnings = dict(mpl.rcParams), list(warnings.filters)
import helpers
for name in {MODULES!r}:
    __import__("helpers." + name)
data = [p for p in opened if not p.endswith((".py", ".pyc", ".so", ".pth")) and "helpers" in p
        or "/data/" in p]
assert not data, data
assert dict(mpl.rcParams) == before_rc, "rcParams changed at import"
assert list(warnings.filters) == before_warnings, "warning filters changed at import"
print("clean import of", len({MODULES!r}), "modules")
"""


def test_importing_every_helper_module_has_no_side_effects() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=REPO, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "clean import" in result.stdout


def test_modules_stay_small() -> None:
    for path in (REPO / "helpers").glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 220, path.name
