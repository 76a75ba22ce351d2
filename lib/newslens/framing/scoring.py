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

The trained classifier (:class:`~newslens.framing.classifier.FrameClassifier`) decides the
frames it was trained for, the packaged ``destruction`` and ``reconstruction``: a sentence is
in one of them when its probability (``<frame>_p``) reaches the classifier's threshold, and
``<frame>_evidence`` lists the words that raised that probability most (``word +weight``;
lexicon terms in brackets). This holds whichever files the two lexicons are read from (a
user's replacement lexicon feeds the classifier's lexicon features), as it did before frames
came from the lexicons everywhere. Any other frame (an extra lexicon) stays lexicon-only: in
the frame when its score reaches the threshold, its ``<frame>_p`` empty (NaN) and its
``<frame>_evidence`` empty. ``lexicon_frame`` is always the lexicons' own label.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from newslens.framing.labels import DEFAULT_THRESHOLD, FRAME_SEPARATOR, frame_label, label_of
from newslens.framing.lexicons import FRAMES, Lexicon, load_lexicons
from newslens.framing.matcher import FrameMatcher, matcher_for

if TYPE_CHECKING:
    from newslens.framing.classifier import FrameClassifier
    from newslens.types import Doc

TERM_SEPARATOR = " | "
TERM_COLUMNS = ["doc_id", "sentence_id", "frame", "start", "end", "text", "term", "weight"]

type Bounds = list[tuple[int, int, int, int]]


def lexicon_columns(frames: Sequence[str]) -> list[str]:
    """The lexicon's columns of the ``sentences`` table for these frames (the contract in
    ``docs/tables.md``): ``doc_id, sentence_id, start, end, text, frame, <frame>_score...,
    sentiment, <frame>_terms...``."""
    return [
        *["doc_id", "sentence_id", "start", "end", "text", "frame"],
        *[f"{frame}_score" for frame in frames],
        "sentiment",
        *[f"{frame}_terms" for frame in frames],
    ]


def model_columns(frames: Sequence[str]) -> list[str]:
    """The classifier's columns after them: ``lexicon_frame, <frame>_p...,
    <frame>_evidence...``."""
    return [
        "lexicon_frame",
        *[f"{frame}_p" for frame in frames],
        *[f"{frame}_evidence" for frame in frames],
    ]


def sentence_columns(frames: Sequence[str]) -> list[str]:
    """Every column of the ``sentences`` table for these frames, with ``frames`` last when
    there are more than two (``both`` then no longer says which)."""
    listed = ["frames"] if len(frames) > 2 else []
    return lexicon_columns(frames) + model_columns(frames) + listed


SENTENCE_COLUMNS = lexicon_columns(FRAMES)
MODEL_COLUMNS = model_columns(FRAMES)


def sentence_bounds(doc: Doc, *, text: str | None = None) -> Bounds:
    """``(token start, token end, char start, char end)`` of each sentence in
    ``list(doc.sents)``, the character span trimmed of surrounding whitespace. ``text`` is
    ``doc.text`` when the caller has it already (spaCy joins every token each time it is
    read, and each sentence's own ``.text`` joins its tokens again)."""
    bounds = []
    whole = doc.text if text is None else text
    for sentence in doc.sents:
        text = whole[sentence.start_char : sentence.end_char]
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
    starts = [sentence.start for sentence in doc.sents]
    rows: list[dict[str, Any]] = []
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
    """One row per sentence of ``doc`` (``list(doc.sents)``): the ``sentences.csv`` table,
    with the columns of :func:`sentence_columns` for the lexicons' frames.

    ``start``/``end`` are character offsets into the document text (the sentence trimmed of
    surrounding whitespace, so ``text == doc.text[start:end]``); ``<frame>_score`` is the sum
    of the matched weights and ``<frame>_terms`` the matched words' terms joined by
    ``" | "`` in text order; ``sentiment`` is VADER's compound score (left empty with
    ``sentiment=False``, which is faster). ``lexicon_frame`` is always the lexicon's label
    (:func:`~newslens.framing.frame_label`), the transparent baseline.

    ``frame`` is the label of the frames the sentence is in
    (:func:`~newslens.framing.labels.label_of`; with more than two frames, ``frames`` lists
    them). With a ``classifier`` (:class:`newslens.framing.FrameClassifier`), membership of
    the frames it was trained for comes from its probabilities (see the module docstring);
    without one, ``frame == lexicon_frame``.
    """
    matcher = matcher or _matcher(doc, lexicons)
    frames = matcher.frames
    text = doc.text  # built once: Doc.text joins every token each time it is read
    bounds = sentence_bounds(doc, text=text)
    scores, terms = lexicon_scores(doc, matcher, bounds)
    predicted: dict[str, tuple] = {}
    if classifier is not None and bounds:
        from newslens.framing.features import document_features

        found = classifier.predict(document_features(doc, bounds, scores, terms))
        predicted = {frame: found[frame] for frame in frames if frame in found}
    tones = [math.nan] * len(bounds)
    if sentiment:
        from newslens.sentiment import sentence_sentiments

        tones = sentence_sentiments(text[start:end] for _, _, start, end in bounds)
    thresholds = classifier.thresholds if classifier is not None else {}
    rows = []
    for index, (_, _, start, end) in enumerate(bounds):
        row = {"doc_id": doc_id, "sentence_id": index, "start": start, "end": end}
        row["text"] = text[start:end]
        row["sentiment"] = tones[index]
        model = {f: (p[0][index], p[1][index]) for f, p in predicted.items()}
        row.update(
            _frame_columns(
                frames, scores[index], terms[index], model, thresholds, threshold=threshold
            )
        )
        rows.append(row)
    return pd.DataFrame(rows, columns=sentence_columns(frames))


def _frame_columns(
    frames: Sequence[str],
    scores: dict[str, float],
    terms: dict[str, list[str]],
    model: dict[str, tuple[float, str]],
    thresholds: Mapping[str, float],
    *,
    threshold: float,
) -> dict[str, Any]:
    """One sentence's label, lexicon label and per-frame columns. ``model`` holds the
    classifier's probability and evidence for the frames it decides."""
    score = {f: round(s, 6) for f, s in scores.items()}
    inside = {
        f: model[f][0] >= thresholds[f] if f in model else score[f] >= threshold for f in frames
    }
    columns: dict[str, Any] = {
        "frame": label_of(inside),
        "lexicon_frame": frame_label(score, threshold=threshold),
    }
    for frame in frames:
        columns[f"{frame}_score"] = score[frame]
        columns[f"{frame}_terms"] = TERM_SEPARATOR.join(terms[frame])
        columns[f"{frame}_p"] = round(float(model[frame][0]), 6) if frame in model else math.nan
        columns[f"{frame}_evidence"] = model[frame][1] if frame in model else ""
    if len(frames) > 2:
        columns["frames"] = FRAME_SEPARATOR.join(f for f in frames if inside[f])
    return columns
