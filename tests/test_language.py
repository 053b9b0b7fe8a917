"""The lesson's language: the setting, message lookup, and the one date and number writers."""

from __future__ import annotations

import ast
import datetime as dt
import string
import tomllib
from pathlib import Path

import pytest

from helpers.data import TABLES
from helpers.language import (
    LanguageError,
    current_language,
    format_date,
    format_number,
    look_up,
    read_catalogue,
    translate,
)


def test_the_setting_is_read_when_called_not_at_import(monkeypatch) -> None:
    monkeypatch.delenv("MALI_LANGUAGE", raising=False)
    assert current_language() == "en"
    monkeypatch.setenv("MALI_LANGUAGE", "fr_FR")
    assert current_language() == "fr"
    assert current_language(language="en") == "en"


def test_an_unknown_language_is_named(monkeypatch) -> None:
    monkeypatch.setenv("MALI_LANGUAGE", "bm")
    with pytest.raises(LanguageError, match="'bm'.*en, fr"):
        current_language()


def test_translate_looks_up_french_and_fills_fields(monkeypatch) -> None:
    monkeypatch.setenv("MALI_LANGUAGE", "fr")
    catalogue = read_catalogue("fr")["exercises"]
    english, french = next((e, f) for e, f in catalogue.items() if e != f)
    assert translate(english) == french
    assert translate("A message nobody translated {n}", n=3) == "A message nobody translated 3"
    with pytest.raises(LanguageError, match="needs the field 'n'"):
        translate("{n} towns of {total}", language="en", total=3)


@pytest.mark.parametrize(("style", "english", "french"), [
    ("long", "1 February 2013", "1er février 2013"),
    ("short", "1 Feb 2013", "1er févr. 2013"),
    ("day-month", "1 February", "1er février"),
    ("short-day-month", "1 Feb", "1er févr."),
    ("month", "February 2013", "février 2013"),
    ("short-month", "Feb 2013", "févr. 2013"),
    ("year", "2013", "2013"),
    ("iso", "2013-02-01", "2013-02-01"),
])
def test_dates_are_written_in_each_language(style, english, french) -> None:
    day = dt.date(2013, 2, 1)
    assert format_date(day, style=style, language="en") == english
    assert format_date(day, style=style, language="fr") == french


def test_an_unknown_date_style_is_named() -> None:
    with pytest.raises(LanguageError, match="'shortest'"):
        format_date(dt.date(2013, 1, 11), style="shortest")


@pytest.mark.parametrize(("value", "decimals", "english", "french"), [
    (1234.5, 1, "1,234.5", "1\u202f234,5"),
    (7700, 0, "7,700", "7\u202f700"),
    (-513, 0, "-513", "\u2212513"),
    (0.25, 2, "0.25", "0,25"),
])
def test_numbers_use_each_language_separators(value, decimals, english, french) -> None:
    assert format_number(value, decimals=decimals, language="en") == english
    assert format_number(value, decimals=decimals, language="fr") == french


# Every message a helper translates has its French, with the same fields; nothing unused.

HELPERS = Path(__file__).resolve().parents[1] / "helpers"
MODULES = sorted(path.stem for path in HELPERS.glob("*.py") if path.stem != "__init__")


def translated_literals(module: str) -> set[str]:
    """The literal first arguments of translate(...) calls in helpers/<module>.py."""
    tree = ast.parse((HELPERS / f"{module}.py").read_text(encoding="utf-8"))
    return {call.args[0].value for call in ast.walk(tree)
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
            and call.func.id == "translate" and call.args
            and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)}


def string_constants(module: str) -> set[str]:
    """Every string literal in helpers/<module>.py (messages kept in tables count as used),
    and the words of the data's category codes (``mali_army`` read as "mali army"), which
    lesson code translates from the data."""
    tree = ast.parse((HELPERS / f"{module}.py").read_text(encoding="utf-8"))
    literals = {node.value for node in ast.walk(tree)
                if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    codes = literals | {value for column in TABLES.values() for c in column
                        for value in c.allowed}
    return literals | {code.replace("_", " ") for code in codes}


def module_catalogue(module: str) -> dict[str, str]:
    path = HELPERS / "locale" / "fr" / f"{module}.toml"
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def field_names(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("module", MODULES)
def test_every_translated_message_has_its_french_with_the_same_fields(module: str) -> None:
    catalogue = module_catalogue(module)
    missing = sorted(translated_literals(module) - set(catalogue))
    assert not missing, (f"helpers/locale/fr/{module}.toml lacks {len(missing)} message(s) "
                         f"of helpers/{module}.py: {missing}")
    for english, french in catalogue.items():
        assert field_names(english) == field_names(french), (
            f"helpers/locale/fr/{module}.toml: {english!r} has fields {field_names(english)}, "
            f"its French {field_names(french)}")


@pytest.mark.parametrize("module", MODULES)
def test_no_french_message_is_left_unused(module: str) -> None:
    unused = sorted(set(module_catalogue(module)) - string_constants(module))
    assert not unused, (f"helpers/locale/fr/{module}.toml has message(s) helpers/{module}.py "
                        f"no longer uses: {unused}")


def test_every_catalogue_is_named_after_a_module() -> None:
    for path in sorted((HELPERS / "locale" / "fr").glob("*.toml")):
        assert path.stem in MODULES, f"{path.name} is named after no helpers module"


def test_a_module_reads_its_own_catalogue_first(monkeypatch) -> None:
    monkeypatch.setenv("MALI_LANGUAGE", "fr")
    from helpers.intervention import FORCE_NAMES  # noqa: F401 (the module whose words we read)
    assert look_up("Chad", "fr", module="maps") == "Tchad"
    assert look_up("Chad", "fr", module="intervention") == "Contingent tchadien"
    assert look_up("Chad", "fr", module="no_such_module") in {"Tchad", "Contingent tchadien"}
    assert translate("Chad") == look_up("Chad", "fr", module="test_language")
