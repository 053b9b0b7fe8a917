"""Lesson 06, aftermath and synthesis: the aftermath timeline and the memo review.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import pandas as pd

from helpers.data import TABLES, id_column, load_table

MEMO_WORDS = (250, 500)
CITATION = re.compile(r"\[([a-z0-9][a-z0-9_-]*)\]")
ACTOR_WORDS = {
    "France": r"\b(france|french|paris|hollande|serval)\b",
    "the United States": r"\b(united states|u\.s\.|us|usa|washington|american|obama)\b",
    "Mali's neighbours or African forces":
        r"\b(ecowas|afisma|african union|chad|niger|algeria|neighbou?rs?)\b",
}
LOADED_WORDS = ("terrorist", "rebel", "islamist", "jihadist", "militant")
READER_CRITERIA = (
    "The first two sentences answer the central question.",
    "It separates what US law barred from what Washington chose not to do.",
    "It weighs at least one source (who wrote it, when, how they knew).",
    "It uses the aftermath with care: what the 2013 decisions led to, without hindsight bias.",
)
MARKS = {"met": "✔", "not met": "✘", "reader": "?"}


def aftermath_events(events: pd.DataFrame, *, also: tuple[str, ...] = ()) -> pd.DataFrame:
    """Return the ``aftermath`` events, plus any listed by id, in date order.

    Example:
        >>> from helpers.data import load_events
        >>> aftermath_events(load_events())["event_id"].iloc[0]
        'ev-20130728-election'
    """
    chosen = (events["category"] == "aftermath") | events["event_id"].isin(also)
    return events[chosen].sort_values("date").reset_index(drop=True)


def years_between(events: pd.DataFrame, first: str, last: str) -> float:
    """Years (to one decimal) from one event to another, by their ``event_id``.

    Example:
        >>> from helpers.data import load_events
        >>> years_between(load_events(), "ev-20130111-serval", "ev-20220815-withdrawal")
        9.6
    """
    dates = events.set_index("event_id")["date"]
    missing = [event for event in (first, last) if event not in dates.index]
    if missing:
        raise ValueError(f"no event {', '.join(map(repr, missing))} in events.csv; "
                         "copy an event_id from the timeline table")
    return round((dates[last] - dates[first]).days / 365.25, 1)


def citable_ids() -> dict[str, str]:
    """Map every id a memo may cite (events, sources, figures, claims, laws) to its table.

    Example:
        >>> citable_ids()["seed-passblue-2013"]
        'sources'
    """
    known: dict[str, str] = {}
    for table in TABLES:
        try:
            column = id_column(table)
        except KeyError:  # control and labels have no identifier to cite
            continue
        known.update(dict.fromkeys(load_table(table)[column], table))
    return known


@dataclass(frozen=True)
class MemoReview:
    """Rubric lines: (``met``, ``not met`` or ``reader``, criterion, detail)."""

    lines: tuple[tuple[str, str, str], ...]

    def __repr__(self) -> str:
        return "\n".join(f"{MARKS[mark]} {criterion} {detail}".rstrip()
                         for mark, criterion, detail in self.lines)

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{MARKS[mark]} <strong>{html.escape(criterion)}</strong> "
                        f"{html.escape(detail)}</li>" for mark, criterion, detail in self.lines)
        return f'<ul class="memo-review" style="list-style:none">{items}</ul>'


def review_memo(memo: object, known: dict[str, str]) -> MemoReview:
    """Check a memo against the rubric criteria a program can judge; list the others.

    Example:
        >>> review = review_memo("France acted [seed-passblue-2013].", citable_ids())
        >>> review.lines[0][:2]
        ('not met', 'Length:')
    """
    if memo is ... or not isinstance(memo, str) or not memo.strip():
        return MemoReview((("not met", "No memo yet:",
                            "write it as text between triple quotes, then run the cell."),))
    words = len(memo.split())
    low, high = MEMO_WORDS
    cited = list(dict.fromkeys(CITATION.findall(memo)))
    unknown = [c for c in cited if c not in known]
    tables = {known[c] for c in cited if c in known}
    resolved = len(cited) - len(unknown)
    lines = [
        ("met" if low <= words <= high else "not met", "Length:",
         f"{words} words (aim for {low}–{high})."),
        ("met" if resolved >= 3 else "not met", "Evidence:",
         f"{resolved} citation{'' if resolved == 1 else 's'} found in data/ (aim for 3 or "
         "more, written like [ev-20130111-serval])."),
        ("met" if len(tables) >= 2 else "not met", "Range:",
         f"cites {', '.join(sorted(tables)) or 'no table'} (use at least two kinds of evidence)."),
    ]
    if unknown:
        lines.append(("not met", "Not found in data/:",
                      ", ".join(unknown) + ". Check the spelling."))
    text = memo.casefold()
    missing = [name for name, cues in ACTOR_WORDS.items() if not re.search(cues, text)]
    lines.append(("not met" if missing else "met", "Actors:",
                  f"say what {', '.join(missing)} could or could not do." if missing
                  else "France, the United States and African actors all appear."))
    labels = [word for word in LOADED_WORDS if word in text]
    if labels:
        lines.append(("reader", "Labels:", f"you use {', '.join(labels)}: your word, or a "
                      "source's? Name the group, or attribute the word."))
    lines += [("reader", "For a reader:", criterion) for criterion in READER_CRITERIA]
    return MemoReview(tuple(lines))
