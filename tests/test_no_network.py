"""Nothing in the module reaches the network: helpers and a notebook run with it blocked."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
GUARD = Path(__file__).parent / "offline"


def offline_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(GUARD), env.get("PYTHONPATH")]))
    return env


def run_offline(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], env=offline_env(), cwd=REPO,
                          capture_output=True, text=True, timeout=120)


def test_the_guard_blocks_outbound_connections_and_lookups() -> None:
    result = run_offline(
        "import socket\n"
        "assert socket.NETWORK_BLOCKED_BY_TESTS\n"
        "for call in (lambda: socket.create_connection(('192.0.2.1', 80), timeout=1),\n"
        "             lambda: socket.getaddrinfo('pypi.org', 443)):\n"
        "    try:\n"
        "        call()\n"
        "    except OSError as err:\n"
        "        assert 'network access blocked' in str(err), err\n"
        "    else:\n"
        "        raise SystemExit('not blocked')\n"
        "server = socket.create_server(('127.0.0.1', 0))\n"
        "socket.create_connection(server.getsockname()).close()\n"
        "print('guard ok')\n")
    assert result.returncode == 0, result.stderr
    assert "guard ok" in result.stdout


def test_every_loader_and_chart_runs_offline() -> None:
    result = run_offline(
        "import matplotlib; matplotlib.use('Agg')\n"
        "from helpers import load_places, load_sources, load_table, places_map_chart\n"
        "from helpers.data import TABLES\n"
        "for table in TABLES: load_table(table)\n"
        "places_map_chart(load_places(), load_sources())._repr_html_()\n"
        "print('offline ok')\n")
    assert result.returncode == 0, result.stderr
    assert "offline ok" in result.stdout


@pytest.mark.parametrize("name", ["00-start-here.ipynb"])
def test_a_notebook_runs_top_to_bottom_offline(name: str, monkeypatch) -> None:
    monkeypatch.setenv("PYTHONPATH", offline_env()["PYTHONPATH"])
    notebook = nbformat.read(REPO / "notebooks" / name, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(
        "import socket\nassert socket.NETWORK_BLOCKED_BY_TESTS, 'kernel is not guarded'"))
    NotebookClient(notebook, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(REPO / "notebooks")}}).execute()
