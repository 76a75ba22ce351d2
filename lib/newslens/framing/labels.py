"""Frame labels and membership: which frames a sentence is in, and its one label.

The frames are the lexicons' (:func:`~newslens.framing.load_lexicons`: ``destruction``,
``reconstruction``, then any extra frame), never a fixed list. A sentence is *in* a frame
when its score reaches the threshold (or, for a frame the classifier was trained for, when
its probability reaches the classifier's threshold). Its label (the ``frame`` column) is the
one frame it is in, ``both`` when it is in two or more, ``neither`` when it is in none; with
more than two frames the ``frames`` column lists every frame it is in, because ``both`` no
longer says which. The balance index compares the first two frames (the two main ones).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from newslens.framing.lexicons import FRAMES

BOTH = "both"
NEITHER = "neither"
FRAME_SEPARATOR = " | "
DEFAULT_THRESHOLD = 1.0


def frame_labels(frames: Sequence[str]) -> tuple[str, ...]:
    """The labels a sentence can take with these frames: each frame, ``both``, ``neither``."""
    return (*frames, BOTH, NEITHER)


LABELS = frame_labels(FRAMES)


def label_of(inside: Mapping[str, bool]) -> str:
    """The label of a sentence from whether it is in each frame: the one frame it is in,
    ``both`` when in two or more, ``neither`` when in none."""
    chosen = [frame for frame, yes in inside.items() if yes]
    if not chosen:
        return NEITHER
    return chosen[0] if len(chosen) == 1 else BOTH


def frame_label(scores: Mapping[str, float], *, threshold: float = DEFAULT_THRESHOLD) -> str:
    """The label from the frames' scores (``{frame: score}``, every frame of the lexicons): a
    frame counts when its score reaches ``threshold``."""
    return label_of({frame: score >= threshold for frame, score in scores.items()})


def light_columns(columns: Sequence[str]) -> list[str]:
    """The columns of the sentences table that every aggregate, figure and comparison of the
    framing report reads: all but the sentence ``text`` and the per-frame ``_terms`` and
    ``_evidence`` strings, which only the rows shown need (they are most of the table's
    memory at scale)."""
    return [c for c in columns if c != "text" and not c.endswith(("_terms", "_evidence"))]


def reading_columns(columns: Sequence[str]) -> list[str]:
    """The columns of the sentences table a reader needs to see why a sentence is in its
    frame, in reading order: the sentence and its frame, then per frame the classifier's
    probability, its evidence and the lexicon's terms, then the lexicon's own label and the
    sentiment. Offsets and raw scores stay in the CSV, so the table fits a page."""
    frames = [c.removesuffix("_score") for c in columns if c.endswith("_score")]
    wanted = ["doc_id", "sentence_id", "text", "frame"]
    for frame in frames:
        wanted += [f"{frame}_p", f"{frame}_evidence", f"{frame}_terms"]
    wanted += ["lexicon_frame", "sentiment"]
    return [c for c in wanted if c in columns]


def frame_names(table: pd.DataFrame, *, suffix: str = "_score") -> list[str]:
    """The frames of a table, in column order (``destruction``, ``reconstruction``, then any
    extra frame a user lexicon added), read from its per-frame columns: ``<frame>_score`` in
    ``sentences``, or another ``suffix`` (``_frame_sentences`` in ``frame_balance``,
    ``_share`` in ``actors_by_frame``)."""
    return [c.removesuffix(suffix) for c in table.columns if c.endswith(suffix)]


def frames_of_labels(labels: Iterable[str]) -> list[str]:
    """The frames among labels (every label but ``both`` and ``neither``), in first-seen
    order: the frames of a table that has only labels (``frame_corpus``, a comparison)."""
    return [label for label in dict.fromkeys(labels) if label not in (BOTH, NEITHER)]


def table_frames(table: pd.DataFrame) -> list[str]:
    """:func:`frame_names`, or the packaged frames for a table without score columns (a
    ``frame`` column alone)."""
    return frame_names(table) or list(FRAMES)


def in_frame(sentences: pd.DataFrame, frame: str) -> pd.Series:
    """Whether each sentence is in ``frame``: listed in its ``frames`` column when the table
    has one (more than two frames), else labelled with the frame or ``both``."""
    if "frames" in sentences.columns:
        listed = sentences["frames"].fillna("").astype(str).str.split(FRAME_SEPARATOR, regex=False)
        return listed.map(lambda frames: frame in frames).astype(bool)
    return sentences["frame"].isin([frame, BOTH])


def balance_frames(frames: Sequence[str]) -> tuple[str, str] | None:
    """The two frames the balance index compares: the first two (``destruction``,
    ``reconstruction``), or ``None`` with fewer than two frames."""
    return (frames[0], frames[1]) if len(frames) >= 2 else None
