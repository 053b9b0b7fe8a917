"""A timeline of what Washington did, drawn against the dates of the legal events."""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from helpers.charts import PALETTE, Chart, house_style, make_chart
from helpers.citations import caption, collect_ids

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
        >>> from helpers.loaders import load_authorities, load_us_actions
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
        >>> from helpers.loaders import load_authorities, load_us_actions
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


def chart_us_timeline(us_actions: pd.DataFrame, authorities: pd.DataFrame) -> Chart:
    """Draw US actions by kind (markers by outcome) against legal events (dashed lines).

    Left: December 2011 to October 2013; right: a close-up of January-February 2013.

    Example:
        >>> from helpers.loaders import load_authorities, load_us_actions
        >>> chart = chart_us_timeline(load_us_actions(), load_authorities())
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
    return make_chart(figure, caption=caption(ids, text=text), alt_text=describe_timeline(table),
                      table=table.assign(Date=table["Date"].dt.strftime("%Y-%m-%d")))
