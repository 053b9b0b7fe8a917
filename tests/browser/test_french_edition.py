"""The French edition in a real JupyterLab: notebook 00 runs, its widget and check speak French.

The French notebook is built here from the English one and whatever French text exists
(``scripts/build_translation.py``), so the test relies on what the helpers print, not on the
lesson's prose. The French texts expected are computed by the same helpers in this process
with ``MALI_LANGUAGE=fr``, and each must differ from the English one: a helper that still
speaks English fails the test.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
import pytest
from build_translation import read_english, read_entries, translate_notebook
from conftest import REPO_ROOT
from lab import cell_errors, open_notebook, run_all_cells, wait_for_text
from test_progress_summary import code_cell, replace_and_run

from helpers.data import load_events, load_places, load_sources
from helpers.exercises import check
from helpers.maps import describe_place, place_explorer

NOTEBOOK = "notebooks/fr/00-start-here.ipynb"
ANSWER = "11 janvier 2013"
TAG = re.compile(r"<[^>]+>")


def visible(markup: str) -> str:
    """The text of an HTML fragment as the page shows it, spaces collapsed."""
    return " ".join(html.unescape(TAG.sub(" ", markup)).split())


def loosely(text: str) -> re.Pattern[str]:
    """A pattern for ``text`` in which any run of spaces (no-break ones too) matches any other."""
    return re.compile(r"\s+".join(re.escape(word) for word in text.split()))


def helper_texts(monkeypatch: pytest.MonkeyPatch, language: str) -> dict[str, str]:
    """What the place explorer and ``check`` show in ``language``, from the helpers themselves."""
    monkeypatch.setenv("MALI_LANGUAGE", language)
    monkeypatch.delenv("HELPERS_EXERCISE_LOG", raising=False)
    tables = load_places(), load_events(), load_sources()
    gao = visible(describe_place(*tables, "gao"))
    picker = place_explorer(*tables).children[0]
    return {"choose": visible(describe_place(*tables, "")),
            "first option": picker.options[0][0],
            "gao": re.split(r"\)\.?\s+", gao, maxsplit=1)[-1][:60],  # after "Gao (…). "
            "feedback": visible(check("0.1", ANSWER)._repr_html_())}


@pytest.fixture
def texts(monkeypatch: pytest.MonkeyPatch) -> dict[str, dict[str, str]]:
    """What the helpers show in each language: ``{"en": {...}, "fr": {...}}``."""
    return {language: helper_texts(monkeypatch, language) for language in ("en", "fr")}


@pytest.fixture
def french_notebook(lab_server) -> str:
    """Build notebook 00's French edition into the lab root; return its path there."""
    english = read_english(REPO_ROOT / "notebooks" / "00-start-here.ipynb")
    entries = read_entries(REPO_ROOT / "translations" / "fr" / "00-start-here.toml")
    built, _ = translate_notebook(english, entries, "fr")
    target: Path = lab_server.root / NOTEBOOK
    target.parent.mkdir(exist_ok=True)
    nbformat.write(built, target)
    return NOTEBOOK


def test_french_notebook_widget_and_check_speak_french(page, lab_server, texts,
                                                       french_notebook):
    french = texts["fr"]
    same = [name for name in french if french[name] == texts["en"][name]]
    assert not same, f"the helpers still speak English in the French edition: {same}"
    assert french["feedback"].startswith("✔"), french["feedback"]

    open_notebook(page, lab_server, french_notebook)
    run_all_cells(page)
    assert cell_errors(page) == []

    panel = page.locator(".place-explorer-panel")
    wait_for_text(panel, loosely(french["choose"]))
    picker = page.locator(".place-explorer-picker select")
    wait_for_text(picker.locator("option").first, loosely(french["first option"]))
    picker.select_option(label="Gao")
    wait_for_text(panel, loosely(french["gao"]))

    answer = code_cell(page, "answer_0_1 = ...")
    replace_and_run(page, answer, f'answer_0_1 = "{ANSWER}"\ncheck("0.1", answer_0_1)')
    wait_for_text(answer.locator(".jp-OutputArea-output"), loosely(french["feedback"][:80]))
