"""Fetch the few pinned npm packages the reader edition, the slides and the browser tests use.

Nothing here runs for a student: ``make site``, ``make slides`` and the browser tests call
:func:`fetch_package`, which runs ``npm pack`` once per pinned version (the npm registry
is the only network it needs), checks the tarball against the pinned sha512 integrity and
unpacks it under ``build/npm/``. Later calls reuse the unpacked copy.

    .venv/bin/python scripts/js_assets.py        # fetch them all and print where they are
"""

from __future__ import annotations

import base64
import hashlib
import shutil
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CACHE = REPO / "build" / "npm"


@dataclass(frozen=True)
class NpmPin:
    """One npm package at an exact version, with the registry's sha512 integrity."""

    name: str
    version: str
    integrity: str

    @property
    def spec(self) -> str:
        """The ``name@version`` that ``npm pack`` takes."""
        return f"{self.name}@{self.version}"

    @property
    def tarball_name(self) -> str:
        """The file name ``npm pack`` writes, e.g. ``jupyter-widgets-html-manager-1.0.15.tgz``.

        Example:
            >>> PINS["html-manager"].tarball_name
            'jupyter-widgets-html-manager-1.0.15.tgz'
        """
        return f"{self.name.lstrip('@').replace('/', '-')}-{self.version}.tgz"


# html-manager 1.0.x renders the widget state that ipywidgets 8 stores.
PINS: dict[str, NpmPin] = {
    "html-manager": NpmPin(
        "@jupyter-widgets/html-manager", "1.0.15",
        "sha512-5thBIV6ymNgmPVOHvzx+gGy8ZSKmSazhtGw4/c4xJDVzRhG9PTeQsRjF3FUTopvFi//SABeNz1yp47bCrJ3CQA=="),
    "requirejs": NpmPin(
        "requirejs", "2.3.8",
        "sha512-7/cTSLOdYkNBNJcDMWf+luFvMriVm7eYxp4BcFCsAX0wF421Vyce5SXP17c+Jd5otXKGNehIonFlyQXSowL6Mw=="),
    "reveal.js": NpmPin(
        "reveal.js", "4.6.1",
        "sha512-1CW0auaXNPmwmvQ7TwpszwVxMi2Xr5cTS3J3EBC/HHgbPF32Dn7aiu/LKWDOGjMbaDwKQiGmfqcoGQ74HUHCMw=="),
    "axe-core": NpmPin(
        "axe-core", "4.14.1",
        "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="),
}  # fmt: skip


class AssetError(RuntimeError):
    """npm is missing, the registry cannot be reached, or a tarball does not match its pin."""


def integrity_of(data: bytes) -> str:
    """Return the npm-style ``sha512-<base64>`` integrity string of ``data``.

    Example:
        >>> integrity_of(b"")[:19]
        'sha512-z4PhNX7vuL3x'
    """
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def _npm_pack(pin: NpmPin, target: Path) -> Path:
    npm = shutil.which("npm")
    if npm is None:
        raise AssetError(
            f"npm is not installed, so {pin.spec} cannot be fetched: install it "
            "(Debian: `apt-get install npm`) and run again.")
    target.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([npm, "pack", pin.spec, "--pack-destination", str(target)],
                            capture_output=True, text=True, timeout=300, check=False)
    tarball = target / pin.tarball_name
    if result.returncode != 0 or not tarball.is_file():
        raise AssetError(f"`npm pack {pin.spec}` failed (is the npm registry reachable?):\n"
                         f"{result.stderr.strip()[-1500:]}")
    return tarball


def fetch_package(key: str, *, cache: Path = CACHE) -> Path:
    """Return the unpacked folder (npm's ``package/``) of the pinned package ``key``.

    Raises:
        AssetError: npm failed or the tarball's integrity differs from the pin.
    """
    pin = PINS[key]
    unpacked = cache / f"{pin.tarball_name[:-4]}"
    if (unpacked / "package" / "package.json").is_file():
        return unpacked / "package"
    tarball = cache / pin.tarball_name
    if not tarball.is_file():
        tarball = _npm_pack(pin, cache)
    found = integrity_of(tarball.read_bytes())
    if found != pin.integrity:
        tarball.unlink()
        raise AssetError(f"{pin.spec}: integrity {found} differs from the pinned "
                         f"{pin.integrity}; refusing to use it.")
    with tarfile.open(tarball) as archive:
        archive.extractall(unpacked, filter="data")
    return unpacked / "package"


def main() -> int:
    """Fetch every pinned package and print its folder."""
    try:
        for key in PINS:
            print(f"{PINS[key].spec}: {fetch_package(key)}")
    except AssetError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
