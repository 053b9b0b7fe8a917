"""Readable tables for notebooks: the glossary of actors and a dated list of events."""

from __future__ import annotations

import pandas as pd

from helpers.citations import Markdown

MILESTONES = ("ev-20120101-rebellion", "ev-20120322-coup", "ev-20130111-serval",
              "ev-20130701-minusma")


def milestone_events(events: pd.DataFrame, *, ids: tuple[str, ...] = MILESTONES) -> pd.DataFrame:
    """Return the few events that frame the whole module, in date order.

    Example:
        >>> from helpers.loaders import load_events
        >>> list(milestone_events(load_events())["event_id"])[:2]
        ['ev-20120101-rebellion', 'ev-20120322-coup']
    """
    missing = [event_id for event_id in ids if event_id not in set(events["event_id"])]
    if missing:
        raise ValueError(f"milestone events missing from events.csv: {', '.join(missing)}")
    return events[events["event_id"].isin(ids)].sort_values("date", ignore_index=True)


def _cell(text: object) -> str:
    return str(text).replace("|", "/").replace("\n", " ")


def glossary_markdown(actors: pd.DataFrame, *, kinds: tuple[str, ...] | None = None) -> Markdown:
    """Return the actors as a Markdown table: name, what the letters stand for, who they are.

    Example:
        >>> from helpers.loaders import load_actors
        >>> "| MNLA | National Movement" in glossary_markdown(load_actors())
        True
    """
    rows = actors if kinds is None else actors[actors["kind"].isin(kinds)]
    lines = ["| Name | Full name | Who they are | Sources |", "|---|---|---|---|"]
    for _, actor in rows.iterrows():
        sources = ", ".join(f"`{s}`" for s in actor["source_ids"].split(";"))
        lines.append(f"| {_cell(actor['name'])} | {_cell(actor['full_name'])} | "
                     f"{_cell(actor['description'])} | {sources} |")
    return Markdown("\n".join(lines))


def events_markdown(events: pd.DataFrame) -> Markdown:
    """Return events as a dated Markdown table, honest about imprecise dates.

    Example:
        >>> from helpers.loaders import load_events
        >>> "| 22 Mar 2012 |" in events_markdown(load_events())
        True
    """
    formats = {"day": "%d %b %Y", "month": "%b %Y", "year": "%Y"}
    lines = ["| Date | What happened | Sources |", "|---|---|---|"]
    for _, event in events.sort_values("date").iterrows():
        when = event["date"].strftime(formats[event["date_precision"]])
        sources = ", ".join(f"`{s}`" for s in event["source_ids"].split(";"))
        lines.append(f"| {when} | **{_cell(event['title'])}.** {_cell(event['summary'])} | "
                     f"{sources} |")
    return Markdown("\n".join(lines))
