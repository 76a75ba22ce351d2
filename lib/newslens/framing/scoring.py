"""Sentence scores and labels: the ``sentences`` and ``frame_terms`` tables of a document.

For a sentence *s* and a frame *f*, ``score_f(s) = sum of the weights of the matches of f's
terms in s`` (every occurrence counts; overlaps are resolved by
:class:`~newslens.framing.matcher.FrameMatcher`). Strong terms (``kill``, ``rebuild``) weigh
1.0; contextual ones that also appear in passing (``war``, ``attack``, ``support``) weigh
0.25 or 0.5. A sentence is *in* frame *f* when ``score_f(s) >= threshold`` (default 1.0):
one strong term, two medium ones, or four weak ones. So "talks to end the war, after the
attacks" (0.25 + 0.25) is ``neither``, while "the strike killed two people" is
``destruction``. Sentiment is VADER's compound score of the sentence text
(:mod:`newslens.sentiment`), once per sentence, in [-1, 1].
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from newslens.framing.labels import DEFAULT_THRESHOLD, frame_label, label_of
from newslens.framing.lexicons import FRAMES, Lexicon, load_lexicons
from newslens.framing.matcher import FrameMatcher, matcher_for

if TYPE_CHECKING:
    from newslens.framing.classifier import FrameClassifier
    from newslens.types import Doc

TERM_SEPARATOR = " | "
SENTENCE_COLUMNS = [
    "doc_id",
    "sentence_id",
    "start",
    "end",
    "text",
    "frame",
    "destruction_score",
    "reconstruction_score",
    "sentiment",
    "destruction_terms",
    "reconstruction_terms",
]
MODEL_COLUMNS = [
    "lexicon_frame",
    "destruction_p",
    "reconstruction_p",
    "destruction_evidence",
    "reconstruction_evidence",
]
TERM_COLUMNS = ["doc_id", "sentence_id", "frame", "start", "end", "text", "term", "weight"]

type Bounds = list[tuple[int, int, int, int]]


def sentence_bounds(doc: Doc) -> Bounds:
    """``(token start, token end, char start, char end)`` of each sentence in
    ``list(doc.sents)``, the character span trimmed of surrounding whitespace."""
    bounds = []
    for sentence in doc.sents:
        text = sentence.text
        start = sentence.start_char + (len(text) - len(text.lstrip()))
        end = sentence.end_char - (len(text) - len(text.rstrip()))
        bounds.append((sentence.start, sentence.end, start, max(start, end)))
    return bounds


def _matcher(doc: Doc, lexicons: Sequence[Lexicon] | None) -> FrameMatcher:
    lexicons = tuple(lexicons) if lexicons is not None else load_lexicons()
    return matcher_for(lexicons, doc.vocab)


def frame_terms(
    doc: Doc,
    *,
    doc_id: str,
    lexicons: Sequence[Lexicon] | None = None,
    matcher: FrameMatcher | None = None,
) -> pd.DataFrame:
    """Every lexicon match in ``doc``: ``doc_id, sentence_id, frame, start, end, text, term,
    weight`` (character offsets into the document text), in text order then frame order.

    These are the words that make up each sentence's score: the evidence behind a label.
    """
    matcher = matcher or _matcher(doc, lexicons)
    starts = [b[0] for b in sentence_bounds(doc)]
    rows = []
    for frame, matches in matcher(doc).items():
        for match in matches:
            span = doc[match.start : match.end]
            rows.append(
                {
                    "doc_id": doc_id,
                    "sentence_id": bisect.bisect_right(starts, match.start) - 1,
                    "frame": frame,
                    "start": span.start_char,
                    "end": span.end_char,
                    "text": span.text,
                    "term": match.term.term,
                    "weight": match.term.weight,
                }
            )
    order = {frame: i for i, frame in enumerate(matcher.frames)}
    rows.sort(key=lambda r: (r["start"], order[r["frame"]], r["end"]))
    return pd.DataFrame(rows, columns=TERM_COLUMNS)


def lexicon_scores(
    doc: Doc, matcher: FrameMatcher, bounds: Bounds
) -> tuple[list[dict[str, float]], list[dict[str, list[str]]]]:
    """Each sentence's score (sum of matched weights) and matched terms, per frame."""
    frames = matcher.frames
    starts = [b[0] for b in bounds]
    scores = [dict.fromkeys(frames, 0.0) for _ in bounds]
    terms: list[dict[str, list[str]]] = [{f: [] for f in frames} for _ in bounds]
    for frame, matches in matcher(doc).items():
        for match in matches:
            index = bisect.bisect_right(starts, match.start) - 1
            scores[index][frame] += match.term.weight
            terms[index][frame].append(match.term.term)
    return scores, terms


def score_sentences(
    doc: Doc,
    *,
    doc_id: str,
    lexicons: Sequence[Lexicon] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    sentiment: bool = True,
    matcher: FrameMatcher | None = None,
    classifier: FrameClassifier | None = None,
) -> pd.DataFrame:
    """One row per sentence of ``doc`` (``list(doc.sents)``): the ``sentences.csv`` table.

    ``start``/``end`` are character offsets into the document text (the sentence trimmed of
    surrounding whitespace, so ``text == doc.text[start:end]``); ``<frame>_score`` is the sum
    of the matched weights and ``<frame>_terms`` the matched words' terms joined by
    ``" | "`` in text order; ``sentiment`` is VADER's compound score (left empty with
    ``sentiment=False``, which is faster).

    With a ``classifier`` (:class:`newslens.framing.FrameClassifier`), ``frame`` comes
    from its probabilities (``destruction_p``, ``reconstruction_p``) and thresholds, and
    ``destruction_evidence``/``reconstruction_evidence`` list the words that raised each
    probability most (``word +weight``; lexicon terms in brackets). Without one, ``frame``
    is :func:`frame_label` of the lexicon scores and the probabilities are empty.
    ``lexicon_frame`` is always the lexicon's label, the transparent baseline.
    """
    matcher = matcher or _matcher(doc, lexicons)
    frames = matcher.frames
    bounds = sentence_bounds(doc)
    scores, terms = lexicon_scores(doc, matcher, bounds)
    predicted: dict[str, tuple] = {}
    if classifier is not None and bounds:
        from newslens.framing.features import document_features

        predicted = classifier.predict(document_features(doc, bounds, scores, terms))
    text = doc.text  # built once: Doc.text joins every token each time it is read
    tones = [math.nan] * len(bounds)
    if sentiment:
        from newslens.sentiment import sentence_sentiments

        tones = sentence_sentiments(text[start:end] for _, _, start, end in bounds)
    extra = [f for f in frames if f not in FRAMES]
    rows = []
    for index, (_, _, start, end) in enumerate(bounds):
        row = {"doc_id": doc_id, "sentence_id": index, "start": start, "end": end}
        row["text"] = text[start:end]
        score = {f: round(s, 6) for f, s in scores[index].items()}
        evidence = {f: (p[0][index], p[1][index]) for f, p in predicted.items()}
        thresholds = classifier.thresholds if predicted and classifier is not None else {}
        row.update(_frame_columns(score, terms[index], evidence, thresholds, threshold))
        row["sentiment"] = tones[index]
        row.update(_extra_frame_columns(extra, frames, score, terms[index], row, threshold))
        rows.append(row)
    columns = SENTENCE_COLUMNS + MODEL_COLUMNS
    columns += [c for f in extra for c in (f"{f}_score", f"{f}_terms")]
    columns += ["frames"] if extra else []
    return pd.DataFrame(rows, columns=columns)


def _frame_columns(
    score: dict[str, float],
    terms: dict[str, list[str]],
    predicted: dict[str, tuple[float, str]],
    thresholds: dict[str, float],
    threshold: float,
) -> dict[str, Any]:
    """One sentence's label, scores, terms and classifier columns for the two frames."""
    lexicon_frame = frame_label(score, threshold=threshold)
    probability = {f: float(predicted[f][0]) if f in predicted else math.nan for f in FRAMES}
    if predicted:
        label = label_of(*(probability[f] >= thresholds[f] for f in FRAMES))
    else:
        label = lexicon_frame
    return {
        "frame": label,
        "destruction_score": score.get("destruction", 0.0),
        "reconstruction_score": score.get("reconstruction", 0.0),
        "destruction_terms": TERM_SEPARATOR.join(terms.get("destruction", [])),
        "reconstruction_terms": TERM_SEPARATOR.join(terms.get("reconstruction", [])),
        "lexicon_frame": lexicon_frame,
        "destruction_p": round(probability["destruction"], 6),
        "reconstruction_p": round(probability["reconstruction"], 6),
        "destruction_evidence": predicted["destruction"][1] if predicted else "",
        "reconstruction_evidence": predicted["reconstruction"][1] if predicted else "",
    }


def _extra_frame_columns(
    extra: list[str],
    frames: tuple[str, ...],
    score: dict[str, float],
    terms: dict[str, list[str]],
    row: dict[str, Any],
    threshold: float,
) -> dict[str, Any]:
    """The columns of the frames beyond the two: score, terms, and ``frames``, every frame
    the sentence is in."""
    columns: dict[str, Any] = {}
    for frame in extra:
        columns[f"{frame}_score"] = score[frame]
        columns[f"{frame}_terms"] = TERM_SEPARATOR.join(terms[frame])
    if extra:
        inside = {f: row["frame"] in (f, "both") for f in FRAMES}
        columns["frames"] = TERM_SEPARATOR.join(
            f for f in frames if inside.get(f, score[f] >= threshold)
        )
    return columns
