"""Lesson 01, helpers.the_coup: filtering events, the timeline chart, one event in full, the
explorer; and the rows of data/ the lesson relies on."""

from __future__ import annotations

import datetime
import html

import pandas as pd
import pytest

from helpers.charts import category_style
from helpers.citations import short_citation
from helpers.data import split_ids
from helpers.the_coup import (
    days_between,
    describe_event,
    explore_timeline,
    filter_events,
    timeline_chart,
    timeline_explorer,
)


def frame(*rows: tuple) -> pd.DataFrame:
    """Build a small events frame: (event_id, date, end_date, category, actors)."""
    records = [{"event_id": i, "date": pd.Timestamp(d), "category": c, "actors": a,
                "end_date": pd.Timestamp(e) if e else pd.NaT, "date_precision": "day",
                "title": i.upper()} for i, d, e, c, a in rows]
    return pd.DataFrame.from_records(records)


@pytest.fixture
def toy() -> pd.DataFrame:
    """Four events out of date order, one of them a six-year span."""
    return frame(
        ("b", "2012-03-22", None, "coup", "junta;mali_state"),
        ("a", "2012-01-17", None, "rebellion", "mnla;mali_state"),
        ("span", "1990-06-28", "1996-03-26", "background", "tuareg_rebels"),
        ("c", "2012-04-02", None, "diplomacy", "ecowas;junta"),
    )


# Choosing events: filter_events and days_between.

def test_no_filters_keeps_everything_in_date_order(toy) -> None:
    assert list(filter_events(toy)["event_id"]) == ["span", "a", "b", "c"]


def test_categories_and_actor_combine(toy) -> None:
    kept = filter_events(toy, categories=["coup", "diplomacy"], actor="junta")
    assert list(kept["event_id"]) == ["b", "c"]
    assert filter_events(toy, actor="ecowas")["event_id"].tolist() == ["c"]
    assert filter_events(toy, categories="coup")["event_id"].tolist() == ["b"]


def test_actor_matches_whole_ids_not_substrings(toy) -> None:
    assert filter_events(toy, actor="mali").empty
    assert len(filter_events(toy, actor="mali_state")) == 2


def test_date_range_is_inclusive_and_spans_overlap(toy) -> None:
    kept = filter_events(toy, start="2012-01-17", end="2012-03-22")
    assert list(kept["event_id"]) == ["a", "b"]
    assert list(filter_events(toy, start="1995-01-01", end="1995-12-31")["event_id"]) == ["span"]


def test_dates_are_read_by_the_core_reader_in_any_form(toy) -> None:
    by_text = filter_events(toy, start="17 January 2012", end="March 22, 2012")
    by_date = filter_events(toy, start=datetime.date(2012, 1, 17),
                            end=pd.Timestamp("2012-03-22"))
    assert list(by_text["event_id"]) == list(by_date["event_id"]) == ["a", "b"]
    assert list(filter_events(toy, start="", end=None)["event_id"]) == ["span", "a", "b", "c"]


def test_start_after_end_is_refused_with_both_dates(toy) -> None:
    with pytest.raises(ValueError, match="1 Apr 2012 is after the end date 1 Mar 2012"):
        filter_events(toy, start="2012-04-01", end="2012-03-01")


def test_unknown_category_names_the_choices(toy) -> None:
    with pytest.raises(ValueError, match="unknown category 'coups'; choose from background"):
        filter_events(toy, categories=["coups"])


@pytest.mark.parametrize("option", ["start", "end"])
def test_bad_date_says_which_option(toy, option: str) -> None:
    with pytest.raises(ValueError, match=f"^{option} should be a date like 2012-03-22, "
                                         "not 'soon'$"):
        filter_events(toy, **{option: "soon"})


def test_days_between_counts_forwards_and_backwards(toy) -> None:
    assert days_between(toy, "a", "b") == 65
    assert days_between(toy, "b", "a") == -65
    with pytest.raises(KeyError, match="no event with event_id 'z'"):
        days_between(toy, "a", "z")


def test_the_real_timeline_covers_the_coup_year(events) -> None:
    year = filter_events(events, start="2011-01-01", end="2012-12-31")
    assert len(year) >= 25
    assert {"rebellion", "coup", "politics", "diplomacy", "us_policy"} <= set(year["category"])


# The timeline chart.

def test_one_row_per_category_shown_in_schema_order(events, sources) -> None:
    chart = timeline_chart(events, sources, start="2012-03-01", end="2012-04-30",
                           categories=("diplomacy", "coup", "rebellion"))
    ax = chart.figure.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["rebellion", "coup", "diplomacy"]
    assert ax.get_xlabel() == "Date (month and year)"


def test_markers_use_the_house_colours(events, sources) -> None:
    chart = timeline_chart(events, sources, categories=("coup",))
    colours = {tuple(c) for coll in chart.figure.axes[0].collections for c in coll.get_facecolors()}
    expected = category_style("coup")[0].lstrip("#")
    assert colours == {tuple(int(expected[i:i + 2], 16) / 255 for i in (0, 2, 4)) + (1.0,)}


def test_labels_are_written_for_chosen_events(events, sources) -> None:
    chart = timeline_chart(events, sources, start="2012-01-01", end="2012-12-31",
                           labels=("ev-20120412-traore-sworn-in",))
    texts = [t.get_text() for t in chart.figure.axes[0].texts]
    assert texts == ["Dioncounda Traoré sworn in as interim president"]


def test_caption_alt_text_and_table_describe_the_same_events(events, sources) -> None:
    chart = timeline_chart(events, sources, start="2012-03-21", end="2012-03-27")
    shown = filter_events(events, start="2012-03-21", end="2012-03-27")
    assert len(chart.table) == len(shown) == int(chart.alt_text.split()[0]) > 0
    assert list(chart.table["event"]) == list(shown["title"])
    assert "ev-" not in " ".join(chart.table["event"])


def test_caption_cites_the_publishers_of_every_source_shown(events, sources) -> None:
    rows = events[events["event_id"] == "ev-20120412-traore-sworn-in"]
    chart = timeline_chart(rows, sources)
    assert "Sources: 2 documents from France 24; Reuters (cited" in chart.caption
    assert chart.table.iloc[0]["date"] == "12 Apr 2012"
    cited = split_ids(rows.iloc[0]["source_ids"])
    assert chart.table.iloc[0]["sources"] == "; ".join(short_citation(sources, s) for s in cited)


def test_an_empty_selection_explains_itself(events, sources) -> None:
    with pytest.raises(ValueError, match="No events match these filters. Widen the dates"):
        timeline_chart(events, sources, start="1970-01-01", end="1970-12-31")


def test_long_ranges_are_ticked_and_labelled_in_years(events, sources) -> None:
    ax = timeline_chart(events, sources, end="2011-12-31").figure.axes[0]
    assert ax.get_xlabel() == "Year"
    ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert ticks and all(t.isdigit() for t in ticks)


# One event in full: describe_event.

def test_description_cites_every_source_of_the_row(events, sources) -> None:
    page = describe_event(events, sources, "ev-20120408-toure-resigns")
    assert "<strong>8 Apr 2012</strong>" in page
    cited = ["news-voa-20120408-toure-resigns", "news-reuters-20120408-toure-resigns",
             "news-xinhua-20120409-toure-letter"]
    assert page.count("<li>") == len(cited)
    for source_id in cited:
        assert f"<li><code>{source_id}</code>: " in page
        title = sources.set_index("source_id").loc[source_id, "title"]
        assert f"<em>{html.escape(title)}</em>" in page


def test_a_span_shows_both_ends(events, sources) -> None:
    page = describe_event(events, sources, "ev-19630514-rebellion")
    assert "<strong>14 May 1963 – 15 Aug 1964</strong>" in page


def test_unknown_event_is_named(events, sources) -> None:
    with pytest.raises(KeyError, match="no event with event_id 'ev-nope'"):
        describe_event(events, sources, "ev-nope")


def test_html_shows_note_and_linked_sources(events, sources) -> None:
    page = describe_event(events, sources, "ev-20120125-aguelhok-second-date")
    assert "<strong>Note:</strong> Second row for a disputed day" in page
    assert page.count("<li>") == 2
    assert '<a href="https://en.wikipedia.org/wiki/Battle_of_Aguelhok_(2012)"' in page
    assert "<code>ev-20120125-aguelhok-second-date</code>" in page
    assert "<li><code>ref-wikipedia-aguelhok-2012</code>: " in page


def test_html_without_a_choice_invites_one(events, sources) -> None:
    assert "Pick an event" in describe_event(events, sources, None)
    assert "Pick an event" in describe_event(events, sources, "")


def test_markup_in_the_data_is_escaped_everywhere(events, sources) -> None:
    row = events["event_id"] == "ev-20120322-coup"
    cited = split_ids(events.loc[row, "source_ids"].iloc[0])[0]
    events.loc[row, ["title", "summary", "note"]] = ["<b>T</b>", "S & <i>s</i>", "N <script>"]
    events.loc[row, "source_ids"] = cited
    source = sources["source_id"] == cited
    sources.loc[source, ["author", "title", "publisher", "url"]] = [
        "A <u>", "*Not* <em>", "P & Q", 'https://x.org/?a=1&b="2"']
    page = describe_event(events, sources, "ev-20120322-coup")
    for raw in ("<b>", "<i>", "<script>", "<u>", '"2"'):
        assert raw not in page
    for escaped in ("<h4>&lt;b&gt;T&lt;/b&gt;</h4>", "S &amp; &lt;i&gt;s&lt;/i&gt;",
                    "N &lt;script&gt;", "A &lt;u&gt;", "<em>*Not* &lt;em&gt;</em>",
                    "P &amp; Q.", 'href="https://x.org/?a=1&amp;b=&quot;2&quot;"'):
        assert escaped in page


def test_a_citation_without_author_names_the_publisher(events, sources) -> None:
    row = events["event_id"] == "ev-20120322-coup"
    cited = split_ids(events.loc[row, "source_ids"].iloc[0])[0]
    sources.loc[sources["source_id"] == cited, ["author", "publisher", "url"]] = ["", "Pub", ""]
    page = describe_event(events, sources, "ev-20120322-coup")
    assert f"<li><code>{cited}</code>: Pub (" in page
    assert page.count("<a href") == len(split_ids(events.loc[row, "source_ids"].iloc[0])) - 1


# The timeline explorer: explore_timeline and its widget.

def test_explore_filters_and_keeps_a_still_listed_selection(events, sources) -> None:
    view = explore_timeline(events, sources, categories=("diplomacy",), actor="ecowas",
                            start="2012-03-22", end="2012-04-12",
                            selected="ev-20120406-framework")
    ids = [value for _, value in view["options"]]
    assert ids[0] == "ev-20120327-ecowas-summit" and "ev-20120406-framework" in ids
    assert view["selected"] == "ev-20120406-framework"
    assert view["detail"] == describe_event(events, sources, "ev-20120406-framework")
    assert view["summary"].startswith(f"{len(ids)} events from 27 Mar 2012")


def test_explore_labels_events_by_date_and_title_in_date_order(toy) -> None:
    view = explore_timeline(toy, pd.DataFrame())
    assert [value for _, value in view["options"]] == ["span", "a", "b", "c"]
    assert view["options"][1] == ("17 Jan 2012 · A", "a")


def test_summary_counts_categories_and_gives_the_range(toy) -> None:
    text = explore_timeline(toy, pd.DataFrame(), start="2012-01-01")["summary"]
    assert text.startswith("3 events from 17 Jan 2012 to 2 Apr 2012: ")
    assert sorted(text.rstrip(".").split(": ")[1].split(", ")) == [
        "1 coup", "1 diplomacy", "1 rebellion"]
    one = explore_timeline(toy, pd.DataFrame(), categories=("coup",))["summary"]
    assert one == "1 event from 22 Mar 2012 to 22 Mar 2012: 1 coup."
    none = explore_timeline(toy, pd.DataFrame(), start="2020-01-01")
    assert none["summary"] == "No events match these filters." and none["options"] == []


def test_explore_drops_a_selection_the_filters_hide(events, sources) -> None:
    view = explore_timeline(events, sources, categories=("coup",),
                            selected="ev-20120406-framework")
    assert view["selected"] is None and "Pick an event" in view["detail"]


def test_explore_turns_bad_filters_into_a_message(events, sources) -> None:
    view = explore_timeline(events, sources, start="2012-05-01", end="2012-04-01")
    assert view["options"] == [] and view["selected"] is None
    assert view["summary"] == ("Check the filters: the start date 1 May 2012 is after the end "
                               "date 1 Apr 2012.")
    bad = explore_timeline(events, sources, end="next week")
    assert bad["summary"] == "Check the filters: end should be a date like 2012-03-22, not " \
                             "'next week'."


def test_widget_lists_only_actors_in_the_events(events, actors, sources) -> None:
    filters = timeline_explorer(events, actors, sources).children[0]
    choices = filters.children[1].children[0].options
    assert choices[0] == ("Any actor", "")
    assert ("Red Berets", "red_berets") in choices
    used = {a for cell in events["actors"] for a in split_ids(cell)}
    assert {value for _, value in choices[1:]} == used


def test_widget_follows_its_controls(events, actors, sources) -> None:
    filters, summary, listing, detail = timeline_explorer(events, actors, sources).children
    categories, (actor, start, _end) = filters.children[0], filters.children[1].children
    assert len(listing.options) == len(events) and "Pick an event" in detail.value
    categories.value = ("coup",)
    actor.value = "red_berets"
    assert [v for _, v in listing.options] == ["ev-20120430-countercoup"]
    listing.value = "ev-20120430-countercoup"
    assert "Red Berets" in detail.value and "Sources" in detail.value
    start.value = datetime.date(2012, 5, 2)
    assert listing.options == () and "No events" in summary.value
    assert listing.value is None and "Pick an event" in detail.value


# Lesson 01's rows in data/: the events its notebook and exercises rely on, cited twice.

# Checked against only one source so far; each row says so in its note.
SINGLE_SOURCE = ["ev-20111201-ansar-dine"]
# Rows the notebook's prose, pinned numbers and exercise keys name.
REQUIRED = [
    "ev-19600922-independence", "ev-19630514-rebellion", "ev-19900628-rebellion",
    "ev-20060523-kidal", "ev-20070201-rebellion", "ev-20111015-libya-return",
    "ev-20111001-mnla", "ev-20120117-menaka", "ev-20120124-aguelhok",
    "ev-20120125-aguelhok-second-date", "ev-20120311-tessalit", "ev-20120321-kati-mutiny",
    "ev-20120322-coup", "ev-20120322-unsc", "ev-20120323-au-suspends", "ev-20120326-us-aid",
    "ev-20120327-ecowas-summit", "ev-20120402-ecowas-sanctions", "ev-20120406-framework",
    "ev-20120408-toure-resigns", "ev-20120412-traore-sworn-in", "ev-20120417-diarra-pm",
    "ev-20120429-election-due", "ev-20120330-kidal", "ev-20120331-gao", "ev-20120401-timbuktu",
    "ev-20120430-countercoup", "ev-20120521-traore-attacked", "ev-20121211-diarra-resigns",
]


@pytest.mark.parametrize("event_id", REQUIRED + SINGLE_SOURCE)
def test_required_event_is_present(events, event_id: str) -> None:
    assert event_id in set(events["event_id"])


def test_event_ids_carry_their_date(events) -> None:
    for event_id, date in zip(events["event_id"], events["date"], strict=True):
        assert event_id.startswith(f"ev-{date:%Y%m%d}-"), event_id


def test_spans_end_after_they_start(events) -> None:
    spans = events[events["end_date"].notna()]
    assert not spans.empty
    assert (spans["end_date"] > spans["date"]).all()


def test_lesson_events_have_two_independent_sources_or_say_why_not(events, sources) -> None:
    publishers = sources.set_index("source_id")["publisher"]
    rows = events.set_index("event_id").loc[REQUIRED + SINGLE_SOURCE]
    for event_id, row in rows.iterrows():
        cited = split_ids(row["source_ids"])
        if event_id in SINGLE_SOURCE:
            assert "single-source" in row["note"].lower(), event_id
            continue
        assert len(cited) >= 2, event_id
        assert len({publishers[s] for s in cited}) >= 2, event_id


def test_disputed_days_are_explained(events) -> None:
    notes = events.set_index("event_id")["note"]
    for event_id in ("ev-20120125-aguelhok-second-date", "ev-20120118-aguelhok-attack",
                     "ev-19600620-federation", "ev-20120520-transition-deal"):
        assert notes[event_id].strip(), event_id


def test_in_french_the_chart_and_explorer_speak_french(events, sources, actors,
                                                       monkeypatch) -> None:
    monkeypatch.setenv("MALI_LANGUAGE", "fr")
    chart = timeline_chart(events, sources, start="2012-01-01", end="2012-12-31")
    assert chart.alt_text.startswith("43 événements du 1er janv. 2012 au 20 déc. 2012 : ")
    assert "coup d'État (4)" in chart.alt_text and "politique américaine (2)" in chart.alt_text
    for english in (" events ", " from ", " to ", "us_policy", "diplomacy"):
        assert english not in chart.alt_text
    ax = chart.figure.axes[0]
    assert ax.get_xlabel() == "Date (mois et année)"
    assert ax.get_title() == "Événements par catégorie"
    assert "ONU" in [tick.get_text() for tick in ax.get_yticklabels()]
    assert ax.xaxis.get_major_formatter()(15340.0) == "janv.\n2012"
    assert chart.caption.startswith("Chaque marqueur est un événement")
    assert "Sources : " in chart.caption
    assert list(chart.table.columns) == ["date", "catégorie", "événement", "sources"]
    box = timeline_explorer(events, actors, sources)
    (categories, choices), summary, listing, _ = box.children[0].children, *box.children[1:]
    assert categories.description == "Catégories"
    assert ("diplomatie", "diplomacy") in categories.options
    assert choices.children[0].options[0] == ("Tous les acteurs", "")
    assert [c.description for c in choices.children[1:]] == ["Du", "Au"]
    assert listing.description == "Événements" and " événements du " in summary.value
    bad = explore_timeline(events, sources, start="2012-05-01", end="2012-04-01")
    assert bad["summary"] == ("Vérifiez les filtres : la date de début, 1er mai 2012, est "
                              "postérieure à la date de fin, 1er avr. 2012.")
    assert "Choisissez un événement" in bad["detail"]
    noted = events.loc[events["note"].astype(bool), "event_id"].iloc[0]
    detail = describe_event(events, sources, noted)
    assert "<strong>Remarque :</strong>" in detail and "<p>Sources :</p>" in detail
