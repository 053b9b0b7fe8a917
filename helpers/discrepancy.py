"""The discrepancy view: every figure the sources give for one numeric claim key,
plotted per source, with a sentence that says the same in words.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import FuncFormatter

from helpers.charts import PALETTE, Chart, house_style, make_chart
from helpers.citations import caption
from helpers.matrix_view import source_label


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
        >>> from helpers.loaders import load_claims, load_sources
        >>> from helpers.claim_readings import load_claim_keys
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
    return make_chart(fig, caption=caption(figures["source_id"], text=f"{question} One dot per "
                                           "source, oldest at the top.", sources=sources),
                      alt_text=text, table=figures[["source", "value", "unit", "claim"]])
