"""Pure functions behind lesson 1's timeline: filter events, label and count them.

Nothing here draws or builds widgets; the chart (:mod:`helpers.timeline_chart`), the
event panel (:mod:`helpers.event_detail`) and the explorer (:mod:`helpers.timeline_explorer`)
call these, and the tests call them
directly. Every function takes the frames returned by :func:`helpers.loaders.load_events`
and :func:`helpers.loaders.load_sources`.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.schema import EVENT_CATEGORIES
from helpers.validate import split_ids

ALL_ACTORS = ""


def parse_day(value: object, *, name: str) -> pd.Timestamp | None:
    """Turn a date-like value (``"2012-03-22"``, a date, ``None``) into a Timestamp.

    Raises:
        ValueError: saying which option (``name``) held what, when it is not a date.

    Example:
        >>> parse_day("2012-03-22", name="start")
        Timestamp('2012-03-22 00:00:00')
        >>> parse_day(None, name="end") is None
        True
    """
    if value is None or value == "":
        return None
    try:
        return pd.Timestamp(value).normalize()
    except (ValueError, TypeError):
        raise ValueError(f"{name} should be a date like '2012-03-22', not {value!r}") from None


def check_categories(categories: Iterable[str]) -> list[str]:
    """Return the categories as a list, or say which one is not a known category.

    Example:
        >>> check_categories(["coup", "diplomacy"])
        ['coup', 'diplomacy']
    """
    if isinstance(categories, str):
        categories = [categories]
    chosen = list(categories)
    unknown = [c for c in chosen if c not in EVENT_CATEGORIES]
    if unknown:
        raise ValueError(
            f"unknown category {unknown[0]!r}; choose from {', '.join(EVENT_CATEGORIES)}"
        )
    return chosen


def filter_events(
    events: pd.DataFrame,
    *,
    categories: Iterable[str] = (),
    actor: str = ALL_ACTORS,
    start: object = None,
    end: object = None,
) -> pd.DataFrame:
    """Keep the events that match every filter given, sorted by date.

    An empty ``categories`` or ``actor`` means "any". An event with an ``end_date``
    is kept when its span overlaps the range ``start``..``end`` (both inclusive).

    Example:
        >>> from helpers.loaders import load_events
        >>> coups = filter_events(load_events(), categories=["coup"], start="2012-03-21")
        >>> set(coups["category"])
        {'coup'}
    """
    chosen = check_categories(categories)
    first, last = parse_day(start, name="start"), parse_day(end, name="end")
    if first is not None and last is not None and first > last:
        raise ValueError(f"the start date {first:%d %b %Y} is after the end date {last:%d %b %Y}")
    keep = pd.Series(True, index=events.index)
    if chosen:
        keep &= events["category"].isin(chosen)
    if actor:
        keep &= events["actors"].map(lambda cell: actor in split_ids(cell))
    finish = events["end_date"].fillna(events["date"])
    if first is not None:
        keep &= finish >= first
    if last is not None:
        keep &= events["date"] <= last
    return events[keep].sort_values(["date", "event_id"], kind="stable")


def format_when(date: pd.Timestamp, precision: str) -> str:
    """Write a date as precisely as it is known.

    Example:
        >>> format_when(pd.Timestamp("2012-03-22"), "day")
        '22 Mar 2012'
        >>> format_when(pd.Timestamp("2011-10-01"), "month")
        'Oct 2011'
    """
    if precision == "year":
        return f"{date:%Y}"
    if precision == "month":
        return f"{date:%b %Y}"
    return f"{date.day} {date:%b %Y}"


def event_label(row: pd.Series) -> str:
    """Return the one-line label the explorer lists for an event.

    Example:
        >>> row = pd.Series({"date": pd.Timestamp("2012-03-22"), "date_precision": "day",
        ...                  "title": "Soldiers depose President Touré"})
        >>> event_label(row)
        '22 Mar 2012 · Soldiers depose President Touré'
    """
    return f"{format_when(row['date'], row['date_precision'])} · {row['title']}"


def event_choices(events: pd.DataFrame) -> list[tuple[str, str]]:
    """Return ``(label, event_id)`` pairs in date order, ready for a selection widget.

    Example:
        >>> from helpers.loaders import load_events
        >>> event_choices(load_events())[0][1].startswith("ev-")
        True
    """
    ordered = events.sort_values(["date", "event_id"], kind="stable")
    return [(event_label(row), row["event_id"]) for _, row in ordered.iterrows()]


def summarize_events(frame: pd.DataFrame) -> str:
    """Say in one sentence what a filtered table holds (the text alternative of the chart).

    Example:
        >>> summarize_events(pd.DataFrame(columns=["date", "category"]))
        'No events match these filters.'
    """
    if frame.empty:
        return "No events match these filters."
    counts = frame["category"].value_counts()
    parts = ", ".join(f"{n} {cat}" for cat, n in counts.items())
    first, last = frame["date"].min(), frame["date"].max()
    noun = "event" if len(frame) == 1 else "events"
    return (f"{len(frame)} {noun} from {first.day} {first:%b %Y} to {last.day} {last:%b %Y}: "
            f"{parts}.")


def days_between(events: pd.DataFrame, first_id: str, second_id: str) -> int:
    """Count the days from one event's date to another's (negative if the second is earlier).

    Raises:
        KeyError: naming the event id that is not in ``events``.

    Example:
        >>> from helpers.loaders import load_events
        >>> days_between(load_events(), "ev-20120322-coup", "ev-20130111-serval")
        295
    """
    dates = events.set_index("event_id")["date"]
    for event_id in (first_id, second_id):
        if event_id not in dates.index:
            raise KeyError(f"no event with event_id {event_id!r} in events.csv")
    return int((dates[second_id] - dates[first_id]).days)
