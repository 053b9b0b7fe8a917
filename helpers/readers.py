"""Read what a student types: dates, numbers, lists and text, with plain-language errors.

English and French forms are both read ("11 January 2013", "le 1er février 2013", "1,234.5",
"1 234,5"); where a form means one thing in English and another in French ("5,13", "10/01/2013")
the lesson's language decides, and English asks the student to write it unambiguously.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal
from numbers import Real

from helpers.language import current_language, translate

MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january", "janv", "janvier"), ("feb", "february", "fevr", "fevrier"),
         ("mar", "march", "mars"),
         ("apr", "april", "avril"), ("may", "mai"), ("jun", "june", "juin"),
         ("jul", "july", "juil", "juillet"), ("aug", "august", "aout"), ("sep", "sept", "september",
         "septembre"), ("oct", "october", "octobre"), ("nov", "november", "novembre"),
         ("dec", "december", "decembre")], start=1)
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
ARTICLES = ("the", "le")
MAX_LENGTH = 300
MINUS_SIGNS = "\u2212\u2012\u2013\u2014\ufe63\uff0d"


class AnswerFormatError(ValueError):
    """The answer is not of a form the exercise can read; the message says what to write."""


def date_advice(*, language: str | None = None) -> str:
    """Say how to write a date, in the lesson's language, without giving a real date.

    Example:
        >>> date_advice().startswith("write the year first")
        True
    """
    return translate('write the year first, like "YYYY-MM-DD", or the day, the month in words '
                     'and the year, like "D Month YYYY"', language=language)


def normalise_text(value: object) -> str:
    """Fold case, accents, punctuation and spacing; letters of other scripts are kept.

    Example:
        >>> normalise_text("  Ansar  Dine! ")
        'ansar dine'
        >>> normalise_text("Ségou")
        'segou'
        >>> normalise_text("bб") == "b"
        False
    """
    decomposed = unicodedata.normalize("NFKD", str(value))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = re.sub(r"[\W_]+", " ", bare.casefold())
    return " ".join(words.split())


def describe_type(value: object, *, language: str | None = None) -> str:
    """Name a value's type in plain words.

    Example:
        >>> describe_type([1, 2])
        'a list'
    """
    names = {list: translate("a list", language=language), tuple: translate("a tuple",
    language=language),
             dict: translate("a dictionary", language=language), set: translate("a set",
             language=language),
             bool: translate("True or False", language=language), int: translate("a whole number",
             language=language),
             float: translate("a number", language=language), str: translate("text",
             language=language)}
    if type(value).__name__ in ("DataFrame", "Series", "ndarray"):
        return translate("a {type} of {size} values", type=type(value).__name__,
                         size=getattr(value, "size", "?"), language=language)
    return names.get(type(value), translate("a {type}", type=type(value).__name__,
    language=language))


def unwrap_value(value: object) -> object:
    """Turn numpy and pandas values into plain Python ones: a one-cell table into its cell,
    a Series or array into a list, a numpy number into an int or float.

    Example:
        >>> import pandas as pd
        >>> unwrap_value(pd.Series([3]))
        3
        >>> unwrap_value(pd.Series(["gao", "kidal"]))
        ['gao', 'kidal']
    """
    if hasattr(value, "to_numpy") and hasattr(value, "size") and not hasattr(value, "year"):
        cells = [unwrap_value(cell) for cell in value.to_numpy().ravel().tolist()]
        return cells[0] if len(cells) == 1 else cells
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        return value.tolist() if getattr(value, "ndim", 0) else value.item()
    return value


def read_date(value: object, *, language: str | None = None) -> date:
    """Read a date written as ISO, in English or French words, or given as a date object.

    Digits only ("10/01/2013") are read day first in French; in English they must be
    unambiguous (a day above 12, or the year first).

    Example:
        >>> read_date("11 January 2013")
        datetime.date(2013, 1, 11)
        >>> read_date("Thursday 10th January 2013")
        datetime.date(2013, 1, 10)
        >>> read_date("le vendredi 1er février 2013")
        datetime.date(2013, 2, 1)
        >>> read_date("10/01/2013", language="fr")
        datetime.date(2013, 1, 10)
    """
    value = unwrap_value(value)
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise AnswerFormatError(translate("expected a date in quotes, you gave {kind}; {advice}",
                                          kind=describe_type(value, language=language),
                                          advice=date_advice(language=language),
                                          language=language))
    _refuse_long(value, language=language)
    text = re.sub(r"\b(\d{1,2})(st|nd|rd|th|er|e)\b", r"\1", normalise_text(value))
    text = " ".join(word for word in text.split() if word not in WEEKDAYS + ARTICLES)
    found = _match_date(text, day_first=current_language(language=language) == "fr",
                        language=language)
    if found is None:
        raise AnswerFormatError(translate("could not read {given!r} as a date; {advice}",
                                          given=_shorten(value),
                                          advice=date_advice(language=language),
                                          language=language))
    return found


def _match_date(text: str, *, day_first: bool, language: str | None) -> date | None:
    digits = _day_first if day_first else functools.partial(_day_and_month, language=language)
    patterns = [
        (r"^(\d{4}) (\d{1,2}) (\d{1,2})$", lambda m: (m[1], m[2], m[3])),
        (r"^(\d{1,2}) ([a-z]+) (\d{4})$", lambda m: (m[3], MONTHS.get(m[2]), m[1])),
        (r"^([a-z]+) (\d{1,2}) (\d{4})$", lambda m: (m[3], MONTHS.get(m[1]), m[2])),
        (r"^(\d{1,2}) (\d{1,2}) (\d{4})$", digits),
    ]
    for pattern, order in patterns:
        match = re.match(pattern, text)
        if match:
            year, month, day = order(match)
            try:
                return date(int(year), int(month), int(day))
            except (TypeError, ValueError):
                return None
    return None


def _day_first(match: re.Match) -> tuple[str, str, str]:
    if int(match[2]) > 12 >= int(match[1]):
        return match[3], match[1], match[2]
    return match[3], match[2], match[1]


def _day_and_month(match: re.Match, *, language: str | None = None) -> tuple[str, str, str]:
    first, second = int(match[1]), int(match[2])
    if first > 12 or first == second:
        return match[3], match[2], match[1]
    if second > 12:
        return match[3], match[1], match[2]
    raise AnswerFormatError(translate(
        "a date written {written} is ambiguous (day first or month first?); {advice}",
        written=f"{match[1]}/{match[2]}/{match[3]}", advice=date_advice(language=language),
        language=language))


def read_number(value: object, *, language: str | None = None) -> float:
    """Read a number given as a number or as text such as "1,200", "about 400 km", "1 234,5".

    A comma is a decimal comma in French ("5,13" is 5.13); in English "5,13" is refused as
    ambiguous. Spaces (also no-break and narrow no-break) group thousands in both.

    Example:
        >>> read_number("about 1,200 troops")
        1200.0
        >>> read_number("5,3")
        5.3
        >>> read_number("1\u202f234,5")
        1234.5
        >>> read_number("5,13", language="fr")
        5.13
        >>> read_number(3)
        3.0
    """
    value = unwrap_value(value)
    if isinstance(value, bool):
        raise AnswerFormatError(translate("expected a number; you gave True or False",
        language=language))
    if isinstance(value, (Real, Decimal)):
        return _to_float(value, language=language)
    if not isinstance(value, str):
        raise AnswerFormatError(translate("expected one number, such as 12; you gave {kind}",
                                          kind=describe_type(value, language=language),
                                          language=language))
    _refuse_long(value, language=language)
    text = value.translate({ord(sign): "-" for sign in MINUS_SIGNS})
    numbers = re.findall(r"-?\d+(?:[,\s.]\d+)*", text)
    if len(numbers) != 1:
        raise AnswerFormatError(translate("expected one number, found {count} in {given!r}",
                                          count=len(numbers), given=_shorten(value),
                                          language=language))
    return _to_float(_read_digits(numbers[0], value, language=language), language=language)


def _read_digits(number: str, original: str, *, language: str | None) -> str:
    french = current_language(language=language) == "fr"
    if re.fullmatch(r"-?\d{1,3}(\s\d{3})+,\d+", number):
        return re.sub(r"\s", "", number).replace(",", ".")
    if french and re.fullmatch(r"-?\d+,\d{3}", number):
        whole, part = number.split(",")
        raise AnswerFormatError(translate(
            "{given!r} could mean {whole},{part} or {whole} {part}; write decimals after a "
            "comma and group thousands with a space", given=_shorten(original), whole=whole,
            part=part, language=language))
    if re.fullmatch(r"-?\d{1,3}([,\s]\d{3})+(\.\d+)?", number):
        return re.sub(r"[,\s]", "", number)
    if re.fullmatch(r"-?\d+,\d", number) or re.fullmatch(r"-?\d+,\d{4,}", number):
        return number.replace(",", ".")
    if re.fullmatch(r"-?\d+,\d{2}", number):
        if french:
            return number.replace(",", ".")
        whole, part = number.split(",")
        raise AnswerFormatError(translate(
            "{given!r} could mean {whole}.{part} or {whole}{part}; write the number with a "
            "point for decimals and no comma or space inside it", given=_shorten(original),
            whole=whole, part=part, language=language))
    if re.fullmatch(r"-?\d+(\.\d+)?", number):
        return number
    raise AnswerFormatError(translate(
        "could not read {given!r} as one number: the digits are split by a space or comma in "
        "an unusual place; write the number without spaces, like 1200",
        given=_shorten(original), language=language))


def _to_float(value: object, *, language: str | None = None) -> float:
    try:
        number = float(value)
    except OverflowError:
        number = float("inf")
    except ValueError:
        number = float("nan")
    if number != number:
        raise AnswerFormatError(translate("that is not a number (NaN); give the number itself",
        language=language))
    if abs(number) > 1e15:
        raise AnswerFormatError(translate("that number is far too large for this exercise; "
                                          "check the units and the number of digits",
                                          language=language))
    return number


def _refuse_long(text: str, *, language: str | None = None) -> None:
    if len(text) > MAX_LENGTH:
        raise AnswerFormatError(translate("that answer is {length} characters long; give just "
                                          "the answer, in a few words", length=len(text),
                                          language=language))


def _shorten(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


def read_items(value: object, *, language: str | None = None) -> set[str]:
    """Read several items given as a list, tuple, set, Series, array or comma-separated text.

    Text items are separated by commas, semicolons and "and" (also "et" in French).

    Example:
        >>> sorted(read_items("Gao, Kidal and Timbuktu"))
        ['gao', 'kidal', 'timbuktu']
        >>> sorted(read_items("Gao, Kidal et Tombouctou", language="fr"))
        ['gao', 'kidal', 'tombouctou']
    """
    value = unwrap_value(value)
    if isinstance(value, str):
        _refuse_long(value, language=language)
        french = current_language(language=language) == "fr"
        parts = re.split(r",|;|\band\b|\bet\b" if french else r",|;|\band\b", value)
    elif isinstance(value, (list, tuple, set, frozenset)):
        parts = [str(item) for item in value]
    else:
        raise AnswerFormatError(translate(
            'expected several items, e.g. ["first", "second"]; you gave {kind}',
            kind=describe_type(value, language=language), language=language))
    if len(parts) > 50:
        raise AnswerFormatError(translate("that is {count} items; the exercise asks for a few",
                                          count=len(parts), language=language))
    return {normalise_text(part) for part in parts if normalise_text(part)}
