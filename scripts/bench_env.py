"""What the benchmark measures about the environment: install size, server memory, machine."""

from __future__ import annotations

import datetime as dt
import importlib.metadata as md
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from bench_report import dependency_closure, distributions, requirement_names
from packaging.requirements import Requirement

REPO = Path(__file__).resolve().parents[1]


def requires_here(spec: str) -> list[str]:
    """What a distribution installed here needs, with extras (``name[extra]``) followed.

    A requirement's marker is evaluated for no extra and for each extra in ``spec``.
    """
    requested = Requirement(spec)
    extras = ["", *requested.extras]
    wanted = []
    for text in md.distribution(requested.name).requires or []:
        needed = Requirement(text)
        if needed.marker is None or any(needed.marker.evaluate({"extra": e}) for e in extras):
            suffix = f"[{','.join(sorted(needed.extras))}]" if needed.extras else ""
            wanted.append(needed.name + suffix)
    return wanted


def _installed(name: str) -> bool:
    try:
        md.distribution(name)
    except md.PackageNotFoundError:
        return False
    return True


def installed_bytes(name: str) -> int:
    """Sum of the sizes of the files a distribution installed (its RECORD)."""
    dist = md.distribution(name)
    paths = (Path(dist.locate_file(f)) for f in dist.files or [])
    return sum(p.stat().st_size for p in paths if p.is_file())


def runtime_install_mb() -> tuple[float, int]:
    """Installed size (MiB) and count of the runtime distributions, pip and this package.

    Checked once against a fresh runtime-only venv (pip install -r requirements.txt -c
    constraints.txt, then this package) held the same 106 distributions and 451 MiB of
    file content (du -sb), 3 % above this sum of 438 MiB: the venv's own files and caches.
    """
    roots = requirement_names((REPO / "requirements.txt").read_text("utf-8"))
    # A fresh venv (Python 3.11) also holds pip and setuptools.
    base = [name for name in ("pip", "setuptools") if _installed(name)]
    names = distributions(dependency_closure([*roots, *base, "mali-crisis-helpers"],
                                             requires_here))
    return sum(installed_bytes(n) for n in names) / 2**20, len(names)


def venv_mb() -> float:
    """Size of the whole environment this runs in (test packages included), in MiB."""
    files = (p for p in Path(sys.prefix).rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 2**20


def lab_server_mb() -> float:
    """Resident memory (MiB) of an idle JupyterLab server, started and stopped here."""
    import tempfile

    import psutil

    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, JUPYTER_CONFIG_DIR=f"{home}/c", JUPYTER_RUNTIME_DIR=f"{home}/r",
                   JUPYTER_DATA_DIR=f"{home}/d", JUPYTER_PLATFORM_DIRS="1")
        proc = subprocess.Popen(
            [sys.executable, "-m", "jupyter", "lab", "--allow-root", "--no-browser",
             "--ip=127.0.0.1", "--port=0", "--IdentityProvider.token=bench",
             f"--ServerApp.root_dir={home}"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            for line in proc.stderr:  # the server logs its URL once it listens
                if "http://127.0.0.1:" in line:
                    break
            time.sleep(2)
            return psutil.Process(proc.pid).memory_info().rss / 2**20
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def machine() -> dict[str, str]:
    """Describe the machine and the moment, so numbers can be compared fairly."""
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               platform.processor() or "unknown")
    mem = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), "0")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                            capture_output=True, text=True, check=False).stdout.strip()
    return {"date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "commit": commit or "unknown", "cpu": f"{cpu}, {os.cpu_count()} cores",
            "memory": f"{int(mem) / 2**20:.1f} GiB",
            "load average at start (1, 5, 15 min)": ", ".join(f"{x:.2f}" for x in os.getloadavg()),
            "system": platform.platform(), "python": platform.python_version()}
