"""Where the module's files live, found from this package, never from the working directory."""

from __future__ import annotations

from pathlib import Path


def repo_root() -> Path:
    """Return the folder that holds ``data/``, ``notebooks/`` and ``helpers/``.

    Example:
        >>> (repo_root() / "helpers").is_dir()
        True
    """
    return Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """Return the folder of the curated CSV tables.

    Example:
        >>> data_dir().name
        'data'
    """
    return repo_root() / "data"
