"""A thin widget around :func:`helpers.places.describe_place`: pick a place, read about it."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from helpers.places import describe_place


def place_explorer(places: pd.DataFrame, events: pd.DataFrame) -> widgets.VBox:
    """Return a dropdown of places and a panel describing the chosen one.

    All the logic is in :func:`describe_place`, which the tests call directly; the
    widget only passes the dropdown's value to it.

    Example:
        >>> from helpers.loaders import load_places, load_events
        >>> box = place_explorer(load_places(), load_events())
        >>> box.children[0].value = "gao"
        >>> "Gao" in box.children[1].value
        True
    """
    named = sorted(zip(places["name"], places["place_id"], strict=True))
    options = [("Choose a place…", ""), *named]
    picker = widgets.Dropdown(options=options, value="", description="Place:",
                              layout=widgets.Layout(width="320px"))
    panel = widgets.HTML(value=describe_place("", places=places, events=events))
    picker.add_class("place-explorer-picker")
    panel.add_class("place-explorer-panel")

    def show(change: dict) -> None:
        panel.value = describe_place(change["new"], places=places, events=events)

    picker.observe(show, names="value")
    return widgets.VBox([picker, panel])
