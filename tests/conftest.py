"""Shared test set-up: a non-interactive matplotlib backend, a writable copy of data/, and
each table loaded once per session and handed to each test as its own copy."""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

import matplotlib
import pandas as pd
import pytest

from helpers import data

matplotlib.use("Agg")

REPO = Path(__file__).resolve().parents[1]


@cache
def _loaded(table: str) -> pd.DataFrame:
    return getattr(data, f"load_{table}")()


def _table(table: str) -> pd.DataFrame:
    return _loaded(table).copy()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ that a test may break without touching the repository."""
    target = tmp_path / "data"
    shutil.copytree(REPO / "data", target)
    return target


@pytest.fixture
def sources() -> pd.DataFrame:
    """The bibliography, ``load_sources()``."""
    return _table("sources")


@pytest.fixture
def places() -> pd.DataFrame:
    """``load_places()``."""
    return _table("places")


@pytest.fixture
def actors() -> pd.DataFrame:
    """``load_actors()``."""
    return _table("actors")


@pytest.fixture
def events() -> pd.DataFrame:
    """``load_events()``."""
    return _table("events")


@pytest.fixture
def control() -> pd.DataFrame:
    """``load_control()``."""
    return _table("control")


@pytest.fixture
def deployments() -> pd.DataFrame:
    """``load_deployments()``."""
    return _table("deployments")


@pytest.fixture
def claims() -> pd.DataFrame:
    """``load_claims()``."""
    return _table("claims")


@pytest.fixture
def labels() -> pd.DataFrame:
    """``load_labels()``."""
    return _table("labels")


@pytest.fixture
def authorities() -> pd.DataFrame:
    """``load_authorities()``."""
    return _table("authorities")


@pytest.fixture
def us_actions() -> pd.DataFrame:
    """``load_us_actions()``."""
    return _table("us_actions")


@pytest.fixture
def us_rules() -> pd.DataFrame:
    """``load_us_rules()``."""
    return _table("us_rules")


@pytest.fixture
def claim_keys() -> pd.DataFrame:
    """``load_claim_keys()`` (lesson 05's readings)."""
    return _table("claim_keys")


@pytest.fixture
def claim_stances() -> pd.DataFrame:
    """``load_claim_stances()`` (lesson 05's readings)."""
    return _table("claim_stances")
