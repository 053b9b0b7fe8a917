"""Check the interpreter before `make` builds .venv with it: one line, never a pip traceback.

The supported range is read from ``requires-python`` in ``pyproject.toml`` (the one place it
is written). Runs on any Python 3.6 or newer (no third-party imports, no ``tomllib``, annotations
quoted), because its job
is to answer interpreters the module does not support.

Usage (the Makefile runs it before creating or using .venv)::

    python3 scripts/check_python.py --venv .venv [--python-named] [--goal lab]

Exit status 0 when the interpreter (or an existing .venv) is fine, 1 with one line on stderr
when it is not.
"""

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def read_supported(pyproject: Path = ROOT / "pyproject.toml") -> "tuple[tuple[int, int], ...]":
    """Return the supported (major, minor) versions, from ``requires-python``.

    Understands the form this project uses, ``">=3.A,<3.B"``.

    Example:
        >>> read_supported()[0]
        (3, 11)
    """
    text = pyproject.read_text(encoding="utf-8")
    match = re.search(r'^requires-python\s*=\s*">=3\.(\d+),\s*<3\.(\d+)"', text, re.MULTILINE)
    if not match:
        raise SystemExit(f'{pyproject}: expected requires-python = ">=3.A,<3.B"')
    low, high = int(match.group(1)), int(match.group(2))
    return tuple((3, minor) for minor in range(low, high))


def describe_range(supported: "tuple[tuple[int, int], ...]") -> str:
    """Name the supported versions in words.

    Example:
        >>> describe_range(((3, 11), (3, 12), (3, 13)))
        'Python 3.11, 3.12 or 3.13'
    """
    names = [f"{major}.{minor}" for major, minor in supported]
    return "Python " + (", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else names[0])


def venv_version(venv: Path) -> "tuple[int, ...] | None":
    """Return the Python version a virtual environment was made with, or None if none is there.

    Example:
        >>> venv_version(Path("no-such-folder")) is None
        True
    """
    cfg = venv / "pyvenv.cfg"
    if not cfg.is_file():
        return None
    match = re.search(r"^version(?:_info)?\s*=\s*(\d+)\.(\d+)(?:\.(\d+))?", cfg.read_text(),
                      re.MULTILINE)
    return tuple(int(part) for part in match.groups() if part) if match else None


def suggest_python(supported: "tuple[tuple[int, int], ...]") -> str:
    """Name a supported interpreter to try: the newest that runs from PATH, else the newest.

    Example:
        >>> suggest_python(((3, 99),))
        'python3.99'
    """
    for major, minor in reversed(supported):
        name = f"python{major}.{minor}"
        if shutil.which(name) and subprocess.run([name, "-c", ""], capture_output=True,
                                                 check=False).returncode == 0:
            return name  # on PATH and working (a pyenv shim may be on PATH but not enabled)
    return "python{}.{}".format(*supported[-1])


def check(current: "tuple[int, ...]", made: "tuple[int, ...] | None", *, venv: str = ".venv",
          python_named: bool = False, goal: str = "lab",
          supported: "tuple[tuple[int, int], ...] | None" = None) -> "str | None":
    """Return the one-line problem with this interpreter and .venv, or None when all is well.

    Args:
        current: the version of the interpreter make was given (``$(PYTHON)``).
        made: the version .venv was made with, or None when there is no .venv.
        venv: the folder's name, for the message.
        python_named: True when the person named the interpreter (``PYTHON=...``).
        goal: the make target, for the message.
        supported: the supported (major, minor) versions; read from pyproject.toml if None.

    Example:
        >>> check((3, 12, 1), None, supported=((3, 11), (3, 12)))
        >>> check((3, 10, 13), None, supported=((3, 11), (3, 12)))[:31]
        'Python 3.10.13 is not supported'
    """
    supported = supported or read_supported()
    versions = describe_range(supported)
    example = suggest_python(supported)
    show = ".".join(map(str, current))
    if made is not None:
        made_show = ".".join(map(str, made))
        if tuple(made[:2]) not in supported:
            return (f"{venv} was made by Python {made_show}, which this module does not support "
                    f"({versions}): remove it with `make clean`, then "
                    f"`make {goal} PYTHON={example}`.")
        if python_named and tuple(made[:2]) != tuple(current[:2]):
            return (f"{venv} was made by Python {made_show}, not the Python {show} you named: "
                    f"`make clean` first to rebuild it with Python {show}.")
        return None
    if tuple(current[:2]) not in supported:
        return (f"Python {show} is not supported: this module needs {versions}. Point make at "
                f"one, for example `make {goal} PYTHON={example}`.")
    return None


def main(argv: "list[str] | None" = None) -> int:
    """Check and print the one line; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", default=".venv")
    parser.add_argument("--python-named", action="store_true",
                        help="the interpreter was named on the command line (PYTHON=...)")
    parser.add_argument("--goal", default="lab", help="the make target, for the message")
    args = parser.parse_args(argv)
    problem = check(tuple(sys.version_info[:3]), venv_version(Path(args.venv)), venv=args.venv,
                    python_named=args.python_named, goal=args.goal or "lab")
    if problem:
        print(problem, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
