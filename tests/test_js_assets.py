"""The pinned npm packages: integrity check, file names, clear errors without npm."""

from __future__ import annotations

import doctest
import io
import tarfile

import js_assets
import pytest
from js_assets import PINS, AssetError, NpmPin, fetch_package, integrity_of


def test_doctests() -> None:
    assert doctest.testmod(js_assets).failed == 0


def test_every_pin_is_exact_and_has_a_sha512_integrity() -> None:
    for pin in PINS.values():
        assert pin.version.count(".") == 2 and pin.version.replace(".", "").isdigit(), pin
        assert pin.integrity.startswith("sha512-") and len(pin.integrity) == 95, pin


def fake_tarball(folder, pin: NpmPin) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        data = b'{"name": "x"}'
        info = tarfile.TarInfo("package/package.json")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    (folder / pin.tarball_name).write_bytes(buffer.getvalue())
    return buffer.getvalue()


def test_a_cached_tarball_matching_its_pin_is_unpacked(tmp_path, monkeypatch) -> None:
    pin = NpmPin("@scope/tiny", "1.2.3", "")
    data = fake_tarball(tmp_path, pin)
    monkeypatch.setitem(PINS, "tiny", NpmPin(pin.name, pin.version, integrity_of(data)))
    package = fetch_package("tiny", cache=tmp_path)
    assert (package / "package.json").read_text() == '{"name": "x"}'


def test_a_tarball_that_differs_from_its_pin_is_refused(tmp_path, monkeypatch) -> None:
    pin = NpmPin("tiny", "1.0.0", integrity_of(b"something else"))
    fake_tarball(tmp_path, pin)
    monkeypatch.setitem(PINS, "tiny", pin)
    with pytest.raises(AssetError, match="differs from the pinned"):
        fetch_package("tiny", cache=tmp_path)
    assert not (tmp_path / pin.tarball_name).exists()


def test_missing_npm_is_a_clear_error(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(js_assets.shutil, "which", lambda name: None)
    monkeypatch.setitem(PINS, "tiny", NpmPin("tiny", "1.0.0", integrity_of(b"")))
    with pytest.raises(AssetError, match="npm is not installed.*apt-get install npm"):
        fetch_package("tiny", cache=tmp_path)
