"""The language a lesson speaks: English by default, French in the French edition.

A notebook of the French edition (``notebooks/fr/``) sets ``MALI_LANGUAGE=fr`` in its first
cell; every helper then reads that setting when it runs (never at import), so the same code
cells speak English in ``notebooks/`` and French in ``notebooks/fr/``. Three things change
with the language:

- messages: ``translate("{n} towns", n=3)`` looks the English text up in
  ``helpers/locale/<language>/*.toml`` and fills in the fields;
- dates: ``format_date`` writes "11 January 2013" or "11 janvier 2013";
- numbers: ``format_number`` writes "1,234.5" or "1 234,5".

Answers are read in either language's forms (``helpers.readers``).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
import tomllib
import types
from collections.abc import Mapping
from pathlib import Path

LANGUAGES = ("en", "fr")
SETTING = "MALI_LANGUAGE"
LOCALE_FOLDER = Path(__file__).resolve().parent / "locale"
NARROW_SPACE = "\u202f"

MONTH_NAMES = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
}
SHORT_MONTH_NAMES = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
           "nov.", "déc."),
}
DATE_STYLES = ("long", "short", "day-month", "short-day-month", "month", "short-month",
               "year", "iso")


class LanguageError(ValueError):
    """An unknown language, date style or message field; the message says what is accepted."""


def current_language(*, language: str | None = None) -> str:
    """Return the language to speak: ``language`` if given, else the ``MALI_LANGUAGE`` setting.

    Example:
        >>> current_language(language="fr")
        'fr'
        >>> current_language(language="FR-ca")
        'fr'
    """
    chosen = language if language is not None else os.environ.get(SETTING, "en")
    code = (chosen or "en").strip().lower().replace("_", "-").split("-")[0]
    if code not in LANGUAGES:
        raise LanguageError(f"Unknown language {chosen!r}: use one of {', '.join(LANGUAGES)}.")
    return code


@functools.lru_cache(maxsize=len(LANGUAGES))
def read_catalogue(language: str) -> Mapping[str, Mapping[str, str]]:
    """Return the messages of one language, per helper module: English text to translation.

    Each file of ``helpers/locale/<language>/`` is a table of ``"English" = "translation"``
    pairs, one file per helper module (``intervention.toml`` for ``helpers.intervention``),
    so one English word can read differently in two lessons ("Chad": a contingent in
    lesson 03, a country on the map).

    Example:
        >>> read_catalogue("fr")["tables"]["Sources"]
        'Sources'
        >>> read_catalogue("en")
        mappingproxy({})
    """
    modules: dict[str, Mapping[str, str]] = {}
    for path in sorted((LOCALE_FOLDER / language).glob("*.toml")):
        with path.open("rb") as handle:
            table = tomllib.load(handle)
        for english, translated in table.items():
            if not isinstance(translated, str):
                raise LanguageError(f"{path.name}: the translation of {english!r} is not text.")
        modules[path.stem] = types.MappingProxyType(table)
    return types.MappingProxyType(modules)


def look_up(message: str, language: str, *, module: str = "") -> str:
    """Return a message's translation: the module's own first, else any module's, else as is.

    Example:
        >>> look_up("Chad", "fr", module="maps"), look_up("Chad", "fr", module="intervention")
        ('Tchad', 'Contingent tchadien')
        >>> look_up("A message nobody translated", "fr")
        'A message nobody translated'
    """
    if language == "en":
        return message
    catalogue = read_catalogue(language)
    own = catalogue.get(module, {})
    if message in own:
        return own[message]
    return next((table[message] for table in catalogue.values() if message in table), message)


def translate(message: str, *, language: str | None = None, **fields: object) -> str:
    """Return ``message`` in the lesson's language, with ``{fields}`` filled in.

    The calling helper module's catalogue is read first (see :func:`look_up`); a message no
    catalogue has is returned in English (the tests list any such gap).

    Example:
        >>> translate("{count} of {total} done", count=2, total=7, language="en")
        '2 of 7 done'
        >>> translate("Sources", language="fr")
        'Sources'
    """
    caller = sys._getframe(1).f_globals.get("__name__", "").rpartition(".")[2]
    text = look_up(message, current_language(language=language), module=caller)
    if not fields:
        return text
    try:
        return text.format(**fields)
    except (KeyError, IndexError) as missing:
        raise LanguageError(f"The message {message!r} needs the field {missing}.") from None


def format_date(day: dt.date, *, style: str = "long", language: str | None = None) -> str:
    """Write a date in the lesson's language (the one date writer).

    Styles: ``long`` (11 January 2013), ``short`` (11 Jan 2013), ``day-month`` (11 January),
    ``short-day-month`` (11 Jan), ``month`` (January 2013), ``short-month`` (Jan 2013),
    ``year`` (2013) and ``iso`` (2013-01-11). French writes "1er" for the first of a month.

    Example:
        >>> format_date(dt.date(2013, 1, 11), language="en")
        '11 January 2013'
        >>> format_date(dt.date(2013, 2, 1), language="fr")
        '1er février 2013'
        >>> format_date(dt.date(2013, 2, 8), style="short", language="fr")
        '8 févr. 2013'
    """
    if style not in DATE_STYLES:
        raise LanguageError(f"Unknown date style {style!r}: use one of {', '.join(DATE_STYLES)}.")
    code = current_language(language=language)
    if style == "iso":
        return f"{day:%Y-%m-%d}"
    if style == "year":
        return f"{day.year}"
    names = SHORT_MONTH_NAMES if style.startswith("short") else MONTH_NAMES
    month = names[code][day.month - 1]
    if style in ("month", "short-month"):
        return f"{month} {day.year}"
    number = "1er" if code == "fr" and day.day == 1 else str(day.day)
    if style in ("day-month", "short-day-month"):
        return f"{number} {month}"
    return f"{number} {month} {day.year}"


def format_number(value: float, *, decimals: int = 0, language: str | None = None) -> str:
    """Write a number with the lesson's separators: "1,234.5" in English, "1 234,5" in French.

    French groups thousands with a narrow no-break space, as its typography does.

    Example:
        >>> format_number(1234.5, decimals=1, language="en")
        '1,234.5'
        >>> format_number(1234.5, decimals=1, language="fr") == "1\\u202f234,5"
        True
        >>> format_number(-7700, language="fr") == "\\u22127\\u202f700"
        True
    """
    english = f"{value:,.{decimals}f}"
    if current_language(language=language) == "en":
        return english
    french = english.replace(",", NARROW_SPACE).replace(".", ",")
    return french.replace("-", "\u2212", 1) if french.startswith("-") else french
