"""The curated tables: where they live, their schema, validation, and one loader per table.

Every loader returns a pandas DataFrame and raises :class:`DataError` naming the file,
row and column of the first problem. Loaders accept ``data_dir=`` to read another folder
(the tests use deliberately broken copies).
"""

from __future__ import annotations

import codecs
import csv
import functools
import hashlib
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from helpers.language import current_language, translate

# Where the module's files live, found from this package, never from the working directory.

def repo_root() -> Path:
    """Return the folder that holds ``data/``, ``notebooks/`` and ``helpers/``.

    Example:
        >>> (repo_root() / "helpers").is_dir()
        True
    """
    return Path(__file__).resolve().parent.parent


def data_folder() -> Path:
    """Return the folder of the curated CSV tables.

    Example:
        >>> data_folder().name
        'data'
    """
    return repo_root() / "data"


# The schema of every table in ``data/``: columns, types and allowed values.

@dataclass(frozen=True)
class Column:
    """One column of a table.

    Attributes:
        name: Header name in the CSV file.
        kind: One of ``id``, ``slug``, ``text``, ``date``, ``partial_date``, ``number``,
            ``integer``, ``category``, ``ref``, ``refs``, ``url``.
        required: Whether an empty cell is an error.
        allowed: Allowed values for ``category`` columns.
        ref: For ``ref``/``refs`` columns, the table whose ``id`` column is referenced.
        low: Smallest allowed number, if any.
        high: Largest allowed number, if any.
        ref_key: For ``ref`` columns, the referenced table's column (its ``id`` if None).
        ref_kinds: For ``ref`` columns, the allowed ``kind`` of the referenced row, if any.

    Example:
        >>> Column("lat", "number", low=-90, high=90).kind
        'number'
    """

    name: str
    kind: str
    required: bool = True
    allowed: tuple[str, ...] = ()
    ref: str | None = None
    low: float | None = None
    high: float | None = None
    ref_key: str | None = None
    ref_kinds: tuple[str, ...] = ()


def _opt(name: str, kind: str = "text", **options) -> Column:
    return Column(name, kind, required=False, **options)


PRECISIONS = ("day", "month", "year")
SOURCE_KINDS = (
    "news", "interview", "blog", "book", "article", "official_statement", "un_resolution",
    "un_report", "statute", "government_report", "reference", "dataset",
)
VOICES = (
    "reporter", "official", "analyst", "scholar", "blogger", "commenter", "mixed",
    "legal_text", "reference",
)
PLACE_KINDS = ("capital", "regional_capital", "town", "base", "region")
COUNTRIES = ("ML", "NE", "TD", "DZ", "MR", "SN", "GN", "CI", "BF")
ANCHORS = ("n", "ne", "e", "se", "s", "sw", "w", "nw")
ACTOR_KINDS = (
    "state", "state_forces", "armed_group", "coalition", "regional_org",
    "international_org", "mission",
)
EVENT_CATEGORIES = (
    "background", "rebellion", "coup", "politics", "diplomacy", "intervention",
    "us_policy", "un", "humanitarian", "aftermath",
)
FORCES = ("serval", "barkhane", "afisma", "chad", "minusma", "mali_army", "us", "eutm")
DEPLOYMENT_CATEGORIES = (
    "troops", "police", "personnel", "combat_aircraft", "tankers", "transport_aircraft",
    "helicopters", "drones", "sorties", "cargo_tonnes", "funding_usd",
)
FIGURE_KINDS = ("authorized", "pledged", "planned", "announced", "deployed", "peak")
SCOPES = ("in_mali", "engaged", "in_region")
CLAIM_TOPICS = (
    "decision", "us_role", "mission", "troops", "distance", "legal_basis", "armed_groups",
    "events", "reaction",
)
AUTHORITY_KINDS = (
    "statute", "appropriations_provision", "joint_resolution", "presidential_determination",
    "executive_action", "agreement", "policy",
)
ACTION_KINDS = (
    "intelligence", "airlift", "refuelling", "surveillance", "training", "funding", "aid",
    "ground_troops", "diplomacy",
)
RECIPIENTS = ("mali_government", "mali_army", "france", "chad", "afisma", "un")
OUTCOMES = ("requested", "done", "barred", "declined", "conditional")
RULE_BASES = ("law", "policy", "uncertain")
HOLDER_KINDS = ("state", "state_forces", "armed_group", "coalition")
KEY_KINDS = ("number", "date", "text")
STANCES = ("agrees", "contradicts")
MAP_FRAME = (-13.0, 16.5, 9.5, 25.5)  # (lon_min, lon_max, lat_min, lat_max): the overview map
# A change of holder is ``confirmed`` by independent reports, ``contested`` (one party's
# claim or one report that nobody confirms: it counts, shown as contested) or ``refuted``
# (a claim later shown false: kept as evidence, never changes a holder).
CONTROL_STATUSES = ("confirmed", "contested", "refuted")
# The wire agency whose story a news row carries, whoever published it.
AGENCIES = ("afp", "reuters", "ap", "xinhua", "efe", "pap", "anadolu", "dpa")
# The language a source (and a claim's original wording) is in, as an ISO 639-1 code; an
# empty cell means English.
SOURCE_LANGUAGES = ("fr", "it", "ar", "de", "es", "pt", "pl", "ru", "tr", "zh")

TABLES: dict[str, tuple[Column, ...]] = {
    "sources": (
        Column("source_id", "id"), Column("title", "text"), _opt("author"),
        Column("publisher", "text"), Column("published", "partial_date"),
        Column("kind", "category", allowed=SOURCE_KINDS), _opt("url", "url"),
        _opt("voice", "category", allowed=VOICES), _opt("seed_file"), _opt("notes"),
        _opt("agency", "category", allowed=AGENCIES),
        _opt("language", "category", allowed=SOURCE_LANGUAGES),
    ),
    "places": (
        Column("place_id", "id"), Column("name", "text"),
        Column("lat", "number", low=-90, high=90), Column("lon", "number", low=-180, high=180),
        Column("kind", "category", allowed=PLACE_KINDS),
        Column("country", "category", allowed=COUNTRIES),
        _opt("label_anchor", "category", allowed=ANCHORS),
        Column("source_id", "ref", ref="sources"), _opt("note"),
    ),
    "niger_river": (
        Column("point", "integer", low=1), Column("name", "text"),
        Column("lat", "number", low=-90, high=90), Column("lon", "number", low=-180, high=180),
        Column("source_id", "ref", ref="sources"), _opt("note"),
    ),
    "actors": (
        Column("actor_id", "id"), Column("name", "text"), _opt("full_name"),
        Column("kind", "category", allowed=ACTOR_KINDS), Column("description", "text"),
        _opt("aims"), _opt("leaders"), _opt("origins"),
        Column("source_ids", "refs", ref="sources"),
    ),
    "events": (
        Column("event_id", "id"), Column("date", "date"),
        Column("date_precision", "category", allowed=PRECISIONS), _opt("end_date", "date"),
        Column("title", "text"), Column("summary", "text"),
        Column("category", "category", allowed=EVENT_CATEGORIES),
        _opt("place_id", "ref", ref="places"), _opt("actors", "refs", ref="actors"),
        Column("source_ids", "refs", ref="sources"), _opt("note"),
    ),
    "control": (
        Column("place_id", "ref", ref="places"), Column("date", "date"),
        Column("holder", "ref", ref="actors", ref_kinds=HOLDER_KINDS),
        Column("status", "category", allowed=CONTROL_STATUSES),
        Column("source_ids", "refs", ref="sources"), _opt("note"),
    ),
    "deployments": (
        Column("deployment_id", "id"), Column("date", "date"),
        Column("date_precision", "category", allowed=PRECISIONS),
        Column("force", "category", allowed=FORCES), Column("contributor", "text"),
        Column("category", "category", allowed=DEPLOYMENT_CATEGORIES),
        Column("figure_kind", "category", allowed=FIGURE_KINDS),
        _opt("scope", "category", allowed=SCOPES), Column("value", "number", low=0),
        _opt("base_place_id", "ref", ref="places"), Column("source_id", "ref", ref="sources"),
        _opt("note"),
    ),
    "claims": (
        Column("claim_id", "id"), Column("source_id", "ref", ref="sources"),
        Column("topic", "category", allowed=CLAIM_TOPICS), Column("claim_key", "slug"),
        Column("claim", "text"), _opt("value"), _opt("unit"), _opt("speaker"), _opt("quote"),
        _opt("locator"), _opt("language", "category", allowed=SOURCE_LANGUAGES), _opt("original"),
    ),
    "labels": (
        Column("source_id", "ref", ref="sources"), Column("label", "text"),
        Column("count", "integer", low=0), _opt("note"),
    ),
    "authorities": (
        Column("authority_id", "id"), Column("short_name", "text"), Column("citation", "text"),
        Column("enacted", "date"), Column("kind", "category", allowed=AUTHORITY_KINDS),
        _opt("permits"), _opt("bars"), Column("applies_to", "text"), _opt("conditions"),
        Column("bearing_on_mali", "text"), Column("source_ids", "refs", ref="sources"),
    ),
    "us_actions": (
        Column("action_id", "id"), Column("date", "date"),
        Column("date_precision", "category", allowed=PRECISIONS), Column("action", "text"),
        Column("kind", "category", allowed=ACTION_KINDS),
        Column("recipient", "category", allowed=RECIPIENTS),
        Column("outcome", "category", allowed=OUTCOMES),
        _opt("authority_ids", "refs", ref="authorities"),
        _opt("deployment_ids", "refs", ref="deployments"),
        Column("summary", "text"), Column("source_ids", "refs", ref="sources"),
    ),
    "us_rules": (
        Column("rule_id", "id"), Column("basis", "category", allowed=RULE_BASES),
        Column("authority_ids", "refs", ref="authorities"), _opt("starts", "date"),
        Column("text", "text"), Column("source_ids", "refs", ref="sources"),
    ),
    "claim_keys": (
        Column("claim_key", "id", ref="claims", ref_key="claim_key"),
        Column("question", "text"), Column("kind", "category", allowed=KEY_KINDS),
        _opt("baseline_value"), _opt("baseline"), Column("source_ids", "refs", ref="sources"),
    ),
    "claim_stances": (
        Column("claim_id", "id", ref="claims"), Column("stance", "category", allowed=STANCES),
        _opt("note"),
    ),
}
# Tables kept outside data/ itself, by path inside data/.
TABLE_FILES = {
    "claim_keys": "lesson05/claim_keys.csv",
    "claim_stances": "lesson05/claim_stances.csv",
}

# Text columns a translated edition replaces, per table; ids, dates, numbers, categories and
# the bibliography never change with the language. Translations live in
# ``data/<language>/<table>.csv`` (see ``translate_table``).
TRANSLATED_COLUMNS: dict[str, tuple[str, ...]] = {
    "places": ("name", "note"),
    "actors": ("full_name", "description", "aims", "leaders", "origins", "name"),
    "events": ("title", "summary", "note"),
    "control": ("note",),
    "deployments": ("note",),
    "claims": ("claim",),
    "authorities": ("short_name", "permits", "bars", "applies_to", "conditions",
                    "bearing_on_mali"),
    "us_actions": ("action", "summary"),
    "us_rules": ("text",),
    "claim_keys": ("question", "baseline"),
    "claim_stances": ("note",),
}


def id_column(table: str) -> str:
    """Return the name of a table's identifier column.

    Example:
        >>> id_column("events")
        'event_id'
    """
    for column in TABLES[table]:
        if column.kind == "id":
            return column.name
    raise KeyError(f"table {table!r} has no identifier column")


# Read a CSV table and check every cell against its schema, with messages a person can act on.

SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*", re.ASCII)
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
PARTIAL_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", re.ASCII)
DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?", re.ASCII)
WHOLE = re.compile(r"-?[0-9]+", re.ASCII)
# http(s), a host name, then a path without spaces, quotes, angle brackets or backslashes
# (the characters that could end an HTML attribute or a Markdown link early).
URL = re.compile(r"https?://[\w.-]+(:[0-9]+)?([/?#][^\s\"'<>\\`{}|^]*)?")


class DataError(ValueError):
    """A problem in a data file, located by file, row and column.

    Rows are numbered as a spreadsheet shows them: the header is row 1.

    Example:
        >>> str(DataError("data/x.csv", 3, "date", "expected a date, found 'soon'"))
        "data/x.csv, row 3, column 'date': expected a date, found 'soon'"
    """

    def __init__(self, path: str | Path, row: int | None, column: str | None, problem: str):
        shown = Path(path)
        self.path = str(Path(shown.parent.name) / shown.name) if shown.is_absolute() else str(path)
        self.row, self.column, self.problem = row, column, problem
        where = [self.path]
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column {column!r}")
        super().__init__(f"{', '.join(where)}: {problem}")


def split_ids(cell: str) -> list[str]:
    """Split a ``;``-separated cell into its identifiers.

    Example:
        >>> split_ids("news-bbc-20120322; seed-passblue-2013")
        ['news-bbc-20120322', 'seed-passblue-2013']
        >>> split_ids("")
        []
    """
    return [part.strip() for part in str(cell).split(";") if part.strip()]


def read_text(path: Path) -> str:
    """Return a data file's text, refusing any encoding but UTF-8 without a byte-order mark.

    Raises:
        DataError: naming the file, the encoding it seems to be in and how to fix it.
    """
    raw = path.read_bytes()
    save = "save it as 'CSV UTF-8' without a byte-order mark"
    if raw.startswith(codecs.BOM_UTF8):
        raise DataError(path, 1, None,
                        f"the file starts with a UTF-8 byte-order mark (BOM); {save}")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in raw[:4096]:
        raise DataError(path, 1, None, f"the file looks like UTF-16, not UTF-8; {save}")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        row, byte = raw[:err.start].count(b"\n") + 1, raw[err.start]
        guess = "Windows-1252 (cp1252)" if 0x80 <= byte < 0xA0 else "Latin-1 or Windows-1252"
        raise DataError(path, row, None, f"the file is not UTF-8 (byte 0x{byte:02x} looks like "
                        f"{guess}); {save}") from None


def _records(path: Path) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(read_text(path), newline=""), strict=True)
    rows, start = [], 1
    try:
        for row in reader:
            if any("\n" in cell or "\r" in cell for cell in row):
                raise csv.Error("a quoted cell runs over the end of its line")
            rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as err:
        raise DataError(path, start, None, f"unbalanced quote ({err}): a cell that opens a "
                        "quote must close it before the end of the row") from None
    return rows


def read_rows(path: Path, columns: tuple[Column, ...]) -> list[dict[str, str]]:
    """Read a CSV file as dictionaries, checking the encoding, quotes, header and row lengths."""
    if not path.exists():
        raise DataError(path, None, None, "file not found")
    rows = _records(path)
    if not rows:
        raise DataError(path, 1, None, "the file is empty; expected a header row")
    header, expected = [name.strip() for name in rows[0][1]], [c.name for c in columns]
    doubled = sorted({name for name in header if header.count(name) > 1})
    if doubled:
        raise DataError(path, 1, None,
                        f"column {doubled[0]!r} appears more than once in the header")
    missing = [name for name in expected if name not in header]
    unknown = [name for name in header if name not in expected]
    if missing or unknown:
        raise DataError(path, 1, None, f"header mismatch: missing {missing}, unexpected {unknown}")
    records = []
    for number, row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise DataError(
                path, number, None,
                f"expected {len(header)} fields, found {len(row)} (a stray or missing comma? "
                "quote any cell that contains a comma)",
            )
        cells = (cell.strip() for cell in row)
        records.append({"_row": number, **dict(zip(header, cells, strict=True))})
    if not records:
        raise DataError(path, 2, None, "the table has a header but no rows")
    return records


def parse_cell(value: str, column: Column) -> object:
    """Convert one cell to its Python value, or raise ``ValueError`` saying what was expected.

    Example:
        >>> parse_cell("16.27", Column("lat", "number", low=-90, high=90))
        16.27
        >>> parse_cell("2012-03-22", Column("date", "date"))
        datetime.date(2012, 3, 22)
    """
    kind = column.kind
    if kind in ("id", "slug", "ref") and not SLUG.fullmatch(value):
        raise ValueError(f"expected a lowercase identifier (a-z, 0-9, -, _), found {value!r}")
    if kind == "refs":
        bad = [part for part in split_ids(value) if not SLUG.fullmatch(part)]
        if bad:
            raise ValueError(f"expected identifiers (a-z, 0-9, -, _) separated by ';', "
                             f"found {bad[0]!r}")
    if kind == "category" and value not in column.allowed:
        raise ValueError(f"expected one of {', '.join(column.allowed)}; found {value!r}")
    if kind == "url" and not URL.fullmatch(value):
        raise ValueError("expected an http:// or https:// URL (no spaces, quotes or angle "
                         f"brackets; encode them as %20, %22, ...), found {value!r}")
    if kind == "partial_date":
        return _parse_partial_date(value)
    if kind == "date":
        return _parse_date(value)
    if kind in ("number", "integer"):
        return _parse_number(value, column)
    return value


def _parse_date(value: str) -> date:
    problem = f"expected an ISO date YYYY-MM-DD, found {value!r}"
    if not ISO_DATE.fullmatch(value):
        raise ValueError(problem)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{problem}, which is not a real day") from None


def _parse_partial_date(value: str) -> str:
    try:
        if not PARTIAL_DATE.fullmatch(value):
            raise ValueError
        date.fromisoformat((value + "-01-01")[:10])
    except ValueError:
        raise ValueError("expected YYYY, YYYY-MM or YYYY-MM-DD (a real month and day), "
                         f"found {value!r}") from None
    return value


def _parse_number(value: str, column: Column) -> float | int:
    pattern = WHOLE if column.kind == "integer" else DECIMAL
    if not pattern.fullmatch(value):
        what = "a whole number" if column.kind == "integer" else "a number (use . for decimals)"
        raise ValueError(f"expected {what} in plain digits 0-9 (no nan, inf, '_', spaces or "
                         f"thousands separators), found {value!r}")
    number = int(value) if column.kind == "integer" else float(value)
    if column.low is not None and number < column.low:
        raise ValueError(f"expected a number >= {column.low:g}, found {value!r}")
    if column.high is not None and number > column.high:
        raise ValueError(f"expected a number <= {column.high:g}, found {value!r}")
    return number


def validate_file(path: Path, table: str) -> pd.DataFrame:
    """Read and check one table file; return it as a typed DataFrame.

    Dates become ``datetime64`` columns, numbers floats or integers, empty optional
    text cells empty strings. A ``_row`` column keeps each record's row in the file.

    A lesson loads a table that other tables also refer to (the sources, the places)
    several times, so the checked table is kept for the file's exact bytes: the same
    bytes are checked once per process, and any change to the file is checked again.

    Raises:
        DataError: naming the file, the row, the column and what was expected.
    """
    path = Path(path)
    if not path.is_file():
        return _validated(path, table, b"")  # says the file is missing
    return _validated(path, table, hashlib.sha256(path.read_bytes()).digest()).copy()


@functools.lru_cache(maxsize=64)
def _validated(path: Path, table: str, digest: bytes) -> pd.DataFrame:
    """:func:`validate_file` for a file whose bytes have the sha256 ``digest``."""
    columns = TABLES[table]
    records = read_rows(path, columns)
    seen: dict[str, int] = {}
    for record in records:
        for column in columns:
            value = record[column.name]
            if value == "":
                if column.required:
                    raise DataError(path, record["_row"], column.name, "a value is required here")
                record[column.name] = None if column.kind in ("date", "number", "integer") else ""
                continue
            try:
                record[column.name] = parse_cell(value, column)
            except ValueError as err:
                raise DataError(path, record["_row"], column.name, str(err)) from None
            if column.kind == "id":
                if value in seen:
                    raise DataError(path, record["_row"], column.name,
                                    f"{value!r} is already used in row {seen[value]}")
                seen[value] = record["_row"]
        check = ROW_CHECKS.get(table)
        if check is not None:
            _locate(path, record, check)
    return _to_frame(records, columns)


class _Fault(ValueError):
    """A row check's finding: the column at fault and the problem."""


def _locate(path: Path, record: dict, check) -> None:
    try:
        check(record)
    except _Fault as err:
        column, problem = err.args
        raise DataError(path, record["_row"], column, problem) from None


def _check_span(record: dict) -> None:
    if record["end_date"] is not None and record["end_date"] < record["date"]:
        raise _Fault("end_date", f"the span ends ({record['end_date']}) before it starts "
                                   f"({record['date']})")


def _check_in_frame(record: dict) -> None:
    lon_min, lon_max, lat_min, lat_max = MAP_FRAME
    for column, low, high in (("lat", lat_min, lat_max), ("lon", lon_min, lon_max)):
        if not low <= record[column] <= high:
            raise _Fault(column, f"{record[column]:g} is outside the map frame ({low:g} to "
                                   f"{high:g}); check the sign and the order of lat and lon")


def _check_claim_value(record: dict) -> None:
    value, unit = record["value"], record["unit"]
    if not value:
        return
    probe = Column("value", "date" if unit == "date" else "number")
    try:
        parse_cell(value, probe)
    except ValueError as err:
        raise _Fault("value", f"{err} (unit {unit!r})") from None


def _check_claim(record: dict) -> None:
    _check_claim_value(record)
    if record["original"] and not record["language"]:
        raise _Fault("language", "a claim with its original wording needs the language it is "
                                 "in (an ISO code such as fr); English needs no original")


def _check_baseline(record: dict) -> None:
    value, kind = record["baseline_value"], record["kind"]
    if not value:
        return
    if kind == "text":
        raise _Fault("baseline_value",
                       "a text key has no baseline value; put the reading in 'baseline'")
    try:
        parse_cell(value, Column("baseline_value", "number" if kind == "number" else "date"))
    except ValueError as err:
        raise _Fault("baseline_value", str(err)) from None


ROW_CHECKS = {
    "events": _check_span, "places": _check_in_frame, "claims": _check_claim,
    "claim_keys": _check_baseline,
}


def _to_frame(records: list[dict], columns: tuple[Column, ...]) -> pd.DataFrame:
    names = [column.name for column in columns]
    frame = pd.DataFrame.from_records(records, columns=names + ["_row"])
    for column in columns:
        if column.kind == "date":
            frame[column.name] = pd.to_datetime(frame[column.name])
        elif column.kind == "number":
            frame[column.name] = pd.to_numeric(frame[column.name]).astype(float)
        elif column.kind == "integer":
            frame[column.name] = pd.to_numeric(frame[column.name]).astype("Int64")
    return frame


# One loader per table in ``data/``; each checks its rows and its cross-references.

def table_path(table: str, *, data_dir: Path | None = None) -> Path:
    """Return the path of a table's CSV file.

    Example:
        >>> table_path("events").name
        'events.csv'
    """
    if table not in TABLES:
        raise KeyError(translate("unknown table {table!r}; the tables are {tables}",
                                 table=table, tables=", ".join(TABLES)))
    return Path(data_dir or data_folder()) / TABLE_FILES.get(table, f"{table}.csv")


def load_table(table: str, *, data_dir: Path | None = None) -> pd.DataFrame:
    """Load any table by name, checked against its schema and the tables it refers to.

    Example:
        >>> load_table("sources").columns[0]
        'source_id'
    """
    path = table_path(table, data_dir=data_dir)
    frame = validate_file(path, table)
    for column in TABLES[table]:
        if column.ref is not None:
            _check_references(path, frame, column, data_dir=data_dir)
    return translate_table(frame, table, data_dir=data_dir)


def row_keys(frame: pd.DataFrame, table: str) -> list[str]:
    """Return the key that names each row: its id, or place and date for ``control``.

    Example:
        >>> row_keys(load_table("events"), "events")[0].startswith("ev-")
        True
    """
    if table == "control":
        return [f"{place}|{day:%Y-%m-%d}"
                for place, day in zip(frame["place_id"], frame["date"], strict=True)]
    return [str(value) for value in frame[id_column(table)]]


def hash_row(values: Iterable[object]) -> str:
    """Return the short hash that ties a translated row to the English text it translates.

    Example:
        >>> hash_row(["Coup in Bamako", ""])
        '9591dfc21d'
    """
    joined = "\x1f".join("" if value is None else str(value) for value in values)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:10]


def translation_path(table: str, language: str, *, data_dir: Path | None = None) -> Path:
    """Return where a table's translation lives: ``data/<language>/<table>.csv``.

    Example:
        >>> translation_path("events", "fr").relative_to(data_folder()).as_posix()
        'fr/events.csv'
    """
    return Path(data_dir or data_folder()) / language / f"{table}.csv"


def read_translation(table: str, language: str, *, data_dir: Path | None = None,
                     ) -> dict[str, dict[str, str]]:
    """Read a table's translation file: row key to ``en_hash`` and translated cells.

    The file has the table's key column(s) (``place_id`` and ``date`` for ``control``), then
    ``en_hash`` (``hash_row`` of the English cells it translates, in the file's column order)
    and any of the table's ``TRANSLATED_COLUMNS``. No file means no translation.

    Raises:
        DataError: naming the file, row and column of an unknown column or a duplicated key.
    """
    path = translation_path(table, language, data_dir=data_dir)
    if not path.is_file():
        return {}
    records = _records(path)
    if not records:
        raise DataError(path, 1, None, "the file is empty; expected a header row")
    header = [name.strip() for name in records[0][1]]
    keys = ["place_id", "date"] if table == "control" else [id_column(table)]
    if header[:len(keys) + 1] != [*keys, "en_hash"]:
        raise DataError(path, 1, None, f"the header must start with {', '.join(keys)}, en_hash")
    for name in header[len(keys) + 1:]:
        if name not in TRANSLATED_COLUMNS.get(table, ()):
            raise DataError(path, 1, name, f"{table} has no translated column {name!r}; "
                            f"expected some of {', '.join(TRANSLATED_COLUMNS.get(table, ()))}")
    rows: dict[str, dict[str, str]] = {}
    for number, cells in records[1:]:
        if len(cells) != len(header):
            raise DataError(path, number, None, f"expected {len(header)} cells, found {len(cells)}")
        record = dict(zip(header, cells, strict=True))
        key = "|".join(record[name] for name in keys)
        if key in rows:
            raise DataError(path, number, keys[0], f"{key!r} is translated twice")
        rows[key] = record | {"_row": str(number)}
    return rows


def translate_table(frame: pd.DataFrame, table: str, *, language: str | None = None,
                    data_dir: Path | None = None) -> pd.DataFrame:
    """Return ``frame`` with its text in the lesson's language (English is returned as is).

    A translated column keeps the English text beside it as ``<column>_en``. A row whose
    English text changed since it was translated (its ``en_hash`` no longer matches) stays in
    English, as does an empty translated cell; the data tests list both.

    Raises:
        DataError: when the translation names a row the table does not have.

    Example:
        >>> events = load_table("events")
        >>> translate_table(events, "events", language="en") is events
        True
    """
    code = current_language(language=language)
    translation = read_translation(table, code, data_dir=data_dir) if code != "en" else {}
    if not translation:
        return frame
    keys = row_keys(frame, table)
    unknown = set(translation) - set(keys)
    if unknown:
        first = min(unknown, key=lambda k: int(translation[k]["_row"]))
        key_column = "place_id" if table == "control" else id_column(table)
        raise DataError(translation_path(table, code, data_dir=data_dir),
                        int(translation[first]["_row"]), key_column,
                        f"{first!r} is not a row of {table}")
    columns = [name for name in next(iter(translation.values())) if
               name in TRANSLATED_COLUMNS[table]]
    result = frame.copy()
    for name in columns:
        result[f"{name}_en"] = frame[name]
    for position, key in enumerate(keys):
        record = translation.get(key)
        english = [frame[name].iloc[position] for name in columns]
        if record is None or record["en_hash"] != hash_row(english):
            continue
        for name in columns:
            if record[name].strip():
                result.iat[position, result.columns.get_loc(name)] = record[name].strip()
    return result


def _check_references(path: Path, frame: pd.DataFrame, column: Column, *,
                      data_dir: Path | None) -> None:
    target = validate_file(table_path(column.ref, data_dir=data_dir), column.ref)
    key = column.ref_key or id_column(column.ref)
    kinds = dict(zip(target[key], target["kind"], strict=True)) if column.ref_kinds else {}
    known = set(target[key])
    for row, cell in zip(frame["_row"], frame[column.name], strict=True):
        for ref in split_ids(cell):
            if ref not in known:
                raise DataError(path, int(row), column.name,
                                f"{ref!r} is not a {key} in {column.ref}.csv")
            if kinds and kinds[ref] not in column.ref_kinds:
                raise DataError(path, int(row), column.name,
                                f"{ref!r} is a {kinds[ref]} in {column.ref}.csv; expected one "
                                f"of {', '.join(column.ref_kinds)}")


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
    agency       the wire agency whose story a news row carries (may be empty)
    language     ISO 639-1 code of the source's language (empty for English)
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


def load_niger_river(*, data_dir: Path | None = None) -> pd.DataFrame:
    """Load the hand-traced course of the Niger river, a line through towns on its banks.

    ============ ==========================================================
    point        order along the river, upstream first (1, 2, ...)
    name         the town or landmark the line passes
    lat, lon     decimal degrees, north and east positive
    source_id    where the course and the coordinates come from
    note         remarks
    ============ ==========================================================

    The line is approximate between its points: maps say so.

    Example:
        >>> load_niger_river().sort_values("point")["name"].iloc[3]
        'Bamako'
    """
    frame = load_table("niger_river", data_dir=data_dir)
    if frame["point"].duplicated().any():
        raise ValueError(f"{table_path('niger_river', data_dir=data_dir)}: column 'point' "
                         f"repeats {sorted(set(frame.loc[frame['point'].duplicated(), 'point']))}")
    return frame.sort_values("point", ignore_index=True)


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
    ``claim`` (own words, in English), ``value``, ``unit``, ``speaker``, ``quote``, ``locator``,
    ``language`` (of the source's wording; empty for English) and ``original`` (the source's
    own words, a short attributed quotation, for claims not made in English).

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


def load_us_rules(*, data_dir: Path | None = None) -> pd.DataFrame:
    """Load the cited reasons behind lesson 4's authority explorer: ``rule_id``, ``basis``
    (``law``, ``policy`` or ``uncertain``), ``authority_ids``, ``starts``, ``text``,
    ``source_ids``.

    Example:
        >>> load_us_rules().set_index("rule_id").at["troops-ruled-out", "basis"]
        'policy'
    """
    return load_table("us_rules", data_dir=data_dir)


# Lesson 05's readings of the claims (data/lesson05/): the question behind each
# ``claim_key``, its kind and baseline reading, and the stance of contradicting claims.


def readings_dir(*, data_dir: Path | None = None) -> Path:
    """Return the folder of lesson 5's reading tables.

    Example:
        >>> readings_dir().name
        'lesson05'
    """
    return Path(data_dir or data_folder()) / "lesson05"


def load_claim_keys(*, data_dir: Path | None = None) -> pd.DataFrame:
    """Load the question, kind and baseline reading of every ``claim_key``.

    Example:
        >>> keys = load_claim_keys().set_index("claim_key")
        >>> keys.loc["distance-bamako-diabaly", "kind"]
        'number'
    """
    return load_table("claim_keys", data_dir=data_dir)


def load_claim_stances(*, data_dir: Path | None = None) -> pd.DataFrame:
    """Load the stance of the text claims that contradict their key's baseline.

    Example:
        >>> set(load_claim_stances()["stance"]) <= {"agrees", "contradicts"}
        True
    """
    return load_table("claim_stances", data_dir=data_dir)
