"""Run axe-core (pinned npm package, loaded from a local file) in a Playwright page."""

from __future__ import annotations

from playwright.sync_api import Page

# What the module promises (WCAG 2.1 A and AA plus axe's best practices), and the rules
# that must pass wherever they apply, whatever axe rates their impact.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
REQUIRED_RULES = [
    "image-alt",            # every chart image has a text alternative
    "color-contrast",       # text contrast at least 4.5:1
    "link-in-text-block",   # links distinguishable without colour
    "link-name",
    "select-name",          # the widgets' dropdowns have labels
    "label",
    "th-has-data-cells",
    "td-headers-attr",
    "empty-heading",
    "heading-order",
    "page-has-heading-one",
    "document-title",
    "html-has-lang",
    "duplicate-id-aria",
]
BLOCKING_IMPACTS = {"serious", "critical"}
# Findings inside ipywidgets' own controls, which our code cannot reach: (rule, a fragment of
# the element's HTML, why). They are printed by the tests, never failed. Keep this list short
# and exact; a finding in our own content is fixed, not listed here.
KNOWN_UPSTREAM = [
    ("aria-input-field-name", '<div class="noUi-handle',
     "ipywidgets sliders draw their handles with noUiSlider, which gives role=slider but no "
     "name; the widget's visible description label is not linked to the handle"),
    ("button-name", '<button class="jupyter-button"><i class="fa fa-play"></i></button>',
     "ipywidgets Play: icon-only buttons with no text or title"),
    ("button-name", '<button class="jupyter-button"><i class="fa fa-pause"></i></button>',
     "ipywidgets Play: icon-only buttons with no text or title"),
    ("button-name", '<button class="jupyter-button"><i class="fa fa-stop"></i></button>',
     "ipywidgets Play: icon-only buttons with no text or title"),
    ("button-name", '<button class="jupyter-button"><i class="fa fa-retweet"></i></button>',
     "ipywidgets Play: icon-only buttons with no text or title"),
]


def run_axe(page: Page, axe_js: str, *, include: list[str] | None = None) -> dict:
    """Inject axe (the text of ``axe.min.js``) and return its results for the page.

    Args:
        page: A loaded page.
        axe_js: The source of axe-core's ``axe.min.js``.
        include: CSS selectors to restrict the check to (default: the whole document).
    """
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_js)
    return page.evaluate(
        """async ([include, tags]) => {
            const context = include ? {include: include.map(s => [s])} : document;
            return await axe.run(context, {runOnly: {type: 'tag', values: tags}});
        }""",
        [include, TAGS],
    )


# Open defects in our own content, not yet fixed: (rule, a fragment of the element's HTML,
# what to do). The tests print them and check that each still occurs, so an entry must be
# removed as soon as its fix lands. Add nothing here without an owner and a fix.
KNOWN_DEFECTS: list[tuple[str, str, str]] = []


def is_known_defect(rule: str, html: str) -> bool:
    """Whether a finding is one of the :data:`KNOWN_DEFECTS` (printed, not failed)."""
    return any(rule == known and fragment in html for known, fragment, _ in KNOWN_DEFECTS)


def known_defects_found(results: dict) -> set[str]:
    """The fragments of :data:`KNOWN_DEFECTS` that occur in these results."""
    return {fragment for v in results["violations"] for n in v["nodes"]
            for known, fragment, _ in KNOWN_DEFECTS
            if v["id"] == known and fragment in n["html"]}


def is_upstream(rule: str, html: str) -> bool:
    """Whether a finding is one of the :data:`KNOWN_UPSTREAM` ipywidgets internals."""
    return any(rule == known and html.startswith(fragment)
               for known, fragment, _ in KNOWN_UPSTREAM)


def blocking_violations(results: dict) -> list[str]:
    """Describe each violation that must fail a test: serious or critical, or a required rule.

    Nodes that are known ipywidgets internals (:data:`KNOWN_UPSTREAM`) or listed open
    defects (:data:`KNOWN_DEFECTS`) are left out.
    """
    found = []
    for violation in results["violations"]:
        if violation["impact"] not in BLOCKING_IMPACTS and violation["id"] not in REQUIRED_RULES:
            continue
        nodes = [n for n in violation["nodes"] if not is_upstream(violation["id"], n["html"])
                 and not is_known_defect(violation["id"], n["html"])]
        if nodes:
            targets = "; ".join(str(node["target"]) for node in nodes[:5])
            found.append(f"{violation['id']} ({violation['impact']}, "
                         f"{len(nodes)} nodes): {violation['help']} -> {targets}")
    return found


def other_violations(results: dict) -> list[str]:
    """The violations that do not fail a test: minor best practices and upstream internals."""
    blocking = {line.split(" ", 1)[0] for line in blocking_violations(results)}
    return [f"{v['id']} ({v['impact']}, {len(v['nodes'])} nodes)" for v in results["violations"]
            if v["id"] not in blocking]
