"""The date slider: the pure render function and the widget wiring, without a browser."""

from __future__ import annotations

from helpers.data import load_control, load_events, load_places
from helpers.rebel_advance import (
    WeekMap,
    control_slider,
    render_week,
    week_events_html,
    weekly_dates,
)

CONTROL, PLACES, EVENTS = load_control(), load_places(), load_events()


def test_render_gives_a_png_and_the_weeks_events_with_sources() -> None:
    png, text = render_week(CONTROL, PLACES, EVENTS, "2013-01-06")
    assert png.startswith(b"\x89PNG")
    assert "Islamists seize Konna" in text and "Reuters, 2013-01-11" in text
    assert "On 6 January 2013" in text


def test_empty_week_says_so() -> None:
    assert "none in the timeline" in week_events_html(EVENTS, "2012-10-07")


def test_moving_the_slider_redraws_map_and_list() -> None:
    box = control_slider(CONTROL, PLACES, EVENTS)
    play, slider = box.children[0].children
    image, panel = box.children[1].children
    assert slider.options[0][1] == weekly_dates()[0] and play.max == len(slider.options) - 1
    first_png, first_text = image.value, panel.value
    slider.value = slider.options[53][1]
    assert image.value != first_png and panel.value != first_text
    assert "6 January 2013" in panel.value and "Islamists seize Konna" in panel.value
    assert 'class="control-map"' in image.value
    assert 'alt="Map of who held each town in the week of 06 January 2013' in image.value


def test_start_date_picks_the_nearest_week() -> None:
    slider = control_slider(CONTROL, PLACES, EVENTS, start="2013-01-10").children[0].children[1]
    assert slider.label == "6 Jan 2013"


def test_week_map_redrawn_over_other_weeks_equals_a_fresh_render() -> None:
    week_map = WeekMap(CONTROL, PLACES, EVENTS)
    week_map("2012-04-08")
    week_map("2013-02-24")
    assert week_map("2012-06-25") == render_week(CONTROL, PLACES, EVENTS, "2012-06-25")
