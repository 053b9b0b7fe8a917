"""Class set-up: nbgitpuller and Binder links, the Binder configuration, the my-work folder."""

from __future__ import annotations

import doctest
import os
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import class_links
import pytest
from bench_report import requirement_names
from class_links import binder_link, nbgitpuller_link

REPO = Path(__file__).resolve().parents[1]
BINDER = REPO / "binder"


def test_doctests() -> None:
    assert doctest.testmod(class_links).failed == 0


def test_nbgitpuller_link_round_trips_its_parameters() -> None:
    link = nbgitpuller_link("https://hub.example.edu", "https://gitlab.com/g/sub/mali.git",
                            branch="spring 2027", notebook="notebooks/01-the-coup.ipynb")
    parsed = urlparse(link)
    assert parsed.path == "/hub/user-redirect/git-pull"
    assert parse_qs(parsed.query) == {"repo": ["https://gitlab.com/g/sub/mali.git"],
                                      "branch": ["spring 2027"],
                                      "urlpath": ["lab/tree/mali.git/notebooks/01-the-coup.ipynb"]}


def test_notebook_interface_link_opens_the_notebook_editor() -> None:
    link = nbgitpuller_link("https://hub.example.edu", "https://github.com/o/mali",
                            interface="notebook")
    urlpath = parse_qs(urlparse(link).query)["urlpath"]
    assert urlpath == ["notebooks/mali/notebooks/00-start-here.ipynb"]
    with pytest.raises(ValueError, match="interface is one of"):
        nbgitpuller_link("https://hub.example.edu", "https://github.com/o/mali", interface="x")


def test_binder_link_refuses_other_hosts() -> None:
    with pytest.raises(ValueError, match="GitHub links only"):
        binder_link("https://gitlab.com/g/mali")


def test_binder_installs_the_same_pins_as_make_lab() -> None:
    lines = [line.strip() for line in (BINDER / "requirements.txt").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    assert lines == ["-r ../requirements.txt", "-c ../constraints.txt"]
    assert requirement_names((BINDER / "requirements.txt").read_text()) == []
    assert (BINDER / "runtime.txt").read_text().strip() == "python-3.11"


def test_binder_post_build_installs_the_helpers_without_dependencies() -> None:
    post_build = BINDER / "postBuild"
    assert os.access(post_build, os.X_OK), "binder/postBuild must be executable"
    text = post_build.read_text()
    assert text.startswith("#!/bin/bash") and "set -euo pipefail" in text
    assert "pip install --no-cache-dir --no-deps -e ." in text
    result = subprocess.run(["bash", "-n", str(post_build)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_students_copies_in_my_work_are_ignored_but_its_readme_is_not() -> None:
    def ignored(path: str) -> bool:
        return subprocess.run(["git", "check-ignore", "-q", path], cwd=REPO).returncode == 0

    assert ignored("my-work/01-the-coup-anna.ipynb")
    assert not ignored("my-work/README.md")
    assert (REPO / "my-work" / "README.md").is_file()
