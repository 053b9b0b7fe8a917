"""Text from the data never becomes code: the reader edition built from poisoned data.

Every text column of every table gets script payloads appended (``poison.py``); the
notebooks run on that copy and are exported as the reader edition, with the offline
guard on. Each page is opened in Chromium with a recorder for ``__pwned`` calls and
dialogs, every element is hovered (a ``mouseover`` event), and the page must show the
payloads as text while nothing runs and no injected element or attribute exists.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import REPO_ROOT, run_side_by_side
from poison import MARKER, poisoned_copy
from reader import open_offline, wait_for_widgets

NOTEBOOKS = sorted(p.name for p in (REPO_ROOT / "notebooks").glob("*.ipynb"))
GUARD = REPO_ROOT / "tests" / "offline"
RECORDER = "window.__fired = []; window.__pwned = (what) => window.__fired.push(what);"
FINDINGS = """() => {
    const found = [];
    for (const el of document.querySelectorAll('*')) {
        for (const attr of el.attributes) {
            const value = attr.value || '';
            if (attr.name.startsWith('on') && /__pwned|alert/.test(value)) {
                found.push(`${el.tagName} ${attr.name}`);
            }
            if (/^(href|src|action|formaction)$/.test(attr.name)
                    && /^\\s*javascript:/i.test(value)) {
                found.push(`${el.tagName} ${attr.name}=javascript:`);
            }
        }
        if (el.tagName === 'SCRIPT' && /__pwned/.test(el.textContent)
                && /^$|javascript|ecmascript|module/i.test(el.type)) {
            found.push('executable script');
        }
    }
    for (const el of document.querySelectorAll('*')) {
        el.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
    }
    return found;
}"""


@contextmanager
def kernels_importing_from(root: Path) -> Iterator[None]:
    """Let kernels started inside the block import ``helpers`` from ``root``, offline."""
    before = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), str(GUARD), before]))
    try:
        yield
    finally:
        if before is None:
            del os.environ["PYTHONPATH"]
        else:
            os.environ["PYTHONPATH"] = before


@pytest.fixture(scope="session")
def poisoned_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reader edition of every notebook, built from a poisoned copy of the data."""
    from build_site import build_site, execute_notebook
    from js_assets import AssetError

    root = poisoned_copy(REPO_ROOT, tmp_path_factory.mktemp("poisoned"))
    out = root / "site"
    notebooks = sorted((root / "notebooks").glob("*.ipynb"))
    with kernels_importing_from(root):
        runs = dict(zip(notebooks, run_side_by_side(execute_notebook, notebooks), strict=True))
        try:
            build_site(notebooks, out=out, execute=runs.pop)
        except AssetError as error:
            pytest.fail(f"the reader edition cannot be built: {error}")
    return out


def probe(page, path: Path) -> tuple[list[str], list[str], list[str], str]:
    """Open ``path`` offline; return what ran, the dialogs, injected markup and the text."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.add_init_script(RECORDER)
    blocked = open_offline(page, path)
    if page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count():
        wait_for_widgets(page)
    injected = page.evaluate(FINDINGS)
    page.wait_for_timeout(300)
    fired = page.evaluate("window.__fired")
    assert blocked == [], f"the page asked the network for {blocked}"
    return fired, dialogs, injected, page.locator("body").inner_text()


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_poisoned_text_is_shown_never_run(page, poisoned_site, name):
    fired, dialogs, injected, text = probe(page, poisoned_site / name.replace(".ipynb", ".html"))
    assert MARKER in text, "the poisoned text did not reach the page: the test proves nothing"
    assert fired == [] and dialogs == [], f"scripts ran: {fired} {dialogs}"
    assert injected == [], f"markup from the data reached the page: {injected}"


def test_the_probe_catches_each_payload_when_unescaped(page, tmp_path):
    """The check can fail: a page with the payloads unescaped is caught on every count."""
    html = tmp_path / "raw.html"
    html.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><p>'
        f"{MARKER} <img src=x onerror=__pwned('img')><script>__pwned('script')</script>"
        "<a href=\"javascript:__pwned('href')\">a</a><b onmouseover=\"__pwned('hover')\">b</b>"
        "<svg onload=alert('svg')></svg></p></body></html>", encoding="utf-8")
    fired, dialogs, injected, text = probe(page, html)
    assert MARKER in text
    assert set(fired) >= {"img", "script", "hover"} and dialogs == ["svg"]
    assert {"IMG onerror", "A href=javascript:", "B onmouseover", "executable script"} \
        <= set(injected)
