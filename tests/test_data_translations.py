"""The French data files: complete, current, loaded in French with the English kept beside."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path

import pytest

from helpers.data import (
    TRANSLATED_COLUMNS,
    DataError,
    hash_row,
    load_table,
    read_translation,
    translation_path,
)

REPO = Path(__file__).resolve().parents[1]


def load_script():
    path = REPO / "scripts" / "translate_data.py"
    spec = importlib.util.spec_from_file_location("translate_data", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


def _rewrite(path: Path, edit) -> None:
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    edit(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


@pytest.mark.parametrize("table", list(TRANSLATED_COLUMNS))
def test_every_english_row_has_a_current_complete_french_row(table: str) -> None:
    report = load_script().audit_table(table, "fr")
    assert report.lines() == []


@pytest.mark.parametrize("table", list(TRANSLATED_COLUMNS))
def test_every_french_file_translates_every_translated_column(table: str) -> None:
    record = next(iter(read_translation(table, "fr").values()))
    assert set(TRANSLATED_COLUMNS[table]) <= set(record)


def test_loading_in_french_gives_french_and_keeps_english(monkeypatch) -> None:
    monkeypatch.setenv("MALI_LANGUAGE", "fr")
    places = load_table("places").set_index("place_id")
    assert places.loc["timbuktu", "name"] == "Tombouctou"
    assert places.loc["timbuktu", "name_en"] == "Timbuktu"
    actors = load_table("actors").set_index("actor_id")
    assert actors.loc["mnla", "full_name"].startswith("Mouvement national de libération")
    assert actors.loc["ecowas", "full_name"].endswith("(CEDEAO)")
    events = load_table("events").set_index("event_id")
    assert events.loc["ev-20130111-serval", "title"] == "La France lance l'opération Serval"
    assert events.loc["ev-20130111-serval", "title_en"] == "France launches Operation Serval"


def test_loading_in_english_is_unchanged(monkeypatch) -> None:
    monkeypatch.setenv("MALI_LANGUAGE", "en")
    places = load_table("places")
    assert "name_en" not in places.columns
    assert places.set_index("place_id").loc["timbuktu", "name"] == "Timbuktu"


def test_ids_dates_and_numbers_do_not_change_with_the_language(monkeypatch) -> None:
    monkeypatch.setenv("MALI_LANGUAGE", "en")
    english = load_table("deployments")
    monkeypatch.setenv("MALI_LANGUAGE", "fr")
    french = load_table("deployments")
    for column in ("deployment_id", "date", "value", "force", "category"):
        assert french[column].equals(english[column])
    assert (french["note"] != english["note"]).any()


def test_a_stale_row_stays_english_and_is_listed(data_copy: Path, monkeypatch) -> None:
    events = data_copy / "events.csv"
    _rewrite(events, lambda rows: rows[1].__setitem__(
        rows[0].index("title"), "MNLA rebellion starts in the north"))
    monkeypatch.setenv("MALI_LANGUAGE", "fr")
    loaded = load_table("events", data_dir=data_copy).set_index("event_id")
    assert loaded.loc["ev-20120101-rebellion", "title"] == "MNLA rebellion starts in the north"
    report = load_script().audit_table("events", "fr", data_dir=data_copy)
    assert [key for key, _, _ in report.stale] == ["ev-20120101-rebellion"]


def test_the_skeleton_adds_missing_rows_and_never_rehashes_stale_ones(data_copy: Path) -> None:
    script = load_script()
    path = translation_path("places", "fr", data_dir=data_copy)
    _rewrite(path, lambda rows: rows.pop())
    _rewrite(data_copy / "places.csv", lambda rows: rows[1].__setitem__(1, "Bamako city"))
    report = script.write_skeleton("places", "fr", data_dir=data_copy)
    assert report.added == 1 and len(report.stale) == 1
    rows = read_translation("places", "fr", data_dir=data_copy)
    assert rows["lere"]["name"] == "Léré"
    assert rows["lere"]["en_hash"] == hash_row(["Léré", "Only one source checked."])
    assert rows["bamako"]["en_hash"] != hash_row(["Bamako city", ""])
    assert script.main(["fr", "--check", "--tables", "places"]) == 0


def test_the_check_lists_an_empty_cell(data_copy: Path) -> None:
    path = translation_path("claims", "fr", data_dir=data_copy)
    _rewrite(path, lambda rows: rows[1].__setitem__(rows[0].index("claim"), ""))
    report = load_script().audit_table("claims", "fr", data_dir=data_copy)
    assert report.empty == [("cl-l2-diabaly-f24", "claim")]


def test_an_unknown_row_names_file_row_and_column(data_copy: Path, monkeypatch) -> None:
    path = translation_path("events", "fr", data_dir=data_copy)
    _rewrite(path, lambda rows: rows[3].__setitem__(0, "ev-20990101-nothing"))
    monkeypatch.setenv("MALI_LANGUAGE", "fr")
    with pytest.raises(DataError) as caught:
        load_table("events", data_dir=data_copy)
    assert (caught.value.path, caught.value.row, caught.value.column) == (
        "fr/events.csv", 4, "event_id")
    assert "ev-20990101-nothing" in str(caught.value)


def test_an_unknown_column_names_file_row_and_column(data_copy: Path, monkeypatch) -> None:
    path = translation_path("places", "fr", data_dir=data_copy)
    _rewrite(path, lambda rows: rows[0].__setitem__(3, "nickname"))
    monkeypatch.setenv("MALI_LANGUAGE", "fr")
    with pytest.raises(DataError) as caught:
        load_table("places", data_dir=data_copy)
    assert (caught.value.path, caught.value.row, caught.value.column) == (
        "fr/places.csv", 1, "nickname")


# French-language evidence in lesson 5: the gloss is compared, the original is shown.

def test_french_language_claims_answer_the_questions_lesson_5_compares() -> None:
    claims = load_table("claims")
    french = claims[claims["language"] == "fr"]
    keys = {"who-decided", "legal-basis", "first-french-mission", "french-troops-in-mali",
            "us-support-offered"}
    assert keys <= set(french["claim_key"])
    assert (french["original"] != "").all() and (french["claim"] != "").all()
    sources = load_table("sources").set_index("source_id")
    assert set(sources.loc[french["source_id"], "language"]) == {"fr"}
    for original in french["original"]:
        assert original.count("»") == 1 and len(original) < 260, original


def test_an_original_without_its_language_is_refused(data_copy: Path) -> None:
    path = data_copy / "claims.csv"
    _rewrite(path, lambda rows: rows[1].__setitem__(rows[0].index("original"), "« Texte. »"))
    with pytest.raises(DataError) as caught:
        load_table("claims", data_dir=data_copy)
    assert (caught.value.row, caught.value.column) == (2, "language")


def test_lesson_5_shows_the_original_beside_the_gloss_in_english(monkeypatch) -> None:
    from helpers.comparing_sources import key_claims_table
    monkeypatch.setenv("MALI_LANGUAGE", "en")
    table = key_claims_table(load_table("claims"), load_table("sources"), "who-decided")
    row = next(line for line in table.splitlines() if "République, 2013-01-11" in line)
    assert "Hollande said he had decided" in row
    assert "(original, fr: «\u00a0J'ai donc décidé" in row  # no-break spaces kept


def test_lesson_5_shows_the_original_in_place_of_the_gloss_in_french(monkeypatch) -> None:
    from helpers.comparing_sources import key_claims_table
    monkeypatch.setenv("MALI_LANGUAGE", "fr")
    table = key_claims_table(load_table("claims"), load_table("sources"), "who-decided")
    row = next(line for line in table.splitlines() if "République, 2013-01-11" in line)
    assert "«\u00a0J'ai donc décidé que la France répondra" in row
    assert "original, fr" not in row and "Hollande said" not in row
    other = next(line for line in table.splitlines() if "ThinkProgress" in line)
    assert "Hollande a décidé que la France répondrait" in other


def test_the_matrix_gains_french_columns() -> None:
    from helpers.comparing_sources import corroborate_claims
    matrix = corroborate_claims(load_table("claims"), load_table("claim_keys"),
                                load_table("claim_stances"))
    assert {"official-elysee-20130111-voeux", "news-opex360-20130115-konna",
            "news-maliactu-20130114-panetta"} <= set(matrix.columns)
    assert matrix.loc["legal-basis", "official-elysee-20130111-voeux"] == "contradicts"
    assert matrix.loc["who-decided", "official-elysee-20130111-voeux"] == "agrees"
