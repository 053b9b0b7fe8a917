"""Lesson 1's timeline explorer: a thin ipywidgets front end over :mod:`helpers.timeline`.

All decisions live in :func:`explore`, a pure function the tests call directly; the
widget only copies its answers into ``Select.options`` and ``HTML.value``.
"""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from helpers.event_detail import event_html
from helpers.schema import EVENT_CATEGORIES
from helpers.timeline import ALL_ACTORS, event_choices, filter_events, summarize_events
from helpers.validate import split_ids


def explore(
    events: pd.DataFrame,
    sources: pd.DataFrame,
    *,
    categories: tuple[str, ...] = (),
    actor: str = ALL_ACTORS,
    start: object = None,
    end: object = None,
    selected: str | None = None,
) -> dict:
    """Compute everything the explorer shows for one state of its controls.

    Returns:
        ``options`` (label, event_id pairs), ``selected`` (kept only if still listed),
        ``summary`` (one sentence) and ``detail`` (HTML for the selected event).
        A bad filter (start after end) gives no options and the reason as the summary.

    Example:
        >>> from helpers.loaders import load_events, load_sources
        >>> view = explore(load_events(), load_sources(), categories=("coup",),
        ...                selected="ev-20120322-coup")
        >>> view["selected"], "Sources" in view["detail"]
        ('ev-20120322-coup', True)
    """
    try:
        frame = filter_events(events, categories=categories, actor=actor, start=start, end=end)
    except ValueError as problem:
        return {"options": [], "selected": None, "summary": f"Check the filters: {problem}.",
                "detail": event_html(events, sources, None)}
    options = event_choices(frame)
    keep = selected if selected in {value for _, value in options} else None
    return {"options": options, "selected": keep, "summary": summarize_events(frame),
            "detail": event_html(events, sources, keep)}


def actor_choices(events: pd.DataFrame, actors: pd.DataFrame) -> list[tuple[str, str]]:
    """List the actors that appear in ``events`` as ``(name, actor_id)``, "Any actor" first.

    Example:
        >>> from helpers.loaders import load_actors, load_events
        >>> actor_choices(load_events(), load_actors())[0]
        ('Any actor', '')
    """
    used = {a for cell in events["actors"] for a in split_ids(cell)}
    names = actors.set_index("actor_id")["name"]
    listed = sorted((names.get(a, a), a) for a in used)
    return [("Any actor", ALL_ACTORS), *listed]


def timeline_explorer(
    events: pd.DataFrame, sources: pd.DataFrame, actors: pd.DataFrame
) -> widgets.VBox:
    """Build the explorer: category, actor and date filters, an event list, a detail panel.

    Each control carries a CSS class (``timeline-explorer-categories``, ``-actor``,
    ``-start``, ``-end``, ``-events``, ``-summary``, ``-detail``) so tests can find it.

    Example:
        >>> from helpers.loaders import load_actors, load_events, load_sources
        >>> box = timeline_explorer(load_events(), load_sources(), load_actors())
        >>> filters, summary, listing, detail = box.children
        >>> listing.value = "ev-20120322-coup"
        >>> "Sources" in detail.value
        True
    """
    present = [c for c in EVENT_CATEGORIES if c in set(events["category"])]
    first, last = events["date"].min().date(), events["end_date"].fillna(events["date"]).max()
    controls = {
        "categories": widgets.SelectMultiple(options=present, rows=len(present),
                                             description="Categories"),
        "actor": widgets.Dropdown(options=actor_choices(events, actors), description="Actor"),
        "start": widgets.DatePicker(value=first, description="From"),
        "end": widgets.DatePicker(value=last.date(), description="To"),
    }
    listing = widgets.Select(options=[], rows=10, description="Events",
                             layout=widgets.Layout(width="95%"))
    summary, detail = widgets.HTML(), widgets.HTML()
    for name, widget in {**controls, "events": listing, "summary": summary,
                         "detail": detail}.items():
        widget.add_class(f"timeline-explorer-{name}")

    def refresh(_change: object = None) -> None:
        view = explore(events, sources, categories=controls["categories"].value,
                       actor=controls["actor"].value, start=controls["start"].value,
                       end=controls["end"].value, selected=listing.value)
        listing.options, listing.value = view["options"], view["selected"]
        summary.value, detail.value = f"<p>{view['summary']}</p>", view["detail"]

    def show(_change: object) -> None:
        detail.value = event_html(events, sources, listing.value)

    for widget in controls.values():
        widget.observe(refresh, names="value")
    listing.observe(show, names="value")
    refresh()
    filters = widgets.HBox([controls["categories"],
                            widgets.VBox([controls["actor"], controls["start"], controls["end"]])])
    return widgets.VBox([filters, summary, listing, detail])
