"""Control map, small multiples and step chart: captions, text alternatives, markers."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.figure import Figure

from helpers.charts import PALETTE
from helpers.data import load_control, load_places
from helpers.rebel_advance import (
    KEY_DATES,
    SIDE_STYLES,
    chart_control_map,
    chart_sides_step,
    chart_small_multiples,
    describe_control,
    draw_control,
)

CONTROL, PLACES = load_control(), load_places()



def test_map_colours_each_town_by_its_holder_on_the_date() -> None:
    ax = draw_control(Figure().add_subplot(), CONTROL, PLACES, "2013-01-15")
    colours = {text.get_text(): ax.lines[i].get_color()
               for i, text in enumerate(t for t in ax.texts if t.get_text() != "")}
    assert colours["Gao"] == SIDE_STYLES["jihadist"][0] == PALETTE["vermillion"]
    assert colours["Bamako"] == SIDE_STYLES["government"][0]
    assert ax.get_title() == "15 Jan 2013"


def test_map_changes_between_two_dates() -> None:
    before = draw_control(Figure().add_subplot(), CONTROL, PLACES, "2012-01-01")
    after = draw_control(Figure().add_subplot(), CONTROL, PLACES, "2012-07-01")
    assert {line.get_color() for line in before.lines} == {SIDE_STYLES["government"][0]}
    assert {line.get_color() for line in after.lines} == {c for c, _ in SIDE_STYLES.values()}


def test_description_names_every_town_once() -> None:
    text = describe_control(CONTROL, PLACES, "2012-09-05")
    for name in ("Bamako", "Gao", "Douentza", "Kidal"):
        assert text.count(name) == 1
    assert "Jihadist groups (Ansar Dine, AQIM, MUJAO) held 6" in text
    empty = describe_control(CONTROL, PLACES, "2011-01-01")
    assert empty == "No town has a record on 1 January 2011."


def test_charts_carry_sources_and_text_alternatives() -> None:
    single = chart_control_map(CONTROL, PLACES, "2012-04-10")
    assert "Sources:" in single.caption and "Natural Earth" in single.caption
    assert single.alt_text.startswith("On 10 April 2012")
    assert single.table.set_index("place_id").loc["kidal", "source_ids"] == \
        "news-moheet-20120330-kidal;news-alarabiya-20120330-kidal"
    multiples = chart_small_multiples(CONTROL, PLACES)
    assert len(multiples.figure.axes) == len(KEY_DATES) == 6
    assert multiples.alt_text.count("On ") == 6
    step = chart_sides_step(CONTROL)
    assert step.figure.axes[0].get_ylabel() == "Number of towns held"
    assert "peaked at 7 towns" in step.alt_text
    assert list(step.table.columns) == ["week of", "government", "separatist", "jihadist",
                                        "militia"]


def test_a_town_missing_from_places_is_named() -> None:
    extra = pd.DataFrame({"place_id": ["atlantis"], "date": [pd.Timestamp("2012-01-01")],
                          "holder": ["mnla"], "source_ids": ["x"], "note": [""]})
    broken = pd.concat([CONTROL, extra])
    with pytest.raises(ValueError, match="atlantis"):
        draw_control(Figure().add_subplot(), broken, PLACES, "2012-02-01")
