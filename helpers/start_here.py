"""Lesson 00, start here: the few dates that frame the whole module.

The map, the distances and the place explorer that this lesson shows are shared with
lesson 06 and live in :mod:`helpers.maps`.
"""

from __future__ import annotations

import pandas as pd

MILESTONES = ("ev-20120101-rebellion", "ev-20120322-coup", "ev-20130111-serval",
              "ev-20130701-minusma")


def milestone_events(events: pd.DataFrame, *, ids: tuple[str, ...] = MILESTONES) -> pd.DataFrame:
    """Return the few events that frame the whole module, in date order.

    Example:
        >>> from helpers.data import load_events
        >>> list(milestone_events(load_events())["event_id"])[:2]
        ['ev-20120101-rebellion', 'ev-20120322-coup']
    """
    missing = [event_id for event_id in ids if event_id not in set(events["event_id"])]
    if missing:
        raise ValueError(f"milestone events missing from events.csv: {', '.join(missing)}")
    return events[events["event_id"].isin(ids)].sort_values("date", ignore_index=True)
