"""The schema of every table in ``data/``: columns, types and allowed values.

``data/README.md`` is the human-readable data dictionary; this module is the same
dictionary in a form the loaders check. Keep the two in step (a test compares them).
"""

from __future__ import annotations

from dataclasses import dataclass


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

TABLES: dict[str, tuple[Column, ...]] = {
    "sources": (
        Column("source_id", "id"), Column("title", "text"), _opt("author"),
        Column("publisher", "text"), Column("published", "partial_date"),
        Column("kind", "category", allowed=SOURCE_KINDS), _opt("url", "url"),
        _opt("voice", "category", allowed=VOICES), _opt("seed_file"), _opt("notes"),
    ),
    "places": (
        Column("place_id", "id"), Column("name", "text"),
        Column("lat", "number", low=-90, high=90), Column("lon", "number", low=-180, high=180),
        Column("kind", "category", allowed=PLACE_KINDS),
        Column("country", "category", allowed=COUNTRIES),
        _opt("label_anchor", "category", allowed=ANCHORS),
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
        Column("holder", "ref", ref="actors"), Column("source_ids", "refs", ref="sources"),
        _opt("note"),
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
        _opt("locator"),
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
