"""Figures comparing groups of articles (:mod:`newslens.compare`)."""

from __future__ import annotations

from matplotlib.figure import Figure

from newslens.framing.labels import balance_frames, frames_of_labels
from newslens.plots.style import KIND_COLOURS, empty_figure, frame_colours, new_figure


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


def _frame_panels(by_group) -> list[tuple[str, str, str, str]]:
    """``(measure, frame, title, colour)`` of each panel: the share of each frame's label
    (the frames of the table, in its order), the balance between the first two, the mean
    sentiment."""
    frames = frames_of_labels(by_group.loc[by_group["measure"] == "share", "frame"])
    colours = frame_colours(frames)
    panels = [("share", frame, f"{frame} share", colours[frame]) for frame in frames]
    pair = balance_frames(frames) or ("destruction", "reconstruction")
    first, second = (frame[:1].upper() for frame in pair)
    panels.append(
        ("balance", "", f"balance ({second} - {first}) / ({second} + {first})", "#555555")
    )
    panels.append(("sentiment", "all", "mean sentiment (VADER)", "#7f8c8d"))
    return panels


def plot_frames_by_group(by_group, *, groups) -> Figure:
    """Per group, with 95% bootstrap intervals over articles: the share of sentences in each
    frame's label, the balance index and the mean sentiment. Groups with few articles are
    drawn hollow and starred. Takes :func:`newslens.compare.frames_by_group`."""
    if by_group is None or not len(by_group) or not groups:
        return empty_figure("No grouping: rerun with a group_by parameter.")
    panels = _frame_panels(by_group)
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
