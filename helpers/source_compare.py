"""Side by side: two sources' metadata, how long after the events each was written, and
their claims grouped by topic, with the questions both of them answer marked.
"""

from __future__ import annotations

import html
from datetime import date

import pandas as pd

from helpers.matrix_view import citation_html, claim_html, source_label, source_row

EVENTS_DATE = date(2013, 1, 11)
TOPIC_NAMES = {
    "decision": "Who decided, and why", "us_role": "The United States", "mission": "The mission",
    "troops": "Troops and aircraft", "distance": "Distances", "legal_basis": "Legal basis",
    "armed_groups": "The armed groups", "events": "Events", "reaction": "Reactions",
}


def days_after(published: str, *, events: date = EVENTS_DATE) -> tuple[int, bool]:
    """Return how many days after ``events`` a source appeared, and whether that is exact.

    A date given only as a year or a month counts from its first day and is not exact.

    Raises:
        ValueError: ``published`` is not ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    Example:
        >>> days_after("2013-01-18")
        (7, True)
        >>> days_after("2013-01")
        (-10, False)
    """
    parts = str(published).split("-")
    try:
        numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
        when = date(*numbers[:3])
    except (TypeError, ValueError):
        raise ValueError(f"expected a date like 2013-01-18, 2013-01 or 2013; found "
                         f"{published!r}") from None
    return (when - events).days, len(parts) == 3


def describe_gap(published: str, *, events: date = EVENTS_DATE) -> str:
    """Say in words how long after the events a source was written.

    Example:
        >>> describe_gap("2013-01-11")
        'the same day as the events (11 January 2013)'
        >>> describe_gap("2015-12-05")
        '1058 days (about 2.9 years) after 11 January 2013'
    """
    days, exact = days_after(published, events=events)
    when = f"{events.day} {events.strftime('%B %Y')}"
    if not exact:
        return f"date known only as {published}: roughly {days} days from {when}"
    if days == 0:
        return f"the same day as the events ({when})"
    if days < 0:
        return f"{-days} days before {when}"
    unit = f"{days} day{'s' if days != 1 else ''}"
    if days >= 365:
        unit += f" (about {days / 365.25:.1f} years)"
    return f"{unit} after {when}"


def source_profile(source_id: str, sources: pd.DataFrame) -> dict[str, str]:
    """Return the metadata a historian asks first about a source, as label -> text.

    Example:
        >>> frame = pd.DataFrame({"source_id": ["s"], "title": ["T"], "author": [""],
        ...     "publisher": ["P"], "published": ["2013-01-12"], "kind": ["news"],
        ...     "voice": ["reporter"], "notes": [""], "url": [""]})
        >>> source_profile("s", frame)["Written"]
        '1 day after 11 January 2013'
    """
    row = source_row(source_id, sources)
    return {"Source": source_label(source_id, sources), "Title": row["title"],
            "Author": row["author"] or "not named", "Kind": row["kind"],
            "Who speaks": row["voice"] or "not recorded",
            "Written": describe_gap(row["published"]), "Notes": row["notes"] or ""}


def claims_by_topic(claims: pd.DataFrame, source_id: str) -> dict[str, pd.DataFrame]:
    """Return one source's claims grouped by topic, in the order of ``TOPIC_NAMES``.

    Example:
        >>> frame = pd.DataFrame({"source_id": ["s", "s"], "topic": ["troops", "decision"]})
        >>> list(claims_by_topic(frame, "s"))
        ['decision', 'troops']
    """
    mine = claims[claims["source_id"] == source_id]
    return {topic: mine[mine["topic"] == topic] for topic in TOPIC_NAMES
            if (mine["topic"] == topic).any()}


def shared_keys(claims: pd.DataFrame, first: str, second: str) -> list[str]:
    """Return the claim keys both sources answer.

    Example:
        >>> frame = pd.DataFrame({"source_id": ["a", "b", "a"], "claim_key": ["k", "k", "m"]})
        >>> shared_keys(frame, "a", "b")
        ['k']
    """
    keys_a = set(claims.loc[claims["source_id"] == first, "claim_key"])
    return sorted(keys_a & set(claims.loc[claims["source_id"] == second, "claim_key"]))


def _column_html(source_id: str, claims: pd.DataFrame, sources: pd.DataFrame,
                 both: set[str]) -> str:
    profile = source_profile(source_id, sources)
    rows = "".join(f"<tr><th scope='row'>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>"
                   for k, v in profile.items() if v)
    parts = [f"<table class='sc-meta'>{rows}</table>",
             f"<p class='sc-cite'>{citation_html(source_id, sources)}</p>"]
    for topic, group in claims_by_topic(claims, source_id).items():
        parts.append(f"<h4>{html.escape(TOPIC_NAMES[topic])}</h4>")
        for _, claim in group.iterrows():
            mark = " sc-shared" if claim["claim_key"] in both else ""
            flag = " <strong>(both answer this)</strong>" if mark else ""
            parts.append(f"<div class='sc-item{mark}'><code>{html.escape(claim['claim_key'])}"
                         f"</code>{flag}{claim_html(claim)}</div>")
    return "".join(parts)


def compare_html(first: str, second: str, claims: pd.DataFrame, sources: pd.DataFrame) -> str:
    """Return the side-by-side comparison of two sources as HTML (text escaped).

    An empty choice gives a prompt instead of an error.

    Example:
        >>> compare_html("", "", pd.DataFrame(), pd.DataFrame())
        '<p class="sc-prompt">Pick two sources to compare them side by side.</p>'
    """
    if not first or not second:
        return '<p class="sc-prompt">Pick two sources to compare them side by side.</p>'
    both = set(shared_keys(claims, first, second))
    summary = (f"<p class='sc-summary'>{len(both)} question(s) answered by both: "
               f"{html.escape(', '.join(sorted(both)) or 'none')}.</p>")
    columns = "".join(f"<td style='vertical-align:top;width:50%'>"
                      f"{_column_html(s, claims, sources, both)}</td>" for s in (first, second))
    return f"<div class='sc-compare'>{summary}<table><tr>{columns}</tr></table></div>"


def sourcing_table(source_ids: list[str], sources: pd.DataFrame) -> pd.DataFrame:
    """Return the sourcing questions for several sources as a table, oldest first.

    Example:
        >>> frame = pd.DataFrame({"source_id": ["s"], "title": ["T"], "author": [""],
        ...     "publisher": ["P"], "published": ["2013-01-11"], "kind": ["news"],
        ...     "voice": ["reporter"], "notes": [""], "url": [""]})
        >>> sourcing_table(["s"], frame).loc[0, "Written"]
        'the same day as the events (11 January 2013)'
    """
    rows = [source_profile(s, sources) for s in source_ids]
    order = [days_after(sources.set_index("source_id").loc[s, "published"])[0] for s in source_ids]
    table = pd.DataFrame(rows, columns=["Source", "Title", "Author", "Kind", "Who speaks",
                                        "Written"])
    return table.assign(_order=order).sort_values("_order", kind="stable").drop(
        columns="_order").reset_index(drop=True)


def key_claims_table(claims: pd.DataFrame, key: str, sources: pd.DataFrame) -> pd.DataFrame:
    """Return every claim on one key: source, date, who speaks inside it, and the claim.

    Raises:
        ValueError: No claim uses ``key``.

    Example:
        >>> claims = pd.DataFrame({"claim_key": ["k"], "source_id": ["s"], "speaker": ["r"],
        ...     "claim": ["C"]})
        >>> sources = pd.DataFrame({"source_id": ["s"], "publisher": ["P"], "published": ["2013"]})
        >>> key_claims_table(claims, "k", sources).columns.tolist()
        ['Source', 'Speaker', 'Claim']
    """
    rows = claims[claims["claim_key"] == key]
    if rows.empty:
        raise ValueError(f"no claim uses claim_key {key!r}")
    published = dict(zip(sources["source_id"], sources["published"], strict=True))
    table = pd.DataFrame({"Source": [source_label(s, sources) for s in rows["source_id"]],
                          "Speaker": rows["speaker"].to_numpy(), "Claim": rows["claim"].to_numpy(),
                          "_date": [str(published.get(s, "")) for s in rows["source_id"]]})
    return table.sort_values("_date", kind="stable").drop(columns="_date").reset_index(drop=True)
