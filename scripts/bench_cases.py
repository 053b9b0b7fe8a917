"""The widget update functions the benchmark times: one :class:`BenchCase` per widget.

A widget in this module is thin: it passes its controls' values to a pure helper
function and shows the result. That function is what a student waits for after moving a
control, so it is what ``make bench`` times. **A lesson that adds a widget appends a case
to ``BENCH_CASES``**; the benchmark lists every ``helpers`` module that builds ipywidgets
without a case, so a missing one shows in ``bench/results.md``.

A case's ``setup`` does the slow, once-only work (loading tables) and returns a function
of no arguments that makes one update, cycling through realistic inputs.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class BenchCase:
    """One widget's update function, ready to time.

    Attributes:
        name: What is timed, e.g. ``"maps.describe_place"``.
        widget_module: The ``helpers`` module whose widget calls it.
        setup: Returns a no-argument callable making one update (not timed itself).
    """

    name: str
    widget_module: str
    setup: Callable[[], Callable[[], object]]


def setup_describe_place() -> Callable[[], object]:
    """Describe each place in turn, as the place explorer does on every dropdown change.

    Example:
        >>> update = setup_describe_place()
        >>> update().startswith("<p><strong>")
        True
    """
    from helpers.data import load_events, load_places, load_sources
    from helpers.maps import describe_place

    places, events, sources = load_places(), load_events(), load_sources()
    ids = itertools.cycle(list(places["place_id"]))
    return lambda: describe_place(places, events, sources, next(ids))


def setup_render_week() -> Callable[[], object]:
    """Redraw the control map for each week in turn, as the lesson 2 slider does.

    Every update is a different week (78 of them before the cycle repeats), so nothing
    a week has drawn can be reused by the next.

    Example:
        >>> png, panel = setup_render_week()()
        >>> png[:4] == b"\\x89PNG" and "Events from 2 Jan 2012" in panel
        True
    """
    import pandas as pd

    from helpers.data import load_control, load_events, load_places, load_sources
    from helpers.rebel_advance import WeekMap

    week_map = WeekMap(load_control(), load_places(), load_events(),  # once, like the widget
                       load_sources())
    weeks = itertools.cycle(pd.date_range("2012-01-02", "2013-06-24", freq="7D"))
    return lambda: week_map(next(weeks))


def setup_explore_figures() -> Callable[[], object]:
    """Show each force's figures in each of its categories, all kinds of figure (the chart's
    ``<img>`` and the table, as HTML), as the lesson 3 explorer does on every change.

    Example:
        >>> update = setup_explore_figures()
        >>> chart, table = update()
        >>> chart.startswith('<img class="force-explorer-chart"'), "<table" in table
        (True, True)
    """
    from helpers.data import FIGURE_KINDS, load_deployments, load_sources
    from helpers.intervention import FORCE_NAMES, explore_figures

    deployments, sources = load_deployments(), load_sources()
    pairs = sorted(set(zip(deployments["force"], deployments["category"], strict=True)),
                   key=lambda pair: (list(FORCE_NAMES).index(pair[0]), pair[1]))
    selections = itertools.cycle(pairs)

    def update() -> object:
        force, category = next(selections)
        view = explore_figures(deployments, sources, force=force, category=category,
                               figure_kinds=FIGURE_KINDS)
        return view.chart_html(), view.table_html()

    return update


def setup_compare_sources() -> Callable[[], object]:
    """Compare each pair of seed sources, as the lesson 5 source explorer does.

    Example:
        >>> side, grid = setup_compare_sources()()
        >>> "answered by both" in side and "cm-matrix" in grid
        True
    """
    from helpers.comparing_sources import compare_sources
    from helpers.data import load_claim_keys, load_claim_stances, load_claims, load_sources

    claims, sources = load_claims(), load_sources()
    keys, stances = load_claim_keys(), load_claim_stances()
    seeds = [s for s in sources["source_id"] if s.startswith("seed-")]
    pairs = itertools.cycle(list(itertools.combinations(seeds, 2)))

    def update() -> object:
        first, second = next(pairs)
        return compare_sources(claims, keys, stances, sources, first, second)

    return update


def setup_explore_timeline() -> Callable[[], object]:
    """Filter the timeline by each event category, as the lesson 1 explorer does."""
    from helpers.data import EVENT_CATEGORIES, load_events, load_sources
    from helpers.the_coup import explore_timeline

    events, sources = load_events(), load_sources()
    categories = itertools.cycle([(c,) for c in EVENT_CATEGORIES])
    return lambda: explore_timeline(events, sources, categories=next(categories))


def setup_explain() -> Callable[[], object]:
    """Judge each action for each recipient, as the lesson 4 authority explorer does.

    Example:
        >>> "<li>" in setup_explain()()
        True
    """
    from helpers.data import load_authorities, load_sources, load_us_actions, load_us_rules
    from helpers.us_law import ACTIONS, RECIPIENTS, explain

    tables = load_authorities(), load_us_rules(), load_us_actions(), load_sources()
    questions = itertools.cycle(list(itertools.product(ACTIONS, RECIPIENTS)))

    def update() -> object:
        action, recipient = next(questions)
        return explain(*tables, action, recipient, "2013-01-21")

    return update


BENCH_CASES: list[BenchCase] = [
    BenchCase("maps.describe_place", "helpers.maps", setup_describe_place),
    BenchCase("rebel_advance.render_week", "helpers.rebel_advance", setup_render_week),
    BenchCase("intervention.explore_figures", "helpers.intervention", setup_explore_figures),
    BenchCase("comparing_sources.compare_sources", "helpers.comparing_sources",
              setup_compare_sources),
    BenchCase("the_coup.explore_timeline", "helpers.the_coup", setup_explore_timeline),
    BenchCase("us_law.explain", "helpers.us_law", setup_explain),
]
