"""A pytest plugin for nbval runs: a French notebook's cell fails when its outputs show English.

Load it with ``PYTHONPATH=tests/plugins`` and ``-p nbval_english`` (``make test`` and
``make notebooks`` do). It reads the outputs nbval has just collected from the kernel, so the
French notebooks run once for both checks; only notebooks in a folder named ``fr`` are
scanned (``scripts/english_leaks.py`` says what counts as English and what is left out).
"""

from __future__ import annotations

import pytest

FRENCH_FOLDER = "fr"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    """Run the cell, then fail it if it is a French notebook's cell whose outputs show English."""
    result = yield
    outputs = getattr(item, "test_outputs", None)
    if outputs and item.path.parent.name == FRENCH_FOLDER:
        from english_leaks import cell_leaks, summarise  # scripts/ is on the path by now

        found = cell_leaks(item.cell.source, outputs)
        if found:
            raise AssertionError("English in a French notebook's output:\n  "
                                 + "\n  ".join(summarise(found)))
    return result
