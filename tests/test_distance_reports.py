"""Reported distances against the great circle: units, and the gap the lesson discusses."""

from __future__ import annotations

import pytest

from helpers.data import load_claims, load_places
from helpers.rebel_advance import compare_distances, to_km


def test_units() -> None:
    assert to_km(10, "km") == 10
    assert to_km(1, "miles") == pytest.approx(1.609344)
    with pytest.raises(ValueError, match="furlongs"):
        to_km(1, "furlongs")


def test_every_report_is_longer_than_the_straight_line() -> None:
    table = compare_distances(load_claims(), load_places())
    assert len(table) >= 5 and (table["Reported ÷ straight"] > 1).all()
    diabaly = table[table["Town"] == "Diabaly"]
    assert {350, 400, 460, 515} <= set(diabaly["Reported (km)"])
    assert set(diabaly["Straight line (km)"]) == {313}
