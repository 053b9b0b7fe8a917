"""Lesson 03, the intervention (helpers/intervention.py): selecting force figures, the charts,
the campaign map, corroboration, and the force explorer with its fast SVG chart."""

from __future__ import annotations

import base64
import html
import re

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers.citations import caption_name, short_citation
from helpers.intervention import (
    _MONTHS,
    FORCE_NAMES,
    SelectionError,
    _campaign_events,
    _categories_of,
    _contributors_of,
    _date_axis,
    _describe_band,
    _month_window,
    _selection_svg,
    african_forces_chart,
    aircraft_chart,
    all_forces_chart,
    band_by_date,
    campaign_map_chart,
    corroborate,
    explore_figures,
    figures_table,
    force_explorer,
    french_troops_chart,
    growth_ratio,
    select_figures,
    selection_chart,
)
from helpers.maps import map_texts

KINDS = ("authorized", "pledged", "planned", "announced", "deployed", "peak")


# Selecting force figures and summarising them without averaging --------------------------

def test_filters_combine_and_keep_every_report(deployments) -> None:
    rows = select_figures(deployments, forces="serval", categories="troops",
                          figure_kinds="deployed", scopes="in_mali",
                          start="2013-01-15", end="2013-01-15")
    assert sorted(rows["value"]) == [750.0, 800.0, 800.0]
    assert set(rows["source_id"]) == {"news-pri-20130115", "news-ap-20130115",
                                      "news-defensenews-20130115"}


def test_dates_are_read_by_the_core_reader(deployments) -> None:
    iso = select_figures(deployments, forces="serval", start="2013-01-15", end="2013-01-15")
    words = select_figures(deployments, forces="serval", start="15 January 2013",
                           end="Jan 15, 2013")
    assert not iso.empty and iso.equals(words)


def test_none_means_any_and_an_empty_list_means_nothing(deployments) -> None:
    assert len(select_figures(deployments)) == len(deployments)
    assert select_figures(deployments, forces=[]).empty


def test_scope_blank_can_be_selected(deployments) -> None:
    rows = select_figures(deployments, scopes="")
    assert not rows.empty and set(rows["scope"]) == {""}


def test_results_are_sorted_by_date(deployments) -> None:
    rows = select_figures(deployments, forces="afisma")
    assert len(rows) > 1 and rows["date"].is_monotonic_increasing


@pytest.mark.parametrize("options, fragment", [
    ({"forces": "french"}, "forces: 'french' is not known; choose from serval"),
    ({"figure_kinds": ["arrived"]}, "figure_kinds: 'arrived' is not known"),
    ({"start": "soon"}, "start: could not read 'soon' as a date"),
    ({"start": "2013-03-01", "end": "2013-01-01"}, "is after end"),
])
def test_bad_options_get_a_clear_message(deployments, options: dict, fragment: str) -> None:
    with pytest.raises(SelectionError, match=fragment):
        select_figures(deployments, **options)


def test_band_covers_every_reported_point(deployments) -> None:
    rows = select_figures(deployments, forces="serval", categories="troops",
                          figure_kinds="deployed", scopes="in_mali")
    band = band_by_date(rows).set_index("date")
    assert not rows.empty
    for _, row in rows.iterrows():
        assert band.loc[row["date"], "low"] <= row["value"] <= band.loc[row["date"], "high"]
    assert band["reports"].sum() == len(rows)


def test_band_reports_values_never_averages() -> None:
    rows = pd.DataFrame({"date": pd.to_datetime(["2013-01-24"] * 2),
                         "value": [2400.0, 3700.0], "source_id": ["a", "b"]})
    band = band_by_date(rows)
    assert band[["low", "high", "reports"]].iloc[0].tolist() == [2400.0, 3700.0, 2]


def test_empty_band_and_its_sentence() -> None:
    band = band_by_date(pd.DataFrame({"date": pd.to_datetime([]), "value": []}))
    assert band.empty and list(band.columns) == ["date", "low", "high", "reports"]
    assert _describe_band(band, what="X") == "X: no figures match this selection."


def test_sentence_says_when_sources_agree() -> None:
    band = pd.DataFrame({"date": pd.to_datetime(["2013-04-25"]), "low": [11200.0],
                         "high": [11200.0], "reports": [3]})
    assert _describe_band(band, what="MINUSMA ceiling").endswith("the sources agree.")


def test_growth_ratio() -> None:
    assert growth_ratio(750, 4000) == pytest.approx(5.333, abs=0.001)
    with pytest.raises(ValueError, match="above zero"):
        growth_ratio(0, 10)


def test_figures_table_is_markdown_naming_the_source_of_every_row(deployments,
                                                                  sources) -> None:
    rows = select_figures(deployments, forces="minusma")
    table = figures_table(rows, sources)
    lines = table.splitlines()
    assert hasattr(table, "_repr_markdown_") and len(lines) == len(rows) + 2
    assert all(re.search(r"\| [^|]+ \(\S+\) \|$", line) for line in lines[2:])
    assert "| 11,200 |" in table and "UN (MINUSMA)" in table


# Charts of force sizes -----------------------------------------------------------------------

@pytest.mark.parametrize("make, series, ylabel", [
    (french_troops_chart, 4, "Troops (people)"),
    (all_forces_chart, 5, "Troops (people)"),
    (aircraft_chart, 5, "Aircraft (number)"),
])
def test_series_and_labelled_axes(deployments, sources, make, series: int, ylabel: str) -> None:
    ax = make(deployments, sources).figure.axes[0]
    assert len(ax.collections) == series
    assert ax.get_ylabel() == ylabel and ax.get_xlabel() == "Date the figure refers to"
    assert ax.get_title()


def test_african_chart_separates_kinds_of_figure(deployments, sources) -> None:
    ax = african_forces_chart(deployments, sources).figure.axes[0]
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    for kind in ("authorised", "planned", "pledged", "deployed"):
        assert any(kind in label for label in labels), labels


@pytest.mark.parametrize("make", [french_troops_chart, african_forces_chart, aircraft_chart,
                                  all_forces_chart])
def test_caption_names_a_few_sources_and_points_to_the_full_list(deployments, sources,
                                                                  make) -> None:
    chart = make(deployments, sources)
    plotted = set(chart.table["source"])  # short citations, as the description writes them
    assert plotted, "the chart plots nothing"
    ids = [sid for sid in sources["source_id"] if short_citation(sources, sid) in plotted]
    named = {caption_name(sources, sid) for sid in ids}  # a wire story named by its agency
    shown = [name for name in named if name in chart.caption]
    more = re.search(r"and (\d+) more, listed under Full list of sources", chart.caption)
    assert shown, "the caption names none of the plotted sources"
    assert (len(shown) == len(named) and not more) or (len(shown) <= 3 and more)
    assert chart.alt_text and "Text description" in chart._repr_html_()


@pytest.mark.parametrize("make", [french_troops_chart, african_forces_chart, aircraft_chart,
                                  all_forces_chart])
def test_legends_sit_outside_the_plotting_area(deployments, sources, make) -> None:
    figure = make(deployments, sources).figure
    figure.canvas.draw()
    ax = figure.axes[0]
    legend = ax.get_legend().get_window_extent()
    assert legend.x0 >= ax.get_window_extent().x1


def test_french_band_spans_the_reported_points(deployments, sources) -> None:
    ax = french_troops_chart(deployments, sources, start="2013-01-15",
                             end="2013-01-15").figure.axes[0]
    band = ax.collections[0].get_paths()[0].vertices[:, 1]
    assert band.min() == 750 and band.max() == 800


def test_aircraft_adds_bases_within_one_report(deployments, sources) -> None:
    chart = aircraft_chart(deployments, sources)
    assert "14 (15 Feb 2013)" in chart.alt_text  # 9 in N'Djamena + 5 in Bamako


def test_window_limits_the_rows(deployments, sources) -> None:
    chart = french_troops_chart(deployments, sources, start="2014-01-01", end="2014-12-31")
    assert not chart.table.empty
    assert chart.table["date"].min() >= pd.Timestamp("2014-01-01")


def test_a_single_date_gets_a_month_wide_axis_not_years() -> None:
    fig, ax = plt.subplots()
    ax.scatter(pd.to_datetime(["2013-02-22", "2013-02-22"]), [100, 110])
    _date_axis(ax)
    low, high = ax.get_xlim()
    assert 20 < high - low < 40
    plt.close(fig)


# The campaign map ----------------------------------------------------------------------------

def test_only_placed_intervention_events_in_the_window(events) -> None:
    rows = _campaign_events(events, start="2013-01-10", end="2013-03-31")
    assert not rows.empty
    assert set(rows["category"]) == {"intervention"} and (rows["place_id"] != "").all()
    assert rows["date"].is_monotonic_increasing
    assert rows["date"].min() >= pd.Timestamp("2013-01-10")


def test_labels_carry_the_dates_and_text_lists_every_event(events, places, sources) -> None:
    chart = campaign_map_chart(events, places, sources)
    labels = [text.get_text() for text in map_texts(chart.figure.axes[0])]
    assert "Konna\n11 Jan–15 Jan" in labels and "Bamako" in labels
    assert "Gao\n26 Jan" in labels
    for title in _campaign_events(events)["title"]:
        assert title in chart.alt_text
    ax = chart.figure.axes[0]
    assert not len(ax.get_xticks()) and not ax.get_xlabel()  # a scale bar, not degrees
    assert chart.figure.axes[0].get_title().endswith("January 2013 to March 2013")
    assert "Natural Earth" in chart.caption


def test_an_empty_window_is_explained(events, places, sources) -> None:
    with pytest.raises(ValueError, match="no intervention events with a place between 1990"):
        campaign_map_chart(events, places, sources, start="1990-01-01", end="1990-12-31")


# Corroborating a source ------------------------------------------------------------------------

def test_every_seed_figure_gets_a_row_and_counts_add_up(deployments, sources) -> None:
    table = corroborate(deployments, "seed-france24-2013", sources, days=7)
    assert len(table) == (deployments["source_id"] == "seed-france24-2013").sum() > 0
    aircraft = table.set_index("What").loc["French (Serval): combat aircraft, deployed, engaged"]
    assert aircraft["This source"] == "12" and aircraft["Others agree"] == 2
    assert aircraft["Others differ"] == 0


def test_only_the_same_kind_and_scope_count_as_the_same_thing(deployments, sources) -> None:
    table = corroborate(deployments, "seed-france24-2013", sources)
    authorised = table.set_index("What").loc["African (AFISMA): troops, authorized, in_mali"]
    assert authorised["Others within a few days"] == "none"  # others call 3,300 a plan


def test_unknown_source_is_named_in_the_message(deployments, sources) -> None:
    with pytest.raises(ValueError, match="no figures from source 'seed-nobody'"):
        corroborate(deployments, "seed-nobody", sources)


# What the force explorer shows, computed without a browser -----------------------------------

def _svg_points(svg: str) -> list[tuple[str, str, float]]:
    found = re.findall(r'class="point" data-kind="(\w+)" data-date="([\d-]+)" '
                       r'data-value="([\d.e+]+)"', svg)
    return sorted((kind, day, float(value)) for kind, day, value in found)


def _chart_points(chart) -> list[tuple[str, str, float]]:
    """The (kind, date, value) of every marker in a matplotlib selection chart."""
    ax = chart.figure.axes[0]
    names = {"authorised": "authorized", "deployed (arrived)": "deployed"}
    points = []
    for collection in ax.collections:
        label = collection.get_label()
        if label.startswith("range") or label.startswith("_"):
            continue
        kind = label.rsplit(" (", 1)[0]
        for x, y in collection.get_offsets():
            points.append((names.get(kind, kind), f"{mdates.num2date(x):%Y-%m-%d}", float(y)))
    return sorted(points)


@pytest.mark.parametrize("selection", [
    {"force": "serval", "category": "troops", "figure_kinds": KINDS},
    {"force": "afisma", "category": "troops", "figure_kinds": KINDS, "start": "2013-01-01",
     "end": "2013-02-28"},
    {"force": "minusma", "category": "police", "figure_kinds": ("authorized", "deployed")},
    {"force": "serval", "category": "helicopters", "figure_kinds": KINDS},
])
def test_fast_svg_chart_shows_the_same_data_as_a_fresh_chart(deployments, sources,
                                                              selection) -> None:
    view = explore_figures(deployments, sources, **selection)
    rows = select_figures(deployments, forces=selection["force"],
                          categories=selection["category"],
                          figure_kinds=selection["figure_kinds"],
                          start=selection.get("start"), end=selection.get("end"))
    title = f"{FORCE_NAMES[selection['force']]}: {selection['category'].replace('_', ' ')}"
    fresh = selection_chart(rows, sources, title=title)
    assert _svg_points(view.svg) == _chart_points(fresh) and len(rows) > 0
    legend = [t.get_text() for t in fresh.figure.axes[0].get_legend().get_texts()]
    for label in legend:
        assert f">{label}</text>" in view.svg
    assert ('class="band"' in view.svg) == any(label.startswith("range") for label in legend)
    assert view.summary == fresh.alt_text and f">{html.escape(title)}</text>" in view.svg


def test_svg_band_spans_the_deployed_figures(deployments) -> None:
    rows = select_figures(deployments, forces="serval", categories="troops",
                          start="2013-01-10", end="2013-01-25")
    svg = _selection_svg(rows, title="t")
    band = re.search(r'class="band" points="([^"]+)"', svg).group(1)
    ys = [float(point.split(",")[1]) for point in band.split()]
    deployed = re.findall(r'data-kind="deployed" [^>]*translate\([\d.]+,([\d.]+)\)', svg)
    assert min(ys) == pytest.approx(min(map(float, deployed)), abs=0.11)
    assert max(ys) == pytest.approx(max(map(float, deployed)), abs=0.11)


def test_svg_escapes_text_from_the_data(deployments) -> None:
    rows = select_figures(deployments, forces="serval", categories="troops")
    svg = _selection_svg(rows, title="<script>alert(1)</script> & co")
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "&amp; co" in svg


def test_a_selection_gives_chart_table_and_sentence(deployments, sources) -> None:
    view = explore_figures(deployments, sources, force="serval", category="troops",
                           figure_kinds=("deployed",), start="2013-01-01", end="2013-01-31")
    assert view.svg is not None and len(view.table) == len(_svg_points(view.svg)) > 0
    assert "<table" in view.table_html() and "Defense News" in view.table_html()
    image = view.chart_html()
    data = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', image).group(1)
    assert base64.b64decode(data).decode("utf-8") == view.svg
    assert f'alt="{view.summary}"' in image and view.summary


def test_changing_the_force_changes_what_is_shown(deployments, sources) -> None:
    french = explore_figures(deployments, sources, force="serval", category="troops",
                             figure_kinds=KINDS)
    african = explore_figures(deployments, sources, force="afisma", category="troops",
                              figure_kinds=KINDS, contributor="Nigeria")
    assert set(african.table["Contributor"]) == {"Nigeria"}
    assert french.table_html() != african.table_html()
    assert french.svg != african.svg


@pytest.mark.parametrize("options, message", [
    ({"figure_kinds": ()}, "choose at least one kind"),
    ({"category": ""}, "choose a category"),
    ({"category": "police", "figure_kinds": ("pledged",)}, "no police figures"),
    ({"start": "2015-01-01", "end": "2015-12-31"}, "in this window"),
])
def test_empty_selection_shows_a_message_not_an_exception(deployments, sources, options,
                                                          message) -> None:
    chosen = {"force": "minusma", "category": "troops", "figure_kinds": KINDS, **options}
    view = explore_figures(deployments, sources, **chosen)
    assert view.svg is None and view.table.empty and message in view.summary
    assert "<table" not in view.table_html() and view.chart_html() == ""


def test_selection_chart_refuses_an_empty_table(deployments, sources) -> None:
    with pytest.raises(SelectionError, match="selection is empty"):
        selection_chart(deployments.iloc[0:0], sources, title="nothing")


def test_choices_offered_for_a_force(deployments) -> None:
    assert "ECOWAS" in _contributors_of(deployments, "afisma")
    assert _categories_of(deployments, "serval")[0] == "troops"
    assert "helicopters" in _categories_of(deployments, "serval")


# The force explorer widget only forwards its controls to explore_figures -------------------

def _parts(box):
    (force, contributor, category), (kinds, window) = (box.children[0].children,
                                                       box.children[1].children)
    return force, contributor, category, kinds, window, box.children[2], box.children[3]


def test_starts_on_french_troops_with_a_chart_and_table(deployments, sources) -> None:
    force, _, category, _, window, chart, table = _parts(force_explorer(deployments, sources))
    assert (force.value, category.value) == ("serval", "troops")
    assert window.value == (_MONTHS[0], _MONTHS[-1])
    assert 'src="data:image/svg+xml;base64,' in chart.value and "<table" in table.value
    assert 'alt="' in chart.value and 'alt=""' not in chart.value


def test_changing_force_resets_contributor_and_category(deployments, sources) -> None:
    force, contributor, category, _, _, chart, table = _parts(
        force_explorer(deployments, sources))
    before, picture = table.value, chart.value
    force.value = "us"
    values = [o[1] if isinstance(o, tuple) else o for o in category.options]
    assert contributor.value == "" and category.value == values[0] and "sorties" in values
    assert table.value != before and "United States" in table.value
    assert chart.value != picture


def test_empty_kinds_hide_the_chart_and_explain(deployments, sources) -> None:
    _, _, _, kinds, _, chart, table = _parts(force_explorer(deployments, sources))
    kinds.value = ()
    assert chart.value == "" and chart.layout.display == "none"
    assert "choose at least one kind" in table.value


def test_month_window() -> None:
    assert _month_window("2012-11", "2014-08") == ("2012-11-01", "2014-08-31")


# The French edition -----------------------------------------------------------------------

def test_in_french_charts_and_explorer_speak_french(deployments, sources, monkeypatch) -> None:
    monkeypatch.setenv("MALI_LANGUAGE", "fr")
    chart = french_troops_chart(deployments, sources, start="2013-01-10", end="2013-02-28")
    ax = chart.figure.axes[0]
    assert ax.get_ylabel() == "Troupes (personnes)"
    assert ax.get_xlabel() == "Date à laquelle se rapporte le chiffre"
    assert "15 janv. 2013" in chart.alt_text and "Jan" not in chart.alt_text
    for english in (" reports ", " from ", " the ", " on ", " agree", " disagree"):
        assert english not in chart.alt_text, english
    chart.figure.canvas.draw()
    ticks = " ".join(label.get_text() for label in ax.get_xticklabels())
    assert "févr." in ticks and "Feb" not in ticks
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert any(label.startswith("au Mali (") and "chiffres)" in label for label in legend)
    box = force_explorer(deployments, sources)
    box.children[0].children[0].value = "afisma"
    force, contributor = box.children[0].children[0], box.children[0].children[1]
    assert ("Force africaine (MISMA)", "afisma") in force.options
    assert force.description == "Force\u00a0:"
    assert ("CEDEAO", "ECOWAS") in contributor.options and contributor.options[0][0] == "Tous"
    table = box.children[3].value
    assert ">Chiffre</th>" in table and "MISMA" in table and ">promis</td>" in table


def test_in_french_numbers_and_messages_follow_french_conventions(deployments, sources,
                                                                  monkeypatch) -> None:
    monkeypatch.setenv("MALI_LANGUAGE", "fr")
    view = explore_figures(deployments, sources, force="minusma", category="troops",
                           figure_kinds=("authorized",))
    assert view.table["Chiffre"].iloc[0] == "11\u202f200"
    assert "\u00a0: chiffres rapportés" in view.summary or "aucun chiffre" in view.summary
    empty = explore_figures(deployments, sources, force="us", category="troops", figure_kinds=())
    assert empty.summary.startswith("Rien à afficher")
    with pytest.raises(SelectionError, match="est inconnu"):
        select_figures(deployments, forces="french")
    table = corroborate(deployments, "seed-france24-2013", sources)
    assert "France (Serval)\u00a0: troupes, déployé, au Mali" in set(table["Quoi"])


def test_in_french_the_lesson_s_answers_take_french_forms(monkeypatch) -> None:
    from helpers import check

    monkeypatch.setenv("MALI_LANGUAGE", "fr")
    assert check("3.1", "5,3") and check("3.4", "prévu") and check("3.3", "b")
    wrong = check("3.2", 950)
    assert not wrong and wrong.message.startswith("1 700 compte toute la force engagée")
