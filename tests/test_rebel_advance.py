"""Lesson 02, helpers.rebel_advance: who held which town on a date, the charts of control,
the weekly map slider, reported distances and the armed groups' table, and the data behind
them."""

from __future__ import annotations

import io
import re

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure
from PIL import Image

import helpers.rebel_advance as lesson
from helpers import distance_between
from helpers.charts import PALETTE, house_style, tight_png
from helpers.exercises import load_exercises
from helpers.readers import read_date
from helpers.rebel_advance import (
    ASPECTS,
    GROUPS,
    KEY_DATES,
    MAP_DPI,
    PERIOD,
    SIDE_LABELS,
    SIDE_STYLES,
    SIDES,
    WeekMap,
    compare_distances,
    contested_changes,
    contested_table,
    control_explorer,
    control_map_chart,
    count_by_side,
    describe_control,
    distance_table,
    groups_table,
    holder_on,
    holders_on,
    render_week,
    resolve_changes,
    sides_step_chart,
    small_multiples_chart,
    weekly_dates,
)


def tiny() -> pd.DataFrame:
    return pd.DataFrame({
        "place_id": ["x", "x", "x", "x"],
        "date": pd.to_datetime(["2012-01-01", "2012-03-30", "2012-06-27", "2012-07-02"]),
        "holder": ["mali_state", "mnla", "mujao", "mujao"],
        "source_ids": ["s1", "s2", "s3", "s4"],
    })


# --- who held which town on a date -------------------------------------------------

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


def test_unknown_town_names_the_known_ones(control) -> None:
    with pytest.raises(ValueError, match=r"'atlantis' is not a town in control.csv; towns: .*gao"):
        holder_on(control, "atlantis", "2012-06-01")


def test_bad_date_bad_rule_and_unknown_holder_get_messages(control) -> None:
    with pytest.raises(ValueError, match="ambiguous"):
        holder_on(control, "gao", "10/01/2013")
    with pytest.raises(ValueError, match="could not read 'soon' as a date"):
        holder_on(control, "gao", "soon")
    with pytest.raises(ValueError, match="rule must be one of"):
        holder_on(control, "gao", "2013-01-10", rule="median")
    with pytest.raises(ValueError, match="'unicorns' has no side"):
        holders_on(tiny().assign(holder="unicorns"), "2012-08-01")


def test_dates_in_several_forms_give_the_same_holder(control) -> None:
    forms = [pd.Timestamp("2012-08-01"), read_date("2012-08-01"), "1 August 2012",
             "Aug 1, 2012", " 2012-08-01 "]
    assert {holder_on(control, "gao", when) for when in forms} == {"mujao"}


def test_the_story_the_lesson_tells(control) -> None:
    assert holder_on(control, "gao", "2012-04-15") == "mnla"
    assert holder_on(control, "gao", "2012-07-01") == "mujao"
    assert holder_on(control, "timbuktu", "2012-05-01") == "ansar_dine"
    assert holder_on(control, "douentza", "2012-10-01") == "mujao"
    assert holder_on(control, "konna", "2013-01-10") == "ansar_dine"
    for rule in ("earliest", "latest"):  # the 11 January claim was refuted: it never counts
        assert holder_on(control, "konna", "2013-01-12", rule=rule) == "ansar_dine"
        assert holder_on(control, "konna", "2013-01-16", rule=rule) == "ansar_dine"
    assert holder_on(control, "konna", "2013-01-17") == "france_mali"
    assert holder_on(control, "menaka", "2012-01-20") == "mali_state"  # attacked, not taken
    assert holder_on(control, "lere", "2012-12-01") == "ansar_dine"
    assert holder_on(control, "kidal", "2013-02-15") == "mnla"  # French at the airport only
    assert holder_on(control, "bamako", "2013-01-12") == "mali_state"
    assert holder_on(control, "gao", PERIOD[1]) == "france_mali"


def test_holders_on_a_date_cover_every_town_once(control) -> None:
    table = holders_on(control, "2012-04-10")
    assert table["place_id"].is_unique and len(table) == control["place_id"].nunique()
    assert set(table["side"]) <= set(SIDES.values())
    assert holders_on(control, "2011-06-01").empty


def test_counts_add_up_to_the_towns_and_agree_with_holders_on(control) -> None:
    days = weekly_dates()
    counts = count_by_side(control, days)
    assert (counts.sum(axis=1) == control["place_id"].nunique()).all()
    assert counts["government"].iloc[0] == counts.sum(axis=1).iloc[0]
    for rule in ("earliest", "latest"):
        counts = count_by_side(control, days, rule=rule)
        for day in days[::5]:
            sides = holders_on(control, day, rule=rule)["side"].value_counts()
            expected = [int(sides.get(side, 0)) for side in counts.columns]
            assert counts.loc[pd.Timestamp(day)].tolist() == expected, (rule, day)


def test_contested_changes_are_the_ones_the_notes_call_alternative(control) -> None:
    contested = contested_changes(control)
    assert {"konna", "timbuktu", "kidal", "menaka", "gao"} <= set(contested["place_id"])
    konna = contested.set_index("place_id").loc["konna"]
    assert konna["dates"] == "11 Jan 2013 (refuted claim), 17 Jan 2013"


def test_a_refuted_claim_changes_no_holder_and_a_contested_one_is_shown(control) -> None:
    refuted = control[control["status"] == "refuted"]
    assert {"konna", "menaka"} <= set(refuted["place_id"])
    kept = resolve_changes(control)
    assert not kept.merge(refuted[["place_id", "date"]]).shape[0]
    trimmed = control.drop(refuted.index)
    days = weekly_dates()
    assert count_by_side(control, days).equals(count_by_side(trimmed, days))
    kidal = contested_changes(control).set_index("place_id").loc["kidal", "dates"]
    assert kidal == "28 Jan 2013 (claim)"


def test_contested_table_names_towns_and_holders_and_keeps_source_ids(control, places,
                                                                      actors) -> None:
    table = contested_table(control, places, actors)
    assert table.count("\n") == len(contested_changes(control)) + 1
    assert ("| Konna | French and Malian forces | 11 Jan 2013 (refuted claim), 17 Jan 2013 |"
            in table)
    assert "news-awani-20130115" in table  # exercise 2.6 asks for this report
    assert "| konna |" not in table and "france_mali" not in table


def test_weekly_dates(control) -> None:
    days = weekly_dates()
    assert days[0] == PERIOD[0] and days[-1] == PERIOD[1]
    assert all(0 < (b - a).days <= 7 for a, b in zip(days, days[1:], strict=False))
    with pytest.raises(ValueError, match="before start"):
        weekly_dates(start="2013-01-02", end="2013-01-01")


def test_exercise_keys_agree_with_the_data(control, places, actors) -> None:
    keys = load_exercises()
    assert holder_on(control, "gao", "2012-08-01") == keys["2.1"].answer
    for rule in ("earliest", "latest"):
        counts = count_by_side(control, ["2013-01-14"], rule=rule)
        assert counts.loc["2013-01-14", "jihadist"] == keys["2.3"].answer
    assert round(distance_between(places, "Bamako", "Diabaly")) == keys["2.4"].answer
    assert keys["2.6"].answer in contested_table(control, places, actors)


# --- the data behind the helpers ---------------------------------------------------

def test_every_town_in_control_is_in_places(control, places) -> None:
    assert set(control["place_id"]) <= set(places["place_id"])


def test_holders_come_from_a_fixed_vocabulary_of_actors(control, actors) -> None:
    assert set(control["holder"]) <= set(SIDES)
    assert set(SIDES) <= set(actors["actor_id"])


def test_every_town_starts_with_the_state_and_stays_in_the_period(control) -> None:
    first = control.sort_values("date").groupby("place_id").head(1)
    assert set(first["holder"]) == {"mali_state"}
    assert control["date"].min() == pd.Timestamp(PERIOD[0])
    assert control["date"].max() <= pd.Timestamp(PERIOD[1])


def test_every_change_has_a_known_source_and_single_sources_say_so(control, sources) -> None:
    known = set(sources["source_id"])
    for row in control.to_dict("records"):
        ids = row["source_ids"].split(";")
        assert ids and all(ids) and set(ids) <= known, row
        if len(ids) == 1:
            note = row["note"].lower()
            assert "single source" in note or "one report" in note, row


# --- charts of control -------------------------------------------------------------

def marker_colours(ax, places) -> dict[str, str]:
    """Town name -> marker colour, from a map drawn with one marker per town."""
    where = {(round(lon, 2), round(lat, 2)): name
             for name, lon, lat in zip(places["name"], places["lon"], places["lat"], strict=True)}
    return {where[round(x, 2), round(y, 2)]: line.get_color()
            for line in ax.lines for x, y in line.get_xydata()[:1]}


def test_map_colours_each_town_by_its_holder_on_the_date(control, places, sources) -> None:
    ax = control_map_chart(control, places, sources, when="2013-01-15").figure.axes[0]
    colours = marker_colours(ax, places)
    assert colours["Gao"] == SIDE_STYLES["jihadist"][0] == PALETTE["vermillion"]
    assert colours["Bamako"] == SIDE_STYLES["government"][0]
    assert colours["Konna"] == SIDE_STYLES["jihadist"][0]  # the 11 January claim was refuted
    assert ax.get_title() == "15 Jan 2013"


def test_map_changes_between_two_dates(control, places, sources) -> None:
    before = control_map_chart(control, places, sources, when="2012-01-01").figure.axes[0]
    after = control_map_chart(control, places, sources, when="2012-07-01").figure.axes[0]
    assert set(marker_colours(before, places).values()) == {SIDE_STYLES["government"][0]}
    assert set(marker_colours(after, places).values()) == {c for c, _ in SIDE_STYLES.values()}


def test_description_names_every_town_once(control, places) -> None:
    text = describe_control(control, places, "2012-09-05")
    for name in ("Bamako", "Gao", "Douentza", "Kidal"):
        assert text.count(name) == 1
    assert "Ansar Dine, AQIM and MUJAO held 6" in text
    empty = describe_control(control, places, "2011-01-01")
    assert empty == "No town has a record on 1 January 2011."


def cited_count(caption: str) -> int:
    found = re.search(r"Sources: (\d+) reports and references", caption)
    assert found, caption
    return int(found[1])


def test_map_caption_counts_the_sources_of_that_date(control, places, sources) -> None:
    chart = control_map_chart(control, places, sources, when="2012-04-10")
    cited = {s for cell in chart.table["source_ids"] for s in cell.split(";")}
    assert cited_count(chart.caption) == len(cited) > 0
    assert "Natural Earth" in chart.caption
    assert chart.alt_text.startswith("On 10 April 2012")
    assert chart.table.set_index("place_id").loc["kidal", "source_ids"] == \
        "news-moheet-20120330-kidal;news-alarabiya-20120330-kidal"


def test_small_multiples_and_step_chart_carry_sources_and_text(control, places,
                                                               sources) -> None:
    multiples = small_multiples_chart(control, places, sources)
    assert len(multiples.figure.axes) == len(KEY_DATES) == 6
    assert multiples.alt_text.count("On ") == 6
    assert cited_count(multiples.caption) > cited_count(
        control_map_chart(control, places, sources, when=KEY_DATES[0]).caption)
    step = sides_step_chart(control, sources)
    assert step.figure.axes[0].get_ylabel() == "Number of towns held"
    assert "peaked at 9 towns" in step.alt_text
    assert list(step.table.columns) == ["week of", *SIDE_LABELS.values()]  # names, not ids
    assert "Ansar Dine, AQIM and MUJAO" in step.table.columns
    assert cited_count(step.caption) == len({s for cell in control["source_ids"]
                                             for s in cell.split(";")})
    assert "Natural Earth" not in step.caption  # no map, no borders


def test_a_caption_source_missing_from_the_bibliography_is_named(control, places,
                                                                 sources) -> None:
    bibliography = sources[sources["source_id"] != "news-moheet-20120330-kidal"]
    with pytest.raises(ValueError, match="news-moheet-20120330-kidal"):
        control_map_chart(control, places, bibliography, when="2012-04-10")


def test_a_town_missing_from_places_is_named(control, places, events, sources) -> None:
    extra = pd.DataFrame({"place_id": ["atlantis"], "date": [pd.Timestamp("2012-01-01")],
                          "holder": ["mnla"], "source_ids": ["x"], "note": [""]})
    broken = pd.concat([control, extra])
    with pytest.raises(ValueError, match="atlantis"):
        control_map_chart(broken, places, sources, when="2012-02-01")
    with pytest.raises(ValueError, match="atlantis"):
        WeekMap(broken, places, events, sources)


# --- the weekly map slider ---------------------------------------------------------

def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA")).astype(int)


def fresh_png(control, places, when) -> bytes:
    """The week's map drawn the plain way: a new figure, everything drawn, cropped tight."""
    with house_style():
        figure = Figure(figsize=lesson.MAP_SIZE, dpi=MAP_DPI)
        ax = figure.add_subplot()
        day = read_date(when)
        lesson._draw_control(ax, lesson._towns(control, places), holders_on(control, day), day)
        ax.legend(handles=lesson._side_handles(), loc="upper left", fontsize=10,
                  framealpha=0.9)
        return tight_png(figure, dpi=MAP_DPI)


def contents(picture: np.ndarray) -> np.ndarray:
    """The picture without its white margin (the two renderers pad it differently)."""
    inked = (picture != picture[0, 0]).any(axis=2)
    rows, columns = np.flatnonzero(inked.any(axis=1)), np.flatnonzero(inked.any(axis=0))
    return picture[rows[0]:rows[-1] + 1, columns[0]:columns[-1] + 1]


def assert_same_picture(fast: bytes, fresh: bytes) -> None:
    """Pixel-equal but for rounding where a label is laid over a marker or the map."""
    a, b = contents(pixels(fast)), contents(pixels(fresh))
    assert a.shape == b.shape
    assert np.abs(a - b).max() <= 2


def test_render_gives_a_png_and_the_weeks_events_with_sources(control, places, events,
                                                              sources) -> None:
    png, text = render_week(control, places, events, sources, "2013-01-06")
    assert png.startswith(b"\x89PNG")
    assert "Islamists seize Konna" in text and "Reuters, 2013-01-11" in text
    assert "On 6 January 2013" in text
    _, quiet = render_week(control, places, events, sources, "2012-08-12")
    assert "none in the timeline" in quiet


@pytest.mark.parametrize("week", ["2012-01-01", "2012-06-25", "2013-01-13", "2011-12-01"])
def test_week_map_gives_the_same_picture_as_a_fresh_render(control, places, events, sources,
                                                           week) -> None:
    week_map = WeekMap(control, places, events, sources)
    week_map("2012-04-08")
    week_map("2013-02-24")
    assert_same_picture(week_map(week)[0], fresh_png(control, places, week))


def test_week_map_after_other_weeks_equals_a_new_one(control, places, events,
                                                     sources) -> None:
    week_map = WeekMap(control, places, events, sources)
    for week in ("2012-04-08", "2011-06-01", "2013-02-24"):
        week_map(week)
    assert week_map("2012-06-25") == render_week(control, places, events, sources,
                                                 "2012-06-25")


def test_week_map_recovers_after_a_failed_redraw(control, places, events, sources,
                                                 monkeypatch) -> None:
    week_map = WeekMap(control, places, events, sources)
    expected = render_week(control, places, events, sources, "2013-01-13")
    with pytest.raises(ValueError):
        week_map("not a date")
    calls = []

    def broken(pixels: np.ndarray) -> bytes:
        calls.append(1)
        raise RuntimeError("disk full")

    monkeypatch.setattr(lesson, "encode_png", broken)
    with pytest.raises(RuntimeError):
        week_map("2012-06-25")
    monkeypatch.undo()
    assert calls and week_map("2013-01-13") == expected
    assert week_map("2013-01-13") == expected


def test_moving_the_slider_redraws_map_and_list(control, places, events, sources) -> None:
    box = control_explorer(control, places, events, sources)
    play, slider = box.children[0].children
    image, panel = box.children[1].children
    assert slider.options[0][1] == weekly_dates()[0] and play.max == len(slider.options) - 1
    first_png, first_text = image.value, panel.value
    slider.value = slider.options[53][1]
    assert image.value != first_png and panel.value != first_text
    assert "6 January 2013" in panel.value and "Islamists seize Konna" in panel.value
    assert 'class="control-map"' in image.value
    assert 'alt="Map of who held each town in the week of 06 January 2013' in image.value


def test_start_date_picks_the_week_that_contains_it(control, places, events, sources) -> None:
    box = control_explorer(control, places, events, sources, start="2013-01-10")
    assert box.children[0].children[1].label == "6 Jan 2013"


# --- reported distances ------------------------------------------------------------

def test_every_report_is_longer_than_the_straight_line(claims, places) -> None:
    table = compare_distances(claims, places)
    assert len(table) >= 5 and (table["ratio"] > 1).all()
    diabaly = table[table["place_id"] == "diabaly"]
    assert {350, 400, 460, 515} <= set(diabaly["reported_km"].round())
    assert set(diabaly["straight_km"].round()) == {313}
    miles = table[table["unit"] == "miles"].iloc[0]
    assert miles["reported_km"] == pytest.approx(float(miles["value"]) * 1.609344)


def test_a_unit_that_is_neither_km_nor_miles_is_named(claims, places) -> None:
    key = claims["claim_key"].str.startswith("distance-bamako-")
    claims.loc[claims.index[key][0], "unit"] = "furlongs"
    with pytest.raises(ValueError, match="furlongs"):
        compare_distances(claims, places)


def test_distance_table_shows_names_and_citations(claims, places, sources) -> None:
    table = distance_table(claims, places, sources)
    assert table.count("\n") == len(compare_distances(claims, places)) + 1
    assert "| Diabaly | France 24," in table and "| 313 |" in table
    assert "diabaly" not in table


# --- the armed groups --------------------------------------------------------------

def test_every_group_has_every_aspect_cited_by_a_known_source(actors, claims,
                                                              sources) -> None:
    table = groups_table(actors, claims)
    assert table.count("\n") == len(GROUPS) + 1
    assert "not recorded" not in table
    rows = table.splitlines()[2:]
    for row in rows:
        cells = row.split(" | ")[2:]
        assert len(cells) == len(ASPECTS) and all("(`" in cell for cell in cells), row
    cited = set(re.findall(r"\(`([^`]+)`\)", table))
    assert cited and cited <= set(sources["source_id"])
    assert "Iyad Ag Ghaly" in table and "`ref-asu-20130122-mujao`" in table


def test_unknown_group_is_named(actors, claims) -> None:
    with pytest.raises(ValueError, match="atlantis"):
        groups_table(actors, claims, actor_ids=("mnla", "atlantis"))
    assert "| not recorded |" in groups_table(actors, claims.iloc[:0], actor_ids=("mnla",))


# --- the French edition ----------------------------------------------------------------

ENGLISH_FIXED = re.compile(r"\b(the|and|of|held|towns?|week|events|from|none|Timbuktu|"
                           r"January|February|Malian state|French and Malian forces)\b")


def french_tables() -> tuple[pd.DataFrame, ...]:
    from helpers.data import load_control, load_events, load_places, load_sources
    return load_control(), load_places(), load_events(), load_sources()


def test_the_slider_speaks_french(monkeypatch) -> None:
    monkeypatch.setenv("MALI_LANGUAGE", "fr")
    control, places, events, sources = french_tables()
    box = control_explorer(control, places, events, sources, start="2012-06-25")
    play, slider = box.children[0].children
    assert (slider.description, play.description) == ("Semaine du", "Lecture")
    assert slider.options[0][0] == "1er janv. 2012"
    slider.value = read_date("2013-01-13")
    image, panel = (child.value for child in box.children[1].children)
    assert "semaine du 13 janvier 2013" in image
    alt, heading = re.findall(r"<p[^>]*>(.*?)</p>", panel)[:2]  # the events are data
    assert alt.startswith("Le 13 janvier 2013, villes tenues par camp") and "Tombouctou" in alt
    assert heading == "<strong>Événements du 13 janv. 2013 au 19 janv. 2013 :</strong>"
    assert "<li>14 janv. 2013 : <strong>" in panel
    assert not ENGLISH_FIXED.findall(alt), ENGLISH_FIXED.findall(alt)


def test_the_charts_and_tables_speak_french(monkeypatch) -> None:
    monkeypatch.setenv("MALI_LANGUAGE", "fr")
    control, places, _, sources = french_tables()
    step = sides_step_chart(control, sources)
    ax = step.figure.axes[0]
    assert ax.get_ylabel() == "Nombre de villes tenues"
    assert ax.get_title() == "Villes tenues par chaque camp, de janvier 2012 à février 2013"
    assert [t.get_text() for t in ax.get_legend().get_texts()][:2] == [
        "État malien (avec les forces françaises à partir de janvier 2013)", "MNLA (séparatiste)"]
    assert step.table.columns[0] == "semaine du" and "Sources : " in step.caption
    assert not ENGLISH_FIXED.findall(step.alt_text), step.alt_text
    chart = control_map_chart(control, places, sources, when="2013-01-15")
    assert chart.alt_text.startswith("Le 15 janvier 2013, villes tenues par camp")
    assert "Forces françaises et maliennes" not in chart.alt_text  # sides, not actors
    assert not ENGLISH_FIXED.findall(chart.alt_text), chart.alt_text
    assert list(chart.table.columns) == ["lieu (id)", "détenteur (id)", "camp", "depuis",
                                         "sources (id)"]
    from helpers.data import load_actors
    contested = contested_table(control, places, load_actors())
    assert "| Konna | Forces françaises et maliennes | 11 janv. 2013 (affirmation démentie)" \
        in contested
    assert "| Ville | Prise par | Dates rapportées | Sources | Notes |" in contested
    from helpers.data import load_claims
    distances = distance_table(load_claims(), places, sources)
    assert '| Mopti | <span lang="en">PassBlue, 2013-01-11</span> | 636 km | 636 | 461 | 1,38 |' \
        in distances
