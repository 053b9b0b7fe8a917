"""The curated tables: every one loads, every reference resolves, every place is on the map,
and deliberately broken copies fail with the promised message."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.basemap import map_extent
from helpers.loaders import load_places, load_sources, load_table
from helpers.schema import TABLES
from helpers.validate import DataError

FIXTURES = Path(__file__).parent / "fixtures" / "broken"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_table_loads_and_its_references_resolve(table: str) -> None:
    frame = load_table(table)
    assert list(frame.columns[:-1]) == [column.name for column in TABLES[table]]


def test_every_place_lies_inside_the_map_frame() -> None:
    lon_min, lon_max, lat_min, lat_max = map_extent()
    for _, place in load_places().iterrows():
        assert lat_min <= place["lat"] <= lat_max, place["name"]
        assert lon_min <= place["lon"] <= lon_max, place["name"]


def test_northern_towns_east_of_greenwich_have_positive_longitude() -> None:
    places = load_places().set_index("place_id")
    assert places.loc["kidal", "lon"] > 0 and places.loc["menaka", "lon"] > 0
    assert -0.2 < places.loc["gao", "lon"] < 0


def test_the_five_seeds_are_in_the_bibliography() -> None:
    seeds = load_sources().query("seed_file != ''")
    assert len(seeds) == 5
    assert all(sid.startswith("seed-") for sid in seeds["source_id"])
    if SEEDS.is_dir():
        assert {p.name for p in SEEDS.glob("0*.txt")} == set(seeds["seed_file"])


def test_quotes_are_short() -> None:
    claims = load_table("claims")
    for quote in claims["quote"]:
        assert quote.count(". ") < 2 and len(quote) < 300, quote


@pytest.mark.parametrize("expected", sorted(FIXTURES.glob("*/expected-*.txt")),
                         ids=lambda path: path.parent.name)
def test_broken_fixture_gives_the_promised_message(expected: Path) -> None:
    table = expected.stem.removeprefix("expected-")
    with pytest.raises(DataError) as raised:
        load_table(table, data_dir=expected.parent)
    assert expected.read_text(encoding="utf-8").strip() in str(raised.value)
