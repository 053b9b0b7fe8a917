"""The authority explorer: could Washington lawfully give this help to this recipient on that day?

:func:`judge` is a pure function of its arguments and two tables
(``data/authorities.csv`` and ``data/us_actions.csv``). It returns a :class:`Verdict`
(``allowed``, ``barred`` or ``allowed_with_conditions``) whose every reason cites a row
of ``authorities.csv`` and says whether it is a legal bar or a policy choice. The rules
are the module's simplified reading of the law, not legal advice; the notebook says
where the law was uncertain.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from helpers.answers import parse_date_answer
from helpers.us_law_rules import MALI, Reason, mali_rule, partner_rule, troops_rule

ACTIONS = ("intelligence", "airlift", "refuelling", "surveillance", "training", "funding",
           "aid", "humanitarian_aid", "ground_troops")
RECIPIENTS = ("mali_government", "mali_army", "france", "chad", "afisma")
VERDICTS = ("allowed", "allowed_with_conditions", "barred")
FIRST_DAY, LAST_DAY = date(2012, 1, 1), date(2013, 12, 31)


class ExplorerInputError(ValueError):
    """An action, recipient or date the explorer cannot judge; the message lists valid ones."""


@dataclass(frozen=True)
class Verdict:
    """What the explorer concludes for one action, recipient and day.

    Attributes:
        action, recipient, day: The question asked.
        verdict: ``allowed``, ``allowed_with_conditions`` or ``barred`` (what the law allowed).
        reasons: Cited reasons, legal and policy.
        uncertain: Where the sources show the law was unsettled (may be empty).
        record: What Washington had actually done or been asked by that day.
    """

    action: str
    recipient: str
    day: date
    verdict: str
    reasons: tuple[Reason, ...]
    uncertain: str = ""
    record: tuple[str, ...] = ()

    def cited(self) -> list[str]:
        """Return the cited authority ids, in order, without repeats."""
        return list(dict.fromkeys(reason.authority_id for reason in self.reasons))


def _check(value: object, allowed: tuple[str, ...], what: str) -> str:
    text = str(value).strip().lower().replace(" ", "_") if value is not None else ""
    if text not in allowed:
        raise ExplorerInputError(f"unknown {what} {value!r}; choose one of: {', '.join(allowed)}")
    return text


def read_day(value: object) -> date:
    """Read a date and check it lies in the period the explorer covers (2012-2013).

    Example:
        >>> read_day("21 January 2013")
        datetime.date(2013, 1, 21)
    """
    try:
        day = parse_date_answer(value)
    except ValueError as err:
        raise ExplorerInputError(str(err)) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ExplorerInputError(f"{day.isoformat()} is outside the period the explorer covers "
                                 f"({FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()})")
    return day


def judge(action: str, recipient: str, day: object, *, authorities: pd.DataFrame,
          us_actions: pd.DataFrame | None = None) -> Verdict:
    """Say whether US law allowed ``action`` for ``recipient`` on ``day``, with cited reasons.

    Example:
        >>> from helpers.loaders import load_authorities
        >>> verdict = judge("training", "mali_army", "2013-01-21", authorities=load_authorities())
        >>> verdict.verdict, verdict.cited()
        ('barred', ['sec7008-fy2013-cr'])
    """
    action = _check(action, ACTIONS, "action")
    recipient = _check(recipient, RECIPIENTS, "recipient")
    when = read_day(day)
    if action == "humanitarian_aid" and recipient not in MALI:
        raise ExplorerInputError("humanitarian aid is modelled only for Mali; choose "
                                 "mali_government or mali_army")
    if action == "ground_troops":
        verdict, reasons, doubt = troops_rule(when, authorities)
    elif recipient in MALI:
        verdict, reasons, doubt = mali_rule(action, when, authorities)
    else:
        verdict, reasons, doubt = partner_rule(action, recipient, when, authorities)
    record = () if us_actions is None else what_happened(action, recipient, when, us_actions)
    return Verdict(action, recipient, when, verdict, tuple(reasons), doubt, record)


def what_happened(action: str, recipient: str, day: date,
                  us_actions: pd.DataFrame) -> tuple[str, ...]:
    """Return dated lines from ``us_actions`` of the same kind and recipient up to ``day``.

    Example:
        >>> from helpers.loaders import load_us_actions
        >>> what_happened("airlift", "france", date(2013, 1, 18), load_us_actions())[0][:10]
        '2013-01-17'
    """
    same = us_actions[(us_actions["kind"] == action) & (us_actions["recipient"] == recipient)
                      & (us_actions["date"] <= pd.Timestamp(day))]
    return tuple(f"{row.date:%Y-%m-%d} ({row.outcome}): {row.summary}"
                 for row in same.sort_values("date").itertuples())
