"""The figures, one function each, in one style. Every function takes DataFrames (the
tables the analysis modules return), returns a matplotlib ``Figure`` and never saves or
shows it: notebooks display it and :func:`newslens.io.save_figure` writes it as PNG."""

from __future__ import annotations

import matplotlib
from matplotlib.figure import Figure

__all__ = ["STYLE", "FRAME_COLOURS", "new_figure", "empty_figure"]

# One look for every figure: readable in an HTML report and in a PNG pasted into a slide.
STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": 120,
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "svg.hashsalt": "newslens",
}
FRAME_COLOURS = {
    "destruction": "#c0392b",
    "reconstruction": "#2e86c1",
    "both": "#8e44ad",
    "neither": "#bdc3c7",
}


matplotlib.rcParams.update(STYLE)


def new_figure(*, width: float = 8.0, height: float = 4.5, nrows: int = 1, ncols: int = 1):
    """A figure and its axes in the newslens style.

    The figure is a plain ``matplotlib.figure.Figure``, not registered with pyplot, so a
    notebook shows it once (as the cell's value) and nothing keeps it alive afterwards.
    """
    figure = Figure(figsize=(width, height), layout="constrained")
    axes = figure.subplots(nrows, ncols, squeeze=True)
    return figure, axes


def empty_figure(message: str, *, width: float = 8.0, height: float = 1.5) -> Figure:
    """A small figure that says there is nothing to plot, and why (instead of an error)."""
    figure, axes = new_figure(width=width, height=height)
    axes.axis("off")
    axes.text(0.5, 0.5, message, ha="center", va="center", fontsize=11, color="#555555")
    return figure


# --- entities (newslens.entities) -------------------------------------------------------


# --- framing (newslens.framing) ---------------------------------------------------------


# --- quotes (newslens.quotes) -----------------------------------------------------------
