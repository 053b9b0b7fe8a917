"""Read what a student types: dates, numbers, lists and text, with plain-language errors.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

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


class AnswerFormatError(ValueError):
    """The answer is not of a form the exercise can read; the message says what to write."""


def normalise_text(value: object) -> str:
    """Fold case, accents, punctuation and spacing.

    Example:
        >>> normalise_text("  Ansar  Dine! ")
        'ansar dine'
        >>> normalise_text("Ségou")
        'segou'
    """
    folded = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", " ", folded.casefold())
    return " ".join(words.split())


def describe_type(value: object) -> str:
    """Name a value's type in plain words.

    Example:
        >>> describe_type([1, 2])
        'a list'
    """
    names = {list: "a list", tuple: "a tuple", dict: "a dictionary", set: "a set",
             bool: "True or False", int: "a whole number", float: "a number", str: "text"}
    return names.get(type(value), f"a {type(value).__name__}")


def read_date(value: object) -> date:
    """Read a date written as ISO, in words, or given as a date object.

    Example:
        >>> read_date("11 January 2013")
        datetime.date(2013, 1, 11)
        >>> read_date("Jan. 11, 2013")
        datetime.date(2013, 1, 11)
    """
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise AnswerFormatError(
            f"expected a date such as \"2013-01-11\"; you gave {describe_type(value)}")
    text = normalise_text(value)
    found = _match_date(text)
    if found is None:
        raise AnswerFormatError(
            f"could not read {value!r} as a date; "
            "write it like \"2013-01-11\" or \"11 January 2013\"")
    return found


def _match_date(text: str) -> date | None:
    patterns = [
        (r"^(\d{4}) (\d{1,2}) (\d{1,2})$", lambda m: (m[1], m[2], m[3])),
        (r"^(\d{1,2}) ([a-z]+) (\d{4})$", lambda m: (m[3], MONTHS.get(m[2]), m[1])),
        (r"^([a-z]+) (\d{1,2}) (\d{4})$", lambda m: (m[3], MONTHS.get(m[1]), m[2])),
    ]
    for pattern, order in patterns:
        match = re.match(pattern, text)
        if match:
            year, month, day = order(match)
            try:
                return date(int(year), int(month), int(day))
            except (TypeError, ValueError):
                return None
    if re.match(r"^\d{1,2} \d{1,2} \d{4}$", text):
        raise AnswerFormatError(
            "a date like 11/01/2013 is ambiguous (day first or month first?); "
            "write it as \"2013-01-11\"")
    return None


def read_number(value: object) -> float:
    """Read a number given as a number or as text such as "1,200", "about 400 km".

    Example:
        >>> read_number("about 1,200 troops")
        1200.0
        >>> read_number(3)
        3.0
    """
    if isinstance(value, bool):
        raise AnswerFormatError("expected a number; you gave True or False")
    if isinstance(value, (int, float)):
        return float(value)
    if not isinstance(value, str):
        raise AnswerFormatError(f"expected a number such as 400; you gave {describe_type(value)}")
    numbers = re.findall(r"-?\d[\d,\s]*(?:\.\d+)?", value)
    cleaned = [re.sub(r"[,\s]", "", n) for n in numbers]
    if len(cleaned) != 1:
        raise AnswerFormatError(f"expected one number, found {len(cleaned)} in {value!r}")
    return float(cleaned[0])


def read_items(value: object) -> set[str]:
    """Read several items given as a list, tuple, set or comma-separated text.

    Example:
        >>> sorted(read_items("Gao, Kidal and Timbuktu"))
        ['gao', 'kidal', 'timbuktu']
    """
    if isinstance(value, str):
        parts = re.split(r",|;|\band\b", value)
    elif isinstance(value, (list, tuple, set, frozenset)):
        parts = [str(item) for item in value]
    else:
        raise AnswerFormatError(
            f"expected several items, e.g. [\"Gao\", \"Kidal\"]; you gave {describe_type(value)}")
    return {normalise_text(part) for part in parts if normalise_text(part)}
