"""Pick force figures out of ``deployments.csv`` and summarise them without averaging.

Every function here is pure: it takes the deployments table (as returned by
:func:`helpers.loaders.load_deployments`) and keyword options, and returns a new table
or a sentence. The force explorer widget and the lesson-3 charts are thin layers over
these functions, which the tests call directly.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.schema import DEPLOYMENT_CATEGORIES, FIGURE_KINDS, FORCES, SCOPES

FORCE_NAMES = {
    "serval": "French (Serval)", "barkhane": "French (Barkhane)", "afisma": "African (AFISMA)",
    "chad": "Chad", "minusma": "UN (MINUSMA)", "mali_army": "Malian army",
    "us": "United States", "eutm": "EU trainers (EUTM)",
}
SCOPE_NAMES = {"in_mali": "in Mali", "engaged": "engaged (incl. outside Mali)",
               "in_region": "based in the region", "": "where not stated"}


class SelectionError(ValueError):
    """An option names a value the data does not know; the message lists what it does."""


def _as_tuple(values: str | Iterable[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    if isinstance(values, str):
        return (values,)
    return tuple(values)


def _check_known(option: str, values: tuple[str, ...] | None, known: Iterable[str]) -> None:
    if values is None:
        return
    allowed = tuple(known)
    unknown = [value for value in values if value not in allowed]
    if unknown:
        raise SelectionError(f"{option}: {unknown[0]!r} is not known; choose from "
                             f"{', '.join(allowed)}")


def select_figures(deployments: pd.DataFrame, *, forces: str | Iterable[str] | None = None,
                   contributors: str | Iterable[str] | None = None,
                   categories: str | Iterable[str] | None = None,
                   figure_kinds: str | Iterable[str] | None = None,
                   scopes: str | Iterable[str] | None = None,
                   start: str | pd.Timestamp | None = None,
                   end: str | pd.Timestamp | None = None) -> pd.DataFrame:
    """Return the rows matching every option given, sorted by date then value.

    ``None`` means "any". An empty list selects nothing (and returns an empty table).
    ``scopes`` may include ``""`` for figures whose source does not say where.

    Example:
        >>> from helpers.loaders import load_deployments
        >>> rows = select_figures(load_deployments(), forces="serval", categories="troops",
        ...                       figure_kinds="deployed", start="2013-01-15", end="2013-01-15")
        >>> sorted(set(rows["value"]))
        [750.0, 800.0, 1700.0]
    """
    options = {"forces": (_as_tuple(forces), FORCES),
               "categories": (_as_tuple(categories), DEPLOYMENT_CATEGORIES),
               "figure_kinds": (_as_tuple(figure_kinds), FIGURE_KINDS),
               "scopes": (_as_tuple(scopes), (*SCOPES, ""))}
    for option, (values, known) in options.items():
        _check_known(option, values, known)
    keep = pd.Series(True, index=deployments.index)
    columns = {"forces": "force", "categories": "category", "figure_kinds": "figure_kind",
               "scopes": "scope"}
    for option, (values, _) in options.items():
        if values is not None:
            keep &= deployments[columns[option]].isin(values)
    wanted = _as_tuple(contributors)
    if wanted is not None:
        keep &= deployments["contributor"].isin(wanted)
    low, high = _parse_window(start, end)
    if low is not None:
        keep &= deployments["date"] >= low
    if high is not None:
        keep &= deployments["date"] <= high
    return deployments[keep].sort_values(["date", "value"]).reset_index(drop=True)


def _parse_window(start: object, end: object) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    bounds = []
    for name, value in (("start", start), ("end", end)):
        if value is None or value == "":
            bounds.append(None)
            continue
        try:
            bounds.append(pd.Timestamp(value))
        except (TypeError, ValueError):
            raise SelectionError(f"{name}: could not read {value!r} as a date; "
                                 "write it like '2013-01-15'") from None
    if bounds[0] is not None and bounds[1] is not None and bounds[0] > bounds[1]:
        raise SelectionError(f"start ({bounds[0]:%Y-%m-%d}) is after end ({bounds[1]:%Y-%m-%d})")
    return bounds[0], bounds[1]


def band_by_date(figures: pd.DataFrame) -> pd.DataFrame:
    """Return, for each date, the lowest and highest figure reported and how many reports.

    Nothing is averaged: ``low`` and ``high`` are reported values.

    Example:
        >>> rows = pd.DataFrame({"date": pd.to_datetime(["2013-01-15"] * 3),
        ...                      "value": [750.0, 800.0, 800.0], "source_id": ["a", "b", "c"]})
        >>> band_by_date(rows).iloc[0].to_dict()["high"]
        800.0
    """
    if figures.empty:
        return pd.DataFrame({"date": pd.Series(dtype="datetime64[ns]"), "low": [], "high": [],
                             "reports": pd.Series(dtype="int64")})
    grouped = figures.groupby("date")["value"]
    band = pd.DataFrame({"low": grouped.min(), "high": grouped.max(),
                         "reports": grouped.size()}).reset_index()
    return band.sort_values("date").reset_index(drop=True)


def _span(low: float, high: float) -> str:
    return f"{low:,.0f}" if low == high else f"{low:,.0f} to {high:,.0f}"


def describe_band(band: pd.DataFrame, *, what: str) -> str:
    """Say in words what a band shows: its range and the dates where sources disagree.

    Example:
        >>> band = pd.DataFrame({"date": pd.to_datetime(["2013-01-15", "2013-02-06"]),
        ...                      "low": [750.0, 4000.0], "high": [800.0, 4000.0],
        ...                      "reports": [3, 2]})
        >>> text = describe_band(band, what="French troops in Mali")
        >>> text.split(";")[0]
        'French troops in Mali: reports on 2 dates from 15 Jan 2013 to 06 Feb 2013'
        >>> text.endswith("the widest gap is 750 to 800 on 15 Jan 2013.")
        True
    """
    if band.empty:
        return f"{what}: no figures match this selection."
    first, last = band.iloc[0], band.iloc[-1]
    peak = band.loc[band["high"].idxmax()]
    split = band[band["low"] < band["high"]]
    sentence = (f"{what}: reports on {len(band)} dates from {first['date']:%d %b %Y} to "
                f"{last['date']:%d %b %Y}; {_span(first['low'], first['high'])} on the first "
                f"date, {_span(last['low'], last['high'])} on the last, highest "
                f"{peak['high']:,.0f} ({peak['date']:%d %b %Y}).")
    if split.empty:
        return sentence + " On every date the sources agree."
    widest = split.loc[(split["high"] - split["low"]).idxmax()]
    return (sentence + f" Sources disagree on {len(split)} of the dates; the widest gap is "
            f"{_span(widest['low'], widest['high'])} on {widest['date']:%d %b %Y}.")


def growth_ratio(first: float, last: float) -> float:
    """Return how many times larger ``last`` is than ``first``.

    Example:
        >>> round(growth_ratio(750, 4000), 2)
        5.33
    """
    if first <= 0:
        raise ValueError(f"the first figure must be above zero to compare growth, got {first!r}")
    return float(last) / float(first)


def figures_table(figures: pd.DataFrame, *, sources: pd.DataFrame) -> pd.DataFrame:
    """Return a readable table of figures, one row each, with the source named.

    Example:
        >>> from helpers.loaders import load_deployments, load_sources
        >>> rows = select_figures(load_deployments(), forces="minusma", categories="police")
        >>> list(figures_table(rows, sources=load_sources()).columns)[:3]
        ['Date', 'Force', 'Contributor']
    """
    names = dict(zip(sources["source_id"], sources["publisher"], strict=True))
    return pd.DataFrame({
        "Date": figures["date"].dt.strftime("%Y-%m-%d"),
        "Force": figures["force"].map(FORCE_NAMES),
        "Contributor": figures["contributor"],
        "What": figures["category"].str.replace("_", " "),
        "Kind": figures["figure_kind"],
        "Where": figures["scope"].map(SCOPE_NAMES),
        "Figure": figures["value"].map("{:,.0f}".format),
        "Source": figures["source_id"].map(names).fillna("") + " (" + figures["source_id"] + ")",
    }).reset_index(drop=True)
