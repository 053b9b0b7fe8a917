"""Lesson 00, start here: the few dates that frame the whole module.

Sections, in reading order:

1. **The framing dates**: :func:`select_milestones` picks the four events (the rebellion,
   the coup, Operation Serval, the UN mission) that notebook 00 shows as its timeline.

Everything else notebook 00 shows is shared with other lessons and lives in the core: the
map, the distances and the place explorer in :mod:`helpers.maps`, the timeline and glossary
tables in :mod:`helpers.tables`.
"""

from __future__ import annotations

import pandas as pd

from helpers.language import translate

_MILESTONES = ("ev-20120101-rebellion", "ev-20120322-coup", "ev-20130111-serval",
              "ev-20130701-minusma")


def select_milestones(events: pd.DataFrame, *,
                      ids: tuple[str, ...] = _MILESTONES) -> pd.DataFrame:
    """Return the few events that frame the whole module, in date order.

    Args:
        events: The events table (``load_events()``).
        ids: The ``event_id`` of each event to keep; by default the four framing dates.

    Raises:
        ValueError: an id is not in the events table; the message names it.

    Example:
        >>> from helpers.data import load_events
        >>> list(select_milestones(load_events())["event_id"])[:2]
        ['ev-20120101-rebellion', 'ev-20120322-coup']
    """
    known = set(events["event_id"])
    missing = [event_id for event_id in ids if event_id not in known]
    if missing:
        raise ValueError(translate("milestone events missing from events.csv: {ids}",
                                   ids=", ".join(missing)))
    return events[events["event_id"].isin(ids)].sort_values("date", ignore_index=True)
