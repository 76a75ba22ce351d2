"""Aggregates of a ``sentences`` table: shares, balance and sentiment per document and for
the corpus, the order of frames through each article, and the actors placed in each frame.

Every aggregate takes its frames from the table (:func:`~newslens.framing.labels.table_frames`:
the lexicons' frames), so a run with an extra lexicon gets that frame's columns and rows.

Balance index: for a document or a corpus, with ``D`` the number of sentences in the first
frame (``destruction``: labelled ``destruction`` or ``both``) and ``R`` those in the second
(``reconstruction``): ``balance = (R - D) / (R + D)``, in [-1, 1]. -1 means every framed
sentence is destruction only, +1 reconstruction only, 0 an even split; it is empty (NaN)
when no sentence is framed at all (or the table has fewer than two frames).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

from newslens.framing.labels import balance_frames, frame_labels, in_frame, table_frames


def balance_index(destruction: float, reconstruction: float) -> float:
    """``(R - D) / (R + D)`` in [-1, 1]: -1 all destruction, +1 all reconstruction, NaN when
    both counts are zero."""
    total = destruction + reconstruction
    return (reconstruction - destruction) / total if total else math.nan


def balance_indices(destruction: pd.Series, reconstruction: pd.Series) -> pd.Series:
    """:func:`balance_index` of whole columns at once."""
    total = destruction + reconstruction
    return ((reconstruction - destruction) / total.where(total > 0)).astype("float64")


def _balance(counts: pd.DataFrame, frames: Sequence[str]) -> pd.Series:
    """The balance index of each row of ``counts`` (one column of sentences per frame)."""
    pair = balance_frames(frames)
    if pair is None:
        return pd.Series(math.nan, index=counts.index, dtype="float64")
    return balance_indices(counts[pair[0]], counts[pair[1]])


def _membership(sentences: pd.DataFrame, frames: Sequence[str]) -> pd.DataFrame:
    """One 0/1 column per frame: whether each sentence is in it."""
    return pd.DataFrame(
        {frame: in_frame(sentences, frame).astype("int64") for frame in frames},
        index=sentences.index,
    )


def document_frames(sentences: pd.DataFrame) -> pd.DataFrame:
    """Per document: sentence counts and shares per label, the balance index, and the mean
    and standard deviation of sentiment within each label.

    Columns: ``doc_id, sentences, <label>_sentences, <label>_share`` (for each frame, both,
    neither), ``<frame>_frame_sentences`` (sentences in the frame: its label, ``both``, or
    listed in ``frames``), ``balance``, then ``sentiment_mean_<label>,
    sentiment_std_<label>``; documents in input order. Standard deviations are sample ones
    (NaN for fewer than two sentences).
    """
    if not len(sentences):
        return pd.DataFrame(columns=["doc_id", "sentences"])
    frames = table_frames(sentences)
    labels = frame_labels(frames)
    by_document = sentences.groupby("doc_id", sort=False)
    table = pd.DataFrame({"sentences": by_document.size()})
    counts = pd.crosstab(sentences["doc_id"], sentences["frame"]).reindex(
        index=table.index, columns=list(labels), fill_value=0
    )
    for label in labels:
        table[f"{label}_sentences"] = counts[label]
        table[f"{label}_share"] = counts[label] / table["sentences"]
    inside = _membership(sentences, frames).groupby(sentences["doc_id"], sort=False).sum()
    inside = inside.reindex(table.index, fill_value=0)
    for frame in frames:
        table[f"{frame}_frame_sentences"] = inside[frame]
    table["balance"] = _balance(inside, frames)
    sentiment = sentences.groupby(["doc_id", "frame"], sort=False)["sentiment"].agg(["mean", "std"])
    for label in labels:
        part = (
            sentiment.xs(label, level="frame")
            if label in sentiment.index.get_level_values(1)
            else None
        )
        for statistic in ("mean", "std"):
            column = f"sentiment_{statistic}_{label}"
            table[column] = math.nan if part is None else part[statistic].reindex(table.index)
    return table.reset_index()


def corpus_frames(sentences: pd.DataFrame) -> pd.DataFrame:
    """Per label over the whole corpus: ``frame, sentences, share, documents`` (documents with
    at least one such sentence) and the sentiment of those sentences: ``sentiment_mean,
    sentiment_std, sentiment_median, sentiment_q1, sentiment_q3``. One row per label, in the
    order of the frames, then both, neither."""
    total = len(sentences)
    rows = []
    for label in frame_labels(table_frames(sentences)):
        part = sentences[sentences["frame"] == label]
        values = part["sentiment"].dropna()
        rows.append(
            {
                "frame": label,
                "sentences": len(part),
                "share": len(part) / total if total else math.nan,
                "documents": part["doc_id"].nunique(),
                "sentiment_mean": values.mean() if len(values) else math.nan,
                "sentiment_std": values.std() if len(values) > 1 else math.nan,
                "sentiment_median": values.median() if len(values) else math.nan,
                "sentiment_q1": values.quantile(0.25) if len(values) else math.nan,
                "sentiment_q3": values.quantile(0.75) if len(values) else math.nan,
            }
        )
    return pd.DataFrame(rows)


def corpus_balance(
    sentences: pd.DataFrame, *, documents: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row for the corpus: ``documents, sentences, <frame>_frame_sentences`` (for each
    frame), ``balance`` (over all sentences), ``mean_document_balance`` (the mean of the
    per-document balances, ignoring unframed documents) and how many documents lean each
    way: ``documents_destruction`` (balance < 0; named after the first frame),
    ``documents_reconstruction`` (> 0; the second frame), ``documents_even`` (= 0),
    ``documents_unframed``."""
    documents = documents if documents is not None else document_frames(sentences)
    frames = table_frames(sentences)
    inside = _membership(sentences, frames).sum() if len(sentences) else None
    counts = {f: int(inside[f]) if inside is not None else 0 for f in frames}
    balance = documents["balance"] if len(documents) else pd.Series(dtype=float)
    pair = balance_frames(frames)
    row: dict[str, object] = {"documents": len(documents), "sentences": len(sentences)}
    row.update({f"{frame}_frame_sentences": n for frame, n in counts.items()})
    row["balance"] = balance_index(counts[pair[0]], counts[pair[1]]) if pair else math.nan
    row["mean_document_balance"] = balance.mean() if balance.notna().any() else math.nan
    if pair:
        row[f"documents_{pair[0]}"] = int((balance < 0).sum())
        row[f"documents_{pair[1]}"] = int((balance > 0).sum())
    row["documents_even"] = int((balance == 0).sum())
    row["documents_unframed"] = int(balance.isna().sum())
    return pd.DataFrame([row])


def frame_sequence(sentences: pd.DataFrame) -> pd.DataFrame:
    """The frames through each article: ``doc_id, sentence_id, position, frame,
    <frame>_score`` (for each frame; and ``frames`` when the table lists them) where
    ``position`` is the sentence's relative position, ``sentence_id / (sentences - 1)`` (0 =
    first sentence, 1 = last; 0 for a one-sentence document)."""
    frames = table_frames(sentences)
    scores = [f"{frame}_score" for frame in frames]
    listed = ["frames"] if "frames" in sentences.columns else []
    if not len(sentences):
        return pd.DataFrame(columns=["doc_id", "sentence_id", "position", "frame", *scores])
    table = sentences[["doc_id", "sentence_id", "frame", *scores, *listed]].copy()
    last = table.groupby("doc_id", sort=False)["sentence_id"].transform("max")
    table.insert(2, "position", (table["sentence_id"] / last.where(last > 0, 1)).astype(float))
    return table.reset_index(drop=True)


def actors_by_frame(
    mentions: pd.DataFrame, sentences: pd.DataFrame, *, top_n: int = 20
) -> pd.DataFrame:
    """Which entities are placed in which frame: for the ``top_n`` entities with the most
    sentences, the number of distinct sentences they are mentioned in per label.

    ``mentions`` follows ``mentions.csv`` (``doc_id, sentence_id, start, end, text, entity,
    label``); it is joined with ``sentences`` on ``(doc_id, sentence_id)``. An entity named
    twice in a sentence counts once. Columns: ``entity, label, sentences, <label>`` (for each
    frame, both, neither), ``<frame>_share`` (for each frame: the share of the entity's
    sentences in the frame), ``balance`` (as :func:`balance_index`), sorted by sentences
    (desc) then entity.
    """
    frames = table_frames(sentences)
    labels = list(frame_labels(frames))
    columns = ["entity", "label", "sentences", *labels, *[f"{f}_share" for f in frames]]
    columns += ["balance"]
    if not len(mentions) or not len(sentences):
        return pd.DataFrame(columns=columns)
    keys = ["doc_id", "sentence_id"]
    listed = ["frames"] if "frames" in sentences.columns else []
    pairs = mentions[[*keys, "entity", "label"]].drop_duplicates()
    joined = pairs.merge(sentences[[*keys, "frame", *listed]], on=keys, how="inner")
    counts = (
        joined.groupby(["entity", "label", "frame"]).size().unstack("frame", fill_value=0)
    ).reindex(columns=labels, fill_value=0)
    inside = _membership(joined, frames).groupby([joined["entity"], joined["label"]]).sum()
    inside = inside.reindex(counts.index, fill_value=0).reset_index(drop=True)
    table = counts.reset_index()
    table.columns.name = None
    table.insert(2, "sentences", table[labels].sum(axis=1))
    for frame in frames:
        table[f"{frame}_share"] = inside[frame] / table["sentences"]
    table["balance"] = _balance(inside, frames)
    table = table.sort_values(["sentences", "entity", "label"], ascending=[False, True, True])
    return table.head(top_n).reset_index(drop=True)[columns]
