"""One loader per table, each typed and each refusing unresolved references."""

from __future__ import annotations

import pytest

from helpers import loaders
from helpers.validate import DataError


def test_each_table_has_a_loader_named_for_it() -> None:
    from helpers.schema import TABLES
    for table in TABLES:
        assert callable(getattr(loaders, f"load_{table}"))


def test_loaded_types_are_usable() -> None:
    events = loaders.load_events()
    places = loaders.load_places()
    assert events["date"].dtype.kind == "M"
    assert places["lat"].dtype == float
    assert (events["source_ids"] != "").all()


def test_unknown_table_lists_the_tables() -> None:
    with pytest.raises(KeyError, match="the tables are sources"):
        loaders.table_path("troops")


def test_event_citing_a_missing_source_is_refused(data_copy) -> None:
    path = data_copy / "events.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "news-guardian-20120124;", "news-guardian-2012124;", 1), encoding="utf-8")
    with pytest.raises(DataError, match="row 2, column 'source_ids': 'news-guardian-2012124'"):
        loaders.load_events(data_dir=data_copy)


def test_event_at_an_unknown_place_is_refused(data_copy) -> None:
    path = data_copy / "events.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",menaka,", ",manaka,", 1),
                    encoding="utf-8")
    with pytest.raises(DataError, match="'manaka' is not a place_id in places.csv"):
        loaders.load_events(data_dir=data_copy)
