"""Training the frame classifier (:class:`~newslens.framing.classifier.FrameClassifier`).

:func:`train` fits each frame's model by Newton's method (L2 penalty, unpenalised bias; each
step solved by conjugate gradients: deterministic, no random state) on the training split
for each penalty of :data:`PENALTIES`, keeps the penalty and the probability threshold with
the best F1 on the dev split, refits with that penalty on train and dev together, and
stores everything in a :class:`~newslens.framing.classifier.FrameClassifier` (JSON). A
sentence is in a frame when its probability reaches the frame's threshold; its label is
``both``, one frame or ``neither``. The test split is never read here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from newslens.framing.classifier import FrameClassifier, builtin_classifier_path
from newslens.framing.features import (
    LabelledSentences,
    SentenceFeatures,
    build_vocabulary,
    document_features,
)
from newslens.framing.lexicons import FRAMES, Lexicon, load_lexicons
from newslens.framing.matcher import FrameMatcher
from newslens.framing.scoring import lexicon_scores, sentence_bounds
from newslens.framing.validation import labelled_documents, read_frame_labels_table
from newslens.io import file_sha256

if TYPE_CHECKING:
    from newslens.corpus import Document
    from newslens.types import Language, PathLike

PENALTIES = (0.3, 1.0, 3.0, 10.0, 30.0)
THRESHOLDS = tuple(round(x, 2) for x in np.arange(0.10, 0.91, 0.02))


def _conjugate_gradient(apply, b: np.ndarray, *, tolerance: float = 1e-9, steps: int = 300):
    """Solve ``apply(x) = b`` for a symmetric positive definite operator (no matrix built)."""
    x = np.zeros_like(b)
    r = b.copy()
    p = r.copy()
    rr = float(r @ r)
    limit = tolerance * max(float(b @ b), 1e-30)
    for _ in range(steps):
        if rr <= limit:
            break
        ap = apply(p)
        alpha = rr / float(p @ ap)
        x += alpha * p
        r -= alpha * ap
        new = float(r @ r)
        p = r + (new / rr) * p
        rr = new
    return x


def fit_logistic(
    x: np.ndarray, y: np.ndarray, *, penalty: float, iterations: int = 30
) -> tuple[np.ndarray, float]:
    """L2-penalised logistic regression by Newton's method: ``(weights, bias)``.

    Minimises ``sum log-loss + penalty/2 * |w|^2`` (the bias is not penalised). Each Newton
    step is solved by conjugate gradients on the Hessian as an operator (two products with
    ``x``), so thousands of word columns cost no more than a few hundred. Deterministic: no
    learning rate, no random state; stops when the step is tiny.
    """
    n, d = x.shape
    design = np.hstack([x, np.ones((n, 1))])
    beta = np.zeros(d + 1)
    ridge = np.full(d + 1, float(penalty))
    ridge[-1] = 1e-6
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(design @ beta)))
        gradient = design.T @ (p - y) + ridge * beta
        curvature = p * (1 - p)

        def hessian(v, curvature=curvature):
            return design.T @ (curvature * (design @ v)) + ridge * v

        step = _conjugate_gradient(hessian, gradient)
        beta -= step
        if np.max(np.abs(step)) < 1e-6:
            break
    return beta[:-1], float(beta[-1])


def _f1(gold: np.ndarray, predicted: np.ndarray) -> float:
    tp = float(np.sum(gold & predicted))
    return 2 * tp / (gold.sum() + predicted.sum()) if (gold.sum() + predicted.sum()) else 0.0


def _best_threshold(gold: np.ndarray, probability: np.ndarray) -> tuple[float, float]:
    """The threshold of :data:`THRESHOLDS` with the best F1 (ties: the one nearest 0.5)."""
    scored = [(_f1(gold, probability >= t), -abs(t - 0.5), t) for t in THRESHOLDS]
    f1, _, threshold = max(scored)
    return float(threshold), float(f1)


def _fit(x: np.ndarray, y: np.ndarray, scaled: np.ndarray, penalty: float):
    """Fit on features standardised where ``scaled`` (the extra columns; word indicators
    stay 0/1), and return the weights and bias in the raw feature space."""
    mean = np.where(scaled, x.mean(axis=0), 0.0)
    scale = np.where(scaled, x.std(axis=0), 1.0)
    scale = np.where(scale > 1e-9, scale, 1.0)
    w, b = fit_logistic((x - mean) / scale, y.astype(float), penalty=penalty)
    raw = w / scale
    return raw, b - float(raw @ mean)


def _chosen_fit(
    train_set: LabelledSentences,
    dev_set: LabelledSentences,
    matrices: tuple[np.ndarray, np.ndarray],
    scaled: np.ndarray,
    *,
    frame: str,
    penalties: Sequence[float],
) -> tuple[float, float, float, np.ndarray, float]:
    """``(dev F1, penalty, threshold, weights, bias)`` of the penalty whose fit on the
    training split has the best F1 on the dev split (ties: the first penalty)."""
    x_train, x_dev = matrices
    best = None
    for penalty in penalties:
        w, b = _fit(x_train, train_set.targets[frame], scaled, penalty)
        p = 1.0 / (1.0 + np.exp(-(x_dev @ w + b)))
        threshold, f1 = _best_threshold(dev_set.targets[frame], p)
        if best is None or f1 > best[0] + 1e-9:
            best = (f1, penalty, threshold, w, b)
    assert best is not None, "no penalty to try"
    return best


def train(
    train_set: LabelledSentences,
    dev_set: LabelledSentences,
    *,
    min_count: int = 2,
    penalties: Sequence[float] = PENALTIES,
    refit: bool = True,
    version: str = "1",
    info: Mapping | None = None,
) -> FrameClassifier:
    """Fit one model per frame on ``train_set`` for each penalty; keep, per frame, the
    penalty and threshold with the best F1 on ``dev_set``; then (``refit``) fit again with
    that penalty on train and dev together, keeping the threshold (and the training split's
    vocabulary): the dev split has chosen the settings and then adds its sentences to the
    evidence. Deterministic."""
    vocabulary = build_vocabulary(train_set.words, min_count=min_count)
    x_train, x_dev = train_set.matrix(vocabulary), dev_set.matrix(vocabulary)
    scaled = np.arange(x_train.shape[1]) >= len(vocabulary)
    word_weights, extra_weights, bias, thresholds, report = {}, {}, {}, {}, {}
    for frame in FRAMES:
        f1, penalty, threshold, w, b = _chosen_fit(
            train_set, dev_set, (x_train, x_dev), scaled, frame=frame, penalties=penalties
        )
        report[frame] = {"dev_f1": round(f1, 4), "penalty": penalty, "threshold": threshold}
        thresholds[frame] = threshold
        if refit:
            x_all = np.vstack([x_train, x_dev])
            y_all = np.concatenate([train_set.targets[frame], dev_set.targets[frame]])
            w, b = _fit(x_all, y_all, scaled, penalty)
        word_weights[frame] = w[: len(vocabulary)]
        extra_weights[frame] = w[len(vocabulary) :]
        bias[frame] = b
    return FrameClassifier(
        vocabulary=vocabulary,
        word_weights=word_weights,
        extra_weights=extra_weights,
        bias=bias,
        thresholds=thresholds,
        version=version,
        info={
            **(info or {}),
            "min_count": min_count,
            "refit_on_dev": refit,
            "train_sentences": len(train_set.words),
            "dev_sentences": len(dev_set.words),
            "frames": report,
        },
    )


def labelled_features(
    labels: pd.DataFrame,
    documents: Sequence[Document],
    *,
    nlp: Language,
    lexicons: Sequence[Lexicon] | None = None,
) -> tuple[list[SentenceFeatures], list[str], list[int]]:
    """The features of every labelled sentence, in label order: ``(features, labels,
    unmatched)``. ``labels`` has ``article_id, start, end, label`` (offsets of newslens
    sentences, whitespace trimmed); ``documents`` are those articles
    (:func:`newslens.framing.labelled_documents`). A label whose span is not a sentence of
    the parse is left out and its row position returned in ``unmatched``."""
    from newslens.nlp import parse

    lexicons = tuple(lexicons) if lexicons is not None else load_lexicons()
    matcher = FrameMatcher(lexicons, nlp.vocab)
    found: dict[tuple[str, int, int], tuple[SentenceFeatures, int]] = {}
    for document, doc in parse(list(documents), nlp=nlp, progress=False):
        bounds = sentence_bounds(doc)
        scores, terms = lexicon_scores(doc, matcher, bounds)
        features = document_features(doc, bounds, scores, terms)
        for index, (_, _, start, end) in enumerate(bounds):
            found[(document.doc_id, start, end)] = (features, index)
    chosen, gold, unmatched = [], [], []
    for position, row in enumerate(labels[["article_id", "start", "end", "label"]].itertuples()):
        hit = found.get((row.article_id, int(row.start), int(row.end)))
        if hit is None:
            unmatched.append(position)
            continue
        features, index = hit
        chosen.append(
            SentenceFeatures(
                words=[features.words[index]],
                extra=features.extra[index : index + 1],
                terms=[features.terms[index]],
            )
        )
        gold.append(row.label)
    return chosen, gold, unmatched


def train_from_labels(
    labels_path: PathLike,
    corpus: str | Path,
    *,
    out: PathLike | None = None,
    nlp: Language | None = None,
    min_count: int = 2,
    version: str = "1",
) -> FrameClassifier:
    """Train the frame classifier from a labels CSV (``article_id, split, start, end,
    label``; ``split`` is ``train``, ``dev`` or ``test``) and the corpus holding those
    articles; save it to ``out`` (default: the packaged ``classifier.json``). Only the
    ``train`` and ``dev`` rows are read: ``test`` rows are dropped before anything else."""
    from newslens.nlp import load_model

    table = pd.read_csv(labels_path, dtype={"article_id": str}, keep_default_na=False)
    if "split" not in table.columns:
        raise ValueError(f"{labels_path}: needs a 'split' column (train, dev, test)")
    table = table[table["split"].isin(["train", "dev"])].reset_index(drop=True)
    labels = read_frame_labels_table(table, where=str(labels_path))
    for split in ("train", "dev"):
        if not (labels["split"] == split).any():
            raise ValueError(f"{labels_path}: no '{split}' rows")
    nlp = nlp if nlp is not None else load_model()
    documents = labelled_documents(labels, corpus)
    parts = {}
    for split in ("train", "dev"):
        rows = labels[labels["split"] == split]
        features, gold, unmatched = labelled_features(rows, documents, nlp=nlp)
        if unmatched:
            raise ValueError(
                f"{labels_path}: {len(unmatched)} {split} labels are not newslens sentences"
                " (offsets must be a sentence's, whitespace trimmed)"
            )
        parts[split] = LabelledSentences.from_features(features, gold)
    classifier = train(
        parts["train"],
        parts["dev"],
        min_count=min_count,
        version=version,
        info={"labels": Path(labels_path).name, "labels_sha256": file_sha256(labels_path)},
    )
    classifier.save(out or builtin_classifier_path())
    return classifier
