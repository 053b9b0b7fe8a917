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

ACTIONS = ("intelligence", "airlift", "refuelling", "surveillance", "training", "funding",
           "aid", "humanitarian_aid", "ground_troops")
RECIPIENTS = ("mali_government", "mali_army", "france", "chad", "afisma")
VERDICTS = ("allowed", "allowed_with_conditions", "barred")
MALI = ("mali_government", "mali_army")
LOGISTICS = ("airlift", "refuelling")
SIGHT = ("intelligence", "surveillance")
FIRST_DAY, LAST_DAY = date(2012, 1, 1), date(2013, 12, 31)
COUP_DAY = date(2012, 3, 22)
COUP_ROWS = ("sec7008-fy2012", "sec7008-fy2013-cr", "sec7008-fy2013-full")


class ExplorerInputError(ValueError):
    """An action, recipient or date the explorer cannot judge; the message lists valid ones."""


@dataclass(frozen=True)
class Reason:
    """One cited reason: the authority row, whether it is ``law`` or ``policy``, and why."""

    authority_id: str
    basis: str
    text: str


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


def _enacted(authorities: pd.DataFrame, authority_id: str) -> date:
    row = authorities[authorities["authority_id"] == authority_id]
    if row.empty:
        raise KeyError(f"authority {authority_id!r} is missing from authorities.csv")
    return pd.Timestamp(row.iloc[0]["enacted"]).date()


def coup_row(day: date, authorities: pd.DataFrame) -> str:
    """Return the version of the coup restriction in force on ``day`` (latest enacted).

    Example:
        >>> from helpers.loaders import load_authorities
        >>> coup_row(date(2013, 1, 21), load_authorities())
        'sec7008-fy2013-cr'
    """
    enacted = [(_enacted(authorities, rid), rid) for rid in COUP_ROWS]
    return max((when, rid) for when, rid in enacted if when <= day)[1]


def _mali(action: str, day: date, auth: pd.DataFrame) -> tuple[str, list[Reason], str]:
    law = coup_row(day, auth)
    if action == "humanitarian_aid":
        return "allowed", [Reason(law, "law", "The coup restriction reaches aid to the "
                                  "government; food and humanitarian aid went on throughout.")], ""
    if day < COUP_DAY:
        if action == "aid":
            return "allowed", [Reason(law, "law", "No coup yet: the restriction was not "
                                      "triggered; Mali received about 140 million dollars "
                                      "a year.")], ""
        return "allowed_with_conditions", [Reason("leahy-620m", "law", "Security assistance "
                                                  "goes only to vetted units.")], ""
    if day < _enacted(auth, "resumption-2013"):
        doubt = ("The sources do not settle whether sharing intelligence counts as 'assistance' "
                 "financed under the act; in practice Washington worked through France."
                 if action in SIGHT else "")
        return "barred", [Reason(law, "law", "Mali's elected president was deposed by a military "
                                 "coup on 22 March 2012; aid to the government (army included) "
                                 "stays barred until an elected government takes office.")], doubt
    if action == "aid":
        return "allowed", [Reason("resumption-2013", "law", "An elected government took office; "
                                  "development aid resumed.")], ""
    return "allowed_with_conditions", [
        Reason("resumption-2013", "law", "The coup bar was lifted in September 2013."),
        Reason("leahy-620m", "law", "Units must be vetted; rights groups reported executions by "
               "Malian soldiers in January 2013."),
        Reason("resumption-2013", "policy", "Washington chose to wait before resuming military "
               "aid: a policy choice, not a legal bar.")], ""


def _partner(action: str, recipient: str, day: date,
             auth: pd.DataFrame) -> tuple[str, list[Reason], str]:
    drawdown = day >= _enacted(auth, "pd-2013-06") and recipient in ("france", "chad")
    if action in LOGISTICS:
        if drawdown:
            return "allowed_with_conditions", [Reason("pd-2013-06", "law", "Emergency drawdown: "
                                               "up to 50 million dollars of defense services "
                                               "for Chad and France; France paid for fuel.")], ""
        return "allowed_with_conditions", [Reason("acsa", "law", "Logistics support to an ally "
                                           "must be paid back in cash or in kind unless another "
                                           "authority pays for it.")], ""
    if action in SIGHT:
        reasons = [Reason("wpr-1973", "law", "No statute barred sharing intelligence with a "
                          "partner; support that drew US forces into hostilities would trigger "
                          "War Powers reporting.")]
        if action == "surveillance" and day >= _enacted(auth, "wpr-report-niger-2013"):
            reasons.append(Reason("wpr-report-niger-2013", "law", "About 100 personnel in Niger "
                                  "were reported to Congress on 22 February 2013."))
        doubt = ("Lawyers debated whether targeting intelligence would make the United States a "
                 "party to the conflict." if action == "intelligence" else "")
        return "allowed_with_conditions", reasons, doubt
    reasons = [Reason("leahy-620m", "law", "Training, equipment or funds for a foreign force go "
                      "only to units vetted for gross human-rights violations.")]
    if drawdown:
        reasons.append(Reason("pd-2013-06", "law", "The February drawdown covered defense "
                              "services only, up to 50 million dollars."))
    return "allowed_with_conditions", reasons, ""


def _troops(day: date, auth: pd.DataFrame) -> tuple[str, list[Reason], str]:
    reasons = [Reason("wpr-1973", "law", "No statute barred it, but the President must report "
                      "within 48 hours and withdraw after 60 days without Congress's approval."),
               Reason("aumf-2001", "law", "The 2001 AUMF was not invoked for Mali.")]
    if day >= _enacted(auth, "policy-no-ground-troops"):
        reasons.append(Reason("policy-no-ground-troops", "policy", "Ruled out by the "
                              "administration on 15 January 2013: a policy choice."))
    return ("allowed_with_conditions", reasons,
            "Analysts disagreed on whether the 2001 AUMF could reach AQIM's allies in Mali.")


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
        verdict, reasons, doubt = _troops(when, authorities)
    elif recipient in MALI:
        verdict, reasons, doubt = _mali(action, when, authorities)
    else:
        verdict, reasons, doubt = _partner(action, recipient, when, authorities)
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
