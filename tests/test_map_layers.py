"""Every lesson map shows the Niger river, a scale bar and its town names, drawn once per
process as a base picture (helpers.maps.base_layer) and reused."""

from __future__ import annotations

import itertools
import math

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.lines import Line2D
from matplotlib.path import Path
from matplotlib.text import Annotation
from matplotlib.transforms import BboxTransformTo
from mpl_toolkits.axes_grid1.anchored_artists import AnchoredSizeBar

from helpers.charts import PALETTE
from helpers.data import load_control, load_events, load_niger_river, load_places, load_sources
from helpers.intervention import campaign_map_chart
from helpers.maps import RIVER_LABEL, BaseMapImage, base_layer, map_texts, places_map_chart
from helpers.rebel_advance import (
    MALI_FRAME,
    WeekMap,
    control_map_chart,
    holder_on,
    small_multiples_chart,
)


@pytest.fixture(scope="module")
def tables():
    return load_control(), load_places(), load_sources(), load_events()


def map_axes(tables):
    """(name, axes) of every lesson map."""
    control, places, sources, events = tables
    week = WeekMap(control, places, events, sources)
    found = [("overview", places_map_chart(places, sources).figure.axes[0]),
             ("control", control_map_chart(control, places, sources, when="2012-09-05")
              .figure.axes[0]),
             ("campaign", campaign_map_chart(events, places, sources).figure.axes[0]),
             ("slider", week._ax)]
    found += [(f"small {k}", ax) for k, ax in
              enumerate(small_multiples_chart(control, places, sources).figure.axes)]
    return found


def layer_artists(ax):
    images = [image for image in ax.images if isinstance(image, BaseMapImage)]
    assert images, "the map shows no base picture"
    return [artist for image in images for layer_ax in image.layer.figure.axes
            for artist in [*layer_ax.lines, *layer_ax.artists]]


def test_every_map_shows_the_river_a_scale_bar_and_the_town_names(tables) -> None:
    towns = {"Gao", "Ansongo", "Timbuktu", "Bamako"}
    for name, ax in map_axes(tables):
        artists = layer_artists(ax)
        rivers = [a for a in artists if isinstance(a, Line2D) and a.get_label() == RIVER_LABEL]
        assert len(rivers) == 1, name
        assert len(rivers[0].get_xdata()) == len(load_niger_river()), name
        bars = [a for a in artists if isinstance(a, AnchoredSizeBar)]
        assert len(bars) == 1 and bars[0].txt_label.get_text().endswith(" km"), name
        labels = {text.get_text().split("\n")[0] for text in map_texts(ax)}
        assert towns <= labels, (name, towns - labels)


def test_the_captions_name_the_river_as_approximate_with_its_source(tables) -> None:
    control, places, sources, events = tables
    for chart in (places_map_chart(places, sources),
                  control_map_chart(control, places, sources, when="2012-09-05"),
                  small_multiples_chart(control, places, sources),
                  campaign_map_chart(events, places, sources)):
        assert "Niger river traced approximately" in chart.caption
    assert "Niger river (an approximate line)" in places_map_chart(places, sources).alt_text


def test_the_base_picture_is_drawn_once_and_reused_for_another_date(tables) -> None:
    control, places, sources, _ = tables
    first = control_map_chart(control, places, sources, when="2012-01-01").figure.axes[0]
    later = control_map_chart(control, places, sources, when="2012-07-01").figure.axes[0]
    layers = [[image.layer for image in ax.images] for ax in (first, later)]
    assert len(layers[0]) == 2  # the map, then the town names above the markers
    assert all(a is b for a, b in zip(*layers, strict=True))
    assert not layers[0][0].pixels.flags.writeable
    # Same picture, different markers: the map still says who held Gao on each date.
    colours = {round(line.get_xdata()[0], 2): line.get_color() for line in later.lines}
    gao = places.set_index("place_id").loc["gao"]
    assert holder_on(control, "gao", "2012-07-01") == "mujao"
    assert colours[round(gao["lon"], 2)] == "#D55E00"
    assert {line.get_color() for line in first.lines} == {"#0072B2"}


def test_base_layer_caches_by_its_arguments() -> None:
    one = base_layer(MALI_FRAME, (200, 180), 80)
    assert base_layer(MALI_FRAME, (200, 180), 80) is one
    other = base_layer(MALI_FRAME, (200, 181), 80)
    assert other is not one and other.pixels.shape == (181, 200, 4)


def _rotated_corners(box, degrees):
    """The corners of a text turned by ``degrees`` about its centre, from its upright box."""
    turn = math.radians(degrees)
    cos, sin = math.cos(turn), math.sin(turn)
    width = (box.width * cos - box.height * sin) / math.cos(2 * turn)
    height = (box.height * cos - box.width * sin) / math.cos(2 * turn)
    centre = ((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)
    corners = [(-width / 2, -height / 2), (width / 2, -height / 2), (width / 2, height / 2),
               (-width / 2, height / 2)]
    return [(centre[0] + x * cos - y * sin, centre[1] + x * sin + y * cos) for x, y in corners]


def map_layout(ax):
    """Where a map writes, in its figure's pixels: each town name's box (by its first line),
    each town marker's centre, the things names must keep clear of, and the map frame."""
    figure = ax.get_figure()
    canvas = figure.canvas
    if not isinstance(canvas, FigureCanvasAgg):  # a chart's closed figure
        canvas = FigureCanvasAgg(figure)
    ax.apply_aspect()
    shift = (math.floor(ax.bbox.x0), round(ax.bbox.y0))  # where a base picture stands
    names, centres, clear = {}, [], {}
    if ax.get_legend() is not None:
        clear["legend"] = Path.unit_rectangle().transformed(
            BboxTransformTo(ax.get_legend().get_window_extent(canvas.get_renderer())))
    centres += [xy for line in ax.lines for xy in ax.transData.transform(line.get_xydata())]
    for image in [image for image in ax.images if isinstance(image, BaseMapImage)]:
        renderer = image.layer.figure.canvas.get_renderer()
        for layer_ax in image.layer.figure.axes:
            centres += [xy + shift for line in layer_ax.lines if line.get_marker() != "None"
                        for xy in layer_ax.transData.transform(line.get_xydata())]
            for text in layer_ax.texts:
                box = text.get_window_extent(renderer).translated(*shift)
                if isinstance(text, Annotation):
                    names[text.get_text().split("\n")[0]] = box
                elif text.get_color() == PALETTE["blue"]:  # the river's name
                    corners = _rotated_corners(box, text.get_rotation())
                    clear["river name"] = Path([*corners, corners[0]], closed=True)
            for bar in [a for a in layer_ax.artists if isinstance(a, AnchoredSizeBar)]:
                clear["scale bar"] = Path.unit_rectangle().transformed(
                    BboxTransformTo(bar.get_window_extent(renderer).translated(*shift)))
    return names, centres, clear, ax.bbox


@pytest.mark.parametrize("language", ["en", "fr"])
def test_town_names_stay_clear_of_each_other_and_of_the_map_furniture(language,
                                                                     monkeypatch) -> None:
    """On every lesson map, in both languages, no two town names (with their dates) overlap;
    none hides another town's marker, runs into the legend, the scale bar or the river's
    name, or leaves the map frame."""
    monkeypatch.setenv("MALI_LANGUAGE", language)
    tables = (load_control(), load_places(), load_sources(), load_events())
    found = []
    for map_name, ax in map_axes(tables):
        names, centres, clear, frame = map_layout(ax)
        assert len(names) >= 10, map_name
        for (one, a), (other, b) in itertools.combinations(sorted(names.items()), 2):
            if a.overlaps(b):
                found.append((map_name, one, other))
        for town, box in names.items():
            if not (frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0
                    and box.y1 <= frame.y1):
                found.append((map_name, town, "frame"))
            found += [(map_name, town, thing) for thing, path in clear.items()
                      if path.intersects_bbox(box, filled=True)]
            hidden = [xy for xy in centres if box.contains(*xy)]  # never its own: offset
            if hidden:
                found.append((map_name, town, f"{len(hidden)} marker(s)"))
    assert not found, found


def test_only_the_overview_map_is_numbered_in_degrees(tables) -> None:
    """The overview teaches where places are, so it keeps longitude and latitude; the maps
    of who held what, and of the campaign, give distances by their scale bar instead."""
    for name, ax in map_axes(tables):
        numbered = bool(len(ax.get_xticks())) and "Longitude" in ax.get_xlabel()
        assert numbered == (name == "overview"), name
        if not numbered:
            assert all(spine.get_visible() for spine in ax.spines.values()), name
