"""Run the unit tests and the notebooks under every supported Python found on this machine.

`make test-pythons` (not part of `make test`). Interpreters are looked for on PATH
(``python3``, ``python3.N``) and in pyenv (``~/.pyenv/versions/*/bin/python``); each
supported one gets its own virtual environment under ``build/pythons/<version>`` (never the
repository's ``.venv``), the pinned runtime and test packages, then the unit tests and every
notebook under nbval, offline. The table at the end has one row per interpreter found and one
per supported version not found ("not tested"); unsupported interpreters are listed as "not
supported" and never run. Exit status 1 unless every supported version was found and passed.

    python3 scripts/test_pythons.py [--only 3.12] [--keep-going]
"""

from __future__ import annotations

import argparse
import glob
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from check_python import read_supported

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build" / "pythons"
NBVAL = ["--nbval-lax", "--nbval-current-env", "--nbval-sanitize-with", "tests/nbval-sanitize.cfg"]
MINORS = range(6, 20)


@dataclass
class Interpreter:
    """One Python found on the machine."""

    path: str
    version: tuple[int, int, int]

    @property
    def name(self) -> str:
        return ".".join(map(str, self.version))


@dataclass
class Row:
    """One line of the result table."""

    version: str
    path: str
    result: str
    seconds: float | None = None


def candidate_paths() -> list[str]:
    """Return every Python executable path worth asking, PATH first, then pyenv."""
    names = ["python3", *(f"python3.{minor}" for minor in MINORS)]
    found = [path for name in names if (path := shutil.which(name))]
    pyenv = os.environ.get("PYENV_ROOT", str(Path.home() / ".pyenv"))
    found += sorted(glob.glob(os.path.join(pyenv, "versions", "*", "bin", "python")))
    return found


def identify(path: str) -> Interpreter | None:
    """Ask an executable for its real path and version; None if it is not a working Python 3.

    Example:
        >>> identify(sys.executable).version == tuple(sys.version_info[:3])
        True
    """
    code = "import sys; print(sys.executable); print(*sys.version_info[:3])"
    try:
        done = subprocess.run([path, "-c", code], capture_output=True, text=True, timeout=30,
                              check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    lines = done.stdout.split("\n")
    if done.returncode != 0 or len(lines) < 2 or not lines[1].strip():
        return None
    version = tuple(int(part) for part in lines[1].split())
    return Interpreter(os.path.realpath(lines[0]) if lines[0] else path, version)


def find_interpreters(paths: list[str]) -> list[Interpreter]:
    """Identify each path once, dropping shims and links that lead to the same executable."""
    seen: dict[str, Interpreter] = {}
    for path in paths:
        found = identify(path)
        if found and found.path not in seen:
            seen[found.path] = found
    return sorted(seen.values(), key=lambda found: (found.version, found.path))


def run(command: list[str], *, log, cwd: Path = ROOT, env: dict | None = None) -> bool:
    """Run one step, its output appended to ``log``; return True when it succeeded."""
    log.write(f"\n$ {' '.join(command)}\n")
    log.flush()
    done = subprocess.run(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, env=env,
                          check=False)
    return done.returncode == 0


def check_one(found: Interpreter) -> Row:
    """Build or update the venv of one interpreter, run unit tests and nbval; return its row."""
    venv = BUILD / found.name
    venv.parent.mkdir(parents=True, exist_ok=True)
    log_path = BUILD / f"{found.name}.log"
    python = str(venv / "bin" / "python")
    offline = {**os.environ, "PYTHONPATH": str(ROOT / "tests" / "offline")}
    steps = [
        ("venv", [found.path, "-m", "venv", str(venv)], None),
        ("install", [python, "-m", "pip", "install", "--quiet", "-r", "requirements-test.txt",
                     "-c", "constraints.txt"], None),
        ("install", [python, "-m", "pip", "install", "--quiet", "--no-deps", "-e", "."], None),
        ("unit tests", [python, "-m", "pytest", "-q", "tests", "helpers", "scripts/editions.py",
                        "--ignore=tests/browser", "--ignore=tests/hub"], None),
        ("notebooks", [python, "-m", "pytest", "-q", *NBVAL, "notebooks"], offline),
    ]
    start = time.perf_counter()
    with log_path.open("w", encoding="utf-8") as log:
        for label, command, env in steps:
            print(f"  {found.name}: {label}", flush=True)
            if not run(command, log=log, env=env):
                return Row(found.name, found.path, f"FAILED at {label} (see {log_path})",
                           time.perf_counter() - start)
    return Row(found.name, found.path, "passed (unit tests, notebooks)",
               time.perf_counter() - start)


def plan(found: list[Interpreter], supported: tuple[tuple[int, int], ...],
         only: str | None = None) -> tuple[list[Interpreter], list[Row]]:
    """Split the interpreters into those to test and the rows already known.

    Example:
        >>> old, new = Interpreter("/x/3.10", (3, 10, 1)), Interpreter("/x/3.12", (3, 12, 0))
        >>> todo, rows = plan([old, new], ((3, 11), (3, 12)))
        >>> [t.name for t in todo], [(r.version, r.result) for r in rows]
        (['3.12.0'], [('3.10.1', 'not supported'), ('3.11', 'not tested: not found')])
    """
    todo = [one for one in found if one.version[:2] in supported
            and (only is None or one.name.startswith(only))]
    rows = [Row(one.name, one.path, "not supported") for one in found
            if one.version[:2] not in supported]
    present = {one.version[:2] for one in found}
    rows += [Row("{}.{}".format(*wanted), "", "not tested: not found") for wanted in supported
             if wanted not in present]
    rows += [Row(one.name, one.path, f"not tested: --only {only}") for one in found
             if one.version[:2] in supported and one not in todo]
    return todo, rows


def format_table(rows: list[Row]) -> str:
    """Return the rows as a Markdown table, oldest version first.

    Example:
        >>> print(format_table([Row("3.12.1", "/p", "passed", 61.0)]))
        | version | result | time | interpreter |
        |---|---|---|---|
        | 3.12.1 | passed | 61 s | /p |
    """
    def key(row: Row) -> tuple[int, ...]:
        return tuple(int(part) for part in row.version.split("."))

    lines = ["| version | result | time | interpreter |", "|---|---|---|---|"]
    for row in sorted(rows, key=key):
        took = f"{row.seconds:.0f} s" if row.seconds is not None else ""
        lines.append(f"| {row.version} | {row.result} | {took} | {row.path} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Find, test, print the table; return 0 only if every supported version passed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="test only versions starting with this, e.g. 3.12")
    args = parser.parse_args(argv)
    supported = read_supported()
    todo, rows = plan(find_interpreters(candidate_paths()), supported, args.only)
    print(f"Testing {len(todo)} interpreter(s): " + ", ".join(t.name for t in todo), flush=True)
    for found in todo:
        rows.append(check_one(found))
        print(f"  {found.name}: {rows[-1].result}, {rows[-1].seconds:.0f} s", flush=True)
    print(format_table(rows))
    passed = {tuple(map(int, row.version.split(".")[:2])) for row in rows
              if row.result.startswith("passed")}
    return 0 if set(supported) <= passed else 1


if __name__ == "__main__":
    sys.exit(main())
