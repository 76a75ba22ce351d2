"""Figures of the entity report (:mod:`newslens.entities`)."""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.figure import Figure

from newslens.plots.style import count_axis, empty_figure, new_figure, styled


@styled
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
        count_axis(axes.xaxis)  # whole counts: no "0.5 mentions"
        axes.tick_params(axis="y", labelsize=9)
    axes_list[-1].set_xlabel("mentions")
    return figure


@styled
def plot_cooccurrence_heatmap(cooccurrence, entities, *, top_n: int = 15) -> Figure:
    """Sentences in which two of the ``top_n`` most mentioned entities appear together, as a
    symmetric heatmap. Takes ``cooccurrence.csv`` and ``entities.csv``."""
    if entities is None or entities.empty or cooccurrence is None or cooccurrence.empty:
        return empty_figure("No two entities share a sentence.")
    names = entities["entity"].head(top_n).tolist()
    pairs = cooccurrence[
        cooccurrence["entity_a"].isin(names) & cooccurrence["entity_b"].isin(names)
    ]
    square = pairs.pivot_table(
        index="entity_a", columns="entity_b", values="sentences", aggfunc="sum", fill_value=0
    ).reindex(index=names, columns=names, fill_value=0)
    matrix = (square + square.T).to_numpy().tolist()
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
    bar = figure.colorbar(image, ax=axes, shrink=0.6, label="sentences")
    count_axis(bar.ax.yaxis)
    return figure


def _periods(labels, period: str) -> pd.PeriodIndex:
    """Period labels (``2019-03``, ``2019Q1``, ``2019``, ``2019-03-04/2019-03-10``) back
    as periods of ``period`` (D, W, M, Q or Y)."""
    return pd.PeriodIndex([pd.Period(str(label).split("/")[0], freq=period) for label in labels])


@styled
def plot_entities_over_time(by_period, entities, *, top_n: int = 8, period: str = "M") -> Figure:
    """Mentions per period of the ``top_n`` most mentioned entities, one small panel each on
    a shared, real time axis (periods without mentions are zeros, uneven gaps stay uneven;
    each panel has its own scale so a rarely named entity's shape is still visible). Takes
    :func:`newslens.entities.mentions_by_period` and ``entities.csv``."""
    if by_period is None or by_period.empty:
        return empty_figure("The documents carry no dates: no timeline to draw.")
    present = set(by_period["entity"])
    names = [name for name in entities["entity"] if name in present][:top_n]
    table = by_period[by_period["entity"].isin(names)].pivot_table(
        index="period", columns="entity", values="mentions", aggfunc="sum", fill_value=0
    )
    periods = _periods(table.index, period)
    table.index = periods
    table = table.reindex(
        pd.period_range(periods.min(), periods.max(), freq=periods.freq), fill_value=0
    )
    totals = table.sum()
    all_mentions = dict(zip(entities["entity"], entities["mentions"], strict=True))
    table, left_out = _without_stray_ends(table)
    dates = table.index.start_time
    columns = 2 if len(names) > 3 else 1
    rows = -(-len(names) // columns)
    figure = Figure(figsize=(9.0, 1.6 * rows + 0.8), layout="constrained")
    axes = figure.subplots(rows, columns, sharex=True, squeeze=False).ravel()
    for panel, name in zip(axes, names, strict=False):
        values = table[name].to_numpy()
        panel.fill_between(dates, values, step="post", alpha=0.25, color="#2e86c1")
        panel.step(dates, values, where="post", color="#2e86c1", linewidth=1.2)
        panel.set_title(
            f"{name} ({_dated_count(int(totals[name]), all_mentions.get(name))})",
            loc="left",
            fontsize=10,
        )
        panel.set_ylim(bottom=0)
        panel.tick_params(labelsize=8)
    for panel in axes[len(names) :]:
        panel.axis("off")
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    for panel in axes:
        panel.xaxis.set_major_locator(locator)
        panel.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    if left_out:
        figure.supxlabel(
            f"{left_out:,} mentions dated outside {table.index[0]} to {table.index[-1]}"
            " (stray early or late dates) are counted in the titles, not drawn",
            fontsize=8,
            color="#555555",
        )
    figure.suptitle(
        f"Mentions per {_PERIOD_NAMES.get(period.upper()[:1], 'period')}",
        x=0.01,
        ha="left",
        fontweight="bold",
    )
    return figure


def _dated_count(dated: int, total: int | None) -> str:
    """A panel's count: its dated mentions, and of how many when some articles carry no
    date ("877 of 1,049 dated"), so it never seems to contradict the entity table."""
    if total is None or int(total) <= dated:
        return f"{dated:,}"
    return f"{dated:,} of {int(total):,} dated"


#: Share of the drawn mentions that may lie in the periods cut off at either end of the
#: timeline: a few articles dated years away from the rest would squeeze it into a corner.
STRAY_SHARE = 0.005


def _without_stray_ends(table: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """The periods of ``table`` (one row per period, one column per entity) without the
    first and last ones that together hold at most :data:`STRAY_SHARE` of the mentions at
    each end, and how many mentions those held. Under 200 drawn mentions nothing is cut:
    a single mention is already more than the share."""
    per_period = table.sum(axis=1).to_numpy()
    total = per_period.sum()
    if total == 0:
        return table, 0
    before = per_period.cumsum()
    after = per_period[::-1].cumsum()[::-1]
    keep = (before > STRAY_SHARE * total) & (after > STRAY_SHARE * total)
    first, last = keep.argmax(), len(keep) - 1 - keep[::-1].argmax()
    kept = table.iloc[first : last + 1]
    return kept, int(total - per_period[first : last + 1].sum())


_PERIOD_NAMES = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "A": "year"}
