"""Places of the crisis: a distance table, a one-place description and the overview map."""

from __future__ import annotations

import html

import matplotlib.pyplot as plt
import pandas as pd

from helpers.basemap import draw_basemap, draw_places
from helpers.charts import Chart, house_style, make_chart
from helpers.citations import caption, short_citation
from helpers.geo import bearing_deg, compass_point, distance_km, find_place

ORIGIN = "bamako"


def places_table(places: pd.DataFrame, *, origin: str = ORIGIN) -> pd.DataFrame:
    """Return each place with its straight-line distance and direction from ``origin``.

    Example:
        >>> from helpers.loaders import load_places
        >>> table = places_table(load_places())
        >>> int(table.set_index("Place").loc["Gao", "km from Bamako"])
        947
    """
    start = find_place(origin, places)
    rows = []
    for _, place in places.iterrows():
        km = distance_km(start["lat"], start["lon"], place["lat"], place["lon"])
        direction = "" if km < 1 else compass_point(
            bearing_deg(start["lat"], start["lon"], place["lat"], place["lon"]))
        rows.append({"Place": place["name"], "Kind": place["kind"].replace("_", " "),
                     "Latitude (°N)": place["lat"], "Longitude (°E)": place["lon"],
                     f"km from {start['name']}": round(km), "Direction": direction})
    return pd.DataFrame(rows).sort_values(f"km from {start['name']}", ignore_index=True)


def describe_place(name_or_id: str | None, *, places: pd.DataFrame, events: pd.DataFrame,
                   sources: pd.DataFrame | None = None) -> str:
    """Return an HTML paragraph about one place: where it is and what happened there.

    Example:
        >>> from helpers.loaders import load_places, load_events
        >>> text = describe_place("konna", places=load_places(), events=load_events())
        >>> "513 km north-east of Bamako" in text
        True
        >>> describe_place(None, places=load_places(), events=load_events())
        '<p>Choose a place from the list to read about it.</p>'
    """
    if not name_or_id:
        return "<p>Choose a place from the list to read about it.</p>"
    place = find_place(name_or_id, places)
    start = find_place(ORIGIN, places)
    km = distance_km(start["lat"], start["lon"], place["lat"], place["lon"])
    where = f"{place['lat']:.2f}°N, {abs(place['lon']):.2f}°{'E' if place['lon'] >= 0 else 'W'}"
    if km < 1:
        position = "It is the capital of Mali."
    else:
        direction = compass_point(bearing_deg(start["lat"], start["lon"], place["lat"],
                                              place["lon"]))
        position = (f"It lies {round(km)} km {direction} of Bamako in a straight line "
                    "(roads are longer).")
    items = []
    for _, event in events[events["place_id"] == place["place_id"]].sort_values("date").iterrows():
        cited = "; ".join(short_citation(s, sources=sources)
                          for s in event["source_ids"].split(";"))
        items.append(f"<li>{event['date']:%d %b %Y}: {html.escape(event['title'])} "
                     f"<small>({html.escape(cited)})</small></li>")
    none = "<p>No event here in the timeline yet.</p>"
    happened = f"<ul>{''.join(items)}</ul>" if items else none
    return (f"<p><strong>{html.escape(place['name'])}</strong> ({where}). "
            f"{html.escape(position)}</p>{happened}")


def chart_places_map(places: pd.DataFrame, *, title: str = "Mali and the places of the crisis",
                     extent: tuple[float, float, float, float] = (-13.0, 16.5, 9.5, 25.5)) -> Chart:
    """Draw the overview map of Mali with every place labelled.

    Example:
        >>> from helpers.loaders import load_places
        >>> chart_places_map(load_places()).caption.startswith("Towns and bases")
        True
    """
    with house_style():
        fig, ax = plt.subplots(figsize=(11, 7.5))
        draw_basemap(ax, extent=extent)
        draw_places(ax, places)
        ax.set_title(title)
    table = places_table(places)
    far = table.iloc[-1]
    text = (f"Map of Mali and its neighbours with {len(places)} places marked. Bamako, the "
            f"capital, lies in the south-west, on the Niger river; the northern towns lie "
            f"hundreds of kilometres away, the farthest shown being {far['Place']} at "
            f"{far['km from Bamako']} km. The table lists every place with its distance "
            "and direction from Bamako.")
    note = caption(list(places["source_id"]) + ["ref-natural-earth"],
                   text="Towns and bases mentioned in the module; borders from Natural Earth.")
    return make_chart(fig, caption=note, alt_text=text, table=table)
