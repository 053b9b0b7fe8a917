"""Close reading as data: which words each seed uses for the armed groups, and how often."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from helpers.charts import Chart, house_style, make_chart
from helpers.citations import caption
from helpers.matrix_view import source_label

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
        >>> from helpers.loaders import load_labels, load_sources
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
    return make_chart(fig, caption=caption(labels["source_id"], text="Words counted by "
                                           "scripts/count_labels.py in the seed texts.",
                                           sources=sources),
                      alt_text=describe_labels(labels, sources), table=table.reset_index(
                          names="source"))
