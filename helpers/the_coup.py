"""Lesson 01, the 2012 coup: the events of the coup year, on a chart and in an explorer.

Sections, in reading order:

1. **Choosing events**: :func:`filter_events` keeps the events that match a category, an
   actor and a date range; :func:`days_between` counts the days from one event to another.
2. **The timeline chart**: :func:`timeline_chart` draws one row per category, legible on a
   projector, with a caption naming its sources and the table of events it shows.
3. **One event in full**: :func:`describe_event` writes an event's dates, summary, note and
   citations as escaped HTML.
4. **The timeline explorer**: :func:`explore_timeline` computes what the explorer shows for
   one state of its filters; :func:`timeline_explorer` is the ipywidgets front end over it.

Example:
    >>> from helpers import load_events
    >>> days_between(load_events(), "ev-20120322-coup", "ev-20120412-traore-sworn-in")
    21
"""

from __future__ import annotations

import html
from collections.abc import Iterable

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.dates import DateFormatter, MonthLocator, YearLocator, num2date
from matplotlib.ticker import FuncFormatter

from helpers.charts import Chart, category_style, house_style, make_chart
from helpers.citations import cited_rows, collect_ids, source_row
from helpers.data import EVENT_CATEGORIES, split_ids
from helpers.language import format_date, format_number, translate
from helpers.readers import read_date
from helpers.tables import format_when

__all__ = ["days_between", "describe_event", "explore_timeline", "filter_events",
           "timeline_chart", "timeline_explorer"]


# 1. Choosing events: filter them, label them, count them.

def filter_events(
    events: pd.DataFrame,
    *,
    categories: Iterable[str] = (),
    actor: str = "",
    start: object = None,
    end: object = None,
) -> pd.DataFrame:
    """Keep the events that match every filter given, sorted by date.

    An empty ``categories`` or ``actor`` means "any". An event with an ``end_date``
    is kept when its span overlaps the range ``start``..``end`` (both inclusive).

    Args:
        events: the frame from :func:`helpers.load_events`.
        categories: event categories to keep (``"coup"``, ``"diplomacy"``, ...).
        actor: an ``actor_id`` the event must name (a whole id, not part of one).
        start: the first day to keep, as a date or text such as ``"2012-03-22"``.
        end: the last day to keep, likewise.

    Raises:
        ValueError: an unknown category, a date that cannot be read (the message names the
            option), or a start after the end.

    Example:
        >>> from helpers import load_events
        >>> coups = filter_events(load_events(), categories=["coup"], start="2012-03-21")
        >>> set(coups["category"])
        {'coup'}
    """
    chosen = _check_categories(categories)
    first, last = _read_day(start, name="start"), _read_day(end, name="end")
    if first is not None and last is not None and first > last:
        raise ValueError(translate("the start date {first} is after the end date {last}",
                                   first=format_when(first), last=format_when(last)))
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


def days_between(events: pd.DataFrame, first_id: str, second_id: str) -> int:
    """Count the days from one event's date to another's (negative if the second is earlier).

    Raises:
        KeyError: naming the event id that is not in ``events``.

    Example:
        >>> from helpers import load_events
        >>> days_between(load_events(), "ev-20120322-coup", "ev-20130111-serval")
        295
    """
    dates = events.set_index("event_id")["date"]
    for event_id in (first_id, second_id):
        if event_id not in dates.index:
            raise KeyError(translate("no event with event_id {event_id} in events.csv",
                                     event_id=repr(event_id)))
    return int((dates[second_id] - dates[first_id]).days)


def _read_day(value: object, *, name: str) -> pd.Timestamp | None:
    """Read the date option ``name`` with the core's date reader; ``None`` or ``""`` is none.

    Example:
        >>> _read_day("22 March 2012", name="start")
        Timestamp('2012-03-22 00:00:00')
    """
    if value is None or value == "":
        return None
    try:
        return pd.Timestamp(read_date(value))
    except ValueError:
        raise ValueError(translate("{name} should be a date like 2012-03-22, not {value}",
                                   name=name, value=repr(value))) from None


def _check_categories(categories: Iterable[str]) -> list[str]:
    """Return the categories as a list, or say which one is not a known category.

    Example:
        >>> _check_categories("coup")
        ['coup']
    """
    chosen = [categories] if isinstance(categories, str) else list(categories)
    unknown = [c for c in chosen if c not in EVENT_CATEGORIES]
    if unknown:
        raise ValueError(translate("unknown category {category}; choose from {choices}",
                                   category=repr(unknown[0]),
                                   choices=", ".join(EVENT_CATEGORIES)))
    return chosen


def _event_label(row: pd.Series) -> str:
    """Return the one-line label the explorer lists for an event: date · title."""
    return f"{format_when(row['date'], row['date_precision'])} · {row['title']}"


def _summarize(frame: pd.DataFrame) -> str:
    """Say in one sentence what a filtered table holds (the text alternative of the chart).

    Example:
        >>> _summarize(pd.DataFrame(columns=["date", "category"]))
        'No events match these filters.'
    """
    if frame.empty:
        return translate("No events match these filters.")
    counts = frame["category"].value_counts()
    parts = ", ".join(translate("{count} {category}", count=format_number(n),
                                category=translate(category))
                      for category, n in counts.items())
    fields = {"count": format_number(len(frame)), "first": format_when(frame["date"].min()),
              "last": format_when(frame["date"].max()), "parts": parts}
    if len(frame) == 1:
        return translate("{count} event from {first} to {last}: {parts}.", **fields)
    return translate("{count} events from {first} to {last}: {parts}.", **fields)


# 2. The timeline chart: events by category over time, legible on a projector.

_TYPE_SIZE = 15  # points; the house style's 13 is for screens, this chart is for projectors


def timeline_chart(
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
        events: the frame from :func:`helpers.load_events`.
        sources: the frame from :func:`helpers.load_sources` (for the caption).
        start: the first day shown (inclusive); ``None`` shows everything before ``end``.
        end: the last day shown (inclusive); ``None`` shows everything after ``start``.
        categories: the categories to show; empty means every category with events.
        labels: event ids whose titles are written beside their markers.
        title: the chart's title (the default is written in the lesson's language).

    Returns:
        A :class:`helpers.charts.Chart`: the figure, a caption naming the sources, a
        one-sentence text alternative and the table of events shown.

    Raises:
        ValueError: no event matches the filters (or a filter is wrong, see
            :func:`filter_events`).

    Example:
        >>> from helpers import load_events, load_sources
        >>> chart = timeline_chart(load_events(), load_sources(), start="2012-01-01",
        ...                        end="2012-12-31")
        >>> chart.figure.axes[0].get_xlabel()
        'Date (month and year)'
    """
    frame = filter_events(events, categories=categories, start=start, end=end)
    if frame.empty:
        raise ValueError(translate("{summary} Widen the dates or choose more categories.",
                                   summary=_summarize(frame)))
    rows = [c for c in EVENT_CATEGORIES if c in set(frame["category"])]
    with house_style():
        fig, ax = plt.subplots(figsize=(13, 1.6 + 0.75 * len(rows)), layout="constrained")
        for y, category in enumerate(rows):
            _draw_row(ax, frame[frame["category"] == category], y=y, category=category)
        for _, row in frame[frame["event_id"].isin(labels)].iterrows():
            ax.annotate(row["title"], (row["date"], rows.index(row["category"])),
                        xytext=(0, 12), textcoords="offset points", fontsize=_TYPE_SIZE - 3,
                        ha="center", va="bottom")
        ax.set_yticks(range(len(rows)), [category_name(c) for c in rows], fontsize=_TYPE_SIZE)
        ax.set_ylim(-0.6, len(rows) - 0.4 + (0.5 if len(labels) else 0))
        ax.set_title(translate(title), fontsize=_TYPE_SIZE + 2)
        _format_date_axis(ax, frame)
        ax.grid(axis="x", alpha=0.3)
    return make_chart(fig, caption=_timeline_caption(frame, sources), alt_text=_summarize(frame),
                      table=_timeline_rows(frame, sources))


def _draw_row(ax: plt.Axes, frame: pd.DataFrame, *, y: int, category: str) -> None:
    """Draw one category's events on row ``y``: a marker each, a bar under any span."""
    colour, marker = category_style(category)
    for _, row in frame[frame["end_date"].notna()].iterrows():
        ax.plot([row["date"], row["end_date"]], [y, y], color=colour, linewidth=8, alpha=0.45,
                solid_capstyle="butt")
    ax.scatter(frame["date"], [y] * len(frame), s=150, color=colour, marker=marker,
               edgecolor="black", linewidth=0.6, zorder=3)


def _format_date_axis(ax: plt.Axes, frame: pd.DataFrame) -> None:
    """Tick every month for a range up to 15 months, otherwise every year or decade."""
    ax.set_xlabel(translate("Date (month and year)"), fontsize=_TYPE_SIZE)
    first, last = frame["date"].min(), frame["end_date"].fillna(frame["date"]).max()
    days = (last - first).days
    if days <= 460:
        ax.xaxis.set_major_locator(MonthLocator())
        ax.xaxis.set_major_formatter(FuncFormatter(_month_tick))
    else:
        ax.xaxis.set_major_locator(YearLocator(base=10 if days > 20 * 365 else 1))
        ax.xaxis.set_major_formatter(DateFormatter("%Y"))
        ax.set_xlabel(translate("Year"), fontsize=_TYPE_SIZE)
    ax.tick_params(axis="x", labelsize=_TYPE_SIZE - 2)


def _month_tick(value: float, _position: object = None) -> str:
    """Write a month tick as its short name over its year, in the lesson's language.

    Example:
        >>> _month_tick(15340.0)  # 1 January 2012 in matplotlib's day numbers
        'Jan\\n2012'
    """
    return format_date(num2date(value).date(), style="short-month").replace(" ", "\n", 1)


def _timeline_caption(frame: pd.DataFrame, sources: pd.DataFrame) -> str:
    """Say what the chart shows and name the publishers of the sources behind it.

    Example:
        >>> from helpers import load_events, load_sources
        >>> _timeline_caption(load_events().head(2), load_sources()).count("Sources:")
        1
    """
    ids = collect_ids(frame["source_ids"])
    publishers = sorted({source_row(sources, source_id)["publisher"] for source_id in ids})
    return translate("Each marker is one event in data/events.csv, placed on its date; a bar "
                     "shows an event that lasted. Sources: {count} documents from {publishers} "
                     "(cited row by row in the table).",
                     count=format_number(len(ids)), publishers="; ".join(publishers))


# Each category's name on the timeline's rows and in its table; the explorer lists the ids.
_CATEGORY_NAMES = {"background": "background", "rebellion": "rebellion", "coup": "coup",
                   "politics": "politics", "diplomacy": "diplomacy",
                   "intervention": "intervention", "us_policy": "US policy", "un": "UN",
                   "humanitarian": "humanitarian", "aftermath": "aftermath"}


def category_name(category: str) -> str:
    """Name an event category as the timeline's rows and text description show it.

    Example:
        >>> category_name("un"), category_name("us_policy")
        ('UN', 'US policy')
    """
    return translate(_CATEGORY_NAMES.get(category, category.replace("_", " ")))


def _timeline_rows(frame: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """List the events a chart shows: date, category, title and sources (its text version).

    Example:
        >>> from helpers import load_events, load_sources
        >>> rows = _timeline_rows(load_events(), load_sources())
        >>> list(rows.columns), rows["sources"].str.contains("ref-").any()
        (['date', 'category', 'event', 'sources'], np.False_)
    """
    return pd.DataFrame({
        translate("date"): [format_when(d, p) for d, p in
                            zip(frame["date"], frame["date_precision"], strict=True)],
        translate("category"): frame["category"].map(category_name),
        translate("event"): frame["title"],
        translate("sources"): cited_rows(frame[["source_ids"]], sources)["sources"].tolist(),
    })


# 3. One event in full: when, what, what is disputed, who says so.

_NO_EVENT = "Pick an event in the list to read its summary and sources."


def describe_event(events: pd.DataFrame, sources: pd.DataFrame, event_id: str | None) -> str:
    """Write one event as HTML: title, id, dates, summary, note and its sources cited in full.

    Every value from the data is escaped, so text in a CSV never becomes markup.

    Args:
        events: the frame from :func:`helpers.load_events`.
        sources: the frame from :func:`helpers.load_sources` (for the citations).
        event_id: the event to describe; ``None`` or ``""`` gives an invitation to pick one.

    Raises:
        KeyError: ``event_id`` is not in ``events`` (the message names it).

    Example:
        >>> from helpers import load_events, load_sources
        >>> page = describe_event(load_events(), load_sources(), "ev-20120322-coup")
        >>> page.count("<li>") >= 2
        True
        >>> describe_event(load_events(), load_sources(), None)
        '<p><em>Pick an event in the list to read its summary and sources.</em></p>'
    """
    if not event_id:
        return f"<p><em>{html.escape(translate(_NO_EVENT))}</em></p>"
    match = events[events["event_id"] == event_id]
    if match.empty:
        raise KeyError(translate("no event with event_id {event_id} in events.csv",
                                 event_id=repr(event_id)))
    row = match.iloc[0]
    when = format_when(row["date"], row["date_precision"])
    if pd.notna(row["end_date"]):
        when += f" – {format_when(row['end_date'], row['date_precision'])}"
    items = "".join(f"<li><code>{html.escape(source_id)}</code>: "
                    f"{_citation_html(sources, source_id)}</li>"
                    for source_id in split_ids(row["source_ids"]))
    note = (f"<p><strong>{html.escape(translate('Note:'))}</strong> "
            f"{html.escape(row['note'])}</p>" if row["note"] else "")
    return (f"<h4>{html.escape(row['title'])}</h4><p><code>{html.escape(event_id)}</code></p>"
            f"<p><strong>{html.escape(when)}</strong>. {html.escape(row['summary'])}</p>"
            f"{note}<p>{html.escape(translate('Sources:'))}</p>"
            f"<ul class='event-citations'>{items}</ul>")


def _citation_html(sources: pd.DataFrame, source_id: str) -> str:
    """Cite one source in HTML: author, date, title, publisher and a link, every value escaped.

    Example:
        >>> sources = pd.DataFrame([{"source_id": "s", "author": "", "published": "2012",
        ...     "title": "A & <b>B</b>", "publisher": "Press", "url": "https://x.org/?a=1&b=2"}])
        >>> _citation_html(sources, "s")  # doctest: +NORMALIZE_WHITESPACE
        'Press (2012). <em>A &amp; &lt;b&gt;B&lt;/b&gt;</em>. Press.
         <a href="https://x.org/?a=1&amp;b=2" target="_blank">https://x.org/?a=1&amp;b=2</a>'
    """
    row = source_row(sources, source_id)
    author = html.escape(row["author"] or row["publisher"])
    text = (f"{author} ({html.escape(str(row['published']))}). "
            f"<em>{html.escape(row['title'])}</em>. {html.escape(row['publisher'])}.")
    if row["url"]:
        url = html.escape(row["url"])
        text += f' <a href="{url}" target="_blank">{url}</a>'
    return text


# 4. The timeline explorer: a thin ipywidgets front end over explore_timeline.

def explore_timeline(
    events: pd.DataFrame,
    sources: pd.DataFrame,
    *,
    categories: tuple[str, ...] = (),
    actor: str = "",
    start: object = None,
    end: object = None,
    selected: str | None = None,
) -> dict:
    """Compute everything the explorer shows for one state of its controls.

    Args:
        events: the frame from :func:`helpers.load_events`.
        sources: the frame from :func:`helpers.load_sources` (for the citations).
        categories: the categories chosen; empty means all.
        actor: the ``actor_id`` chosen; ``""`` means any actor.
        start: the first day shown.
        end: the last day shown.
        selected: the event picked in the list, if any.

    Returns:
        ``options`` (label, event_id pairs in date order), ``selected`` (kept only if still
        listed), ``summary`` (one sentence) and ``detail`` (HTML for the selected event).
        A bad filter (start after end) gives no options and the reason as the summary.

    Example:
        >>> from helpers import load_events, load_sources
        >>> view = explore_timeline(load_events(), load_sources(), categories=("coup",),
        ...                         selected="ev-20120322-coup")
        >>> view["selected"], "Sources" in view["detail"]
        ('ev-20120322-coup', True)
    """
    try:
        frame = filter_events(events, categories=categories, actor=actor, start=start, end=end)
    except ValueError as problem:
        return {"options": [], "selected": None,
                "summary": translate("Check the filters: {problem}.", problem=problem),
                "detail": describe_event(events, sources, None)}
    options = [(_event_label(row), row["event_id"]) for _, row in frame.iterrows()]
    keep = selected if selected in set(frame["event_id"]) else None
    return {"options": options, "selected": keep, "summary": _summarize(frame),
            "detail": describe_event(events, sources, keep)}


def _actor_choices(events: pd.DataFrame, actors: pd.DataFrame) -> list[tuple[str, str]]:
    """List the actors that appear in ``events`` as ``(name, actor_id)``, "Any actor" first.

    Example:
        >>> from helpers import load_actors, load_events
        >>> _actor_choices(load_events(), load_actors())[0]
        ('Any actor', '')
    """
    used = {a for cell in events["actors"] for a in split_ids(cell)}
    names = actors.set_index("actor_id")["name"]
    return [(translate("Any actor"), ""), *sorted((names.get(a, a), a) for a in used)]


def timeline_explorer(
    events: pd.DataFrame, actors: pd.DataFrame, sources: pd.DataFrame
) -> widgets.VBox:
    """Build the explorer: category, actor and date filters, an event list, a detail panel.

    All the decisions are in :func:`explore_timeline`, which the tests call directly; the
    widget passes its controls' values to it and shows the result. Each control carries a
    CSS class (``timeline-explorer-categories``, ``-actor``, ``-start``, ``-end``,
    ``-events``, ``-summary``, ``-detail``) so browser tests can find it.

    Example:
        >>> from helpers import load_actors, load_events, load_sources
        >>> box = timeline_explorer(load_events(), load_actors(), load_sources())
        >>> filters, summary, listing, detail = box.children
        >>> listing.value = "ev-20120322-coup"
        >>> "Sources" in detail.value
        True
    """
    present = [c for c in EVENT_CATEGORIES if c in set(events["category"])]
    first, last = events["date"].min(), events["end_date"].fillna(events["date"]).max()
    controls = {
        "categories": widgets.SelectMultiple(options=[(translate(c), c) for c in present],
                                             rows=len(present),
                                             description=translate("Categories")),
        "actor": widgets.Dropdown(options=_actor_choices(events, actors),
                                  description=translate("Actor")),
        "start": widgets.DatePicker(value=first.date(), description=translate("From")),
        "end": widgets.DatePicker(value=last.date(), description=translate("To")),
    }
    listing = widgets.Select(options=[], rows=10, description=translate("Events"),
                             layout=widgets.Layout(width="95%"))
    summary, detail = widgets.HTML(), widgets.HTML()
    for name, widget in {**controls, "events": listing, "summary": summary,
                         "detail": detail}.items():
        widget.add_class(f"timeline-explorer-{name}")

    def refresh(_change: object = None) -> None:
        view = explore_timeline(events, sources, categories=controls["categories"].value,
                                actor=controls["actor"].value, start=controls["start"].value,
                                end=controls["end"].value, selected=listing.value)
        listing.options, listing.value = view["options"], view["selected"]
        summary.value = f"<p>{html.escape(view['summary'])}</p>"
        detail.value = view["detail"]

    def show(_change: object) -> None:
        detail.value = describe_event(events, sources, listing.value)

    for widget in controls.values():
        widget.observe(refresh, names="value")
    listing.observe(show, names="value")
    refresh()
    filters = widgets.HBox([controls["categories"],
                            widgets.VBox([controls["actor"], controls["start"], controls["end"]])])
    return widgets.VBox([filters, summary, listing, detail])
