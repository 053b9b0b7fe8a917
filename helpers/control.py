"""Who held which town on a date: pure functions over ``data/control.csv``.

Each row of the control table says that from ``date`` on, ``holder`` held ``place_id``.
Where sources disagree on the date of one change, the table keeps one row per reported
date: consecutive rows for the same town and the same holder are *alternative dates*
for a single change. ``rule="earliest"`` (the default) believes the first report,
``rule="latest"`` the last; :func:`contested_changes` lists every such case.
"""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType

import pandas as pd

RULES = ("earliest", "latest")
SIDES = MappingProxyType({
    "mali_state": "government", "france_mali": "government", "mnla": "separatist",
    "ansar_dine": "jihadist", "aqim": "jihadist", "mujao": "jihadist", "ganda_iso": "militia",
})
SIDE_LABELS = MappingProxyType({
    "government": "Malian state (with French forces from January 2013)",
    "separatist": "MNLA (separatist)",
    "jihadist": "Jihadist groups (Ansar Dine, AQIM, MUJAO)",
    "militia": "Local militia (Ganda Iso)",
})
PERIOD = (dt.date(2012, 1, 1), dt.date(2013, 2, 28))


def as_date(value: object) -> dt.date:
    """Read a date given as ``"2013-01-10"``, a ``datetime.date`` or a pandas Timestamp.

    Raises:
        ValueError: the value is not a date, with an example of one that is.

    Example:
        >>> as_date("2013-01-10")
        datetime.date(2013, 1, 10)
    """
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(f"{value!r} is not a date; write it as YYYY-MM-DD, "
                         "for example \"2013-01-10\"") from None


def side_of(holder: str) -> str:
    """Return the side a holder belongs to: government, separatist, jihadist or militia.

    Example:
        >>> side_of("mujao")
        'jihadist'
    """
    if holder not in SIDES:
        raise ValueError(f"holder {holder!r} has no side; known holders: {', '.join(SIDES)}")
    return SIDES[holder]


def _check_rule(rule: str) -> None:
    if rule not in RULES:
        raise ValueError(f"rule must be one of {RULES}, not {rule!r}")


def resolve_changes(control: pd.DataFrame, *, rule: str = "earliest") -> pd.DataFrame:
    """Return one row per change of holder, choosing among alternative dates by ``rule``.

    Example:
        >>> table = pd.DataFrame({"place_id": ["a", "a", "a"], "holder": ["x", "y", "y"],
        ...     "date": pd.to_datetime(["2012-01-01", "2012-03-01", "2012-03-05"])})
        >>> [d.day for d in resolve_changes(table, rule="latest")["date"]]
        [1, 5]
    """
    _check_rule(rule)
    ordered = control.sort_values(["place_id", "date"], kind="stable")
    new_run = (ordered["holder"] != ordered.groupby("place_id")["holder"].shift())
    run = new_run.cumsum()
    pick = ordered.groupby(run, sort=False).head(1) if rule == "earliest" else \
        ordered.groupby(run, sort=False).tail(1)
    return pick.reset_index(drop=True)


def _known_place(control: pd.DataFrame, place_id: str) -> None:
    towns = sorted(set(control["place_id"]))
    if place_id not in towns:
        raise ValueError(f"{place_id!r} is not a town in control.csv; "
                         f"towns: {', '.join(towns)}")


def holder_on(control: pd.DataFrame, place_id: str, when: object, *,
              rule: str = "earliest") -> str:
    """Return the actor id of whoever held ``place_id`` on the date ``when``.

    A change dated ``when`` already counts on that day.

    Raises:
        ValueError: unknown town, unreadable date, or a date before the town's first record.

    Example:
        >>> from helpers.loaders import load_control
        >>> holder_on(load_control(), "gao", "2012-08-01")
        'mujao'
    """
    _known_place(control, place_id)
    day = pd.Timestamp(as_date(when))
    rows = resolve_changes(control[control["place_id"] == place_id], rule=rule)
    before = rows[rows["date"] <= day]
    if before.empty:
        first = rows["date"].min().date().isoformat()
        raise ValueError(f"control.csv has no record for {place_id!r} before {first}; "
                         f"ask about a date from {first} on")
    return str(before.iloc[-1]["holder"])


def holders_on(control: pd.DataFrame, when: object, *, rule: str = "earliest") -> pd.DataFrame:
    """Return every town's holder on a date: ``place_id``, ``holder``, ``side``, ``since``.

    Towns with no record yet on that date are left out.

    Example:
        >>> from helpers.loaders import load_control
        >>> table = holders_on(load_control(), "2012-08-01").set_index("place_id")
        >>> table.loc["timbuktu", "holder"], table.loc["bamako", "side"]
        ('ansar_dine', 'government')
    """
    day = pd.Timestamp(as_date(when))
    rows = resolve_changes(control, rule=rule)
    current = rows[rows["date"] <= day].groupby("place_id", sort=True).tail(1)
    table = current[["place_id", "holder", "date", "source_ids"]].rename(columns={"date": "since"})
    table.insert(2, "side", [side_of(h) for h in table["holder"]])
    return table.reset_index(drop=True)


def count_by_side(control: pd.DataFrame, days: list[object], *,
                  rule: str = "earliest") -> pd.DataFrame:
    """Count the towns each side held on each day: one row per day, one column per side.

    Example:
        >>> from helpers.loaders import load_control
        >>> counts = count_by_side(load_control(), ["2012-01-01", "2012-09-05"])
        >>> counts["jihadist"].tolist()
        [0, 6]
    """
    rows = []
    for day in days:
        sides = holders_on(control, day, rule=rule)["side"].value_counts()
        rows.append({"date": pd.Timestamp(as_date(day)),
                     **{side: int(sides.get(side, 0)) for side in SIDE_LABELS}})
    return pd.DataFrame(rows).set_index("date")


def contested_changes(control: pd.DataFrame) -> pd.DataFrame:
    """List the changes whose date sources report differently, one row per change.

    Example:
        >>> from helpers.loaders import load_control
        >>> "konna" in set(contested_changes(load_control())["place_id"])
        True
    """
    ordered = control.sort_values(["place_id", "date"], kind="stable")
    run = (ordered["holder"] != ordered.groupby("place_id")["holder"].shift()).cumsum()
    rows = []
    for _, group in ordered.groupby(run, sort=False):
        if len(group) > 1:
            rows.append({"place_id": group["place_id"].iloc[0],
                         "holder": group["holder"].iloc[0],
                         "dates": ", ".join(f"{d:%d %b %Y}" for d in group["date"]),
                         "source_ids": ";".join(group["source_ids"])})
    return pd.DataFrame(rows, columns=["place_id", "holder", "dates", "source_ids"])


def weekly_dates(*, start: object = PERIOD[0], end: object = PERIOD[1]) -> list[dt.date]:
    """Return the dates of the widget's weekly steps, from ``start`` to ``end`` inclusive.

    Example:
        >>> days = weekly_dates(start="2013-01-01", end="2013-01-20")
        >>> [d.day for d in days]
        [1, 8, 15, 20]
    """
    first, last = as_date(start), as_date(end)
    if last < first:
        raise ValueError(f"end {last} is before start {first}")
    days = [first + dt.timedelta(weeks=k) for k in range((last - first).days // 7 + 1)]
    return days if days[-1] == last else [*days, last]


def events_in_week(events: pd.DataFrame, when: object) -> pd.DataFrame:
    """Return the events dated in the seven days starting on ``when``, oldest first.

    Example:
        >>> from helpers.loaders import load_events
        >>> list(events_in_week(load_events(), "2013-01-08")["event_id"])[:1]
        ['ev-20130110-konna']
    """
    start = pd.Timestamp(as_date(when))
    inside = (events["date"] >= start) & (events["date"] < start + pd.Timedelta(days=7))
    return events[inside].sort_values(["date", "event_id"]).reset_index(drop=True)
