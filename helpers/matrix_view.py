"""The corroboration matrix as an HTML table: every filled cell opens onto the claim,
who makes it inside the source, and the citation. All text from the data is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import pandas as pd

from helpers.statuses import CELL_STYLES, SILENT, legend_html, status_label


def source_row(source_id: str, sources: pd.DataFrame) -> pd.Series:
    """Return a source's row of the bibliography, or say clearly that it is unknown.

    Example:
        >>> source_row("s", pd.DataFrame({"source_id": ["s"], "title": ["T"]}))["title"]
        'T'
    """
    match = sources[sources["source_id"] == source_id]
    if match.empty:
        raise ValueError(f"unknown source id {source_id!r}: it is not in data/sources.csv")
    return match.iloc[0]


def source_label(source_id: str, sources: pd.DataFrame) -> str:
    """Return a short label for a source: publisher (without "via …") and date.

    Example:
        >>> frame = pd.DataFrame({"source_id": ["s"], "publisher": ["AFP (via Ahram)"],
        ...                       "published": ["2013-01-19"]})
        >>> source_label("s", frame)
        'AFP, 2013-01-19'
    """
    row = source_row(source_id, sources)
    return f"{row['publisher'].split(' (')[0]}, {row['published']}"


def citation_html(source_id: str, sources: pd.DataFrame) -> str:
    """Return an escaped HTML citation: author or publisher, date, title, publisher, link.

    Example:
        >>> frame = pd.DataFrame({"source_id": ["s"], "author": [""], "publisher": ["<b>X</b>"],
        ...     "published": ["2013"], "title": ["T"], "url": [""]})
        >>> citation_html("s", frame)
        '&lt;b&gt;X&lt;/b&gt; (2013). <em>T</em>. &lt;b&gt;X&lt;/b&gt;. [<code>s</code>]'
    """
    row = source_row(source_id, sources)
    who = html.escape(row["author"] or row["publisher"])
    text = (f"{who} ({html.escape(str(row['published']))}). <em>{html.escape(row['title'])}</em>. "
            f"{html.escape(row['publisher'])}.")
    if row["url"]:
        url = html.escape(row["url"], quote=True)
        text += f' <a href="{url}" target="_blank" rel="noopener">link</a>'
    return f"{text} [<code>{html.escape(source_id)}</code>]"


def claim_html(claim: Mapping[str, str]) -> str:
    """Return one claim as escaped HTML: the claim, its speaker, quote and locator.

    Example:
        >>> claim = pd.Series({"claim": "<i>x</i>", "speaker": "reporter", "quote": "",
        ...                    "locator": "para 2", "claim_id": "c1"})
        >>> claim_html(claim).startswith('<p class="cm-claim">&lt;i&gt;x&lt;/i&gt;')
        True
    """
    parts = [f'<p class="cm-claim">{html.escape(claim["claim"])}</p>',
             f'<p class="cm-meta">Speaker: {html.escape(claim["speaker"] or "not stated")}; '
             f'where: {html.escape(claim["locator"] or "not stated")}; '
             f'claim <code>{html.escape(claim["claim_id"])}</code></p>']
    if claim["quote"]:
        parts.append(f'<blockquote class="cm-quote">{html.escape(claim["quote"])}</blockquote>')
    return "".join(parts)


def cell_html(status: str, claims: pd.DataFrame, source_id: str, sources: pd.DataFrame) -> str:
    """Return one matrix cell: a coloured, labelled cell that opens onto its claims.

    Example:
        >>> cell = cell_html("silent", pd.DataFrame(), "s", pd.DataFrame())
        >>> cell.startswith('<td class="cm-cell cm-silent"') and cell.endswith(">· silent</td>")
        True
    """
    if status == SILENT or claims.empty:
        return _cell_html(status, [], "")
    return _cell_html(status, claims.to_dict("records"), citation_html(source_id, sources))


def _cell_html(status: str, claims: list[dict], cite: str) -> str:
    style = CELL_STYLES[status]
    css = (f"border-left:6px solid {style.colour};background:{style.tint};"
           "vertical-align:top;padding:3px 6px;max-width:22em")
    name = status.replace(" ", "-")
    label = html.escape(status_label(status))
    if status == SILENT or not claims:
        return f'<td class="cm-cell cm-{name}" style="{css}">{label}</td>'
    body = "".join(claim_html(claim) for claim in claims)
    return (f'<td class="cm-cell cm-{name}" style="{css}"><details><summary>{label}</summary>'
            f'<div class="cm-detail">{body}<p class="cm-cite">{cite}</p></div></details></td>')


def matrix_html(matrix: pd.DataFrame, claims: pd.DataFrame, keys: pd.DataFrame,
                sources: pd.DataFrame) -> str:
    """Return the whole matrix as an HTML table with a legend.

    Rows show the question behind each key; columns the short source labels.

    Example:
        >>> claims = pd.DataFrame({"claim_id": ["c1"], "claim_key": ["k"], "source_id": ["s"],
        ...     "claim": ["C"], "speaker": [""], "quote": [""], "locator": [""]})
        >>> keys = pd.DataFrame({"claim_key": ["k"], "question": ["Q?"]})
        >>> sources = pd.DataFrame({"source_id": ["s"], "author": [""], "publisher": ["P"],
        ...     "published": ["2013"], "title": ["T"], "url": [""]})
        >>> matrix = pd.DataFrame({"s": ["agrees"]}, index=["k"])
        >>> "<summary>✔ agrees</summary>" in matrix_html(matrix, claims, keys, sources)
        True
    """
    questions = dict(zip(keys["claim_key"], keys["question"], strict=True))
    head = "".join(f'<th scope="col">{html.escape(source_label(s, sources))}</th>'
                   for s in matrix.columns)
    lines = [legend_html(), '<table class="cm-matrix" style="border-collapse:collapse">',
             f'<thead><tr><th scope="col">Question (claim_key)</th>{head}</tr></thead><tbody>']
    shown = claims[claims["source_id"].isin(matrix.columns)]
    by_cell: dict[tuple[str, str], list[dict]] = {}
    for claim in shown.to_dict("records"):
        by_cell.setdefault((claim["claim_key"], claim["source_id"]), []).append(claim)
    cites = {s: citation_html(s, sources) for s in dict.fromkeys(shown["source_id"])}
    for key, statuses in zip(matrix.index, matrix.to_numpy(), strict=True):
        title = (f'{html.escape(questions.get(key, key))}<br><code>{html.escape(key)}</code>')
        cells = [_cell_html(status, by_cell.get((key, source), []), cites.get(source, ""))
                 for source, status in zip(matrix.columns, statuses, strict=True)]
        row_head = f'<th scope="row" style="text-align:left">{title}</th>'
        lines.append(f'<tr>{row_head}{"".join(cells)}</tr>')
    lines.append("</tbody></table>")
    return "\n".join(lines)


def matrix_text(matrix: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Return the matrix as a plain table of symbols and words (the static fallback).

    Example:
        >>> sources = pd.DataFrame({"source_id": ["s"], "publisher": ["P"], "published": ["2013"]})
        >>> matrix_text(pd.DataFrame({"s": ["silent"]}, index=["k"]), sources).iloc[0, 0]
        '· silent'
    """
    table = matrix.apply(lambda column: column.map(status_label))
    table.columns = [source_label(s, sources) for s in matrix.columns]
    return table


def pair_html(matrix: pd.DataFrame, first: str, second: str, keys: pd.DataFrame,
              sources: pd.DataFrame) -> str:
    """Return the questions two sources both answer, with each one's status, as HTML.

    Example:
        >>> matrix = pd.DataFrame({"a": ["agrees", "agrees"], "b": ["contradicts", "silent"]},
        ...                       index=["k", "m"])
        >>> keys = pd.DataFrame({"claim_key": ["k", "m"], "question": ["Q?", "R?"]})
        >>> sources = pd.DataFrame({"source_id": ["a", "b"], "publisher": ["A", "B"],
        ...                         "published": ["2013", "2014"]})
        >>> page = pair_html(matrix, "a", "b", keys, sources)
        >>> "Q?" in page and "R?" not in page and "✘ contradicts" in page
        True
    """
    if first not in matrix.columns or second not in matrix.columns:
        return ""
    both = matrix[(matrix[first] != SILENT) & (matrix[second] != SILENT)]
    if both.empty:
        return "<p class='sc-pair'>These two sources answer none of the same questions.</p>"
    questions = dict(zip(keys["claim_key"], keys["question"], strict=True))
    head = "".join(f"<th scope='col'>{html.escape(source_label(s, sources))}</th>"
                   for s in (first, second))
    rows = "".join(
        f"<tr><th scope='row' style='text-align:left'>{html.escape(questions.get(k, k))}</th>"
        f"<td>{html.escape(status_label(row[first]))}</td>"
        f"<td>{html.escape(status_label(row[second]))}</td></tr>" for k, row in both.iterrows())
    return (f"<table class='sc-pair'><caption>Questions both answer, each set against the "
            f"best-corroborated reading</caption><tr><th scope='col'>Question</th>{head}</tr>"
            f"{rows}</table>")
