"""One loader per table in ``data/``; each checks its rows and its cross-references.

Every loader returns a pandas DataFrame, raises :class:`helpers.validate.DataError`
naming the file, row and column of the first problem, and accepts ``data_dir=`` to
read another folder (the tests use deliberately broken copies).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.paths import data_dir as default_data_dir
from helpers.schema import TABLES, id_column
from helpers.validate import DataError, split_ids, validate_file


def table_path(table: str, *, data_dir: Path | None = None) -> Path:
    """Return the path of a table's CSV file.

    Example:
        >>> table_path("events").name
        'events.csv'
    """
    if table not in TABLES:
        raise KeyError(f"unknown table {table!r}; the tables are {', '.join(TABLES)}")
    return Path(data_dir or default_data_dir()) / f"{table}.csv"


def load_table(table: str, *, data_dir: Path | None = None) -> pd.DataFrame:
    """Load any table by name, checked against its schema and the tables it refers to.

    Example:
        >>> load_table("sources").columns[0]
        'source_id'
    """
    path = table_path(table, data_dir=data_dir)
    frame = validate_file(path, table)
    for column in TABLES[table]:
        if column.ref is None:
            continue
        known = set(validate_file(table_path(column.ref, data_dir=data_dir), column.ref)
                    [id_column(column.ref)])
        for row, cell in zip(frame["_row"], frame[column.name], strict=True):
            for ref in split_ids(cell):
                if ref not in known:
                    raise DataError(path, int(row), column.name,
                                    f"{ref!r} is not a {id_column(column.ref)} in "
                                    f"{column.ref}.csv")
    return frame


def load_sources(*, data_dir: Path | None = None) -> pd.DataFrame:
    """Load the bibliography, one row per source.

    ============ ==========================================================
    source_id    identifier cited by every other table (seeds: ``seed-…``)
    title        title of the work
    author       person or organisation (may be empty)
    publisher    outlet, press or body
    published    ISO date, as precise as known (``YYYY``, ``YYYY-MM``, …)
    kind         news, interview, blog, book, un_resolution, statute, …
    url          where to read it (may be empty)
    voice        who is actually speaking: reporter, official, analyst, …
    seed_file    file name in ``shared/seeds/`` for the five seeds
    notes        anything a reader should know about the source
    ============ ==========================================================

    Example:
        >>> "seed-passblue-2013" in set(load_sources()["source_id"])
        True
    """
    return load_table("sources", data_dir=data_dir)


def load_places(*, data_dir: Path | None = None) -> pd.DataFrame:
    """Load towns and bases with their coordinates.

    ============ ==========================================================
    place_id     identifier, e.g. ``gao``
    name         usual English spelling
    lat, lon     decimal degrees, north and east positive
    kind         capital, regional_capital, town, base, region
    country      ISO 3166 alpha-2 code (``ML`` for Mali)
    label_anchor where the map label sits from the dot (``ne`` if empty)
    source_id    where the coordinates come from
    note         remarks
    ============ ==========================================================

    Example:
        >>> load_places().set_index("place_id").loc["bamako", "kind"]
        'capital'
    """
    return load_table("places", data_dir=data_dir)


def load_actors(*, data_dir: Path | None = None) -> pd.DataFrame:
    """Load the glossary of actors (states, armed groups, organisations, missions).

    ============ ==========================================================
    actor_id     identifier, e.g. ``mnla``
    name         name used in the module
    full_name    what the letters stand for
    kind         state, state_forces, armed_group, coalition, regional_org, …
    description  one or two sentences in the module's own words
    aims, leaders, origins   optional detail (leaders as of 2012-13)
    source_ids   sources, separated by ``;``
    ============ ==========================================================

    Example:
        >>> load_actors().set_index("actor_id").loc["mnla", "kind"]
        'armed_group'
    """
    return load_table("actors", data_dir=data_dir)


def load_events(*, data_dir: Path | None = None) -> pd.DataFrame:
    """Load the dated timeline, one row per event.

    ============== ========================================================
    event_id       identifier, ``ev-YYYYMMDD-word``
    date           datetime; ``date_precision`` says day, month or year
    end_date       for spans (may be empty)
    title, summary short title and one sentence in the module's own words
    category       background, rebellion, coup, diplomacy, intervention, …
    place_id       where (may be empty)
    actors         actor ids separated by ``;``
    source_ids     sources separated by ``;``
    note           disputed dates and other remarks
    ============== ========================================================

    Example:
        >>> load_events()["date"].dtype.kind
        'M'
    """
    return load_table("events", data_dir=data_dir)


def load_control(*, data_dir: Path | None = None) -> pd.DataFrame:
    """Load who held each town from a date on (``place_id``, ``date``, ``holder``, …).

    Example:
        >>> list(load_control().columns[:3])
        ['place_id', 'date', 'holder']
    """
    return load_table("control", data_dir=data_dir)


def load_deployments(*, data_dir: Path | None = None) -> pd.DataFrame:
    """Load force figures, one figure as reported by one source per row.

    Columns: ``deployment_id``, ``date``, ``date_precision``, ``force``, ``contributor``,
    ``category`` (troops, helicopters, …), ``figure_kind`` (authorized, pledged,
    planned, announced, deployed, peak), ``scope`` (in_mali, engaged, in_region),
    ``value``, ``base_place_id``, ``source_id``, ``note``.

    Example:
        >>> "figure_kind" in load_deployments().columns
        True
    """
    return load_table("deployments", data_dir=data_dir)


def load_claims(*, data_dir: Path | None = None) -> pd.DataFrame:
    """Load what each source asserts: ``claim_id``, ``source_id``, ``topic``, ``claim_key``,
    ``claim`` (own words), ``value``, ``unit``, ``speaker``, ``quote``, ``locator``.

    Example:
        >>> "claim_key" in load_claims().columns
        True
    """
    return load_table("claims", data_dir=data_dir)


def load_labels(*, data_dir: Path | None = None) -> pd.DataFrame:
    """Load the words each source uses for the armed groups, with counts.

    Example:
        >>> list(load_labels().columns[:3])
        ['source_id', 'label', 'count']
    """
    return load_table("labels", data_dir=data_dir)


def load_authorities(*, data_dir: Path | None = None) -> pd.DataFrame:
    """Load the US legal instruments: ``authority_id``, ``short_name``, ``citation``,
    ``enacted``, ``kind``, ``permits``, ``bars``, ``applies_to``, ``conditions``,
    ``bearing_on_mali``, ``source_ids``.

    Example:
        >>> "citation" in load_authorities().columns
        True
    """
    return load_table("authorities", data_dir=data_dir)


def load_us_actions(*, data_dir: Path | None = None) -> pd.DataFrame:
    """Load what Washington was asked for and did: ``action_id``, ``date``, ``kind``,
    ``recipient``, ``outcome``, ``authority_ids``, ``deployment_ids``, ``summary``, …

    Example:
        >>> "outcome" in load_us_actions().columns
        True
    """
    return load_table("us_actions", data_dir=data_dir)
