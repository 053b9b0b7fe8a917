"""Each status is shown by a symbol and a word as well as a colour."""

from __future__ import annotations

import pytest

from helpers.charts import PALETTE
from helpers.comparing_sources import CELL_STYLES, STATUSES, legend_html, status_label


def test_every_status_has_its_own_symbol_word_and_palette_colour() -> None:
    labels = [status_label(status) for status in STATUSES]
    assert len({label.split()[0] for label in labels}) == len(STATUSES)
    assert {style.colour for style in CELL_STYLES.values()} <= set(PALETTE.values())
    assert len({style.colour for style in CELL_STYLES.values()}) == len(STATUSES)


def test_an_unknown_status_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown status 'maybe'"):
        status_label("maybe")


def test_legend_names_all_four_statuses() -> None:
    legend = legend_html()
    assert all(status_label(status) in legend for status in STATUSES)
