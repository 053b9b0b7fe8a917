"""Lesson 01, the 2012 coup: timeline filters, the timeline chart, event details, explorer.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.dates import DateFormatter, MonthLocator, YearLocator

from helpers.charts import Chart, category_style, house_style, make_chart
from helpers.citations import collect_ids, format_citation
from helpers.data import EVENT_CATEGORIES, split_ids

# Pure functions behind lesson 1's timeline: filter events, label and count them.

ALL_ACTORS = ""


def parse_day(value: object, *, name: str) -> pd.Timestamp | None:
    """Turn a date-like value (``"2012-03-22"``, a date, ``None``) into a Timestamp.

    Raises:
        ValueError: saying which option (``name``) held what, when it is not a date.

    Example:
        >>> parse_day("2012-03-22", name="start")
        Timestamp('2012-03-22 00:00:00')
        >>> parse_day(None, name="end") is None
        True
    """
    if value is None or value == "":
        return None
    try:
        return pd.Timestamp(value).normalize()
    except (ValueError, TypeError):
        raise ValueError(f"{name} should be a date like '2012-03-22', not {value!r}") from None


def check_categories(categories: Iterable[str]) -> list[str]:
    """Return the categories as a list, or say which one is not a known category.

    Example:
        >>> check_categories(["coup", "diplomacy"])
        ['coup', 'diplomacy']
    """
    if isinstance(categories, str):
        categories = [categories]
    chosen = list(categories)
    unknown = [c for c in chosen if c not in EVENT_CATEGORIES]
    if unknown:
        raise ValueError(
            f"unknown category {unknown[0]!r}; choose from {', '.join(EVENT_CATEGORIES)}"
        )
    return chosen


def filter_events(
    events: pd.DataFrame,
    *,
    categories: Iterable[str] = (),
    actor: str = ALL_ACTORS,
    start: object = None,
    end: object = None,
) -> pd.DataFrame:
    """Keep the events that match every filter given, sorted by date.

    An empty ``categories`` or ``actor`` means "any". An event with an ``end_date``
    is kept when its span overlaps the range ``start``..``end`` (both inclusive).

    Example:
        >>> from helpers.data import load_events
        >>> coups = filter_events(load_events(), categories=["coup"], start="2012-03-21")
        >>> set(coups["category"])
        {'coup'}
    """
    chosen = check_categories(categories)
    first, last = parse_day(start, name="start"), parse_day(end, name="end")
    if first is not None and last is not None and first > last:
        raise ValueError(f"the start date {first:%d %b %Y} is after the end date {last:%d %b %Y}")
    keep = pd.Series(True, index=events.index)
    if chosen:
        keep &= events["category"].isin(chosen)
    if actor:
        keep &= events["actors"].map(lambda cell: actor in split_ids(cell))
    finish = events["end_date"].fillna(events["date"])
    if first is not None:
        keep &= finish >= first
    if last is not None:
        keep &= events["date"] <= last
    return events[keep].sort_values(["date", "event_id"], kind="stable")


def format_when(date: pd.Timestamp, precision: str) -> str:
    """Write a date as precisely as it is known.

    Example:
        >>> format_when(pd.Timestamp("2012-03-22"), "day")
        '22 Mar 2012'
        >>> format_when(pd.Timestamp("2011-10-01"), "month")
        'Oct 2011'
    """
    if precision == "year":
        return f"{date:%Y}"
    if precision == "month":
        return f"{date:%b %Y}"
    return f"{date.day} {date:%b %Y}"


def event_label(row: pd.Series) -> str:
    """Return the one-line label the explorer lists for an event.

    Example:
        >>> row = pd.Series({"date": pd.Timestamp("2012-03-22"), "date_precision": "day",
        ...                  "title": "Soldiers depose President Touré"})
        >>> event_label(row)
        '22 Mar 2012 · Soldiers depose President Touré'
    """
    return f"{format_when(row['date'], row['date_precision'])} · {row['title']}"


def event_choices(events: pd.DataFrame) -> list[tuple[str, str]]:
    """Return ``(label, event_id)`` pairs in date order, ready for a selection widget.

    Example:
        >>> from helpers.data import load_events
        >>> event_choices(load_events())[0][1].startswith("ev-")
        True
    """
    ordered = events.sort_values(["date", "event_id"], kind="stable")
    return [(event_label(row), row["event_id"]) for _, row in ordered.iterrows()]


def summarize_events(frame: pd.DataFrame) -> str:
    """Say in one sentence what a filtered table holds (the text alternative of the chart).

    Example:
        >>> summarize_events(pd.DataFrame(columns=["date", "category"]))
        'No events match these filters.'
    """
    if frame.empty:
        return "No events match these filters."
    counts = frame["category"].value_counts()
    parts = ", ".join(f"{n} {cat}" for cat, n in counts.items())
    first, last = frame["date"].min(), frame["date"].max()
    noun = "event" if len(frame) == 1 else "events"
    return (f"{len(frame)} {noun} from {first.day} {first:%b %Y} to {last.day} {last:%b %Y}: "
            f"{parts}.")


def days_between(events: pd.DataFrame, first_id: str, second_id: str) -> int:
    """Count the days from one event's date to another's (negative if the second is earlier).

    Raises:
        KeyError: naming the event id that is not in ``events``.

    Example:
        >>> from helpers.data import load_events
        >>> days_between(load_events(), "ev-20120322-coup", "ev-20130111-serval")
        295
    """
    dates = events.set_index("event_id")["date"]
    for event_id in (first_id, second_id):
        if event_id not in dates.index:
            raise KeyError(f"no event with event_id {event_id!r} in events.csv")
    return int((dates[second_id] - dates[first_id]).days)


# Lesson 1's timeline chart: events by category over time, legible on a projector.

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
        events: the frame from :func:`helpers.data.load_events`.
        sources: the frame from :func:`helpers.data.load_sources` (for the caption).
        start, end: the dates to show, inclusive; ``None`` shows everything.
        categories: the categories to show; empty means every category with events.
        labels: event ids whose titles are written beside their markers.
        title: the chart's title.

    Returns:
        A :class:`helpers.charts.Chart`: the figure, a caption naming the sources, a
        one-sentence text alternative and the table of events shown.

    Example:
        >>> from helpers.data import load_events, load_sources
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
        >>> from helpers.data import load_events, load_sources
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
        >>> from helpers.data import load_events
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


# One event in full for the timeline explorer: when, what, what is disputed, who says so.

def describe_event(events: pd.DataFrame, sources: pd.DataFrame, event_id: str) -> dict:
    """Gather what a reader needs about one event: when, what, why in doubt, who says so.

    Raises:
        KeyError: when ``event_id`` is not in ``events`` (the message names it).

    Example:
        >>> from helpers.data import load_events, load_sources
        >>> facts = describe_event(load_events(), load_sources(), "ev-20120322-coup")
        >>> sorted(facts)
        ['citations', 'event_id', 'note', 'source_ids', 'summary', 'title', 'when']
    """
    match = events[events["event_id"] == event_id]
    if match.empty:
        raise KeyError(f"no event with event_id {event_id!r} in events.csv")
    row = match.iloc[0]
    when = format_when(row["date"], row["date_precision"])
    if pd.notna(row["end_date"]):
        when += f" – {format_when(row['end_date'], row['date_precision'])}"
    cited = split_ids(row["source_ids"])
    return {"event_id": event_id, "title": row["title"], "when": when, "summary": row["summary"],
            "note": row["note"], "source_ids": cited,
            "citations": [format_citation(sources, sid) for sid in cited]}


def event_html(events: pd.DataFrame, sources: pd.DataFrame, event_id: str | None) -> str:
    """Render :func:`describe_event` as small, escaped HTML for the explorer's panel.

    Example:
        >>> event_html(None, None, None)
        '<p><em>Pick an event in the list to read its summary and sources.</em></p>'
    """
    if not event_id:
        return "<p><em>Pick an event in the list to read its summary and sources.</em></p>"
    facts = {k: v if isinstance(v, list) else html.escape(str(v))
             for k, v in describe_event(events, sources, event_id).items()}
    items = "".join(f"<li><code>{html.escape(sid)}</code>: {citation_html(text)}</li>"
                    for sid, text in zip(facts["source_ids"], facts["citations"], strict=True))
    note = f"<p><strong>Note:</strong> {facts['note']}</p>" if facts["note"] else ""
    return (f"<h4>{facts['title']}</h4><p><code>{facts['event_id']}</code></p>"
            f"<p><strong>{facts['when']}</strong>. {facts['summary']}</p>"
            f"{note}<p>Sources:</p><ul class='event-citations'>{items}</ul>")


def citation_html(citation: str) -> str:
    """Turn a citation from :func:`helpers.citations.format_citation` into safe HTML.

    Example:
        >>> citation_html("Ann (2012). *A & B*. Press.")
        'Ann (2012). <em>A &amp; B</em>. Press.'
        >>> citation_html("<https://x.org/?a=1&b=2>")
        '<a href="https://x.org/?a=1&amp;b=2" target="_blank">https://x.org/?a=1&amp;b=2</a>'
    """
    text = html.escape(citation, quote=False)
    text = re.sub(r"\*(.+?)\*", r"<em>\1</em>", text)
    return re.sub(r"&lt;(https?://\S+?)&gt;", r'<a href="\1" target="_blank">\1</a>', text)


# Lesson 1's timeline explorer: a thin ipywidgets front end over :mod:`helpers.the_coup`.

def explore(
    events: pd.DataFrame,
    sources: pd.DataFrame,
    *,
    categories: tuple[str, ...] = (),
    actor: str = ALL_ACTORS,
    start: object = None,
    end: object = None,
    selected: str | None = None,
) -> dict:
    """Compute everything the explorer shows for one state of its controls.

    Returns:
        ``options`` (label, event_id pairs), ``selected`` (kept only if still listed),
        ``summary`` (one sentence) and ``detail`` (HTML for the selected event).
        A bad filter (start after end) gives no options and the reason as the summary.

    Example:
        >>> from helpers.data import load_events, load_sources
        >>> view = explore(load_events(), load_sources(), categories=("coup",),
        ...                selected="ev-20120322-coup")
        >>> view["selected"], "Sources" in view["detail"]
        ('ev-20120322-coup', True)
    """
    try:
        frame = filter_events(events, categories=categories, actor=actor, start=start, end=end)
    except ValueError as problem:
        return {"options": [], "selected": None, "summary": f"Check the filters: {problem}.",
                "detail": event_html(events, sources, None)}
    options = event_choices(frame)
    keep = selected if selected in {value for _, value in options} else None
    return {"options": options, "selected": keep, "summary": summarize_events(frame),
            "detail": event_html(events, sources, keep)}


def actor_choices(events: pd.DataFrame, actors: pd.DataFrame) -> list[tuple[str, str]]:
    """List the actors that appear in ``events`` as ``(name, actor_id)``, "Any actor" first.

    Example:
        >>> from helpers.data import load_actors, load_events
        >>> actor_choices(load_events(), load_actors())[0]
        ('Any actor', '')
    """
    used = {a for cell in events["actors"] for a in split_ids(cell)}
    names = actors.set_index("actor_id")["name"]
    listed = sorted((names.get(a, a), a) for a in used)
    return [("Any actor", ALL_ACTORS), *listed]


def timeline_explorer(
    events: pd.DataFrame, sources: pd.DataFrame, actors: pd.DataFrame
) -> widgets.VBox:
    """Build the explorer: category, actor and date filters, an event list, a detail panel.

    Each control carries a CSS class (``timeline-explorer-categories``, ``-actor``,
    ``-start``, ``-end``, ``-events``, ``-summary``, ``-detail``) so tests can find it.

    Example:
        >>> from helpers.data import load_actors, load_events, load_sources
        >>> box = timeline_explorer(load_events(), load_sources(), load_actors())
        >>> filters, summary, listing, detail = box.children
        >>> listing.value = "ev-20120322-coup"
        >>> "Sources" in detail.value
        True
    """
    present = [c for c in EVENT_CATEGORIES if c in set(events["category"])]
    first, last = events["date"].min().date(), events["end_date"].fillna(events["date"]).max()
    controls = {
        "categories": widgets.SelectMultiple(options=present, rows=len(present),
                                             description="Categories"),
        "actor": widgets.Dropdown(options=actor_choices(events, actors), description="Actor"),
        "start": widgets.DatePicker(value=first, description="From"),
        "end": widgets.DatePicker(value=last.date(), description="To"),
    }
    listing = widgets.Select(options=[], rows=10, description="Events",
                             layout=widgets.Layout(width="95%"))
    summary, detail = widgets.HTML(), widgets.HTML()
    for name, widget in {**controls, "events": listing, "summary": summary,
                         "detail": detail}.items():
        widget.add_class(f"timeline-explorer-{name}")

    def refresh(_change: object = None) -> None:
        view = explore(events, sources, categories=controls["categories"].value,
                       actor=controls["actor"].value, start=controls["start"].value,
                       end=controls["end"].value, selected=listing.value)
        listing.options, listing.value = view["options"], view["selected"]
        summary.value, detail.value = f"<p>{view['summary']}</p>", view["detail"]

    def show(_change: object) -> None:
        detail.value = event_html(events, sources, listing.value)

    for widget in controls.values():
        widget.observe(refresh, names="value")
    listing.observe(show, names="value")
    refresh()
    filters = widgets.HBox([controls["categories"],
                            widgets.VBox([controls["actor"], controls["start"], controls["end"]])])
    return widgets.VBox([filters, summary, listing, detail])
