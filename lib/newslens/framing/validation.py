"""Hand labels and agreement: read the labels, find their articles, align each label with
newslens's sentence, and measure agreement (accuracy, Cohen's kappa, per-frame precision,
recall and F1)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from newslens.framing.labels import LABELS
from newslens.framing.lexicons import FRAMES

if TYPE_CHECKING:
    from newslens.corpus import Document
    from newslens.types import PathLike


def read_frame_labels(path: PathLike) -> pd.DataFrame:
    """Hand labels: a CSV with ``article_id, start, end, label`` (+ optional ``split``,
    ``sentence_id``, ``annotator``), label one of ``destruction, reconstruction, both,
    neither``. Raises ``ValueError`` naming the problem when a column or a label is wrong."""
    table = pd.read_csv(path, dtype={"article_id": str}, keep_default_na=False)
    return read_frame_labels_table(table, where=str(path))


def read_frame_labels_table(table: pd.DataFrame, *, where: str = "labels") -> pd.DataFrame:
    """:func:`read_frame_labels` on a table already read (checks and normalises it)."""
    table = table.copy()
    missing = [c for c in ("article_id", "start", "end", "label") if c not in table.columns]
    if missing:
        raise ValueError(f"{where}: missing columns {missing}")
    table["label"] = table["label"].astype(str).str.strip().str.lower()
    wrong = sorted(set(table["label"]) - set(LABELS))
    if wrong:
        raise ValueError(f"{where}: labels {wrong} are not among {list(LABELS)}")
    table["start"] = table["start"].astype(int)
    table["end"] = table["end"].astype(int)
    return table


def labelled_documents(labels: pd.DataFrame, corpus: str | Path) -> list[Document]:
    """The documents of ``corpus`` (read with :func:`newslens.corpus.read_corpus`) whose
    ``doc_id`` is a labelled ``article_id``, in corpus order; stops reading once all are
    found. Raises ``ValueError`` naming the ids that are not in the corpus."""
    from newslens.corpus import read_corpus

    wanted = set(labels["article_id"])
    found = []
    for document in read_corpus(corpus):
        if document.doc_id in wanted:
            found.append(document)
            if len(found) == len(wanted):
                break
    missing = sorted(wanted - {d.doc_id for d in found})
    if missing:
        raise ValueError(f"{corpus}: labelled articles not found: {', '.join(missing[:10])}")
    return found


def align_labels(
    labels: pd.DataFrame, sentences: pd.DataFrame, *, texts: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """Each hand label beside newslens's sentence for the same span.

    ``sentences`` is :func:`score_sentences` output with ``doc_id`` = the labels'
    ``article_id``. A label maps ``exact`` when its span is newslens's sentence (offsets
    equal once whitespace at either end is trimmed, using ``texts`` when given), else to the
    sentence containing its ``start`` (``containing``), else it is ``missing``. Adds
    ``sentence_id, predicted, alignment``.
    """
    by_doc = {doc_id: group for doc_id, group in sentences.groupby("doc_id", sort=False)}
    rows = []
    for label in labels.to_dict("records"):
        start, end = label["start"], label["end"]
        if texts is not None and label["article_id"] in texts:
            text = texts[label["article_id"]][start:end]
            start += len(text) - len(text.lstrip())
            end -= len(text) - len(text.rstrip())
        group = by_doc.get(label["article_id"])
        sentence_id, predicted, alignment = -1, "", "missing"
        if group is not None:
            exact = group[(group["start"] == start) & (group["end"] == end)]
            inside = group[(group["start"] <= start) & (group["end"] > start)]
            if len(exact):
                chosen, alignment = exact.iloc[0], "exact"
            elif len(inside):
                chosen, alignment = inside.iloc[0], "containing"
            else:
                chosen = None
            if chosen is not None:
                sentence_id, predicted = int(chosen["sentence_id"]), chosen["frame"]
        rows.append(
            {**label, "sentence_id": sentence_id, "predicted": predicted, "alignment": alignment}
        )
    return pd.DataFrame(rows)


def cohen_kappa(gold: Sequence, predicted: Sequence) -> float:
    """Cohen's kappa between two labelings of the same items: ``(p_o - p_e) / (1 - p_e)``,
    chance agreement ``p_e`` from each side's label frequencies; NaN when undefined."""
    n = len(gold)
    if n == 0 or n != len(predicted):
        return math.nan
    observed = sum(g == p for g, p in zip(gold, predicted, strict=True)) / n
    gold_counts, predicted_counts = Counter(gold), Counter(predicted)
    expected = sum(gold_counts[k] * predicted_counts[k] for k in gold_counts) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else math.nan


def frame_agreement(aligned: pd.DataFrame) -> dict:
    """Agreement of newslens with hand labels (the output of :func:`align_labels`; missing
    alignments are left out). Returns ``sentences``, ``accuracy``, ``kappa`` (4-way),
    ``confusion`` (DataFrame, rows = hand label, columns = newslens) and ``frames``: per
    frame, ``precision, recall, f1, kappa, support`` where a sentence is in the frame if it
    is labelled that frame or ``both``."""
    pairs = aligned[aligned["alignment"] != "missing"]
    gold, predicted = list(pairs["label"]), list(pairs["predicted"])
    confusion = pd.crosstab(
        pd.Categorical(gold, categories=LABELS),
        pd.Categorical(predicted, categories=LABELS),
        dropna=False,
    )
    confusion.index = pd.Index(LABELS, name="hand label")
    confusion.columns = pd.Index(LABELS, name="newslens")
    frames = {}
    for frame in FRAMES:
        g = [x in (frame, "both") for x in gold]
        p = [x in (frame, "both") for x in predicted]
        tp = sum(a and b for a, b in zip(g, p, strict=True))
        precision = tp / sum(p) if sum(p) else math.nan
        recall = tp / sum(g) if sum(g) else math.nan
        f1 = (
            2 * precision * recall / (precision + recall)
            if precision == precision and recall == recall and (precision + recall)
            else math.nan
        )
        frames[frame] = {
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "kappa": cohen_kappa(g, p),
            "support": sum(g),
            "predicted": sum(p),
        }
    return {
        "sentences": len(pairs),
        "accuracy": (sum(a == b for a, b in zip(gold, predicted, strict=True)) / len(gold))
        if gold
        else math.nan,
        "kappa": cohen_kappa(gold, predicted),
        "confusion": confusion,
        "frames": frames,
    }
