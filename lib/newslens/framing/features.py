"""The features of the frame classifier (:data:`FEATURES`), one row per sentence.

* ``words``: one 0/1 column per lemma (lower case, alphabetic, not a stop word) seen in at
  least ``min_count`` training sentences;
* ``lex``: ``log1p`` of each main frame's lexicon score of the sentence;
* ``ctx``: ``log1p`` of each frame's lexicon score of the sentences just before and after it
  (the larger of the two): a reaction to an attack told in the previous sentence is still
  about that attack (guideline R2).

The ``lex`` and ``ctx`` columns are standardised for fitting
(:mod:`newslens.framing.training`); the stored weights are in the raw feature space.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from newslens.framing.lexicons import FRAMES

if TYPE_CHECKING:
    from newslens.types import Doc

FEATURES = ("words", "lex", "ctx")


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


def _content_lemmas(doc: Doc, lower_cache: dict[int, str]) -> list[str | None]:
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
    doc: Doc,
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
