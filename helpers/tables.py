"""The one way to write a table for a notebook: Markdown for prose, HTML for widgets.

Every cell that comes from data is escaped here, so text in a CSV can never become markup.
The glossary of actors and the dated list of events, which several lessons show, live here.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

import pandas as pd

from helpers.language import current_language, format_date, format_number, translate


class Markdown(str):
    """A string that Jupyter renders as Markdown.

    Example:
        >>> Markdown("*hi*")._repr_markdown_()
        '*hi*'
    """

    def _repr_markdown_(self) -> str:
        return str(self)


def escape_cell(value: object) -> str:
    """Make one value safe inside a Markdown table cell: no markup, no pipes, one line.

    Example:
        >>> escape_cell("a | b <script>")
        'a \\\\| b &lt;script&gt;'
    """
    text = html.escape(str(value), quote=False)
    for char in "\\`*_[]|":
        text = text.replace(char, "\\" + char)
    return _SPACES.sub(" ", text).strip()


# Runs of ordinary white space (line breaks included); no-break spaces, which French puts
# in numbers ("1 276") and before some punctuation, are kept.
_SPACES = re.compile(r"[^\S\u00a0\u202f]+")


def markdown_table(frame: pd.DataFrame, *, code: Iterable[str] = (),
                   markup: Iterable[str] = ()) -> Markdown:
    """Write a DataFrame as a Markdown table, every cell escaped.

    Args:
        frame: the rows to show; its column names become the header.
        code: columns shown as code (ids), each ``;``-separated id in its own backticks.
        markup: columns whose text the caller has already made safe Markdown.

    Example:
        >>> print(markdown_table(pd.DataFrame({"Town": ["Gao"], "Id": ["gao"]}), code=["Id"]))
        | Town | Id |
        |---|---|
        | Gao | `gao` |
    """
    code, markup = set(code), set(markup)

    def cell(column: str, value: object) -> str:
        if column in markup:
            return " ".join(str(value).replace("|", "\\|").split())
        if column in code:
            ids = [part.strip() for part in str(value).split(";") if part.strip()]
            return ", ".join(f"`{escape_cell(i).replace('`', '')}`" for i in ids)
        return escape_cell("" if pd.isna(value) else value)

    header = "| " + " | ".join(escape_cell(c) for c in frame.columns) + " |"
    lines = [header, "|" + "---|" * len(frame.columns)]
    for row in frame.itertuples(index=False):
        lines.append("| " + " | ".join(cell(c, v) for c, v in zip(frame.columns, row,
                                                                  strict=True)) + " |")
    return Markdown("\n".join(lines))


def html_table(frame: pd.DataFrame, *, caption: str = "", classes: str = "") -> str:
    """Write a DataFrame as an HTML table with a header row, every cell escaped.

    Example:
        >>> html_table(pd.DataFrame({"Town": ["<b>Gao</b>"]})).split("<tbody>")[1]
        '<tr><td>&lt;b&gt;Gao&lt;/b&gt;</td></tr></tbody></table>'
    """
    opening = f'<table class="{html.escape(classes)}">' if classes else "<table>"
    parts = [opening]
    if caption:
        parts.append(f"<caption>{html.escape(caption)}</caption>")
    parts.append("<thead><tr>" + "".join(f'<th scope="col">{html.escape(str(c))}</th>'
                                        for c in frame.columns) + "</tr></thead><tbody>")
    for row in frame.itertuples(index=False):
        cells = ("" if pd.isna(v) else html.escape(str(v)) for v in row)
        parts.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


# The codes of the data as a reader names them (the data keep the codes): kinds of actors,
# places and sources, and the categories, figure kinds, scopes and precisions of figures.
CODE_NAMES = {
    "armed_group": "armed group", "coalition": "coalition",
    "international_org": "international organisation", "mission": "mission",
    "regional_org": "regional organisation", "state": "state", "state_forces": "state forces",
    "base": "base", "capital": "capital", "regional_capital": "regional capital",
    "town": "town", "article": "article", "blog": "blog", "book": "book",
    "dataset": "dataset", "government_report": "government report",
    "interview": "interview", "news": "news", "official_statement": "official statement",
    "reference": "reference", "statute": "statute", "un_report": "un report",
    "un_resolution": "un resolution",
    "cargo_tonnes": "cargo tonnes", "combat_aircraft": "combat aircraft", "drones": "drones",
    "funding_usd": "funding usd", "helicopters": "helicopters", "personnel": "personnel",
    "police": "police", "sorties": "sorties", "tankers": "tankers",
    "transport_aircraft": "transport aircraft", "troops": "troops", "announced": "announced",
    "authorized": "authorized", "deployed": "deployed", "peak": "peak", "planned": "planned",
    "pledged": "pledged", "engaged": "engaged", "in_mali": "in mali",
    "in_region": "in region", "day": "day", "month": "month",
}


def code_name(code: str, *, language: str | None = None) -> str:
    """Name a code of the data (a kind such as ``armed_group``, a scope such as
    ``in_mali``) in the lesson's language; an unlisted code loses its underscores.

    Example:
        >>> code_name("armed_group", language="en")
        'armed group'
        >>> code_name("regional_capital", language="fr")
        'capitale régionale'
    """
    return translate(CODE_NAMES.get(code, code.replace("_", " ")), language=language)


def _decimals(values: pd.Series) -> int:
    """The fewest decimals (at most 3) that write every value of a column exactly."""
    finite = values.dropna()
    return next((d for d in range(3) if ((finite * 10**d).round() == finite * 10**d).all()), 3)


def display_numbers(frame: pd.DataFrame, *, language: str | None = None) -> pd.DataFrame:
    """Return ``frame`` with its numbers written as the lesson's language writes them.

    In French every number column becomes text through :func:`helpers.language.format_number`
    ("1 234,5"), with the fewest decimals that show its values exactly; in English the frame
    is returned as it is, so English tables keep pandas' own writing.

    Example:
        >>> frame = pd.DataFrame({"Town": ["Gao"], "km": [1234], "lat": [16.27]})
        >>> display_numbers(frame, language="fr").iloc[0].tolist() == ["Gao", "1\u202f234", "16,27"]
        True
        >>> display_numbers(frame, language="en") is frame
        True
    """
    if current_language(language=language) == "en":
        return frame
    shown = frame.copy()
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
            decimals = _decimals(values.astype(float))
            shown[column] = ["" if pd.isna(v) else format_number(v, decimals=decimals,
                                                                   language=language)
                             for v in values]
    return shown


def glossary_table(actors: pd.DataFrame, *, kinds: tuple[str, ...] | None = None,
                   sources: pd.DataFrame | None = None) -> Markdown:
    """Return the actors as a table: name, what the letters stand for, who they are, sources.

    Sources are cited by publisher and date when ``sources`` is given, else by their ids in
    full (for an exercise that asks for one).

    Example:
        >>> from helpers.data import load_actors
        >>> "| MNLA | National Movement" in glossary_table(load_actors())
        True
    """
    rows = actors if kinds is None else actors[actors["kind"].isin(kinds)]
    sources_header = translate("Sources")
    frame = pd.DataFrame({translate("Name"): rows["name"],
                          translate("Full name"): rows["full_name"],
                          translate("Who they are"): rows["description"],
                          sources_header: _cited(rows["source_ids"], sources)})
    return markdown_table(frame, code=[sources_header] if sources is None else [])


def _cited(source_ids: pd.Series, sources: pd.DataFrame | None) -> list[str]:
    """Cite each cell's sources by publisher and date, or keep the ids without ``sources``."""
    if sources is None:
        return list(source_ids)
    from helpers.citations import cited_rows  # citations builds on this module's tables
    return cited_rows(pd.DataFrame({"source_ids": list(source_ids)}), sources)["sources"].tolist()


def format_when(day: pd.Timestamp, precision: str = "day") -> str:
    """Write a date only as precisely as it is known, in the lesson's language.

    Example:
        >>> format_when(pd.Timestamp("2012-03-02"))
        '2 Mar 2012'
        >>> format_when(pd.Timestamp("2011-10-01"), "month")
        'Oct 2011'
    """
    styles = {"year": "year", "month": "short-month"}
    return format_date(day, style=styles.get(precision, "short"))


def events_table(events: pd.DataFrame, *, sources: pd.DataFrame | None = None) -> Markdown:
    """Return events as a dated table, honest about imprecise dates.

    Sources are cited by publisher and date when ``sources`` is given, else by their ids in
    full (for an exercise that asks for one).

    Example:
        >>> from helpers.data import load_events, load_sources
        >>> "| 22 Mar 2012 |" in events_table(load_events())
        True
        >>> "`ref-" in events_table(load_events(), sources=load_sources())
        False
    """
    rows = events.sort_values("date")
    what = [f"**{escape_cell(t)}.** {escape_cell(s)}"
            for t, s in zip(rows["title"], rows["summary"], strict=True)]
    what_happened, sources_header = translate("What happened"), translate("Sources")
    frame = pd.DataFrame({
        translate("Date"): [format_when(d, p) for d, p in zip(rows["date"],
                                                              rows["date_precision"], strict=True)],
        what_happened: what, sources_header: _cited(rows["source_ids"], sources)})
    return markdown_table(frame, code=[sources_header] if sources is None else [],
                          markup=[what_happened])
