"""Turn source ids into citations, bibliographies and chart captions (never typed by hand)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.loaders import load_sources
from helpers.validate import split_ids


class Markdown(str):
    """A string that Jupyter renders as Markdown.

    Example:
        >>> Markdown("*hi*")._repr_markdown_()
        '*hi*'
    """

    def _repr_markdown_(self) -> str:
        return str(self)


def _source_row(source_id: str, sources: pd.DataFrame | None) -> pd.Series:
    table = load_sources() if sources is None else sources
    match = table[table["source_id"] == source_id]
    if match.empty:
        raise ValueError(f"unknown source id {source_id!r}: it is not in data/sources.csv")
    return match.iloc[0]


def format_citation(source_id: str, *, sources: pd.DataFrame | None = None) -> str:
    """Return a full citation: author, date, title, publisher, link.

    Example:
        >>> format_citation("seed-passblue-2013").startswith("Dulcie Leimbach (2013-01-11).")
        True
    """
    row = _source_row(source_id, sources)
    author = row["author"] or row["publisher"]
    parts = [f"{author} ({row['published']}). *{row['title']}*. {row['publisher']}."]
    if row["url"]:
        parts.append(f"<{row['url']}>")
    return " ".join(parts)


def short_citation(source_id: str, *, sources: pd.DataFrame | None = None) -> str:
    """Return a short citation for captions: publisher and date.

    Example:
        >>> short_citation("seed-passblue-2013")
        'PassBlue, 2013-01-11'
    """
    row = _source_row(source_id, sources)
    return f"{row['publisher']}, {row['published']}"


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


def bibliography(source_ids: Iterable[str], *, sources: pd.DataFrame | None = None) -> Markdown:
    """Return a Markdown bibliography of the given sources, one bullet each, sorted.

    Example:
        >>> print(bibliography(["seed-passblue-2013"]))  # doctest: +ELLIPSIS
        - `seed-passblue-2013`: Dulcie Leimbach (2013-01-11). *Terrorists Pushed Back...
    """
    table = load_sources() if sources is None else sources
    ids = sorted(collect_ids(source_ids))
    lines = [f"- `{sid}`: {format_citation(sid, sources=table)}" for sid in ids]
    return Markdown("\n".join(lines))


def caption(source_ids: Iterable[str], *, text: str = "",
            sources: pd.DataFrame | None = None) -> str:
    """Return a chart caption that names its sources.

    Example:
        >>> caption(["seed-passblue-2013"], text="French strikes.")
        'French strikes. Sources: PassBlue, 2013-01-11.'
    """
    table = load_sources() if sources is None else sources
    ids = collect_ids(source_ids)
    rows = table[table["source_id"].isin(ids)].drop_duplicates("source_id")
    known = {sid: f"{publisher}, {published}" for sid, publisher, published
             in zip(rows["source_id"], rows["publisher"], rows["published"], strict=True)}
    names = "; ".join(known[sid] if sid in known else short_citation(sid, sources=table)
                      for sid in ids)
    return f"{text} Sources: {names}.".strip()
