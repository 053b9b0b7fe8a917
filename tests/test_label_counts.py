"""Label counts per source, as a table and in words."""

from __future__ import annotations

import pandas as pd

from helpers.comparing_sources import describe_labels, favourite_labels, label_chart, label_table
from helpers.data import load_labels, load_sources

SEEDS = ["seed-chivvis-2015", "seed-france24-2013", "seed-thinkprogress-2013",
         "seed-blog-diabaly-2013", "seed-passblue-2013"]


def test_every_seed_has_label_counts() -> None:
    labels = load_labels()
    assert set(SEEDS) <= set(labels["source_id"])


def test_table_keeps_descriptive_words_used_at_least_once() -> None:
    seeds = load_labels().query("source_id in @SEEDS")
    table = label_table(seeds, load_sources())
    assert "aqim" not in table.columns and (table.sum() > 0).all()
    assert table.loc["PassBlue, 2013-01-11", "terrorists"] == 8


def test_favourites_and_sentence_agree_with_the_counts() -> None:
    seeds = load_labels().query("source_id in @SEEDS")
    favourites = favourite_labels(seeds)
    assert favourites["seed-thinkprogress-2013"] == "rebels"
    assert favourites["seed-blog-diabaly-2013"] == "islamists"
    assert 'PassBlue, 2013-01-11: "terrorists" (8)' in describe_labels(seeds, load_sources())


def test_a_source_with_no_descriptive_label_says_so() -> None:
    labels = pd.DataFrame({"source_id": ["s"], "label": ["aqim"], "count": [2]})
    sources = pd.DataFrame({"source_id": ["s"], "publisher": ["P"], "published": ["2013"]})
    assert describe_labels(labels, sources).endswith("P, 2013: none of these words.")


def test_chart_prints_every_count_and_names_its_sources() -> None:
    seeds = load_labels().query("source_id in @SEEDS")
    chart = label_chart(seeds, load_sources())
    axis = chart.figure.axes[0]
    table = label_table(seeds, load_sources())
    assert len(axis.texts) == table.size
    assert sorted(int(t.get_text()) for t in axis.texts) == sorted(table.to_numpy().ravel())
    assert "PassBlue, 2013-01-11" in chart.caption and "Sources:" in chart.caption
    assert axis.get_xlabel().startswith("Word used for the armed groups")
