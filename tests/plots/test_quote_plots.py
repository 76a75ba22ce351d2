"""newslens.plots.quotes: the speakers figure of the quotes report."""

from __future__ import annotations

import pandas as pd
from newslens import plots


def _speakers(words: list[int]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "speaker": [f"Speaker {i}" for i in range(len(words))],
            "resolved": [True] * len(words),
            "direct": [w // 10 for w in words],
            "partial": [1] * len(words),
            "indirect": [0] * len(words),
            "words_quoted": words,
        }
    )


def test_counts_on_the_narrow_panels_keep_apart():
    """A whole corpus quotes its first speaker for tens of thousands of words: the axis
    shows a few ticks with thousands separators, not labels run together."""
    figure = plots.plot_top_speakers(_speakers([152_000, 81_000, 9_500, 120]), top_n=4)
    figure.canvas.draw()
    for axes in figure.axes:
        labels = [t.get_text() for t in axes.get_xticklabels() if t.get_text()]
        assert 2 <= len(labels) <= 5
    words = [t.get_text() for t in figure.axes[1].get_xticklabels() if t.get_text()]
    assert any("," in label for label in words)
    assert all(label.replace(",", "").isdigit() for label in words)
