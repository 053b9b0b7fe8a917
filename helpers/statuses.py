"""The four statuses of a corroboration-matrix cell and how each is shown: a symbol and a
word (never colour alone) on an Okabe-Ito colour.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from helpers.charts import PALETTE

AGREES, CONTRADICTS, DIFFERENT, SILENT = "agrees", "contradicts", "different figure", "silent"
STATUSES = (AGREES, CONTRADICTS, DIFFERENT, SILENT)


@dataclass(frozen=True)
class CellStyle:
    """How a status is shown: a symbol, the colour of the cell's edge, a light tint."""

    symbol: str
    colour: str
    tint: str


CELL_STYLES = {
    AGREES: CellStyle("✔", PALETTE["bluish_green"], "#E0F2EC"),
    CONTRADICTS: CellStyle("✘", PALETTE["vermillion"], "#F9E3D6"),
    DIFFERENT: CellStyle("≠", PALETTE["orange"], "#FBF0D6"),
    SILENT: CellStyle("·", PALETTE["grey"], "#FFFFFF"),
}


def status_label(status: str) -> str:
    """Return the symbol and word shown for a status (the text half of the encoding).

    Example:
        >>> status_label("contradicts")
        '✘ contradicts'
    """
    if status not in CELL_STYLES:
        raise ValueError(f"unknown status {status!r}; expected one of {', '.join(STATUSES)}")
    return f"{CELL_STYLES[status].symbol} {status}"


def legend_html() -> str:
    """Return the matrix legend: each status's symbol, word and colour.

    Example:
        >>> "≠ different figure" in legend_html()
        True
    """
    items = [f'<span class="cm-{s.replace(" ", "-")}" style="border-left:6px solid '
             f'{CELL_STYLES[s].colour};background:{CELL_STYLES[s].tint};padding:2px 6px;'
             f'margin-right:8px">{html.escape(status_label(s))}</span>' for s in STATUSES]
    return f'<p class="cm-legend">{"".join(items)}</p>'
