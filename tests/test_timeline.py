"""Filtering, labelling and summarising events for lesson 1's timeline."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data import load_events
from helpers.the_coup import (
    check_categories,
    days_between,
    event_choices,
    event_label,
    filter_events,
    format_when,
    parse_day,
    summarize_events,
)


def frame(*rows: tuple) -> pd.DataFrame:
    """Build a small events frame: (event_id, date, end_date, category, actors)."""
    records = [{"event_id": i, "date": pd.Timestamp(d), "category": c, "actors": a,
                "end_date": pd.Timestamp(e) if e else pd.NaT, "date_precision": "day",
                "title": i.upper()} for i, d, e, c, a in rows]
    return pd.DataFrame.from_records(records)


EVENTS = frame(
    ("b", "2012-03-22", None, "coup", "junta;mali_state"),
    ("a", "2012-01-17", None, "rebellion", "mnla;mali_state"),
    ("span", "1990-06-28", "1996-03-26", "background", "tuareg_rebels"),
    ("c", "2012-04-02", None, "diplomacy", "ecowas;junta"),
)


def test_no_filters_keeps_everything_in_date_order() -> None:
    assert list(filter_events(EVENTS)["event_id"]) == ["span", "a", "b", "c"]


def test_categories_and_actor_combine() -> None:
    kept = filter_events(EVENTS, categories=["coup", "diplomacy"], actor="junta")
    assert list(kept["event_id"]) == ["b", "c"]
    assert filter_events(EVENTS, actor="ecowas")["event_id"].tolist() == ["c"]


def test_actor_matches_whole_ids_not_substrings() -> None:
    assert filter_events(EVENTS, actor="mali").empty


def test_date_range_is_inclusive_and_spans_overlap() -> None:
    kept = filter_events(EVENTS, start="2012-01-17", end="2012-03-22")
    assert list(kept["event_id"]) == ["a", "b"]
    assert list(filter_events(EVENTS, start="1995-01-01", end="1995-12-31")["event_id"]) == ["span"]


def test_start_after_end_is_refused_with_both_dates() -> None:
    with pytest.raises(ValueError, match="01 Apr 2012 is after the end date 01 Mar 2012"):
        filter_events(EVENTS, start="2012-04-01", end="2012-03-01")


def test_unknown_category_names_the_choices() -> None:
    with pytest.raises(ValueError, match="unknown category 'coups'; choose from background"):
        check_categories(["coups"])
    assert check_categories("coup") == ["coup"]


def test_bad_date_says_which_option() -> None:
    with pytest.raises(ValueError, match="start should be a date like '2012-03-22', not 'soon'"):
        parse_day("soon", name="start")


def test_dates_are_written_as_precisely_as_known() -> None:
    day = pd.Timestamp("2012-03-05")
    assert [format_when(day, p) for p in ("day", "month", "year")] == ["5 Mar 2012", "Mar 2012",
                                                                       "2012"]


def test_labels_and_choices_follow_date_order() -> None:
    choices = event_choices(EVENTS)
    assert [value for _, value in choices] == ["span", "a", "b", "c"]
    assert choices[1][0] == event_label(EVENTS.iloc[1]) == "17 Jan 2012 · A"


def test_summary_counts_categories_and_gives_the_range() -> None:
    text = summarize_events(filter_events(EVENTS, start="2012-01-01"))
    assert text.startswith("3 events from 17 Jan 2012 to 2 Apr 2012: ")
    assert sorted(text.rstrip(".").split(": ")[1].split(", ")) == [
        "1 coup", "1 diplomacy", "1 rebellion"]
    assert summarize_events(EVENTS.head(0)) == "No events match these filters."


def test_the_real_timeline_covers_the_coup_year() -> None:
    year = filter_events(load_events(), start="2011-01-01", end="2012-12-31")
    assert len(year) >= 25
    assert {"rebellion", "coup", "politics", "diplomacy", "us_policy"} <= set(year["category"])


def test_days_between_counts_forwards_and_backwards() -> None:
    assert days_between(EVENTS, "a", "b") == 65
    assert days_between(EVENTS, "b", "a") == -65
    with pytest.raises(KeyError, match="no event with event_id 'z'"):
        days_between(EVENTS, "a", "z")
