"""The reader edition (``make site``) works from files alone, widgets and charts included."""

from __future__ import annotations

import pytest
from conftest import REPO_ROOT
from playwright.sync_api import expect
from reader import WIDGET_VIEW, open_offline, wait_for_widgets

NOTEBOOKS = sorted(p.stem for p in (REPO_ROOT / "notebooks").glob("*.ipynb"))


def test_index_links_every_notebook_page(page, reader_site):
    blocked = open_offline(page, reader_site / "index.html")
    links = page.locator("main ol a")
    expect(links).to_have_count(len(NOTEBOOKS))
    hrefs = [links.nth(i).get_attribute("href") for i in range(len(NOTEBOOKS))]
    assert hrefs == [f"{stem}.html" for stem in NOTEBOOKS]
    assert all((reader_site / href).is_file() for href in hrefs)
    assert blocked == []


@pytest.mark.parametrize("stem", NOTEBOOKS)
def test_page_renders_offline_with_widgets_and_images(page, reader_site, stem):
    blocked = open_offline(page, reader_site / f"{stem}.html")
    views = wait_for_widgets(page)
    # Every widget has the visible note saying what the static page can and cannot do.
    expect(page.locator(".reader-widget-note")).to_have_count(views)
    images = page.locator("main img")
    for i in range(images.count()):
        image = images.nth(i)
        image.scroll_into_view_if_needed()
        assert image.evaluate("img => img.complete && img.naturalWidth > 0"), f"image {i} broken"
    assert blocked == [], f"the page asked the network for {blocked}"


def test_start_page_shows_the_place_explorer_and_the_map(page, reader_site):
    blocked = open_offline(page, reader_site / "00-start-here.html")
    assert wait_for_widgets(page) >= 1
    expect(page.locator(".place-explorer-picker select")).to_be_visible()
    expect(page.locator(".place-explorer-panel")).to_contain_text("Choose a place")
    chart = page.locator("figure img[alt^='Map of Mali']")
    chart.scroll_into_view_if_needed()
    assert chart.evaluate("img => img.naturalWidth") > 300
    # The static fallback of the widget (the table of places) is on the page.
    table = page.locator("table:not(details table)").filter(has_text="km from Bamako")
    expect(table).to_be_visible()
    assert page.locator(WIDGET_VIEW).count() >= 1
    assert blocked == []


def test_offline_check_notices_a_cdn_script(page, tmp_path):
    """The routing really blocks: a page that loads a CDN script is caught."""
    html = tmp_path / "cdn.html"
    html.write_text('<!DOCTYPE html><html lang="en"><head><title>t</title>'
                    '<script src="https://cdn.jsdelivr.net/npm/x/y.js"></script></head>'
                    "<body><p>x</p></body></html>", encoding="utf-8")
    blocked = open_offline(page, html)
    assert blocked == ["https://cdn.jsdelivr.net/npm/x/y.js"]
