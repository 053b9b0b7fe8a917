"""Every lesson widget operated with the keyboard alone in JupyterLab (issue 9).

No mouse clicks and no ``select_option``: a test focuses the first control (as Tab
would), moves on with Tab, and uses only the keys a keyboard user has. Each step
checks the widget's output panel for the text that choice must produce.

What works in JupyterLab 4.6 with ipywidgets 8.1.9, and why some keys do not:

* Dropdown (closed ``<select>``): Space opens the browser's list; there arrows or
  typing the first letters move, Enter picks. Arrow keys on the *closed* dropdown are
  taken by Lab's command-mode shortcuts (jupyter-widgets/ipywidgets#3912).
* Select and SelectMultiple (list boxes): the same shortcuts take ArrowUp/ArrowDown
  (they move to another cell) and letters such as A, B, C, D, M, X bound to cell
  commands. Home, End, PageUp, PageDown and unbound letters select; Ctrl+ArrowUp or
  Ctrl+ArrowDown move the focus without selecting; then Space selects that option
  (in a SelectMultiple it adds it to the choice) and Ctrl+Space toggles it.
* DatePicker and Text: typing works (the cell is in edit mode while an input has
  focus); a Text widget with ``continuous_update=False`` applies on Enter.
* Range slider handles: arrow keys, Home and End reach the handle.
* ``<details>`` in an HTML output: Enter on the focused ``<summary>`` opens it.
"""

from __future__ import annotations

import re

from lab import open_notebook, run_all_cells, wait_for_text
from playwright.sync_api import Locator, Page, expect

from helpers import load_events, load_sources
from helpers.data import EVENT_CATEGORIES
from helpers.the_coup import explore_timeline, filter_events

VISIBLE = ".jp-NotebookPanel:not(.lm-mod-hidden)"
KEY_PAUSE_MS = 150  # the browser's dropdown list opens and closes between keys


def press(page: Page, *keys: str) -> None:
    """Press ``keys`` one after another, pausing so an opened list can follow."""
    for key in keys:
        page.keyboard.press(key)
        page.wait_for_timeout(KEY_PAUSE_MS)


def pick_from_dropdown(page: Page, typed: str) -> None:
    """Open the focused dropdown with Space, type the start of a label, pick it with Enter."""
    press(page, "Space")
    page.keyboard.type(typed)
    press(page, "Enter")


def shown_as(label: str) -> re.Pattern[str]:
    """Match an option label as the page shows it (ipywidgets uses no-break spaces)."""
    return re.compile("^" + r"\s".join(map(re.escape, label.split(" "))) + "$")


def tab_to(page: Page, target: Locator) -> None:
    """Press Tab once and check that the focus landed on ``target``."""
    press(page, "Tab")
    expect(target).to_be_focused()


def start(page: Page, lab_server: object, notebook: str, panel: Locator, text: str) -> None:
    """Open ``notebook``, run it and wait until ``panel`` shows its first ``text``."""
    open_notebook(page, lab_server, notebook)
    run_all_cells(page)
    wait_for_text(panel, text)


def test_timeline_explorer_by_keyboard(page, lab_server):
    timeline = filter_events(load_events(), end="2012-12-31")  # what notebook 01 explores
    sources = load_sources()

    def _summary(*categories: str, **filters: str) -> str:
        """What the summary line says for these filters (the widget's own function)."""
        return explore_timeline(timeline, sources, categories=categories, **filters)["summary"]

    def part(name: str) -> Locator:
        return page.locator(f"{VISIBLE} .timeline-explorer-{name}")

    summary, detail = part("summary"), part("detail")
    start(page, lab_server, "notebooks/01-the-coup.ipynb", detail, "Pick an event")
    categories, actor = part("categories").locator("select"), part("actor").locator("select")
    first_day, events = part("start").locator("input"), part("events").locator("select")

    present = [c for c in EVENT_CATEGORIES if c in set(timeline["category"])]
    categories.focus()
    press(page, "End")  # the last category alone
    wait_for_text(summary, _summary(present[-1]))
    press(page, "Control+ArrowUp", "Control+Space")  # add the one above
    wait_for_text(summary, _summary(present[-2], present[-1]))
    press(page, "Home")  # the first category alone
    wait_for_text(summary, _summary(present[0]))
    press(page, "Control+ArrowDown", "Control+ArrowDown", "Space")  # add the third
    wait_for_text(summary, _summary(present[0], present[2]))

    tab_to(page, actor)
    tab_to(page, first_day)
    page.keyboard.type("04012012")  # month, day, year: the en-US order of the date field
    wait_for_text(summary, _summary(present[0], present[2], start="2012-04-01"))

    events.focus()
    press(page, "Home")
    wait_for_text(detail, "Junta says it restores the constitution")
    press(page, "Control+ArrowDown", "Space")
    wait_for_text(detail, "Red Berets' counter-coup fails")

    actor.focus()
    pick_from_dropdown(page, "Red")
    expect(actor).to_have_value(shown_as("Red Berets"))
    wait_for_text(summary, _summary(present[0], present[2], start="2012-04-01",
                                    actor="red_berets"))
    expect(detail.locator(".event-citations li")).to_have_count(2)


def test_force_explorer_by_keyboard(page, lab_server):
    def part(name: str) -> Locator:
        return page.locator(f"{VISIBLE} .force-explorer-{name}")

    table = part("table")
    start(page, lab_server, "notebooks/03-intervention.ipynb", table, "French (Serval)")
    force, contributor = part("force").locator("select"), part("contributor").locator("select")
    kinds, chart = part("kinds").locator("select"), page.locator("img.force-explorer-chart")

    force.focus()
    pick_from_dropdown(page, "African")
    wait_for_text(table, "ECOWAS")

    tab_to(page, contributor)
    pick_from_dropdown(page, "Nigeria")
    wait_for_text(table, "Nigeria")
    expect(table).not_to_contain_text("ECOWAS")

    kinds.focus()
    press(page, "Home")  # "authorized" alone: Nigeria's figures are all pledges
    wait_for_text(table, "Nothing to show")
    expect(chart).to_be_hidden()
    press(page, "Control+ArrowDown", "Control+Space")  # add "pledged"
    wait_for_text(table, "Nigeria")
    expect(chart).to_be_visible()

    window = part("window")
    lower = window.locator(".noUi-handle-lower")
    lower.focus()
    press(page, "End")  # the window shrinks to its last month, after AFISMA ended
    wait_for_text(window, "2014-08-2014-08")
    wait_for_text(table, "Nothing to show")
    press(page, "Home")
    wait_for_text(table, "Nigeria")


def test_authority_explorer_by_keyboard(page, lab_server):
    panel = page.locator(f"{VISIBLE} .us-law-panel")
    start(page, lab_server, "notebooks/04-us-law.ipynb", panel, "Choose an action")
    action = page.locator(f"{VISIBLE} .us-law-action select")

    action.focus()
    pick_from_dropdown(page, "training")
    tab_to(page, page.locator(f"{VISIBLE} .us-law-recipient select"))
    press(page, "Space", "ArrowDown", "ArrowDown", "Enter")  # Choose…, mali government, mali army
    wait_for_text(panel, "BARRED")
    wait_for_text(panel, "training for mali army on 21 January 2013")
    wait_for_text(panel, "sec7008-fy2013-cr")

    tab_to(page, page.locator(f"{VISIBLE} .us-law-date input"))
    press(page, "Control+a")
    page.keyboard.type("2013-10-01")
    press(page, "Enter")
    wait_for_text(panel, "ALLOWED WITH CONDITIONS")
    wait_for_text(panel, "[policy]")

    press(page, "Control+a")
    page.keyboard.type("next week")
    press(page, "Enter")
    wait_for_text(panel, "Cannot judge that")


def test_source_explorer_by_keyboard(page, lab_server):
    def part(name: str) -> Locator:
        return page.locator(f"{VISIBLE} .lesson5-{name}")

    compare = part("compare")
    start(page, lab_server, "notebooks/05-comparing-sources.ipynb", compare, "Pick two sources")
    source_a, source_b = part("source-a").locator("select"), part("source-b").locator("select")

    source_a.focus()
    pick_from_dropdown(page, "f")  # the first source starting with F
    expect(source_a).to_have_value(shown_as("France 24, 2013-01-18"))
    tab_to(page, source_b)
    pick_from_dropdown(page, "p")
    expect(source_b).to_have_value(shown_as("PassBlue, 2013-01-11"))
    wait_for_text(compare, "7 days after 11 January 2013")
    wait_for_text(compare, "answered by both")

    row = part("matrix").locator("tr").filter(has_text="konna-retaken")
    cell = row.locator("td.cm-contradicts")
    claim = cell.locator(".cm-claim")
    expect(claim).to_be_hidden()
    cell.locator("summary").focus()
    press(page, "Enter")
    expect(claim).to_be_visible()
    wait_for_text(claim, "already retaken Konna")

    part("figure").locator("select").focus()
    pick_from_dropdown(page, "distance-bamako-d")
    wait_for_text(part("discrepancy"), "How far is Diabaly from Bamako?")
