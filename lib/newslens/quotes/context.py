"""What every rule reads about one document: :class:`Context`, built once per document."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from newslens.quotes.gender import person_genders
from newslens.quotes.lexicon import SUBJECT_DEPS
from newslens.quotes.marks import Quotation, paragraph_bounds

if TYPE_CHECKING:
    from newslens.types import Doc, Token

__all__ = ["Mention", "Context", "build_context", "mention_list"]


@dataclass(frozen=True)
class Mention:
    """One entity mention a speaker can be linked to: its characters, the canonical
    ``entity`` and ``label`` of the mentions table, and whether it is the subject of its
    clause (subjects are preferred when a pronoun looks back)."""

    start: int
    end: int
    entity: str
    label: str
    is_subject: bool = False


def mention_list(doc: Doc, mentions: pd.DataFrame) -> list[Mention]:
    """The rows of an entity mentions table (``doc_id, start, end, entity, label``) as
    :class:`Mention` in text order."""
    result = []
    columns = (mentions[c].tolist() for c in ("start", "end", "entity", "label"))
    # Sorted on (start, end) only, stably: the order sort_values gave.
    for start, end, entity, label in sorted(zip(*columns, strict=True), key=lambda r: r[:2]):
        span = doc.char_span(int(start), int(end), alignment_mode="expand")
        is_subject = bool(span is not None and _name_head(span.root).dep_ in SUBJECT_DEPS)
        result.append(Mention(int(start), int(end), str(entity), str(label), is_subject))
    return result


def _name_head(token: Token) -> Token:
    """The head of the name a mention's root belongs to: a mention cut short of its last
    word ("Ban Ki" of "Ban Ki-moon") has its root in a compound of that word."""
    while (
        token.dep_ in ("compound", "flat")
        and token.head.pos_ == "PROPN"
        and token.head.ent_type_ == token.ent_type_ != ""
    ):
        token = token.head
    return token


@dataclass(frozen=True)
class Context:
    """What the rules need to know about one parsed document, passed to every rule.

    - ``doc``, ``text``: the parsed document and its text (every offset is into ``text``);
    - ``verbs``: reporting verb lemmas and their flags (:func:`load_reporting_verbs`);
    - ``mentions``: the entity mentions speakers are linked to, in text order;
    - ``quotations``: the stretches in quotation marks, in text order;
    - ``paragraphs``: ``(start, end)`` of each paragraph (a non-empty line);
    - ``inside``: for each token index, whether the token is inside quotation marks (the
      quoted words are never a cue or a speaker of the text around them);
    - ``sentence_starts``: the character where each sentence starts (``sentence_id``);
    - ``genders``: the gender the document gives each person entity, where it is clear
      (:func:`~newslens.quotes.gender.person_genders`).
    """

    doc: Doc
    text: str
    verbs: dict[str, frozenset[str]]
    mentions: list[Mention]
    quotations: list[Quotation]
    paragraphs: list[tuple[int, int]]
    inside: list[bool]
    sentence_starts: list[int]
    genders: dict[str, str]

    def paragraph_index(self, offset: int) -> int:
        """The paragraph holding ``offset`` (or the one before, between paragraphs)."""
        for index, (s, e) in enumerate(self.paragraphs):
            if s <= offset <= e:
                return index
            if offset < s:
                return max(index - 1, 0)
        return len(self.paragraphs) - 1

    def sentence_id(self, offset: int) -> int:
        """The number of the sentence holding ``offset`` (the ``sentence_id`` column)."""
        return max(bisect.bisect_right(self.sentence_starts, offset) - 1, 0)

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """The tokens wholly within ``text[start:end]`` that are outside quotation marks."""
        span = self.doc.char_span(start, end, alignment_mode="contract")
        return [] if span is None else [t for t in span if not self.inside[t.i]]

    def inside_quote(self, offset: int) -> bool:
        """Whether a character lies inside a quotation."""
        return any(s <= offset < e for q in self.quotations for s, e in q.fragments)

    def is_reporting(self, token: Token, *, flag: str | None = None) -> bool:
        """Whether ``token`` is a verb on the reporting verb list (with ``flag``, when
        given)."""
        if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBP", "VBG"):
            return False
        flags = self.verbs.get(token.lemma_.lower())
        if flags is None:
            return False
        return flag is None or flag in flags


def build_context(
    doc: Doc,
    *,
    verbs: dict[str, frozenset[str]],
    mentions: list[Mention],
    quotations: list[Quotation],
    text: str | None = None,
) -> Context:
    """The :class:`Context` of one document and its quotations (``text``: ``doc.text``, when
    the caller has it already)."""
    text = doc.text if text is None else text
    inside = [False] * len(doc)
    for quotation in quotations:
        for s, e in quotation.fragments:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                for token in span:
                    inside[token.i] = True
    return Context(
        doc=doc,
        text=text,
        verbs=verbs,
        mentions=mentions,
        quotations=quotations,
        paragraphs=paragraph_bounds(text),
        inside=inside,
        sentence_starts=[sentence.start_char for sentence in doc.sents],
        genders=person_genders(doc, mentions, inside),
    )
