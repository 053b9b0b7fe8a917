"""The house chart style: palette, fonts, and a Chart that always carries sources and alt text.
"""

from __future__ import annotations

import base64
import html
import math
import re
import struct
import zlib
from contextlib import AbstractContextManager
from dataclasses import dataclass

import matplotlib as mpl
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib._tight_bbox import adjust_bbox  # what savefig(bbox_inches=...) uses
from matplotlib.artist import Artist
from matplotlib.axis import Axis
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.ticker import Formatter
from matplotlib.transforms import Affine2D, Bbox

from helpers.language import (
    MONTH_NAMES,
    SHORT_MONTH_NAMES,
    current_language,
    format_number,
    translate,
)
from helpers.tables import display_numbers

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
    # Titles stand at the top of their axes. Left to matplotlib, each draw measures the
    # whole y axis to see whether a title must rise above tick labels on top, which no
    # chart here has: a tenth of the drawing time.
    "axes.titley": 1.0,
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


def tight_png(figure: Figure, *, dpi: float) -> bytes:
    """Return ``figure`` as PNG bytes cropped to its contents, as ``bbox_inches="tight"`` does.

    ``savefig(bbox_inches="tight")`` lays out the whole figure twice: once to measure its
    contents, once to draw them (three times with a layout engine, which first places the
    axes). Here a layout engine, if any, runs once and the figure is drawn once, on a canvas
    with a wide margin on every side (legends and labels may stand outside the figure), and
    the picture is cut to the pixels that differ from the background, plus savefig's
    padding. The margin takes in the legends and texts, which a chart may place anywhere;
    only when something else reaches past it are the contents measured first, as savefig
    does. The PNG is written by :func:`encode_png`.

    Example:
        >>> with house_style():
        ...     fig, ax = plt.subplots(figsize=(2, 1))
        >>> tight_png(fig, dpi=50)[:4] == b"\\x89PNG"
        True
    """
    shown_dpi, engine = figure.dpi, figure.get_layout_engine()
    figure.dpi = dpi
    try:
        if engine is not None:  # lay the figure out once, then draw it as it stands
            engine.execute(figure)
            FigureCanvasAgg(figure)  # a fresh canvas: the figure keeps no renderer
            figure.set_layout_engine("none")
        pad = mpl.rcParams["savefig.pad_inches"]
        crop = _contents(_draw_box(figure, _canvas_box(figure), dpi), pad=round(pad * dpi))
        if crop is None:  # something reaches past the margin: measure, as savefig does
            box = figure.get_tightbbox(RendererAgg(1, 1, dpi)).padded(pad)
            crop = _draw_box(figure, whole_pixels(box, dpi=dpi), dpi)
        return encode_png(crop)
    finally:
        figure.dpi = shown_dpi
        if engine is not None:
            figure.set_layout_engine(engine)


# How far outside the figure tick labels, axis labels and titles may reach before
# tight_png has to measure them; legends and texts are measured (see _canvas_box).
_MARGIN_INCHES = 1.0


def _canvas_box(figure: Figure) -> Bbox:
    """The box (inches) to draw ``figure`` on: the figure, a margin around it, and its
    legends and texts wherever they stand (a force chart's legend sits to the right)."""
    scale = Affine2D().scale(1 / figure.dpi)
    probe = RendererAgg(1, 1, figure.dpi)  # measures text; the figure keeps no renderer
    boxes = [figure.bbox_inches.padded(_MARGIN_INCHES)]
    boxes += [artist.get_window_extent(probe).transformed(scale)
              for artist in _loose_artists(figure)]
    return whole_pixels(Bbox.union(boxes).padded(_MARGIN_INCHES / 4), dpi=figure.dpi)


def whole_pixels(box: Bbox, *, dpi: float) -> Bbox:
    """Widen ``box`` (inches) to whole pixels of the figure's own grid.

    A figure drawn in such a box keeps every line and letter where a plain draw puts it,
    to the pixel: pictures of one figure cut at different places still match.

    Example:
        >>> whole_pixels(Bbox([[0.104, 0.2], [1.0, 1.005]]), dpi=100).extents.tolist()
        [0.1, 0.2, 1.0, 1.01]
    """
    (x0, y0), (x1, y1) = box.get_points() * dpi
    return Bbox([[math.floor(x0), math.floor(y0)], [math.ceil(x1), math.ceil(y1)]]).transformed(
        Affine2D().scale(1 / dpi))


def _contents(pixels: np.ndarray, *, pad: int) -> np.ndarray | None:
    """The part of ``pixels`` that differs from its corner's colour, with ``pad`` pixels
    around it; None when that part touches the edge (something may lie beyond it)."""
    colours = pixels.view(np.uint32)[..., 0]  # one number per RGBA pixel
    differs = colours != colours[0, 0]
    rows, columns = np.flatnonzero(differs.any(axis=1)), np.flatnonzero(differs.any(axis=0))
    if not len(rows):
        return None
    top, bottom = rows[0] - pad, rows[-1] + 1 + pad
    left, right = columns[0] - pad, columns[-1] + 1 + pad
    height, width = colours.shape
    if top <= 0 or left <= 0 or bottom >= height or right >= width:
        return None
    return pixels[top:bottom, left:right]


def _loose_artists(figure: Figure) -> list[Artist]:
    """The artists a chart may place anywhere, even far outside its axes: texts, legends."""
    loose: list[Artist] = [*figure.texts, *figure.legends]
    for ax in figure.axes:
        loose += [*ax.texts, *([ax.get_legend()] if ax.get_legend() else [])]
    return [artist for artist in loose if artist.get_visible()]


def _draw_box(figure: Figure, box: Bbox, dpi: float) -> np.ndarray:
    """Draw the part of ``figure`` inside ``box`` (inches); return its pixels.

    ``adjust_bbox`` is the shift ``savefig`` itself applies: the box's lower left corner
    goes to the renderer's. It makes the box the figure's frame, so a figure legend placed
    against that frame ("lower center") is held against the figure's own edges meanwhile.
    """
    renderer = RendererAgg(round(box.width * dpi), round(box.height * dpi), dpi)
    framed = [legend for legend in figure.legends if legend.get_bbox_to_anchor() is figure.bbox]
    for legend in framed:
        legend.set_bbox_to_anchor((0, 0, 1, 1), transform=figure.transFigure)
    restore = adjust_bbox(figure, box, renderer, dpi)
    try:
        figure.draw(renderer)
    finally:
        restore()
        for legend in framed:
            legend.set_bbox_to_anchor(None)
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
        table = "" if self.table is None else _shown_table(self.table).to_html(index=False,
                                                                              border=0)
        return (
            f'<figure style="margin:0">{image_html(self.png_bytes(), self.alt_text)}'
            f"<figcaption>{html.escape(self.caption)}</figcaption></figure>"
            f"<details><summary>{html.escape(translate('Text description'))}</summary>"
            f"<p>{html.escape(self.alt_text)}</p>"
            f"{table}</details>"
        )


def _shown_table(table: pd.DataFrame) -> pd.DataFrame:
    """A chart's data rows as shown: headers translated, numbers in the lesson's language."""
    shown = display_numbers(table)
    return shown.set_axis([translate(str(column)) for column in shown.columns], axis=1)


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
    compressor = zlib.compressobj(1)  # row by row: no copy of the whole picture is made
    rows = [compressor.compress(b"\x00" + row.tobytes()) for row in pixels]  # filter 0
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header)
            + _png_chunk(b"IDAT", b"".join(rows) + compressor.flush())
            + _png_chunk(b"IEND", b""))


# An English tick label that is a number: "1,234", "-5", "0.25", with matplotlib's minus.
_ENGLISH_NUMBER = re.compile(r"[-\u2212]?\d{1,3}(,\d{3})*(\.\d+)?|[-\u2212]?\d+(\.\d+)?")


def localise_label(text: str, *, language: str | None = None, numbers: bool = True) -> str:
    """Rewrite a tick label matplotlib wrote in English in the lesson's language.

    A number gets the language's separators ("12,500" and "12500" become "12 500",
    "0.5" becomes "0,5"); month names and their abbreviations are translated. On a date
    axis (``numbers=False``) a year stays a year ("2013", never "2 013"). English labels
    come back unchanged.

    Example:
        >>> localise_label("12,500", language="fr") == "12\u202f500"
        True
        >>> localise_label("Jan\\n2013", language="fr"), localise_label("March", language="fr")
        ('janv.\\n2013', 'mars')
        >>> localise_label("2013", language="fr", numbers=False)
        '2013'
    """
    code = current_language(language=language)
    if code == "en":
        return text
    if numbers and _ENGLISH_NUMBER.fullmatch(text.strip()):
        number = text.strip().replace(",", "").replace("\u2212", "-")
        return format_number(float(number), decimals=len(number.partition(".")[2]),
                             language=code)
    names = [*zip(MONTH_NAMES["en"], MONTH_NAMES[code], strict=True),
             *zip(SHORT_MONTH_NAMES["en"], SHORT_MONTH_NAMES[code], strict=True)]
    for english, translated in names:
        text = re.sub(rf"\b{english}\b", translated, text)
    return text


class LocalisedFormatter(Formatter):
    """A chart's own tick formatter, its labels rewritten by :func:`localise_label`.

    Example:
        >>> from matplotlib.ticker import StrMethodFormatter
        >>> LocalisedFormatter(StrMethodFormatter("{x:,.0f}"), "fr")(7700) == "7\u202f700"
        True
    """

    def __init__(self, base: Formatter, language: str, *, dates: bool = False) -> None:
        self.base, self.language, self.numbers = base, language, not dates

    def set_axis(self, axis: object) -> None:  # noqa: D102 - matplotlib's interface
        super().set_axis(axis)
        self.base.set_axis(axis)

    def set_locs(self, locs: list[float]) -> None:  # noqa: D102
        self.base.set_locs(locs)

    def __call__(self, x: float, pos: int | None = None) -> str:
        return localise_label(self.base(x, pos), language=self.language, numbers=self.numbers)

    def format_ticks(self, values: list[float]) -> list[str]:  # noqa: D102
        return [localise_label(label, language=self.language, numbers=self.numbers)
                for label in self.base.format_ticks(values)]

    def get_offset(self) -> str:  # noqa: D102
        return localise_label(self.base.get_offset(), language=self.language,
                              numbers=self.numbers)


def is_date_axis(axis: Axis) -> bool:
    """True for an axis that shows dates: a date converter or a date formatter.

    Example:
        >>> with house_style():
        ...     fig, ax = plt.subplots()
        >>> _ = ax.plot(pd.to_datetime(["2012-01-01", "2013-06-01"]), [0, 1])
        >>> is_date_axis(ax.xaxis), is_date_axis(ax.yaxis)
        (True, False)
    """
    converter = axis.get_converter()
    return (type(converter).__module__ == mdates.__name__
            or isinstance(axis.get_major_formatter(), (mdates.DateFormatter,
                                                       mdates.AutoDateFormatter,
                                                       mdates.ConciseDateFormatter)))


def localise_ticks(figure: Figure, *, language: str | None = None) -> Figure:
    """Write every axis's tick labels in the lesson's language (numbers and month names).

    Nothing changes in English; in French each axis keeps its own formatter, wrapped in a
    :class:`LocalisedFormatter`. Labels set as fixed text (category names) stay as given.

    Example:
        >>> with house_style():
        ...     fig, ax = plt.subplots()
        >>> _ = ax.plot([0, 5000], [0, 1])
        >>> axis = localise_ticks(fig, language="fr").axes[0].xaxis
        >>> type(axis.get_major_formatter()).__name__
        'LocalisedFormatter'
    """
    code = current_language(language=language)
    if code == "en":
        return figure
    for ax in figure.axes:
        for axis in (ax.xaxis, ax.yaxis):
            formatter = axis.get_major_formatter()
            if not isinstance(formatter, LocalisedFormatter):
                axis.set_major_formatter(LocalisedFormatter(formatter, code,
                                                            dates=is_date_axis(axis)))
    return figure


def make_chart(figure: Figure, *, caption: str, alt_text: str,
               table: pd.DataFrame | None = None) -> Chart:
    """Wrap a figure as a :class:`Chart`, closing it so Jupyter shows it once.

    Both texts are required: a chart without sources or a text alternative is refused.
    The caption names them after "Sources:" (French "Sources :"). In French the tick
    labels are rewritten the French way (:func:`localise_ticks`).

    Example:
        >>> with house_style():
        ...     fig, ax = plt.subplots()
        >>> chart = make_chart(fig, caption="Test. Sources: PassBlue, 2013-01-11.",
        ...                    alt_text="An empty chart.")
        >>> repr(chart).splitlines()[1]
        'Text description: An empty chart.'
    """
    after = re.split(r"\bSources\s?:", caption, maxsplit=1)[1:]
    cited = after[0].strip(" .\u00a0\u202f") if after else ""
    if not cited or cited.casefold() in {"none", "n/a", "-", "aucune", "aucun", "néant"}:
        raise ValueError("a chart caption must name its sources ('Sources: …')")
    if not alt_text.strip():
        raise ValueError("a chart needs a text alternative (alt_text)")
    localise_ticks(figure)
    plt.close(figure)
    return Chart(figure=figure, caption=caption, alt_text=alt_text, table=table)
