"""The install-size measurement on this environment's own metadata."""

from __future__ import annotations

import bench_env
from bench_env import installed_bytes, requires_here, runtime_install_mb


def test_requires_evaluates_markers_and_skips_extras() -> None:
    needs = {name.lower() for name in requires_here("ipywidgets")}
    assert "traitlets" in needs
    assert "pytest" not in needs  # only under the 'test' extra


def test_installed_bytes_counts_files_of_a_small_distribution() -> None:
    assert 1_000 < installed_bytes("six") < 1_000_000


def test_runtime_size_excludes_test_only_packages(monkeypatch) -> None:
    counted = []
    monkeypatch.setattr(bench_env, "installed_bytes", lambda name: counted.append(name) or 2**20)
    size, count = runtime_install_mb()
    assert size == count == len(counted)
    assert {"jupyterlab", "pandas", "pip", "mali-crisis-helpers"} <= set(counted)
    assert not {"playwright", "pytest", "ruff", "nbval", "nbstripout"} & set(counted)


def test_requires_follows_the_extras_a_requirement_asks_for() -> None:
    plain = {name.lower() for name in requires_here("jsonschema")}
    with_extra = {name.lower() for name in requires_here("jsonschema[format-nongpl]")}
    assert "fqdn" not in plain and "fqdn" in with_extra
