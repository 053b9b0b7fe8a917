"""Draw a plain map of Mali and its neighbours with matplotlib only (no geo stack).

Outlines come from data/basemap.geojson (Natural Earth 1:110m, public domain),
built by scripts/build_basemap.py; the file's "provenance" member says how.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

import numpy as np
from matplotlib import patheffects
from matplotlib.patches import Polygon

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

LAND, HIGHLIGHT, BORDER, BACKGROUND = "#e8e8e8", "#fbf3d9", "#7f7f7f", "white"
# Country name positions (lon, lat, text, rotation), fixed by hand for the default
# frame: centroids of Algeria and Chad fall outside it, and only thin strips of
# Senegal and Chad show, so their names run vertically. Clear of lesson towns.
LABELS = MappingProxyType({
    "ML": (-4.6, 20.3, "MALI", 0), "DZ": (3.5, 24.6, "Algeria", 0),
    "NE": (9.5, 17.8, "Niger", 0), "MR": (-10.2, 19.5, "Mauritania", 0),
    "BF": (-1.7, 13.3, "Burkina\nFaso", 0), "SN": (-12.6, 13.5, "Senegal", 90),
    "GN": (-10.8, 10.4, "Guinea", 0), "CI": (-5.7, 9.9, "Côte d'Ivoire", 0),
    "TD": (16.1, 17.6, "Chad", 90),
})
# label_anchor -> (direction of the label from its point, ha, va)
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


def draw_basemap(ax: Axes, *, extent: tuple[float, float, float, float] = (-13.0, 16.5, 9.5, 25.5),
                 highlight: str | None = "ML", label_countries: bool = True,
                 path: Path | str | None = None) -> Axes:
    """Draw country outlines on ``ax``, the ``highlight`` country in a pale warm colour.

    Args:
        ax: Matplotlib axes to draw on.
        extent: (lon_min, lon_max, lat_min, lat_max) to show.
        highlight: ISO alpha-2 code of the country to pick out, or None.
        label_countries: Write names of the labelled countries inside ``extent``.
        path: Outlines file; defaults to basemap_path().

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
        fill = HIGHLIGHT if code == highlight else LAND if code in LABELS else BACKGROUND
        for ring in rings:
            ax.add_patch(Polygon(ring, closed=True, facecolor=fill, edgecolor=BORDER,
                                 linewidth=0.8, zorder=1.1 if code == highlight else 1))
        lon, lat, name, rotation = LABELS.get(code, (math.nan, math.nan, "", 0))
        if label_countries and lon_min <= lon <= lon_max and lat_min <= lat <= lat_max:
            ax.text(lon, lat, name, color="#6f6f6f", style="italic", ha="center",
                    va="center", rotation=rotation, zorder=1.5,
                    fontsize=12 if code == highlight else 10)
    ax.set_facecolor(BACKGROUND)
    ax.set_xlim(lon_min, lon_max)
    ax.set_ylim(lat_min, lat_max)
    ax.set_aspect(1 / math.cos(math.radians((lat_min + lat_max) / 2)))
    ax.set_xlabel("Longitude (°E)")
    ax.set_ylabel("Latitude (°N)")
    return ax


def draw_places(ax: Axes, places: pd.DataFrame, *, fontsize: float = 11,
                show_labels: bool = True) -> Axes:
    """Mark places on ``ax``: kind "capital" as a star, any other kind as a dot.

    Args:
        ax: Axes, usually from draw_basemap().
        places: Columns name, lat, lon, kind and optional label_anchor (n, ne, e,
            se, s, sw, w, nw: where the name sits; missing or NaN means ne).
        fontsize: Label size in points.
        show_labels: Write each name beside its marker, on a white halo.

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
        ax.plot(lon, lat, marker="*" if capital else "o", markersize=15 if capital else 6,
                color="black", markeredgecolor="white", markeredgewidth=0.8, zorder=3)
        if show_labels:
            (dx, dy), ha, va = ANCHORS[anchor]
            gap = 6 if capital else 4
            ax.annotate(str(name), (lon, lat), xytext=(dx * gap, dy * gap), ha=ha, va=va,
                        textcoords="offset points", fontsize=fontsize, path_effects=halo,
                        zorder=4, annotation_clip=True)
    return ax
