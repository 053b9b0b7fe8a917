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


# Addresses as teachers paste them: SSH, a branch page, a hub without https://, nothing.

def run_main(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = class_links.main(list(argv))
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("repo", "clone_url"), [
    ("git@github.com:o/mali-crisis.git", "https://github.com/o/mali-crisis.git"),
    ("ssh://git@github.com/o/mali-crisis.git", "https://github.com/o/mali-crisis.git"),
    ("git@gitlab.com:g/sub/mali.git", "https://gitlab.com/g/sub/mali.git"),
    ("github.com/o/mali-crisis", "https://github.com/o/mali-crisis"),
])
def test_ssh_and_schemeless_repositories_become_https_clone_urls(capsys, repo, clone_url) -> None:
    code, out, _ = run_main(capsys, "https://hub.example.edu", repo)
    puller = urlparse(out.splitlines()[0])
    assert code == 0 and parse_qs(puller.query)["repo"] == [clone_url]
    # nbgitpuller names the folder after the URL's last part, a ``.git`` ending included
    assert parse_qs(puller.query)["urlpath"] == ["lab/tree/" + clone_url.rsplit("/", 1)[1]
                                                 + "/notebooks/00-start-here.ipynb"]


@pytest.mark.parametrize("repo", ["https://github.com/o/mali-crisis/tree/spring-2027",
                                  "https://gitlab.com/g/mali-crisis/-/tree/spring-2027/"])
def test_a_branch_page_gives_the_repository_and_its_branch(capsys, repo) -> None:
    code, out, _ = run_main(capsys, "https://hub.example.edu", repo)
    query = parse_qs(urlparse(out.splitlines()[0]).query)
    assert code == 0 and query["branch"] == ["spring-2027"]
    assert query["repo"] == [repo.split("/-/tree/")[0].split("/tree/")[0]]
    if "github.com" in repo:
        assert out.splitlines()[1] == binder_link("https://github.com/o/mali-crisis",
                                                  branch="spring-2027")


@pytest.mark.parametrize("hub", ["hub.example.edu", "hub.example.edu/", "https://hub.example.edu/hub",
                                 "https://hub.example.edu/hub/home"])
def test_a_hub_without_scheme_or_with_its_hub_path_gets_a_working_link(capsys, hub) -> None:
    code, out, _ = run_main(capsys, hub, "https://github.com/o/mali-crisis")
    assert code == 0
    assert out.startswith("https://hub.example.edu/hub/user-redirect/git-pull?repo=")


@pytest.mark.parametrize(("argv", "message"), [
    (["", "https://github.com/o/m"], "the hub URL is empty"),
    (["https://hub.example.edu", ""], "the repository URL is empty"),
    (["https://hub.example.edu", "   "], "the repository URL is empty"),
    (["ftp://hub.example.edu", "https://github.com/o/m"], "not an http(s) address"),
    (["https://hub.example.edu", "https://github.com/o"], "does not name a repository"),
    (["https://hub.example.edu", "https://github.com/o/m/blob/main/README.md"],
     "does not name a repository"),
    (["https://hub.example.edu", "https://github.com/o/m/tree/a", "--branch", "b"],
     "names branch 'a' but --branch says 'b'"),
    (["https://hub.example.edu", "https://github.com/o/m", "--branch", ""], "--branch is empty"),
    ([], "the following arguments are required"),
])
def test_bad_arguments_get_a_message_not_a_traceback(capsys, argv, message) -> None:
    code, out, err = run_main(capsys, *argv)
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err
