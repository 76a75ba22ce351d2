"""The lexicons compiled into one matcher on token lemmas (and parts of speech, and entity
slots), so ``kill`` matches "killed" and "killing" but never "skill": there is no substring
search. Where terms of one frame overlap, the longest match wins (then the heavier, then the
earlier), so "air strikes" counts once, as ``air strike``, not again as ``strike/NOUN``."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from newslens.framing.lexicons import ENTITY_MARK, Lexicon, LexiconTerm

if TYPE_CHECKING:
    from newslens.types import Doc, Vocab


@dataclass(frozen=True)
class Match:
    """One lexicon match: the frame, the token range and the term."""

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

    def __init__(self, lexicons: Sequence[Lexicon], vocab: Vocab):
        from spacy.symbols import IDS

        self.lexicons = tuple(lexicons)
        self.vocab = vocab
        self._by_lemma: dict[str, list[tuple[str, LexiconTerm, tuple]]] = defaultdict(list)
        self._by_entity: dict[int, list[tuple[str, LexiconTerm, tuple]]] = defaultdict(list)
        for lexicon in self.lexicons:
            for term in lexicon.terms:
                steps: list[tuple[str | None, int | None]] = []
                for lemma, pos in term.tokens:
                    if lemma == ENTITY_MARK:
                        steps.append((None, vocab.strings.add(cast(str, pos))))
                    else:
                        steps.append((lemma.lower(), IDS.get(pos, -1) if pos else None))
                entry = (lexicon.frame, term, tuple(steps))
                if steps[0][0] is None:
                    self._by_entity[cast(int, steps[0][1])].append(entry)
                else:
                    self._by_lemma[steps[0][0]].append(entry)
        self._lower: dict[int, str] = {}
        # The sentence and term steps both ask for the same Doc's matches in a row.
        self._last: tuple[object, dict[str, list[Match]]] | None = None

    @property
    def frames(self) -> tuple[str, ...]:
        return tuple(lexicon.frame for lexicon in self.lexicons)

    def _lemmas(self, doc: Doc) -> list[str]:
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

    def _candidates(self, doc: Doc) -> list[Match]:
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
                    found.append(Match(frame, i, end, term))
        return found

    def __call__(self, doc: Doc) -> dict[str, list[Match]]:
        if self._last is not None and self._last[0] is doc:
            return self._last[1]
        found: dict[str, list[Match]] = {frame: [] for frame in self.frames}
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


def matcher_for(lexicons: Sequence[Lexicon], vocab: Vocab) -> FrameMatcher:
    """The :class:`FrameMatcher` of these lexicons for this vocabulary, built once."""
    return _cached_matcher(tuple(lexicons), vocab)


@functools.lru_cache(maxsize=8)
def _cached_matcher(lexicons: tuple[Lexicon, ...], vocab: Vocab) -> FrameMatcher:
    return FrameMatcher(lexicons, vocab)
