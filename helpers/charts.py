"""The house chart style: palette, fonts, and a Chart that always carries sources and alt text.
"""

from __future__ import annotations

import base64
import html
import io
import re
import struct
import zlib
from contextlib import AbstractContextManager
from dataclasses import dataclass

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib._tight_bbox import adjust_bbox  # what savefig(bbox_inches=...) uses
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

from helpers.language import translate

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common
# colour-vision deficiencies. Grey is added for background items.
PALETTE: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "grey": "#999999",
}

CATEGORY_STYLES: dict[str, tuple[str, str]] = {
    "background": (PALETTE["grey"], "o"),
    "rebellion": (PALETTE["orange"], "^"),
    "coup": (PALETTE["vermillion"], "X"),
    "politics": (PALETTE["reddish_purple"], "P"),
    "diplomacy": (PALETTE["sky_blue"], "D"),
    "intervention": (PALETTE["blue"], "s"),
    "us_policy": (PALETTE["bluish_green"], "v"),
    "un": (PALETTE["black"], "*"),
    "humanitarian": (PALETTE["yellow"], "h"),
    "aftermath": (PALETTE["grey"], "d"),
}

STYLE = {
    "font.size": 13,
    "axes.titlesize": 15,
    "axes.labelsize": 13,
    "xtick.labelsize": 12,
    "ytick.labelsize": 12,
    "legend.fontsize": 12,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": mpl.cycler(color=[PALETTE[k] for k in (
        "blue", "orange", "bluish_green", "vermillion", "sky_blue", "reddish_purple",
        "black", "yellow")]),
    "figure.dpi": 100,
    "savefig.bbox": "tight",
}


def house_style() -> AbstractContextManager:
    """Return a context in which new figures use the house style; nothing global changes.

    Example:
        >>> with house_style():
        ...     mpl.rcParams["font.size"]
        13.0
    """
    return mpl.rc_context(STYLE)


def category_style(category: str) -> tuple[str, str]:
    """Return the (colour, marker) pair used for an event category.

    Example:
        >>> category_style("coup")
        ('#D55E00', 'X')
    """
    if category not in CATEGORY_STYLES:
        raise ValueError(f"no style for category {category!r}; known: {', '.join(CATEGORY_STYLES)}")
    return CATEGORY_STYLES[category]


def image_html(png: bytes, alt: str, *, css_class: str = "") -> str:
    """Return an ``<img>`` holding the PNG inline, with its text alternative as ``alt``.

    Widgets show charts through this (in an ``ipywidgets.HTML``), because
    ``ipywidgets.Image`` cannot carry alternative text.

    Example:
        >>> image_html(b"PNG", "A map.", css_class="map")
        '<img class="map" src="data:image/png;base64,UE5H" alt="A map." style="max-width:100%"/>'
    """
    if not alt.strip():
        raise ValueError("an image needs a text alternative (alt)")
    data = base64.b64encode(png).decode("ascii")
    klass = f'class="{html.escape(css_class)}" ' if css_class else ""
    return (f'<img {klass}src="data:image/png;base64,{data}" alt="{html.escape(alt)}" '
            'style="max-width:100%"/>')


def tight_png(figure: Figure, *, dpi: float, measure: RendererAgg | None = None) -> bytes:
    """Return ``figure`` as PNG bytes cropped to its contents, as ``bbox_inches="tight"`` does.

    ``savefig(bbox_inches="tight")`` lays out every text three times (measuring, then a
    second renderer for drawing) and encodes with a general PNG encoder. Here one Agg
    renderer measures the contents and then draws them, so each text is laid out once and
    drawn once; the pixels are those of ``savefig``, written by :func:`encode_png`. A
    widget that redraws one figure passes a kept ``measure`` renderer (figure size,
    ``dpi``), whose text-size cache then lasts between updates.

    Example:
        >>> with house_style():
        ...     fig, ax = plt.subplots(figsize=(2, 1))
        >>> tight_png(fig, dpi=50)[:4] == b"\\x89PNG"
        True
    """
    if figure.get_layout_engine() is not None:  # a layout engine needs its own drawing pass
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", bbox_inches="tight", dpi=dpi)
        return buffer.getvalue()
    shown_dpi = figure.dpi
    figure.dpi = dpi
    try:
        width, height = figure.get_size_inches() * dpi
        renderer = measure or RendererAgg(int(width), int(height), dpi)
        box = figure.get_tightbbox(renderer).padded(mpl.rcParams["savefig.pad_inches"])
        crop_width, crop_height = (int(size * dpi) for size in box.size)
        if crop_width > renderer.width or crop_height > renderer.height:  # contents overflow
            renderer = RendererAgg(max(crop_width, renderer.width),
                                   max(crop_height, renderer.height), dpi)
        pixels = _draw_box(figure, box, renderer)
        return encode_png(pixels[renderer.height - crop_height:, :crop_width])
    finally:
        figure.dpi = shown_dpi


def _draw_box(figure: Figure, box: Bbox, renderer: RendererAgg) -> np.ndarray:
    """Draw the part of ``figure`` inside ``box`` (inches) on ``renderer``; return its pixels.

    ``adjust_bbox`` is the shift ``savefig`` itself applies: the box's lower left corner
    goes to the renderer's, so the box is the bottom left of the returned rows.
    """
    restore = adjust_bbox(figure, box, renderer, figure.dpi)
    try:
        renderer.clear()
        figure.draw(renderer)
    finally:
        restore()
    return np.asarray(renderer.buffer_rgba())


@dataclass
class Chart:
    """A finished chart: the figure, its caption and its text alternative.

    Attributes:
        figure: The matplotlib figure (already closed, so it is not shown twice).
        caption: One or two sentences ending with the sources.
        alt_text: What the chart shows, in words.
        table: Optional data behind the chart, shown under "Text description".
    """

    figure: Figure
    caption: str
    alt_text: str
    table: pd.DataFrame | None = None

    def png_bytes(self) -> bytes:
        """Render the figure as PNG bytes."""
        return tight_png(self.figure, dpi=100)

    def __repr__(self) -> str:
        return translate("{caption}\nText description: {alt_text}", caption=self.caption,
                         alt_text=self.alt_text)

    def _repr_html_(self) -> str:
        table = "" if self.table is None else self.table.to_html(index=False, border=0)
        return (
            f'<figure style="margin:0">{image_html(self.png_bytes(), self.alt_text)}'
            f"<figcaption>{html.escape(self.caption)}</figcaption></figure>"
            f"<details><summary>{html.escape(translate('Text description'))}</summary>"
            f"<p>{html.escape(self.alt_text)}</p>"
            f"{table}</details>"
        )


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def encode_png(pixels: np.ndarray) -> bytes:
    """Write height x width x 4 RGBA pixels as a PNG, quickly: no row filter, zlib level 1.

    A map of flat colours compresses well without PNG's row filters, which are most of
    the time a general encoder spends; widgets that redraw on every change use this.

    Example:
        >>> encode_png(np.zeros((2, 3, 4), np.uint8))[:8]
        b'\\x89PNG\\r\\n\\x1a\\n'
    """
    height, width, _ = pixels.shape
    rows = np.zeros((height, width * 4 + 1), np.uint8)  # each row starts with filter 0
    rows[:, 1:] = pixels.reshape(height, -1)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header)
            + _png_chunk(b"IDAT", zlib.compress(rows.tobytes(), 1)) + _png_chunk(b"IEND", b""))


def make_chart(figure: Figure, *, caption: str, alt_text: str,
               table: pd.DataFrame | None = None) -> Chart:
    """Wrap a figure as a :class:`Chart`, closing it so Jupyter shows it once.

    Both texts are required: a chart without sources or a text alternative is refused.

    Example:
        >>> with house_style():
        ...     fig, ax = plt.subplots()
        >>> chart = make_chart(fig, caption="Test. Sources: PassBlue, 2013-01-11.",
        ...                    alt_text="An empty chart.")
        >>> repr(chart).splitlines()[1]
        'Text description: An empty chart.'
    """
    after = re.split(r"\bSources\s?:", caption, maxsplit=1)[1:]
    cited = after[0].strip(" .") if after else ""
    if not cited or cited.casefold() in {"none", "n/a", "-"}:
        raise ValueError("a chart caption must name its sources ('Sources: …')")
    if not alt_text.strip():
        raise ValueError("a chart needs a text alternative (alt_text)")
    plt.close(figure)
    return Chart(figure=figure, caption=caption, alt_text=alt_text, table=table)
