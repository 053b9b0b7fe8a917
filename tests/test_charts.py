"""The house style: colour-blind-safe colours, no global side effects, captions and alt text."""

from __future__ import annotations

import itertools

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import to_rgb

from helpers.charts import (
    CATEGORY_STYLES,
    PALETTE,
    STYLE,
    category_style,
    house_style,
    make_chart,
    tight_png,
)
from helpers.data import EVENT_CATEGORIES

# Machado, Oliveira & Fernandes (2009) simulation matrices, severity 1.0, linear RGB.
DEFICIENCIES = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                   [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                     [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
                   [0.004733, 0.691367, 0.303900]],
}


def simulate(colour: str, matrix) -> np.ndarray:
    """Return the colour as a person with the deficiency sees it, in linear RGB."""
    linear = np.array(to_rgb(colour)) ** 2.2
    return np.clip(np.array(matrix) @ linear, 0, 1)


def to_lab(linear: np.ndarray) -> np.ndarray:
    """Convert linear sRGB (D65) to CIELAB."""
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722],
                    [0.0193, 0.1192, 0.9505]]) @ linear / np.array([0.9505, 1.0, 1.089])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def min_distance(colours: list[str], matrix) -> float:
    """Smallest CIELAB difference (delta E 1976) between any two simulated colours."""
    return min(np.linalg.norm(to_lab(simulate(a, matrix)) - to_lab(simulate(b, matrix)))
               for a, b in itertools.combinations(colours, 2))


@pytest.mark.parametrize("deficiency", sorted(DEFICIENCIES))
def test_line_colours_stay_distinct_under_colour_blindness(deficiency: str) -> None:
    cycle = STYLE["axes.prop_cycle"].by_key()["color"][:6]
    assert min_distance(cycle, DEFICIENCIES[deficiency]) > 12


def test_the_check_would_catch_matplotlibs_default_colours() -> None:
    default = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"]
    assert min_distance(default, DEFICIENCIES["deuteranopia"]) < 12
    assert min_distance(default, DEFICIENCIES["protanopia"]) < 12


def test_every_event_category_has_a_palette_colour_and_its_own_marker() -> None:
    assert set(CATEGORY_STYLES) == set(EVENT_CATEGORIES)
    assert {colour for colour, _ in CATEGORY_STYLES.values()} <= set(PALETTE.values())
    markers = [marker for _, marker in CATEGORY_STYLES.values()]
    assert len(set(markers)) == len(markers)


def test_unknown_category_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="no style for category 'war'"):
        category_style("war")


def test_house_style_changes_nothing_outside_its_block() -> None:
    before = mpl.rcParams["font.size"]
    with house_style():
        assert mpl.rcParams["font.size"] == 13
    assert mpl.rcParams["font.size"] == before


def test_chart_shows_image_with_alt_text_caption_and_table() -> None:
    import pandas as pd
    with house_style():
        fig, ax = plt.subplots()
        ax.plot([1, 2], [3, 4])
    chart = make_chart(fig, caption="Two points. Sources: test.", alt_text="A rising line.",
                       table=pd.DataFrame({"x": [1, 2]}))
    html = chart._repr_html_()
    assert 'alt="A rising line."' in html and "<figcaption>Two points. Sources: test." in html
    assert "<table" in html and chart.png_bytes().startswith(b"\x89PNG")
    assert not plt.fignum_exists(fig.number)


def test_rendered_image_keeps_a_legend_placed_outside_the_axes() -> None:
    import io

    from matplotlib.image import imread
    with house_style():
        fig, ax = plt.subplots(figsize=(4, 3))
        ax.plot([1, 2], [3, 4], label="a long legend label")
        ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5))
    chart = make_chart(fig, caption="Sources: test.", alt_text="A line.")
    width = imread(io.BytesIO(chart.png_bytes())).shape[1]
    assert width > 4 * 100, "the legend outside the axes was cut off"


@pytest.mark.parametrize(("caption", "alt", "message"), [
    ("No sources here.", "text", "must name its sources"),
    ("Troops. Sources: .", "text", "must name its sources"),
    ("Troops. Sources: none.", "text", "must name its sources"),
    ("Sources: x.", "  ", "text alternative"),
])
def test_chart_without_sources_or_alt_text_is_refused(caption, alt, message) -> None:
    fig = plt.figure()
    with pytest.raises(ValueError, match=message):
        make_chart(fig, caption=caption, alt_text=alt)
    plt.close(fig)


def _savefig_and_tight_png(fig) -> tuple[np.ndarray, np.ndarray]:
    """The figure as ``savefig(bbox_inches="tight")`` writes it, and as ``tight_png`` does."""
    import io

    from matplotlib.image import imread

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight", dpi=100)
    return (imread(io.BytesIO(buffer.getvalue())),
            imread(io.BytesIO(tight_png(fig, dpi=100))))


def _assert_same_picture(old: np.ndarray, new: np.ndarray) -> None:
    """Same contents, drawn alike: ``tight_png`` draws at whole pixels where savefig's box
    may start between two, and it cuts off the white inside legend boxes; so the
    contents' sizes may differ by a pixel and their pixels by antialiasing only."""
    def contents(pixels: np.ndarray) -> np.ndarray:
        differs = (pixels != pixels[0, 0]).any(axis=2)
        rows, columns = np.flatnonzero(differs.any(axis=1)), np.flatnonzero(differs.any(axis=0))
        return pixels[rows[0]:rows[-1] + 1, columns[0]:columns[-1] + 1]

    old, new = contents(old), contents(new)
    assert abs(old.shape[0] - new.shape[0]) <= 1 and abs(old.shape[1] - new.shape[1]) <= 1, (
        f"contents of {old.shape[:2]} pixels in savefig's picture, {new.shape[:2]} here")
    height, width = min(old.shape[0], new.shape[0]), min(old.shape[1], new.shape[1])
    assert np.abs(old[:height, :width] - new[:height, :width]).mean() < 0.03, "looks different"


def test_tight_png_shows_what_savefig_with_a_tight_box_shows() -> None:
    with house_style():
        fig, ax = plt.subplots(figsize=(6, 3))
        ax.plot([0, 1, 2], [3, 1, 2], label="a line")
        ax.set_title("A title wider than it needs to be")
        ax.set_ylabel("Troops (people)")
        ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1))  # outside, as on force charts
    _assert_same_picture(*_savefig_and_tight_png(fig))
    plt.close(fig)


def test_tight_png_keeps_a_text_far_outside_the_figure() -> None:
    """A note 4 inches right of a 2-inch figure: the picture holds it, as savefig's does."""
    with house_style():
        fig, ax = plt.subplots(figsize=(2, 2))
        ax.plot([0, 1], [0, 1])
        fig.text(3.0, 0.5, "far away")
    old, new = _savefig_and_tight_png(fig)
    plt.close(fig)
    assert new.shape[1] > 600  # the note starts 6 inches (600 pixels) right of the left edge
    _assert_same_picture(old, new)


def test_tight_png_measures_axes_that_reach_past_its_margin() -> None:
    """Axes twice as wide as the figure reach past the drawn margin: they are measured."""
    with house_style():
        fig = plt.figure(figsize=(2, 2))
        fig.add_axes((0.2, 0.2, 2.0, 0.7)).plot([0, 1], [0, 1])
    old, new = _savefig_and_tight_png(fig)
    plt.close(fig)
    assert new.shape[1] > 400
    _assert_same_picture(old, new)


def test_the_picture_of_a_figure_cut_by_its_margin_differs() -> None:
    """The comparison above can fail: a picture missing its legend is refused."""
    with house_style():
        fig, ax = plt.subplots(figsize=(6, 3))
        ax.plot([0, 1, 2], [3, 1, 2], label="a line")
        ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1))
        old, _ = _savefig_and_tight_png(fig)
        ax.get_legend().remove()
        _, new = _savefig_and_tight_png(fig)
    plt.close(fig)
    with pytest.raises(AssertionError):
        _assert_same_picture(old, new)


def test_encode_png_round_trips_the_pixels() -> None:
    import io

    import numpy as np
    from matplotlib.image import imread

    from helpers.charts import encode_png
    pixels = np.random.default_rng(1).integers(0, 256, (5, 7, 4), dtype=np.uint8)
    decoded = imread(io.BytesIO(encode_png(pixels)), format="png")
    assert decoded.shape == (5, 7, 4)
    assert np.array_equal(np.rint(decoded * 255).astype(np.uint8), pixels)


def test_a_map_renders_as_savefig_draws_it() -> None:
    """The chart renderer against the plain ``savefig(bbox_inches="tight")`` it replaces, on a
    real map: outlines, haloed labels, a legend and degree ticks."""
    from matplotlib.figure import Figure

    from helpers.data import load_places
    from helpers.maps import draw_basemap, draw_places

    with house_style():
        fig = Figure(figsize=(8, 7))
        ax = draw_places(draw_basemap(fig.add_subplot()), load_places())
        ax.plot([], [], "o", color="black", label="a town")
        ax.legend(loc="upper left")
        ax.set_title("Mali and its neighbours")
        _assert_same_picture(*_savefig_and_tight_png(fig))


def test_a_figure_legend_is_drawn_in_one_pass_where_savefig_puts_it(monkeypatch) -> None:
    """A figure legend placed "lower center" stays under the axes on the wide canvas, so
    the picture needs one drawing, not a second one after measuring."""
    with house_style():
        fig, ax = plt.subplots(figsize=(6, 3))
        ax.plot([0, 1], [0, 1], label="a line")
        fig.legend(loc="lower center")
    drawn = []
    draw = fig.draw
    monkeypatch.setattr(fig, "draw", lambda renderer: drawn.append(renderer) or draw(renderer))
    png = tight_png(fig, dpi=100)
    monkeypatch.undo()
    old, new = _savefig_and_tight_png(fig)
    plt.close(fig)
    assert len(drawn) == 1 and png.startswith(b"\x89PNG")
    assert abs(new.shape[0] - old.shape[0]) <= 4


def test_a_constrained_figure_is_laid_out_once_and_keeps_its_engine() -> None:
    with house_style():
        fig, ax = plt.subplots(figsize=(6, 3), layout="constrained")
        ax.plot([0, 1], [0, 1], label="a line")
        ax.set(title="Laid out by the engine", xlabel="Days (number)", ylabel="Troops")
        fig.legend(loc="outside lower center")
    engine = fig.get_layout_engine()
    old, new = _savefig_and_tight_png(fig)
    assert fig.get_layout_engine() is engine
    assert not hasattr(fig.canvas, "renderer")  # no figure-sized pixels kept alive
    plt.close(fig)
    assert abs(new.shape[0] - old.shape[0]) <= 4 and abs(new.shape[1] - old.shape[1]) <= 4
