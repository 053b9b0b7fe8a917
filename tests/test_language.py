"""The lesson's language: the setting, message lookup, and the one date and number writers."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers.language import (
    LanguageError,
    current_language,
    format_date,
    format_number,
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
    catalogue = read_catalogue("fr")
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
