"""The corroboration matrix: claim keys (rows) by sources (columns), each cell saying
whether that source agrees with the best-corroborated reading, contradicts it, gives a
different figure, or is silent.

Everything here is a pure function of the tables, so the tests call it directly; the
widget in :mod:`helpers.source_comparer` only displays the results.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from helpers.claim_readings import complete_readings
from helpers.statuses import AGREES, CONTRADICTS, DIFFERENT, SILENT, STATUSES


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
    dates (see :func:`helpers.claim_readings.complete_readings`); unread text keys are left
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
