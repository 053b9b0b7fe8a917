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
        name: What is timed, e.g. ``"places.describe_place"``.
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
    from helpers.loaders import load_events, load_places
    from helpers.places import describe_place

    places, events = load_places(), load_events()
    ids = itertools.cycle(list(places["place_id"]))
    return lambda: describe_place(next(ids), places=places, events=events)


BENCH_CASES: list[BenchCase] = [
    BenchCase("places.describe_place", "helpers.place_explorer", setup_describe_place),
]
