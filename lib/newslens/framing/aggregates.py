"""Aggregates of a ``sentences`` table: shares, balance and sentiment per document and for
the corpus, the order of frames through each article, and the actors placed in each frame.

Balance index: for a document or a corpus, with ``D`` the number of sentences in the
destruction frame (labelled ``destruction`` or ``both``) and ``R`` those in the
reconstruction frame (``reconstruction`` or ``both``): ``balance = (R - D) / (R + D)``, in
[-1, 1]. -1 means every framed sentence is destruction only, +1 reconstruction only, 0 an
even split; it is empty (NaN) when no sentence is framed at all.
"""

from __future__ import annotations

import math

import pandas as pd

from newslens.framing.labels import LABELS, in_frame


def balance_index(destruction: float, reconstruction: float) -> float:
    """``(R - D) / (R + D)`` in [-1, 1]: -1 all destruction, +1 all reconstruction, NaN when
    both counts are zero."""
    total = destruction + reconstruction
    return (reconstruction - destruction) / total if total else math.nan


def balance_indices(destruction: pd.Series, reconstruction: pd.Series) -> pd.Series:
    """:func:`balance_index` of whole columns at once."""
    total = destruction + reconstruction
    return ((reconstruction - destruction) / total.where(total > 0)).astype("float64")


def document_frames(sentences: pd.DataFrame) -> pd.DataFrame:
    """Per document: sentence counts and shares per label, the balance index, and the mean
    and standard deviation of sentiment within each label.

    Columns: ``doc_id, sentences, <label>_sentences, <label>_share`` (for destruction,
    reconstruction, both, neither), ``destruction_frame_sentences,
    reconstruction_frame_sentences`` (label or ``both``), ``balance``, then
    ``sentiment_mean_<label>, sentiment_std_<label>``; documents in input order.
    Standard deviations are sample ones (NaN for fewer than two sentences).
    """
    if not len(sentences):
        return pd.DataFrame(columns=["doc_id", "sentences"])
    by_document = sentences.groupby("doc_id", sort=False)
    table = pd.DataFrame({"sentences": by_document.size()})
    counts = pd.crosstab(sentences["doc_id"], sentences["frame"]).reindex(
        index=table.index, columns=list(LABELS), fill_value=0
    )
    for label in LABELS:
        table[f"{label}_sentences"] = counts[label]
        table[f"{label}_share"] = counts[label] / table["sentences"]
    d = counts["destruction"] + counts["both"]
    r = counts["reconstruction"] + counts["both"]
    table["destruction_frame_sentences"] = d
    table["reconstruction_frame_sentences"] = r
    table["balance"] = balance_indices(d, r)
    sentiment = sentences.groupby(["doc_id", "frame"], sort=False)["sentiment"].agg(["mean", "std"])
    for label in LABELS:
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
    order destruction, reconstruction, both, neither."""
    total = len(sentences)
    rows = []
    for label in LABELS:
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


def corpus_balance(sentences: pd.DataFrame, *, documents: pd.DataFrame | None = None):
    """One row for the corpus: ``documents, sentences, destruction_frame_sentences,
    reconstruction_frame_sentences, balance`` (over all sentences), ``mean_document_balance``
    (the mean of the per-document balances, ignoring unframed documents) and how many
    documents lean each way: ``documents_destruction`` (balance < 0),
    ``documents_reconstruction`` (> 0), ``documents_even`` (= 0), ``documents_unframed``."""
    documents = documents if documents is not None else document_frames(sentences)
    d = int(in_frame(sentences["frame"], "destruction").sum()) if len(sentences) else 0
    r = int(in_frame(sentences["frame"], "reconstruction").sum()) if len(sentences) else 0
    balance = documents["balance"] if len(documents) else pd.Series(dtype=float)
    return pd.DataFrame(
        [
            {
                "documents": len(documents),
                "sentences": len(sentences),
                "destruction_frame_sentences": d,
                "reconstruction_frame_sentences": r,
                "balance": balance_index(d, r),
                "mean_document_balance": balance.mean() if balance.notna().any() else math.nan,
                "documents_destruction": int((balance < 0).sum()),
                "documents_reconstruction": int((balance > 0).sum()),
                "documents_even": int((balance == 0).sum()),
                "documents_unframed": int(balance.isna().sum()),
            }
        ]
    )


def frame_sequence(sentences: pd.DataFrame) -> pd.DataFrame:
    """The frames through each article: ``doc_id, sentence_id, position, frame,
    destruction_score, reconstruction_score`` where ``position`` is the sentence's relative
    position, ``sentence_id / (sentences - 1)`` (0 = first sentence, 1 = last; 0 for a
    one-sentence document)."""
    if not len(sentences):
        return pd.DataFrame(
            columns=[
                "doc_id",
                "sentence_id",
                "position",
                "frame",
                "destruction_score",
                "reconstruction_score",
            ]
        )
    table = sentences[
        ["doc_id", "sentence_id", "frame", "destruction_score", "reconstruction_score"]
    ].copy()
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
    twice in a sentence counts once. Columns: ``entity, label, sentences, destruction,
    reconstruction, both, neither, destruction_share, reconstruction_share, balance`` (shares
    of the entity's sentences in each frame, label or ``both``; balance as
    :func:`balance_index`), sorted by sentences (desc) then entity.
    """
    columns = ["entity", "label", "sentences", *LABELS]
    columns += ["destruction_share", "reconstruction_share", "balance"]
    if not len(mentions) or not len(sentences):
        return pd.DataFrame(columns=columns)
    keys = ["doc_id", "sentence_id"]
    pairs = mentions[[*keys, "entity", "label"]].drop_duplicates()
    joined = pairs.merge(sentences[[*keys, "frame"]], on=keys, how="inner")
    counts = (
        joined.groupby(["entity", "label", "frame"]).size().unstack("frame", fill_value=0)
    ).reindex(columns=list(LABELS), fill_value=0)
    table = counts.reset_index()
    table.columns.name = None
    table.insert(2, "sentences", table[list(LABELS)].sum(axis=1))
    d = table["destruction"] + table["both"]
    r = table["reconstruction"] + table["both"]
    table["destruction_share"] = d / table["sentences"]
    table["reconstruction_share"] = r / table["sentences"]
    table["balance"] = balance_indices(d, r)
    table = table.sort_values(["sentences", "entity", "label"], ascending=[False, True, True])
    return table.head(top_n).reset_index(drop=True)[columns]
