"""One event in full for the timeline explorer: when, what, what is disputed, who says so."""

from __future__ import annotations

import html
import re

import pandas as pd

from helpers.citations import format_citation
from helpers.timeline import format_when
from helpers.validate import split_ids


def describe_event(events: pd.DataFrame, sources: pd.DataFrame, event_id: str) -> dict:
    """Gather what a reader needs about one event: when, what, why in doubt, who says so.

    Raises:
        KeyError: when ``event_id`` is not in ``events`` (the message names it).

    Example:
        >>> from helpers.loaders import load_events, load_sources
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
            "citations": [format_citation(sid, sources=sources) for sid in cited]}


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
