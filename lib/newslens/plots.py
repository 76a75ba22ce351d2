"""The figures, one function each, in one style. Every function takes DataFrames (the
tables the analysis modules return), returns a matplotlib ``Figure`` and never saves or
shows it: notebooks display it and :func:`newslens.io.save_figure` writes it as PNG."""

from __future__ import annotations

import matplotlib
from matplotlib.figure import Figure

__all__ = [
    "STYLE",
    "FRAME_COLOURS",
    "new_figure",
    "empty_figure",
    "plot_top_entities",
    "plot_cooccurrence_heatmap",
    "plot_entities_over_time",
]

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


def plot_top_entities(entities, *, top_n: int = 15, labels=None) -> Figure:
    """The ``top_n`` most mentioned entities of each label as horizontal bars, one panel per
    label (in ``labels`` order, labels with no entity left out). Takes ``entities.csv``."""
    if entities is None or entities.empty:
        return empty_figure("No entities were found in this corpus.")
    order = list(labels) if labels else sorted(entities["label"].unique())
    present = [label for label in order if (entities["label"] == label).any()]
    if not present:
        return empty_figure("No entities with the selected labels.")
    rows = [entities[entities["label"] == label].head(top_n) for label in present]
    height = sum(max(len(part), 1) * 0.28 + 0.9 for part in rows)
    figure = Figure(figsize=(8.0, max(height, 2.0)), layout="constrained")
    axes_list = figure.subplots(
        len(present), 1, squeeze=False, height_ratios=[max(len(p), 1) + 2 for p in rows]
    )[:, 0]
    for axes, label, part in zip(axes_list, present, rows, strict=True):
        part = part.iloc[::-1]
        axes.barh(part["entity"], part["mentions"], color="#2e86c1")
        for y, (mentions, documents) in enumerate(
            zip(part["mentions"], part["documents"], strict=True)
        ):
            axes.text(mentions, y, f" {mentions} ({documents} doc.)", va="center", fontsize=8)
        axes.set_title(f"{label}: top {len(part)} by mentions", loc="left")
        axes.set_xlim(0, part["mentions"].max() * 1.25)
        axes.tick_params(axis="y", labelsize=9)
    axes_list[-1].set_xlabel("mentions")
    return figure


def plot_cooccurrence_heatmap(cooccurrence, entities, *, top_n: int = 15) -> Figure:
    """Sentences in which two of the ``top_n`` most mentioned entities appear together, as a
    symmetric heatmap. Takes ``cooccurrence.csv`` and ``entities.csv``."""
    if entities is None or entities.empty or cooccurrence is None or cooccurrence.empty:
        return empty_figure("No two entities share a sentence.")
    names = entities["entity"].head(top_n).tolist()
    index = {name: i for i, name in enumerate(names)}
    matrix = [[0] * len(names) for _ in names]
    for a, b, sentences in cooccurrence[["entity_a", "entity_b", "sentences"]].itertuples(
        index=False
    ):
        if a in index and b in index:
            matrix[index[a]][index[b]] = matrix[index[b]][index[a]] = sentences
    if not any(any(row) for row in matrix):
        return empty_figure("None of the top entities share a sentence.")
    size = 2.5 + 0.38 * len(names)
    figure, axes = new_figure(width=size + 1.5, height=size)
    image = axes.imshow(matrix, cmap="Blues")
    axes.set_xticks(range(len(names)), names, rotation=60, ha="right", fontsize=8)
    axes.set_yticks(range(len(names)), names, fontsize=8)
    for i, row in enumerate(matrix):
        for j, value in enumerate(row):
            if value:
                axes.text(j, i, str(value), ha="center", va="center", fontsize=7)
    axes.set_title("Sentences naming both entities", loc="left")
    figure.colorbar(image, ax=axes, shrink=0.6, label="sentences")
    return figure


def plot_entities_over_time(by_period, entities, *, top_n: int = 8) -> Figure:
    """Mentions per period of the ``top_n`` most mentioned entities, one line each. Takes
    :func:`newslens.entities.mentions_by_period` and ``entities.csv``."""
    if by_period is None or by_period.empty:
        return empty_figure("The documents carry no dates: no timeline to draw.")
    names = [name for name in entities["entity"] if name in set(by_period["entity"])][:top_n]
    table = by_period[by_period["entity"].isin(names)].pivot_table(
        index="period", columns="entity", values="mentions", aggfunc="sum", fill_value=0
    )
    figure, axes = new_figure(width=9.0, height=4.5)
    periods = list(table.index)
    for name in names:
        axes.plot(range(len(periods)), table[name].tolist(), marker="o", label=name)
    axes.set_xticks(range(len(periods)), periods, rotation=45, ha="right", fontsize=8)
    axes.set_ylabel("mentions")
    axes.set_title("Mentions per period", loc="left")
    axes.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return figure


# --- framing (newslens.framing) ---------------------------------------------------------


# --- quotes (newslens.quotes) -----------------------------------------------------------
