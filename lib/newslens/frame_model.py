"""A trained sentence classifier for the two frames, beside the lexicons.

The lexicons (:mod:`newslens.framing`) are transparent but brittle: a reader sees
reconstruction in "FEMA needs to stay until the job is done" or destruction in "Russian
strikes are intensifying", and no short list of weighted terms catches both without
flooding the rest. This module adds one logistic regression per frame, trained on the
whole-article hand labels of ``tests/data/framing/`` (``GUIDELINE.md``), that gives every
sentence a probability of being in the frame (``both`` counts for each frame).

Why this model
    Two thousand labelled sentences are too few to fine-tune an encoder and enough for a
    linear model. Logistic regression on the sentence's content lemmas (0/1 per word of
    the training vocabulary) plus its lexicon scores needs no new package (numpy only),
    trains in about a minute, is deterministic, weighs about 50 KB of JSON, costs a few
    milliseconds per article, and is auditable: a word's weight is exactly how much it
    moves the sentence's log-odds. On the dev split, adding the mean word vector
    (en_core_web_md) or the neighbouring sentences' words did no better, and a per-article
    lexicon density pushed every sentence of a dense article to ``both``: both left out.

Features (:data:`FEATURES`)
    * ``words``: one 0/1 column per lemma (lower case, alphabetic, not a stop word) seen in
      at least ``min_count`` training sentences;
    * ``lex``: ``log1p`` of each main frame's lexicon score of the sentence;
    * ``ctx``: ``log1p`` of each frame's lexicon score of the sentences just before and
      after it (the larger of the two): a reaction to an attack told in the previous
      sentence is still about that attack (guideline R2).
    The ``lex`` and ``ctx`` columns are standardised for fitting; the stored weights are
    in the raw feature space.

Training and labels
    :func:`train` fits each frame's model by Newton's method (L2 penalty, unpenalised
    bias; each step solved by conjugate gradients: deterministic, no random state) on the
    training split for each penalty of :data:`PENALTIES`, keeps the penalty and the
    probability threshold with the best F1 on the dev split, refits with that penalty on
    train and dev together, and stores everything in a :class:`FrameClassifier` (JSON). A
    sentence is in a frame when its probability reaches the frame's threshold; its label is
    ``both``, one frame or ``neither``. The test split is never read here.

Evidence
    :meth:`FrameClassifier.predict` returns, per frame, the sentence's probability and
    the words that raised its log-odds most: ``word +weight`` for content words, and
    ``[term] +share`` for lexicon terms (the ``lex`` feature's contribution spread over the
    sentence's matched terms).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from newslens.io import file_sha256
from newslens.resources import package_data

__all__ = [
    "EXTRA_COLUMNS",
    "FEATURES",
    "MODEL_FORMAT",
    "FrameClassifier",
    "LabelledSentences",
    "SentenceFeatures",
    "build_vocabulary",
    "builtin_classifier_path",
    "design_matrix",
    "document_features",
    "fit_logistic",
    "load_classifier",
    "train",
]

MODEL_FORMAT = "newslens-frame-classifier/1"
FEATURES = ("words", "lex", "ctx")
FRAMES = ("destruction", "reconstruction")
EVIDENCE_WORDS = 4


def builtin_classifier_path() -> Path:
    """The packaged classifier (trained on ``tests/data/framing/labels.csv``)."""
    return package_data("frames", "classifier.json")


@dataclass
class SentenceFeatures:
    """The raw features of one document's sentences.

    ``words[i]`` are the content lemmas of sentence ``i`` (lower case, alphabetic, not
    stop words, each once, in text order); ``extra`` has one row per sentence with the
    ``lex``, ``ctx`` and ``doc`` columns; ``terms[i]`` maps each main frame to the lexicon
    terms matched in sentence ``i`` (the evidence of the ``lex`` feature).
    """

    words: list[list[str]]
    extra: np.ndarray
    terms: list[dict[str, list[str]]]


EXTRA_COLUMNS = tuple(f"{kind}:{frame}" for kind in FEATURES[1:] for frame in FRAMES)


def _content_lemmas(doc, lower_cache: dict[int, str]) -> list[str | None]:
    """Each token's lower-cased lemma when it is a content word (alphabetic, not a stop
    word), else None; read with one ``doc.to_array`` call."""
    from spacy.attrs import IS_ALPHA, IS_STOP, LEMMA

    if not len(doc):
        return []
    strings = doc.vocab.strings
    result: list[str | None] = []
    for lemma, alpha, stop in doc.to_array([LEMMA, IS_ALPHA, IS_STOP]).tolist():
        if not alpha or stop:
            result.append(None)
            continue
        text = lower_cache.get(lemma)
        if text is None:
            text = lower_cache[lemma] = strings[lemma].lower()
        result.append(text)
    return result


_LOWER: dict[int, str] = {}


def document_features(
    doc,
    bounds: Sequence[tuple[int, int, int, int]],
    scores: Sequence[Mapping[str, float]],
    terms: Sequence[Mapping[str, Sequence[str]]],
) -> SentenceFeatures:
    """The features of each sentence of ``doc``.

    ``bounds`` are the sentences' ``(token start, token end, char start, char end)``;
    ``scores`` and ``terms`` the lexicon score and matched terms of each sentence per frame
    (only the two main frames are read).
    """
    lemmas = _content_lemmas(doc, _LOWER)
    n = len(bounds)
    lex = np.array([[math.log1p(s.get(f, 0.0)) for f in FRAMES] for s in scores], dtype=float)
    lex = lex.reshape(n, len(FRAMES))
    ctx = np.zeros_like(lex)
    if n > 1:
        ctx[1:] = lex[:-1]
        ctx[:-1] = np.maximum(ctx[:-1], lex[1:])
    words = []
    for token_start, token_end, _, _ in bounds:
        seen = dict.fromkeys(w for w in lemmas[token_start:token_end] if w is not None)
        words.append(list(seen))
    return SentenceFeatures(
        words=words,
        extra=np.hstack([lex, ctx]).reshape(n, len(EXTRA_COLUMNS)),
        terms=[{f: list(t.get(f, ())) for f in FRAMES} for t in terms],
    )


def design_matrix(features: Sequence[SentenceFeatures], vocabulary: Sequence[str]) -> np.ndarray:
    """The dense training matrix: one 0/1 column per vocabulary word, then the extra
    columns (:data:`EXTRA_COLUMNS`), one row per sentence of every document in order."""
    index = {w: i for i, w in enumerate(vocabulary)}
    rows = sum(len(f.words) for f in features)
    width = features[0].extra.shape[1] if features and rows else len(EXTRA_COLUMNS)
    matrix = np.zeros((rows, len(vocabulary) + width))
    row = 0
    for feature in features:
        for words, extra in zip(feature.words, feature.extra, strict=True):
            for word in words:
                if word in index:
                    matrix[row, index[word]] = 1.0
            matrix[row, len(vocabulary) :] = extra
            row += 1
    return matrix


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


@dataclass
class FrameClassifier:
    """The trained model, in the space of the raw features: per frame a weight per
    vocabulary word (added when the word is in the sentence), a weight per extra column, a
    bias and a probability threshold. Saved as JSON (:meth:`save`), identified by
    :attr:`sha256`. A word's weight is exactly how much it moves the sentence's log-odds,
    which is what the evidence shows."""

    vocabulary: list[str]
    word_weights: dict[str, np.ndarray]
    extra_weights: dict[str, np.ndarray]
    bias: dict[str, float]
    thresholds: dict[str, float]
    version: str = "1"
    info: dict = field(default_factory=dict)
    source: str = ""
    digest: str = ""  # sha256 of the file it was read from

    def __post_init__(self) -> None:
        self._index = {w: i for i, w in enumerate(self.vocabulary)}

    @property
    def frames(self) -> tuple[str, ...]:
        return tuple(self.word_weights)

    def to_json(self) -> str:
        def numbers(values) -> list[float]:
            return [round(float(v), 6) for v in values]

        payload = {
            "format": MODEL_FORMAT,
            "version": self.version,
            "features": list(FEATURES),
            "extra_columns": list(EXTRA_COLUMNS),
            "thresholds": {f: round(t, 6) for f, t in self.thresholds.items()},
            "info": self.info,
            "bias": {f: round(b, 6) for f, b in self.bias.items()},
            "extra_weights": {f: numbers(w) for f, w in self.extra_weights.items()},
            "vocabulary": list(self.vocabulary),
            "word_weights": {f: numbers(w) for f, w in self.word_weights.items()},
        }
        return json.dumps(payload, indent=0, ensure_ascii=False) + "\n"

    def save(self, path: str | os.PathLike) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.to_json(), encoding="utf-8")
        return path

    @property
    def sha256(self) -> str:
        """The sha256 of the file it was read from, else of the JSON it would be saved as."""
        return self.digest or hashlib.sha256(self.to_json().encode("utf-8")).hexdigest()

    def logits(self, features: SentenceFeatures) -> dict[str, np.ndarray]:
        """Each frame's log-odds for each sentence."""
        result = {}
        for frame in self.frames:
            words = self.word_weights[frame]
            z = features.extra @ self.extra_weights[frame] + self.bias[frame]
            for i, lemmas in enumerate(features.words):
                z[i] += sum(words[self._index[w]] for w in lemmas if w in self._index)
            result[frame] = z
        return result

    def predict(self, features: SentenceFeatures) -> dict[str, tuple[np.ndarray, list[str]]]:
        """Per frame: the probability of each sentence and its evidence (``word +0.42 |
        ...``: the words, and lexicon terms, that raised its log-odds most, best first)."""
        result = {}
        for frame, z in self.logits(features).items():
            probability = 1.0 / (1.0 + np.exp(-z))
            words, extra = self.word_weights[frame], self.extra_weights[frame]
            column = EXTRA_COLUMNS.index(f"lex:{frame}") if frame in FRAMES else None
            evidence = []
            for i, lemmas in enumerate(features.words):
                shares = {w: float(words[self._index[w]]) for w in lemmas if w in self._index}
                terms = features.terms[i].get(frame, []) if column is not None else []
                if terms:
                    value = float(features.extra[i, column] * extra[column]) / len(terms)
                    for term in terms:
                        shares[f"[{term}]"] = shares.get(f"[{term}]", 0.0) + value
                best = sorted(((v, k) for k, v in shares.items() if v > 0.005), reverse=True)
                evidence.append(" | ".join(f"{k} +{v:.2f}" for v, k in best[:EVIDENCE_WORDS]))
            result[frame] = (probability, evidence)
        return result

    def labels(self, probabilities: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
        """Whether each sentence is in each frame: its probability reaches the threshold."""
        return {f: probabilities[f] >= self.thresholds[f] for f in self.frames}


def load_classifier(path: str | os.PathLike | None = None) -> FrameClassifier:
    """Read a classifier saved by :meth:`FrameClassifier.save` (default: the packaged one).
    Raises ``ValueError`` naming the file when it is not one."""
    path = Path(path) if path else builtin_classifier_path()
    try:
        data = path.read_bytes()
        payload = json.loads(data.decode("utf-8"))
    except (OSError, ValueError) as error:
        raise ValueError(f"{path}: cannot read the frame classifier ({error})") from error
    if payload.get("format") != MODEL_FORMAT or payload.get("extra_columns") != list(EXTRA_COLUMNS):
        raise ValueError(f"{path}: not a {MODEL_FORMAT} file with features {list(FEATURES)}")
    return FrameClassifier(
        vocabulary=list(payload["vocabulary"]),
        word_weights={f: np.array(w) for f, w in payload["word_weights"].items()},
        extra_weights={f: np.array(w) for f, w in payload["extra_weights"].items()},
        bias={f: float(b) for f, b in payload["bias"].items()},
        thresholds={f: float(t) for f, t in payload["thresholds"].items()},
        version=str(payload["version"]),
        info=payload.get("info", {}),
        source=str(path),
        digest=hashlib.sha256(data).hexdigest(),
    )


PENALTIES = (0.3, 1.0, 3.0, 10.0, 30.0)
THRESHOLDS = tuple(round(x, 2) for x in np.arange(0.10, 0.91, 0.02))


def _best_threshold(gold: np.ndarray, probability: np.ndarray) -> tuple[float, float]:
    """The threshold of :data:`THRESHOLDS` with the best F1 (ties: the one nearest 0.5)."""
    scored = [(_f1(gold, probability >= t), -abs(t - 0.5), t) for t in THRESHOLDS]
    f1, _, threshold = max(scored)
    return float(threshold), float(f1)


@dataclass
class LabelledSentences:
    """Sentences for training or choosing: their features (concatenated over documents)
    and, per frame, whether a reader put each in that frame (``both`` counts for each)."""

    words: list[list[str]]
    extra: np.ndarray
    targets: dict[str, np.ndarray]

    @classmethod
    def from_features(
        cls, features: Sequence[SentenceFeatures], labels: Sequence[str]
    ) -> LabelledSentences:
        words = [w for f in features for w in f.words]
        extra = (
            np.vstack([f.extra for f in features])
            if features
            else np.zeros((0, len(EXTRA_COLUMNS)))
        )
        if len(words) != len(labels):
            raise ValueError(f"{len(words)} sentences but {len(labels)} labels")
        targets = {f: np.array([x in (f, "both") for x in labels]) for f in FRAMES}
        return cls(words=words, extra=extra, targets=targets)

    def matrix(self, vocabulary: Sequence[str]) -> np.ndarray:
        feature = SentenceFeatures(words=self.words, extra=self.extra, terms=[])
        return design_matrix([feature], vocabulary)


def build_vocabulary(words: Sequence[Sequence[str]], *, min_count: int = 2) -> list[str]:
    """The words found in at least ``min_count`` sentences, sorted."""
    counts: dict[str, int] = {}
    for sentence in words:
        for word in set(sentence):
            counts[word] = counts.get(word, 0) + 1
    return sorted(w for w, c in counts.items() if c >= min_count)


def _fit(x: np.ndarray, y: np.ndarray, scaled: np.ndarray, penalty: float):
    """Fit on features standardised where ``scaled`` (the extra columns; word indicators
    stay 0/1), and return the weights and bias in the raw feature space."""
    mean = np.where(scaled, x.mean(axis=0), 0.0)
    scale = np.where(scaled, x.std(axis=0), 1.0)
    scale = np.where(scale > 1e-9, scale, 1.0)
    w, b = fit_logistic((x - mean) / scale, y.astype(float), penalty=penalty)
    raw = w / scale
    return raw, b - float(raw @ mean)


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
    that penalty on train and dev together, keeping the threshold: the dev split has chosen
    the settings and then adds its sentences to the evidence. Deterministic."""
    vocabulary = build_vocabulary(train_set.words, min_count=min_count)
    x_train, x_dev = train_set.matrix(vocabulary), dev_set.matrix(vocabulary)
    scaled = np.arange(x_train.shape[1]) >= len(vocabulary)
    word_weights, extra_weights, bias, thresholds, report = {}, {}, {}, {}, {}
    for frame in FRAMES:
        best = None
        for penalty in penalties:
            w, b = _fit(x_train, train_set.targets[frame], scaled, penalty)
            p = 1.0 / (1.0 + np.exp(-(x_dev @ w + b)))
            threshold, f1 = _best_threshold(dev_set.targets[frame], p)
            if best is None or f1 > best[0] + 1e-9:
                best = (f1, penalty, threshold, w, b)
        f1, penalty, threshold, w, b = best
        report[frame] = {"dev_f1": round(f1, 4), "penalty": penalty, "threshold": threshold}
        thresholds[frame] = threshold
        if refit:
            vocabulary_all = vocabulary  # the vocabulary stays the training split's
            x_all = np.vstack([x_train, x_dev])
            y_all = np.concatenate([train_set.targets[frame], dev_set.targets[frame]])
            w, b = _fit(x_all, y_all, scaled, penalty)
            vocabulary = vocabulary_all
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
    labels, documents, *, nlp, lexicons=None
) -> tuple[list[SentenceFeatures], list[str], list[int]]:
    """The features of every labelled sentence, in label order: ``(features, labels,
    unmatched)``. ``labels`` has ``article_id, start, end, label`` (offsets of newslens
    sentences, whitespace trimmed); ``documents`` are those articles
    (:func:`newslens.framing.labelled_documents`). A label whose span is not a sentence of
    the parse is left out and its row position returned in ``unmatched``."""
    from newslens import framing
    from newslens.nlp import parse

    lexicons = tuple(lexicons) if lexicons is not None else framing.load_lexicons()
    matcher = framing.FrameMatcher(lexicons, nlp.vocab)
    found: dict[tuple[str, int, int], tuple[SentenceFeatures, int]] = {}
    for document, doc in parse(list(documents), nlp=nlp, progress=False):
        bounds = framing._sentence_bounds(doc)
        scores, terms = framing._lexicon_scores(doc, matcher, bounds)
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
    labels_path: str | os.PathLike,
    corpus: str | os.PathLike,
    *,
    out: str | os.PathLike | None = None,
    nlp=None,
    min_count: int = 2,
    version: str = "1",
) -> FrameClassifier:
    """Train the frame classifier from a labels CSV (``article_id, split, start, end,
    label``; ``split`` is ``train``, ``dev`` or ``test``) and the corpus holding those
    articles; save it to ``out`` (default: the packaged ``classifier.json``). Only the
    ``train`` and ``dev`` rows are read: ``test`` rows are dropped before anything else."""
    import pandas as pd

    from newslens import framing
    from newslens.nlp import load_model

    table = pd.read_csv(labels_path, dtype={"article_id": str}, keep_default_na=False)
    if "split" not in table.columns:
        raise ValueError(f"{labels_path}: needs a 'split' column (train, dev, test)")
    table = table[table["split"].isin(["train", "dev"])].reset_index(drop=True)
    labels = framing.read_frame_labels_table(table, where=str(labels_path))
    for split in ("train", "dev"):
        if not (labels["split"] == split).any():
            raise ValueError(f"{labels_path}: no '{split}' rows")
    nlp = nlp if nlp is not None else load_model()
    documents = framing.labelled_documents(labels, corpus)
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
    labels_sha = file_sha256(labels_path)
    classifier = train(
        parts["train"],
        parts["dev"],
        min_count=min_count,
        version=version,
        info={"labels": Path(labels_path).name, "labels_sha256": labels_sha},
    )
    classifier.save(out or builtin_classifier_path())
    return classifier
