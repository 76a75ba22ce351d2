"""The quotes of one parsed document, from the quotation marks to the table rows.

In order: pair the marks (:mod:`~newslens.quotes.marks`), cut them at transcript turns,
attribute each quotation (:mod:`~newslens.quotes.marked`), merge the fragments one report quotes,
let a quote standing alone continue the previous speaker, add the reported speech that does
not overlap a quote (:mod:`~newslens.quotes.indirect`), then resolve pronoun speakers in
text order (a pronoun prefers the previous speaker).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pandas as pd

from newslens.entities import extract_mentions
from newslens.quotes.classify import content_words
from newslens.quotes.context import Context, build_context, mention_list
from newslens.quotes.cues import put_to_subject, subject_of
from newslens.quotes.indirect import find_indirect
from newslens.quotes.lexicon import SENTENCE_END, SUBJECT_DEPS, load_reporting_verbs
from newslens.quotes.marked import attribute_marked
from newslens.quotes.marks import ALL_MARKS, find_quotations
from newslens.quotes.records import KINDS, Found, Speaker
from newslens.quotes.rules import QuoteRule, SkipReason, SpeakerRule
from newslens.quotes.speakers import speaker_from_token
from newslens.quotes.tables import quotes_frame
from newslens.quotes.transcripts import (
    credit_turns,
    split_at_turns,
    transcript_turns,
    unquoted_turns,
)

if TYPE_CHECKING:
    from newslens.types import Doc, Token

__all__ = ["extract_quotes"]

PARAGRAPHS_TO_CONTINUE = 2  # a speakerless quote continues a speaker this many paragraphs back
MIN_WORDS_GOING_ON = 3  # words of a fragment that goes on from the report before it


def extract_quotes(
    doc: Doc,
    *,
    doc_id: str,
    mentions: pd.DataFrame | None = None,
    kinds: Iterable[str] = KINDS,
    reporting_verbs: dict[str, frozenset[str]] | None = None,
    skipped: bool = False,
) -> pd.DataFrame:
    """The quotes of one parsed document as ``quotes.csv`` rows (see docs/tables.md).

    Columns: :data:`QUOTE_COLUMNS`, then ``cue_start, cue_end`` (the cue's characters),
    ``speaker_label`` (the entity label of the speaker), ``fragments`` (``start-end`` per
    paragraph of a multi-paragraph quote, or per stretch in marks of a partial quote that
    quotes several stretches of one report, joined by ``;``) and ``debug`` (how the speaker
    was found, or why a quotation was skipped; see :mod:`newslens.quotes.rules`). Offsets
    are into ``doc.text``; quote spans include their marks. ``mentions`` is the document's
    entity mentions table (default: :func:`newslens.entities.extract_mentions`); speakers
    are linked to its ``entity``. ``kinds`` limits the output; ``reporting_verbs`` replaces
    the verb list (see :func:`load_reporting_verbs`); ``skipped=True`` also returns the
    quotation marks that quote nobody (scare quotes, titles), with an empty kind and the
    reason in ``debug``.
    """
    verbs = reporting_verbs if reporting_verbs is not None else load_reporting_verbs()
    if mentions is None:
        mentions = extract_mentions(doc, doc_id=doc_id)
    mention_rows = mention_list(doc, mentions)
    text = doc.text  # built once: Doc.text joins every token each time it is read
    turns = transcript_turns(text, mention_rows)
    quotations = split_at_turns(find_quotations(text), turns)
    ctx = build_context(doc, text=text, verbs=verbs, mentions=mention_rows, quotations=quotations)
    results = [attribute_marked(q, index, ctx) for index, q in enumerate(quotations)]
    results.extend(unquoted_turns(turns, quotations))
    credit_turns(results, turns)
    results.sort(key=lambda f: (f.start, f.end))
    results = _merge_listed_fragments(results, ctx)
    results = sorted(results + _indirect_reports(results, ctx), key=lambda f: (f.start, f.end))
    _continue_speakers(results, ctx)
    _resolve_pronouns_in_order(results, ctx)
    return quotes_frame(results, ctx, doc_id=doc_id, kinds=kinds, skipped=skipped)


def _indirect_reports(results: list[Found], ctx: Context) -> list[Found]:
    """The reported speech that overlaps no quote already found (skipped stretches aside),
    each with the speaker its source names."""
    taken = [(f.start, f.end) for f in results if not f.skipped]
    indirect = find_indirect(ctx, taken)
    for found in indirect:
        if found.source is not None:
            found.speaker = speaker_from_token(found.source, ctx, None, cue=found.cue)
            if found.rule is QuoteRule.COLON and found.cue is not None:
                found.speaker = _speaker_before_colon(found.speaker, found.cue.idx, ctx)
    return indirect


def _speaker_before_colon(speaker: Speaker, colon: int, ctx: Context) -> Speaker:
    """The speaker of a headline "Hale: Subsidies Will Be Cut" is the words before the
    colon: an entity mention running on past the colon is cut there, and a speaker found
    elsewhere (an apposition after "Poll:") gives way to the words before it."""
    lead_start = ctx.paragraphs[ctx.paragraph_index(colon)][0]
    text = ctx.text[lead_start:colon].strip()
    if speaker.start is None or not lead_start <= speaker.start < colon:
        return Speaker(lead_start, lead_start + len(text), text, rule=SpeakerRule.NOT_LINKED)
    if speaker.end is not None and speaker.end > colon:
        speaker.end = colon
        speaker.text = ctx.text[speaker.start : colon].strip()
        if ":" in speaker.entity:
            speaker.entity = speaker.text
    return speaker


def _resolve_pronouns_in_order(results: list[Found], ctx: Context) -> None:
    """Resolve pronoun speakers again in text order, each preferring the speaker of the
    quote before it ("Doe said ... . "...," she added" is Doe even if another woman was
    named in between)."""
    previous: Speaker | None = None
    for found in results:
        if found.skipped:
            continue
        speaker = found.speaker
        if (
            speaker.rule is SpeakerRule.PRONOUN
            and speaker.start is not None
            and speaker.end is not None
        ):
            span = ctx.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
            if span is not None:
                found.speaker = speaker_from_token(span.root, ctx, previous)
        if found.speaker.entity:
            previous = found.speaker


def _merge_listed_fragments(results: list[Found], ctx: Context) -> list[Found]:
    """Partial quotes that one report holds in one sentence ('called him a "liar," a
    "bully" and "sick"', 'said Trump has "several ways" of reaching it, including the
    "unbound" delegates') are one act of quoting: one row from the first mark to the last,
    with each stretch in marks as a fragment."""
    merged: list[Found] = []
    for found in results:
        last = merged[-1] if merged else None
        if last is not None and _listed_together(last, found, ctx):
            last.end = found.end
            last.fragments = last.fragments + found.fragments
            last.rule = QuoteRule.LISTED_FRAGMENTS
            continue
        merged.append(found)
    return merged


def _listed_together(first: Found, second: Found, ctx: Context) -> bool:
    """Whether two partial quotes in a row belong to one report: the same cue in the same
    sentence."""
    return (
        not second.skipped
        and not first.skipped
        and second.kind == "partial"
        and first.kind == "partial"
        and second.cue is not None
        and first.cue is not None
        and second.cue.i == first.cue.i
        and ctx.sentence_id(second.start) == ctx.sentence_id(first.start)
        and "\n" not in ctx.text[first.end : second.start]
        and not _new_predicate_between(first.end, second.start, ctx)
    )


def _new_predicate_between(start: int, end: int, ctx: Context) -> bool:
    """Whether a verb between two fragments starts a report or predicate of its own: a
    reporting verb ('hailed it as "fantastic," telling reporters it is "great"') or the
    next predicate of the same subject ('mocked a reporter, referred to them as "rapists"').
    A clause with a subject of its own ('said it was "clear" and that she faced a
    "slam-dunk" indictment') continues the report."""
    for token in ctx.tokens_between(start, end):
        if token.pos_ not in ("VERB", "AUX") or ctx.inside[token.i]:
            continue
        if ctx.is_reporting(token) or _shares_subject(token):
            return True
    return False


def _shares_subject(verb: Token) -> bool:
    """A verb coordinated with another and without a subject of its own ("tweeted that ...
    and encouraged Americans to ...", "telling CNN that ... and questioning how ..."; the
    parser may hang the second on the first in other ways): the next predicate of the same
    subject."""
    after_and = verb.i > 0 and verb.doc[verb.i - 1].pos_ == "CCONJ"
    return (verb.dep_ == "conj" or after_and) and not any(
        c.dep_ in SUBJECT_DEPS for c in verb.children
    )


def _continue_speakers(results: list[Found], ctx: Context) -> None:
    """Give a speakerless direct quote the speaker of the quote (or of the reported speech
    naming a person or organisation: ``results`` holds both, in text order) before it when
    that one is at most :data:`PARAGRAPHS_TO_CONTINUE` paragraphs back (the floating-quote
    convention), unless the sentence before it introduces someone new
    (:func:`_introduced_before`); a quotation skipped as too short is kept when it follows
    its speaker's attribution (:func:`_short_follow_up`)."""
    last: Found | None = None
    for found in results:
        if found.skipped and not _short_follow_up(found, last, ctx):
            if last is not None and _report_goes_on(found, last, ctx):
                found.skip = None
                found.speaker = _continued(last.speaker)
            continue
        if found.skip is not None and found.skip.reason is SkipReason.SCARE_QUOTE:
            found.kind, found.rule = "direct", QuoteRule.STANDING_CLAUSE
        found.skip = None
        # Words on a sign nobody holds ("passed a sign that said ...") are nobody's, and
        # words put to someone ("Vale was asked, "..."") are not the last speaker's either.
        nobodys = found.speaker.rule is SpeakerRule.NOBODYS_SIGN
        speakerless = found.speaker.start is None and not found.speaker.text
        if (
            speakerless
            and found.kind == "direct"
            and not nobodys
            and not _put_to_someone(found, ctx)
        ):
            introduced = _introduced_before(found, last, ctx)
            if introduced is not None:
                found.speaker = introduced
            elif last is not None:
                gap = ctx.paragraph_index(found.start) - ctx.paragraph_index(last.end)
                if gap <= PARAGRAPHS_TO_CONTINUE:
                    found.speaker = _continued(last.speaker)
                    found.cue = None
        # Reported speech hands its speaker on when it names a person or organisation (a
        # quote after "Trump isn't a conservative, he said." is his); an unnamed group's
        # ("doctors say ...") does not: on PolNeAR train that was right more often.
        if found.speaker.text and (
            found.kind != "indirect" or found.speaker.label in ("PERSON", "ORG")
        ):
            if not _in_attribution_of(found, last, ctx):
                last = found


def _put_to_someone(found: Found, ctx: Context) -> bool:
    """Whether a quote comes right after a passive "ask" or "tell" ("At the briefing, Vale
    was asked, "...""): words put to someone by someone the text does not name."""
    start = ctx.paragraphs[ctx.paragraph_index(found.start)][0]
    words = [t for t in ctx.tokens_between(start, found.start) if not (t.is_punct or t.is_space)]
    return bool(words) and put_to_subject(words[-1])


def _continued(source: Speaker) -> Speaker:
    """The speaker of an earlier quote, for a quote that goes on from it."""
    return Speaker(
        source.start, source.end, source.text, source.entity, source.label, SpeakerRule.CONTINUES
    )


def _report_goes_on(found: Found, last: Found, ctx: Context) -> bool:
    """Whether a fragment in marks that nothing in its sentence attributes lies in the
    sentence right after the last quote's attribution, in its paragraph ('..., she said.
    Good records help, but only when "the inspectors read them."'): the paraphrase goes on,
    and so does its speaker."""
    if found.skip is None or found.skip.reason is not SkipReason.SCARE_QUOTE:
        return False
    if found.kind != "partial" or ctx.paragraph_index(found.start) != ctx.paragraph_index(last.end):
        return False
    # A term ('the "contested convention"', 'a "voter power index"') is the writer's.
    words = content_words(ctx.text[found.start : found.end])
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in ctx.tokens_between(found.start, found.end))
    if len(words) < MIN_WORDS_GOING_ON or not (has_verb or len(words) > MIN_WORDS_GOING_ON):
        return False
    attribution = max(last.cue.idx, last.end) if last.cue is not None else last.end
    if attribution > found.start:
        return False
    between = ctx.tokens_between(attribution, found.start)
    return sum(token.text in SENTENCE_END for token in between) == 1


def _in_attribution_of(found: Found, last: Found | None, ctx: Context) -> bool:
    """Whether reported speech lies in the sentence of the attribution that follows the
    quote before it ('"Your reputation is amazing," Trump assured Jones, after Jones assured
    Trump that ...'): a quote after that sentence goes on from the quote, not the aside."""
    if last is None or found.kind != "indirect" or last.kind == "indirect":
        return False
    cue = last.cue
    if cue is None or cue.idx < last.end or found.start <= cue.idx:
        return False
    return cue.sent.start_char <= found.start < cue.sent.end_char


def _short_follow_up(found: Found, last: Found | None, ctx: Context) -> bool:
    """Whether a quotation skipped as too short, or as a fragment without a verb that is a
    sentence of its own, follows the last quote in its paragraph with only that quote's
    attribution between them ('"It is a tough charge," Pence said. "But, come on."', '"...,"
    Weber said. "Maybe the only impressive thing."'): the speaker goes on, however few the
    words."""
    if found.skip is None or last is None:
        return False
    if ctx.paragraph_index(found.start) != ctx.paragraph_index(last.end):
        return False
    between = ctx.text[last.end : found.start].strip()
    ends = sum(between.count(mark) for mark in SENTENCE_END)
    if found.skip.reason is SkipReason.TOO_SHORT:
        return ends <= 1 and len(between) > 0
    if found.skip.reason is not SkipReason.SCARE_QUOTE or last.kind == "indirect":
        return False
    # A verbless sentence of its own right after the attribution sentence.
    inner = ctx.text[found.start : found.end].rstrip(ALL_MARKS + " ")
    standing = found.kind == "partial" and inner[-1:] in SENTENCE_END
    return standing and ends == 1 and between[-1:] in SENTENCE_END


def _introduced_before(found: Found, last: Found | None, ctx: Context) -> Speaker | None:
    """The person or organisation a speakerless quote's preceding sentence is about, when
    that sentence introduces someone other than the last speaker ('His lawyer, Ana Ruiz,
    spoke next. "We will appeal."'): a reader takes the newcomer as the speaker rather than
    the earlier one."""
    paragraph = ctx.paragraph_index(found.start)
    start = ctx.paragraphs[max(paragraph - 1, 0)][0]
    if last is not None:
        start = max(start, last.end)
    tokens = ctx.tokens_between(start, found.start)
    while tokens and tokens[-1].is_space:
        tokens.pop()
    if not tokens or tokens[-1].text not in SENTENCE_END:
        return None
    sentence = tokens[-1].sent
    if sentence.start < tokens[0].i or ctx.inside[sentence.root.i]:
        return None
    subject = subject_of(sentence.root, ctx)
    if subject is None or subject.pos_ not in ("PROPN", "NOUN"):
        return None
    speaker = speaker_from_token(subject, ctx, None)
    if speaker.rule is not SpeakerRule.NAMED or speaker.label not in ("PERSON", "ORG"):
        return None
    if last is not None and speaker.entity == last.speaker.entity:
        return None
    speaker.rule = SpeakerRule.SENTENCE_BEFORE
    return speaker
