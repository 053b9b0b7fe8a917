"""The campaign map: towns with intervention events, labelled with their dates."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data import load_events, load_places
from helpers.intervention import campaign_events, campaign_map


def test_only_placed_intervention_events_in_the_window() -> None:
    rows = campaign_events(load_events(), start="2013-01-10", end="2013-03-31")
    assert set(rows["category"]) == {"intervention"} and (rows["place_id"] != "").all()
    assert rows["date"].is_monotonic_increasing
    assert rows["date"].min() >= pd.Timestamp("2013-01-10")


def test_labels_carry_the_dates_and_text_lists_every_event() -> None:
    events = load_events()
    chart = campaign_map(events, load_places())
    labels = [text.get_text() for text in chart.figure.axes[0].texts]
    assert "Konna\n11 Jan–15 Jan" in labels and "Bamako" in labels
    for title in campaign_events(events)["title"]:
        assert title in chart.alt_text
    ax = chart.figure.axes[0]
    assert ax.get_xlabel() and ax.get_ylabel()


def test_an_empty_window_is_explained() -> None:
    with pytest.raises(ValueError, match="no intervention events with a place between 1990"):
        campaign_map(load_events(), load_places(), start="1990-01-01", end="1990-12-31")
