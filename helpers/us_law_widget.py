"""Show the authority explorer's verdicts: as HTML, as a static table, and as a thin widget."""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from helpers.citations import Markdown
from helpers.us_law import ACTIONS, RECIPIENTS, ExplorerInputError, Verdict, judge
from helpers.validate import split_ids

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
        >>> from helpers.loaders import load_authorities
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
        >>> from helpers.loaders import load_authorities
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
        >>> from helpers.loaders import load_authorities
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
        >>> from helpers.loaders import load_authorities, load_us_actions
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
        >>> from helpers.loaders import load_authorities
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
