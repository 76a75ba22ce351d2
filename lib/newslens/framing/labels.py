"""Frame labels: which of ``destruction | reconstruction | both | neither`` a sentence is,
from the frames it is in."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from newslens.framing.lexicons import FRAMES

LABELS = (*FRAMES, "both", "neither")
DEFAULT_THRESHOLD = 1.0


def label_of(destruction: bool, reconstruction: bool) -> str:
    """The label of a sentence in (or out of) each of the two frames."""
    if destruction and reconstruction:
        return "both"
    return "destruction" if destruction else "reconstruction" if reconstruction else "neither"


def frame_label(scores: Mapping[str, float], *, threshold: float = DEFAULT_THRESHOLD) -> str:
    """``both``, ``destruction``, ``reconstruction`` or ``neither`` from the two frames' scores
    (a frame counts when its score reaches ``threshold``)."""
    return label_of(
        scores.get("destruction", 0.0) >= threshold,
        scores.get("reconstruction", 0.0) >= threshold,
    )


def in_frame(labels: pd.Series, frame: str) -> pd.Series:
    """Whether each label puts its sentence in ``frame`` (the frame itself or ``both``)."""
    return labels.isin([frame, "both"])


def frame_names(sentences: pd.DataFrame) -> list[str]:
    """The frames of a ``sentences`` table, in column order (``destruction``,
    ``reconstruction``, then any extra frame a user lexicon added)."""
    return [c.removesuffix("_score") for c in sentences.columns if c.endswith("_score")]
