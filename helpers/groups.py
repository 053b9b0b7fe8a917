"""The armed groups of 2012–13 as a table: what the letters stand for, aims, leaders,
origins, each statement with its source (from ``claims.csv``, topic ``armed_groups``)."""

from __future__ import annotations

import pandas as pd

from helpers.citations import Markdown

GROUPS = ("mnla", "ansar_dine", "aqim", "mujao", "ganda_iso")
ASPECTS = ("aims", "leaders", "origins")


def _cell(text: object) -> str:
    return str(text).replace("|", "/").replace("\n", " ")


def group_statements(claims: pd.DataFrame, actor_id: str, aspect: str) -> list[tuple[str, str]]:
    """Return (statement, source_id) pairs for one group and one aspect.

    Claim keys follow ``group-<aspect>-<actor id with - for _>``.

    Example:
        >>> from helpers.loaders import load_claims
        >>> group_statements(load_claims(), "aqim", "origins")[0][1]
        'ref-northafricarisk-2017-aqim'
    """
    if aspect not in ASPECTS:
        raise ValueError(f"aspect must be one of {ASPECTS}, not {aspect!r}")
    key = f"group-{aspect}-{actor_id.replace('_', '-')}"
    rows = claims[(claims["topic"] == "armed_groups") & (claims["claim_key"] == key)]
    return list(zip(rows["claim"], rows["source_id"], strict=True))


def group_profiles(actors: pd.DataFrame, claims: pd.DataFrame, *,
                   actor_ids: tuple[str, ...] = GROUPS) -> Markdown:
    """Return a Markdown table of the armed groups with cited aims, leaders and origins.

    Raises:
        ValueError: an actor id is not in actors.csv.

    Example:
        >>> from helpers.loaders import load_actors, load_claims
        >>> "| MUJAO |" in group_profiles(load_actors(), load_claims())
        True
    """
    table = actors.set_index("actor_id")
    unknown = [a for a in actor_ids if a not in table.index]
    if unknown:
        raise ValueError(f"not in actors.csv: {unknown}")
    lines = ["| Group | The letters | Aims | Leaders 2012–13 | Origins |", "|---|---|---|---|---|"]
    for actor_id in actor_ids:
        actor = table.loc[actor_id]
        cells = []
        for aspect in ASPECTS:
            said = [f"{_cell(text)} (`{source}`)"
                    for text, source in group_statements(claims, actor_id, aspect)]
            cells.append("<br>".join(said) or "not recorded")
        lines.append(f"| {_cell(actor['name'])} | {_cell(actor['full_name'])} | "
                     + " | ".join(cells) + " |")
    return Markdown("\n".join(lines))
