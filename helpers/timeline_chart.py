"""Lesson 1's timeline chart: events by category over time, legible on a projector."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.dates import DateFormatter, MonthLocator, YearLocator

from helpers.charts import Chart, category_style, house_style, make_chart
from helpers.citations import collect_ids
from helpers.schema import EVENT_CATEGORIES
from helpers.timeline import filter_events, format_when, summarize_events

TYPE_SIZE = 15  # points; the house style's 13 is for screens, this chart is for projectors


def chart_timeline(
    events: pd.DataFrame,
    sources: pd.DataFrame,
    *,
    start: object = None,
    end: object = None,
    categories: tuple[str, ...] = (),
    labels: tuple[str, ...] = (),
    title: str = "Events by category",
) -> Chart:
    """Draw one row per category and one marker per event, spans as bars.

    Args:
        events: the frame from :func:`helpers.loaders.load_events`.
        sources: the frame from :func:`helpers.loaders.load_sources` (for the caption).
        start, end: the dates to show, inclusive; ``None`` shows everything.
        categories: the categories to show; empty means every category with events.
        labels: event ids whose titles are written beside their markers.
        title: the chart's title.

    Returns:
        A :class:`helpers.charts.Chart`: the figure, a caption naming the sources, a
        one-sentence text alternative and the table of events shown.

    Example:
        >>> from helpers.loaders import load_events, load_sources
        >>> chart = chart_timeline(load_events(), load_sources(), start="2012-01-01",
        ...                        end="2012-12-31")
        >>> chart.figure.axes[0].get_xlabel()
        'Date (month and year)'
    """
    frame = filter_events(events, categories=categories, start=start, end=end)
    if frame.empty:
        raise ValueError(f"{summarize_events(frame)} Widen the dates or choose more categories.")
    rows = [c for c in EVENT_CATEGORIES if c in set(frame["category"])]
    with house_style():
        fig, ax = plt.subplots(figsize=(13, 1.6 + 0.75 * len(rows)), layout="constrained")
        for y, category in enumerate(rows):
            draw_row(ax, frame[frame["category"] == category], y=y, category=category)
        for _, row in frame[frame["event_id"].isin(labels)].iterrows():
            ax.annotate(row["title"], (row["date"], rows.index(row["category"])),
                        xytext=(0, 12), textcoords="offset points", fontsize=TYPE_SIZE - 3,
                        ha="center", va="bottom")
        ax.set_yticks(range(len(rows)), [c.replace("_", " ") for c in rows], fontsize=TYPE_SIZE)
        ax.set_ylim(-0.6, len(rows) - 0.4 + (0.5 if len(labels) else 0))
        ax.set_title(title, fontsize=TYPE_SIZE + 2)
        format_date_axis(ax, frame)
        ax.grid(axis="x", alpha=0.3)
    return make_chart(fig, caption=timeline_caption(frame, sources),
                      alt_text=summarize_events(frame), table=events_table(frame))


def draw_row(ax: plt.Axes, frame: pd.DataFrame, *, y: int, category: str) -> None:
    """Draw one category's events on row ``y``: a marker each, a bar under any span."""
    colour, marker = category_style(category)
    for _, row in frame[frame["end_date"].notna()].iterrows():
        ax.plot([row["date"], row["end_date"]], [y, y], color=colour, linewidth=8, alpha=0.45,
                solid_capstyle="butt")
    ax.scatter(frame["date"], [y] * len(frame), s=150, color=colour, marker=marker,
               edgecolor="black", linewidth=0.6, zorder=3)


def format_date_axis(ax: plt.Axes, frame: pd.DataFrame) -> None:
    """Tick every month for a range up to 15 months, otherwise every year or decade."""
    ax.set_xlabel("Date (month and year)", fontsize=TYPE_SIZE)
    first, last = frame["date"].min(), frame["end_date"].fillna(frame["date"]).max()
    days = (last - first).days
    if days <= 460:
        ax.xaxis.set_major_locator(MonthLocator())
        ax.xaxis.set_major_formatter(DateFormatter("%b\n%Y"))
    else:
        ax.xaxis.set_major_locator(YearLocator(base=10 if days > 20 * 365 else 1))
        ax.xaxis.set_major_formatter(DateFormatter("%Y"))
        ax.set_xlabel("Year", fontsize=TYPE_SIZE)
    ax.tick_params(axis="x", labelsize=TYPE_SIZE - 2)


def timeline_caption(frame: pd.DataFrame, sources: pd.DataFrame) -> str:
    """Say what the chart shows and name the publishers of the sources behind it.

    Example:
        >>> from helpers.loaders import load_events, load_sources
        >>> timeline_caption(load_events().head(2), load_sources()).count("Sources:")
        1
    """
    ids = collect_ids(frame["source_ids"])
    publishers = sorted(set(sources[sources["source_id"].isin(ids)]["publisher"]))
    return (f"Each marker is one event in data/events.csv, placed on its date; a bar shows "
            f"an event that lasted. Sources: {len(ids)} documents from "
            f"{'; '.join(publishers)} (cited row by row in the table).")


def events_table(frame: pd.DataFrame) -> pd.DataFrame:
    """List the events a chart shows: date, category, title and sources (its text version).

    Example:
        >>> from helpers.loaders import load_events
        >>> list(events_table(load_events()).columns)
        ['date', 'category', 'event', 'sources']
    """
    return pd.DataFrame({
        "date": [format_when(d, p) for d, p in zip(frame["date"], frame["date_precision"],
                                                     strict=True)],
        "category": frame["category"].str.replace("_", " "),
        "event": frame["title"],
        "sources": frame["source_ids"].str.replace(";", "; "),
    })
