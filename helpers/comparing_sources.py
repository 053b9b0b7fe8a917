"""Lesson 05, comparing sources: claim readings, the corroboration matrix, label counts,
the discrepancy chart and the source comparer.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import FuncFormatter

from helpers.charts import PALETTE, Chart, house_style, make_chart
from helpers.citations import caption
from helpers.data import ISO_DATE

# The four statuses of a corroboration-matrix cell and how each is shown: a symbol and a

AGREES, CONTRADICTS, DIFFERENT, SILENT = "agrees", "contradicts", "different figure", "silent"
STATUSES = (AGREES, CONTRADICTS, DIFFERENT, SILENT)


@dataclass(frozen=True)
class CellStyle:
    """How a status is shown: a symbol, the colour of the cell's edge, a light tint."""

    symbol: str
    colour: str
    tint: str


CELL_STYLES = {
    AGREES: CellStyle("✔", PALETTE["bluish_green"], "#E0F2EC"),
    CONTRADICTS: CellStyle("✘", PALETTE["vermillion"], "#F9E3D6"),
    DIFFERENT: CellStyle("≠", PALETTE["orange"], "#FBF0D6"),
    SILENT: CellStyle("·", PALETTE["grey"], "#FFFFFF"),
}


def status_label(status: str) -> str:
    """Return the symbol and word shown for a status (the text half of the encoding).

    Example:
        >>> status_label("contradicts")
        '✘ contradicts'
    """
    if status not in CELL_STYLES:
        raise ValueError(f"unknown status {status!r}; expected one of {', '.join(STATUSES)}")
    return f"{CELL_STYLES[status].symbol} {status}"


def legend_html() -> str:
    """Return the matrix legend: each status's symbol, word and colour.

    Example:
        >>> "≠ different figure" in legend_html()
        True
    """
    items = [f'<span class="cm-{s.replace(" ", "-")}" style="border-left:6px solid '
             f'{CELL_STYLES[s].colour};background:{CELL_STYLES[s].tint};padding:2px 6px;'
             f'margin-right:8px">{html.escape(status_label(s))}</span>' for s in STATUSES]
    return f'<p class="cm-legend">{"".join(items)}</p>'


# Lesson 5's readings of the claims, completed for the matrix.

def infer_kind(values: list[str]) -> str:
    """Return ``date``, ``number`` or ``text`` for the values a key's claims carry.

    Example:
        >>> infer_kind(["400", "515"]), infer_kind(["2013-01-10"]), infer_kind([])
        ('number', 'date', 'text')
    """
    given = [str(v) for v in values if str(v)]
    if not given:
        return "text"
    if all(ISO_DATE.match(v) for v in given):
        return "date"
    try:
        [float(v) for v in given]
    except ValueError:
        return "text"
    return "number"


def shared_value(values: list[str], kind: str, *, rel_tol: float = 0.02) -> str:
    """Return the figure or date that most sources give, if at least two give it; else "".

    Example:
        >>> shared_value(["400", "404", "515"], "number")
        '400'
        >>> shared_value(["400", "515"], "number")
        ''
    """
    def same(a: str, b: str) -> bool:
        return a == b if kind == "date" else math.isclose(float(a), float(b), rel_tol=rel_tol)
    support = {v: sum(same(v, other) for other in values) for v in values}
    best = max(support, key=support.get, default="")
    return best if best and support[best] >= 2 else ""


def complete_readings(keys: pd.DataFrame, claims: pd.DataFrame, *,
                      rel_tol: float = 0.02) -> pd.DataFrame:
    """Add a derived reading for every figure or date key that ``keys`` does not read.

    Other lessons may add claims whose keys this lesson has not read. A key whose claims
    carry figures or dates gets its kind from them and, as baseline, the value that most
    sources share (none when no two agree). Text keys are not guessed: they stay out.

    Example:
        >>> keys = pd.DataFrame(columns=["claim_key", "question", "kind", "baseline_value"])
        >>> claims = pd.DataFrame({"claim_key": ["d", "d", "d"], "source_id": ["a", "b", "c"],
        ...                        "value": ["400", "404", "515"]})
        >>> complete_readings(keys, claims).iloc[0][["kind", "baseline_value"]].tolist()
        ['number', '400']
    """
    extra = []
    for key, group in claims[~claims["claim_key"].isin(keys["claim_key"])].groupby("claim_key"):
        values = [str(v) for v in group.drop_duplicates("source_id")["value"] if str(v)]
        kind = infer_kind(values)
        if kind != "text":
            extra.append({"claim_key": key, "question": key.replace("-", " ").capitalize() + "?",
                          "kind": kind, "baseline_value": shared_value(values, kind,
                                                                       rel_tol=rel_tol),
                          "baseline": "", "source_ids": ""})
    return pd.concat([keys, pd.DataFrame(extra, columns=keys.columns)], ignore_index=True)


# The corroboration matrix: claim keys (rows) by sources (columns), each cell saying

def _same_value(given: object, baseline: str, kind: str, *, rel_tol: float) -> bool:
    if kind == "date":
        return str(given) == str(baseline)
    return math.isclose(float(given), float(baseline), rel_tol=rel_tol)


def claim_status(claim: Mapping[str, object], key: Mapping[str, object], stances: dict[str, str], *,
                 rel_tol: float = 0.02) -> str:
    """Return one claim's status against its key's baseline reading.

    Numbers within ``rel_tol`` of the baseline agree (395 miles is 636 km, not 630);
    other numbers, or any number when no baseline exists, are a different figure; a
    different date contradicts. A claim with no value takes its stance from ``stances``
    (agrees unless listed).

    Example:
        >>> key = pd.Series({"kind": "number", "baseline_value": "400"})
        >>> claim_status(pd.Series({"claim_id": "c1", "value": "515"}), key, {})
        'different figure'
    """
    value, baseline = claim["value"], key["baseline_value"]
    if key["kind"] in ("number", "date") and value not in ("", None):
        if baseline and _same_value(value, baseline, key["kind"], rel_tol=rel_tol):
            return AGREES
        return DIFFERENT if key["kind"] == "number" else CONTRADICTS
    return CONTRADICTS if stances.get(claim["claim_id"]) == CONTRADICTS else AGREES


def combine_statuses(statuses: list[str]) -> str:
    """Return one cell's status from the statuses of a source's claims on a key.

    Any contradiction wins, then a different figure; no claim at all is silence.

    Example:
        >>> combine_statuses(["agrees", "contradicts"])
        'contradicts'
        >>> combine_statuses([])
        'silent'
    """
    for status in (CONTRADICTS, DIFFERENT, AGREES):
        if status in statuses:
            return status
    return SILENT


def corroborated_keys(claims: pd.DataFrame, *, min_sources: int = 2) -> list[str]:
    """Return the claim keys answered by at least ``min_sources`` different sources.

    Example:
        >>> frame = pd.DataFrame({"claim_key": ["a", "a", "b"], "source_id": ["s1", "s2", "s1"]})
        >>> corroborated_keys(frame)
        ['a']
    """
    counts = claims.groupby("claim_key")["source_id"].nunique()
    return sorted(counts[counts >= min_sources].index)


def uncorroborated_keys(claims: pd.DataFrame) -> list[str]:
    """Return the claim keys that only one source answers.

    Example:
        >>> frame = pd.DataFrame({"claim_key": ["a", "a", "b"], "source_id": ["s1", "s2", "s1"]})
        >>> uncorroborated_keys(frame)
        ['b']
    """
    counts = claims.groupby("claim_key")["source_id"].nunique()
    return sorted(counts[counts == 1].index)


def unread_keys(claims: pd.DataFrame, keys: pd.DataFrame) -> list[str]:
    """Return corroborated text keys that have no reading, so the matrix leaves them out.

    Example:
        >>> claims = pd.DataFrame({"claim_key": ["t", "t"], "source_id": ["a", "b"],
        ...                        "value": ["", ""]})
        >>> unread_keys(claims, pd.DataFrame(columns=["claim_key", "question", "kind",
        ...                                           "baseline_value"]))
        ['t']
    """
    known = set(complete_readings(keys, claims)["claim_key"])
    return [key for key in corroborated_keys(claims) if key not in known]


def _stance_map(stances: pd.DataFrame) -> dict[str, str]:
    return dict(zip(stances["claim_id"], stances["stance"], strict=True))


def corroboration_matrix(claims: pd.DataFrame, keys: pd.DataFrame, stances: pd.DataFrame, *,
                         sources: list[str] | None = None, min_sources: int = 2,
                         rel_tol: float = 0.02, drop_silent: bool = True) -> pd.DataFrame:
    """Return the matrix of statuses: one row per corroborated key, one column per source.

    Args:
        claims: The claims table.
        keys: The claim keys with their kind and baseline (``load_claim_keys``).
        stances: Stances of text claims (``load_claim_stances``).
        sources: Columns to show, in order; default every source with a claim on a row.
        min_sources: Keep keys answered by at least this many sources.
        rel_tol: Relative tolerance for "the same figure".
        drop_silent: Leave out rows on which every shown source is silent.

    Keys this lesson has not read get a derived reading when their claims carry figures or
    dates (see :func:`helpers.comparing_sources.complete_readings`); unread text keys are left
    out (:func:`unread_keys` lists them).

    Example:
        >>> claims = pd.DataFrame({"claim_id": ["c1", "c2"], "claim_key": ["d", "d"],
        ...     "source_id": ["s1", "s2"], "value": ["400", "515"]})
        >>> keys = pd.DataFrame({"claim_key": ["d"], "kind": ["number"], "baseline_value": ["400"]})
        >>> stances = pd.DataFrame({"claim_id": [], "stance": []})
        >>> corroboration_matrix(claims, keys, stances).loc["d"].tolist()
        ['agrees', 'different figure']
    """
    known = complete_readings(keys, claims, rel_tol=rel_tol).set_index("claim_key")
    rows = [k for k in corroborated_keys(claims, min_sources=min_sources) if k in known.index]
    picked = claims[claims["claim_key"].isin(rows)]
    columns = list(sources) if sources is not None else list(dict.fromkeys(picked["source_id"]))
    stance_of = _stance_map(stances)
    readings = known.to_dict("index")
    statuses: dict[tuple[str, str], list[str]] = {}
    for claim in picked[picked["source_id"].isin(columns)].to_dict("records"):
        key = claim["claim_key"]
        statuses.setdefault((key, claim["source_id"]), []).append(
            claim_status(claim, readings[key], stance_of, rel_tol=rel_tol))
    matrix = pd.DataFrame(SILENT, index=pd.Index(rows, name="claim_key"), columns=columns)
    for source in dict.fromkeys(columns):
        matrix[source] = [combine_statuses(statuses.get((key, source), [])) for key in rows]
    if drop_silent:
        matrix = matrix[(matrix != SILENT).any(axis=1)]
    return matrix


def status_counts(matrix: pd.DataFrame) -> pd.DataFrame:
    """Return, for each source (column), how many cells have each status.

    Example:
        >>> m = pd.DataFrame({"s1": ["agrees", "silent"]}, index=["a", "b"])
        >>> int(status_counts(m).loc["s1", "agrees"])
        1
    """
    counts = {source: [int((matrix[source] == s).sum()) for s in STATUSES] for source in matrix}
    return pd.DataFrame.from_dict(counts, orient="index", columns=list(STATUSES))


# The corroboration matrix as an HTML table: every filled cell opens onto the claim,

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


# The discrepancy view: every figure the sources give for one numeric claim key,

def numeric_keys(keys: pd.DataFrame, claims: pd.DataFrame) -> list[str]:
    """Return the number-valued keys that at least two sources answer with a figure.

    Example:
        >>> keys = pd.DataFrame({"claim_key": ["d", "t"], "kind": ["number", "text"]})
        >>> claims = pd.DataFrame({"claim_key": ["d", "d"], "source_id": ["a", "b"],
        ...                        "value": ["1", "2"]})
        >>> numeric_keys(keys, claims)
        ['d']
    """
    number_keys = set(keys.loc[keys["kind"] == "number", "claim_key"])
    valued = claims[claims["claim_key"].isin(number_keys) & (claims["value"].astype(str) != "")]
    counts = valued.groupby("claim_key")["source_id"].nunique()
    return sorted(counts[counts >= 2].index)


def figures_for_key(claims: pd.DataFrame, key: str, sources: pd.DataFrame) -> pd.DataFrame:
    """Return the figures given for ``key``: source, label, date, value, unit, claim.

    Sorted by publication date, so a reader sees how figures changed over time.

    Raises:
        ValueError: No source gives a figure for ``key``, or a value is not a number.

    Example:
        >>> claims = pd.DataFrame({"claim_key": ["d"], "source_id": ["s"], "value": ["400"],
        ...     "unit": ["km"], "claim": ["C"]})
        >>> sources = pd.DataFrame({"source_id": ["s"], "publisher": ["P"], "published": ["2013"]})
        >>> figures_for_key(claims, "d", sources)["value"].tolist()
        [400.0]
    """
    rows = claims[(claims["claim_key"] == key) & (claims["value"].astype(str) != "")]
    if rows.empty:
        raise ValueError(f"no source gives a figure for claim_key {key!r}")
    values = pd.to_numeric(rows["value"], errors="coerce")
    if values.isna().any():
        bad = rows.loc[values.isna(), "value"].iloc[0]
        raise ValueError(f"claim_key {key!r} has a value that is not a number: {bad!r}")
    dates = dict(zip(sources["source_id"], sources["published"], strict=True))
    published = rows["source_id"].map(dates)
    table = pd.DataFrame({
        "source_id": rows["source_id"].to_numpy(),
        "source": [source_label(s, sources) for s in rows["source_id"]],
        "published": published.astype(str).to_numpy(), "value": values.to_numpy(dtype=float),
        "unit": rows["unit"].to_numpy(), "claim": rows["claim"].to_numpy()})
    return table.sort_values(["published", "source"], kind="stable").reset_index(drop=True)


def describe_discrepancy(figures: pd.DataFrame, *, question: str) -> str:
    """Say in one or two sentences what the figures are and how far apart they lie.

    Example:
        >>> figures = pd.DataFrame({"source": ["A", "B"], "value": [400.0, 515.0],
        ...                         "unit": ["km", "km"]})
        >>> print(describe_discrepancy(figures, question="Far?"))
        Far? 2 sources give 2 different figures: A 400 km; B 515 km. They range from 400 to 515 km.
    """
    unit = figures["unit"].iloc[0]
    listed = "; ".join(f"{row.source} {row.value:,.0f} {row.unit}" for row in figures.itertuples())
    distinct = figures["value"].nunique()
    text = (f"{question} {len(figures)} sources give {distinct} different figure"
            f"{'s' if distinct != 1 else ''}: {listed}.")
    if distinct > 1:
        low, high = figures["value"].min(), figures["value"].max()
        text += f" They range from {low:,.0f} to {high:,.0f} {unit}."
    return text


def discrepancy_chart(claims: pd.DataFrame, key: str, *, keys: pd.DataFrame,
                      sources: pd.DataFrame) -> Chart:
    """Plot every source's figure for one numeric key, with the baseline as a dashed line.

    Example:
        >>> from helpers.data import load_claims, load_sources
        >>> from helpers.data import load_claim_keys
        >>> chart = discrepancy_chart(load_claims(), "distance-bamako-diabaly",
        ...                           keys=load_claim_keys(), sources=load_sources())
        >>> "Sources:" in chart.caption and "km" in chart.alt_text
        True
    """
    known = keys.set_index("claim_key")
    if key not in known.index:
        raise ValueError(f"unknown claim_key {key!r}; see data/lesson05/claim_keys.csv")
    question, baseline = known.loc[key, "question"], known.loc[key, "baseline_value"]
    figures = figures_for_key(claims, key, sources)
    unit = figures["unit"].iloc[0]
    with house_style():
        fig, ax = plt.subplots(figsize=(8, 0.6 * len(figures) + 2.2), layout="constrained")
        positions = range(len(figures))
        ax.hlines(positions, 0, figures["value"], color=PALETTE["grey"], linewidth=1)
        ax.plot(figures["value"], positions, "o", color=PALETTE["blue"], markersize=9)
        for y, value in zip(positions, figures["value"], strict=True):
            ax.annotate(f"{value:,.0f}", (value, y), xytext=(6, 4), textcoords="offset points")
        if baseline:
            ax.axvline(float(baseline), color=PALETTE["vermillion"], linestyle="--",
                       label=f"best-corroborated reading: {float(baseline):,.0f} {unit}")
            fig.legend(loc="outside lower center", frameon=False)
        ax.set_yticks(list(positions), figures["source"])
        ax.invert_yaxis()
        ax.set_xlim(0, figures["value"].max() * 1.2)
        ax.set_xlabel(f"Figure given ({unit})")
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: f"{x:,.0f}"))
        ax.set_title(question, loc="left")
    text = describe_discrepancy(figures, question=question)
    return make_chart(fig, caption=caption(sources, figures["source_id"],
                                           text=f"{question} One dot per source, oldest at "
                                                "the top."),
                      alt_text=text, table=figures[["source", "value", "unit", "claim"]])


# Close reading as data: which words each seed uses for the armed groups, and how often.

DESCRIPTIVE = ("terrorists", "islamists", "islamic", "rebels", "jihadists", "militants",
               "extremists", "insurgents", "separatists")


def label_table(labels: pd.DataFrame, sources: pd.DataFrame, *,
                descriptive_only: bool = True) -> pd.DataFrame:
    """Return counts as a table: one row per source, one column per label used at all.

    Args:
        labels: The labels table (``load_labels``).
        sources: The bibliography, for row names.
        descriptive_only: Keep only descriptive words ("terrorists", "rebels", …), not
            names of organisations (AQIM, MNLA, …).

    Example:
        >>> labels = pd.DataFrame({"source_id": ["s", "s"], "label": ["rebels", "aqim"],
        ...                        "count": [3, 1]})
        >>> sources = pd.DataFrame({"source_id": ["s"], "publisher": ["P"], "published": ["2013"]})
        >>> label_table(labels, sources).to_dict("records")
        [{'rebels': 3}]
    """
    rows = labels[labels["label"].isin(DESCRIPTIVE)] if descriptive_only else labels
    table = rows.pivot_table(index="source_id", columns="label", values="count",
                             aggfunc="sum", fill_value=0, sort=False)
    table = table.loc[:, table.sum() > 0].astype(int)
    table.index = [source_label(s, sources) for s in table.index]
    table.columns.name = None
    return table


def favourite_labels(labels: pd.DataFrame) -> dict[str, str]:
    """Return each source's most frequent descriptive label ("" when it uses none).

    Ties go to the word listed first in ``DESCRIPTIVE``.

    Example:
        >>> labels = pd.DataFrame({"source_id": ["s", "s", "t"],
        ...     "label": ["rebels", "terrorists", "rebels"], "count": [2, 2, 0]})
        >>> favourite_labels(labels)
        {'s': 'terrorists', 't': ''}
    """
    result = {}
    for source_id, group in labels.groupby("source_id", sort=False):
        counts = {row.label: int(row.count) for row in group.itertuples()
                  if row.label in DESCRIPTIVE}
        best = max(DESCRIPTIVE, key=lambda word: (counts.get(word, 0), -DESCRIPTIVE.index(word)))
        result[source_id] = best if counts.get(best, 0) > 0 else ""
    return result


def describe_labels(labels: pd.DataFrame, sources: pd.DataFrame) -> str:
    """Say in words which label each source prefers (the text alternative of the table).

    Example:
        >>> labels = pd.DataFrame({"source_id": ["s"], "label": ["rebels"], "count": [4]})
        >>> sources = pd.DataFrame({"source_id": ["s"], "publisher": ["P"], "published": ["2013"]})
        >>> describe_labels(labels, sources)
        'Most frequent word for the armed groups: P, 2013: "rebels" (4).'
    """
    parts = []
    counts = labels.set_index(["source_id", "label"])["count"]
    for source_id, word in favourite_labels(labels).items():
        name = source_label(source_id, sources)
        parts.append(f'{name}: "{word}" ({int(counts[(source_id, word)])})' if word
                     else f"{name}: none of these words")
    return "Most frequent word for the armed groups: " + "; ".join(parts) + "."


def label_chart(labels: pd.DataFrame, sources: pd.DataFrame) -> Chart:
    """Draw the label table as a grid of counts: one row per source, one column per word.

    The shade (a single-hue blue scale, readable with colour-vision deficiencies) repeats
    the number printed in each square; the text alternative states each source's
    favourite word.

    Example:
        >>> from helpers.data import load_labels, load_sources
        >>> chart = label_chart(load_labels(), load_sources())
        >>> chart.alt_text.startswith("Most frequent word")
        True
    """
    table = label_table(labels, sources)
    with house_style():
        fig, ax = plt.subplots(figsize=(1.1 * len(table.columns) + 4, 0.7 * len(table) + 1.8),
                               layout="constrained")
        ax.imshow(table.to_numpy(), cmap="Blues", aspect="auto",
                  vmin=0, vmax=max(1, int(table.to_numpy().max())))
        high = table.to_numpy().max() * 0.6
        for (row, column), count in pd.DataFrame(table.to_numpy()).stack().items():
            ax.text(column, row, str(count), ha="center", va="center",
                    color="white" if count > high else "black")
        ax.set_xticks(range(len(table.columns)), table.columns, rotation=30, ha="right")
        ax.set_yticks(range(len(table)), table.index)
        ax.set_xlabel("Word used for the armed groups (number of times, headline included)")
        ax.set_title("Which words does each source use?", loc="left")
        ax.spines[:].set_visible(False)
    return make_chart(fig, caption=caption(sources, labels["source_id"], text="Words counted by "
                                           "scripts/count_labels.py in the seed texts."),
                      alt_text=describe_labels(labels, sources), table=table.reset_index(
                          names="source"))


# Side by side: two sources' metadata, how long after the events each was written, and

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


# A thin widget over the pure functions of lesson 5: pick two sources, read them side by

def matrix_columns(sources: pd.DataFrame, first: str, second: str) -> list[str]:
    """Return the matrix columns: the five seeds, then the two chosen sources if not seeds.

    Example:
        >>> frame = pd.DataFrame({"source_id": ["seed-a", "x", "y"]})
        >>> matrix_columns(frame, "y", "seed-a")
        ['seed-a', 'y']
    """
    columns = [s for s in sources["source_id"] if s.startswith("seed-")]
    for chosen in (first, second):
        if chosen and chosen not in columns:
            columns.append(chosen)
    return columns


def comparer_panels(first: str, second: str, *, claims: pd.DataFrame, sources: pd.DataFrame,
                    keys: pd.DataFrame, stances: pd.DataFrame) -> tuple[str, str]:
    """Return the HTML of the side-by-side panel and of the matrix for a choice of sources.

    Example:
        >>> from helpers.data import load_claims, load_sources
        >>> from helpers.data import load_claim_keys, load_claim_stances
        >>> side, grid = comparer_panels("seed-passblue-2013", "seed-france24-2013",
        ...     claims=load_claims(), sources=load_sources(), keys=load_claim_keys(),
        ...     stances=load_claim_stances())
        >>> "PassBlue" in side and "Questions both answer" in side and "cm-matrix" in grid
        True
    """
    matrix = corroboration_matrix(claims, keys, stances,
                                  sources=matrix_columns(sources, first, second))
    side = pair_html(matrix, first, second, keys, sources) + compare_html(first, second, claims,
                                                                          sources)
    return side, matrix_html(matrix, claims, keys, sources)


def source_comparer(claims: pd.DataFrame, sources: pd.DataFrame, keys: pd.DataFrame,
                    stances: pd.DataFrame) -> widgets.VBox:
    """Return the comparer: two source pickers, the comparison, the matrix, the figures.

    Example:
        >>> from helpers.data import load_claims, load_sources
        >>> from helpers.data import load_claim_keys, load_claim_stances
        >>> box = source_comparer(load_claims(), load_sources(), load_claim_keys(),
        ...                       load_claim_stances())
        >>> box.children[0].children[0].value = "seed-chivvis-2015"
        >>> box.children[1].value.startswith('<p class="sc-prompt">')
        True
        >>> box.children[0].children[1].value = "seed-passblue-2013"
        >>> "Cambridge University Press" in box.children[1].value
        True
    """
    cited = set(claims["source_id"])
    options = [("Choose a source…", "")] + [
        (source_label(s, sources), s) for s in sources["source_id"] if s in cited]
    pick_a = widgets.Dropdown(options=options, value="", description="Source A:")
    pick_b = widgets.Dropdown(options=options, value="", description="Source B:")
    side, grid = widgets.HTML(), widgets.HTML()
    figures = numeric_keys(keys, claims)
    pick_key = widgets.Dropdown(options=figures, value=figures[0], description="Figure:")
    chart = widgets.HTML()
    for widget, name in ((pick_a, "source-a"), (pick_b, "source-b"), (side, "compare"),
                         (grid, "matrix"), (pick_key, "figure"), (chart, "discrepancy")):
        widget.add_class(f"lesson5-{name}")

    def show_sources(_change: object = None) -> None:
        side.value, grid.value = comparer_panels(pick_a.value, pick_b.value, claims=claims,
                                                 sources=sources, keys=keys, stances=stances)

    def show_figure(_change: object = None) -> None:
        made = discrepancy_chart(claims, pick_key.value, keys=keys, sources=sources)
        chart.value = made._repr_html_()

    pick_a.observe(show_sources, names="value")
    pick_b.observe(show_sources, names="value")
    pick_key.observe(show_figure, names="value")
    show_sources()
    show_figure()
    return widgets.VBox([widgets.HBox([pick_a, pick_b]), side, grid, pick_key, chart])
