"""Turn source ids into citations, bibliographies and chart captions (never typed by hand).

Every function here is handed the bibliography (``load_sources()``) as its first argument;
none reads a file itself.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping

import numpy as np
import pandas as pd

from helpers.data import split_ids
from helpers.language import translate
from helpers.tables import Markdown, code_name, escape_cell


def source_row(sources: pd.DataFrame, source_id: str) -> pd.Series:
    """Look one source up in the bibliography (the one source lookup).

    Raises:
        ValueError: the id is not in ``data/sources.csv``.

    Example:
        >>> from helpers.data import load_sources
        >>> source_row(load_sources(), "seed-passblue-2013")["publisher"]
        'PassBlue'
    """
    # Comparing the bare ids and taking one row is much quicker than filtering the table,
    # and bibliographies look up every source they list.
    found = np.flatnonzero(sources["source_id"].to_numpy(dtype=object) == source_id)
    if not len(found):
        raise ValueError(translate("unknown source id {source_id!r}: it is not in "
                                   "data/sources.csv", source_id=source_id))
    return sources.iloc[found[0]]


def format_citation(sources: pd.DataFrame, source_id: str) -> str:
    """Return a full citation in Markdown: author, date, title, publisher, link.

    Example:
        >>> from helpers.data import load_sources
        >>> format_citation(load_sources(), "seed-passblue-2013")[:32]
        'Dulcie Leimbach (2013-01-11). *T'
    """
    return _full_citation(source_row(sources, source_id))


def _full_citation(row: Mapping[str, str]) -> str:
    author = escape_cell(row["author"] or row["publisher"])
    parts = [f"{author} ({escape_cell(row['published'])}). *{escape_cell(row['title'])}*. "
             f"{escape_cell(row['publisher'])}."]
    if row["url"]:
        parts.append(f"<{row['url']}>")
    return " ".join(parts)


def source_label(row: Mapping[str, object], *, without_via: bool = False) -> str:
    """Name a source for a caption or a table: a book by its author, anything else by its
    publisher (``without_via`` drops a "(via ...)" note).

    Example:
        >>> source_label({"kind": "book", "author": "Christopher S. Chivvis",
        ...               "publisher": "Cambridge University Press"})
        'Chivvis (Cambridge University Press)'
        >>> source_label({"kind": "news", "author": "", "publisher": "AFP (via Ahram)"},
        ...              without_via=True)
        'AFP'
    """
    publisher = str(row.get("publisher", ""))
    publisher = publisher.split(" (")[0] if without_via else publisher
    author = str(row.get("author", "") or "")
    if row.get("kind") == "book" and author:
        return f"{author.split()[-1]} ({publisher})"
    return publisher


def short_citation(sources: pd.DataFrame, source_id: str) -> str:
    """Return a short citation for captions and tables: publisher and date (plain text).

    Example:
        >>> from helpers.data import load_sources
        >>> short_citation(load_sources(), "seed-passblue-2013")
        'PassBlue, 2013-01-11'
    """
    row = source_row(sources, source_id)
    return f"{source_label(row)}, {row['published']}"


def collect_ids(cells: Iterable[str]) -> list[str]:
    """Gather the distinct source ids from ``;``-separated cells, in first-seen order.

    Example:
        >>> collect_ids(["a;b", "b", "c"])
        ['a', 'b', 'c']
    """
    seen: dict[str, None] = {}
    for cell in cells:
        for source_id in split_ids(cell):
            seen.setdefault(source_id, None)
    return list(seen)


def bibliography(sources: pd.DataFrame, source_ids: Iterable[str]) -> Markdown:
    """Return a Markdown bibliography of the given sources, one bullet each, sorted by id.

    Each entry says what kind of source it is and, for a news row, whose wire story it
    carries (``[news, AFP wire]``), so that two carriers of one story read as one witness.

    Example:
        >>> from helpers.data import load_sources
        >>> print(bibliography(load_sources(), ["seed-passblue-2013"]))  # doctest: +ELLIPSIS
        - `seed-passblue-2013` [news]: Dulcie Leimbach (2013-01-11). *Terrorists Pushed Back...
    """
    rows = {sid: source_row(sources, sid) for sid in sorted(collect_ids(source_ids))}
    return Markdown("\n".join(f"- `{sid}` {_kind_label(row)}: {_full_citation(row)}"
                              for sid, row in rows.items()))


def _kind_label(row: Mapping[str, str]) -> str:
    """What kind of source a row is, and whose wire story it carries: ``[news, AFP wire]``."""
    agency, kind = row.get("agency", ""), code_name(row["kind"])
    if not agency:
        return translate("[{kind}]", kind=kind)
    return translate("[{kind}, {agency} wire]", kind=kind,
                     agency=agency.upper() if len(agency) <= 3 else agency.title())


# A caption names up to five sources; beyond that, three and a pointer to the full list.
CAPTION_SOURCES = 3

# What a caption calls each kind of source, in a word or two (the bibliography gives the rest).
CAPTION_KINDS = {"news": "news", "interview": "interview", "blog": "blog", "book": "book",
                 "article": "analysis", "official_statement": "official statement",
                 "un_resolution": "official text", "un_report": "UN report",
                 "statute": "official text", "government_report": "official report",
                 "reference": "encyclopedia", "dataset": "dataset"}


def caption_name(sources: pd.DataFrame, source_id: str) -> str:
    """Name a source in a caption with its kind and date; a wire story by its agency.

    A story carried by another site is named after the agency that wrote it, so two
    carriers of one story read as one witness in the caption too.

    Example:
        >>> from helpers.data import load_sources
        >>> caption_name(load_sources(), "news-awani-20130115")
        'AFP (wire), 2013-01-15'
        >>> caption_name(load_sources(), "un-sres-2056")
        'United Nations Security Council (official text), 2012-07-05'
    """
    row = source_row(sources, source_id)
    agency = row.get("agency", "")
    if agency:
        name = agency.upper() if len(agency) <= 3 else agency.title()
        return translate("{name} (wire), {published}", name=name, published=row["published"])
    kind = (translate(CAPTION_KINDS[row["kind"]]) if row["kind"] in CAPTION_KINDS
            else code_name(row["kind"]))
    name = source_label(row, without_via=True)
    if "(" in name:  # a book: "Chivvis (Cambridge University Press)"
        return f"{name[:-1]}, {kind}), {row['published']}"
    return f"{name} ({kind}), {row['published']}"


def caption(sources: pd.DataFrame, source_ids: Iterable[str], *, text: str = "") -> str:
    """Return a chart caption that names its sources, each with its kind (news, wire,
    official text, encyclopedia...) and date.

    Example:
        >>> from helpers.data import load_sources
        >>> caption(load_sources(), ["seed-passblue-2013"], text="French strikes.")
        'French strikes. Sources: PassBlue (news), 2013-01-11.'
    """
    ids = collect_ids(source_ids)
    shown = ids if len(ids) <= CAPTION_SOURCES + 2 else ids[:CAPTION_SOURCES]
    names = "; ".join(caption_name(sources, sid) for sid in shown)
    if len(shown) < len(ids):
        names = translate("{names}; and {count} more, listed under Full list of sources at the "
                          "end of the notebook", names=names, count=len(ids) - CAPTION_SOURCES)
    return translate("{text} Sources: {names}.", text=text, names=names).strip()


def cited_rows(frame: pd.DataFrame, sources: pd.DataFrame, *,
               names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Return data rows as a student reads them: sources cited, names for ids, no bookkeeping.

    A chart's text description shows these rows (its headers in the lesson's language, at
    display: see :data:`COLUMN_HEADERS`). The ``_row`` column and the rows' own ids
    (``deployment_id``, ``event_id``) are dropped; ``source_id``/``source_ids`` become short
    citations; a value found in ``names`` (actor or place ids) becomes its name, and other
    values are named as :func:`helpers.tables.code_name` names them; a source id quoted in a
    note becomes its citation.

    Example:
        >>> from helpers.data import load_sources
        >>> rows = pd.DataFrame({"_row": [2], "force": ["serval"], "scope": ["in_mali"],
        ...                      "source_id": ["seed-passblue-2013"]})
        >>> named = cited_rows(rows, load_sources(), names={"serval": "Operation Serval"})
        >>> named.iloc[0].tolist()
        ['Operation Serval', 'in mali', 'PassBlue, 2013-01-11']
    """
    names = names or {}
    shown = frame.drop(columns=[c for c in ("_row", "deployment_id", "event_id")
                                if c in frame.columns])
    cite = functools.cache(functools.partial(short_citation, sources))  # rows repeat sources
    known = frozenset(sources["source_id"])
    table = {}
    for column in shown.columns:
        values = shown[column]
        if column in ("source_id", "source_ids"):
            table[column.replace("_ids", "s").replace("_id", "")] = [
                "; ".join(cite(s) for s in split_ids(str(v))) for v in values]
        elif not (pd.api.types.is_numeric_dtype(values)
                  or pd.api.types.is_datetime64_any_dtype(values)):
            table[column.replace("_", " ")] = [
                names.get(v, _cite_in_text(v, known, cite)) if isinstance(v, str) else v
                for v in values]
        else:
            table[column.replace("_", " ")] = values.tolist()
    return pd.DataFrame(table)


# The headers cited_rows gives the data's columns, as a chart's text description shows them
# (helpers.charts translates a table's headers when it shows it).
COLUMN_HEADERS = ("date", "date precision", "end date", "force", "contributor", "category",
                  "figure kind", "scope", "value", "base place id", "source", "sources", "note",
                  "title", "summary", "place id", "actors", "holder", "status")


def _cite_in_text(text: str, known: frozenset[str], cite: Callable[[str], str]) -> str:
    """Replace the ``known`` source ids quoted in a text by their short citations (``cite``);
    other words lose underscores."""
    if " " not in text:
        return code_name(text)
    return re.sub(r"[a-z][\w-]+[a-z0-9]", lambda m: cite(m[0]) if m[0] in known else m[0],
                  text)
