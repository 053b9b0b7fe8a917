"""The projector view (``make slides``): large text, every slide whole, no code, notes hidden.

Every deck is built into a temporary folder (from the same notebook runs as the reader
edition) and shown at 1280x720 with every non-file request blocked. On every slide the body
text must render at 20 px or more (computed size times reveal.js's scale), the content must
fit the slide (nothing below its bottom edge: long tables and lists continue on the next
slide), no figure may extend past the slide (charts outside widgets take at least 80% of its
width), and captions take one line; code, exercise cells and speaker notes never show, and
the bibliography ("Sources used") is the last slide.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO_ROOT, run_side_by_side, skip_if_requested

NOTEBOOKS = sorted(p.name for p in (REPO_ROOT / "notebooks").glob("*.ipynb"))
FIGURES = {"03-intervention.ipynb": 6, "04-us-law.ipynb": 1}  # charts at least
MIN_BODY_PX = 20

MEASURE = """() => {
  const slide = Reveal.getCurrentSlide();
  const scale = Reveal.getScale();
  const box = slide.getBoundingClientRect();
  const texts = [...slide.querySelectorAll(
      '.jp-RenderedHTMLCommon p, .jp-RenderedHTMLCommon li, .jp-RenderedHTMLCommon td')]
    .filter(e => e.offsetParent !== null && e.textContent.trim());
  const sizes = texts.map(e => parseFloat(getComputedStyle(e).fontSize) * scale);
  const figures = [...slide.querySelectorAll('img')].filter(e => e.offsetParent !== null);
  const cut = figures.filter(e => { const r = e.getBoundingClientRect();
    return r.bottom > Math.min(box.bottom, innerHeight) + 1 || r.right > innerWidth + 1
      || r.left < -1 || r.top < box.top - 1; }).length;
  const captions = [...slide.querySelectorAll('figcaption')].filter(e => e.offsetParent)
    .filter(e => e.getBoundingClientRect().height
      > 1.6 * parseFloat(getComputedStyle(e).lineHeight)).length;
  return {sizes, figures: figures.length, cut, captions,
          overflow: slide.scrollHeight - slide.clientHeight,
          text: slide.textContent.trim().slice(0, 50),
          widths: figures.filter(e => !e.closest('.jupyter-widgets'))
            .map(e => e.getBoundingClientRect().width / box.width)};
}"""


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory, executed_notebook) -> Path:
    skip_if_requested()
    from build_slides import build_slides
    from js_assets import AssetError

    out = tmp_path_factory.mktemp("slides")
    notebooks = [REPO_ROOT / "notebooks" / name for name in NOTEBOOKS]
    run_side_by_side(executed_notebook, notebooks)  # at once when the reader edition has not
    try:
        build_slides(notebooks, out=out, execute=executed_notebook)
    except AssetError as error:
        pytest.fail(f"reveal.js cannot be fetched for the projector view: {error}")
    return out


def _open(page, deck: Path) -> list[str]:
    blocked: list[str] = []
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
        ("file:", "data:")) else (blocked.append(route.request.url), route.abort()))
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(deck.as_uri())
    page.wait_for_function("window.Reveal && Reveal.isReady() && window.deckReady")
    return blocked


def _every_slide(page) -> list[tuple[dict, dict]]:
    found = []
    for where in page.evaluate("Reveal.getSlides().map(s => Reveal.getIndices(s))"):
        page.evaluate(f"Reveal.slide({where['h']}, {where.get('v') or 0})")
        page.wait_for_timeout(30)
        found.append((where, page.evaluate(MEASURE)))
    return found


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_slide_has_large_text_and_fits(page, decks: Path, name: str) -> None:
    blocked = _open(page, decks / name.replace(".ipynb", ".html"))
    sizes, figures, problems = [], 0, []
    for where, found in _every_slide(page):
        sizes += found["sizes"]
        figures += found["figures"]
        if found["cut"] or found["captions"]:
            problems.append((where, "figure cut off or caption over one line", found))
        if found["overflow"] > 1:
            problems.append((where, f"content {found['overflow']} px below the slide",
                             found["text"]))
        if any(width < 0.8 for width in found["widths"]):
            problems.append((where, "figure narrower than 80% of the slide", found["widths"]))
    assert blocked == []
    assert sizes and min(sizes) >= MIN_BODY_PX, f"smallest body text {min(sizes):.1f} px"
    assert figures >= FIGURES.get(name, 0)
    assert problems == []


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_no_code_no_answers_notes_hidden_bibliography_last(page, decks: Path, name: str) -> None:
    _open(page, decks / name.replace(".ipynb", ".html"))
    assert page.locator(".jp-CodeCell .jp-InputArea").count() == 0
    assert page.locator(".jp-MarkdownCell").count() > 10
    assert page.locator("text=answer_").count() == 0
    notes = page.locator("aside.notes")
    assert notes.count() >= 1 and not any(notes.nth(i).is_visible() for i in range(notes.count()))
    last = page.evaluate("(() => { const s = Reveal.getHorizontalSlides(); "
                         "return s[s.length - 1].textContent; })()")
    assert "Sources used" in last


def test_a_long_table_continues_on_the_next_slide_with_its_header(page, decks: Path) -> None:
    """Lesson 05's matrix is taller than the screen: it continues over several slides, each
    with the table's header, and no question is lost or repeated."""
    _open(page, decks / "05-comparing-sources.html")
    parts = page.evaluate("""(() => {
        const stack = Reveal.getHorizontalSlides()
          .find(s => s.textContent.includes('Corroboration: the matrix'));
        return [...stack.querySelectorAll(':scope > section')]
          .filter(part => part.querySelector('table.cm-matrix'))
          .map(part => ({header: part.querySelectorAll('table.cm-matrix thead th').length,
                         rows: [...part.querySelectorAll('table.cm-matrix tbody th')]
                           .map(th => th.textContent)}));
    })()""")
    rows = [row for part in parts for row in part["rows"]]
    assert len(parts) >= 2 and all(part["header"] == parts[0]["header"] > 1 for part in parts)
    assert len(rows) == len(set(rows)) > 10


def test_a_figure_taller_than_the_slide_is_caught(page, decks: Path) -> None:
    _open(page, decks / "04-us-law.html")
    page.add_style_tag(content=".reveal .jp-OutputArea-output img { max-height: none !important;"
                               " height: 2000px !important; }")
    problems = [found for _, found in _every_slide(page) if found["cut"] or found["overflow"] > 1]
    assert len(problems) >= 1
