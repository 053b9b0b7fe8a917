"""The timeline of US actions against legal events: its table, text alternative and chart."""

from __future__ import annotations

from helpers.data import load_authorities, load_sources, load_us_actions
from helpers.us_law import LAW_ROW, describe_timeline, timeline_table, us_timeline_chart

AUTH, ACTS = load_authorities(), load_us_actions()


def test_table_holds_every_action_and_the_legal_events_of_the_period() -> None:
    table = timeline_table(ACTS, AUTH)
    assert (table["Row"] != LAW_ROW).sum() == len(ACTS)
    laws = set(table.loc[table["Row"] == LAW_ROW, "Cites"])
    assert {"sec7008-fy2012", "pd-2013-06", "resumption-2013"} <= laws
    assert "aumf-2001" not in laws  # enacted in 2001: in force throughout, not an event here
    assert table["Date"].is_monotonic_increasing


def test_text_alternative_names_the_dates_that_matter() -> None:
    text = describe_timeline(timeline_table(ACTS, AUTH))
    assert "11 Feb 2013 Emergency drawdown" in text
    assert "21 Jan First US C-17 lands in Bamako" in text


def test_chart_has_labelled_axes_caption_and_table() -> None:
    chart = us_timeline_chart(ACTS, AUTH, load_sources())
    whole, zoom = chart.figure.axes
    assert whole.get_xlabel() == "Date" and whole.get_ylabel() == "Kind of US help"
    assert "Sources: Reuters" in chart.caption or "Sources:" in chart.caption
    assert len(chart.table) == len(timeline_table(ACTS, AUTH))
