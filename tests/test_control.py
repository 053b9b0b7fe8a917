"""Who held which town on a date: helper behaviour on edge dates, errors, and the data."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from helpers.data import load_actors, load_control, load_events, load_places
from helpers.exercises import load_exercises
from helpers.rebel_advance import (
    PERIOD,
    SIDES,
    as_date,
    contested_changes,
    count_by_side,
    events_in_week,
    holder_on,
    holders_on,
    resolve_changes,
    side_of,
    weekly_dates,
)

CONTROL = load_control()


def tiny() -> pd.DataFrame:
    return pd.DataFrame({
        "place_id": ["x", "x", "x", "x"],
        "date": pd.to_datetime(["2012-01-01", "2012-03-30", "2012-06-27", "2012-07-02"]),
        "holder": ["mali_state", "mnla", "mujao", "mujao"],
        "source_ids": ["s1", "s2", "s3", "s4"],
    })


def test_holder_before_the_first_record_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="no record for 'x' before 2012-01-01"):
        holder_on(tiny(), "x", "2011-12-31")


def test_a_change_counts_on_its_own_day_and_not_the_day_before() -> None:
    assert holder_on(tiny(), "x", "2012-03-29") == "mali_state"
    assert holder_on(tiny(), "x", "2012-03-30") == "mnla"


def test_after_the_last_record_the_last_holder_stays() -> None:
    assert holder_on(tiny(), "x", "2020-01-01") == "mujao"


def test_alternative_dates_follow_the_rule() -> None:
    assert holder_on(tiny(), "x", "2012-06-30") == "mujao"
    assert holder_on(tiny(), "x", "2012-06-30", rule="latest") == "mnla"
    assert len(resolve_changes(tiny())) == 3


def test_unknown_town_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match=r"'atlantis' is not a town in control.csv; towns: .*gao"):
        holder_on(CONTROL, "atlantis", "2012-06-01")


def test_bad_date_and_bad_rule_get_messages() -> None:
    with pytest.raises(ValueError, match="write it as YYYY-MM-DD"):
        holder_on(CONTROL, "gao", "10/01/2013")
    with pytest.raises(ValueError, match="rule must be one of"):
        holder_on(CONTROL, "gao", "2013-01-10", rule="median")
    with pytest.raises(ValueError, match="has no side"):
        side_of("unicorns")


def test_dates_in_several_forms() -> None:
    assert as_date(pd.Timestamp("2013-01-10")) == as_date(dt.datetime(2013, 1, 10, 8)) \
        == as_date(" 2013-01-10 ") == dt.date(2013, 1, 10)


def test_the_story_the_lesson_tells() -> None:
    assert holder_on(CONTROL, "gao", "2012-04-15") == "mnla"
    assert holder_on(CONTROL, "gao", "2012-07-01") == "mujao"
    assert holder_on(CONTROL, "timbuktu", "2012-05-01") == "ansar_dine"
    assert holder_on(CONTROL, "douentza", "2012-10-01") == "mujao"
    assert holder_on(CONTROL, "konna", "2013-01-10") == "ansar_dine"
    assert holder_on(CONTROL, "konna", "2013-01-12") == "france_mali"
    assert holder_on(CONTROL, "konna", "2013-01-12", rule="latest") == "ansar_dine"
    assert holder_on(CONTROL, "bamako", "2013-01-12") == "mali_state"
    assert holder_on(CONTROL, "gao", PERIOD[1]) == "france_mali"


def test_holders_on_a_date_cover_every_town_once() -> None:
    table = holders_on(CONTROL, "2012-04-10")
    assert table["place_id"].is_unique and len(table) == CONTROL["place_id"].nunique()
    assert set(table["side"]) <= set(SIDES.values())
    assert holders_on(CONTROL, "2011-06-01").empty


def test_counts_add_up_to_the_towns() -> None:
    counts = count_by_side(CONTROL, weekly_dates())
    assert (counts.sum(axis=1) == CONTROL["place_id"].nunique()).all()
    assert counts["government"].iloc[0] == counts.sum(axis=1).iloc[0]


def test_contested_changes_are_the_ones_the_notes_call_alternative() -> None:
    contested = contested_changes(CONTROL)
    assert {"konna", "timbuktu", "tessalit", "menaka", "gao"} <= set(contested["place_id"])
    konna = contested.set_index("place_id").loc["konna"]
    assert konna["dates"] == "11 Jan 2013, 17 Jan 2013"


def test_weekly_dates_and_week_events() -> None:
    days = weekly_dates()
    assert days[0] == PERIOD[0] and days[-1] == PERIOD[1]
    assert all((b - a).days <= 7 for a, b in zip(days, days[1:], strict=False))
    with pytest.raises(ValueError, match="before start"):
        weekly_dates(start="2013-01-02", end="2013-01-01")
    week = events_in_week(load_events(), "2013-01-13")
    assert "ev-20130114-diabaly" in set(week["event_id"])
    assert events_in_week(load_events(), "2012-10-01").empty


def test_exercise_keys_agree_with_the_data() -> None:
    keys = load_exercises()
    assert holder_on(CONTROL, "gao", "2012-08-01") == keys["2.1"].answer
    latest = count_by_side(CONTROL, ["2013-01-14"], rule="latest")
    assert latest.loc["2013-01-14", "jihadist"] == keys["2.3"].answer


# --- the data behind the helpers ---------------------------------------------------

def test_every_town_in_control_is_in_places() -> None:
    assert set(CONTROL["place_id"]) <= set(load_places()["place_id"])


def test_holders_come_from_a_fixed_vocabulary_of_actors() -> None:
    assert set(CONTROL["holder"]) <= set(SIDES)
    assert set(SIDES) <= set(load_actors()["actor_id"])


def test_every_town_starts_with_the_state_and_stays_in_the_period() -> None:
    first = CONTROL.sort_values("date").groupby("place_id").head(1)
    assert set(first["holder"]) == {"mali_state"}
    assert CONTROL["date"].min() == pd.Timestamp(PERIOD[0])
    assert CONTROL["date"].max() <= pd.Timestamp(PERIOD[1])


def test_every_change_has_a_source_and_single_sources_say_so() -> None:
    for row in CONTROL.to_dict("records"):
        ids = row["source_ids"].split(";")
        assert ids and all(ids), row
        if len(ids) == 1:
            note = row["note"].lower()
            assert "single source" in note or "one report" in note, row
