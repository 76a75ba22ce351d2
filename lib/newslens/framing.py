"""Destruction vs reconstruction: which frame each sentence of an article sits in, with what
tone, and which actors are placed in which frame.

War coverage runs two narratives at once: *destruction* (strikes, casualties, damage) and
*reconstruction* (rebuilding, aid, pledges, recovery). This module puts every sentence of a
parsed article in one of ``destruction | reconstruction | both | neither`` and keeps the exact
words that put it there, so every number in a report can be looked up in the text.

Frames and lexicons
    A frame is a lexicon: a plain text file, one term per line (``lib/newslens/data/frames/``
    holds ``destruction.txt`` and ``reconstruction.txt``; their header documents the format).
    A term is one or more lemmas (``kill``, ``air strike``), each optionally restricted to a
    part of speech (``strike/NOUN``), with an optional weight (default 1.0). Terms are
    compiled into one spaCy :class:`~spacy.matcher.Matcher` on token lemmas (and POS), so
    ``kill`` matches "killed" and "killing" but never "skill": there is no substring search.
    Users pass their own files for the two frames, or add frames with more files (the file
    name is the frame's name). A term may hold an entity slot such as ``[MONEY]`` (one or more
    tokens the pipeline tagged with that entity type: ``pledge [MONEY]`` matches "pledged
    $2 billion"), and a term of weight 0 is an exception: it wins the overlap against the
    shorter terms inside it and then counts nothing (``military aid 0`` keeps ``aid`` from
    counting in "military aid").

Score formula
    For a sentence *s* and a frame *f*, ``score_f(s) = sum of the weights of the matches of
    f's terms in s``. Every occurrence counts; where terms of one frame overlap, the longest
    match wins (then the heavier, then the earlier), so "air strikes" counts once, as
    ``air strike``, not again as ``strike/NOUN``. Strong terms (``kill``, ``rebuild``) weigh
    1.0; contextual ones that also appear in passing (``war``, ``attack``, ``support``) weigh
    0.25 or 0.5. A sentence is *in* frame *f* when ``score_f(s) >= threshold`` (default 1.0):
    one strong term, two medium ones, or four weak ones. Its ``frame`` label is ``both`` when
    it is in both frames, the one frame it is in, or ``neither``. So "talks to end the war,
    after the attacks" (0.25 + 0.25) is ``neither``, while "the strike killed two people" is
    ``destruction``.

Sentiment
    VADER's compound score of the sentence text (NLTK's ``SentimentIntensityAnalyzer``,
    provisioned offline by :func:`newslens.resources.vader_analyzer`, run through
    :mod:`newslens.sentiment`: the same scores, faster), once per sentence, in [-1, 1].

Trained classifier
    Beside the lexicon scores, :func:`score_sentences` takes a
    :class:`newslens.frame_model.FrameClassifier` (the ``sentences`` step uses the packaged
    one): ``destruction_p``/``reconstruction_p`` are its probabilities, ``frame`` comes from
    them and the thresholds chosen on the dev labels, ``*_evidence`` lists the words that
    weighed most, and ``lexicon_frame`` keeps the lexicon's own label. Extra frames from
    user lexicons stay lexicon-only.

Balance index
    For a document or a corpus, with ``D`` the number of sentences in the destruction frame
    (labelled ``destruction`` or ``both``) and ``R`` those in the reconstruction frame
    (``reconstruction`` or ``both``): ``balance = (R - D) / (R + D)``, in [-1, 1]. -1 means
    every framed sentence is destruction only, +1 reconstruction only, 0 an even split; it
    is empty (NaN) when no sentence is framed at all.

Tables (``sentences.csv`` follows ``DESIGN.md``)
    * :func:`score_sentences` -> ``doc_id, sentence_id, start, end, text, frame,
      destruction_score, reconstruction_score, sentiment, destruction_terms,
      reconstruction_terms`` (+ ``<frame>_score, <frame>_terms`` per extra frame and
      ``frames``, every frame the sentence is in, when extra frames are given);
    * :func:`frame_terms` -> one row per matched term with its character offsets;
    * :func:`document_frames`, :func:`corpus_frames`, :func:`corpus_balance`,
      :func:`frame_sequence`: shares, balance, sentiment per frame, the order of frames
      through each article;
    * :func:`actors_by_frame`: entity mentions (``newslens.entities``) joined with sentences;
    * :func:`typical_sentences`: the evidence for each frame;
    * :func:`propose_terms`: candidate lexicon terms from a corpus, for a person to review;
    * :func:`align_labels`, :func:`frame_agreement`: validation against hand labels.
"""

from __future__ import annotations

import bisect
import functools
import math
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from newslens.resources import package_data, read_data_lines

__all__ = [
    "FRAMES",
    "LABELS",
    "DEFAULT_THRESHOLD",
    "TERM_SEPARATOR",
    "LexiconTerm",
    "Lexicon",
    "LexiconError",
    "builtin_lexicon_path",
    "read_lexicon",
    "load_lexicons",
    "FrameMatcher",
    "frame_label",
    "frame_terms",
    "score_sentences",
    "MODEL_COLUMNS",
    "balance_index",
    "document_frames",
    "corpus_frames",
    "corpus_balance",
    "frame_sequence",
    "actors_by_frame",
    "frame_names",
    "typical_sentences",
    "evidence_rows",
    "propose_terms",
    "read_frame_labels",
    "read_frame_labels_table",
    "labelled_documents",
    "align_labels",
    "frame_agreement",
    "cohen_kappa",
]

FRAMES = ("destruction", "reconstruction")
LABELS = ("destruction", "reconstruction", "both", "neither")
DEFAULT_THRESHOLD = 1.0
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
_FRAME_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_ENTITY_TOKEN = re.compile(r"^\[([A-Z_]+)\]$")
ENTITY_MARK = "[ENT]"  # the lemma slot of an entity token such as [MONEY]


class LexiconError(ValueError):
    """A lexicon file that cannot be read; the message names the file, the line and why."""


# --- lexicons ---------------------------------------------------------------------------


@dataclass(frozen=True)
class LexiconTerm:
    """One lexicon entry: a sequence of ``(lemma, pos or None)`` tokens and a weight.

    ``term`` is the entry as it is reported in tables (``strike/NOUN``, ``air strike``).
    """

    term: str
    tokens: tuple[tuple[str, str | None], ...]
    weight: float = 1.0


@dataclass(frozen=True)
class Lexicon:
    """A frame's name, its terms, and the file they came from."""

    frame: str
    terms: tuple[LexiconTerm, ...]
    source: str = ""

    def __len__(self) -> int:
        return len(self.terms)


def builtin_lexicon_path(frame: str) -> Path:
    """The packaged lexicon file of a built-in frame (``destruction`` or ``reconstruction``)."""
    path = package_data("frames", f"{frame}.txt")
    if not path.is_file():
        raise LexiconError(f"no built-in lexicon for frame '{frame}' (have: {', '.join(FRAMES)})")
    return path


def _split_words(text: str) -> list[str]:
    """Split a lexicon word the way spaCy's English tokenizer splits it (hyphens, slashes).

    Uses a blank English tokenizer (no model needed), created once.
    """
    return [t.text for t in _blank_tokenizer()(text)]


@functools.cache
def _blank_tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


def _parse_term(line: str, *, where: str) -> LexiconTerm:
    words = line.split()
    weight = 1.0
    try:
        weight = float(words[-1])
        words = words[:-1]
    except ValueError:
        pass
    if not words:
        raise LexiconError(f"{where}: a weight without a term")
    if not (weight >= 0 and math.isfinite(weight)):
        raise LexiconError(f"{where}: the weight must be a number >= 0, not {weight}")
    tokens: list[tuple[str, str | None]] = []
    for word in words:
        entity = _ENTITY_TOKEN.match(word)
        if entity:
            tokens.append((ENTITY_MARK, entity.group(1)))
            continue
        lemma, slash, pos = word.rpartition("/") if "/" in word[1:] else ("", "", "")
        if not slash or not pos.isalpha() or pos != pos.upper():
            lemma, pos = word, ""
        pieces = _split_words(lemma)
        for index, piece in enumerate(pieces):
            last = index == len(pieces) - 1
            tokens.append((piece, pos if (pos and last) else None))
    if all(lemma == ENTITY_MARK for lemma, _ in tokens):
        raise LexiconError(f"{where}: a term needs at least one lemma besides [ENTITY] slots")
    return LexiconTerm(term=" ".join(words), tokens=tuple(tokens), weight=weight)


def read_lexicon(path: str | os.PathLike, *, frame: str | None = None) -> Lexicon:
    """Read a lexicon file (format in the header of ``data/frames/destruction.txt``).

    ``frame`` names the frame; by default the file name without ``.txt``. A term listed twice
    keeps its last weight, so a user file can override a weight by repeating the term.
    """
    path = Path(path)
    name = frame or path.name.removesuffix(".txt")
    if not _FRAME_NAME.match(name):
        raise LexiconError(
            f"{path}: frame name '{name}' must be lower case letters, digits and underscores"
        )
    try:
        lines = read_data_lines(path)
    except (OSError, UnicodeDecodeError) as error:
        raise LexiconError(f"{path}: cannot read the lexicon ({error})") from error
    terms: dict[str, LexiconTerm] = {}
    for number, line in lines:
        term = _parse_term(line, where=f"{path}:{number}")
        terms.pop(term.term, None)
        terms[term.term] = term
    if not terms:
        raise LexiconError(f"{path}: the lexicon has no terms")
    return Lexicon(frame=name, terms=tuple(terms.values()), source=str(path))


def load_lexicons(
    *,
    destruction: str | os.PathLike = "",
    reconstruction: str | os.PathLike = "",
    extra: Sequence[str | os.PathLike] = (),
) -> tuple[Lexicon, ...]:
    """The lexicons of a run: the two frames (``""`` = the built-in file, else the user's
    file) followed by any extra frames, one file each, named after the file."""
    lexicons = [
        read_lexicon(destruction or builtin_lexicon_path("destruction"), frame="destruction"),
        read_lexicon(
            reconstruction or builtin_lexicon_path("reconstruction"), frame="reconstruction"
        ),
    ]
    for path in extra:
        lexicon = read_lexicon(path)
        if lexicon.frame in {x.frame for x in lexicons} or lexicon.frame in ("both", "neither"):
            raise LexiconError(f"{path}: frame '{lexicon.frame}' is already defined")
        lexicons.append(lexicon)
    return tuple(lexicons)


# --- matching ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Match:
    frame: str
    start: int  # token offsets
    end: int
    term: LexiconTerm


class FrameMatcher:
    """The lexicons compiled into a lookup table on lower-cased token lemmas for a vocabulary.

    Calling it on a ``Doc`` returns the matches per frame: for each frame, non-overlapping
    matches (longest, then heaviest, then earliest first), in text order.

    Why not spaCy's ``Matcher``: with one pattern per term and a ``LEMMA IN`` list of case
    variants per token, the ``Matcher`` tried every pattern at every token (about 80 ms per
    article, as long as the rest of the framing step together). Here each term is filed
    under its first lemma (or its first entity slot), so a token costs one dictionary
    lookup, and only the few terms filed under its lemma are checked further, on arrays
    read once from the ``Doc`` (``doc.to_array``). Semantics are the ``Matcher``'s:
    lemmas compare case-insensitively, ``/POS`` must equal the token's coarse tag, and an
    entity slot takes the whole run of tokens of that entity type.
    """

    def __init__(self, lexicons: Sequence[Lexicon], vocab):
        from spacy.symbols import IDS

        self.lexicons = tuple(lexicons)
        self.vocab = vocab
        self._by_lemma: dict[str, list[tuple[str, LexiconTerm, tuple]]] = defaultdict(list)
        self._by_entity: dict[int, list[tuple[str, LexiconTerm, tuple]]] = defaultdict(list)
        for lexicon in self.lexicons:
            for term in lexicon.terms:
                steps = []
                for lemma, pos in term.tokens:
                    if lemma == ENTITY_MARK:
                        steps.append((None, vocab.strings.add(pos)))
                    else:
                        steps.append((lemma.lower(), IDS.get(pos, -1) if pos else None))
                entry = (lexicon.frame, term, tuple(steps))
                if steps[0][0] is None:
                    self._by_entity[steps[0][1]].append(entry)
                else:
                    self._by_lemma[steps[0][0]].append(entry)
        self._lower: dict[int, str] = {}
        # The sentence and term steps both ask for the same Doc's matches in a row.
        self._last: tuple[object, dict[str, list[_Match]]] | None = None

    @property
    def frames(self) -> tuple[str, ...]:
        return tuple(lexicon.frame for lexicon in self.lexicons)

    def _lemmas(self, doc) -> list[str]:
        from spacy.attrs import LEMMA

        strings, lower = doc.vocab.strings, self._lower
        result = []
        for key in doc.to_array(LEMMA).tolist():
            text = lower.get(key)
            if text is None:
                text = lower[key] = strings[key].lower()
            result.append(text)
        return result

    @staticmethod
    def _end(steps: tuple, start: int, lemmas, pos, ents) -> int:
        """The token after a term whose steps match from ``start``, or -1."""
        n, j = len(lemmas), start
        for lemma, tag in steps:
            if j >= n:
                return -1
            if lemma is None:  # an entity slot: the whole run of that entity type
                if ents[j] != tag:
                    return -1
                while j < n and ents[j] == tag:
                    j += 1
            elif lemmas[j] == lemma and (tag is None or pos[j] == tag):
                j += 1
            else:
                return -1
        return j

    def _candidates(self, doc) -> list[_Match]:
        from spacy.attrs import ENT_TYPE, POS

        lemmas = self._lemmas(doc)
        arrays = doc.to_array([POS, ENT_TYPE])
        pos, ents = arrays[:, 0].tolist(), arrays[:, 1].tolist()
        found = []
        for i, lemma in enumerate(lemmas):
            entries = self._by_lemma.get(lemma, ())
            if self._by_entity and ents[i] and (i == 0 or ents[i - 1] != ents[i]):
                entries = [*entries, *self._by_entity.get(ents[i], ())]
            for frame, term, steps in entries:
                end = self._end(steps, i, lemmas, pos, ents)
                if end > i:
                    found.append(_Match(frame, i, end, term))
        return found

    def __call__(self, doc) -> dict[str, list[_Match]]:
        if self._last is not None and self._last[0] is doc:
            return self._last[1]
        found: dict[str, list[_Match]] = {frame: [] for frame in self.frames}
        for match in self._candidates(doc):
            found[match.frame].append(match)
        result = {}
        for frame, matches in found.items():
            ordered = sorted(
                matches, key=lambda m: (-(m.end - m.start), -m.term.weight, m.start, m.term.term)
            )
            taken: set[int] = set()
            kept = []
            for match in ordered:
                span = range(match.start, match.end)
                if taken.isdisjoint(span):
                    kept.append(match)
                    taken.update(span)
            # Zero-weight terms are exceptions ("military aid"): they win the overlap so the
            # shorter term inside them ("aid") does not count, then are dropped themselves.
            kept = [m for m in kept if m.term.weight > 0]
            result[frame] = sorted(kept, key=lambda m: (m.start, m.end))
        self._last = (doc, result)
        return result


def _matcher_for(lexicons: Sequence[Lexicon], vocab) -> FrameMatcher:
    return _cached_matcher(tuple(lexicons), vocab)


@functools.lru_cache(maxsize=8)
def _cached_matcher(lexicons: tuple[Lexicon, ...], vocab) -> FrameMatcher:
    return FrameMatcher(lexicons, vocab)


def _sentence_bounds(doc) -> list[tuple[int, int, int, int]]:
    """``(token start, token end, char start, char end)`` of each sentence in
    ``list(doc.sents)``, the character span trimmed of surrounding whitespace."""
    bounds = []
    for sentence in doc.sents:
        text = sentence.text
        start = sentence.start_char + (len(text) - len(text.lstrip()))
        end = sentence.end_char - (len(text) - len(text.rstrip()))
        bounds.append((sentence.start, sentence.end, start, max(start, end)))
    return bounds


def frame_label(scores: Mapping[str, float], *, threshold: float = DEFAULT_THRESHOLD) -> str:
    """``both``, ``destruction``, ``reconstruction`` or ``neither`` from the two frames' scores
    (a frame counts when its score reaches ``threshold``)."""
    destruction = scores.get("destruction", 0.0) >= threshold
    reconstruction = scores.get("reconstruction", 0.0) >= threshold
    if destruction and reconstruction:
        return "both"
    if destruction:
        return "destruction"
    if reconstruction:
        return "reconstruction"
    return "neither"


def frame_terms(
    doc,
    *,
    doc_id: str,
    lexicons: Sequence[Lexicon] | None = None,
    matcher: FrameMatcher | None = None,
) -> pd.DataFrame:
    """Every lexicon match in ``doc``: ``doc_id, sentence_id, frame, start, end, text, term,
    weight`` (character offsets into the document text), in text order then frame order.

    These are the words that make up each sentence's score: the evidence behind a label.
    """
    lexicons = tuple(lexicons) if lexicons is not None else load_lexicons()
    matcher = matcher or _matcher_for(lexicons, doc.vocab)
    bounds = _sentence_bounds(doc)
    starts = [b[0] for b in bounds]
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


def _lexicon_scores(doc, matcher: FrameMatcher, bounds) -> tuple[list[dict], list[dict]]:
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


def _label(destruction: bool, reconstruction: bool) -> str:
    if destruction and reconstruction:
        return "both"
    return "destruction" if destruction else "reconstruction" if reconstruction else "neither"


def score_sentences(
    doc,
    *,
    doc_id: str,
    lexicons: Sequence[Lexicon] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    sentiment: bool = True,
    matcher: FrameMatcher | None = None,
    classifier=None,
) -> pd.DataFrame:
    """One row per sentence of ``doc`` (``list(doc.sents)``): the ``sentences.csv`` table.

    ``start``/``end`` are character offsets into the document text (the sentence trimmed of
    surrounding whitespace, so ``text == doc.text[start:end]``); ``<frame>_score`` is the sum
    of the matched weights and ``<frame>_terms`` the matched words' terms joined by
    ``" | "`` in text order; ``sentiment`` is VADER's compound score (left empty with
    ``sentiment=False``, which is faster).

    With a ``classifier`` (:class:`newslens.frame_model.FrameClassifier`), ``frame`` comes
    from its probabilities (``destruction_p``, ``reconstruction_p``) and thresholds, and
    ``destruction_evidence``/``reconstruction_evidence`` list the words that raised each
    probability most (``word +weight``; lexicon terms in brackets). Without one, ``frame``
    is :func:`frame_label` of the lexicon scores and the probabilities are empty.
    ``lexicon_frame`` is always the lexicon's label, the transparent baseline.
    """
    if matcher is None:
        lexicons = tuple(lexicons) if lexicons is not None else load_lexicons()
        matcher = _matcher_for(lexicons, doc.vocab)
    frames = matcher.frames
    bounds = _sentence_bounds(doc)
    scores, terms = _lexicon_scores(doc, matcher, bounds)
    predicted: dict[str, tuple] = {}
    if classifier is not None and bounds:
        from newslens.frame_model import document_features

        features = document_features(doc, bounds, scores, terms)
        predicted = classifier.predict(features)
    extra = [f for f in frames if f not in FRAMES]
    text = doc.text  # built once: Doc.text joins every token each time it is read
    tones = [math.nan] * len(bounds)
    if sentiment:
        from newslens.sentiment import sentence_sentiments

        tones = sentence_sentiments(text[start:end] for _, _, start, end in bounds)
    rows = []
    for index, (_, _, start, end) in enumerate(bounds):
        sentence = text[start:end]
        score = {f: round(s, 6) for f, s in scores[index].items()}
        lexicon_frame = frame_label(score, threshold=threshold)
        probability = {
            f: float(predicted[f][0][index]) if f in predicted else math.nan for f in FRAMES
        }
        if predicted:
            label = _label(
                *(probability[f] >= classifier.thresholds[f] for f in FRAMES),
            )
        else:
            label = lexicon_frame
        row = {
            "doc_id": doc_id,
            "sentence_id": index,
            "start": start,
            "end": end,
            "text": sentence,
            "frame": label,
            "destruction_score": score.get("destruction", 0.0),
            "reconstruction_score": score.get("reconstruction", 0.0),
            "sentiment": tones[index],
            "destruction_terms": TERM_SEPARATOR.join(terms[index].get("destruction", [])),
            "reconstruction_terms": TERM_SEPARATOR.join(terms[index].get("reconstruction", [])),
            "lexicon_frame": lexicon_frame,
            "destruction_p": round(probability["destruction"], 6),
            "reconstruction_p": round(probability["reconstruction"], 6),
            "destruction_evidence": predicted["destruction"][1][index] if predicted else "",
            "reconstruction_evidence": (predicted["reconstruction"][1][index] if predicted else ""),
        }
        for frame in extra:
            row[f"{frame}_score"] = score[frame]
            row[f"{frame}_terms"] = TERM_SEPARATOR.join(terms[index][frame])
        if extra:
            inside = {f: label in (f, "both") for f in FRAMES}
            row["frames"] = TERM_SEPARATOR.join(
                f for f in frames if inside.get(f, score[f] >= threshold)
            )
        rows.append(row)
    columns = SENTENCE_COLUMNS + MODEL_COLUMNS
    columns += [c for f in extra for c in (f"{f}_score", f"{f}_terms")]
    columns += ["frames"] if extra else []
    return pd.DataFrame(rows, columns=columns)


# --- aggregates -------------------------------------------------------------------------


def balance_index(destruction: float, reconstruction: float) -> float:
    """``(R - D) / (R + D)`` in [-1, 1]: -1 all destruction, +1 all reconstruction, NaN when
    both counts are zero."""
    total = destruction + reconstruction
    return (reconstruction - destruction) / total if total else math.nan


def balance_indices(destruction: pd.Series, reconstruction: pd.Series) -> pd.Series:
    """:func:`balance_index` of whole columns at once."""
    total = destruction + reconstruction
    return ((reconstruction - destruction) / total.where(total > 0)).astype("float64")


def _in_frame(labels: pd.Series, frame: str) -> pd.Series:
    return labels.isin([frame, "both"])


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
    d = int(_in_frame(sentences["frame"], "destruction").sum()) if len(sentences) else 0
    r = int(_in_frame(sentences["frame"], "reconstruction").sum()) if len(sentences) else 0
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


def frame_names(sentences: pd.DataFrame) -> list[str]:
    """The frames of a ``sentences`` table, in column order (``destruction``,
    ``reconstruction``, then any extra frame a user lexicon added)."""
    return [c.removesuffix("_score") for c in sentences.columns if c.endswith("_score")]


def typical_sentences(
    sentences: pd.DataFrame, *, frame: str, top_n: int = 5, threshold: float = DEFAULT_THRESHOLD
) -> pd.DataFrame:
    """The most typical sentences of ``frame`` (``destruction``, ``reconstruction`` or an extra
    frame): sentences labelled with it (or ``both``, for the two main frames), ranked by how
    far their score for this frame exceeds their score for the other frames (``margin``),
    then by score, then by document and position. Adds ``margin`` and ``rank`` columns."""
    score_column = f"{frame}_score"
    others = [c for c in sentences.columns if c.endswith("_score") and c != score_column] or [
        score_column
    ]
    if frame in FRAMES:
        part = sentences[_in_frame(sentences["frame"], frame)].copy()
    else:
        part = sentences[sentences[score_column] >= threshold].copy()
    part["margin"] = part[score_column] - part[others].max(axis=1)
    part = part.sort_values(
        ["margin", score_column, "doc_id", "sentence_id"], ascending=[False, False, True, True]
    ).head(top_n)
    part["rank"] = range(1, len(part) + 1)
    return part.reset_index(drop=True)


def evidence_rows(
    evidence: pd.DataFrame, terms: pd.DataFrame, *, columns: Sequence[str] = ()
) -> list[tuple[dict[str, object], str, list]]:
    """For each evidence sentence, ``(cells, sentence text, highlights)`` ready for
    :func:`newslens.display.highlight_table`: ``cells`` holds ``columns`` of the row,
    highlights mark every matched term (offsets relative to the sentence), coloured by frame
    and titled with the term and its weight."""
    from newslens.display import Highlight

    by_sentence: dict[tuple, list] = defaultdict(list)
    wanted = evidence[["doc_id", "sentence_id"]].drop_duplicates()
    for row in terms.merge(wanted, on=["doc_id", "sentence_id"]).itertuples(index=False):
        by_sentence[(row.doc_id, row.sentence_id)].append(row)
    result = []
    for row in evidence.to_dict("records"):
        highlights = [
            Highlight(
                start=term.start - row["start"],
                end=term.end - row["start"],
                css_class=f"nl-{term.frame}" if term.frame in FRAMES else "nl-term",
                title=f"{term.frame}: {term.term} ({term.weight:g})",
            )
            for term in by_sentence[(row["doc_id"], row["sentence_id"])]
        ]
        cells = {column: row[column] for column in columns}
        result.append((cells, row["text"], highlights))
    return result


# --- lexicon helper ---------------------------------------------------------------------


def propose_terms(
    docs: Iterable,
    seed_terms: Sequence[str],
    *,
    nlp=None,
    top_n: int = 30,
    min_count: int = 2,
    exclude: Iterable[str] = (),
    pos: Sequence[str] = ("NOUN", "VERB", "ADJ"),
) -> pd.DataFrame:
    """Candidate lexicon terms from a corpus, for a person to review: never edits a lexicon.

    ``docs`` are spaCy Docs or ``(Document, Doc)`` pairs (what :func:`newslens.nlp.parse`
    yields). Lemmas of content words (``pos``) seen at least ``min_count`` times are ranked
    by the cosine similarity of their word vector to the centroid of the seed terms' vectors,
    weighted by frequency: ``score = similarity * (1 + log10(count))``, so a close but rare
    word and a frequent but loose one both trail a close and frequent one. Seed terms and
    ``exclude`` (e.g. the terms already in a lexicon) are left out. Columns: ``term``
    (``lemma/POS``, ready to paste into a lexicon file), ``lemma, pos, count, documents,
    similarity, score``, best first.
    """
    import numpy as np

    vocab = nlp.vocab if nlp is not None else None
    counts: Counter = Counter()
    documents: Counter = Counter()
    for item in docs:
        doc = item[1] if isinstance(item, tuple) else item
        vocab = vocab or doc.vocab
        seen = set()
        for token in doc:
            if token.pos_ in pos and token.is_alpha and not token.is_stop:
                key = (token.lemma_.lower(), token.pos_)
                counts[key] += 1
                seen.add(key)
        documents.update(seen)
    columns = ["term", "lemma", "pos", "count", "documents", "similarity", "score"]
    if vocab is None or not counts:
        return pd.DataFrame(columns=columns)
    seed_lemmas = [s.split("/")[0].lower() for s in seed_terms]
    vectors = [vocab.get_vector(w) for w in seed_lemmas if vocab.has_vector(w)]
    if not vectors:
        raise ValueError(f"none of the seed terms {list(seed_terms)} has a word vector")
    centroid = np.mean(vectors, axis=0)
    centroid = centroid / (np.linalg.norm(centroid) or 1.0)
    skip = set(seed_lemmas) | {e.split("/")[0].lower() for e in exclude}
    rows = []
    for (lemma, tag), count in counts.items():
        if count < min_count or lemma in skip or not vocab.has_vector(lemma):
            continue
        vector = vocab.get_vector(lemma)
        norm = np.linalg.norm(vector)
        similarity = float(vector @ centroid / norm) if norm else 0.0
        rows.append(
            {
                "term": f"{lemma}/{tag}",
                "lemma": lemma,
                "pos": tag,
                "count": count,
                "documents": documents[(lemma, tag)],
                "similarity": round(similarity, 6),
                "score": round(similarity * (1 + math.log10(count)), 6),
            }
        )
    table = pd.DataFrame(rows, columns=columns)
    table = table.sort_values(["score", "term"], ascending=[False, True]).head(top_n)
    return table.reset_index(drop=True)


# --- validation against hand labels -----------------------------------------------------


def read_frame_labels(path: str | os.PathLike) -> pd.DataFrame:
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


def labelled_documents(labels: pd.DataFrame, corpus: str | os.PathLike) -> list:
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
