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


BLOCKED = "network access blocked"


@pytest.mark.parametrize("call", [
    "socket.getaddrinfo('example.org', 443)",
    "socket.getaddrinfo(b'example.org', 443)",
    "socket.gethostbyname('example.org')",
    "socket.gethostbyname_ex('example.org')",
    "socket.gethostbyaddr('192.0.2.1')",
    "socket.getnameinfo(('192.0.2.1', 80), 0)",
    "socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'x', ('192.0.2.1', 53))",
    "socket.socket(socket.AF_INET, socket.SOCK_DGRAM).connect(('192.0.2.1', 53))",
    "socket.socket(socket.AF_INET6, socket.SOCK_DGRAM).sendto(b'x', ('2001:db8::1', 53))",
    "_socket.socket().connect(('192.0.2.1', 80))",
    "_socket.socket().connect_ex(('192.0.2.1', 80))",
    "_socket.getaddrinfo('example.org', 443)",
    "_socket.gethostbyname('example.org')",
    "subprocess.run(['curl', '-s', 'https://example.org'])",
    "subprocess.run('wget -q https://example.org', shell=True)",
    "subprocess.run(['git', 'clone', 'https://example.org/r.git'])",
    "subprocess.run([sys.executable, '-m', 'pip', 'install', 'requests'])",
    "subprocess.run([sys.executable, '-I', '-c', 'pass'])",
    "subprocess.run([sys.executable, '-E', '-c', 'pass'])",
    "os.system('curl https://example.org')",
])
def test_the_guard_blocks(call: str) -> None:
    result = run_offline(
        "import _socket, os, socket, subprocess, sys\n"
        f"try:\n    {call}\n"
        "except OSError as err:\n    print(err)\n"
        "else:\n    print('not blocked')\n")
    assert BLOCKED in result.stdout, result.stdout + result.stderr


def test_a_python_subprocess_that_drops_pythonpath_is_still_guarded() -> None:
    result = run_offline(
        "import subprocess, sys\n"
        "child = 'import socket; print(getattr(socket, \"NETWORK_BLOCKED_BY_TESTS\", False))'\n"
        "for env in ({'PATH': '/usr/bin'}, {b'PATH': b'/usr/bin'}, {'PYTHONPATH': '/tmp'}):\n"
        "    out = subprocess.run([sys.executable, '-c', child], env=env,\n"
        "                         capture_output=True, text=True).stdout\n"
        "    print(out.strip())\n")
    assert result.stdout.split() == ["True", "True", "True"], result.stdout + result.stderr


def test_loopback_and_local_names_stay_open() -> None:
    result = run_offline(
        "import socket, subprocess, sys\n"
        "socket.getaddrinfo('localhost', 80)\n"
        "socket.gethostbyname('127.0.0.1')\n"
        "server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
        "server.bind(('127.0.0.1', 0))\n"
        "socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'x', server.getsockname())\n"
        "assert server.recv(1) == b'x'\n"
        "subprocess.run(['git', '--version'], check=True, capture_output=True)\n"
        "subprocess.run([sys.executable, '-c', 'pass'], check=True)\n"
        "print('loopback ok')\n")
    assert "loopback ok" in result.stdout, result.stderr


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
