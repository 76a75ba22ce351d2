"""A trained sentence classifier for the two packaged frames, beside the lexicons.

The lexicons (:mod:`newslens.framing.lexicons`) are transparent but brittle: a reader sees
reconstruction in "FEMA needs to stay until the job is done" or destruction in "Russian
strikes are intensifying", and no short list of weighted terms catches both without
flooding the rest. This module holds one logistic regression per frame, trained
(:mod:`newslens.framing.training`) on the whole-article hand labels of
``tests/data/framing/`` (``GUIDELINE.md``), that gives every sentence a probability of being
in the frame (``both`` counts for each frame). It decides only those two frames, whichever
files their lexicons are read from; a frame an extra lexicon adds stays lexicon-only
(:mod:`newslens.framing.scoring`).

Why this model
    Two thousand labelled sentences are too few to fine-tune an encoder and enough for a
    linear model. Logistic regression on the sentence's content lemmas (0/1 per word of
    the training vocabulary) plus its lexicon scores (:mod:`newslens.framing.features`)
    needs no new package (numpy only), trains in about a minute, is deterministic, weighs
    about 50 KB of JSON, costs a few milliseconds per article, and is auditable: a word's
    weight is exactly how much it moves the sentence's log-odds. On the dev split, adding
    the mean word vector (en_core_web_md) or the neighbouring sentences' words did no
    better, and a per-article lexicon density pushed every sentence of a dense article to
    ``both``: both left out.

Evidence
    :meth:`FrameClassifier.predict` returns, per frame, the sentence's probability and
    the words that raised its log-odds most: ``word +weight`` for content words, and
    ``[term] +share`` for lexicon terms (the ``lex`` feature's contribution spread over the
    sentence's matched terms).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from newslens.framing.features import EXTRA_COLUMNS, FEATURES, SentenceFeatures
from newslens.framing.lexicons import FRAMES
from newslens.resources import package_data

if TYPE_CHECKING:
    from newslens.types import PathLike

MODEL_FORMAT = "newslens-frame-classifier/1"
EVIDENCE_WORDS = 4


def builtin_classifier_path() -> Path:
    """The packaged classifier (trained on ``tests/data/framing/labels.csv``)."""
    return package_data("frames", "classifier.json")


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

    def save(self, path: PathLike) -> Path:
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


def load_classifier(path: PathLike | None = None) -> FrameClassifier:
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
