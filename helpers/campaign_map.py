"""The January–March 2013 campaign on the map: each town with the dates of its events."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from helpers.basemap import draw_basemap, draw_places
from helpers.charts import Chart, house_style, make_chart
from helpers.citations import caption, collect_ids


def campaign_events(events: pd.DataFrame, *, start: str = "2013-01-10",
                    end: str = "2013-03-31") -> pd.DataFrame:
    """Return the dated intervention events that have a place, first date first.

    Example:
        >>> from helpers.loaders import load_events
        >>> campaign_events(load_events())["place_id"].iloc[0]
        'konna'
    """
    window = events[(events["date"] >= start) & (events["date"] <= end)
                    & (events["category"] == "intervention") & (events["place_id"] != "")]
    return window.sort_values("date").reset_index(drop=True)


def _label(name: str, days: pd.Series) -> str:
    first, last = days.min(), days.max()
    when = f"{first:%d %b}" if first == last else f"{first:%d %b}–{last:%d %b}"
    return f"{name}\n{when}"


def campaign_map(events: pd.DataFrame, places: pd.DataFrame, *, start: str = "2013-01-10",
                 end: str = "2013-03-31", sources: pd.DataFrame | None = None) -> Chart:
    """Map the towns where the intervention's events happened, labelled with their dates.

    Contested events (a note saying so in ``events.csv``) are kept; the text alternative
    lists every event with its date so the order can be read without the map.

    Example:
        >>> from helpers.loaders import load_events, load_places
        >>> chart = campaign_map(load_events(), load_places())
        >>> "Konna" in chart.alt_text and "Sources:" in chart.caption
        True
    """
    rows = campaign_events(events, start=start, end=end)
    if rows.empty:
        raise ValueError(f"no intervention events with a place between {start} and {end}")
    named = places.set_index("place_id")
    marked = named.loc[rows["place_id"].unique()].reset_index()
    marked["name"] = [_label(name, rows.loc[rows["place_id"] == pid, "date"])
                      for pid, name in zip(marked["place_id"], marked["name"], strict=True)]
    capital = named.loc[["bamako"]].reset_index()
    with house_style():
        fig, ax = plt.subplots(figsize=(10, 7))
        draw_basemap(ax, extent=(-12.5, 5.0, 10.0, 22.5))
        draw_places(ax, pd.concat([capital, marked]), fontsize=10)
        ax.set_title(f"Where the intervention's events happened, {start[:7]} to {end[:7]}")
    alt = "; ".join(f"{day:%d %b %Y} {named.loc[pid, 'name']}: {title}"
                    for day, pid, title in zip(rows["date"], rows["place_id"], rows["title"],
                                               strict=True))
    note = caption(collect_ids(rows["source_ids"]) + ["ref-natural-earth"],
                   text="Intervention events by town, from data/events.csv; borders from "
                        "Natural Earth.", sources=sources)
    table = rows[["date", "place_id", "title", "note"]]
    return make_chart(fig, caption=note, alt_text=f"Events in date order — {alt}.", table=table)
