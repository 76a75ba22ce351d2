"""Figures of the framing report (:mod:`newslens.framing`). The frames, their order and
colours come from the tables (the run's lexicons): a third frame gets its bar, box, row and
colour like the two packaged ones."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure

from newslens.framing.labels import (
    BOTH,
    NEITHER,
    balance_frames,
    frame_names,
    frames_of_labels,
    in_frame,
    table_frames,
)
from newslens.framing.lexicons import FRAMES
from newslens.plots.style import empty_figure, frame_colours, new_figure, styled


def label_order(frames: Sequence[str]) -> list[str]:
    """The labels in the order figures show them: the first frame, ``both``, the other
    frames, ``neither`` (destruction, both, reconstruction, neither)."""
    return [*frames[:1], BOTH, *frames[1:], NEITHER]


@styled
def plot_frame_shares(corpus_frames) -> Figure:
    """Share of sentences per frame label (``corpus_frames`` from
    :func:`newslens.framing.corpus_frames`), each bar annotated with its sentence count."""
    if corpus_frames is None or not len(corpus_frames) or corpus_frames["sentences"].sum() == 0:
        return empty_figure("No sentences to frame.")
    frames = frames_of_labels(corpus_frames["frame"])
    colours = frame_colours(frames)
    table = corpus_frames.set_index("frame").reindex(label_order(frames)).fillna(0)
    figure, axes = new_figure(width=7, height=3.2)
    bars = axes.barh(
        list(table.index),
        table["share"],
        color=[colours[f] for f in table.index],
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


@styled
def plot_frame_balance(
    document_frames, *, corpus_balance: float | None = None, max_bars: int = 40
) -> Figure:
    """Balance index per document, (R - D) / (R + D) between the first two frames: bars per
    document when there are at most ``max_bars`` framed documents, a histogram otherwise;
    the corpus balance as a line."""
    framed = document_frames.dropna(subset=["balance"]) if len(document_frames) else document_frames
    if not len(framed):
        return empty_figure("No framed sentences: the balance is undefined.")
    frames = frame_names(document_frames, suffix="_frame_sentences")
    first, second = balance_frames(frames) or FRAMES
    colours = frame_colours(frames)
    if len(framed) <= max_bars:
        table = framed.sort_values(["balance", "doc_id"])
        figure, axes = new_figure(width=8, height=max(2.0, 0.3 * len(table) + 1.2))
        leaning = [
            colours[first] if b < 0 else colours[second] if b > 0 else colours[BOTH]
            for b in table["balance"]
        ]
        axes.barh([str(d)[:40] for d in table["doc_id"]], table["balance"], color=leaning)
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
    axes.set_xlabel(f"balance: -1 all {first}, +1 all {second}")
    axes.set_title(f"{first.capitalize()} vs {second} balance")
    return figure


@styled
def plot_sentiment_by_frame(sentences, *, max_points: int = 3000) -> Figure:
    """VADER compound sentiment of the sentences of each frame label: a box per label (over
    all its sentences) with the sentences as jittered points (fixed seed, so the PNG is
    reproducible). A label with more than ``max_points`` sentences shows a random sample of
    that many as points (drawing two million dots adds nothing a reader sees and takes
    seconds and a gigabyte); the caption says so."""
    import numpy as np

    if sentences is None or not len(sentences) or sentences["sentiment"].isna().all():
        return empty_figure("No sentiment to plot.")
    frames = table_frames(sentences)
    order, colours = label_order(frames), frame_colours(frames)
    figure, axes = new_figure(width=8, height=3.8)
    groups = [sentences.loc[sentences["frame"] == f, "sentiment"].dropna() for f in order]
    positions = list(range(1, len(order) + 1))
    axes.boxplot(
        [g.to_numpy() if len(g) else np.array([np.nan]) for g in groups],
        positions=positions,
        widths=0.5,
        showfliers=False,
    )
    generator, sampler = np.random.default_rng(0), np.random.default_rng(1)
    sampled = False
    for position, frame, group in zip(positions, order, groups, strict=True):
        values = group.to_numpy()
        if len(values) > max_points:
            values = values[np.sort(sampler.choice(len(values), max_points, replace=False))]
            sampled = True
        jitter = generator.uniform(-0.15, 0.15, len(values))
        axes.scatter(position + jitter, values, s=10, alpha=0.6, color=colours[frame])
    if sampled:
        axes.set_xlabel(f"points: at most {max_points:,} sentences per label, drawn at random")
    axes.set_xticks(positions, [f"{f}\n(n={len(g)})" for f, g in zip(order, groups, strict=True)])
    axes.axhline(0, color="#999999", linewidth=0.6)
    axes.set_ylim(-1.05, 1.05)
    axes.set_ylabel("VADER compound")
    axes.set_title("Sentiment by frame")
    return figure


@styled
def plot_narrative_arc(sequence, *, max_documents: int = 15, bins: int = 10) -> Figure:
    """Frames through each article (``frame_sequence``): one row per article with a cell per
    sentence coloured by its label when there are at most ``max_documents``; otherwise a
    corpus heat-strip, the share of sentences in each frame per tenth of the article."""
    if sequence is None or not len(sequence):
        return empty_figure("No sentences to plot.")
    documents = list(dict.fromkeys(sequence["doc_id"]))
    if len(documents) <= max_documents:
        return _arc_per_article(sequence, documents)
    return _arc_heat_strip(sequence, documents, bins=bins)


def _arc_per_article(sequence, documents: list) -> Figure:
    """One row per article, a cell per sentence coloured by its label."""
    from matplotlib.patches import Patch

    frames = table_frames(sequence)
    order, colours = label_order(frames), frame_colours(frames)
    figure, axes = new_figure(width=9, height=max(1.6, 0.45 * len(documents) + 1.2))
    for row, doc_id in enumerate(documents):
        part = sequence[sequence["doc_id"] == doc_id]
        width = 1.0 / len(part)
        axes.broken_barh(
            [(i * width, width) for i in range(len(part))],
            (row - 0.4, 0.8),
            facecolors=[colours[f] for f in part["frame"]],
            edgecolor="white",
            linewidth=0.5,
        )
    axes.set_yticks(range(len(documents)), [str(d)[:40] for d in documents])
    axes.invert_yaxis()
    axes.set_xlim(0, 1)
    axes.set_xlabel("position in the article (0 = first sentence, 1 = last)")
    figure.legend(
        handles=[Patch(color=colours[f], label=f) for f in order],
        loc="outside lower center",
        ncol=len(order),
        frameon=False,
    )
    axes.set_title("Narrative arc: the frame of each sentence")
    return figure


def _arc_heat_strip(sequence, documents: list, *, bins: int) -> Figure:
    """The share of sentences in each frame per tenth (``bins``) of the articles."""
    import numpy as np

    index = np.minimum((sequence["position"].to_numpy() * bins).astype(int), bins - 1)
    frames = table_frames(sequence)
    grid = np.zeros((len(frames), bins))
    for row, frame in enumerate(frames):
        inside = in_frame(sequence, frame).to_numpy()
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


@styled
def plot_actors_by_frame(actors) -> Figure:
    """Sentences per frame label for each top entity (``actors_by_frame``), stacked bars."""
    if actors is None or not len(actors):
        return empty_figure("No entity mentions to place in frames.")
    frames = frame_names(actors, suffix="_share")
    colours = frame_colours(frames)
    table = actors.iloc[::-1]
    figure, axes = new_figure(width=8, height=max(2.0, 0.32 * len(table) + 1.2))
    left = [0] * len(table)
    labels = [f"{e} ({lab})" for e, lab in zip(table["entity"], table["label"], strict=True)]
    for frame in label_order(frames):
        axes.barh(labels, table[frame], left=left, color=colours[frame], label=frame)
        left = [a + b for a, b in zip(left, table[frame], strict=True)]
    axes.set_xlabel("sentences mentioning the entity")
    axes.legend(loc="lower right", frameon=False)
    axes.set_title("Actors by frame")
    return figure
