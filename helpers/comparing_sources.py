"""Lesson 05, comparing sources: five accounts of 11 January 2013 read side by side.

Sections, in the order the notebook uses them:

1. **Sourcing**: who wrote each source, when, and who speaks inside it
   (:func:`sourcing_table`, :func:`describe_gap`, :func:`key_claims_table`).
2. **Corroboration**: every question (``claim_key``) put to every source, each cell saying
   whether the source agrees with the best-corroborated reading, contradicts it, gives a
   different figure or is silent (:func:`corroborate_claims`,
   :func:`find_uncorroborated_keys`), shown as a table (:func:`matrix_table`) and as an
   HTML table whose cells open onto the claims (:func:`matrix_html`).
3. **Discrepancies**: every figure the sources give for one number (:func:`discrepancy_chart`).
4. **Close reading**: the words each source uses for the armed groups
   (:func:`labels_chart`, :func:`describe_labels`).
5. **The explorer**: pick two sources and read them side by side above the matrix
   (:func:`source_explorer`, a thin widget over :func:`compare_sources`).

Every function is handed the tables it needs (``load_claims()``, ``load_claim_keys()``,
``load_claim_stances()``, ``load_labels()``, ``load_sources()``); none reads a file. All
text from the data is escaped before it becomes HTML or Markdown.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import FuncFormatter

from helpers.charts import PALETTE, Chart, house_style, make_chart
from helpers.citations import caption, source_label, source_row
from helpers.language import current_language, format_date, format_number, translate
from helpers.readers import read_date
from helpers.tables import Markdown, escape_cell, markdown_table

__all__ = [
    "STATUSES", "compare_sources", "corroborate_claims", "describe_gap", "describe_labels",
    "discrepancy_chart", "find_uncorroborated_keys", "key_claims_table", "labels_chart",
    "matrix_html", "matrix_table", "source_explorer", "sourcing_table",
]


class _Html(str):
    """A string of (already escaped) HTML that Jupyter shows rendered."""

    def _repr_html_(self) -> str:
        return str(self)


def _source_label(sources: pd.DataFrame, source_id: str) -> str:
    """Return a short label for a source: publisher (without "via …") and date.

    Example:
        >>> frame = pd.DataFrame({"source_id": ["s"], "publisher": ["AFP (via Ahram)"],
        ...                       "published": ["2013-01-19"]})
        >>> _source_label(frame, "s")
        'AFP, 2013-01-19'
    """
    row = source_row(sources, source_id)
    return f"{source_label(row, without_via=True)}, {row['published']}"


# 1. Sourcing: who speaks, and how long after the events each source was written.

EVENTS_DATE = date(2013, 1, 11)


def _days_after(published: str, *, events: date = EVENTS_DATE) -> tuple[int, bool]:
    """Return how many days after ``events`` a source appeared, and whether that is exact.

    A date given only as a year or a month counts from its first day and is not exact.

    Example:
        >>> _days_after("2013-01-18"), _days_after("2013-01")
        ((7, True), (-10, False))
    """
    parts = str(published).split("-")
    try:
        when = read_date("-".join(parts + ["01"] * (3 - len(parts))))
    except ValueError:
        raise ValueError(translate("expected a date like 2013-01-18, 2013-01 or 2013; found "
                                   "{published}", published=repr(published))) from None
    return (when - events).days, len(parts) == 3


def describe_gap(published: str, *, events: date = EVENTS_DATE) -> str:
    """Say in words how long after the events (11 January 2013) a source was written.

    Args:
        published: The source's date as ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.
        events: The day to count from.

    Raises:
        ValueError: ``published`` is not such a date.

    Example:
        >>> describe_gap("2013-01-11")
        'the same day as the events (11 January 2013)'
        >>> describe_gap("2015-12-05")
        '1058 days (about 2.9 years) after 11 January 2013'
    """
    days, exact = _days_after(published, events=events)
    when = format_date(events)
    if not exact:
        return translate("date known only as {published}: roughly {days} days from {when}",
                         published=published, days=days, when=when)
    if days == 0:
        return translate("the same day as the events ({when})", when=when)
    if days < 0:
        return translate("{days} days before {when}", days=-days, when=when)
    span = (translate("{days} day", days=days) if days == 1
            else translate("{days} days", days=days))
    if days >= 365:
        span = translate("{span} (about {years} years)", span=span,
                         years=format_number(days / 365.25, decimals=1))
    return translate("{span} after {when}", span=span, when=when)


# The codes of the bibliography's ``kind`` and ``voice`` columns, shown translated.
SOURCE_KINDS = ("news", "reference", "official_statement", "article", "blog", "statute",
                "un_resolution", "dataset", "government_report", "book", "un_report",
                "interview")
VOICES = ("reporter", "official", "reference", "analyst", "mixed", "legal_text", "scholar",
          "blogger")
PROFILE_FIELDS = ("Source", "Title", "Author", "Kind", "Who speaks", "Written", "Notes")


def _source_profile(sources: pd.DataFrame, source_id: str) -> dict[str, str]:
    """Return the metadata a historian asks first about a source, as label -> text.

    The labels (``PROFILE_FIELDS``), kinds and voices are in the lesson's language; the
    title and notes stay as the bibliography gives them.
    """
    row = source_row(sources, source_id)
    values = (_source_label(sources, source_id), row["title"],
              row["author"] or translate("not named"), translate(row["kind"]),
              translate(row["voice"]) if row["voice"] else translate("not recorded"),
              describe_gap(row["published"]), row["notes"] or "")
    return {translate(label): value for label, value in zip(PROFILE_FIELDS, values,
                                                             strict=True)}


def _english_html(text: str) -> str:
    """Return escaped text, marked as English when the lesson speaks another language.

    Example:
        >>> _english_html("A & B")
        'A &amp; B'
    """
    escaped = html.escape(text)
    return escaped if current_language() == "en" else f'<span lang="en">{escaped}</span>'



def sourcing_table(sources: pd.DataFrame, source_ids: Iterable[str]) -> Markdown:
    """Return the sourcing questions for several sources as a table, oldest first.

    Columns: the source's name and ``source_id``, title, author, kind, who speaks inside
    it and how long after 11 January 2013 it was written.

    Example:
        >>> from helpers.data import load_sources
        >>> table = sourcing_table(load_sources(), ["seed-chivvis-2015", "seed-passblue-2013"])
        >>> table.splitlines()[2].startswith("| PassBlue, 2013-01-11 | `seed-passblue-2013` |")
        True
    """
    ids = list(source_ids)
    rows = [{**_source_profile(sources, s), "source_id": s} for s in ids]
    order = [_days_after(source_row(sources, s)["published"])[0] for s in ids]
    columns = [translate(c) if c != "source_id" else c for c in ("Source", "source_id", "Title",
                                                                  "Author", "Kind",
                                                                  "Who speaks", "Written")]
    table = pd.DataFrame(rows, columns=columns)
    table = table.assign(_order=order).sort_values("_order", kind="stable").drop(
        columns="_order")
    if current_language() == "en":
        return markdown_table(table, code=["source_id"])
    title = translate("Title")  # titles keep their language, in italics
    table[title] = [f"*{escape_cell(text)}*" if text else "" for text in table[title]]
    return markdown_table(table, code=["source_id"], markup=[title])


def _claim_wording(claim: Mapping[str, object]) -> str:
    """Return a claim as a reader sees it: the English gloss, with the source's own words beside
    it when the source was not in English; in an edition in the source's language, its own
    words in place of the gloss.

    Example:
        >>> _claim_wording({"claim": "France acted.", "language": "", "original": ""})
        'France acted.'
        >>> _claim_wording({"claim": "France acted.", "language": "fr",
        ...                "original": "« La France a agi. »"})
        'France acted. (original, fr: « La France a agi. »)'
    """
    original, language = claim.get("original"), claim.get("language")
    if not isinstance(original, str) or not original:
        return str(claim["claim"])
    if language == current_language():
        return original
    return translate("{claim} (original, {code}: {original})", claim=claim["claim"],
                     code=language, original=original)


def key_claims_table(claims: pd.DataFrame, sources: pd.DataFrame, key: str) -> Markdown:
    """Return every claim on one question (``claim_key``), oldest source first.

    Columns: the source, who speaks inside it, and the claim.

    Raises:
        ValueError: No claim uses ``key``.

    Example:
        >>> from helpers.data import load_claims, load_sources
        >>> table = key_claims_table(load_claims(), load_sources(), "konna-retaken")
        >>> table.splitlines()[0]
        '| Source | Speaker | Claim |'
    """
    rows = claims[claims["claim_key"] == key]
    if rows.empty:
        raise ValueError(translate("no claim uses claim_key {key}", key=repr(key)))
    published = dict(zip(sources["source_id"], sources["published"], strict=True))
    table = pd.DataFrame({translate("Source"): [_source_label(sources, s)
                                                for s in rows["source_id"]],
                          translate("Speaker"): rows["speaker"].to_numpy(),
                          translate("Claim"): [_claim_wording(claim)
                                               for claim in _records(rows)],
                          "_date": [str(published.get(s, "")) for s in rows["source_id"]]})
    table = table.sort_values("_date", kind="stable").drop(columns="_date")
    if current_language() == "en":
        return markdown_table(table)
    speaker = translate("Speaker")  # the data's English description of the voice, marked so
    table[speaker] = [_english_html(escape_cell(text)) if text else "" for text in table[speaker]]
    return markdown_table(table, markup=[speaker])


# 2. Corroboration. The four statuses of a matrix cell, each shown by a symbol and a word
# as well as a colour (never by colour alone).

AGREES, CONTRADICTS, DIFFERENT, SILENT = "agrees", "contradicts", "different figure", "silent"
STATUSES = (AGREES, CONTRADICTS, DIFFERENT, SILENT)


@dataclass(frozen=True)
class _CellStyle:
    """How a status is shown: a symbol, the colour of the cell's edge, a light tint."""

    symbol: str
    colour: str
    tint: str


_CELL_STYLES = {
    AGREES: _CellStyle("✔", PALETTE["bluish_green"], "#E0F2EC"),
    CONTRADICTS: _CellStyle("✘", PALETTE["vermillion"], "#F9E3D6"),
    DIFFERENT: _CellStyle("≠", PALETTE["orange"], "#FBF0D6"),
    SILENT: _CellStyle("·", PALETTE["grey"], "#FFFFFF"),
}


def _status_label(status: str) -> str:
    """Return the symbol and word shown for a status (the text half of the encoding).

    Example:
        >>> _status_label("contradicts")
        '✘ contradicts'
    """
    if status not in _CELL_STYLES:
        raise ValueError(translate("unknown status {status}; expected one of {statuses}",
                                   status=repr(status), statuses=", ".join(STATUSES)))
    return f"{_CELL_STYLES[status].symbol} {translate(status)}"


# Lesson 5's readings (data/lesson05/) cover the keys the lesson discusses. Other lessons
# may add claims on keys it has not read; those get a derived reading here.

def _read_iso(value: object) -> date | None:
    try:
        return read_date(str(value))
    except ValueError:
        return None


def _infer_kind(values: list[str]) -> str:
    """Return ``date``, ``number`` or ``text`` for the values a key's claims carry.

    Example:
        >>> _infer_kind(["400", "515"]), _infer_kind(["2013-01-10"]), _infer_kind([])
        ('number', 'date', 'text')
    """
    given = [str(v) for v in values if str(v)]
    if not given:
        return "text"
    if all(_read_iso(v) for v in given):
        return "date"
    try:
        [float(v) for v in given]
    except ValueError:
        return "text"
    return "number"


def _same_value(a: object, b: object, kind: str, *, rel_tol: float) -> bool:
    if kind == "date":
        return _read_iso(a) == _read_iso(b)
    return math.isclose(float(a), float(b), rel_tol=rel_tol)


def _shared_value(values: list[str], kind: str, *, rel_tol: float = 0.02) -> str:
    """Return the figure or date that most sources give, if at least two give it; else "".

    Example:
        >>> _shared_value(["400", "404", "515"], "number"), _shared_value(["400", "515"], "number")
        ('400', '')
    """
    support = {v: sum(_same_value(v, other, kind, rel_tol=rel_tol) for other in values)
               for v in values}
    best = max(support, key=support.get, default="")
    return best if best and support[best] >= 2 else ""


def _complete_readings(keys: pd.DataFrame, claims: pd.DataFrame, *,
                       rel_tol: float = 0.02) -> pd.DataFrame:
    """Add a derived reading for every figure or date key that ``keys`` does not read.

    Such a key gets its kind from its claims' values and, as baseline, the value most
    sources share (none when no two agree). Text keys are not guessed: they stay out.

    Example:
        >>> keys = pd.DataFrame(columns=["claim_key", "question", "kind", "baseline_value"])
        >>> claims = pd.DataFrame({"claim_key": ["d", "d", "d"], "source_id": ["a", "b", "c"],
        ...                        "value": ["400", "404", "515"]})
        >>> _complete_readings(keys, claims).iloc[0][["kind", "baseline_value"]].tolist()
        ['number', '400']
    """
    extra = []
    unread = claims[~claims["claim_key"].isin(keys["claim_key"])]
    # One value per source and key (its first), for every key at once.
    firsts = unread.drop_duplicates(["claim_key", "source_id"])
    for key, group in firsts.groupby("claim_key"):
        values = [str(v) for v in group["value"] if str(v)]
        kind = _infer_kind(values)
        if kind != "text":
            extra.append({"claim_key": key, "question": key.replace("-", " ").capitalize() + "?",
                          "kind": kind, "baseline_value": _shared_value(values, kind,
                                                                        rel_tol=rel_tol),
                          "baseline": "", "source_ids": ""})
    return pd.concat([keys, pd.DataFrame(extra, columns=keys.columns)], ignore_index=True)


def _claim_status(claim: Mapping[str, object], key: Mapping[str, object],
                  stances: Mapping[str, str], *, rel_tol: float = 0.02) -> str:
    """Return one claim's status against its key's baseline reading.

    Numbers within ``rel_tol`` of the baseline agree (395 miles is 636 km, not 630);
    other numbers, or any number when no baseline exists, are a different figure; a
    different date contradicts. A claim with no value takes its stance from ``stances``
    (agrees unless listed).

    Example:
        >>> key = {"kind": "number", "baseline_value": "400"}
        >>> _claim_status({"claim_id": "c1", "value": "515"}, key, {})
        'different figure'
    """
    value, baseline = claim["value"], key["baseline_value"]
    if key["kind"] in ("number", "date") and value not in ("", None):
        if baseline and _same_value(value, baseline, key["kind"], rel_tol=rel_tol):
            return AGREES
        return DIFFERENT if key["kind"] == "number" else CONTRADICTS
    return CONTRADICTS if stances.get(claim["claim_id"]) == CONTRADICTS else AGREES


def _combine_statuses(statuses: list[str]) -> str:
    """Return one cell's status from the statuses of a source's claims on a key.

    Any contradiction wins, then a different figure; no claim at all is silence.

    Example:
        >>> _combine_statuses(["agrees", "contradicts"]), _combine_statuses([])
        ('contradicts', 'silent')
    """
    for status in (CONTRADICTS, DIFFERENT, AGREES):
        if status in statuses:
            return status
    return SILENT


def _sources_per_key(claims: pd.DataFrame) -> pd.Series:
    return claims.groupby("claim_key")["source_id"].nunique()


def _corroborated_keys(claims: pd.DataFrame, *, min_sources: int = 2) -> list[str]:
    """Return the claim keys answered by at least ``min_sources`` different sources."""
    counts = _sources_per_key(claims)
    return sorted(counts[counts >= min_sources].index)


def find_uncorroborated_keys(claims: pd.DataFrame) -> list[str]:
    """Return the claim keys that only one source answers (the matrix leaves them out).

    Example:
        >>> frame = pd.DataFrame({"claim_key": ["a", "a", "b"], "source_id": ["s1", "s2", "s1"]})
        >>> find_uncorroborated_keys(frame)
        ['b']
    """
    counts = _sources_per_key(claims)
    return sorted(counts[counts == 1].index)


def _unread_keys(claims: pd.DataFrame, keys: pd.DataFrame) -> list[str]:
    """Return corroborated text keys that have no reading, so the matrix leaves them out.

    Example:
        >>> claims = pd.DataFrame({"claim_key": ["t", "t"], "source_id": ["a", "b"],
        ...                        "value": ["", ""]})
        >>> _unread_keys(claims, pd.DataFrame(columns=["claim_key", "question", "kind",
        ...                                            "baseline_value"]))
        ['t']
    """
    known = set(_complete_readings(keys, claims)["claim_key"])
    return [key for key in _corroborated_keys(claims) if key not in known]


def corroborate_claims(claims: pd.DataFrame, keys: pd.DataFrame, stances: pd.DataFrame, *,
                       source_ids: Iterable[str] | None = None, min_sources: int = 2,
                       rel_tol: float = 0.02, drop_silent: bool = True) -> pd.DataFrame:
    """Return the corroboration matrix: one row per corroborated key, one column per source.

    Each cell is one of :data:`STATUSES`: the source agrees with the key's
    best-corroborated reading, contradicts it, gives a different figure, or is silent.

    Args:
        claims: The claims table (``load_claims()``).
        keys: The claim keys with their kind and baseline (``load_claim_keys()``).
        stances: Stances of text claims (``load_claim_stances()``).
        source_ids: Columns to show, in order; default every source with a claim on a row.
        min_sources: Keep keys answered by at least this many sources.
        rel_tol: Relative tolerance for "the same figure".
        drop_silent: Leave out rows on which every shown source is silent.

    Keys the lesson has not read get a derived reading when their claims carry figures or
    dates (the value most sources share); unread text keys are left out.

    Example:
        >>> claims = pd.DataFrame({"claim_id": ["c1", "c2"], "claim_key": ["d", "d"],
        ...     "source_id": ["s1", "s2"], "value": ["400", "515"]})
        >>> keys = pd.DataFrame({"claim_key": ["d"], "kind": ["number"], "baseline_value": ["400"]})
        >>> stances = pd.DataFrame({"claim_id": [], "stance": []})
        >>> corroborate_claims(claims, keys, stances).loc["d"].tolist()
        ['agrees', 'different figure']
    """
    known = _complete_readings(keys, claims, rel_tol=rel_tol).set_index("claim_key")
    rows = [k for k in _corroborated_keys(claims, min_sources=min_sources) if k in known.index]
    picked = claims[claims["claim_key"].isin(rows)]
    columns = (list(source_ids) if source_ids is not None
               else list(dict.fromkeys(picked["source_id"])))
    stance_of = dict(zip(stances["claim_id"], stances["stance"], strict=True))
    readings = known.to_dict("index")
    statuses: dict[tuple[str, str], list[str]] = {}
    for claim in _records(picked[picked["source_id"].isin(columns)]):
        key = claim["claim_key"]
        statuses.setdefault((key, claim["source_id"]), []).append(
            _claim_status(claim, readings[key], stance_of, rel_tol=rel_tol))
    matrix = pd.DataFrame(SILENT, index=pd.Index(rows, name="claim_key"), columns=columns)
    for source in dict.fromkeys(columns):
        matrix[source] = [_combine_statuses(statuses.get((key, source), [])) for key in rows]
    if drop_silent:
        matrix = matrix[(matrix != SILENT).any(axis=1)]
    return matrix


def matrix_table(matrix: pd.DataFrame, keys: pd.DataFrame, sources: pd.DataFrame) -> Markdown:
    """Return the matrix as a table of symbols and words, one row per question.

    Args:
        matrix: A matrix from :func:`corroborate_claims`.
        keys: The claim keys (``load_claim_keys()``), for the questions' wording.
        sources: The bibliography, for the sources' names.

    Example:
        >>> keys = pd.DataFrame({"claim_key": ["k"], "question": ["Q?"]})
        >>> sources = pd.DataFrame({"source_id": ["s"], "publisher": ["P"], "published": ["2013"]})
        >>> table = matrix_table(pd.DataFrame({"s": ["silent"]}, index=["k"]), keys, sources)
        >>> table.splitlines()[2]
        '| Q? | `k` | · silent |'
    """
    questions = dict(zip(keys["claim_key"], keys["question"], strict=True))
    table = pd.DataFrame({"Question": [questions.get(k, k) for k in matrix.index],
                          "claim_key": list(matrix.index)})
    for source in matrix.columns:
        table[_source_label(sources, source)] = [_status_label(s) for s in matrix[source]]
    return markdown_table(table, code=["claim_key"])


# The matrix as an HTML table: every filled cell opens onto the claims behind it, with the
# source's citation.

def _legend_html() -> str:
    items = [f'<span class="cm-{s.replace(" ", "-")}" style="border-left:6px solid '
             f'{_CELL_STYLES[s].colour};background:{_CELL_STYLES[s].tint};padding:2px 6px;'
             f'margin-right:8px">{html.escape(_status_label(s))}</span>' for s in STATUSES]
    return f'<p class="cm-legend">{"".join(items)}</p>'


def _citation_html(sources: pd.DataFrame, source_id: str) -> str:
    """Return an escaped HTML citation: author or publisher, date, title, publisher, link.

    Example:
        >>> frame = pd.DataFrame({"source_id": ["s"], "author": [""], "publisher": ["<b>X</b>"],
        ...     "published": ["2013"], "title": ["T"], "url": [""]})
        >>> _citation_html(frame, "s")
        '&lt;b&gt;X&lt;/b&gt; (2013). <em>T</em>. &lt;b&gt;X&lt;/b&gt;. [<code>s</code>]'
    """
    row = source_row(sources, source_id)
    who = html.escape(row["author"] or row["publisher"])
    title = _english_html(row["title"])
    text = (f"{who} ({html.escape(str(row['published']))}). <em>{title}</em>. "
            f"{html.escape(row['publisher'])}.")
    if row["url"]:
        url = html.escape(row["url"], quote=True)
        text += f' <a href="{url}" target="_blank" rel="noopener">{translate("link")}</a>'
    return f"{text} [<code>{html.escape(source_id)}</code>]"


def _claim_html(claim: Mapping[str, str]) -> str:
    """Return one claim as escaped HTML: the claim, its speaker, quote and locator."""
    parts = [f'<p class="cm-claim">{html.escape(_claim_wording(claim))}</p>',
             '<p class="cm-meta">' + translate(
                 "Speaker: {speaker}; where: {where}; claim {claim}",
                 speaker=_english_html(claim["speaker"]) if claim["speaker"]
                 else translate("not stated"),
                 where=_english_html(claim["locator"]) if claim["locator"]
                 else translate("not stated"),
                 claim=f"<code>{html.escape(claim['claim_id'])}</code>") + "</p>"]
    if claim["quote"]:
        parts.append(f'<blockquote class="cm-quote">{html.escape(claim["quote"])}</blockquote>')
    return "".join(parts)


def _cell_html(status: str, claims: list[dict], cite: str) -> str:
    """Return one matrix cell: coloured and labelled; a filled one opens onto its claims.

    Example:
        >>> cell = _cell_html("silent", [], "")
        >>> cell.startswith('<td class="cm-cell cm-silent"') and cell.endswith(">· silent</td>")
        True
    """
    style = _CELL_STYLES[status]
    css = (f"border-left:6px solid {style.colour};background:{style.tint};"
           "vertical-align:top;padding:3px 6px;max-width:22em")
    name = status.replace(" ", "-")
    label = html.escape(_status_label(status))
    if status == SILENT or not claims:
        return f'<td class="cm-cell cm-{name}" style="{css}">{label}</td>'
    body = "".join(_claim_html(claim) for claim in claims)
    return (f'<td class="cm-cell cm-{name}" style="{css}"><details><summary>{label}</summary>'
            f'<div class="cm-detail">{body}<p class="cm-cite">{cite}</p></div></details></td>')


def matrix_html(matrix: pd.DataFrame, claims: pd.DataFrame, keys: pd.DataFrame,
                sources: pd.DataFrame) -> str:
    """Return the matrix as an HTML table with a legend; a notebook shows it rendered.

    Rows show the question behind each key; columns the sources' short names. Each filled
    cell opens (click, or Enter on it) onto the source's claims and its citation.

    Example:
        >>> from helpers.data import load_claim_keys, load_claim_stances, load_claims
        >>> from helpers.data import load_sources
        >>> claims, keys = load_claims(), load_claim_keys()
        >>> matrix = corroborate_claims(claims, keys, load_claim_stances(),
        ...                             source_ids=["seed-passblue-2013"])
        >>> "<summary>✘ contradicts</summary>" in matrix_html(matrix, claims, keys, load_sources())
        True
    """
    questions = dict(zip(keys["claim_key"], keys["question"], strict=True))
    head = "".join(f'<th scope="col">{html.escape(_source_label(sources, s))}</th>'
                   for s in matrix.columns)
    lines = [_legend_html(), '<table class="cm-matrix" style="border-collapse:collapse">',
             f'<thead><tr><th scope="col">{translate("Question (claim_key)")}</th>{head}'
             '</tr></thead><tbody>']
    shown = claims[claims["source_id"].isin(matrix.columns)]
    by_cell: dict[tuple[str, str], list[dict]] = {}
    for claim in _records(shown):
        by_cell.setdefault((claim["claim_key"], claim["source_id"]), []).append(claim)
    cites = {s: _citation_html(sources, s) for s in dict.fromkeys(shown["source_id"])}
    for key, statuses in zip(matrix.index, matrix.to_numpy(), strict=True):
        title = f'{html.escape(questions.get(key, key))}<br><code>{html.escape(key)}</code>'
        cells = [_cell_html(status, by_cell.get((key, source), []), cites.get(source, ""))
                 for source, status in zip(matrix.columns, statuses, strict=True)]
        row_head = f'<th scope="row" style="text-align:left">{title}</th>'
        lines.append(f'<tr>{row_head}{"".join(cells)}</tr>')
    lines.append("</tbody></table>")
    return _Html("\n".join(lines))


# 3. Discrepancies: every figure the sources give for one numeric key, oldest first.

def _numeric_keys(keys: pd.DataFrame, claims: pd.DataFrame) -> list[str]:
    """Return the number-valued keys that at least two sources answer with a figure.

    Example:
        >>> keys = pd.DataFrame({"claim_key": ["d", "t"], "kind": ["number", "text"]})
        >>> claims = pd.DataFrame({"claim_key": ["d", "d"], "source_id": ["a", "b"],
        ...                        "value": ["1", "2"]})
        >>> _numeric_keys(keys, claims)
        ['d']
    """
    number_keys = set(keys.loc[keys["kind"] == "number", "claim_key"])
    valued = claims[claims["claim_key"].isin(number_keys) & (claims["value"].astype(str) != "")]
    counts = valued.groupby("claim_key")["source_id"].nunique()
    return sorted(counts[counts >= 2].index)


def _figures_for_key(claims: pd.DataFrame, sources: pd.DataFrame, key: str) -> pd.DataFrame:
    """Return the figures given for ``key``: source, label, date, value, unit, claim.

    Sorted by publication date, so a reader sees how figures changed over time.

    Raises:
        ValueError: No source gives a figure for ``key``, or a value is not a number.
    """
    rows = claims[(claims["claim_key"] == key) & (claims["value"].astype(str) != "")]
    if rows.empty:
        raise ValueError(translate("no source gives a figure for claim_key {key}",
                                   key=repr(key)))
    values = pd.to_numeric(rows["value"], errors="coerce")
    if values.isna().any():
        bad = rows.loc[values.isna(), "value"].iloc[0]
        raise ValueError(translate("claim_key {key} has a value that is not a number: {value}",
                                   key=repr(key), value=repr(bad)))
    dates = dict(zip(sources["source_id"], sources["published"], strict=True))
    table = pd.DataFrame({
        "source_id": rows["source_id"].to_numpy(),
        "source": [_source_label(sources, s) for s in rows["source_id"]],
        "published": rows["source_id"].map(dates).astype(str).to_numpy(),
        "value": values.to_numpy(dtype=float), "unit": [translate(u) for u in rows["unit"]],
        "claim": [_claim_wording(claim) for claim in _records(rows)]})
    return table.sort_values(["published", "source"], kind="stable").reset_index(drop=True)


def _describe_discrepancy(figures: pd.DataFrame, *, question: str) -> str:
    """Say in one or two sentences what the figures are and how far apart they lie.

    Example:
        >>> figures = pd.DataFrame({"source": ["A", "B"], "value": [400.0, 515.0],
        ...                         "unit": ["km", "km"]})
        >>> print(_describe_discrepancy(figures, question="Far?"))
        Far? 2 sources give 2 different figures: A 400 km; B 515 km. They range from 400 to 515 km.
    """
    unit = figures["unit"].iloc[0]
    listed = "; ".join(f"{row.source} {format_number(row.value)} {row.unit}"
                       for row in figures.itertuples())
    distinct = figures["value"].nunique()
    message = ("{question} {count} sources give {distinct} different figure: {listed}."
               if distinct == 1 else
               "{question} {count} sources give {distinct} different figures: {listed}.")
    text = translate(message, question=question, count=len(figures), distinct=distinct,
                     listed=listed)
    if distinct > 1:
        low, high = figures["value"].min(), figures["value"].max()
        text = translate("{text} They range from {low} to {high} {unit}.", text=text,
                         low=format_number(low), high=format_number(high), unit=unit)
    return text


def discrepancy_chart(claims: pd.DataFrame, keys: pd.DataFrame, sources: pd.DataFrame,
                      key: str) -> Chart:
    """Plot every source's figure for one numeric key, with the baseline as a dashed line.

    Args:
        claims: The claims table.
        keys: The claim keys (``load_claim_keys()``): the question and its baseline.
        sources: The bibliography, for the labels and the caption.
        key: The ``claim_key`` to plot, e.g. ``"african-troops-arrived"``.

    Raises:
        ValueError: ``key`` is not a claim key, or no source gives it a figure.

    Example:
        >>> from helpers.data import load_claim_keys, load_claims, load_sources
        >>> chart = discrepancy_chart(load_claims(), load_claim_keys(), load_sources(),
        ...                           "distance-bamako-diabaly")
        >>> "Sources:" in chart.caption and "km" in chart.alt_text
        True
    """
    known = keys.set_index("claim_key")
    if key not in known.index:
        raise ValueError(translate("unknown claim_key {key}; see data/lesson05/claim_keys.csv",
                                   key=repr(key)))
    question, baseline = known.loc[key, "question"], known.loc[key, "baseline_value"]
    figures = _figures_for_key(claims, sources, key)
    unit = figures["unit"].iloc[0]
    with house_style():
        fig, ax = plt.subplots(figsize=(8, 0.6 * len(figures) + 2.2), layout="constrained")
        positions = range(len(figures))
        ax.hlines(positions, 0, figures["value"], color=PALETTE["grey"], linewidth=1)
        ax.plot(figures["value"], positions, "o", color=PALETTE["blue"], markersize=9)
        for y, value in zip(positions, figures["value"], strict=True):
            ax.annotate(format_number(value), (value, y), xytext=(6, 4),
                        textcoords="offset points")
        if baseline:
            ax.axvline(float(baseline), color=PALETTE["vermillion"], linestyle="--",
                       label=translate("best-corroborated reading: {value} {unit}",
                                       value=format_number(float(baseline)), unit=unit))
            fig.legend(loc="outside lower center", frameon=False)
        ax.set_yticks(list(positions), figures["source"])
        ax.invert_yaxis()
        ax.set_xlim(0, figures["value"].max() * 1.2)
        ax.set_xlabel(translate("Figure given ({unit})", unit=unit))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: format_number(x)))
        ax.set_title(question, loc="left")
    text = _describe_discrepancy(figures, question=question)
    shown = figures[["source", "value", "unit", "claim"]]
    return make_chart(fig, caption=caption(sources, figures["source_id"], text=translate(
                          "{question} One dot per source, oldest at the top.",
                          question=question)),
                      alt_text=text, table=shown.rename(columns=_column_names(shown)))


# 4. Close reading as data: which words each source uses for the armed groups, how often.

DESCRIPTIVE = ("terrorists", "islamists", "islamic", "rebels", "jihadists", "militants",
               "extremists", "insurgents", "separatists")


def _label_counts(labels: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Return the descriptive words' counts: one row per source, one column per word used.

    Names of organisations (AQIM, MNLA, …) are left out.

    Example:
        >>> labels = pd.DataFrame({"source_id": ["s", "s"], "label": ["rebels", "aqim"],
        ...                        "count": [3, 1]})
        >>> sources = pd.DataFrame({"source_id": ["s"], "publisher": ["P"], "published": ["2013"]})
        >>> _label_counts(labels, sources).to_dict("records")
        [{'rebels': 3}]
    """
    rows = labels[labels["label"].isin(DESCRIPTIVE)]
    table = rows.pivot_table(index="source_id", columns="label", values="count",
                             aggfunc="sum", fill_value=0, sort=False)
    table = table.loc[:, table.sum() > 0].astype(int)
    table.index = [_source_label(sources, s) for s in table.index]
    table.columns.name = None
    return table


def _favourite_labels(labels: pd.DataFrame) -> dict[str, str]:
    """Return each source's most frequent descriptive label ("" when it uses none).

    Ties go to the word listed first in ``DESCRIPTIVE``.

    Example:
        >>> labels = pd.DataFrame({"source_id": ["s", "s", "t"],
        ...     "label": ["rebels", "terrorists", "rebels"], "count": [2, 2, 0]})
        >>> _favourite_labels(labels)
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
    """Say in words which label each source uses most (the text alternative of the chart).

    Example:
        >>> labels = pd.DataFrame({"source_id": ["s"], "label": ["rebels"], "count": [4]})
        >>> sources = pd.DataFrame({"source_id": ["s"], "publisher": ["P"], "published": ["2013"]})
        >>> describe_labels(labels, sources)
        'Most frequent word for the armed groups: P, 2013: "rebels" (4).'
    """
    parts = []
    counts = labels.set_index(["source_id", "label"])["count"]
    for source_id, word in _favourite_labels(labels).items():
        name = _source_label(sources, source_id)
        parts.append(translate('{source}: "{word}" ({count})', source=name, word=word,
                               count=int(counts[(source_id, word)])) if word
                     else translate("{source}: none of these words", source=name))
    return translate("Most frequent word for the armed groups: {parts}.",
                     parts="; ".join(parts))


def labels_chart(labels: pd.DataFrame, sources: pd.DataFrame) -> Chart:
    """Draw the label counts as a grid: one row per source, one column per word.

    The shade (a single-hue blue scale, readable with colour-vision deficiencies) repeats
    the number printed in each square; the text alternative states each source's
    favourite word.

    Example:
        >>> from helpers.data import load_labels, load_sources
        >>> chart = labels_chart(load_labels(), load_sources())
        >>> chart.alt_text.startswith("Most frequent word")
        True
    """
    table = _label_counts(labels, sources)
    with house_style():
        fig, ax = plt.subplots(figsize=(1.1 * len(table.columns) + 4, 0.7 * len(table) + 1.8),
                               layout="constrained")
        ax.imshow(table.to_numpy(), cmap="Blues", aspect="auto",
                  vmin=0, vmax=max(1, int(table.to_numpy().max())))
        high = table.to_numpy().max() * 0.6
        for (row, column), count in pd.DataFrame(table.to_numpy()).stack().items():
            ax.text(column, row, str(count), ha="center", va="center",
                    color="white" if count > high else "black")
        # The counted words are the sources' own (English): italic in another language.
        ax.set_xticks(range(len(table.columns)), table.columns, rotation=30, ha="right",
                      fontstyle="normal" if current_language() == "en" else "italic")
        ax.set_yticks(range(len(table)), table.index)
        ax.set_xlabel(translate("Word used for the armed groups (number of times, headline "
                                "included)"))
        ax.set_title(translate("Which words does each source use?"), loc="left")
        ax.spines[:].set_visible(False)
    return make_chart(fig, caption=caption(sources, labels["source_id"], text=translate(
                          "Words counted by scripts/count_labels.py in the seed texts.")),
                      alt_text=describe_labels(labels, sources), table=table.reset_index(
                          names=translate("source")))


# 5. Side by side: two sources' metadata and claims grouped by topic, the questions both
# answer, and the matrix of the seeds plus the two chosen; then the widget over it all.

TOPIC_NAMES = {
    "decision": "Who decided, and why", "us_role": "The United States", "mission": "The mission",
    "troops": "Troops and aircraft", "distance": "Distances", "legal_basis": "Legal basis",
    "armed_groups": "The armed groups", "events": "Events", "reaction": "Reactions",
}
PROMPT_TEXT = "Pick two sources to compare them side by side."
PROMPT = '<p class="sc-prompt">{prompt}</p>'


def _column_names(frame: pd.DataFrame) -> dict[str, str]:
    """Return the chart table's column names in the lesson's language (``TABLE_COLUMNS``).

    Example:
        >>> _column_names(pd.DataFrame(columns=["source", "value"]))
        {'source': 'source', 'value': 'value'}
    """
    return {name: translate(name) for name in frame.columns if name in TABLE_COLUMNS}


TABLE_COLUMNS = ("source", "value", "unit", "claim")
UNITS = ("troops", "aircraft", "people", "km", "miles")


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    """Return the rows as dicts, as ``to_dict("records")`` does, column by column (quicker).

    Example:
        >>> _records(pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}))
        [{'a': 1, 'b': 'x'}, {'a': 2, 'b': 'y'}]
    """
    columns = {name: frame[name].tolist() for name in frame.columns}
    return [dict(zip(columns, row, strict=True)) for row in zip(*columns.values(), strict=True)]


def _claims_by_topic(claims: pd.DataFrame, source_id: str) -> dict[str, pd.DataFrame]:
    """Return one source's claims grouped by topic, in the order of ``TOPIC_NAMES``.

    Example:
        >>> frame = pd.DataFrame({"source_id": ["s", "s"], "topic": ["troops", "decision"]})
        >>> list(_claims_by_topic(frame, "s"))
        ['decision', 'troops']
    """
    mine = claims[claims["source_id"] == source_id]
    groups = dict(list(mine.groupby("topic", sort=False)))  # one pass, not one per topic
    return {topic: groups[topic] for topic in TOPIC_NAMES if topic in groups}


def _shared_keys(claims: pd.DataFrame, first: str, second: str) -> list[str]:
    """Return the claim keys both sources answer.

    Example:
        >>> frame = pd.DataFrame({"source_id": ["a", "b", "a"], "claim_key": ["k", "k", "m"]})
        >>> _shared_keys(frame, "a", "b")
        ['k']
    """
    keys_a = set(claims.loc[claims["source_id"] == first, "claim_key"])
    return sorted(keys_a & set(claims.loc[claims["source_id"] == second, "claim_key"]))


def _column_html(claims: pd.DataFrame, sources: pd.DataFrame, source_id: str,
                 both: set[str]) -> str:
    profile = _source_profile(sources, source_id)
    english = {translate("Title"), translate("Notes")}  # as the bibliography gives them
    rows = "".join(f"<tr><th scope='row'>{html.escape(k)}</th><td>"
                   f"{_english_html(v) if k in english else html.escape(v)}</td></tr>"
                   for k, v in profile.items() if v)
    parts = [f"<table class='sc-meta'>{rows}</table>",
             f"<p class='sc-cite'>{_citation_html(sources, source_id)}</p>"]
    for topic, group in _claims_by_topic(claims, source_id).items():
        parts.append(f"<h4>{html.escape(translate(TOPIC_NAMES[topic]))}</h4>")
        for claim in _records(group):
            mark = " sc-shared" if claim["claim_key"] in both else ""
            flag = f" <strong>{translate('(both answer this)')}</strong>" if mark else ""
            parts.append(f"<div class='sc-item{mark}'><code>{html.escape(claim['claim_key'])}"
                         f"</code>{flag}{_claim_html(claim)}</div>")
    return "".join(parts)


def _compare_html(claims: pd.DataFrame, sources: pd.DataFrame, first: str, second: str) -> str:
    """Return the side-by-side comparison of two sources as HTML (text escaped)."""
    both = set(_shared_keys(claims, first, second))
    summary = ("<p class='sc-summary'>" + translate(
        "{count} question(s) answered by both: {keys}.", count=len(both),
        keys=html.escape(", ".join(sorted(both)) or translate("none"))) + "</p>")
    columns = "".join(f"<td style='vertical-align:top;width:50%'>"
                      f"{_column_html(claims, sources, s, both)}</td>" for s in (first, second))
    return f"<div class='sc-compare'>{summary}<table><tr>{columns}</tr></table></div>"


def _pair_html(matrix: pd.DataFrame, keys: pd.DataFrame, sources: pd.DataFrame, first: str,
               second: str) -> str:
    """Return the questions two sources both answer, with each one's status, as HTML."""
    if first not in matrix.columns or second not in matrix.columns:
        return ""
    both = matrix[(matrix[first] != SILENT) & (matrix[second] != SILENT)]
    if both.empty:
        return ("<p class='sc-pair'>"
                f"{translate('These two sources answer none of the same questions.')}</p>")
    questions = dict(zip(keys["claim_key"], keys["question"], strict=True))
    head = "".join(f"<th scope='col'>{html.escape(_source_label(sources, s))}</th>"
                   for s in (first, second))
    rows = "".join(
        f"<tr><th scope='row' style='text-align:left'>{html.escape(questions.get(k, k))}</th>"
        f"<td>{html.escape(_status_label(row[first]))}</td>"
        f"<td>{html.escape(_status_label(row[second]))}</td></tr>" for k, row in both.iterrows())
    title = translate("Questions both answer, each set against the best-corroborated reading")
    return (f"<table class='sc-pair'><caption>{title}</caption><tr><th scope='col'>"
            f"{translate('Question')}</th>{head}</tr>{rows}</table>")


def _matrix_columns(sources: pd.DataFrame, first: str, second: str) -> list[str]:
    """Return the matrix columns: the five seeds, then the two chosen sources if not seeds.

    Example:
        >>> frame = pd.DataFrame({"source_id": ["seed-a", "x", "y"]})
        >>> _matrix_columns(frame, "y", "seed-a")
        ['seed-a', 'y']
    """
    columns = [s for s in sources["source_id"] if s.startswith("seed-")]
    for chosen in (first, second):
        if chosen and chosen not in columns:
            columns.append(chosen)
    return columns


def compare_sources(claims: pd.DataFrame, keys: pd.DataFrame, stances: pd.DataFrame,
                    sources: pd.DataFrame, first: str, second: str) -> tuple[str, str]:
    """Return the HTML of the side-by-side panel and of the matrix for two chosen sources.

    The side-by-side panel lists the questions both answer, then each source's metadata
    and claims by topic; an empty choice gives a prompt instead. The matrix shows the
    five seeds plus the chosen sources. :func:`source_explorer` shows exactly this.

    Example:
        >>> from helpers.data import load_claim_keys, load_claim_stances, load_claims
        >>> from helpers.data import load_sources
        >>> side, grid = compare_sources(load_claims(), load_claim_keys(), load_claim_stances(),
        ...     load_sources(), "seed-passblue-2013", "seed-france24-2013")
        >>> "PassBlue" in side and "Questions both answer" in side and "cm-matrix" in grid
        True
    """
    matrix = corroborate_claims(claims, keys, stances,
                                source_ids=_matrix_columns(sources, first, second))
    if first and second:
        side = _pair_html(matrix, keys, sources, first, second) + _compare_html(
            claims, sources, first, second)
    else:
        side = PROMPT.format(prompt=translate(PROMPT_TEXT))
    return side, str(matrix_html(matrix, claims, keys, sources))


def source_explorer(claims: pd.DataFrame, keys: pd.DataFrame, stances: pd.DataFrame,
                    sources: pd.DataFrame) -> widgets.VBox:
    """Return the explorer: two source menus, the comparison, the matrix, a figure's chart.

    The widget only passes its menus' values to :func:`compare_sources` and
    :func:`discrepancy_chart` and shows what they return.

    Example:
        >>> from helpers.data import load_claim_keys, load_claim_stances, load_claims
        >>> from helpers.data import load_sources
        >>> box = source_explorer(load_claims(), load_claim_keys(), load_claim_stances(),
        ...                       load_sources())
        >>> box.children[0].children[0].value = "seed-chivvis-2015"
        >>> box.children[1].value.startswith('<p class="sc-prompt">')
        True
        >>> box.children[0].children[1].value = "seed-passblue-2013"
        >>> "Cambridge University Press" in box.children[1].value
        True
    """
    cited = set(claims["source_id"])
    options = [(translate("Choose a source…"), "")] + [
        (_source_label(sources, s), s) for s in sources["source_id"] if s in cited]
    pick_a = widgets.Dropdown(options=options, value="", description=translate("Source A:"))
    pick_b = widgets.Dropdown(options=options, value="", description=translate("Source B:"))
    side, grid = widgets.HTML(), widgets.HTML()
    figures = _numeric_keys(keys, claims)
    pick_key = widgets.Dropdown(options=figures, value=figures[0],
                                description=translate("Figure:"))
    chart = widgets.HTML()
    for widget, name in ((pick_a, "source-a"), (pick_b, "source-b"), (side, "compare"),
                         (grid, "matrix"), (pick_key, "figure"), (chart, "discrepancy")):
        widget.add_class(f"lesson5-{name}")

    def show_sources(_change: object = None) -> None:
        side.value, grid.value = compare_sources(claims, keys, stances, sources,
                                                 pick_a.value, pick_b.value)

    def show_figure(_change: object = None) -> None:
        chart.value = discrepancy_chart(claims, keys, sources, pick_key.value)._repr_html_()

    pick_a.observe(show_sources, names="value")
    pick_b.observe(show_sources, names="value")
    pick_key.observe(show_figure, names="value")
    show_sources()
    show_figure()
    return widgets.VBox([widgets.HBox([pick_a, pick_b]), side, grid, pick_key, chart])
