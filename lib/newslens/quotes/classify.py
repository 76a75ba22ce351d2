"""What a stretch in quotation marks is: a direct quote (a clause or more), a partial quote
(a fragment inside reported speech), or no quote at all (the title of a work, a name, a
scare quote) and why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newslens.quotes.governing import characterised_as
from newslens.quotes.lexicon import (
    CHARACTERISING_VERBS,
    introducing_verb_forms,
    naming_participles,
    naming_verbs,
    title_cues,
)
from newslens.quotes.marks import DOUBLE_MARKS
from newslens.quotes.records import Skip
from newslens.quotes.rules import QuoteRule, SkipReason

if TYPE_CHECKING:
    from newslens.quotes.context import Context
    from newslens.quotes.marks import Quotation
    from newslens.types import Token

__all__ = ["classify", "skip_reason", "content_words"]

LOOK_BACK_CHARS = 40  # how far before a quotation its naming word is looked for
MAX_WORDS_BEFORE_CUE = 4  # '"Absolutely," the former governor said': the subject between


def content_words(text: str) -> list[str]:
    """The runs of letters and digits in ``text``."""
    return [w for w in "".join(c if c.isalnum() else " " for c in text).split()]


def classify(q: Quotation, ctx: Context) -> tuple[str, QuoteRule]:
    """('direct' | 'partial', why) from what surrounds and fills the quotation."""
    text = ctx.text
    inner = text[q.start + 1 : q.fragments[0][1] - 1].strip()
    words = content_words(inner)
    paragraph_start = ctx.paragraphs[ctx.paragraph_index(q.start)][0]
    before = text[paragraph_start : q.start].rstrip()
    last = before[-1:] if before else ""
    opens_sentence = not before or last in ".!?:;" or last in DOUBLE_MARKS
    previous_word = before.split()[-1].lower() if before.split() else ""
    after_comma = last == "," and len(words) >= 4
    ends_clause = inner[-1:] in ".!?,"
    span = ctx.doc.char_span(q.start, q.fragments[0][1], alignment_mode="expand")
    has_verb = span is not None and any(
        t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBG", "VBN") for t in span
    )
    starts_upper = inner[:1].isupper()
    if len(q.fragments) > 1:
        return "direct", QuoteRule.SEVERAL_PARAGRAPHS
    if (opens_sentence or after_comma) and (has_verb or len(words) >= 6):
        return "direct", QuoteRule.STANDING_CLAUSE
    if previous_word in introducing_verb_forms() and has_verb:
        return "direct", QuoteRule.CLAUSE_AFTER_REPORTING_VERB
    if previous_word == "that" and has_verb and starts_upper:
        return "direct", QuoteRule.CLAUSE_AFTER_REPORTING_VERB
    if ends_clause and starts_upper and has_verb and len(words) >= 5 and opens_sentence:
        return "direct", QuoteRule.CLAUSE
    return "partial", QuoteRule.FRAGMENT


def skip_reason(
    q: Quotation, kind: str, ctx: Context, *, has_source: bool, cue: Token | None
) -> Skip | None:
    """Why a quotation quotes nobody, or None when it is a quote. ``has_source``: a speaker
    was found for it; ``cue``: its cue, if any."""
    title = _named_by_word_before(q, ctx)
    if title is not None:
        return title
    words = content_words(ctx.text[q.start + 1 : q.end - 1].strip())
    if not words:
        return Skip(SkipReason.NOTHING_BETWEEN_MARKS)
    long_words = [w for w in words if len(w) > 3 and not w.isdigit()]
    naming = cue is not None and cue.lemma_.lower() in naming_verbs()
    # Capitalised words a reporting verb's source utters are their words, also when they
    # read like a name ('proclaimed a goal of "Peace Through Strength"').
    # After a preposition, a possessive or a name it is still a title ('on ABC's "This
    # Week"', 'author of "Empire of the Fund"').
    reported = (
        has_source and cue is not None and ctx.is_reporting(cue) and not _after_title_slot(q, ctx)
    ) or (has_source and _in_attribution_slot(q, ctx, cue))
    # What a source casts something as is their words, however capitalised ('hailed him
    # as "The Comeback Kid"').
    reported = reported or (has_source and cue is not None and characterised_as(q, ctx, cue))
    if kind == "partial" and long_words and all(w[0].isupper() for w in long_words):
        span = ctx.doc.char_span(q.start, q.end, alignment_mode="expand")
        finite = span is not None and any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in span)
        if not finite and not naming and not reported:
            return Skip(SkipReason.CAPITALISED_NAME)
    if kind == "partial" and not has_source:
        return Skip(SkipReason.SCARE_QUOTE)
    if kind == "direct" and not has_source and len(words) <= 3:
        return Skip(SkipReason.TOO_SHORT)
    return None


def _in_attribution_slot(q: Quotation, ctx: Context, cue: Token | None) -> bool:
    """Whether a quotation opens its sentence and ends with ',', '!' or '?' right before
    its reporting verb ('"Absolutely," he said', '"Happy New Year!" she wrote'): words
    someone said, however capitalised, since a title does not stand in that slot."""
    if cue is None or cue.idx < q.end or not ctx.is_reporting(cue):
        return False
    text = ctx.text
    inner = text[q.start + 1 : q.end - 1].rstrip()
    if inner[-1:] not in ",!?" and text[q.end : q.end + 1] != ",":
        return False
    if len(content_words(text[q.end : cue.idx])) > MAX_WORDS_BEFORE_CUE:
        return False
    paragraph_start = ctx.paragraphs[ctx.paragraph_index(q.start)][0]
    before = text[paragraph_start : q.start].rstrip()
    return not before or before[-1] in ".!?:" or before[-1] in DOUBLE_MARKS


def _after_title_slot(q: Quotation, ctx: Context) -> bool:
    """Whether the word right before a quotation is where a title goes rather than quoted
    words: a preposition, a possessive, a name or a determiner, or nothing at all."""
    words = _tokens_before(q, ctx)
    if not words or words[-1].is_punct:
        return True
    return words[-1].pos_ in ("ADP", "PART", "PROPN", "DET") or words[-1].tag_ == "POS"


def _tokens_before(q: Quotation, ctx: Context) -> list[Token]:
    """The whole tokens (spaces left out) in the :data:`LOOK_BACK_CHARS` characters before
    a quotation."""
    preceding = ctx.doc.char_span(
        max(0, q.start - LOOK_BACK_CHARS), q.start, alignment_mode="contract"
    )
    return [t for t in preceding if not t.is_space] if preceding else []


def _named_by_word_before(q: Quotation, ctx: Context) -> Skip | None:
    """A quotation right after a word that makes it a name: "the film "Casablanca"", "a
    book titled "..."" (but not the verb in 'show "restraint"')."""
    text = ctx.text
    raw_previous = text[max(0, q.start - LOOK_BACK_CHARS) : q.start].split()
    if raw_previous and raw_previous[-1].lower().strip(",:") in naming_participles():
        return Skip(SkipReason.TITLE_AFTER_WORD, raw_previous[-1])
    previous = [t for t in _tokens_before(q, ctx) if t.text not in ",:"]
    if previous:
        word = previous[-1]
        # A title word inside a person's name is a name ('Dr. Paul Song "was ..."'), and
        # what a title word is called is a characterisation ('called the show "the news show
        # of record"').
        if word.lower_ in naming_participles() or (
            word.lower_ in title_cues()
            and word.pos_ in ("NOUN", "PROPN")
            and word.ent_type_ != "PERSON"
            and not (word.dep_ == "dobj" and word.head.lemma_ in CHARACTERISING_VERBS)
        ):
            return Skip(SkipReason.TITLE_AFTER_WORD, word.text)
    return None
