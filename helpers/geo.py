"""Great-circle distances and compass directions between places."""

from __future__ import annotations

import math
import unicodedata

import pandas as pd

EARTH_RADIUS_KM = 6371.0088
COMPASS = ("north", "north-east", "east", "south-east", "south", "south-west", "west",
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
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


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
    """Name the nearest of the eight compass points for a bearing in degrees.

    Example:
        >>> compass_point(50)
        'north-east'
    """
    return COMPASS[round(bearing / 45) % 8]


def normalise_name(text: str) -> str:
    """Fold case, accents, apostrophes and spaces so that 'Ségou' matches 'segou'.

    Example:
        >>> normalise_name("  N'Djamena ")
        'ndjamena'
    """
    folded = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return "".join(ch for ch in folded.casefold() if ch.isalnum())


def find_place(name_or_id: str, places: pd.DataFrame) -> pd.Series:
    """Find a place by id or name, forgiving case and accents.

    Raises:
        ValueError: listing the known names when nothing matches.

    Example:
        >>> import pandas as pd
        >>> table = pd.DataFrame({"place_id": ["segou"], "name": ["Ségou"]})
        >>> find_place("SEGOU", table)["name"]
        'Ségou'
    """
    wanted = normalise_name(name_or_id)
    for _, row in places.iterrows():
        if wanted in (normalise_name(row["place_id"]), normalise_name(row["name"])):
            return row
    known = ", ".join(sorted(places["name"]))
    raise ValueError(f"no place called {name_or_id!r}; known places: {known}")


def distance_between(a: str, b: str, places: pd.DataFrame) -> float:
    """Return the great-circle distance in km between two places named or identified.

    Example:
        >>> import pandas as pd
        >>> table = pd.DataFrame({"place_id": ["a", "b"], "name": ["A", "B"],
        ...                       "lat": [0.0, 0.0], "lon": [0.0, 1.0]})
        >>> round(distance_between("a", "B", table))
        111
    """
    first, second = find_place(a, places), find_place(b, places)
    return distance_km(first["lat"], first["lon"], second["lat"], second["lon"])
