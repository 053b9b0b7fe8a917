"""Helpers for the Jupyter teaching module on the 2012-2013 Mali crisis.

``helpers`` itself is the shared core a notebook needs besides its lesson: one loader per
table, the self-check exercises, citations and the shared tables and map. Each lesson's own
code is one module named after its notebook (``helpers.the_coup`` for ``01-the-coup``), so
a notebook imports from two places at most::

    from helpers import bibliography, check, hint, load_events, load_sources, reveal
    from helpers.the_coup import timeline_chart, timeline_explorer

``docs/helper-reference.md`` lists every name a student calls, with an example. Importing
this package changes no global setting; it reads one file,
``requirements.txt``, to say which package is missing or too old (``helpers._requirements``).
"""

from helpers._requirements import require_packages

require_packages()  # one short message, not a traceback, when pandas & co. are missing or old

from helpers.citations import bibliography, caption, collect_ids, format_citation, source_row
from helpers.data import (
    DataError,
    load_actors,
    load_authorities,
    load_claim_keys,
    load_claim_stances,
    load_claims,
    load_control,
    load_deployments,
    load_events,
    load_labels,
    load_places,
    load_sources,
    load_table,
    load_us_actions,
    load_us_rules,
)
from helpers.exercises import check, hint, progress, reveal
from helpers.maps import (
    describe_place,
    distance_between,
    find_place,
    place_explorer,
    places_map_chart,
    places_table,
)
from helpers.readers import read_date, read_items, read_number
from helpers.tables import events_table, format_when, glossary_table, markdown_table

__version__ = "0.2.0"

__all__ = [
    "DataError", "bibliography", "caption", "check", "collect_ids", "describe_place",
    "distance_between", "events_table", "find_place", "format_citation", "format_when",
    "glossary_table", "hint", "load_actors", "load_authorities", "load_claim_keys",
    "load_claim_stances", "load_claims", "load_control", "load_deployments", "load_events",
    "load_labels", "load_places", "load_sources", "load_table", "load_us_actions", "load_us_rules",
    "markdown_table", "place_explorer", "places_map_chart", "places_table", "progress",
    "read_date", "read_items", "read_number", "reveal", "source_row",
]
