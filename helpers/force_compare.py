"""Check one source's force figures against what other sources report for the same thing."""

from __future__ import annotations

import pandas as pd

from helpers.forces import FORCE_NAMES

SAME = ["force", "category", "figure_kind", "scope"]


def _listing(near: pd.DataFrame, names: dict[str, str], *, most: int = 3) -> str:
    shown = [f"{value:,.0f} ({names.get(source, source)})"
             for value, source in zip(near["value"], near["source_id"], strict=True)]
    if not shown:
        return "none"
    return ", ".join(shown[:most]) + (", …" if len(shown) > most else "")


def corroborate(deployments: pd.DataFrame, source_id: str, *, sources: pd.DataFrame,
                days: int = 3) -> pd.DataFrame:
    """For each figure a source gives, list other sources' figures for the same thing.

    "The same thing" means the same force, category, kind of figure and scope, dated
    within ``days`` days either side. Nothing is averaged: the other figures are listed.

    Example:
        >>> from helpers.loaders import load_deployments, load_sources
        >>> table = corroborate(load_deployments(), "seed-france24-2013",
        ...                     sources=load_sources())
        >>> row = table.set_index("What").loc["French (Serval): troops, deployed, in_mali"]
        >>> row["This source"], int(row["Others agree"]), int(row["Others differ"])
        ('2,150', 1, 8)
    """
    own = deployments[deployments["source_id"] == source_id]
    if own.empty:
        raise ValueError(f"no figures from source {source_id!r} in deployments.csv")
    names = dict(zip(sources["source_id"], sources["publisher"], strict=True))
    others = deployments[deployments["source_id"] != source_id]
    rows = []
    for _, figure in own.iterrows():
        near = others[(others[SAME] == figure[SAME]).all(axis=1)
                      & ((others["date"] - figure["date"]).abs() <= pd.Timedelta(days=days))]
        near = near.sort_values(["date", "value"])
        rows.append({
            "What": f"{FORCE_NAMES[figure['force']]}: {figure['category'].replace('_', ' ')}, "
                    f"{figure['figure_kind']}, {figure['scope'] or 'unstated'}",
            "This source": f"{figure['value']:,.0f}",
            "Others within a few days": _listing(near, names),
            "Others agree": int((near["value"] == figure["value"]).sum()),
            "Others differ": int((near["value"] != figure["value"]).sum()),
        })
    return pd.DataFrame(rows)
