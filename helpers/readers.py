"""Read what a student types: dates, numbers, lists and text, with plain-language errors.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal
from numbers import Real

MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january", "janvier"), ("feb", "february", "fevrier"), ("mar", "march", "mars"),
         ("apr", "april", "avril"), ("may", "mai"), ("jun", "june", "juin"),
         ("jul", "july", "juillet"), ("aug", "august", "aout"), ("sep", "sept", "september",
         "septembre"), ("oct", "october", "octobre"), ("nov", "november", "novembre"),
         ("dec", "december", "decembre")], start=1)
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MAX_LENGTH = 300
DATE_ADVICE = ('write the year first, like "YYYY-MM-DD", or the day, the month in words '
               'and the year, like "D Month YYYY"')
MINUS_SIGNS = "\u2212\u2012\u2013\u2014\ufe63\uff0d"


class AnswerFormatError(ValueError):
    """The answer is not of a form the exercise can read; the message says what to write."""


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


def describe_type(value: object) -> str:
    """Name a value's type in plain words.

    Example:
        >>> describe_type([1, 2])
        'a list'
    """
    names = {list: "a list", tuple: "a tuple", dict: "a dictionary", set: "a set",
             bool: "True or False", int: "a whole number", float: "a number", str: "text"}
    if type(value).__name__ in ("DataFrame", "Series", "ndarray"):
        return f"a {type(value).__name__} of {getattr(value, 'size', '?')} values"
    return names.get(type(value), f"a {type(value).__name__}")


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


def read_date(value: object) -> date:
    """Read a date written as ISO, in words, or given as a date object.

    Example:
        >>> read_date("11 January 2013")
        datetime.date(2013, 1, 11)
        >>> read_date("Thursday 10th January 2013")
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
        raise AnswerFormatError(
            f"expected a date in quotes, you gave {describe_type(value)}; {DATE_ADVICE}")
    _refuse_long(value)
    text = re.sub(r"\b(\d{1,2})(st|nd|rd|th|er|e)\b", r"\1", normalise_text(value))
    text = " ".join(word for word in text.split() if word not in WEEKDAYS)
    found = _match_date(text)
    if found is None:
        raise AnswerFormatError(f"could not read {_shorten(value)!r} as a date; {DATE_ADVICE}")
    return found


def _match_date(text: str) -> date | None:
    patterns = [
        (r"^(\d{4}) (\d{1,2}) (\d{1,2})$", lambda m: (m[1], m[2], m[3])),
        (r"^(\d{1,2}) ([a-z]+) (\d{4})$", lambda m: (m[3], MONTHS.get(m[2]), m[1])),
        (r"^([a-z]+) (\d{1,2}) (\d{4})$", lambda m: (m[3], MONTHS.get(m[1]), m[2])),
        (r"^(\d{1,2}) (\d{1,2}) (\d{4})$", _day_and_month),
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


def _day_and_month(match: re.Match) -> tuple[str, str, str]:
    first, second = int(match[1]), int(match[2])
    if first > 12 or first == second:
        return match[3], match[2], match[1]
    if second > 12:
        return match[3], match[1], match[2]
    raise AnswerFormatError(
        f"a date written {match[1]}/{match[2]}/{match[3]} is ambiguous (day first or month "
        f"first?); {DATE_ADVICE}")


def read_number(value: object) -> float:
    """Read a number given as a number or as text such as "1,200", "about 400 km".

    Example:
        >>> read_number("about 1,200 troops")
        1200.0
        >>> read_number("5,3")
        5.3
        >>> read_number(3)
        3.0
    """
    value = unwrap_value(value)
    if isinstance(value, bool):
        raise AnswerFormatError("expected a number; you gave True or False")
    if isinstance(value, (Real, Decimal)):
        return _to_float(value)
    if not isinstance(value, str):
        raise AnswerFormatError(f"expected one number, such as 12; you gave {describe_type(value)}")
    _refuse_long(value)
    text = value.translate({ord(sign): "-" for sign in MINUS_SIGNS})
    numbers = re.findall(r"-?\d+(?:[,\s.]\d+)*", text)
    if len(numbers) != 1:
        raise AnswerFormatError(
            f"expected one number, found {len(numbers)} in {_shorten(value)!r}")
    return _to_float(_read_digits(numbers[0], value))


def _read_digits(number: str, original: str) -> str:
    if re.fullmatch(r"-?\d{1,3}([,\s]\d{3})+(\.\d+)?", number):
        return re.sub(r"[,\s]", "", number)
    if re.fullmatch(r"-?\d+,\d", number) or re.fullmatch(r"-?\d+,\d{4,}", number):
        return number.replace(",", ".")
    if re.fullmatch(r"-?\d+,\d{2}", number):
        whole, part = number.split(",")
        raise AnswerFormatError(
            f"{_shorten(original)!r} could mean {whole}.{part} or {whole}{part}; write the "
            "number with a point for decimals and no comma or space inside it")
    if re.fullmatch(r"-?\d+(\.\d+)?", number):
        return number
    raise AnswerFormatError(
        f"could not read {_shorten(original)!r} as one number: the digits are split by a space "
        "or comma in an unusual place; write the number without spaces, like 1200")


def _to_float(value: object) -> float:
    try:
        number = float(value)
    except OverflowError:
        number = float("inf")
    except ValueError:
        number = float("nan")
    if number != number:
        raise AnswerFormatError("that is not a number (NaN); give the number itself")
    if abs(number) > 1e15:
        raise AnswerFormatError("that number is far too large for this exercise; check the "
                                "units and the number of digits")
    return number


def _refuse_long(text: str) -> None:
    if len(text) > MAX_LENGTH:
        raise AnswerFormatError(f"that answer is {len(text)} characters long; give just the "
                                "answer, in a few words")


def _shorten(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


def read_items(value: object) -> set[str]:
    """Read several items given as a list, tuple, set, Series, array or comma-separated text.

    Example:
        >>> sorted(read_items("Gao, Kidal and Timbuktu"))
        ['gao', 'kidal', 'timbuktu']
    """
    value = unwrap_value(value)
    if isinstance(value, str):
        _refuse_long(value)
        parts = re.split(r",|;|\band\b", value)
    elif isinstance(value, (list, tuple, set, frozenset)):
        parts = [str(item) for item in value]
    else:
        raise AnswerFormatError(
            "expected several items, e.g. [\"first\", \"second\"]; "
            f"you gave {describe_type(value)}")
    if len(parts) > 50:
        raise AnswerFormatError(f"that is {len(parts)} items; the exercise asks for a few")
    return {normalise_text(part) for part in parts if normalise_text(part)}
