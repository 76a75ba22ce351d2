"""Frame labels (newslens.framing.labels): a frame counts when its score reaches the
threshold."""

from __future__ import annotations

import pytest
from newslens.framing import frame_label


@pytest.mark.parametrize(
    ("scores", "threshold", "expected"),
    [
        ({"destruction": 1.0, "reconstruction": 1.5}, None, "both"),
        ({"destruction": 1.0, "reconstruction": 0.75}, None, "destruction"),
        ({"destruction": 0.5, "reconstruction": 1.0}, None, "reconstruction"),
        ({"destruction": 0.75, "reconstruction": 0.0}, None, "neither"),
        ({"destruction": 0.75}, 0.5, "destruction"),
    ],
)
def test_frame_label_threshold(scores, threshold, expected):
    """``threshold`` None: the default threshold (1.0)."""
    label = frame_label(scores) if threshold is None else frame_label(scores, threshold=threshold)
    assert label == expected
