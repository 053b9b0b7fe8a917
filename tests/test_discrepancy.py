"""The discrepancy view: figures per source, in date order, as a chart and as words."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.comparing_sources import (
    describe_discrepancy,
    discrepancy_chart,
    figures_for_key,
    numeric_keys,
)
from helpers.data import load_claim_keys, load_claims, load_sources


def test_every_numeric_key_with_two_figures_is_offered() -> None:
    keys = numeric_keys(load_claim_keys(), load_claims())
    expected = {"french-troops-in-mali", "african-troops-arrived", "distance-bamako-diabaly"}
    assert expected <= set(keys)
    assert "legal-basis" not in keys


def test_figures_come_out_in_date_order_with_units() -> None:
    figures = figures_for_key(load_claims(), "french-troops-in-mali", load_sources())
    assert list(figures["published"]) == sorted(figures["published"])
    assert figures["value"].iloc[0] == 750 and set(figures["unit"]) == {"troops"}


def test_a_key_without_figures_and_a_non_number_are_clear_errors() -> None:
    sources = pd.DataFrame({"source_id": ["s"], "publisher": ["P"], "published": ["2013"]})
    claims = pd.DataFrame({"claim_key": ["k"], "source_id": ["s"], "value": ["many"],
                           "unit": ["km"], "claim": ["C"]})
    with pytest.raises(ValueError, match="no source gives a figure for claim_key 'x'"):
        figures_for_key(claims, "x", sources)
    with pytest.raises(ValueError, match="not a number: 'many'"):
        figures_for_key(claims, "k", sources)


def test_the_sentence_states_the_range() -> None:
    figures = figures_for_key(load_claims(), "distance-bamako-diabaly", load_sources())
    text = describe_discrepancy(figures, question="How far?")
    low, high = figures["value"].min(), figures["value"].max()
    assert low < high and f"range from {low:,.0f} to {high:,.0f} km" in text
    assert text.startswith(f"How far? {len(figures)} sources give")


def test_chart_has_labelled_axis_caption_sources_and_text_alternative() -> None:
    chart = discrepancy_chart(load_claims(), "distance-bamako-diabaly", keys=load_claim_keys(),
                              sources=load_sources())
    axis = chart.figure.axes[0]
    assert axis.get_xlabel() == "Figure given (km)"
    assert "BBC News, 2013-01-15" in chart.caption and chart.alt_text.startswith("How far")
    assert len(chart.table) == len(axis.get_yticks())


def test_an_unknown_key_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown claim_key 'nope'"):
        discrepancy_chart(load_claims(), "nope", keys=load_claim_keys(), sources=load_sources())
