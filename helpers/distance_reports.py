"""Reported distances from Bamako set beside the straight line computed from places.csv."""

from __future__ import annotations

import pandas as pd

from helpers.citations import short_citation
from helpers.geo import distance_between

KM_PER_MILE = 1.609344


def to_km(value: float, unit: str) -> float:
    """Convert a reported distance to kilometres.

    Example:
        >>> round(to_km(395, "miles"))
        636
    """
    units = {"km": 1.0, "miles": KM_PER_MILE}
    if unit not in units:
        raise ValueError(f"unit {unit!r} is not one of {list(units)}")
    return float(value) * units[unit]


def compare_distances(claims: pd.DataFrame, places: pd.DataFrame, *,
                      sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return each reported distance from Bamako beside the great-circle distance.

    Reads the claims whose ``claim_key`` is ``distance-bamako-<place_id>``.

    Example:
        >>> from helpers.loaders import load_claims, load_places
        >>> table = compare_distances(load_claims(), load_places())
        >>> passblue = table[table["Source"] == "PassBlue, 2013-01-11"]
        >>> passblue[["Town", "Reported (km)"]].values.tolist()
        [['Mopti', 636]]
    """
    rows = []
    distance = claims[claims["claim_key"].str.startswith("distance-bamako-")]
    for claim in distance.to_dict("records"):
        place = claim["claim_key"].removeprefix("distance-bamako-")
        reported = to_km(float(claim["value"]), claim["unit"])
        straight = distance_between("bamako", place, places)
        rows.append({"Town": places.set_index("place_id").loc[place, "name"],
                     "Source": short_citation(claim["source_id"], sources=sources),
                     "As reported": f"{claim['value']} {claim['unit']}",
                     "Reported (km)": round(reported), "Straight line (km)": round(straight),
                     "Reported ÷ straight": round(reported / straight, 2)})
    return pd.DataFrame(rows).sort_values(["Straight line (km)", "Reported (km)"],
                                          ignore_index=True)
