"""scripts/count_labels.py counts words in the seeds and reproduces data/labels.csv."""

from __future__ import annotations

import csv
import importlib.util
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def find_seeds() -> Path | None:
    """Return the seed folder: $MALI_SEEDS_DIR, or shared/seeds beside a parent folder."""
    if os.environ.get("MALI_SEEDS_DIR"):
        return Path(os.environ["MALI_SEEDS_DIR"])
    return next((p / "shared" / "seeds" for p in REPO.parents
                 if (p / "shared" / "seeds").is_dir()), None)


def load_script():
    path = REPO / "scripts" / "count_labels.py"
    spec = importlib.util.spec_from_file_location("count_labels", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_counting_rules_on_a_sentence() -> None:
    script = load_script()
    counts = script.count_seed("Rebel-held towns; rebels, Islamist fighters, antiterrorist "
                               "laws, terrorism, al Qaeda in the Islamic Maghreb and al "
                               "Qaeda-inspired men")
    assert counts["rebels"] == 2 and counts["islamists"] == 1
    assert counts["terrorists"] == 0 and counts["islamic"] == 0
    assert counts["aqim"] == 1 and counts["al-qaeda"] == 1


def test_the_shipped_counts_match_the_seed_texts() -> None:
    seeds = find_seeds()
    if seeds is None or not seeds.is_dir():
        pytest.skip("the seed texts (shared/seeds, not part of the repository) are not here; "
                    "set MALI_SEEDS_DIR to check the counts")
    rows = load_script().build_rows(seeds)
    with (REPO / "data" / "labels.csv").open(encoding="utf-8", newline="") as handle:
        shipped = [row for row in csv.DictReader(handle) if row["source_id"].startswith("seed-")]
    assert rows == shipped
