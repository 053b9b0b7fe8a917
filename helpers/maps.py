"""The shared map and places of the crisis (notebooks 00 and 06; the maps of lessons 02 and 03).

Sections, in reading order:

1. **The base map**: :func:`load_outlines` reads the bundled country outlines
   (``data/basemap.geojson``), :func:`map_extent` frames them, :func:`draw_basemap` draws
   them on a matplotlib axes and :func:`draw_places` marks towns on it; :func:`draw_river`
   adds the Niger river (hand-traced, ``data/niger_river.csv``) and :func:`draw_scale_bar` a
   scale in km. :func:`base_layer` draws all of that once per process as a picture (cached by
   frame, size and labels) and :func:`show_base_layer` shows it on a map's axes, under the
   markers and titles that change; :func:`map_texts` lists every name a map shows.
2. **Distances and directions**: :func:`distance_km` (great circle), :func:`bearing_deg`
   and :func:`compass_point`.
3. **Finding a place**: :func:`find_place` (forgiving case and accents) and
   :func:`distance_between` two named places.
4. **The places of the crisis**: :func:`place_distances` computes each place's distance and
   direction from Bamako (a DataFrame), :func:`places_table` shows it as a Markdown table and
   :func:`places_map_chart` draws the overview map.
5. **One place at a time**: :func:`describe_place` writes what happened at a place, and
   :func:`place_explorer` is the thin widget around it.
"""

from __future__ import annotations

import functools
import html
import json
import math
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib import patheffects
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.image import AxesImage
from matplotlib.lines import Line2D
from matplotlib.patches import Polygon
from mpl_toolkits.axes_grid1.anchored_artists import AnchoredSizeBar

from helpers.charts import PALETTE, Chart, house_style, make_chart
from helpers.citations import caption, short_citation
from helpers.data import MAP_FRAME, load_niger_river
from helpers.language import current_language, format_number, translate
from helpers.readers import normalise_text
from helpers.tables import Markdown, display_numbers, format_when, markdown_table

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.text import Text

# 1. The base map: a plain map of Mali and its neighbours with matplotlib only (no geo stack).

_FRAME = MAP_FRAME  # the overview map; every place in data/places.csv lies inside it
_LAND, _HIGHLIGHT, _BORDER, _BACKGROUND = "#e8e8e8", "#fbf3d9", "#7f7f7f", "white"
# Country name positions (lon, lat, text, rotation), fixed by hand for the default
# frame: centroids of Algeria and Chad fall outside it, and only thin strips of
# Senegal and Chad show, so their names run vertically. Clear of lesson towns.
_LABELS = MappingProxyType({
    "ML": (-4.6, 20.3, "MALI", 0), "DZ": (3.5, 24.6, "Algeria", 0),
    "NE": (9.5, 17.8, "Niger", 0), "MR": (-10.2, 19.5, "Mauritania", 0),
    "BF": (-1.7, 13.3, "Burkina\nFaso", 0), "SN": (-12.6, 13.5, "Senegal", 90),
    "GN": (-10.8, 10.4, "Guinea", 0), "CI": (-5.7, 9.9, "Côte d'Ivoire", 0),
    "TD": (16.1, 17.6, "Chad", 90),
})
# label_anchor -> (direction of the label from its point, ha, va); lesson 02 uses it too.
ANCHORS = MappingProxyType({
    "n": ((0, 1), "center", "bottom"), "ne": ((1, 1), "left", "bottom"),
    "e": ((1, 0), "left", "center"), "se": ((1, -1), "left", "top"),
    "s": ((0, -1), "center", "top"), "sw": ((-1, -1), "right", "top"),
    "w": ((-1, 0), "right", "center"), "nw": ((-1, 1), "right", "bottom"),
})


def basemap_path() -> Path:
    """Return the path of the bundled outlines file.

    Example:
        >>> basemap_path().name
        'basemap.geojson'
    """
    return Path(__file__).resolve().parent.parent / "data" / "basemap.geojson"


def load_outlines(*, path: Path | str | None = None,
                  include_context: bool = False) -> dict[str, list[np.ndarray]]:
    """Read outlines as ISO alpha-2 code -> exterior rings, each an N x 2 (lon, lat) array.

    Args:
        path: GeoJSON FeatureCollection; defaults to basemap_path().
        include_context: Also return the unlabelled countries kept only so that the
            map has no blank gaps (features with "context": true).

    Raises:
        ValueError: the file is missing or malformed; the message names it.

    Example:
        >>> outlines = load_outlines()
        >>> len(outlines), outlines["ML"][0].shape[1]
        (9, 2)
    """
    path = Path(path) if path is not None else basemap_path()
    try:
        outlines = {}
        for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
            geometry, properties = feature["geometry"], feature["properties"]
            polygons = {"Polygon": [geometry["coordinates"]],
                        "MultiPolygon": geometry["coordinates"]}[geometry["type"]]
            rings = [np.asarray(polygon[0], dtype=float) for polygon in polygons]
            if not rings or any(r.ndim != 2 or r.shape[1] != 2 or len(r) < 4 for r in rings):
                raise ValueError("a ring is not a list of at least 4 [lon, lat] pairs")
            if include_context or not properties.get("context", False):
                outlines[str(properties["iso_a2"])] = rings
    except FileNotFoundError:
        raise ValueError(f"{path}: map outlines file not found; "
                         "rebuild it with scripts/build_basemap.py") from None
    except OSError as error:
        raise ValueError(f"{path}: map outlines file could not be read ({error})") from None
    except (ValueError, KeyError, TypeError, IndexError, AttributeError) as error:
        raise ValueError(f"{path}: not a GeoJSON FeatureCollection of country outlines "
                         f"({type(error).__name__}: {error})") from None
    if not outlines:
        raise ValueError(f"{path}: no country outlines in the file")
    return outlines


def map_extent(*, path: Path | str | None = None) -> tuple[float, float, float, float]:
    """Return (lon_min, lon_max, lat_min, lat_max) around Mali, its neighbours and Chad.

    Example:
        >>> lon_min, lon_max, lat_min, lat_max = map_extent()
        >>> lon_min < -8.0 < lon_max and lat_min < 12.64 < lat_max  # Bamako
        True
    """
    points = np.vstack([r for rings in load_outlines(path=path).values() for r in rings])
    (lon_min, lat_min), (lon_max, lat_max) = points.min(axis=0), points.max(axis=0)
    return float(lon_min), float(lon_max), float(lat_min), float(lat_max)


def draw_basemap(ax: Axes, *, extent: tuple[float, float, float, float] = _FRAME,
                 highlight: str | None = "ML", label_countries: bool = True,
                 path: Path | str | None = None, language: str | None = None) -> Axes:
    """Draw country outlines on ``ax``, the ``highlight`` country in a pale warm colour.

    Args:
        ax: Matplotlib axes to draw on.
        extent: (lon_min, lon_max, lat_min, lat_max) to show; by default Mali and its
            neighbours.
        highlight: ISO alpha-2 code of the country to pick out, or None.
        label_countries: Write names of the labelled countries inside ``extent``.
        path: Outlines file; defaults to basemap_path().
        language: Language of the country names and axis labels; the lesson's by default.

    Returns:
        ``ax``, its aspect set so a degree of longitude and of latitude span equal
        distances at the frame's middle latitude.

    Example:
        >>> from matplotlib.figure import Figure
        >>> ax = draw_basemap(Figure().add_subplot())
        >>> ax.get_xlim() == (-13.0, 16.5), len(ax.patches) >= 9
        (True, True)
    """
    lon_min, lon_max, lat_min, lat_max = extent
    for code, rings in load_outlines(path=path, include_context=True).items():
        fill = _HIGHLIGHT if code == highlight else _LAND if code in _LABELS else _BACKGROUND
        for ring in rings:
            ax.add_patch(Polygon(ring, closed=True, facecolor=fill, edgecolor=_BORDER,
                                 linewidth=0.8, zorder=1.1 if code == highlight else 1))
        lon, lat, name, rotation = _LABELS.get(code, (math.nan, math.nan, "", 0))
        if label_countries and lon_min <= lon <= lon_max and lat_min <= lat <= lat_max:
            ax.text(lon, lat, translate(name, language=language), color="#6f6f6f",
                    style="italic", ha="center", va="center", rotation=rotation, zorder=1.5,
                    fontsize=12 if code == highlight else 10)
    ax.set_facecolor(_BACKGROUND)
    ax.set_xlim(lon_min, lon_max)
    ax.set_ylim(lat_min, lat_max)
    ax.set_aspect(1 / math.cos(math.radians((lat_min + lat_max) / 2)))
    ax.set_xlabel(translate("Longitude (°E)", language=language))
    ax.set_ylabel(translate("Latitude (°N)", language=language))
    return ax


def draw_places(ax: Axes, places: pd.DataFrame, *, fontsize: float = 11,
                show_labels: bool = True, show_markers: bool = True) -> Axes:
    """Mark places on ``ax``: kind "capital" as a star, any other kind as a dot.

    Args:
        ax: Axes, usually from draw_basemap().
        places: Columns name, lat, lon, kind and optional label_anchor (n, ne, e,
            se, s, sw, w, nw: where the name sits; missing or NaN means ne).
        fontsize: Label size in points.
        show_labels: Write each name beside its marker, on a white halo.
        show_markers: Draw the markers (a map that colours them itself leaves them out).

    Raises:
        ValueError: a column is missing, a coordinate is not a number, or an
            anchor is not one of the eight directions; the message names the place.

    Example:
        >>> import pandas as pd
        >>> from matplotlib.figure import Figure
        >>> gao = pd.DataFrame({"name": ["Gao"], "lat": [16.27], "lon": [-0.04], "kind": ["town"]})
        >>> [text.get_text() for text in draw_places(Figure().add_subplot(), gao).texts]
        ['Gao']
    """
    missing = [c for c in ("name", "lat", "lon", "kind") if c not in places.columns]
    if missing:
        raise ValueError(f"places table lacks column(s) {missing}; it has {list(places.columns)}")
    halo = [patheffects.withStroke(linewidth=3, foreground="white")]
    for row in places.to_dict("records"):
        name, anchor = row["name"], row.get("label_anchor")
        anchor = anchor if isinstance(anchor, str) else "ne"
        if anchor not in ANCHORS:
            raise ValueError(f"place {name!r}: label_anchor {anchor!r} is not one of "
                             f"{list(ANCHORS)}")
        try:
            lon, lat = float(row["lon"]), float(row["lat"])
        except (TypeError, ValueError):
            lon = lat = math.nan
        if math.isnan(lon) or math.isnan(lat):
            raise ValueError(f"place {name!r}: lon {row['lon']!r} / lat {row['lat']!r} "
                             "must both be numbers")
        capital = row["kind"] == "capital"
        if show_markers:
            ax.plot(lon, lat, marker="*" if capital else "o", markersize=15 if capital else 6,
                    color="black", markeredgecolor="white", markeredgewidth=0.8, zorder=3)
        if show_labels:
            (dx, dy), ha, va = ANCHORS[anchor]
            gap = 6 if capital else 4
            ax.annotate(str(name), (lon, lat), xytext=(dx * gap, dy * gap), ha=ha, va=va,
                        textcoords="offset points", fontsize=fontsize, path_effects=halo,
                        zorder=4, annotation_clip=True)
    return ax


RIVER_LABEL = "Niger river (approximate)"
RIVER_SOURCE = "ref-wikipedia-niger-river"
_RIVER_COLOUR = PALETTE["sky_blue"]
_RIVER_TEXT = (-0.9, 17.75, 0)  # lon, lat, rotation: north of the Timbuktu-Gao reach
_KM_PER_DEGREE = 111.32  # along the equator or a meridian
_BAR_LENGTHS = (50, 100, 200, 250, 500, 1000)


def draw_river(ax: Axes, river: pd.DataFrame, *, label: bool = True,
               language: str | None = None) -> Line2D:
    """Draw the Niger river as traced in ``data/niger_river.csv``, named as approximate.

    Args:
        ax: Axes, usually from draw_basemap().
        river: Columns lat and lon, upstream first (``load_niger_river()``).
        label: Write "Niger river (approximate)" along the Ségou-Mopti reach.
        language: Language of the river's name; the lesson's by default.

    Returns:
        The river's line, labelled :data:`RIVER_LABEL` in the lesson's language (for a
        legend or a test).

    Example:
        >>> from matplotlib.figure import Figure
        >>> from helpers.data import load_niger_river
        >>> draw_river(Figure().add_subplot(), load_niger_river()).get_label()
        'Niger river (approximate)'
    """
    name = translate(RIVER_LABEL, language=language)
    line = ax.plot(river["lon"], river["lat"], color=_RIVER_COLOUR, linewidth=1.8,
                   solid_joinstyle="round", solid_capstyle="round", zorder=1.6,
                   label=name)[0]
    if label:
        lon, lat, rotation = _RIVER_TEXT
        ax.text(lon, lat, name.replace(" (", "\n("), color=PALETTE["blue"],
                style="italic", fontsize=9, ha="center", va="center", rotation=rotation,
                rotation_mode="anchor", zorder=1.7, clip_on=True)
    return line


def _km(km: float, *, language: str | None = None) -> str:
    """A distance in whole km: "1290" in English (as the maps have it), "1 290" in French."""
    if current_language(language=language) == "en":
        return str(round(km))
    return format_number(km, language=language)


def scale_bar_km(extent: tuple[float, float, float, float]) -> int:
    """Return a round scale-bar length in km, about a sixth of the frame's width.

    Example:
        >>> scale_bar_km((-12.6, 4.6, 10.2, 25.2))
        250
    """
    lon_min, lon_max, lat_min, lat_max = extent
    width = (lon_max - lon_min) * _KM_PER_DEGREE * math.cos(math.radians((lat_min + lat_max) / 2))
    return max([km for km in _BAR_LENGTHS if km <= width / 6] or _BAR_LENGTHS[:1])


def draw_scale_bar(ax: Axes, *, extent: tuple[float, float, float, float],
                   loc: str = "lower right", fontsize: float = 10,
                   language: str | None = None) -> AnchoredSizeBar:
    """Draw a scale bar in km, true at the frame's middle latitude (where the aspect is set).

    Its label is written in the lesson's language ("1,000 km", "1 000 km").

    Example:
        >>> from matplotlib.figure import Figure
        >>> bar = draw_scale_bar(Figure().add_subplot(), extent=(-12.6, 4.6, 10.2, 25.2))
        >>> bar.txt_label.get_text()
        '250 km'
    """
    km = scale_bar_km(extent)
    middle = math.radians((extent[2] + extent[3]) / 2)
    label = translate("{km} km", km=_km(km, language=language), language=language)
    bar = AnchoredSizeBar(ax.transData, km / (_KM_PER_DEGREE * math.cos(middle)), label,
                          loc, pad=0.4, borderpad=0.6, sep=3, size_vertical=0.08,
                          color="black", frameon=True, fontproperties={"size": fontsize})
    bar.patch.set(alpha=0.85, edgecolor="none")
    bar.set_zorder(5)
    ax.add_artist(bar)
    return bar


# The base map as a picture: drawn once per process for each frame, size and set of
# labels, then shown under whatever changes (markers, titles, legends).

PlaceMarks = tuple[tuple[str, float, float, str, str], ...]  # name, lon, lat, kind, anchor


def place_marks(places: pd.DataFrame) -> PlaceMarks:
    """Return the places as a hashable tuple for :func:`base_layer` (anchor "ne" if unset).

    Example:
        >>> place_marks(pd.DataFrame({"name": ["Gao"], "lon": [-0.04], "lat": [16.27],
        ...                           "kind": ["town"]}))
        (('Gao', -0.04, 16.27, 'town', 'ne'),)
    """
    anchors = places["label_anchor"] if "label_anchor" in places.columns else [None] * len(places)
    return tuple((str(name), float(lon), float(lat), str(kind),
                  anchor if isinstance(anchor, str) else "ne")
                 for name, lon, lat, kind, anchor in zip(places["name"], places["lon"],
                                                         places["lat"], places["kind"],
                                                         anchors, strict=True))


@dataclass(frozen=True)
class BaseLayer:
    """A base map drawn once: its pixels and the figure they were drawn from.

    Attributes:
        pixels: height x width x 4 RGBA, read-only.
        figure: The figure drawn (outlines, river, scale bar, places), kept so that its
            artists can be inspected.
        extent: (lon_min, lon_max, lat_min, lat_max) the pixels cover.
    """

    pixels: np.ndarray
    figure: Figure
    extent: tuple[float, float, float, float]


@functools.lru_cache(maxsize=16)
def base_layer(extent: tuple[float, float, float, float], size: tuple[int, int], dpi: float, *,
               marks: PlaceMarks = (), fontsize: float = 11, label_countries: bool = True,
               highlight: str | None = "ML", labels_only: bool = False,
               language: str = "en") -> BaseLayer:
    """Draw the base map once for a frame, a size in pixels and a language; later calls reuse it.

    The outlines, the Niger river, a scale bar and the places ``marks`` (markers and
    names) never change on a map, so they are drawn once per process and shown as a
    picture under what changes. With ``labels_only`` the picture holds only the names,
    on a transparent ground, to lay over markers that change.

    Example:
        >>> layer = base_layer((-12.6, 4.6, 10.2, 25.2), (300, 260), 100)
        >>> layer.pixels.shape, base_layer((-12.6, 4.6, 10.2, 25.2), (300, 260), 100) is layer
        ((260, 300, 4), True)
    """
    width, height = size
    with house_style():
        figure = Figure(figsize=(width / dpi, height / dpi), dpi=dpi,
                        facecolor="none" if labels_only else "white")
        canvas = FigureCanvasAgg(figure)
        ax = figure.add_axes((0, 0, 1, 1))
        ax.set_axis_off()
        ax.set(xlim=extent[:2], ylim=extent[2:])
        if not labels_only:
            draw_basemap(ax, extent=extent, highlight=highlight, label_countries=label_countries,
                         language=language)
            ax.set_aspect("auto")  # the picture is sized to the map axes, already at its aspect
            draw_river(ax, load_niger_river(), label=fontsize >= 9, language=language)
            draw_scale_bar(ax, extent=extent, fontsize=min(fontsize, 10), language=language)
        if marks:
            table = pd.DataFrame(list(marks), columns=["name", "lon", "lat", "kind",
                                                       "label_anchor"])
            draw_places(ax, table, fontsize=fontsize, show_markers=not labels_only)
        canvas.draw()
        pixels = np.array(canvas.buffer_rgba())
    pixels.flags.writeable = False
    return BaseLayer(pixels=pixels, figure=figure, extent=extent)


class BaseMapImage(AxesImage):
    """The picture of a :class:`BaseLayer` on a map's axes; ``layer`` says what it shows."""

    def __init__(self, ax: Axes, layer: BaseLayer, *, zorder: float = 1) -> None:
        super().__init__(ax, interpolation="nearest", extent=layer.extent, zorder=zorder)
        self.layer = layer
        self.set_data(layer.pixels)

    def make_image(self, renderer: object, magnification: float = 1.0,
                   unsampled: bool = False) -> tuple:
        """The picture as drawn: the cached pixels as they are where they fit the axes
        (no resampling, the slow part of drawing an image), else resampled as usual."""
        box = self.axes.bbox
        height, width, _ = self.layer.pixels.shape
        if magnification != 1 or (round(box.width), round(box.height)) != (width, height):
            return super().make_image(renderer, magnification, unsampled)
        # Agg wants the rows bottom up and an array it may write to.
        return np.array(self.layer.pixels[::-1]), math.floor(box.x0), round(box.y0), None


def show_base_layer(ax: Axes, *, extent: tuple[float, float, float, float] = _FRAME,
                    places: pd.DataFrame | None = None, show_markers: bool = True,
                    fontsize: float = 11, label_countries: bool = True,
                    highlight: str | None = "ML", degrees: bool = True) -> list[BaseMapImage]:
    """Frame ``ax`` as :func:`draw_basemap` does and show the cached :func:`base_layer` on it.

    Args:
        ax: Matplotlib axes to draw on.
        extent: (lon_min, lon_max, lat_min, lat_max) to show.
        places: Places to mark and name (columns as for :func:`draw_places`), or None.
        show_markers: Mark the places with black dots and stars. A map that marks them
            itself passes False: the names then come as a second picture, above its
            markers (zorder 4).
        fontsize: Size of the place names in points (below 9 the river goes unnamed).
        label_countries: Name the neighbouring countries.
        highlight: Country to pick out, as in :func:`draw_basemap`.
        degrees: Number the axes in degrees of longitude and latitude. A map about towns
            and who held them passes False: its scale bar gives distances, and the
            degrees would only crowd it.

    Returns:
        The pictures shown, the map first; each one's ``layer.figure`` holds the artists
        drawn (river, scale bar, place names).

    Example:
        >>> from matplotlib.figure import Figure
        >>> images = show_base_layer(Figure(figsize=(4, 3)).add_subplot())
        >>> images[0].layer.figure.axes[0].lines[0].get_label()
        'Niger river (approximate)'
    """
    lon_min, lon_max, lat_min, lat_max = extent
    ax.set(xlim=(lon_min, lon_max), ylim=(lat_min, lat_max), facecolor=_BACKGROUND)
    if degrees:
        ax.set(xlabel=translate("Longitude (°E)"), ylabel=translate("Latitude (°N)"))
    else:  # a framed map without numbers
        ax.set(xticks=[], yticks=[])
        for spine in ax.spines.values():
            spine.set_visible(True)
    ax.set_aspect(1 / math.cos(math.radians((lat_min + lat_max) / 2)))
    ax.apply_aspect()
    figure = ax.get_figure()
    box = ax.get_position()
    width, height = figure.get_size_inches() * figure.dpi
    size = (max(1, round(box.width * width)), max(1, round(box.height * height)))
    marks = place_marks(places) if places is not None else ()
    options = {"fontsize": fontsize, "label_countries": label_countries, "highlight": highlight,
               "language": current_language()}
    images = [BaseMapImage(ax, base_layer(tuple(extent), size, figure.dpi,
                                          marks=marks if show_markers else (), **options))]
    if marks and not show_markers:
        images.append(BaseMapImage(ax, base_layer(tuple(extent), size, figure.dpi, marks=marks,
                                                  labels_only=True, **options), zorder=4))
    for image in images:
        ax.add_image(image)
    ax.set(xlim=(lon_min, lon_max), ylim=(lat_min, lat_max))
    return images


def map_texts(ax: Axes) -> list[Text]:
    """Return every text written on a map axes, those in its base pictures included.

    Example:
        >>> from matplotlib.figure import Figure
        >>> ax = Figure(figsize=(4, 3)).add_subplot()
        >>> images = show_base_layer(ax, places=pd.DataFrame({"name": ["Gao"], "lon": [-0.04],
        ...                                                   "lat": [16.27], "kind": ["town"]}))
        >>> "Gao" in [text.get_text() for text in map_texts(ax)]
        True
    """
    texts = list(ax.texts)
    for image in ax.images:
        if isinstance(image, BaseMapImage):
            texts += [text for layer_ax in image.layer.figure.axes for text in layer_ax.texts]
    return texts


# 2. Great-circle distances and compass directions between two points.

_EARTH_RADIUS_KM = 6371.0088
_COMPASS = ("north", "north-east", "east", "south-east", "south", "south-west", "west",
            "north-west")


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle ("as the crow flies") distance in kilometres.

    Roads are longer: reports that give road distances differ from this figure.

    Example:
        >>> round(distance_km(12.64, -8.00, 16.27, -0.04))
        947
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dphi, dlam = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlam / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def bearing_deg(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the initial compass bearing from the first point to the second (0 = north).

    Example:
        >>> round(bearing_deg(0, 0, 1, 0))
        0
    """
    p1, p2, dlam = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    x = math.sin(dlam) * math.cos(p2)
    y = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dlam)
    return math.degrees(math.atan2(x, y)) % 360


def compass_point(bearing: float) -> str:
    """Name the nearest of the eight compass points for a bearing in degrees (in English,
    as the data and the lessons' code compare them; :func:`direction_name` shows one).

    Example:
        >>> compass_point(50)
        'north-east'
    """
    return _COMPASS[round(bearing / 45) % 8]


def direction_name(point: str, *, language: str | None = None) -> str:
    """Write a compass point of :func:`compass_point` in the lesson's language.

    Example:
        >>> direction_name("north-east", language="fr")
        'nord-est'
    """
    return translate(point, language=language) if point else ""


# 3. Finding a place by id or name, and the distance between two of them.

def _fold(text: object) -> str:
    """Fold case, accents, apostrophes and spaces so that "N'Djamena" matches "ndjamena"."""
    return normalise_text(text).replace(" ", "")


def find_place(places: pd.DataFrame, name_or_id: str) -> pd.Series:
    """Find a place by id or name, forgiving case, accents and apostrophes.

    In the French edition the English name (kept as ``name_en``) is found too, so
    "Timbuktu" and "Tombouctou" name the same place.

    Args:
        places: The places table (``load_places()``).
        name_or_id: A ``place_id`` or a name, e.g. ``"segou"`` or ``"Ségou"``.

    Raises:
        ValueError: listing the known names when nothing matches.

    Example:
        >>> table = pd.DataFrame({"place_id": ["segou"], "name": ["Ségou"]})
        >>> find_place(table, "SEGOU")["name"]
        'Ségou'
        >>> table = pd.DataFrame({"place_id": ["timbuktu"], "name": ["Tombouctou"],
        ...                       "name_en": ["Timbuktu"]})
        >>> find_place(table, "Timbuktu")["name"]
        'Tombouctou'
    """
    wanted = _fold(name_or_id)
    english = places["name_en"] if "name_en" in places else places["name"]
    for index, place_id, name, name_en in zip(places.index, places["place_id"],
                                              places["name"], english, strict=True):
        if wanted in (_fold(place_id), _fold(name), _fold(name_en)):
            return places.loc[index]
    known = ", ".join(sorted(places["name"]))
    raise ValueError(translate("no place called {name!r}; known places: {known}",
                               name=name_or_id, known=known))


def distance_between(places: pd.DataFrame, a: str, b: str) -> float:
    """Return the great-circle distance in km between two places named or identified.

    Example:
        >>> table = pd.DataFrame({"place_id": ["a", "b"], "name": ["A", "B"],
        ...                       "lat": [0.0, 0.0], "lon": [0.0, 1.0]})
        >>> round(distance_between(table, "a", "B"))
        111
    """
    first, second = find_place(places, a), find_place(places, b)
    return distance_km(first["lat"], first["lon"], second["lat"], second["lon"])


# 4. The places of the crisis: distances from Bamako, as a table and as the overview map.

_ORIGIN = "bamako"


def _position(start: pd.Series, place: pd.Series) -> tuple[float, str]:
    """Distance in km from ``start`` to ``place`` and its compass direction ("" if within 1 km)."""
    km = distance_km(start["lat"], start["lon"], place["lat"], place["lon"])
    if km < 1:
        return km, ""
    return km, compass_point(bearing_deg(start["lat"], start["lon"], place["lat"], place["lon"]))


def place_distances(places: pd.DataFrame, *, origin: str = _ORIGIN) -> pd.DataFrame:
    """Return each place with its straight-line distance and direction from ``origin``.

    Args:
        places: The places table (``load_places()``).
        origin: Id or name of the place to measure from.

    Returns:
        One row per place, nearest first: Place, Kind, Latitude (°N), Longitude (°E),
        ``km from <origin>`` (rounded) and Direction (empty for the origin itself).

    Example:
        >>> from helpers.data import load_places
        >>> table = place_distances(load_places())
        >>> int(table.set_index("Place").loc["Gao", "km from Bamako"])
        947
    """
    start = find_place(places, origin)
    km_column = f"km from {start['name']}"
    rows = []
    for _, place in places.iterrows():
        km, direction = _position(start, place)
        rows.append({"Place": place["name"], "Kind": place["kind"].replace("_", " "),
                     "Latitude (°N)": place["lat"], "Longitude (°E)": place["lon"],
                     km_column: round(km), "Direction": direction})
    return pd.DataFrame(rows).sort_values(km_column, ignore_index=True)


def shown_distances(table: pd.DataFrame) -> pd.DataFrame:
    """Return a :func:`place_distances` table as a student reads it, in the lesson's language.

    The headers, kinds and directions are translated and, in French, the numbers written
    the French way ("1 290", "12,64"); the lessons' code keeps using the English columns
    of :func:`place_distances`. In English the table is returned unchanged.

    Example:
        >>> from helpers.data import load_places
        >>> shown = shown_distances(place_distances(load_places()))
        >>> list(shown.columns[:2])
        ['Place', 'Kind']
    """
    km_column = next(name for name in table.columns if name.startswith("km from "))
    shown = pd.DataFrame({
        translate("Place"): table["Place"],
        translate("Kind"): [translate(kind) for kind in table["Kind"]],
        translate("Latitude (°N)"): table["Latitude (°N)"],
        translate("Longitude (°E)"): table["Longitude (°E)"],
        translate("km from {origin}", origin=km_column.removeprefix("km from ")):
            table[km_column],
        translate("Direction"): [direction_name(point) for point in table["Direction"]],
    })
    return display_numbers(shown)


def places_table(places: pd.DataFrame, *, origin: str = _ORIGIN) -> Markdown:
    """Show every place with its distance and direction from ``origin``, nearest first.

    The table is :func:`place_distances` written with :func:`helpers.tables.markdown_table`
    (every cell escaped, no row left out), coordinates to two decimals, headers and
    words in the lesson's language (:func:`shown_distances`).

    Example:
        >>> from helpers.data import load_places
        >>> print(places_table(load_places()).splitlines()[2])
        | Bamako | capital | 12.64 | -8.00 | 0 |  |
    """
    table = place_distances(places, origin=origin)
    for column in ("Latitude (°N)", "Longitude (°E)"):
        table[column] = [format_number(value, decimals=2) for value in table[column]]
    return markdown_table(shown_distances(table))


def places_map_chart(places: pd.DataFrame, sources: pd.DataFrame, *,
                     title: str | None = None,
                     extent: tuple[float, float, float, float] = _FRAME) -> Chart:
    """Draw the overview map of Mali with every place labelled.

    Args:
        places: The places table (``load_places()``); each row's source is cited.
        sources: The bibliography (``load_sources()``), for the caption.
        title: The map's title; by default "Mali and the places of the crisis", in the
            lesson's language.
        extent: (lon_min, lon_max, lat_min, lat_max) to show.

    Returns:
        A :class:`helpers.charts.Chart` whose table is :func:`place_distances` as
        :func:`shown_distances` shows it.

    Example:
        >>> from helpers.data import load_places, load_sources
        >>> places_map_chart(load_places(), load_sources()).caption.startswith("Towns and bases")
        True
    """
    with house_style():
        fig, ax = plt.subplots(figsize=(11, 7.5))
        show_base_layer(ax, extent=extent, places=places)
        ax.set_title(translate("Mali and the places of the crisis") if title is None else title)
    table = place_distances(places)
    far = table.iloc[-1]
    km_column = next(name for name in table.columns if name.startswith("km from "))
    text = translate("Map of Mali and its neighbours with {count} places marked. Bamako, the "
                     "capital, lies in the south-west, on the Niger river; the northern towns "
                     "lie hundreds of kilometres away, the farthest shown being {far} at {km} "
                     "km. The Niger river (an approximate line) flows north-east from Guinea "
                     "past Bamako, Ségou and Mopti to Timbuktu, bends south-east at Bourem and "
                     "passes Gao, Ansongo and Niamey; a scale bar shows {scale} km. The table "
                     "lists every place with its distance and direction from Bamako.",
                     count=len(places), far=far["Place"], km=_km(far[km_column]),
                     scale=_km(scale_bar_km(extent)))
    note = caption(sources, ["ref-natural-earth", RIVER_SOURCE, *places["source_id"]],
                   text=translate("Towns and bases mentioned in the module; borders from "
                                  "Natural Earth; the Niger river traced approximately through "
                                  "towns on its banks."))
    return make_chart(fig, caption=note, alt_text=text, table=shown_distances(table))


# 5. One place at a time: where it is and what happened there, and the widget around it.

def describe_place(places: pd.DataFrame, events: pd.DataFrame, sources: pd.DataFrame,
                   name_or_id: str | None) -> str:
    """Return an HTML paragraph about one place: where it is and what happened there.

    Args:
        places: The places table (``load_places()``).
        events: The events table (``load_events()``); the place's events are listed by date.
        sources: The bibliography (``load_sources()``), for each event's short citations.
        name_or_id: The place's id or name; empty or None asks the reader to choose.

    Raises:
        ValueError: no place has that id or name.

    Example:
        >>> from helpers.data import load_events, load_places, load_sources
        >>> tables = load_places(), load_events(), load_sources()
        >>> "513 km north-east of Bamako" in describe_place(*tables, "konna")
        True
        >>> describe_place(*tables, None)
        '<p>Choose a place from the list to read about it.</p>'
    """
    if not name_or_id:
        return f"<p>{html.escape(translate('Choose a place from the list to read about it.'))}</p>"
    place = find_place(places, name_or_id)
    km, direction = _position(find_place(places, _ORIGIN), place)
    lat, lon = format_number(place["lat"], decimals=2), format_number(abs(place["lon"]), decimals=2)
    where = (translate("{lat}°N, {lon}°E", lat=lat, lon=lon) if place["lon"] >= 0
             else translate("{lat}°N, {lon}°W", lat=lat, lon=lon))
    position = (translate("It is the capital of Mali.") if not direction else
                translate("It lies {km} km {direction} of Bamako in a straight line (roads are "
                          "longer).", km=_km(km), direction=direction_name(direction)))
    items = []
    for _, event in events[events["place_id"] == place["place_id"]].sort_values("date").iterrows():
        cited = "; ".join(short_citation(sources, s) for s in event["source_ids"].split(";"))
        when = format_when(event["date"], event["date_precision"])
        line = translate("{when}: {title}", when=when, title=event["title"])
        items.append(f"<li>{html.escape(line)} <small>({html.escape(cited)})</small></li>")
    happened = (f"<ul>{''.join(items)}</ul>" if items
                else f"<p>{html.escape(translate('No event here in the timeline yet.'))}</p>")
    return (f"<p><strong>{html.escape(place['name'])}</strong> ({where}). "
            f"{html.escape(position)}</p>{happened}")


def place_explorer(places: pd.DataFrame, events: pd.DataFrame,
                   sources: pd.DataFrame) -> widgets.VBox:
    """Return a dropdown of places and a panel describing the chosen one.

    All the logic is in :func:`describe_place`, which the tests call directly; the
    widget only passes the dropdown's value to it.

    Example:
        >>> from helpers.data import load_events, load_places, load_sources
        >>> box = place_explorer(load_places(), load_events(), load_sources())
        >>> box.children[0].value = "gao"
        >>> "Gao" in box.children[1].value
        True
    """
    named = sorted(zip(places["name"], places["place_id"], strict=True))
    picker = widgets.Dropdown(options=[(translate("Choose a place…"), ""), *named], value="",
                              description=translate("Place:"), layout=widgets.Layout(width="320px"))
    panel = widgets.HTML(value=describe_place(places, events, sources, ""))
    picker.add_class("place-explorer-picker")
    panel.add_class("place-explorer-panel")

    def show(change: dict) -> None:
        panel.value = describe_place(places, events, sources, change["new"])

    picker.observe(show, names="value")
    return widgets.VBox([picker, panel])
