"""The rules behind the authority explorer: which authority decides each kind of request.

Each rule takes an action, a recipient and a day and returns ``(verdict, reasons, doubt)``.
They are the module's simplified reading of the law, written so that every reason cites a
row of ``data/authorities.csv``; :func:`helpers.us_law.judge` chooses which rule applies.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

MALI = ("mali_government", "mali_army")
LOGISTICS = ("airlift", "refuelling")
SIGHT = ("intelligence", "surveillance")
COUP_DAY = date(2012, 3, 22)
COUP_ROWS = ("sec7008-fy2012", "sec7008-fy2013-cr", "sec7008-fy2013-full")
Ruling = tuple[str, list["Reason"], str]


@dataclass(frozen=True)
class Reason:
    """One cited reason: the authority row, whether it is ``law`` or ``policy``, and why."""

    authority_id: str
    basis: str
    text: str


def enacted(authorities: pd.DataFrame, authority_id: str) -> date:
    """Return the date an authority was enacted or issued, from ``authorities.csv``.

    Example:
        >>> from helpers.loaders import load_authorities
        >>> enacted(load_authorities(), "pd-2013-06")
        datetime.date(2013, 2, 11)
    """
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
    versions = [(enacted(authorities, rid), rid) for rid in COUP_ROWS]
    return max((when, rid) for when, rid in versions if when <= day)[1]


def mali_rule(action: str, day: date, auth: pd.DataFrame) -> Ruling:
    """Rule for the Malian government and army: the coup restriction decides.

    Example:
        >>> from helpers.loaders import load_authorities
        >>> mali_rule("training", date(2013, 1, 21), load_authorities())[0]
        'barred'
    """
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
    if day < enacted(auth, "resumption-2013"):
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


def partner_rule(action: str, recipient: str, day: date, auth: pd.DataFrame) -> Ruling:
    """Rule for France, Chad and AFISMA states: who pays, who is vetted, what is reported.

    Example:
        >>> from helpers.loaders import load_authorities
        >>> verdict, reasons, doubt = partner_rule("airlift", "france", date(2013, 2, 12),
        ...                                        load_authorities())
        >>> reasons[0].authority_id
        'pd-2013-06'
    """
    drawdown = day >= enacted(auth, "pd-2013-06") and recipient in ("france", "chad")
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
        if action == "surveillance" and day >= enacted(auth, "wpr-report-niger-2013"):
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


def troops_rule(day: date, auth: pd.DataFrame) -> Ruling:
    """Rule for US ground troops: conditions in law, the decision in policy.

    Example:
        >>> from helpers.loaders import load_authorities
        >>> troops_rule(date(2013, 1, 21), load_authorities())[1][-1].basis
        'policy'
    """
    reasons = [Reason("wpr-1973", "law", "No statute barred it, but the President must report "
                      "within 48 hours and withdraw after 60 days without Congress's approval."),
               Reason("aumf-2001", "law", "The 2001 AUMF was not invoked for Mali.")]
    if day >= enacted(auth, "policy-no-ground-troops"):
        reasons.append(Reason("policy-no-ground-troops", "policy", "Ruled out by the "
                              "administration on 15 January 2013: a policy choice."))
    return ("allowed_with_conditions", reasons,
            "Analysts disagreed on whether the 2001 AUMF could reach AQIM's allies in Mali.")
