"""newslens.plots.framing: figures of the framing report."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from newslens import plots


def _sentences(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    return pd.DataFrame(
        {
            "doc_id": [f"d{i // 50}" for i in range(n)],
            "sentence_id": [i % 50 for i in range(n)],
            "frame": ["destruction", "neither"] * (n // 2),
            "destruction_score": 0.0,
            "reconstruction_score": 0.0,
            "sentiment": rng.uniform(-1, 1, n),
        }
    )


@pytest.mark.parametrize(("sentences", "points", "note"), [(40, 20, False), (5000, 300, True)])
def test_sentiment_dots_are_sampled_only_for_large_labels(sentences, points, note):
    figure = plots.plot_sentiment_by_frame(_sentences(sentences), max_points=300)
    axes = figure.axes[0]
    drawn = [len(c.get_offsets()) for c in axes.collections if len(c.get_offsets())]
    assert drawn and max(drawn) == points  # the busiest label: all its dots, or the sample
    assert ("at most 300 sentences per label" in axes.get_xlabel()) is note
    # the tick labels give every label's full count, sampled or not
    assert f"(n={sentences // 2})" in " ".join(t.get_text() for t in axes.get_xticklabels())
