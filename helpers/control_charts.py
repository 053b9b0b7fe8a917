"""Charts of control: a map on one date, small multiples of key dates, a step chart of
how many towns each side held, and a sentence describing the map (its text alternative)."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib import patheffects
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from helpers.basemap import ANCHORS, draw_basemap
from helpers.charts import PALETTE, Chart, house_style, make_chart
from helpers.citations import collect_ids
from helpers.control import SIDE_LABELS, as_date, count_by_side, holders_on, weekly_dates

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes

# Colour and marker per side: Okabe-Ito colours, and a different shape for each side
# so that the map also reads in grey.
SIDE_STYLES = MappingProxyType({
    "government": (PALETTE["blue"], "s"),
    "separatist": (PALETTE["orange"], "^"),
    "jihadist": (PALETTE["vermillion"], "X"),
    "militia": (PALETTE["bluish_green"], "D"),
})
MALI_FRAME = (-12.6, 4.6, 10.2, 25.2)
KEY_DATES = ("2012-01-01", "2012-03-25", "2012-04-10", "2012-09-05", "2013-01-15",
             "2013-02-15")


def describe_control(control: pd.DataFrame, places: pd.DataFrame, when: object, *,
                     rule: str = "earliest") -> str:
    """Say in words who held which town on a date (the map's text alternative).

    Example:
        >>> from helpers.loaders import load_control, load_places
        >>> describe_control(load_control(), load_places(), "2013-01-15")[:40]
        'On 15 January 2013: Malian state (with F'
    """
    day = as_date(when)
    table = holders_on(control, day, rule=rule)
    names = places.set_index("place_id")["name"]
    parts = []
    for side, label in SIDE_LABELS.items():
        towns = sorted(names.get(p, p) for p in table.loc[table["side"] == side, "place_id"])
        if towns:
            parts.append(f"{label} held {len(towns)} "
                         f"({', '.join(towns)})")
    when_text = f"{day.day} {day:%B %Y}"
    return f"On {when_text}: " + "; ".join(parts) + "." if parts else \
        f"No town has a record on {when_text}."


def draw_control(ax: Axes, control: pd.DataFrame, places: pd.DataFrame, when: object, *,
                 rule: str = "earliest", labels: bool = True, fontsize: float = 10) -> Axes:
    """Draw the towns on ``ax`` coloured and shaped by the side holding them on ``when``.

    Example:
        >>> from matplotlib.figure import Figure
        >>> from helpers.loaders import load_control, load_places
        >>> ax = Figure().add_subplot()
        >>> len(draw_control(ax, load_control(), load_places(), "2012-06-01").lines)
        17
    """
    draw_basemap(ax, extent=MALI_FRAME, label_countries=False)
    draw_towns(ax, control, places, when, rule=rule, labels=labels, fontsize=fontsize)
    return ax


def draw_towns(ax: Axes, control: pd.DataFrame, places: pd.DataFrame, when: object, *,
               rule: str = "earliest", labels: bool = True, fontsize: float = 10) -> list[Artist]:
    """Mark the towns held on ``when`` and title ``ax`` with the date; return the new artists.

    A widget that keeps its base map removes these artists before drawing the next date.

    Example:
        >>> from matplotlib.figure import Figure
        >>> from helpers.loaders import load_control, load_places
        >>> len(draw_towns(Figure().add_subplot(), load_control(), load_places(), "2012-06-01"))
        34
    """
    table = holders_on(control, when, rule=rule).merge(places, on="place_id", how="left")
    missing = table.loc[table["lat"].isna(), "place_id"].tolist()
    if missing:
        raise ValueError(f"control.csv names towns missing from places.csv: {missing}")
    halo = [patheffects.withStroke(linewidth=3, foreground="white")]
    artists = []
    for row in table.to_dict("records"):
        colour, marker = SIDE_STYLES[row["side"]]
        artists += ax.plot(row["lon"], row["lat"], marker=marker, markersize=9, color=colour,
                           markeredgecolor="black", markeredgewidth=0.6, zorder=3)
        if labels:
            anchor = row["label_anchor"] if isinstance(row["label_anchor"], str) else "ne"
            (dx, dy), ha, va = ANCHORS[anchor]
            artists.append(ax.annotate(row["name"], (row["lon"], row["lat"]),
                                       xytext=(dx * 5, dy * 5), textcoords="offset points",
                                       ha=ha, va=va, fontsize=fontsize, path_effects=halo,
                                       zorder=4))
    day = as_date(when)
    ax.set_title(f"{day.day} {day:%b %Y}")
    return artists


def side_handles() -> list[Line2D]:
    """Return one legend handle per side (colour and marker)."""
    return [Line2D([], [], linestyle="", marker=m, color=c, markeredgecolor="black",
                   markersize=9, label=SIDE_LABELS[side])
            for side, (c, m) in SIDE_STYLES.items()]


def side_legend(ax: Axes) -> None:
    """Add the legend of sides (colour and marker) to ``ax``."""
    ax.legend(handles=side_handles(), loc="upper left", fontsize=10, framealpha=0.9)


def summary_caption(source_ids: list[str], text: str) -> str:
    """Return a caption that counts its sources when there are too many to list.

    Example:
        >>> summary_caption(["a", "b"], "Two towns.").split("Sources: ")[1][:30]
        '2 reports and references cited'
    """
    return (f"{text} Sources: {len(set(source_ids))} reports and references cited row by row "
            "in data/control.csv (listed under Sources used); borders from Natural Earth.")


def _sources_on(control: pd.DataFrame, days: list[object], rule: str) -> list[str]:
    cells = [c for day in days for c in holders_on(control, day, rule=rule)["source_ids"]]
    return collect_ids(cells)


def chart_control_map(control: pd.DataFrame, places: pd.DataFrame, when: object, *,
                      rule: str = "earliest") -> Chart:
    """Return the control map on one date, with caption and text alternative.

    Example:
        >>> from helpers.loaders import load_control, load_places
        >>> chart = chart_control_map(load_control(), load_places(), "2012-06-01")
        >>> "Sources:" in chart.caption
        True
    """
    with house_style():
        fig, ax = plt.subplots(figsize=(8, 7))
        draw_control(ax, control, places, when, rule=rule)
        side_legend(ax)
    day = as_date(when)
    note = summary_caption(_sources_on(control, [day], rule),
                           f"Who held each town on {day.day} {day:%B %Y} (rule: {rule} report); "
                           "the table under Text description gives each town's sources.")
    table = holders_on(control, day, rule=rule)
    table["since"] = table["since"].dt.strftime("%Y-%m-%d")
    text = describe_control(control, places, day, rule=rule)
    return make_chart(fig, caption=note, alt_text=text, table=table)


def chart_small_multiples(control: pd.DataFrame, places: pd.DataFrame, *,
                          days: tuple[str, ...] = KEY_DATES, rule: str = "earliest") -> Chart:
    """Return six small maps of control on key dates (the widget's static twin).

    Example:
        >>> from helpers.loaders import load_control, load_places
        >>> len(chart_small_multiples(load_control(), load_places()).figure.axes)
        6
    """
    with house_style():
        fig, axes = plt.subplots(2, 3, figsize=(13, 9.5))
        for ax, day in zip(axes.flat, days, strict=True):
            draw_control(ax, control, places, day, rule=rule, labels=False)
            ax.set_xlabel("")
            ax.set_ylabel("")
            ax.tick_params(labelbottom=False, labelleft=False)
        fig.legend(handles=side_handles(), loc="lower center", ncol=2, fontsize=11)
        fig.suptitle("Who held the towns of Mali on six dates")
    text = " ".join(describe_control(control, places, day, rule=rule) for day in days)
    note = summary_caption(_sources_on(control, list(days), rule),
                           "Control of Mali's towns on six key dates, "
                           "January 2012 to February 2013.")
    return make_chart(fig, caption=note, alt_text=text)


def chart_sides_step(control: pd.DataFrame, *, rule: str = "earliest") -> Chart:
    """Return a step chart of how many towns each side held, week by week.

    Example:
        >>> from helpers.loaders import load_control
        >>> chart_sides_step(load_control()).table.columns[0]
        'week of'
    """
    counts = count_by_side(control, weekly_dates(), rule=rule)
    with house_style():
        fig, ax = plt.subplots(figsize=(11, 5))
        for side, (colour, marker) in SIDE_STYLES.items():
            ax.step(counts.index, counts[side], where="post", color=colour,
                    label=SIDE_LABELS[side], linewidth=2.2, marker=marker, markevery=8)
        ax.set_xlabel("Date (weekly steps)")
        ax.set_ylabel("Number of towns held")
        ax.set_title("Towns held by each side, January 2012 to February 2013")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.legend(fontsize=10, loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=2)
    peak = counts["jihadist"].idxmax()
    april = counts.loc[counts.index >= pd.Timestamp("2012-04-08")].iloc[0]
    text = (f"Weekly counts of the {int(counts.iloc[0].sum())} towns in the control table. "
            f"The government held all of them in January 2012 and {int(april['government'])} "
            f"after the fall of the three northern regional capitals in early April 2012, when "
            f"the MNLA held {int(april['separatist'])}. The jihadist groups then took town after "
            f"town from the MNLA and peaked at {int(counts['jihadist'].max())} towns in the week "
            f"of {peak.day} {peak:%B %Y}; by the end of February 2013 the government and French "
            f"forces held {int(counts['government'].iloc[-1])}.")
    table = counts.reset_index().rename(columns={"date": "week of"})
    table["week of"] = table["week of"].dt.strftime("%Y-%m-%d")
    note = summary_caption(collect_ids(control["source_ids"]),
                           "Each step is a change of holder in data/control.csv.")
    return make_chart(fig, caption=note, alt_text=text, table=table)
