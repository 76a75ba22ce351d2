"""The figures, one function each, in one style. Every function takes DataFrames (the
tables the analysis modules return), returns a matplotlib ``Figure`` and never saves or
shows it: notebooks display it and :func:`newslens.io.save_figure` writes it as PNG."""

from __future__ import annotations

import functools

import matplotlib
import matplotlib.dates as mdates
import pandas as pd
from matplotlib.figure import Figure

__all__ = [
    "STYLE",
    "use_report_style",
    "FRAME_COLOURS",
    "new_figure",
    "empty_figure",
    "plot_top_entities",
    "plot_cooccurrence_heatmap",
    "plot_entities_over_time",
    "plot_frame_shares",
    "plot_frame_balance",
    "plot_sentiment_by_frame",
    "plot_narrative_arc",
    "plot_actors_by_frame",
    "plot_top_speakers",
    "plot_quote_kinds",
    "plot_entity_shares_by_group",
    "plot_distinctive_by_group",
    "plot_frames_by_group",
    "plot_quote_speakers_by_group",
    "plot_quote_kinds_by_group",
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
    "text.parse_math": False,  # article text with dollar signs is text, never TeX
}
FRAME_COLOURS = {
    "destruction": "#c0392b",
    "reconstruction": "#2e86c1",
    "both": "#8e44ad",
    "neither": "#bdc3c7",
}


def _styled(plot):
    """Draw ``plot`` inside the newslens style, whatever the global matplotlib settings are
    (so the figures look the same in a report, a notebook or a script, and text from the
    input, dollar signs included, is drawn as text)."""

    @functools.wraps(plot)
    def styled(*args, **kwargs):
        with matplotlib.rc_context(STYLE):
            return plot(*args, **kwargs)

    return styled


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


def empty_figure(message: str, *, width: float = 8.0, height: float = 1.5) -> Figure:
    """A small figure that says there is nothing to plot, and why (instead of an error)."""
    figure, axes = new_figure(width=width, height=height)
    axes.axis("off")
    axes.text(0.5, 0.5, message, ha="center", va="center", fontsize=11, color="#555555")
    return figure


# --- entities (newslens.entities) -------------------------------------------------------


@_styled
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


@_styled
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
    figure.colorbar(image, ax=axes, shrink=0.6, label="sentences")
    return figure


def _periods(labels, period: str) -> pd.PeriodIndex:
    """Period labels (``2019-03``, ``2019Q1``, ``2019``, ``2019-03-04/2019-03-10``) back
    as periods of ``period`` (D, W, M, Q or Y)."""
    return pd.PeriodIndex([pd.Period(str(label).split("/")[0], freq=period) for label in labels])


@_styled
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
    dates = table.index.start_time
    columns = 2 if len(names) > 3 else 1
    rows = -(-len(names) // columns)
    figure = Figure(figsize=(9.0, 1.6 * rows + 0.8), layout="constrained")
    axes = figure.subplots(rows, columns, sharex=True, squeeze=False).ravel()
    for panel, name in zip(axes, names, strict=False):
        values = table[name].to_numpy()
        panel.fill_between(dates, values, step="post", alpha=0.25, color="#2e86c1")
        panel.step(dates, values, where="post", color="#2e86c1", linewidth=1.2)
        panel.set_title(f"{name} ({int(values.sum()):,})", loc="left", fontsize=10)
        panel.set_ylim(bottom=0)
        panel.tick_params(labelsize=8)
    for panel in axes[len(names) :]:
        panel.axis("off")
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    for panel in axes:
        panel.xaxis.set_major_locator(locator)
        panel.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    figure.suptitle(
        f"Mentions per {_PERIOD_NAMES.get(period.upper()[:1], 'period')}",
        x=0.01,
        ha="left",
        fontweight="bold",
    )
    return figure


_PERIOD_NAMES = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "A": "year"}


# --- framing (newslens.framing) ---------------------------------------------------------


_FRAME_ORDER = ("destruction", "both", "reconstruction", "neither")


@_styled
def plot_frame_shares(corpus_frames):
    """Share of sentences per frame label (``corpus_frames`` from
    :func:`newslens.framing.corpus_frames`), each bar annotated with its sentence count."""
    if corpus_frames is None or not len(corpus_frames) or corpus_frames["sentences"].sum() == 0:
        return empty_figure("No sentences to frame.")
    table = corpus_frames.set_index("frame").reindex(list(_FRAME_ORDER)).fillna(0)
    figure, axes = new_figure(width=7, height=3.2)
    bars = axes.barh(
        list(table.index),
        table["share"],
        color=[FRAME_COLOURS[f] for f in table.index],
    )
    for bar, count in zip(bars, table["sentences"], strict=True):
        axes.text(
            bar.get_width(),
            bar.get_y() + bar.get_height() / 2,
            f" {int(count)}",
            va="center",
            fontsize=9,
        )
    axes.invert_yaxis()
    axes.set_xlim(0, max(1.0, float(table["share"].max()) * 1.15))
    axes.set_xlabel("share of sentences")
    axes.set_title("Sentences per frame")
    return figure


@_styled
def plot_frame_balance(document_frames, *, corpus_balance: float | None = None, max_bars: int = 40):
    """Balance index per document, (R - D) / (R + D): bars per document when there are at most
    ``max_bars`` framed documents, a histogram otherwise; the corpus balance as a line."""
    framed = document_frames.dropna(subset=["balance"]) if len(document_frames) else document_frames
    if not len(framed):
        return empty_figure("No framed sentences: the balance is undefined.")
    if len(framed) <= max_bars:
        table = framed.sort_values(["balance", "doc_id"])
        figure, axes = new_figure(width=8, height=max(2.0, 0.3 * len(table) + 1.2))
        colours = [
            FRAME_COLOURS["destruction"]
            if b < 0
            else FRAME_COLOURS["reconstruction"]
            if b > 0
            else FRAME_COLOURS["both"]
            for b in table["balance"]
        ]
        axes.barh([str(d)[:40] for d in table["doc_id"]], table["balance"], color=colours)
        axes.set_xlim(-1.05, 1.05)
        axes.axvline(0, color="#555555", linewidth=0.8)
    else:
        figure, axes = new_figure(width=8, height=3.5)
        axes.hist(framed["balance"], bins=[i / 10 for i in range(-10, 11)], color="#7f8c8d")
        axes.set_ylabel("documents")
    if corpus_balance is not None and corpus_balance == corpus_balance:
        axes.axvline(
            corpus_balance,
            color="#333333",
            linestyle="--",
            linewidth=1,
            label=f"corpus {corpus_balance:+.2f}",
        )
        axes.legend(loc="lower right", frameon=False)
    axes.set_xlabel("balance: -1 all destruction, +1 all reconstruction")
    axes.set_title("Destruction vs reconstruction balance")
    return figure


@_styled
def plot_sentiment_by_frame(sentences):
    """VADER compound sentiment of the sentences of each frame label: a box per label with
    the sentences as jittered points (fixed seed, so the PNG is reproducible)."""
    import numpy as np

    if sentences is None or not len(sentences) or sentences["sentiment"].isna().all():
        return empty_figure("No sentiment to plot.")
    figure, axes = new_figure(width=8, height=3.8)
    groups = [sentences.loc[sentences["frame"] == f, "sentiment"].dropna() for f in _FRAME_ORDER]
    positions = list(range(1, len(_FRAME_ORDER) + 1))
    axes.boxplot(
        [g.to_numpy() if len(g) else np.array([np.nan]) for g in groups],
        positions=positions,
        widths=0.5,
        showfliers=False,
    )
    generator = np.random.default_rng(0)
    for position, frame, group in zip(positions, _FRAME_ORDER, groups, strict=True):
        jitter = generator.uniform(-0.15, 0.15, len(group))
        axes.scatter(position + jitter, group, s=10, alpha=0.6, color=FRAME_COLOURS[frame])
    axes.set_xticks(
        positions, [f"{f}\n(n={len(g)})" for f, g in zip(_FRAME_ORDER, groups, strict=True)]
    )
    axes.axhline(0, color="#999999", linewidth=0.6)
    axes.set_ylim(-1.05, 1.05)
    axes.set_ylabel("VADER compound")
    axes.set_title("Sentiment by frame")
    return figure


@_styled
def plot_narrative_arc(sequence, *, max_documents: int = 15, bins: int = 10):
    """Frames through each article (``frame_sequence``): one row per article with a cell per
    sentence coloured by its label when there are at most ``max_documents``; otherwise a
    corpus heat-strip, the share of sentences in each frame per tenth of the article."""
    import numpy as np
    from matplotlib.patches import Patch

    if sequence is None or not len(sequence):
        return empty_figure("No sentences to plot.")
    documents = list(dict.fromkeys(sequence["doc_id"]))
    if len(documents) <= max_documents:
        figure, axes = new_figure(width=9, height=max(1.6, 0.45 * len(documents) + 1.2))
        for row, doc_id in enumerate(documents):
            part = sequence[sequence["doc_id"] == doc_id]
            width = 1.0 / len(part)
            axes.broken_barh(
                [(i * width, width) for i in range(len(part))],
                (row - 0.4, 0.8),
                facecolors=[FRAME_COLOURS[f] for f in part["frame"]],
                edgecolor="white",
                linewidth=0.5,
            )
        axes.set_yticks(range(len(documents)), [str(d)[:40] for d in documents])
        axes.invert_yaxis()
        axes.set_xlim(0, 1)
        axes.set_xlabel("position in the article (0 = first sentence, 1 = last)")
        figure.legend(
            handles=[Patch(color=FRAME_COLOURS[f], label=f) for f in _FRAME_ORDER],
            loc="outside lower center",
            ncol=4,
            frameon=False,
        )
        axes.set_title("Narrative arc: the frame of each sentence")
        return figure
    index = np.minimum((sequence["position"].to_numpy() * bins).astype(int), bins - 1)
    frames = ("destruction", "reconstruction")
    grid = np.zeros((len(frames), bins))
    for row, frame in enumerate(frames):
        inside = sequence["frame"].isin([frame, "both"]).to_numpy()
        for b in range(bins):
            total = (index == b).sum()
            grid[row, b] = inside[index == b].sum() / total if total else np.nan
    figure, axes = new_figure(width=9, height=2.6)
    image = axes.imshow(
        grid, aspect="auto", cmap="Greys", vmin=0, extent=(0, 1, len(frames) - 0.5, -0.5)
    )
    axes.set_yticks(range(len(frames)), frames)
    axes.set_xlabel("position in the article (tenths)")
    figure.colorbar(image, ax=axes, label="share of sentences")
    axes.set_title(f"Narrative arc over {len(documents)} articles")
    return figure


@_styled
def plot_actors_by_frame(actors):
    """Sentences per frame label for each top entity (``actors_by_frame``), stacked bars."""
    if actors is None or not len(actors):
        return empty_figure("No entity mentions to place in frames.")
    table = actors.iloc[::-1]
    figure, axes = new_figure(width=8, height=max(2.0, 0.32 * len(table) + 1.2))
    left = [0] * len(table)
    labels = [f"{e} ({lab})" for e, lab in zip(table["entity"], table["label"], strict=True)]
    for frame in _FRAME_ORDER:
        axes.barh(labels, table[frame], left=left, color=FRAME_COLOURS[frame], label=frame)
        left = [a + b for a, b in zip(left, table[frame], strict=True)]
    axes.set_xlabel("sentences mentioning the entity")
    axes.legend(loc="lower right", frameon=False)
    axes.set_title("Actors by frame")
    return figure


# --- quotes (newslens.quotes) -----------------------------------------------------------

KIND_COLOURS = {"direct": "#1f618d", "partial": "#5dade2", "indirect": "#d6eaf8"}


@_styled
def plot_top_speakers(speakers, *, top_n: int = 15) -> Figure:
    """Who is quoted most (``newslens.quotes.top_speakers``): quotes per kind (stacked) and
    words quoted, side by side; unresolved speakers are marked with an asterisk."""
    if speakers is None or not len(speakers):
        return empty_figure("No quotes found.")
    table = speakers.head(top_n).iloc[::-1]
    labels = [
        n if r else f"{n} *" for n, r in zip(table["speaker"], table["resolved"], strict=True)
    ]
    figure, (left_axes, right_axes) = new_figure(
        width=10, height=max(2.2, 0.32 * len(table) + 1.3), ncols=2
    )
    left = [0] * len(table)
    for kind, colour in KIND_COLOURS.items():
        left_axes.barh(labels, table[kind], left=left, color=colour, label=kind)
        left = [a + b for a, b in zip(left, table[kind], strict=True)]
    left_axes.set_xlabel("quotes")
    left_axes.legend(loc="lower right", frameon=False)
    left_axes.set_title("Quotes per speaker")
    right_axes.barh(labels, table["words_quoted"], color="#7f8c8d")
    right_axes.set_yticklabels([])
    right_axes.set_xlabel("words quoted")
    right_axes.set_title("Words quoted")
    return figure


@_styled
def plot_quote_kinds(kind_shares) -> Figure:
    """Share of quotes by kind (``newslens.quotes.kind_shares``), one horizontal bar."""
    if kind_shares is None or not len(kind_shares) or kind_shares["quotes"].sum() == 0:
        return empty_figure("No quotes found.")
    figure, axes = new_figure(width=8, height=1.8)
    left = 0.0
    for row in kind_shares.itertuples(index=False):
        axes.barh(["quotes"], [row.share], left=left, color=KIND_COLOURS[row.kind], label=row.kind)
        if row.share >= 0.06:
            axes.text(
                left + row.share / 2, 0, f"{row.kind}\n{row.share:.0%}", ha="center", va="center"
            )
        left += row.share
    axes.set_xlim(0, 1)
    axes.set_yticks([])
    axes.set_xlabel("share of quotes")
    axes.set_title(f"Quotes by kind ({int(kind_shares['quotes'].sum())} quotes)")
    return figure


# --- comparisons between groups (newslens.compare) --------------------------------------


def _group_label(group, documents, small) -> str:
    name = str(group)
    name = name if len(name) <= 28 else name[:27] + "…"
    return f"{name} ({int(documents)}){' *' if small else ''}"


def _small_note(figure, small_any: bool, min_documents: int | None) -> None:
    if small_any:
        text = "* few articles" + (f" (fewer than {min_documents})" if min_documents else "")
        figure.text(0.0, 0.0, text + ": read with care", fontsize=8, color="#555555")


def _share_heatmap(table, *, item: str, value: str, groups, sizes, title: str, top_n: int):
    """Items (rows) x groups (columns) heatmap of ``value`` (a share), annotated in %."""
    import numpy as np

    info = sizes.set_index("group")
    totals = table.groupby(item, observed=True)[value.replace("share", "count")].sum()
    names = list(totals.sort_values(ascending=False, kind="stable").index[:top_n])
    grid = (
        table[table[item].isin(names) & table["group"].astype(str).isin(groups)]
        .assign(group=lambda t: t["group"].astype(str))
        .pivot_table(index=item, columns="group", values="share", aggfunc="sum", fill_value=0)
        .reindex(index=names, columns=groups, fill_value=0)
    )
    matrix = grid.to_numpy(dtype=float)
    width = min(16.0, 3.5 + 0.85 * len(groups))
    figure, axes = new_figure(width=width, height=1.6 + 0.3 * len(names))
    image = axes.imshow(matrix, cmap="Blues", aspect="auto", vmin=0)
    labels = [_group_label(g, info.loc[g, "documents"], info.loc[g, "small_group"]) for g in groups]
    axes.set_xticks(range(len(groups)), labels, rotation=35, ha="right", fontsize=8)
    axes.set_yticks(range(len(names)), [str(n)[:40] for n in names], fontsize=8)
    top = float(np.nanmax(matrix)) if matrix.size else 0.0
    for i, row in enumerate(matrix):
        for j, cell in enumerate(row):
            if cell > 0:
                colour = "white" if cell > 0.6 * top else "#222222"
                axes.text(j, i, f"{cell:.1%}", ha="center", va="center", fontsize=7, color=colour)
    axes.set_title(title, loc="left")
    figure.colorbar(image, ax=axes, shrink=0.6, label="share")
    _small_note(figure, bool(info.loc[groups, "small_group"].any()), None)
    return figure


def plot_entity_shares_by_group(by_group, sizes, *, groups, top_n: int = 15) -> Figure:
    """Share of each group's mentions that go to each of the ``top_n`` most mentioned
    entities (rows) in each group (columns, with their article counts; * = few articles).
    Takes :func:`newslens.compare.entities_by_group` and :func:`~newslens.compare.group_sizes`."""
    if by_group is None or not len(by_group) or not groups:
        return empty_figure("No grouping: rerun with a group_by parameter.")
    table = by_group.rename(columns={"mentions": "count"})
    return _share_heatmap(
        table,
        item="entity",
        value="share",
        groups=groups,
        sizes=sizes,
        title="Share of each group's mentions",
        top_n=top_n,
    )


def plot_quote_speakers_by_group(by_group, sizes, *, groups, top_n: int = 15) -> Figure:
    """Share of each group's quotes given to each of the ``top_n`` most quoted speakers.
    Takes :func:`newslens.compare.quote_speakers_by_group`."""
    if by_group is None or not len(by_group) or not groups:
        return empty_figure("No grouping, or no quotes: nothing to compare.")
    table = by_group.rename(columns={"quotes": "count"})
    return _share_heatmap(
        table,
        item="speaker",
        value="share",
        groups=groups,
        sizes=sizes,
        title="Share of each group's quotes",
        top_n=top_n,
    )


def plot_distinctive_by_group(distinct, sizes, *, groups, item: str = "entity", top_k: int = 6):
    """The most over-represented (right, blue) and under-represented (left, red) items of each
    group, by the z-score of the log-odds ratio with an informative Dirichlet prior (Monroe et
    al. 2008); one panel per group. Takes :func:`newslens.compare.distinctive`."""
    if distinct is None or not len(distinct) or not groups:
        return empty_figure("Fewer than two groups: nothing is over- or under-represented.")
    info = sizes.set_index("group")
    columns = 2 if len(groups) > 1 else 1
    rows = -(-len(groups) // columns)
    figure = Figure(figsize=(11.0, rows * (0.32 * 2 * top_k + 0.9) + 0.4), layout="constrained")
    axes = figure.subplots(rows, columns, squeeze=False).ravel()
    for panel, group in zip(axes, groups, strict=False):
        part = distinct[distinct["group"].astype(str) == group]
        part = part[part["rank"] <= top_k].sort_values("z")
        colours = ["#2e86c1" if z > 0 else "#c0392b" for z in part["z"]]
        panel.barh([str(n)[:32] for n in part[item]], part["z"], color=colours)
        panel.axvline(0, color="#555555", linewidth=0.8)
        for edge in (-1.96, 1.96):
            panel.axvline(edge, color="#999999", linewidth=0.6, linestyle=":")
        panel.set_title(
            _group_label(group, info.loc[group, "documents"], info.loc[group, "small_group"]),
            loc="left",
            fontsize=10,
        )
        panel.tick_params(axis="y", labelsize=8)
        panel.tick_params(axis="x", labelsize=8)
    for panel in axes[len(groups) :]:
        panel.axis("off")
    figure.supxlabel("z of the log-odds ratio vs the other groups (dotted: ±1.96)", fontsize=9)
    _small_note(figure, bool(info.loc[groups, "small_group"].any()), None)
    return figure


def plot_frames_by_group(by_group, *, groups) -> Figure:
    """Per group, with 95% bootstrap intervals over articles: the share of sentences in the
    destruction and reconstruction labels, the balance index and the mean sentiment. Groups
    with few articles are drawn hollow and starred. Takes
    :func:`newslens.compare.frames_by_group`."""
    if by_group is None or not len(by_group) or not groups:
        return empty_figure("No grouping: rerun with a group_by parameter.")
    panels = [
        ("share", "destruction", "destruction share", FRAME_COLOURS["destruction"]),
        ("share", "reconstruction", "reconstruction share", FRAME_COLOURS["reconstruction"]),
        ("balance", "", "balance (R - D) / (R + D)", "#555555"),
        ("sentiment", "all", "mean sentiment (VADER)", "#7f8c8d"),
    ]
    table = by_group.assign(group=by_group["group"].astype(str))
    figure, axes = new_figure(
        width=12, height=max(2.8, 1.4 + 0.32 * len(groups)), ncols=len(panels)
    )
    positions = list(range(len(groups)))[::-1]
    for panel, (measure, frame, title, colour) in zip(axes, panels, strict=True):
        part = (
            table[(table["measure"] == measure) & (table["frame"].fillna("") == frame)]
            .set_index("group")
            .reindex(groups)
        )
        values = part["value"].to_numpy(dtype=float)
        low = values - part["ci_low"].to_numpy(dtype=float)
        high = part["ci_high"].to_numpy(dtype=float) - values
        small = part["small_group"].fillna(True).astype(bool).to_numpy()
        panel.errorbar(values, positions, xerr=[low, high], fmt="none", ecolor="#999999", capsize=2)
        panel.scatter(
            values[~small],
            [p for p, s in zip(positions, small, strict=True) if not s],
            color=colour,
        )
        panel.scatter(
            values[small],
            [p for p, s in zip(positions, small, strict=True) if s],
            facecolors="white",
            edgecolors=colour,
        )
        if measure in {"balance", "sentiment"}:
            panel.axvline(0, color="#bbbbbb", linewidth=0.8)
        panel.set_title(title, fontsize=10, loc="left")
        panel.tick_params(labelsize=8)
    labels = [
        _group_label(g, d, s)
        for g, d, s in table.drop_duplicates("group")
        .set_index("group")
        .reindex(groups)[["documents", "small_group"]]
        .fillna({"documents": 0, "small_group": True})
        .itertuples()
    ]
    axes[0].set_yticks(positions, labels, fontsize=8)
    for panel in axes[1:]:
        panel.set_yticks(positions, [""] * len(positions))
    figure.suptitle("Frames by group, with 95% bootstrap intervals over articles", x=0.01,
                    ha="left", fontweight="bold")  # fmt: skip
    return figure


def plot_quote_kinds_by_group(kinds_by_group, *, groups) -> Figure:
    """Share of each group's quotes by kind (direct, partial, indirect), one stacked bar per
    group. Takes :func:`newslens.compare.quote_kinds_by_group`."""
    if kinds_by_group is None or not len(kinds_by_group) or not groups:
        return empty_figure("No grouping, or no quotes: nothing to compare.")
    table = kinds_by_group.assign(group=kinds_by_group["group"].astype(str))
    wide = table.pivot_table(index="group", columns="kind", values="share", aggfunc="sum")
    wide = wide.reindex(index=groups).fillna(0)
    info = table.drop_duplicates("group").set_index("group").reindex(groups)
    totals = table.groupby("group")["quotes"].sum().reindex(groups).fillna(0)
    labels = [
        f"{_group_label(g, d, s)} {int(q)} q."
        for g, d, s, q in zip(
            groups, info["group_documents"], info["small_group"], totals, strict=True
        )
    ][::-1]
    figure, axes = new_figure(width=9, height=1.2 + 0.32 * len(groups))
    left = [0.0] * len(groups)
    for kind, colour in KIND_COLOURS.items():
        values = wide[kind].to_numpy()[::-1] if kind in wide else [0.0] * len(groups)
        axes.barh(labels, values, left=left, color=colour, label=kind)
        left = [a + b for a, b in zip(left, values, strict=True)]
    axes.set_xlim(0, 1)
    axes.set_xlabel("share of the group's quotes")
    axes.tick_params(axis="y", labelsize=8)
    figure.legend(
        *axes.get_legend_handles_labels(), loc="outside upper right", ncol=3, frameon=False
    )
    axes.set_title("Quotes by kind per group", loc="left")
    return figure
