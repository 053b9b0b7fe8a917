"""Helpers that open the reader edition (static HTML) from files only.

Every request that is not a ``file:`` URL is aborted and recorded, so a page that
still needs a CDN shows up as a list of blocked addresses instead of passing by luck.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, Route

WIDGET_VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]'
WIDGET_ERROR = "Error displaying widget"


def block_network(page: Page) -> list[str]:
    """Abort every non-``file:`` request of ``page``; return the (growing) list of them."""
    blocked: list[str] = []

    def handle(route: Route) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.route("**/*", handle)
    return blocked


def open_offline(page: Page, path: Path) -> list[str]:
    """Open ``path`` with the network blocked and wait for the load event.

    Returns:
        The list of blocked URLs (it keeps growing if the page requests more later).
    """
    blocked = block_network(page)
    page.goto(path.resolve().as_uri(), wait_until="load")
    return blocked


def wait_for_widgets(page: Page, *, timeout_ms: int = 30_000) -> int:
    """Wait until every widget view on the page has rendered; return how many there are.

    The html-manager replaces nothing: it renders each view into the output that holds
    its ``<script>`` tag, as a ``.lm-Widget`` element.

    Raises:
        AssertionError: A view did not render in time or reported an error.
    """
    views = page.locator(WIDGET_VIEW).count()
    page.wait_for_function(
        """([selector, count]) => {
            const outputs = [...document.querySelectorAll(selector)].map(s => s.parentElement);
            return outputs.length === count
                && outputs.every(o => o.querySelector('.lm-Widget, .jupyter-widgets') !== null);
        }""",
        arg=[WIDGET_VIEW, views],
        timeout=timeout_ms,
    )
    body = page.locator("body").inner_text()
    assert WIDGET_ERROR not in body, "a widget failed to render from its saved state"
    return views
