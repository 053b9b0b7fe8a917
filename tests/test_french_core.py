"""The shared core in French: maps, charts, citations and data messages (MALI_LANGUAGE=fr).

The English side of each is pinned by the modules' own tests; these read the French.
"""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.figure import Figure

from helpers.data import load_events, load_places, load_sources
from helpers.maps import (
    RIVER_LABEL,
    base_layer,
    describe_place,
    direction_name,
    draw_basemap,
    draw_scale_bar,
    map_texts,
    place_distances,
    place_explorer,
    places_map_chart,
    places_table,
    show_base_layer,
)
from helpers.tables import code_name, display_numbers

NARROW = "\u202f"


@pytest.fixture
def french(monkeypatch):
    monkeypatch.setenv("MALI_LANGUAGE", "fr")


@pytest.fixture
def tables(french):
    return load_places(), load_events(), load_sources()


# helpers.maps


def test_the_base_map_names_countries_and_axes_in_french(french) -> None:
    ax = draw_basemap(Figure().add_subplot())
    names = {text.get_text() for text in ax.texts}
    assert {"Algérie", "Mauritanie", "Sénégal", "Guinée"} <= names and "Algeria" not in names


def test_the_cached_base_layer_is_drawn_once_per_language(monkeypatch) -> None:
    monkeypatch.setenv("MALI_LANGUAGE", "en")
    english = show_base_layer(Figure(figsize=(4, 3)).add_subplot())[0].layer
    monkeypatch.setenv("MALI_LANGUAGE", "fr")
    ax = Figure(figsize=(4, 3)).add_subplot()
    french_layer = show_base_layer(ax)[0].layer
    assert french_layer is not english
    assert french_layer.figure.axes[0].lines[0].get_label() == "Niger (tracé approché)"
    assert english.figure.axes[0].lines[0].get_label() == RIVER_LABEL
    assert "Niger\n(tracé approché)" in [t.get_text() for t in map_texts(ax)]
    assert base_layer((-12.6, 4.6, 10.2, 25.2), (300, 260), 100, language="fr") is \
        base_layer((-12.6, 4.6, 10.2, 25.2), (300, 260), 100, language="fr")


def test_the_scale_bar_writes_thousands_the_french_way(french) -> None:
    bar = draw_scale_bar(Figure().add_subplot(), extent=(-60.0, 60.0, -5.0, 5.0))
    assert bar.txt_label.get_text() == f"1{NARROW}000 km"
    english = draw_scale_bar(Figure().add_subplot(), extent=(-60.0, 60.0, -5.0, 5.0),
                             language="en")
    assert english.txt_label.get_text() == "1000 km"


def test_directions_are_french_words_in_french_sentences(french, tables) -> None:
    assert direction_name("north-east") == "nord-est" and direction_name("") == ""
    text = describe_place(*tables, "konna")
    assert "513 km de Bamako" in text and "nord-est" in text and "north" not in text
    assert "(14,95° N, 3,89° O)" in text and "10 janv. 2013 : " in text
    assert "capitale du Mali" in describe_place(*tables, "bamako")


def test_place_distances_keeps_its_english_columns_for_the_code(french, tables) -> None:
    table = place_distances(tables[0])
    assert "km from Bamako" in table.columns and table.iloc[1]["Direction"] == "north-east"


def test_the_places_table_is_french_at_display(french, tables) -> None:
    text = places_table(tables[0])
    assert text.splitlines()[0] == ("| Lieu | Nature | Latitude (°N) | Longitude (°E) "
                                    "| km depuis Bamako | Direction |")
    assert "| Bamako | capitale | 12,64 | \u22128,00 | 0 |  |" in text
    assert f"1{NARROW}" in text and "nord-est" in text and "north" not in text


def test_the_places_map_is_french(french, tables) -> None:
    chart = places_map_chart(tables[0], tables[2])
    assert chart.figure.axes[0].get_title() == "Le Mali et les lieux de la crise"
    assert chart.alt_text.startswith("Carte du Mali") and f"2{NARROW}502 km" in chart.alt_text
    assert "Lieu" in chart.table.columns and "nord-est" in set(chart.table["Direction"])
    assert "Sources :" in chart.caption and "Villes et bases" in chart.caption


def test_the_place_explorer_is_french(french, tables) -> None:
    box = place_explorer(*tables)
    assert box.children[0].description == "Lieu :"
    assert box.children[0].options[0][0] == "Choisissez un lieu…"
    box.children[0].value = "gao"
    assert "de Bamako" in box.children[1].value


# helpers.tables


def test_kinds_are_named_in_french(french) -> None:
    assert code_name("armed_group") == "groupe armé" and code_name("state") == "État"
    assert code_name("a_new_kind") == "a new kind"
    assert code_name("armed_group", language="en") == "armed group"


def test_numbers_in_tables_are_written_the_french_way(french) -> None:
    frame = pd.DataFrame({"n": [1290, 7], "x": [0.5, 12.25], "t": ["a", "b"]})
    shown = display_numbers(frame)
    assert shown["n"].tolist() == [f"1{NARROW}290", "7"]
    assert shown["x"].tolist() == ["0,50", "12,25"] and shown["t"].tolist() == ["a", "b"]


# helpers.charts


def _line_chart(caption: str = "Troops. Sources: test."):
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    from helpers.charts import house_style, make_chart

    with house_style():
        fig, (numbers, dates) = plt.subplots(1, 2)
        numbers.plot([0, 12500], [0.0, 0.5])
        dates.plot(pd.to_datetime(["2012-01-01", "2013-06-01"]), [0, 1])
        dates.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
    table = pd.DataFrame({"Force": ["Serval"], "Troops": [4000]})
    return make_chart(fig, caption=caption, alt_text="Two lines.", table=table)


def _tick_labels(axis) -> list[str]:
    return axis.get_major_formatter().format_ticks(axis.get_majorticklocs())


def test_chart_ticks_and_tables_are_french(french) -> None:
    chart = _line_chart("Effectifs. Sources : test.")
    numbers, dates = chart.figure.axes
    assert f"10{NARROW}000" in _tick_labels(numbers.xaxis)
    assert "0,5" in _tick_labels(numbers.yaxis) and "0.5" not in _tick_labels(numbers.yaxis)
    assert any(label.startswith("janv.\n") for label in _tick_labels(dates.xaxis))
    html = chart._repr_html_()
    assert f"<td>4{NARROW}000</td>" in html and "Description textuelle" in html
    assert chart.png_bytes()[:4] == b"\x89PNG"


def test_chart_ticks_stay_english_in_english(monkeypatch) -> None:
    monkeypatch.setenv("MALI_LANGUAGE", "en")
    chart = _line_chart()
    numbers, dates = chart.figure.axes
    assert "10000" in _tick_labels(numbers.xaxis) and "0.5" in _tick_labels(numbers.yaxis)
    assert any(label.startswith("Jan\n") for label in _tick_labels(dates.xaxis))
    assert "<td>4000</td>" in chart._repr_html_()


@pytest.mark.parametrize("caption", ["Effectifs. Sources : .", "Effectifs. Sources : aucune."])
def test_a_french_caption_without_sources_is_refused(french, caption) -> None:
    from helpers.charts import house_style, make_chart
    with house_style(), pytest.raises(ValueError, match="must name its sources"):
        make_chart(Figure(), caption=caption, alt_text="Rien.")


# helpers.citations


def test_source_kinds_are_french_in_bibliographies_and_captions(french) -> None:
    from helpers.citations import bibliography, caption, caption_name

    sources = load_sources()
    assert "`seed-passblue-2013` [presse]:" in bibliography(sources, ["seed-passblue-2013"])
    assert caption_name(sources, "news-awani-20130115") == "AFP (dépêche), 2013-01-15"
    assert "(texte officiel)" in caption_name(sources, "un-sres-2056")
    assert caption(sources, ["seed-passblue-2013"], text="Frappes.") == \
        "Frappes. Sources : PassBlue (presse), 2013-01-11."
    wired = sources[sources["agency"].fillna("") != ""]["source_id"].iloc[0]
    assert ", dépêche " in bibliography(sources, [wired])


def test_cited_rows_keep_english_columns_and_charts_show_french_headers(french) -> None:
    from helpers.charts import Chart
    from helpers.citations import cited_rows

    rows = pd.DataFrame({"_row": [2], "scope": ["in_mali"], "value": [4000],
                         "source_id": ["seed-passblue-2013"]})
    table = cited_rows(rows, load_sources())
    assert list(table.columns) == ["scope", "value", "source"]
    assert table.iloc[0]["scope"] == "au Mali"
    html = Chart(Figure(), "Sources : x.", "Rien.", table)._repr_html_()
    assert "<th>périmètre</th>" in html and "<th>valeur</th>" in html and "4\u202f000" in html


# helpers.data and a mistyped id


def test_a_mistyped_table_or_source_is_named_in_french(french) -> None:
    from helpers.citations import source_row
    from helpers.data import load_table

    with pytest.raises(KeyError, match="table inconnue 'evnts' ; les tables sont : .*events"):
        load_table("evnts")
    with pytest.raises(ValueError, match="identifiant de source inconnu 'ref-x'"):
        source_row(load_sources(), "ref-x")


def test_a_french_date_axis_keeps_its_years_and_a_number_axis_groups_thousands(french) -> None:
    from helpers import load_deployments
    from helpers.intervention import all_forces_chart

    chart = all_forces_chart(load_deployments(), load_sources())
    ax = chart.figure.axes[0]
    chart.png_bytes()  # lays the ticks out
    years = [t.get_text() for t in ax.get_xticklabels() if t.get_text()[:1].isdigit()]
    assert years == ["2013"], years
    assert "2\u202f000" in [t.get_text() for t in ax.get_yticklabels()]
