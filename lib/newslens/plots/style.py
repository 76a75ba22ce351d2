"""One look for every figure: the newslens style, its colours, and the figure helpers.

Nothing changes at import: a notebook applies the style with :func:`use_report_style`, and
the report figures draw inside it whatever the global settings are (:func:`styled`)."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

import matplotlib
from matplotlib.figure import Figure

# One look for every figure: readable in an HTML report and in a PNG pasted into a slide.
STYLE: dict[Any, Any] = {
    "figure.dpi": 100,
    "savefig.dpi": 120,
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "svg.hashsalt": "newslens",
    "text.parse_math": False,  # article text with dollar signs is text, never TeX
}
# Frame labels, and the kinds of quote.
FRAME_COLOURS = {
    "destruction": "#c0392b",
    "reconstruction": "#2e86c1",
    "both": "#8e44ad",
    "neither": "#bdc3c7",
}
KIND_COLOURS = {"direct": "#1f618d", "partial": "#5dade2", "indirect": "#d6eaf8"}
# Frames beyond the packaged two (an extra lexicon), in the order the lexicons add them.
EXTRA_FRAME_COLOURS = ("#27ae60", "#e67e22", "#16a085", "#d4ac0d", "#a04000", "#5d6d7e")


def frame_colours(frames: Iterable[str] = ()) -> dict[str, str]:
    """:data:`FRAME_COLOURS` plus a colour for every other frame of ``frames`` (in order,
    cycling through :data:`EXTRA_FRAME_COLOURS`)."""
    colours = dict(FRAME_COLOURS)
    extra = [frame for frame in dict.fromkeys(frames) if frame not in colours]
    for index, frame in enumerate(extra):
        colours[frame] = EXTRA_FRAME_COLOURS[index % len(EXTRA_FRAME_COLOURS)]
    return colours


def styled(plot):
    """Draw ``plot`` inside the newslens style, whatever the global matplotlib settings are
    (so the figures look the same in a report, a notebook or a script, and text from the
    input, dollar signs included, is drawn as text)."""

    @functools.wraps(plot)
    def in_style(*args, **kwargs):
        with matplotlib.rc_context(STYLE):
            return plot(*args, **kwargs)

    return in_style


def use_report_style() -> None:
    """Apply the newslens figure style and let notebooks show plain Figures: the one call
    a notebook makes before plotting (importing this module changes nothing)."""
    matplotlib.rcParams.update(STYLE)
    _show_figures_in_notebooks()


def _show_figures_in_notebooks() -> None:
    """Let IPython display a plain ``Figure`` as a PNG when it is a cell's value.

    pyplot's inline backend registers that formatter only once pyplot is imported; newslens
    never imports pyplot (figures are not global state), so it registers it here.
    """
    try:
        from IPython import get_ipython
        from IPython.core.pylabtools import select_figure_formats
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None:
        select_figure_formats(shell, {"png"}, dpi=100)


def new_figure(*, width: float = 8.0, height: float = 4.5, nrows: int = 1, ncols: int = 1):
    """A figure and its axes in the newslens style.

    The figure is a plain ``matplotlib.figure.Figure``, not registered with pyplot, so a
    notebook shows it once (as the cell's value) and nothing keeps it alive afterwards.
    """
    figure = Figure(figsize=(width, height), layout="constrained")
    axes = figure.subplots(nrows, ncols, squeeze=True)
    return figure, axes


def count_axis(axis) -> None:
    """Whole counts on ``axis`` (an Axes' ``xaxis`` or ``yaxis``): at most five ticks, with
    thousands separators, so the labels of a narrow panel never run into each other
    ("8000100001200014000" on a whole corpus)."""
    from matplotlib.ticker import MaxNLocator, StrMethodFormatter

    axis.set_major_locator(MaxNLocator(nbins=4, integer=True))
    axis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))


def empty_figure(message: str, *, width: float = 8.0, height: float = 1.5) -> Figure:
    """A small figure that says there is nothing to plot, and why (instead of an error)."""
    figure, axes = new_figure(width=width, height=height)
    axes.axis("off")
    axes.text(0.5, 0.5, message, ha="center", va="center", fontsize=11, color="#555555")
    return figure
