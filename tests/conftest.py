"""Shared test set-up: a non-interactive matplotlib backend and a writable copy of data/."""

from __future__ import annotations

import shutil
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ that a test may break without touching the repository."""
    target = tmp_path / "data"
    shutil.copytree(REPO / "data", target)
    return target
