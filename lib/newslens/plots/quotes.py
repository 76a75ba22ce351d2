"""Figures of the quotes report (:mod:`newslens.quotes`)."""

from __future__ import annotations

from matplotlib.figure import Figure

from newslens.plots.style import KIND_COLOURS, count_axis, empty_figure, new_figure, styled


@styled
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
    for axes in (left_axes, right_axes):
        count_axis(axes.xaxis)
    return figure


@styled
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
