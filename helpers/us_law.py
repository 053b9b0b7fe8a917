"""Lesson 04, US legal limits: the rules, the verdict explorer and the US actions timeline.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date

import ipywidgets as widgets
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from helpers.charts import PALETTE, Chart, house_style, make_chart
from helpers.citations import caption, collect_ids
from helpers.data import split_ids
from helpers.readers import read_date
from helpers.tables import Markdown

# The rules behind the authority explorer: which authority decides each kind of request.

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
        >>> from helpers.data import load_authorities
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
        >>> from helpers.data import load_authorities
        >>> coup_row(date(2013, 1, 21), load_authorities())
        'sec7008-fy2013-cr'
    """
    versions = [(enacted(authorities, rid), rid) for rid in COUP_ROWS]
    return max((when, rid) for when, rid in versions if when <= day)[1]


def mali_rule(action: str, day: date, auth: pd.DataFrame) -> Ruling:
    """Rule for the Malian government and army: the coup restriction decides.

    Example:
        >>> from helpers.data import load_authorities
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
        >>> from helpers.data import load_authorities
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
        >>> from helpers.data import load_authorities
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


# The authority explorer: could Washington lawfully give this help to this recipient on that day?

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
        day = read_date(value)
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
        >>> from helpers.data import load_authorities
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
        >>> from helpers.data import load_us_actions
        >>> what_happened("airlift", "france", date(2013, 1, 18), load_us_actions())[0][:10]
        '2013-01-17'
    """
    same = us_actions[(us_actions["kind"] == action) & (us_actions["recipient"] == recipient)
                      & (us_actions["date"] <= pd.Timestamp(day))]
    return tuple(f"{row.date:%Y-%m-%d} ({row.outcome}): {row.summary}"
                 for row in same.sort_values("date").itertuples())


# Show the authority explorer's verdicts: as HTML, as a static table, and as a thin widget.

LABELS = {"allowed": "ALLOWED", "allowed_with_conditions": "ALLOWED WITH CONDITIONS",
          "barred": "BARRED"}
COLOURS = {"allowed": "#009E73", "allowed_with_conditions": "#0072B2", "barred": "#D55E00"}
TABLE_DAYS = {"1 Mar 2012 (before the coup)": "2012-03-01",
              "21 Jan 2013 (first airlift)": "2013-01-21",
              "1 Oct 2013 (after the bar was lifted)": "2013-10-01"}
TABLE_CASES = (("training", "mali_army"), ("aid", "mali_government"),
               ("humanitarian_aid", "mali_government"), ("airlift", "france"),
               ("refuelling", "france"), ("intelligence", "france"), ("training", "afisma"),
               ("airlift", "chad"), ("ground_troops", "mali_government"))


def verdict_html(verdict: Verdict, *, authorities: pd.DataFrame) -> str:
    """Return a verdict as HTML: the verdict in words, each cited reason, doubts, the record.

    Example:
        >>> from helpers.data import load_authorities
        >>> auth = load_authorities()
        >>> "BARRED" in verdict_html(judge("aid", "mali_army", "2012-06-01",
        ...                                authorities=auth), authorities=auth)
        True
    """
    names = authorities.set_index("authority_id")
    items = []
    for reason in verdict.reasons:
        row = names.loc[reason.authority_id]
        items.append(f"<li><strong>[{reason.basis}]</strong> {html.escape(reason.text)} "
                     f"<small>— {html.escape(row['short_name'])}: "
                     f"{html.escape(row['citation'])} (<code>{reason.authority_id}</code>)"
                     f"</small></li>")
    parts = [f'<p><span style="border-left:6px solid {COLOURS[verdict.verdict]};'
             f'padding:2px 8px" class="verdict-word"><strong>{LABELS[verdict.verdict]}</strong>'
             f"</span> {html.escape(verdict.action.replace('_', ' '))} for "
             f"{html.escape(verdict.recipient.replace('_', ' '))} on "
             f"{verdict.day:%d %B %Y}</p>", f"<ul>{''.join(items)}</ul>"]
    if verdict.uncertain:
        parts.append(f"<p><em>Where the law was uncertain:</em> "
                     f"{html.escape(verdict.uncertain)}</p>")
    if verdict.record:
        done = "".join(f"<li>{html.escape(line)}</li>" for line in verdict.record)
        parts.append(f"<p><em>What Washington had done by then:</em></p><ul>{done}</ul>")
    return "".join(parts)


def explain(action: str, recipient: str, day: object, *, authorities: pd.DataFrame,
            us_actions: pd.DataFrame | None = None) -> str:
    """Return the HTML for one question, or a plain message when the question cannot be judged.

    Example:
        >>> from helpers.data import load_authorities
        >>> explain("", "france", "2013-01-21", authorities=load_authorities())
        '<p>Choose an action, a recipient and a date.</p>'
    """
    if not action or not recipient or not str(day or "").strip():
        return "<p>Choose an action, a recipient and a date.</p>"
    try:
        verdict = judge(action, recipient, day, authorities=authorities, us_actions=us_actions)
    except ExplorerInputError as err:
        return f'<p class="explorer-error">Cannot judge that: {html.escape(str(err))}.</p>'
    return verdict_html(verdict, authorities=authorities)


def verdict_table(*, authorities: pd.DataFrame) -> pd.DataFrame:
    """Return the static fallback: verdicts (with the authorities cited) on three dates.

    Example:
        >>> from helpers.data import load_authorities
        >>> table = verdict_table(authorities=load_authorities())
        >>> table.iloc[0, 3]
        'barred (sec7008-fy2013-cr)'
    """
    rows = []
    for action, recipient in TABLE_CASES:
        row = {"Request": action.replace("_", " "), "For": recipient.replace("_", " ")}
        for label, day in TABLE_DAYS.items():
            verdict = judge(action, recipient, day, authorities=authorities)
            row[label] = f"{verdict.verdict.replace('_', ' ')} ({', '.join(verdict.cited())})"
        rows.append(row)
    return pd.DataFrame(rows)


def frame_markdown(frame: pd.DataFrame) -> Markdown:
    """Return a small table as Markdown, so that no cell is cut short.

    Example:
        >>> print(frame_markdown(pd.DataFrame({"a": [1]})))
        | a |
        |---|
        | 1 |
    """
    lines = ["| " + " | ".join(frame.columns) + " |", "|" + "---|" * len(frame.columns)]
    lines += ["| " + " | ".join(str(v).replace("|", "/") for v in row) + " |"
              for row in frame.itertuples(index=False)]
    return Markdown("\n".join(lines))


def authority_explorer(authorities: pd.DataFrame, us_actions: pd.DataFrame) -> widgets.VBox:
    """Return dropdowns for action and recipient, a date box and the verdict panel.

    All logic is in :func:`explain` (and :func:`helpers.us_law.judge`); the widget only
    passes its values on.

    Example:
        >>> from helpers.data import load_authorities, load_us_actions
        >>> box = authority_explorer(load_authorities(), load_us_actions())
        >>> action, recipient, day = box.children[0].children
        >>> action.value, recipient.value = "training", "mali_army"
        >>> "BARRED" in box.children[1].value
        True
    """
    action = widgets.Dropdown(options=[("Choose…", ""), *[(a.replace("_", " "), a)
                                                          for a in ACTIONS]],
                              value="", description="Action:")
    recipient = widgets.Dropdown(options=[("Choose…", ""), *[(r.replace("_", " "), r)
                                                             for r in RECIPIENTS]],
                                 value="", description="For:")
    day = widgets.Text(value="2013-01-21", description="Date:", continuous_update=False)
    panel = widgets.HTML()
    for control, name in ((action, "action"), (recipient, "recipient"), (day, "date")):
        control.add_class(f"us-law-{name}")
    panel.add_class("us-law-panel")

    def show(_change: dict | None = None) -> None:
        panel.value = explain(action.value, recipient.value, day.value,
                              authorities=authorities, us_actions=us_actions)

    for control in (action, recipient, day):
        control.observe(show, names="value")
    show()
    return widgets.VBox([widgets.HBox([action, recipient, day]), panel])


def authorities_markdown(authorities: pd.DataFrame) -> Markdown:
    """Return the legal instruments as a Markdown table, oldest first, with their sources.

    Example:
        >>> from helpers.data import load_authorities
        >>> "| War Powers Resolution |" in authorities_markdown(load_authorities())
        True
    """
    lines = ["| Instrument | Citation | Date | Kind | How it bore on Mali | Sources |",
             "|---|---|---|---|---|---|"]
    for row in authorities.sort_values("enacted").itertuples():
        sources = ", ".join(f"`{s}`" for s in split_ids(row.source_ids))
        cells = (row.short_name, row.citation, f"{row.enacted:%d %b %Y}",
                 row.kind.replace("_", " "), row.bearing_on_mali)
        lines.append("| " + " | ".join(str(c).replace("|", "/") for c in cells)
                     + f" | {sources} |")
    return Markdown("\n".join(lines))


# A timeline of what Washington did, drawn against the dates of the legal events.

WINDOW = (pd.Timestamp("2011-12-01"), pd.Timestamp("2013-10-31"))
ZOOM = (pd.Timestamp("2013-01-08"), pd.Timestamp("2013-03-01"))
LAW_ROW = "law or policy"
KIND_ORDER = ("aid", "training", "funding", "intelligence", "airlift", "refuelling",
              "surveillance", "ground_troops")
OUTCOME_STYLES = {"done": (PALETTE["bluish_green"], "o"), "barred": (PALETTE["vermillion"], "X"),
                  "declined": (PALETTE["orange"], "s"), "conditional": (PALETTE["blue"], "D"),
                  "requested": (PALETTE["reddish_purple"], "^")}


def timeline_table(us_actions: pd.DataFrame, authorities: pd.DataFrame) -> pd.DataFrame:
    """Return US actions and the legal events of 2011-2013 as one dated table.

    Example:
        >>> from helpers.data import load_authorities, load_us_actions
        >>> table = timeline_table(load_us_actions(), load_authorities())
        >>> table.iloc[0]["Row"]
        'law or policy'
    """
    laws = authorities[pd.to_datetime(authorities["enacted"]).between(*WINDOW)]
    rows = [{"Date": pd.Timestamp(r.enacted), "Row": LAW_ROW, "What": r.short_name,
             "Outcome": r.kind.replace("_", " "), "Cites": r.authority_id}
            for r in laws.itertuples()]
    rows += [{"Date": r.date, "Row": r.kind, "What": f"{r.action} ({r.recipient})",
              "Outcome": r.outcome, "Cites": r.authority_ids} for r in us_actions.itertuples()]
    return pd.DataFrame(rows).sort_values(["Date", "Row"], ignore_index=True)


def describe_timeline(table: pd.DataFrame) -> str:
    """Return the chart's text alternative, built from the table.

    Example:
        >>> from helpers.data import load_authorities, load_us_actions
        >>> text = describe_timeline(timeline_table(load_us_actions(), load_authorities()))
        >>> text.startswith("Legal events: ")
        True
    """
    laws = table[table["Row"] == LAW_ROW]
    acts = table[table["Row"] != LAW_ROW]
    law_text = "; ".join(f"{r.Date:%d %b %Y} {r.What}" for r in laws.itertuples())
    busy = acts[acts["Date"].between(*ZOOM)]
    act_text = "; ".join(f"{r.Date:%d %b} {r.What}: {r.Outcome}" for r in busy.itertuples())
    return (f"Legal events: {law_text}. {len(acts)} US actions in all; "
            f"{len(busy)} fall between {ZOOM[0]:%d %B} and {ZOOM[1]:%d %B %Y}: {act_text}.")


def _draw(ax: plt.Axes, table: pd.DataFrame, rows: list[str], span: tuple,
          *, unlabelled: tuple = ()) -> None:
    for r in table[table["Row"] == LAW_ROW].itertuples():
        if span[0] <= r.Date <= span[1]:
            ax.axvline(r.Date, color=PALETTE["grey"], linestyle="--", linewidth=1)
        if span[0] <= r.Date <= span[1] and not (unlabelled and
                                                 unlabelled[0] <= r.Date <= unlabelled[1]):
            ax.annotate(r.Cites, (r.Date, len(rows) - 0.6), rotation=90, fontsize=9,
                        va="top", ha="right", color=PALETTE["black"])
    acts = table[(table["Row"] != LAW_ROW) & table["Date"].between(*span)]
    for outcome, (colour, marker) in OUTCOME_STYLES.items():
        chosen = acts[acts["Outcome"] == outcome]
        ax.scatter(chosen["Date"], [rows.index(k) for k in chosen["Row"]], s=90, color=colour,
                   marker=marker, label=outcome, edgecolor="black", linewidth=0.5, zorder=3)
    ax.set_xlim(*span)
    ax.set_yticks(range(len(rows)), [r.replace("_", " ") for r in rows])
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.set_xlabel("Date")
    ax.grid(axis="y", color="#dddddd")


def us_timeline_chart(us_actions: pd.DataFrame, authorities: pd.DataFrame,
                      sources: pd.DataFrame) -> Chart:
    """Draw US actions by kind (markers by outcome) against legal events (dashed lines).

    Left: December 2011 to October 2013; right: a close-up of January-February 2013.

    Example:
        >>> from helpers.data import load_authorities, load_us_actions
        >>> from helpers.data import load_sources
        >>> chart = us_timeline_chart(load_us_actions(), load_authorities(), load_sources())
        >>> "Sources:" in chart.caption
        True
    """
    table = timeline_table(us_actions, authorities)
    rows = [k for k in KIND_ORDER if k in set(table["Row"])]
    with house_style():
        figure, (whole, zoom) = plt.subplots(1, 2, figsize=(13, 5.5), sharey=True,
                                             width_ratios=(3, 2))
        _draw(whole, table, rows, WINDOW, unlabelled=ZOOM)
        whole.axvspan(*ZOOM, color=PALETTE["yellow"], alpha=0.25, label="close-up")
        _draw(zoom, table, rows, ZOOM)
        whole.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
        zoom.xaxis.set_major_locator(mdates.WeekdayLocator(byweekday=mdates.MO, interval=2))
        zoom.xaxis.set_major_formatter(mdates.DateFormatter("%d %b"))
        whole.set_ylabel("Kind of US help")
        whole.set_title("Dec 2011 – Oct 2013")
        zoom.set_title("Close-up: Jan – Feb 2013")
        whole.legend(title="Outcome", loc="upper left", bbox_to_anchor=(0.08, 0.88),
                     fontsize=10, framealpha=1)
        figure.autofmt_xdate()
    ids = collect_ids(list(us_actions["source_ids"]))
    text = ("US requests and actions (markers, by outcome) against US legal events "
            "(dashed lines, labelled with their authority id).")
    return make_chart(figure, caption=caption(sources, ids, text=text),
                      alt_text=describe_timeline(table),
                      table=table.assign(Date=table["Date"].dt.strftime("%Y-%m-%d")))
