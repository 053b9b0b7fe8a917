"""Lesson 06, aftermath and synthesis: the decade after 2013, and a review of the student's memo.

Sections, in reading order:

1. **The aftermath**: :func:`select_aftermath` picks the events of 2013–2023 for the two
   timeline tables, and :func:`years_between` measures the time from one event to another.
2. **The memo review**: :func:`citable_ids` lists the ids a memo may cite, from the tables it
   is handed; :func:`review_memo` checks a memo against the rubric criteria a program can
   judge and returns a :class:`MemoReview` that lists the others for a human reader.

The place explorer notebook 06 shows is shared with notebook 00 and lives in
:mod:`helpers.maps`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import pandas as pd

from helpers.data import TABLES, id_column
from helpers.language import current_language, translate

# 1. The aftermath: the events of 2013-2023 and the time between two of them.

def select_aftermath(events: pd.DataFrame, *, also: tuple[str, ...] = ()) -> pd.DataFrame:
    """Return the ``aftermath`` events, plus any listed by id, in date order.

    Args:
        events: The events table (``load_events()``).
        also: ``event_id`` of events from other lessons that belong to the aftermath; ids
            not in the table are skipped.

    Example:
        >>> from helpers.data import load_events
        >>> select_aftermath(load_events())["event_id"].iloc[0]
        'ev-20130728-election'
    """
    chosen = (events["category"] == "aftermath") | events["event_id"].isin(also)
    return events[chosen].sort_values("date").reset_index(drop=True)


def years_between(events: pd.DataFrame, first: str, last: str) -> float:
    """Years (to one decimal) from one event to another, by their ``event_id``.

    Raises:
        ValueError: an id is not in the events table; the message names it.

    Example:
        >>> from helpers.data import load_events
        >>> years_between(load_events(), "ev-20130111-serval", "ev-20220815-withdrawal")
        9.6
    """
    dates = events.set_index("event_id")["date"]
    missing = [event for event in (first, last) if event not in dates.index]
    if missing:
        raise ValueError(translate("no event {ids} in events.csv; copy an event_id from the "
                                   "timeline table", ids=", ".join(map(repr, missing))))
    return round((dates[last] - dates[first]).days / 365.25, 1)


# 2. The memo review: the rubric criteria a program can check, and the ids a memo may cite.

_MEMO_WORDS = (250, 500)
_CITATION = re.compile(r"\[([a-z0-9][a-z0-9_-]*)\]")
_ACTOR_WORDS = {
    "France": r"\b(france|french|paris|hollande|serval)\b",
    "the United States": r"\b(united states|u\.s\.|us|usa|washington|american|obama)\b",
    "Mali's neighbours or African forces":
        r"\b(ecowas|afisma|african union|chad|niger|algeria|neighbou?rs?)\b",
}
_LOADED_WORDS = ("terrorist", "rebel", "islamist", "jihadist", "militant")
# A memo written in French: the same actors' and loaded words' French forms count too.
_FRENCH_ACTOR_WORDS = {
    "France": r"\b(france|français|française|paris|hollande|serval)\b",
    "the United States": r"\b(états-unis|etats-unis|washington|américain|américaine|obama)",
    "Mali's neighbours or African forces":
        r"\b(cedeao|misma|union africaine|tchad|niger|algérie|voisins?)\b",
}
_FRENCH_LOADED_WORDS = ("terroriste", "rebelle", "islamiste", "djihadiste", "jihadiste")
_READER_CRITERIA = (
    "The first two sentences answer the central question.",
    "It separates what US law barred from what Washington chose not to do.",
    "It weighs at least one source (who wrote it, when, how they knew).",
    "It uses the aftermath with care: what the 2013 decisions led to, without hindsight bias.",
)
_MARKS = {"met": "✔", "not met": "✘", "reader": "?"}
# The tables a memo cites from, named in the review in the lesson's language.
_TABLE_NAMES = ("sources", "places", "actors", "events", "deployments", "claims", "authorities",
                "us_actions", "us_rules", "claim_keys", "claim_stances")


def citable_ids(*tables: pd.DataFrame) -> dict[str, str]:
    """Map every id a memo may cite to the name of the table it comes from.

    Each table is recognised by its columns (those of one table in ``data/``) and its ids
    are read from that table's identifier column (``event_id`` for events, ``source_id``
    for sources, and so on).

    Args:
        *tables: The loaded tables whose ids a memo may cite, e.g. events, sources,
            deployments (figures), claims, authorities (laws) and us_actions.

    Raises:
        ValueError: a table is not one of the tables in ``data/`` that have ids.

    Example:
        >>> from helpers.data import load_events, load_sources
        >>> known = citable_ids(load_events(), load_sources())
        >>> known["seed-passblue-2013"], known["ev-20130111-serval"]
        ('sources', 'events')
    """
    citable = {}
    for name, schema in TABLES.items():
        try:
            citable[name] = (id_column(name), {column.name for column in schema})
        except KeyError:  # control and labels have no identifier to cite
            continue
    known: dict[str, str] = {}
    for table in tables:
        names = [name for name, (_, columns) in citable.items() if columns <= set(table.columns)]
        if len(names) != 1:
            raise ValueError(translate("a table with columns {columns} is not one of the tables "
                                       "with ids to cite: {tables}",
                                       columns=list(table.columns), tables=", ".join(citable)))
        known.update(dict.fromkeys(table[citable[names[0]][0]], names[0]))
    return known


@dataclass(frozen=True)
class MemoReview:
    """The review of a memo: one line per criterion, shown as text or as an HTML list.

    Attributes:
        lines: (mark, criterion, detail) each; mark is ``met``, ``not met`` or ``reader``
            (a criterion only a human reader can judge).

    Example:
        >>> print(MemoReview((("met", "Length:", "300 words."),)))
        ✔ Length: 300 words.
    """

    lines: tuple[tuple[str, str, str], ...]

    def __repr__(self) -> str:
        return "\n".join(f"{_MARKS[mark]} {criterion} {detail}".rstrip()
                         for mark, criterion, detail in self.lines)

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{_MARKS[mark]} <strong>{html.escape(criterion)}</strong> "
                        f"{html.escape(detail)}</li>" for mark, criterion, detail in self.lines)
        return f'<ul class="memo-review" style="list-style:none">{items}</ul>'


def review_memo(memo: object, known: dict[str, str]) -> MemoReview:
    """Check a memo against the rubric criteria a program can judge; list the others.

    Args:
        memo: The memo as text; ``...``, None or blank text gets an instruction instead.
        known: Every id the memo may cite, mapped to its table (:func:`citable_ids`).

    Example:
        >>> from helpers.data import load_sources
        >>> review = review_memo("France acted [seed-passblue-2013].", citable_ids(load_sources()))
        >>> review.lines[0][:2]
        ('not met', 'Length:')
    """
    if memo is ... or not isinstance(memo, str) or not memo.strip():
        return MemoReview((("not met", translate("No memo yet:"),
                            translate("write it as text between triple quotes, then run the "
                                      "cell.")),))
    words = len(memo.split())
    low, high = _MEMO_WORDS
    cited = list(dict.fromkeys(_CITATION.findall(memo)))
    unknown = [c for c in cited if c not in known]
    tables = {known[c] for c in cited if c in known}
    resolved = len(cited) - len(unknown)
    evidence = ("{count} citation found in data/ (aim for 3 or more, written like "
                "[ev-20130111-serval])." if resolved == 1 else
                "{count} citations found in data/ (aim for 3 or more, written like "
                "[ev-20130111-serval]).")
    cited_tables = ", ".join(translate(name) for name in sorted(tables))
    lines = [
        ("met" if low <= words <= high else "not met", translate("Length:"),
         translate("{words} words (aim for {low}–{high}).", words=words, low=low,
                   high=high)),
        ("met" if resolved >= 3 else "not met", translate("Evidence:"),
         translate(evidence, count=resolved)),
        ("met" if len(tables) >= 2 else "not met", translate("Range:"),
         translate("cites {tables} (use at least two kinds of evidence).",
                   tables=cited_tables or translate("no table"))),
    ]
    if unknown:
        lines.append(("not met", translate("Not found in data/:"),
                      translate("{ids}. Check the spelling.", ids=", ".join(unknown))))
    lines += _review_words(memo.casefold())
    lines += [("reader", translate("For a reader:"), translate(criterion))
              for criterion in _READER_CRITERIA]
    return MemoReview(tuple(lines))


def _review_words(text: str) -> list[tuple[str, str, str]]:
    """Return the review's lines on the actors a memo names and the loaded words it uses.

    A memo in French (the French edition) is also searched for the French forms.

    Example:
        >>> _review_words("france and the us and ecowas")[0][:2]
        ('met', 'Actors:')
    """
    french = current_language() == "fr"
    missing = [name for name, cues in _ACTOR_WORDS.items() if not re.search(cues, text)
               and not (french and re.search(_FRENCH_ACTOR_WORDS[name], text))]
    lines = [("not met" if missing else "met", translate("Actors:"),
              translate("say what {actors} could or could not do.",
                        actors=", ".join(translate(name) for name in missing)) if missing
              else translate("France, the United States and African actors all appear."))]
    words = _LOADED_WORDS + (_FRENCH_LOADED_WORDS if french else ())
    labels = [word for word in words if word in text]
    if labels:
        lines.append(("reader", translate("Labels:"),
                      translate("you use {words}: your word, or a source's? Name the group, or "
                                "attribute the word.", words=", ".join(labels))))
    return lines
