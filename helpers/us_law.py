"""Lesson 04, US legal limits: what Washington could lawfully do in Mali, and what it did.

In reading order:

1. **The rules** (:func:`judge`): which authority decides a request for a recipient on a
   day. The code only chooses which rows of ``data/us_rules.csv`` apply; every reason,
   amount and head-count a verdict shows is the ``text`` of such a row, with its sources.
2. **The authority explorer**: :func:`explain` turns one question into HTML, and
   :func:`authority_explorer` is its thin widget; :func:`judge_cases` and
   :func:`verdict_table` are the static fallback for typical requests.
3. **The instruments**: :func:`authorities_table` shows ``data/authorities.csv``.
4. **The timeline** of US actions against legal events: :func:`build_timeline`,
   :func:`describe_timeline` (its text alternative) and :func:`us_timeline_chart`.

Every function is handed the tables it reads; none loads a file.
"""

from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass
from datetime import date

import ipywidgets as widgets
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import matplotlib.ticker as mticker
import pandas as pd

from helpers.charts import PALETTE, Chart, house_style, make_chart
from helpers.citations import caption, collect_ids
from helpers.data import split_ids
from helpers.language import current_language, format_date, translate
from helpers.readers import read_date
from helpers.tables import Markdown, escape_cell, markdown_table

# 1. The rules: which rows of us_rules.csv decide each kind of request.

ACTIONS = ("intelligence", "airlift", "refuelling", "surveillance", "training", "funding",
           "aid", "humanitarian_aid", "ground_troops")
RECIPIENTS = ("mali_government", "mali_army", "france", "chad", "afisma")
VERDICTS = ("allowed", "allowed_with_conditions", "barred")
FIRST_DAY, LAST_DAY = date(2012, 1, 1), date(2013, 12, 31)
_MALI = ("mali_government", "mali_army")
_LOGISTICS = ("airlift", "refuelling")
_SIGHT = ("intelligence", "surveillance")
_COUP_ROWS = ("sec7008-fy2012", "sec7008-fy2013-cr", "sec7008-fy2013-full")
_DAY_STYLES = ("long", "short", "day-month", "short-day-month")


class ExplorerInputError(ValueError):
    """An action, recipient or date the explorer cannot judge; the message lists valid ones."""


@dataclass(frozen=True)
class Reason:
    """One cited reason: a row of ``us_rules.csv`` and the authority it rests on that day.

    Attributes:
        rule_id: The row of ``us_rules.csv`` the text comes from.
        authority_id: The row of ``authorities.csv`` cited.
        basis: ``law``, ``policy`` or ``uncertain``.
        text: The row's text.
        source_ids: The row's sources.
    """

    rule_id: str
    authority_id: str
    basis: str
    text: str
    source_ids: tuple[str, ...]


@dataclass(frozen=True)
class Verdict:
    """What the explorer concludes for one action, recipient and day.

    Attributes:
        action, recipient, day: The question asked.
        verdict: ``allowed``, ``allowed_with_conditions`` or ``barred`` (what the law allowed).
        reasons: Cited reasons, legal and policy.
        doubts: Where the sources show the law was unsettled (may be empty).
        record: What Washington had actually done or been asked by that day.
    """

    action: str
    recipient: str
    day: date
    verdict: str
    reasons: tuple[Reason, ...]
    doubts: tuple[Reason, ...] = ()
    record: tuple[str, ...] = ()

    def cited(self) -> list[str]:
        """Return the cited authority ids, in order, without repeats."""
        return list(dict.fromkeys(reason.authority_id for reason in self.reasons))


_Ruling = tuple[str, list[Reason], list[Reason]]
_Rules = dict[str, tuple]  # rule_id -> the row of us_rules.csv, as a named tuple
_Dates = dict[str, date]  # authority_id -> the day it was enacted or issued


def _index(authorities: pd.DataFrame, us_rules: pd.DataFrame) -> tuple[_Dates, _Rules]:
    enacted = {aid: pd.Timestamp(day).date() for aid, day
               in zip(authorities["authority_id"], authorities["enacted"], strict=True)}
    return enacted, {row.rule_id: row for row in us_rules.itertuples(index=False)}


def _rule(rules: _Rules, rule_id: str, authority_id: str | None = None) -> Reason:
    if rule_id not in rules:
        raise KeyError(f"rule {rule_id!r} is missing from us_rules.csv")
    row = rules[rule_id]
    allowed = split_ids(row.authority_ids)
    chosen = authority_id or allowed[0]
    if chosen not in allowed:
        raise KeyError(f"rule {rule_id!r} does not rest on {chosen!r} in us_rules.csv")
    return Reason(rule_id, chosen, row.basis, row.text, tuple(split_ids(row.source_ids)))


def _starts(rules: _Rules, rule_id: str) -> date:
    return pd.Timestamp(rules[rule_id].starts).date()


def _enacted(enacted: _Dates, authority_id: str) -> date:
    if authority_id not in enacted:
        raise KeyError(f"authority {authority_id!r} is missing from authorities.csv")
    return enacted[authority_id]


def _coup_row(day: date, enacted: _Dates) -> str:
    """The version of the coup restriction in force on ``day`` (the latest enacted)."""
    versions = [(_enacted(enacted, rid), rid) for rid in _COUP_ROWS]
    return max((when, rid) for when, rid in versions if when <= day)[1]


def _mali_rule(action: str, day: date, enacted: _Dates, rules: _Rules) -> _Ruling:
    """The Malian government and army: the coup restriction decides."""
    law = _coup_row(day, enacted)
    if action == "humanitarian_aid":
        return "allowed", [_rule(rules, "mali-humanitarian-aid", law)], []
    if day < _starts(rules, "mali-coup-bar"):
        if action == "aid":
            return "allowed", [_rule(rules, "mali-aid-before-coup", law)], []
        return "allowed_with_conditions", [_rule(rules, "mali-vetting-before-coup")], []
    if day < _enacted(enacted, "resumption-2013"):
        doubts = [_rule(rules, "mali-intelligence-doubt", law)] if action in _SIGHT else []
        return "barred", [_rule(rules, "mali-coup-bar", law)], doubts
    if action == "aid":
        return "allowed", [_rule(rules, "mali-aid-resumed")], []
    return "allowed_with_conditions", [_rule(rules, rid) for rid in (
        "mali-bar-lifted", "mali-vetting-after-executions", "mali-military-aid-held-back")], []


def _partner_rule(action: str, recipient: str, day: date, enacted: _Dates,
                  rules: _Rules) -> _Ruling:
    """France, Chad and AFISMA states: who pays, who is vetted, what is reported."""
    drawdown = day >= _enacted(enacted, "pd-2013-06") and recipient in ("france", "chad")
    if action in _LOGISTICS:
        rid = "partner-logistics-drawdown" if drawdown else "partner-logistics-reimbursed"
        return "allowed_with_conditions", [_rule(rules, rid)], []
    if action in _SIGHT:
        reasons = [_rule(rules, "partner-intelligence-reporting")]
        if action == "surveillance" and day >= _enacted(enacted, "wpr-report-niger-2013"):
            reasons.append(_rule(rules, "partner-niger-report"))
        doubts = [_rule(rules, "partner-targeting-doubt")] if action == "intelligence" else []
        return "allowed_with_conditions", reasons, doubts
    reasons = [_rule(rules, "partner-vetting")]
    if drawdown:
        reasons.append(_rule(rules, "partner-drawdown-services-only"))
    return "allowed_with_conditions", reasons, []


def _troops_rule(day: date, enacted: _Dates, rules: _Rules) -> _Ruling:
    """US ground troops: conditions in law, the decision in policy."""
    reasons = [_rule(rules, "troops-war-powers"), _rule(rules, "troops-aumf-not-invoked")]
    if day >= _enacted(enacted, "policy-no-ground-troops"):
        reasons.append(_rule(rules, "troops-ruled-out"))
    return "allowed_with_conditions", reasons, [_rule(rules, "troops-aumf-doubt")]


def _check(value: object, allowed: tuple[str, ...], what: str) -> str:
    text = str(value).strip().lower().replace(" ", "_") if value is not None else ""
    if text not in allowed:
        raise ExplorerInputError(translate("unknown {what} {value}; choose one of: {options}",
                                           what=translate(what), value=repr(value),
                                           options=", ".join(allowed)))
    return text


def name_of(code: str, *, language: str | None = None) -> str:
    """Return an action, recipient, verdict or outcome code as words in the lesson's language.

    Example:
        >>> name_of("mali_army"), name_of("allowed_with_conditions", language="fr")
        ('mali army', 'autorisé sous conditions')
    """
    return translate(code.replace("_", " "), language=language)


def write_day(day: date, *, style: str = "long") -> str:
    """Write a date as the explorer always has: two-digit days in English, "1er" in French.

    Example:
        >>> write_day(date(2013, 3, 1)), write_day(date(2013, 1, 8), style="short-day-month")
        ('01 March 2013', '08 Jan')
    """
    text = format_date(day, style=style)
    padded = current_language() == "en" and day.day < 10 and style in _DAY_STYLES
    return f"0{text}" if padded else text


def read_day(value: object) -> date:
    """Read a date (as :func:`helpers.read_date` does) inside the explorer's period, 2012-2013.

    Raises:
        ExplorerInputError: the date cannot be read or lies outside the period.

    Example:
        >>> read_day("21 January 2013")
        datetime.date(2013, 1, 21)
    """
    try:
        day = read_date(value)
    except ValueError as err:
        raise ExplorerInputError(str(err)) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ExplorerInputError(translate(
            "{day} is outside the period the explorer covers ({first} to {last})",
            day=day.isoformat(), first=FIRST_DAY.isoformat(), last=LAST_DAY.isoformat()))
    return day


def _record(action: str, recipient: str, day: date, us_actions: pd.DataFrame) -> tuple[str, ...]:
    """Dated lines from ``us_actions`` of the same kind and recipient, up to ``day``."""
    same = us_actions[(us_actions["kind"] == action) & (us_actions["recipient"] == recipient)
                      & (us_actions["date"] <= pd.Timestamp(day))]
    return tuple(translate("{day} ({outcome}): {summary}", day=f"{row.date:%Y-%m-%d}",
                           outcome=name_of(row.outcome), summary=row.summary)
                 for row in same.sort_values("date").itertuples())


def judge(authorities: pd.DataFrame, us_rules: pd.DataFrame, action: str, recipient: str,
          day: object, *, us_actions: pd.DataFrame | None = None) -> Verdict:
    """Say whether US law allowed ``action`` for ``recipient`` on ``day``, with cited reasons.

    Args:
        authorities: ``load_authorities()``.
        us_rules: ``load_us_rules()``, the texts of the reasons.
        action: One of :data:`ACTIONS`, e.g. ``"airlift"``.
        recipient: One of :data:`RECIPIENTS`, e.g. ``"france"``.
        day: A date, in any form :func:`read_day` reads.
        us_actions: If given, the verdict's ``record`` lists what Washington had done by then.

    Raises:
        ExplorerInputError: the question cannot be judged; the message says why.

    Example:
        >>> from helpers.data import load_authorities, load_us_rules
        >>> verdict = judge(load_authorities(), load_us_rules(), "training", "mali_army",
        ...                 "2013-01-21")
        >>> verdict.verdict, verdict.cited()
        ('barred', ['sec7008-fy2013-cr'])
    """
    action = _check(action, ACTIONS, "action")
    recipient = _check(recipient, RECIPIENTS, "recipient")
    when = read_day(day)
    if action == "humanitarian_aid" and recipient not in _MALI:
        raise ExplorerInputError(translate("humanitarian aid is modelled only for Mali; choose "
                                           "mali_government or mali_army"))
    enacted, rules = _index(authorities, us_rules)
    if action == "ground_troops":
        verdict, reasons, doubts = _troops_rule(when, enacted, rules)
    elif recipient in _MALI:
        verdict, reasons, doubts = _mali_rule(action, when, enacted, rules)
    else:
        verdict, reasons, doubts = _partner_rule(action, recipient, when, enacted, rules)
    record = () if us_actions is None else _record(action, recipient, when, us_actions)
    return Verdict(action, recipient, when, verdict, tuple(reasons), tuple(doubts), record)


# 2. The authority explorer: one verdict as HTML, a thin widget, and the static fallback.

_LABELS = {"allowed": "ALLOWED", "allowed_with_conditions": "ALLOWED WITH CONDITIONS",
           "barred": "BARRED"}
_COLOURS = {"allowed": "#009E73", "allowed_with_conditions": "#0072B2", "barred": "#D55E00"}
_TABLE_DAYS = ("2012-03-01", "2013-01-21", "2013-10-01")
_TABLE_CASES = (("training", "mali_army"), ("aid", "mali_government"),
                ("humanitarian_aid", "mali_government"), ("airlift", "france"),
                ("refuelling", "france"), ("intelligence", "france"), ("training", "afisma"),
                ("airlift", "chad"), ("ground_troops", "mali_government"))


def _reason_html(reason: Reason, names: pd.DataFrame, sources: pd.DataFrame) -> str:
    row = names.loc[reason.authority_id]
    cites = caption(sources, reason.source_ids)
    return (f"<li><strong>[{html.escape(translate(reason.basis))}]</strong> "
            f"{html.escape(reason.text)} "
            f"<small>— {html.escape(row['short_name'])}: {html.escape(row['citation'])} "
            f"(<code>{html.escape(reason.authority_id)}</code>). {html.escape(cites)}</small>"
            f"</li>")


def _verdict_html(verdict: Verdict, authorities: pd.DataFrame, sources: pd.DataFrame) -> str:
    names = authorities.set_index("authority_id")
    items = "".join(_reason_html(reason, names, sources) for reason in verdict.reasons)
    question = translate("{action} for {recipient} on {day}", action=name_of(verdict.action),
                         recipient=name_of(verdict.recipient), day=write_day(verdict.day))
    parts = [f'<p><span style="border-left:6px solid {_COLOURS[verdict.verdict]};'
             f'padding:2px 8px" class="verdict-word"><strong>'
             f"{html.escape(translate(_LABELS[verdict.verdict]))}</strong></span> "
             f"{html.escape(question)}</p>", f"<ul>{items}</ul>"]
    if verdict.doubts:
        doubts = "".join(_reason_html(reason, names, sources) for reason in verdict.doubts)
        title = html.escape(translate("Where the law was uncertain:"))
        parts.append(f"<p><em>{title}</em></p><ul>{doubts}</ul>")
    if verdict.record:
        done = "".join(f"<li>{html.escape(line)}</li>" for line in verdict.record)
        title = html.escape(translate("What Washington had done by then:"))
        parts.append(f"<p><em>{title}</em></p><ul>{done}</ul>")
    return "".join(parts)


def explain(authorities: pd.DataFrame, us_rules: pd.DataFrame, us_actions: pd.DataFrame,
            sources: pd.DataFrame, action: str, recipient: str, day: object) -> str:
    """Return one question's verdict as HTML, or a plain message when it cannot be judged.

    The HTML gives the verdict in words, each reason marked ``[law]``, ``[policy]`` or
    ``[uncertain]`` with its authority and sources, and what Washington had done by then.

    Example:
        >>> from helpers.data import load_authorities, load_sources, load_us_actions
        >>> from helpers.data import load_us_rules
        >>> tables = load_authorities(), load_us_rules(), load_us_actions(), load_sources()
        >>> explain(*tables, "", "france", "2013-01-21")
        '<p>Choose an action, a recipient and a date.</p>'
        >>> "BARRED" in explain(*tables, "aid", "mali_army", "2012-06-01")
        True
    """
    if not action or not recipient or not str(day or "").strip():
        return f"<p>{html.escape(translate('Choose an action, a recipient and a date.'))}</p>"
    try:
        verdict = judge(authorities, us_rules, action, recipient, day, us_actions=us_actions)
    except ExplorerInputError as err:
        message = translate("Cannot judge that: {error}.", error=str(err))
        return f'<p class="explorer-error">{html.escape(message)}</p>'
    return _verdict_html(verdict, authorities, sources)


def authority_explorer(authorities: pd.DataFrame, us_rules: pd.DataFrame,
                       us_actions: pd.DataFrame, sources: pd.DataFrame) -> widgets.VBox:
    """Return dropdowns for action and recipient, a date box and the verdict panel.

    All logic is in :func:`explain`; the widget only passes its values on.

    Example:
        >>> from helpers.data import load_authorities, load_sources, load_us_actions
        >>> from helpers.data import load_us_rules
        >>> box = authority_explorer(load_authorities(), load_us_rules(), load_us_actions(),
        ...                          load_sources())
        >>> action, recipient, day = box.children[0].children
        >>> action.value, recipient.value = "training", "mali_army"
        >>> "BARRED" in box.children[1].value
        True
    """
    choose = translate("Choose…")
    action = widgets.Dropdown(options=[(choose, ""), *[(name_of(a), a) for a in ACTIONS]],
                              value="", description=translate("Action:"))
    recipient = widgets.Dropdown(options=[(choose, ""), *[(name_of(r), r) for r in RECIPIENTS]],
                                 value="", description=translate("For:"))
    day = widgets.Text(value="2013-01-21", description=translate("Date:"),
                       continuous_update=False)
    panel = widgets.HTML()
    for control, name in ((action, "action"), (recipient, "recipient"), (day, "date")):
        control.add_class(f"us-law-{name}")
    panel.add_class("us-law-panel")

    def show(_change: dict | None = None) -> None:
        panel.value = explain(authorities, us_rules, us_actions, sources,
                              action.value, recipient.value, day.value)

    for control in (action, recipient, day):
        control.observe(show, names="value")
    show()
    return widgets.VBox([widgets.HBox([action, recipient, day]), panel])


def judge_cases(authorities: pd.DataFrame, us_rules: pd.DataFrame) -> pd.DataFrame:
    """Judge typical requests on three dates: before the coup, at the first airlift, after
    the bar was lifted. Each cell holds the verdict and the authority ids it cites.

    Example:
        >>> from helpers.data import load_authorities, load_us_rules
        >>> table = judge_cases(load_authorities(), load_us_rules())
        >>> table.iloc[0]["21 Jan 2013"]
        'barred (sec7008-fy2013-cr)'
    """
    rows = []
    for action, recipient in _TABLE_CASES:
        row = {translate("Request"): name_of(action), translate("For"): name_of(recipient)}
        for day in _TABLE_DAYS:
            verdict = judge(authorities, us_rules, action, recipient, day)
            row[format_date(verdict.day, style="short")] = translate(
                "{verdict} ({ids})", verdict=name_of(verdict.verdict),
                ids=", ".join(verdict.cited()))
        rows.append(row)
    return pd.DataFrame(rows)


def verdict_table(authorities: pd.DataFrame, us_rules: pd.DataFrame) -> Markdown:
    """Return :func:`judge_cases` as a Markdown table, the explorer's static fallback.

    The cells keep the authority ids: exercise 4.7 asks for one.

    Example:
        >>> from helpers.data import load_authorities, load_us_rules
        >>> print(verdict_table(load_authorities(), load_us_rules()).splitlines()[0])
        | Request | For | 1 Mar 2012 | 21 Jan 2013 | 1 Oct 2013 |
    """
    return markdown_table(judge_cases(authorities, us_rules))


# 3. The legal instruments, oldest first.

def authorities_table(authorities: pd.DataFrame) -> Markdown:
    """Return the legal instruments as a Markdown table, oldest first, with their sources.

    Example:
        >>> from helpers.data import load_authorities
        >>> "| War Powers Resolution |" in authorities_table(load_authorities())
        True
    """
    rows = authorities.sort_values("enacted")
    sources, citation = translate("Sources"), translate("Citation")
    frame = pd.DataFrame({
        translate("Instrument"): rows["short_name"],
        citation: [f'<cite lang="en">{escape_cell(text)}</cite>' for text in rows["citation"]],
        translate("Date"): [format_date(day, style="short") for day in rows["enacted"]],
        translate("Kind"): [name_of(kind) for kind in rows["kind"]],
        translate("How it bore on Mali"): rows["bearing_on_mali"], sources: rows["source_ids"]})
    return markdown_table(frame, code=[sources], markup=[citation])


# 4. A timeline of what Washington did, drawn against the dates of the legal events.

WINDOW = (pd.Timestamp("2011-12-01"), pd.Timestamp("2013-10-31"))
ZOOM = (pd.Timestamp("2013-01-08"), pd.Timestamp("2013-03-01"))
LAW_ROW = "law or policy"
LABEL_BAND = 5.8  # rows of space above the markers for the legal events' labels
# One row per kind of help; training is split by recipient (barred for Mali's army,
# conditional for the African force), and the role-play's requests (a)-(e) are marked.
_ROWS = {("aid", None): "aid to Mali's government",
         ("training", "mali_army"): "(d) training: Malian army",
         ("training", None): "training: African force",
         ("funding", None): "funding (drawdown)",
         ("intelligence", None): "intelligence sharing",
         ("airlift", None): "(a) airlift",
         ("refuelling", None): "(b) aerial refuelling",
         ("surveillance", None): "(c) surveillance drones",
         ("ground_troops", None): "(e) ground troops"}
_ROW_ORDER = tuple(_ROWS.values())


def row_label(kind: str, recipient: str) -> str:
    """Return the chart row of one US action: its kind, split and marked where it matters.

    Example:
        >>> row_label("training", "mali_army"), row_label("training", "afisma")
        ('(d) training: Malian army', 'training: African force')
    """
    return _ROWS.get((kind, recipient), _ROWS.get((kind, None), kind.replace("_", " ")))


def _row_names(table: pd.DataFrame) -> pd.DataFrame:
    """The timeline table as shown to students: rows and outcomes in the lesson's language."""
    shown = table.assign(Row=[translate(row) for row in table["Row"]],
                         Outcome=[name_of(outcome) for outcome in table["Outcome"]])
    return shown.rename(columns={name: translate(name) for name in shown.columns})
_OUTCOME_STYLES = {"done": (PALETTE["bluish_green"], "o"),
                   "barred": (PALETTE["vermillion"], "X"),
                   "declined": (PALETTE["orange"], "s"),
                   "conditional": (PALETTE["blue"], "D"),
                   "requested": (PALETTE["reddish_purple"], "^")}


def _month(day: pd.Timestamp) -> str:
    """A month's short name alone ("Jan", "janv.")."""
    return format_date(day, style="short-month").rsplit(" ", 1)[0]


def _date_ticks(style: str) -> mticker.FuncFormatter:
    """Date tick labels written by :func:`write_day` (so in the lesson's language)."""
    return mticker.FuncFormatter(lambda value, _pos: write_day(mdates.num2date(value).date(),
                                                               style=style))


def _laws_in_window(authorities: pd.DataFrame) -> pd.DataFrame:
    return authorities[pd.to_datetime(authorities["enacted"]).between(*WINDOW)]


def build_timeline(us_actions: pd.DataFrame, authorities: pd.DataFrame) -> pd.DataFrame:
    """Put US actions and the legal events of Dec 2011 - Oct 2013 in one dated table.

    Example:
        >>> from helpers.data import load_authorities, load_us_actions
        >>> table = build_timeline(load_us_actions(), load_authorities())
        >>> table.iloc[0]["Row"]
        'law or policy'
    """
    rows = [{"Date": pd.Timestamp(r.enacted), "Row": LAW_ROW, "What": r.short_name,
             "Outcome": r.kind.replace("_", " "), "Cites": r.authority_id}
            for r in _laws_in_window(authorities).itertuples()]
    rows += [{"Date": r.date, "Row": row_label(r.kind, r.recipient),
              "What": f"{r.action} ({r.recipient})",
              "Outcome": r.outcome, "Cites": r.authority_ids} for r in us_actions.itertuples()]
    return pd.DataFrame(rows).sort_values(["Date", "Row"], ignore_index=True)


def describe_timeline(table: pd.DataFrame) -> str:
    """Write the chart's text alternative from a :func:`build_timeline` table.

    Example:
        >>> from helpers.data import load_authorities, load_us_actions
        >>> text = describe_timeline(build_timeline(load_us_actions(), load_authorities()))
        >>> text.startswith("Legal events: ")
        True
    """
    laws = table[table["Row"] == LAW_ROW]
    acts = table[table["Row"] != LAW_ROW]
    law_text = "; ".join(f"{format_date(r.Date, style='short')} {r.What}"
                         for r in laws.itertuples())
    busy = acts[acts["Date"].between(*ZOOM)]
    act_text = "; ".join(translate("{day} {what}: {outcome}",
                                   day=write_day(r.Date, style="short-day-month"), what=r.What,
                                   outcome=name_of(r.Outcome)) for r in busy.itertuples())
    return translate("Legal events: {laws}. {count} US actions in all; {busy} fall between "
                     "{start} and {end}: {acts}.", laws=law_text, count=len(acts),
                     busy=len(busy), start=write_day(ZOOM[0], style="day-month"),
                     end=write_day(ZOOM[1]), acts=act_text)


def line_label(name: str, *, width: int = 26) -> str:
    """Shorten a legal event's name to two short lines for a vertical chart label.

    Example:
        >>> line_label("Emergency drawdown for Chad and France").splitlines()
        ['Emergency drawdown for', 'Chad and France']
    """
    return textwrap.fill(textwrap.shorten(name, width * 2, placeholder="…"), width)


def _draw(ax: plt.Axes, table: pd.DataFrame, rows: list[str], span: tuple,
          *, unlabelled: tuple = ()) -> None:
    for r in table[table["Row"] == LAW_ROW].itertuples():
        if span[0] <= r.Date <= span[1]:
            ax.axvline(r.Date, color=PALETTE["grey"], linestyle="--", linewidth=1)
        if span[0] <= r.Date <= span[1] and not (unlabelled and
                                                 unlabelled[0] <= r.Date <= unlabelled[1]):
            ax.annotate(line_label(r.What), (r.Date, len(rows) - 0.35), rotation=90,
                        fontsize=8, va="bottom", ha="right", color=PALETTE["black"])
    acts = table[(table["Row"] != LAW_ROW) & table["Date"].between(*span)]
    for outcome, (colour, marker) in _OUTCOME_STYLES.items():
        chosen = acts[acts["Outcome"] == outcome]
        ax.scatter(chosen["Date"], [rows.index(k) for k in chosen["Row"]], s=90, color=colour,
                   marker=marker, label=name_of(outcome), edgecolor="black", linewidth=0.5,
                   zorder=3)
    ax.set_xlim(*span)
    ax.set_yticks(range(len(rows)), [translate(row) for row in rows], fontsize=11)
    ax.set_ylim(-0.7, len(rows) + LABEL_BAND - 0.3)
    ax.set_xlabel(translate("Date"))
    ax.grid(axis="y", color="#dddddd")


def us_timeline_chart(us_actions: pd.DataFrame, authorities: pd.DataFrame,
                      sources: pd.DataFrame) -> Chart:
    """Draw US actions by kind (markers by outcome) against legal events (dashed lines).

    Left: December 2011 to October 2013; right: a close-up of January-February 2013. The
    caption cites the sources of every action and legal event drawn.

    Example:
        >>> from helpers.data import load_authorities, load_sources, load_us_actions
        >>> chart = us_timeline_chart(load_us_actions(), load_authorities(), load_sources())
        >>> "Sources: " in chart.caption
        True
    """
    table = build_timeline(us_actions, authorities)
    rows = [k for k in _ROW_ORDER if k in set(table["Row"])]
    with house_style():
        figure, (whole, zoom) = plt.subplots(1, 2, figsize=(13, 6.5), sharey=True,
                                             width_ratios=(3, 2))
        _draw(whole, table, rows, WINDOW, unlabelled=ZOOM)
        whole.axvspan(*ZOOM, color=PALETTE["yellow"], alpha=0.25, label=translate("close-up"))
        _draw(zoom, table, rows, ZOOM)
        whole.xaxis.set_major_formatter(_date_ticks("short-month"))
        zoom.xaxis.set_major_locator(mdates.WeekdayLocator(byweekday=mdates.MO, interval=2))
        zoom.xaxis.set_major_formatter(_date_ticks("short-day-month"))
        whole.set_ylabel(translate("Kind of US help"))
        whole.set_title(f"{format_date(WINDOW[0], style='short-month')} – "
                        f"{format_date(WINDOW[1], style='short-month')}")
        last = ZOOM[1] - pd.Timedelta(days=1)
        zoom.set_title(translate("Close-up: {start} – {end}", start=_month(ZOOM[0]),
                                 end=format_date(last, style="short-month")))
        whole.legend(title=translate("Outcome"), loc="upper left", bbox_to_anchor=(0.0, -0.2),
                     ncols=6, fontsize=10, framealpha=1)
        figure.autofmt_xdate()
    ids = collect_ids([*us_actions["source_ids"], *_laws_in_window(authorities)["source_ids"]])
    text = translate("US requests and actions (markers, by outcome; rows (a)-(e) are the "
                     "role-play's requests) against US legal events (dashed lines, labelled "
                     "with their names; the table below gives their ids).")
    shown = _row_names(table.assign(Date=table["Date"].dt.strftime("%Y-%m-%d")))
    return make_chart(figure, caption=caption(sources, ids, text=text),
                      alt_text=describe_timeline(table), table=shown)
