"""Great-circle distances, bearings and forgiving place look-up."""

from __future__ import annotations

import pytest

from helpers.geo import bearing_deg, compass_point, distance_between, distance_km, find_place
from helpers.loaders import load_places


def test_one_degree_of_latitude_is_about_111_km() -> None:
    assert distance_km(0, 0, 1, 0) == pytest.approx(111.2, abs=0.1)


def test_distance_is_symmetric_and_zero_to_itself() -> None:
    assert distance_km(12.6, -8, 16.3, 0) == pytest.approx(distance_km(16.3, 0, 12.6, -8))
    assert distance_km(12.6, -8, 12.6, -8) == 0


def test_bamako_to_mopti_is_about_460_km_north_east() -> None:
    places = load_places()
    assert distance_between("Bamako", "Mopti", places) == pytest.approx(461, abs=2)
    bamako, mopti = find_place("bamako", places), find_place("mopti", places)
    assert compass_point(bearing_deg(bamako.lat, bamako.lon, mopti.lat, mopti.lon)) == "north-east"


def test_compass_points_wrap_around() -> None:
    assert compass_point(359) == "north" and compass_point(180) == "south"


def test_unknown_place_lists_the_known_ones() -> None:
    with pytest.raises(ValueError, match="no place called 'Atlantis'; known places: .*Bamako"):
        find_place("Atlantis", load_places())


def test_accents_and_case_are_forgiven() -> None:
    assert find_place("sévaré", load_places())["place_id"] == "sevare"
    assert find_place("MENAKA", load_places())["name"] == "Ménaka"
