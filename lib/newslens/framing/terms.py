"""Candidate lexicon terms from a corpus, for a person to review (never edits a lexicon)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from newslens.types import Doc, Language, Vocab

PROPOSAL_COLUMNS = ["term", "lemma", "pos", "count", "documents", "similarity", "score"]


def propose_terms(
    docs: Iterable[Doc | tuple[Any, Doc]],
    seed_terms: Sequence[str],
    *,
    nlp: Language | None = None,
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

    counts, documents, vocab = _lemma_counts(docs, pos, nlp.vocab if nlp is not None else None)
    if vocab is None or not counts:
        return pd.DataFrame(columns=PROPOSAL_COLUMNS)
    seed_lemmas = [s.split("/")[0].lower() for s in seed_terms]
    vectors: list[Any] = [vocab.get_vector(w) for w in seed_lemmas if vocab.has_vector(w)]
    if not vectors:
        raise ValueError(f"none of the seed terms {list(seed_terms)} has a word vector")
    centroid = np.mean(vectors, axis=0)
    centroid = centroid / (np.linalg.norm(centroid) or 1.0)
    skip = set(seed_lemmas) | {e.split("/")[0].lower() for e in exclude}
    rows = []
    for (lemma, tag), count in counts.items():
        if count < min_count or lemma in skip or not vocab.has_vector(lemma):
            continue
        vector: Any = vocab.get_vector(lemma)
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
    table = pd.DataFrame(rows, columns=PROPOSAL_COLUMNS)
    table = table.sort_values(["score", "term"], ascending=[False, True]).head(top_n)
    return table.reset_index(drop=True)


def _lemma_counts(
    docs: Iterable[Doc | tuple[Any, Doc]], pos: Sequence[str], vocab: Vocab | None
) -> tuple[Counter, Counter, Vocab | None]:
    """Occurrences and documents of each ``(lemma, POS)`` of content words, and the
    vocabulary to read vectors from (the first Doc's when none is given)."""
    counts: Counter = Counter()
    documents: Counter = Counter()
    for item in docs:
        doc: Doc = item[1] if isinstance(item, tuple) else item
        vocab = vocab or doc.vocab
        seen = set()
        for token in doc:
            if token.pos_ in pos and token.is_alpha and not token.is_stop:
                key = (token.lemma_.lower(), token.pos_)
                counts[key] += 1
                seen.add(key)
        documents.update(seen)
    return counts, documents, vocab
