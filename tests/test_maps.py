"""helpers.maps: the base map, distances and bearings, place lookup, the places map and table,
the place description and the place explorer."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from helpers.maps import (
    basemap_path,
    bearing_deg,
    compass_point,
    describe_place,
    distance_between,
    distance_km,
    draw_basemap,
    draw_places,
    find_place,
    load_outlines,
    map_extent,
    map_texts,
    place_distances,
    place_explorer,
    places_map_chart,
    places_table,
)

# The base map and the data/basemap.geojson it reads.

NINE = {"ML", "DZ", "NE", "BF", "CI", "GN", "SN", "MR", "TD"}


def new_axes():
    """A fresh axes on an Agg canvas (no pyplot, so no backend state)."""
    figure = Figure(figsize=(8, 5))
    FigureCanvasAgg(figure)
    return figure.add_subplot()


def towns(**extra):
    """Bamako and Gao as a places table, with optional extra columns."""
    table = {"name": ["Bamako", "Gao"], "lat": [12.64, 16.27], "lon": [-8.00, -0.04],
             "kind": ["capital", "town"]}
    return pd.DataFrame({**table, **extra})


def test_geojson_has_the_nine_countries_and_provenance():
    collection = json.loads(basemap_path().read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    named = {f["properties"]["iso_a2"] for f in collection["features"]
             if not f["properties"]["context"]}
    assert named == NINE
    assert set(load_outlines()) == NINE
    provenance = collection["provenance"]
    assert "Natural Earth" in provenance["dataset"]
    assert "geopandas-0.14.4" in provenance["wheel"]
    assert "public domain" in provenance["licence"].lower()
    assert "build_basemap.py" in provenance["rebuild"]


def test_every_feature_has_a_name_and_two_letter_code():
    collection = json.loads(basemap_path().read_text(encoding="utf-8"))
    for feature in collection["features"]:
        assert len(feature["properties"]["iso_a2"]) == 2
        assert feature["properties"]["name"]
        assert feature["geometry"]["type"] in {"Polygon", "MultiPolygon"}


def test_mali_outline_spans_the_known_bounding_box():
    rings = load_outlines()["ML"]
    lon = [x for ring in rings for x in ring[:, 0]]
    lat = [y for ring in rings for y in ring[:, 1]]
    assert min(lon) == pytest.approx(-12.3, abs=0.2)
    assert max(lon) == pytest.approx(4.3, abs=0.2)
    assert min(lat) == pytest.approx(10.1, abs=0.2)
    assert max(lat) == pytest.approx(25.0, abs=0.2)


def test_rings_are_closed():
    for rings in load_outlines(include_context=True).values():
        for ring in rings:
            assert tuple(ring[0]) == tuple(ring[-1])


@pytest.mark.parametrize("place, lat, lon", [("Bamako", 12.64, -8.00), ("N'Djamena", 12.11, 15.04)])
def test_map_extent_contains_capitals(place, lat, lon):
    lon_min, lon_max, lat_min, lat_max = map_extent()
    assert lon_min < lon < lon_max, place
    assert lat_min < lat < lat_max, place


def test_map_extent_ignores_context_countries():
    lon_min, lon_max, lat_min, lat_max = map_extent()
    assert lat_min > 4.0  # Côte d'Ivoire's coast, not Nigeria's or Ghana's
    assert lon_max < 24.5  # Chad, not Libya


def test_draw_basemap_draws_patches_and_sets_frame():
    ax = draw_basemap(new_axes(), extent=(-12.0, 5.0, 10.0, 25.0))
    assert len(ax.patches) >= 9
    assert ax.get_xlim() == (-12.0, 5.0)
    assert ax.get_ylim() == (10.0, 25.0)
    assert ax.get_aspect() == pytest.approx(1 / math.cos(math.radians(17.5)))
    assert "Longitude" in ax.get_xlabel() and "Latitude" in ax.get_ylabel()


def test_draw_basemap_highlights_mali_only():
    ax = draw_basemap(new_axes())
    fills = {patch.get_facecolor()[:3] for patch in ax.patches}
    warm = (0xFB / 255, 0xF3 / 255, 0xD9 / 255)
    assert any(fill == pytest.approx(warm) for fill in fills)
    unhighlighted = draw_basemap(new_axes(), highlight=None)
    assert all(p.get_facecolor()[:3] != pytest.approx(warm) for p in unhighlighted.patches)


def test_country_labels_only_inside_the_frame():
    labelled = [t.get_text() for t in draw_basemap(new_axes()).texts]
    assert "MALI" in labelled and "Chad" in labelled
    zoomed = [t.get_text() for t in draw_basemap(new_axes(), extent=(-6, 2, 13, 18)).texts]
    assert "Chad" not in zoomed
    assert len(draw_basemap(new_axes(), label_countries=False).texts) == 0


def test_draw_places_writes_one_label_per_place():
    ax = draw_basemap(new_axes(), label_countries=False)
    draw_places(ax, towns())
    assert sorted(t.get_text() for t in ax.texts) == ["Bamako", "Gao"]
    assert len(ax.lines) == 2
    assert len(draw_places(new_axes(), towns(), show_labels=False).texts) == 0


def test_capital_is_a_star_and_towns_are_dots():
    ax = draw_places(new_axes(), towns())
    assert [line.get_marker() for line in ax.lines] == ["*", "o"]


@pytest.mark.parametrize("anchor, left, below", [("sw", True, True), ("ne", False, False),
                                                  ("nw", True, False), ("se", False, True)])
def test_label_anchor_sets_label_side(anchor, left, below):
    ax = draw_basemap(new_axes(), label_countries=False)
    draw_places(ax, towns(label_anchor=[anchor, anchor]))
    renderer = ax.figure.canvas.get_renderer()
    for text in ax.texts:
        box = text.get_window_extent(renderer)
        x, y = ax.transData.transform(text.xy)
        assert (box.x1 <= x) if left else (box.x0 >= x), (anchor, text.get_text())
        assert (box.y1 <= y) if below else (box.y0 >= y), (anchor, text.get_text())


def test_missing_anchor_defaults_to_northeast():
    ax = draw_basemap(new_axes(), label_countries=False)
    draw_places(ax, towns(label_anchor=[float("nan"), None]))
    renderer = ax.figure.canvas.get_renderer()
    for text in ax.texts:
        box = text.get_window_extent(renderer)
        x, y = ax.transData.transform(text.xy)
        assert box.x0 >= x and box.y0 >= y


def test_bad_anchor_names_the_place():
    with pytest.raises(ValueError, match="Gao.*'up'"):
        draw_places(new_axes(), towns(label_anchor=["ne", "up"]))


def test_missing_column_is_reported():
    with pytest.raises(ValueError, match="kind"):
        draw_places(new_axes(), towns().drop(columns="kind"))


def test_non_numeric_coordinate_names_the_place():
    bad = towns()
    bad["lat"] = ["12.64", "sixteen"]
    with pytest.raises(ValueError, match="Gao"):
        draw_places(new_axes(), bad)


@pytest.mark.parametrize("content", [
    "{not json", '{"type": "FeatureCollection"}', '{"features": [{"geometry": null}]}',
    '{"features": [{"properties": {"iso_a2": "ML"}, '
    '"geometry": {"type": "Point", "coordinates": [0, 0]}}]}',
    '{"features": []}',
])
def test_malformed_file_gives_error_naming_it(tmp_path, content):
    broken = tmp_path / "broken.geojson"
    broken.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match="broken.geojson"):
        load_outlines(path=broken)
    with pytest.raises(ValueError, match="broken.geojson"):
        draw_basemap(new_axes(), path=broken)


def test_missing_file_gives_error_naming_it(tmp_path):
    with pytest.raises(ValueError, match="nowhere.geojson.*not found"):
        map_extent(path=tmp_path / "nowhere.geojson")


# Great-circle distances, bearings and forgiving place look-up.

def test_one_degree_of_latitude_is_about_111_km() -> None:
    assert distance_km(0, 0, 1, 0) == pytest.approx(111.2, abs=0.1)


def test_distance_is_symmetric_and_zero_to_itself() -> None:
    assert distance_km(12.6, -8, 16.3, 0) == pytest.approx(distance_km(16.3, 0, 12.6, -8))
    assert distance_km(12.6, -8, 12.6, -8) == 0


def test_bamako_to_mopti_is_about_460_km_north_east(places) -> None:
    assert distance_between(places, "Bamako", "Mopti") == pytest.approx(461, abs=2)
    bamako, mopti = find_place(places, "bamako"), find_place(places, "mopti")
    assert compass_point(bearing_deg(bamako.lat, bamako.lon, mopti.lat, mopti.lon)) == "north-east"


def test_compass_points_wrap_around() -> None:
    assert compass_point(359) == "north" and compass_point(180) == "south"


def test_unknown_place_lists_the_known_ones(places) -> None:
    with pytest.raises(ValueError, match="no place called 'Atlantis'; known places: .*Bamako"):
        find_place(places, "Atlantis")


def test_accents_case_and_apostrophes_are_forgiven(places) -> None:
    assert find_place(places, "sévaré")["place_id"] == "sevare"
    assert find_place(places, "MENAKA")["name"] == "Ménaka"
    chad = pd.DataFrame({"place_id": ["ndjamena"], "name": ["N'Djamena"]})
    assert find_place(chad, " n djaména ")["name"] == "N'Djamena"


# The distance table, the one-place description and the overview map.

def test_distances_are_sorted_from_bamako(places) -> None:
    table = place_distances(places)
    assert table.iloc[0]["Place"] == "Bamako" and table.iloc[0]["Direction"] == ""
    assert table["km from Bamako"].is_monotonic_increasing
    assert len(table) == len(places) and table["Direction"].iloc[1:].ne("").all()
    gao = table.set_index("Place").loc["Gao"]
    assert (gao["km from Bamako"], gao["Direction"]) == (947, "north-east")


def test_distances_from_another_origin(places) -> None:
    table = place_distances(places, origin="Gao")
    assert "km from Gao" in table.columns and table.iloc[0]["Place"] == "Gao"


def test_places_table_is_markdown_with_every_place(places) -> None:
    text = places_table(places)
    assert text._repr_markdown_() == text
    lines = text.splitlines()
    assert lines[0] == ("| Place | Kind | Latitude (°N) | Longitude (°E) | km from Bamako "
                        "| Direction |")
    assert len(lines) == 2 + len(places)
    assert lines[2] == "| Bamako | capital | 12.64 | -8.00 | 0 |  |"
    assert "| Gao | regional capital | 16.27 | -0.04 | 947 | north-east |" in lines
    assert "km from Gao" in places_table(places, origin="gao").splitlines()[0]


def test_places_table_escapes_names(places) -> None:
    places.loc[places["place_id"] == "gao", "name"] = "Gao | <b>"
    assert "| Gao \\| &lt;b&gt; |" in places_table(places)


def test_description_gives_position_events_and_sources(places, events, sources) -> None:
    text = describe_place(places, events, sources, "Konna")
    assert "Konna</strong> (14.95°N, 3.89°W)" in text
    assert "513 km north-east of Bamako" in text
    assert "11 Jan 2013: France launches Operation Serval" in text
    assert "Wikipedia, 2024" in text


def test_description_of_a_place_with_no_events_says_so(places, events, sources) -> None:
    text = describe_place(places, events[events["place_id"] != "tessalit"], sources, "tessalit")
    assert "No event here in the timeline yet" in text and "°E" in text


def test_description_of_bamako_and_of_nothing(places, events, sources) -> None:
    assert "capital of Mali" in describe_place(places, events, sources, "bamako")
    assert "Choose a place" in describe_place(places, events, sources, "")


def test_description_escapes_event_titles(places, events, sources) -> None:
    events.loc[events["event_id"] == "ev-20130111-serval", "title"] = "<script>x</script>"
    text = describe_place(places, events, sources, "konna")
    assert "<script>" not in text and "&lt;script&gt;x&lt;/script&gt;" in text


def test_unknown_place_is_a_clear_error(places, events, sources) -> None:
    with pytest.raises(ValueError, match="no place called 'Atlantis'"):
        describe_place(places, events, sources, "Atlantis")


def test_map_chart_has_caption_alt_text_and_every_label(places, sources) -> None:
    chart = places_map_chart(places, sources)
    labels = {text.get_text() for text in map_texts(chart.figure.axes[0])}
    assert set(places["name"]) <= labels
    assert chart.caption.startswith("Towns and bases mentioned in the module")
    assert "Natural Earth (dataset), 2013" in chart.caption
    assert "Wikipedia (encyclopedia), 2024" in chart.caption
    assert f"{len(places)} places" in chart.alt_text
    assert chart.table is not None and chart.table.equals(place_distances(places))
    assert chart.figure.axes[0].get_xlabel() == "Longitude (°E)"


# The place explorer widget only forwards its dropdown value to describe_place.

def test_choosing_a_place_shows_its_description(places, events, sources) -> None:
    picker, panel = place_explorer(places, events, sources).children
    assert "Choose a place" in panel.value
    picker.value = "mopti"
    assert panel.value == describe_place(places, events, sources, "mopti")
    assert "Mopti</strong>" in panel.value
    picker.value = ""
    assert "Choose a place" in panel.value


def test_every_place_is_offered_once_with_an_empty_first_choice(places, events,
                                                                sources) -> None:
    picker, _ = place_explorer(places, events, sources).children
    values = [value for _, value in picker.options]
    assert values[0] == "" and sorted(values[1:]) == sorted(places["place_id"])
