"""Attribution of a quote in marks: its kind, its cue and the token naming its speaker.

The rules of :data:`ATTRIBUTION_RULES` are tried in order and the first that finds an
attribution wins: for a partial quote the report it sits in; then a verb right before the
quote, a reporting verb after it or in the sentence that follows, a reporting verb before
it, any verb after a direct quote, "according to", a credit after a dash, a lead-in ending
with a colon, and for a quote filling its paragraph the paragraph before it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newslens.quotes.classify import classify, content_words, skip_reason
from newslens.quotes.credit_lines import credited_after_dash, dash_credit
from newslens.quotes.cues import (
    according_to,
    cue_in,
    opened_by_as,
    passive_as_clause,
    subject_of,
)
from newslens.quotes.governing import (
    characterised_as,
    governing_cue,
    holder_of_content_clause,
    report_ended_by,
    reporting_clause_cue,
    speech_noun_before,
)
from newslens.quotes.lead_ins import lead_in_speaker, owner_of_words
from newslens.quotes.lexicon import (
    GROUP_LABELS,
    PERSON_LABELS,
    SENTENCE_END,
    SUBJECT_DEPS,
    speech_nouns,
    statement_verbs,
)
from newslens.quotes.marks import ALL_MARKS, Quotation
from newslens.quotes.named_after import BACK_WORDS, speaker_named_after
from newslens.quotes.records import Found
from newslens.quotes.rules import CueRule
from newslens.quotes.speakers import can_speak, entity_of, names_someone, speaker_from_token

if TYPE_CHECKING:
    from newslens.quotes.context import Context
    from newslens.types import Token

__all__ = ["attribute_marked", "ATTRIBUTION_RULES"]

# A partial quote under a verb that is not a reporting verb ("branded X an "outlaw
# nation"") needs at least this many words; shorter ones are mostly scare quotes.
MIN_WORDS_WITHOUT_CUE = 2
MAX_NAME_TO_VERB = 20  # tokens from a name after a quote to its reporting verb
MAX_ATTRIBUTION_WORDS = 8  # words of a short attribution after a quote ('the Saudis state')


@dataclass(frozen=True)
class _Around:
    """What surrounds one quotation in marks: its ``kind``; the tokens ``before`` it (back
    to the start of its sentence, its paragraph or the quotation before, whichever is
    nearest) and ``after`` it (up to the end of its sentence, its last paragraph or the next
    quotation); ``inner``, its last fragment's text without the marks; and
    ``previous_end``, where the quotation before it ends (0 for the first)."""

    q: Quotation
    kind: str
    before: list[Token]
    after: list[Token]
    inner: str
    previous_end: int


@dataclass(frozen=True)
class _Attribution:
    """What a rule found: the rule, the cue (a verb or "according"), and the token naming
    the speaker when the rule found it (else the cue's subject names the speaker)."""

    rule: CueRule
    cue: Token | None = None
    source: Token | None = None


def attribute_marked(q: Quotation, index: int, ctx: Context) -> Found:
    """Kind, cue and speaker of the quotation ``ctx.quotations[index]``, or why it quotes
    nobody (then ``skip`` is set)."""
    kind, why = classify(q, ctx)
    around = _surroundings(q, index, kind, ctx)
    attribution = _first_attribution(around, ctx)
    found = Found(q.start, q.end, kind, q.fragments, why)
    source = None
    if attribution is not None:
        found.cue = attribution.cue
        source = attribution.source
        if source is None and attribution.cue is not None:
            source = subject_of(attribution.cue, ctx)
        if source is not None:
            found.speaker = speaker_from_token(source, ctx, None, cue=found.cue)
            found.speaker.cue_rule = attribution.rule
    found.skip = skip_reason(q, kind, ctx, has_source=source is not None, cue=found.cue)
    return found


def _first_attribution(around: _Around, ctx: Context) -> _Attribution | None:
    """What the first of :data:`ATTRIBUTION_RULES` to find an attribution finds."""
    for rule in ATTRIBUTION_RULES:
        attribution = rule(around, ctx)
        if attribution is not None:
            return attribution
    return None


def _surroundings(q: Quotation, index: int, kind: str, ctx: Context) -> _Around:
    paragraph_start = ctx.paragraphs[ctx.paragraph_index(q.start)][0]
    last_paragraph_end = ctx.paragraphs[ctx.paragraph_index(q.end)][1]
    previous_end = ctx.quotations[index - 1].end if index > 0 else 0
    following = ctx.quotations[index + 1 : index + 2]
    next_start = following[0].start if following else len(ctx.text)
    after = []
    for token in ctx.tokens_between(q.end, min(next_start, last_paragraph_end)):
        if token.text in SENTENCE_END:
            break
        if not token.is_space:
            after.append(token)
    before = _last_sentence(ctx.tokens_between(max(previous_end, paragraph_start), q.start))
    before = [t for t in before if not t.is_space]  # "Doe replied:  "..."" (two spaces)
    inner = ctx.text[q.fragments[-1][0] : q.end].rstrip(ALL_MARKS + " ")
    return _Around(q, kind, before, after, inner, previous_end)


def _last_sentence(tokens: list[Token]) -> list[Token]:
    """The tokens after the last sentence end among ``tokens``."""
    region: list[Token] = []
    for token in reversed(tokens):
        if token.text in SENTENCE_END:
            break
        region.append(token)
    region.reverse()
    return region


# --- the rules, in the order they are tried ----------------------------------------------


def _partial_report(around: _Around, ctx: Context) -> _Attribution | None:
    """A partial quote: the report it sits in, else the verb that governs it."""
    q = around.q
    if around.kind != "partial":
        return None
    cue, source = reporting_clause_cue(q, ctx)
    if cue is not None:
        return _Attribution(CueRule.REPORTED_CLAUSE, cue, source)
    cue = governing_cue(q, ctx)
    if cue is not None:
        return _Attribution(CueRule.GOVERNING_VERB, cue)
    cue = governing_cue(q, ctx, any_verb=True)
    if cue is None:
        return None
    # A single word needs a characterisation ('heralded the deal as a "breakthrough"').
    enough = len(content_words(ctx.text[q.start : q.end])) >= MIN_WORDS_WITHOUT_CUE
    if enough or characterised_as(q, ctx, cue):
        return _Attribution(CueRule.GOVERNING_ANY_VERB, holder_of_content_clause(cue, ctx) or cue)
    return None


def _direct_in_a_report(around: _Around, ctx: Context) -> _Attribution | None:
    """A sentence in marks inside a report: the "that" clause of a speech noun ('stood by
    his comment that "..."', :func:`speech_noun_before`) or the end of a reported clause
    ('said he asks no one, "except for friends."', :func:`report_ended_by`)."""
    if around.kind != "direct":
        return None
    cue, source = speech_noun_before(around.before, ctx)
    if cue is None:
        cue, source = report_ended_by(around.q, around.before, ctx)
    return _Attribution(CueRule.REPORTED_CLAUSE, cue, source) if cue is not None else None


def _as_clause(around: _Around, ctx: Context) -> _Attribution | None:
    """'..., as a ministry memo put it' / 'as X noted': an "as" clause of a reporting verb
    (or "put it") in the quote's sentence credits the words to its subject."""
    for token in around.before + around.after:
        if not opened_by_as(token):
            continue
        puts_it = token.lemma_.lower() == "put" and any(
            c.dep_ == "dobj" and c.lower_ == "it" for c in token.children
        )
        if not (puts_it or ctx.is_reporting(token)):
            continue
        if _second_hand(token, ctx):
            continue
        subject = subject_of(token, ctx)
        if subject is not None and can_speak(subject, ctx):
            return _Attribution(CueRule.AS_CLAUSE, token, subject)
    return None


def _second_hand(verb: Token, ctx: Context) -> bool:
    """Whether a passive "as" clause credits the report of a reporting verb ('"...," Vale
    noted, as reported by the Ledger'): the words are the reporter's, the agent only passed
    them on (an active "as Doe claimed" still credits Doe)."""
    return passive_as_clause(verb) and ctx.is_reporting(verb.head)


def _introducing(around: _Around, ctx: Context) -> _Attribution | None:
    """'Doe saying, "We will see," when Grant ...': the verb right before."""
    cue = _introducing_verb(around.before, ctx, kind=around.kind)
    return _Attribution(CueRule.VERB_BEFORE, cue) if cue is not None else None


def _after(around: _Around, ctx: Context) -> _Attribution | None:
    """'"...," she said.' / '"...?" he asked.' — not after a full stop inside the quote
    unless the attribution continues in lower case; after a full stop, a sentence that only
    attributes ('"... by spring." Doe wrote.')."""
    after = around.after
    if not after:
        return None
    if around.inner[-1:] not in "." or after[0].text[:1].islower():
        cue = cue_in(after, ctx, prefer="first")
        if cue is not None:
            return _Attribution(CueRule.VERB_AFTER, cue)
        return _name_then_verb(after, ctx)
    cue = _bare_attribution(after, ctx)
    return _Attribution(CueRule.NEXT_SENTENCE, cue) if cue is not None else None


def _before(around: _Around, ctx: Context) -> _Attribution | None:
    """A reporting verb before the quote in its sentence: 'He said: "..."'; not one in a
    clause of time before a lead-in ('After Trump said that ..., Rubio fired back: "..."':
    the colon's lead-in is Rubio's)."""
    if not around.before:
        return None
    cue = cue_in(around.before, ctx, prefer="last")
    if around.before[-1].text == ":" and (
        (cue is not None and _in_clause_of_time(cue))
        or credited_after_dash(around.before[:-1], ctx)  # "Polls erred - Jane Doe: "...""
    ):
        return None
    return _Attribution(CueRule.VERB_BEFORE, cue) if cue is not None else None


def _in_clause_of_time(verb: Token) -> bool:
    """Whether ``verb`` heads an adverbial clause opened by "after", "when", "before",
    "while", "as", "since" or "once" that hangs on a verb after it."""
    marks = ("after", "when", "before", "while", "as", "since", "once")
    opened = any(c.dep_ in ("mark", "advmod") and c.lower_ in marks for c in verb.children)
    return verb.dep_ == "advcl" and opened and verb.head.i > verb.i


def _any_verb_after(around: _Around, ctx: Context) -> _Attribution | None:
    """After a direct quote ending with a comma, "?" or "!", any verb whose subject names
    someone."""
    if around.kind != "direct" or not around.after or around.inner[-1:] not in ",?!":
        return None
    cue = _adjacent_verb(around.after, ctx)
    return _Attribution(CueRule.ANY_VERB_AFTER, cue) if cue is not None else None


def _mistagged_attribution(around: _Around, ctx: Context) -> _Attribution | None:
    """'"...," the Saudis state in the paper.' / '"...," Will wrote.': the words right after
    a direct quote ending with a comma are a short noun phrase and a reporting verb that the
    tagger read as a noun, or whose subject it read as a modal: the phrase is the speaker."""
    if around.kind != "direct" or around.inner[-1:] != ",":
        return None
    clause = []
    for token in around.after[:MAX_ATTRIBUTION_WORDS]:
        if token.is_punct and token.text != "-":
            break
        clause.append(token)
    for index, token in enumerate(clause[1:], start=1):
        following = clause[index + 1] if index + 1 < len(clause) else None
        if token.lemma_.lower() not in ctx.verbs or token.text[:1].isupper():
            continue
        if following is not None and following.pos_ != "ADP":
            return None
        phrase = clause[:index]
        if any(t.pos_ in ("VERB", "AUX") and not t.text[:1].isupper() for t in phrase):
            return None
        preposition = next((t for t in phrase if t.pos_ == "ADP"), None)
        before = phrase[: phrase.index(preposition)] if preposition else phrase
        named = [t for t in before if t.text[:1].isalpha()]  # "a voice-over in the ad"
        source = named[-1] if named else None
        if source is None or not (source.pos_ in ("NOUN", "PROPN") or source.text[:1].isupper()):
            return None
        return _Attribution(CueRule.VERB_AFTER, token, source)
    return None


def _according(around: _Around, ctx: Context) -> _Attribution | None:
    """'"...," according to X' (after the quote, else before it)."""
    source = according_to(around.after) or according_to(around.before)
    if source is None:
        return None
    cue = source.head.head if source.head.head.lower_ == "according" else source.head
    return _Attribution(CueRule.ACCORDING_TO, cue, source)


def _dash(around: _Around, ctx: Context) -> _Attribution | None:
    """'"..." ― Jane Doe': a byline-style credit."""
    source = dash_credit(around.q, ctx)
    return _Attribution(CueRule.DASH_CREDIT, source=source) if source is not None else None


def _colon_lead_in(around: _Around, ctx: Context) -> _Attribution | None:
    """'Trump's response: "..."' / 'Jane Doe: "..."': who the lead-in is about; also 'Her
    motto was, "..."' (:func:`~newslens.quotes.lead_ins.owner_of_words`)."""
    before = around.before
    if len(before) > 1 and before[-1].text == "," and before[-2].lemma_ == "be":
        # "Her motto was, "..."": whose words the copula announces.
        source = owner_of_words(before[:-1], ctx)
        return _Attribution(CueRule.COLON_LEAD_IN, source=source) if source is not None else None
    if not before or before[-1].text != ":":
        return None
    source = credited_after_dash(before[:-1], ctx) or lead_in_speaker(before[:-1], ctx)
    return _Attribution(CueRule.COLON_LEAD_IN, source=source) if source is not None else None


def _lead_in_paragraph(around: _Around, ctx: Context) -> _Attribution | None:
    """A quote filling its paragraph, introduced by the previous paragraph ending in ':':
    the reporting verb of its last sentence, else who that sentence is about."""
    before = _paragraph_before(around, ctx) if not (around.before or around.after) else None
    if before is None or not before[0].rstrip().endswith(":"):
        return None
    region = before[1]
    cue = cue_in(region, ctx, prefer="last")
    if cue is not None:
        return _Attribution(CueRule.VERB_IN_LEAD_IN_PARAGRAPH, cue)
    source = lead_in_speaker(region, ctx) if region else None
    return _Attribution(CueRule.LEAD_IN_PARAGRAPH, source=source) if source is not None else None


def _statement_before(around: _Around, ctx: Context) -> _Attribution | None:
    """A quote filling its paragraph right after a sentence that issues a statement, a
    letter or a tweet ('The ministry issued a statement on Monday.' then '"..."'): the
    words are the statement's, credited to whoever issued it."""
    if around.before or around.after or around.kind != "direct":
        return None
    before = _paragraph_before(around, ctx)
    for token in reversed(before[1] if before is not None else []):
        if (
            token.pos_ == "NOUN"
            and token.dep_ == "dobj"
            and token.lemma_.lower() in speech_nouns()
            and token.head.lemma_.lower() in statement_verbs()
        ):
            source = subject_of(token.head, ctx)
            if source is not None and can_speak(source, ctx):
                return _Attribution(CueRule.STATEMENT_BEFORE, token, source)
    return None


def _named_after(around: _Around, ctx: Context) -> _Attribution | None:
    """'"..." That was the message from X.': the sentence after a direct quote, or opening
    the next paragraph when the quote ends its own, points back to it and names the speaker
    (:func:`~newslens.quotes.named_after.speaker_named_after`)."""
    if around.kind != "direct" or around.inner[-1:] not in ".!?":
        return None
    sentence = around.after
    if not sentence:
        index = ctx.paragraph_index(around.q.end)
        if index + 1 >= len(ctx.paragraphs):
            return None
        start, end = ctx.paragraphs[index + 1]
        sentence = _first_sentence([t for t in ctx.tokens_between(start, end) if not t.is_space])
        if sentence and sentence[0].lower_ not in BACK_WORDS:
            return None  # a new paragraph points back only from its first word
    found = speaker_named_after(sentence, ctx)
    return _Attribution(CueRule.NAMED_AFTER, *found) if found is not None else None


def _first_sentence(tokens: list[Token]) -> list[Token]:
    """The tokens up to the first sentence end among ``tokens``."""
    region: list[Token] = []
    for token in tokens:
        if token.text in SENTENCE_END:
            break
        region.append(token)
    return region


def _paragraph_before(around: _Around, ctx: Context) -> tuple[str, list[Token]] | None:
    """The paragraph before the quote's (after the previous quote): its text and the tokens
    of its last sentence without the final mark; None in the first paragraph."""
    number = ctx.paragraph_index(around.q.start)
    if number <= 0:
        return None
    prev_start, prev_end = ctx.paragraphs[number - 1]
    tokens = ctx.tokens_between(max(prev_start, around.previous_end), prev_end)
    return ctx.text[prev_start:prev_end], _last_sentence(tokens[:-1])


ATTRIBUTION_RULES: tuple[Callable[[_Around, Context], _Attribution | None], ...] = (
    _partial_report,
    _as_clause,
    _introducing,
    _direct_in_a_report,
    _after,
    _before,
    _any_verb_after,
    _mistagged_attribution,
    _according,
    _dash,
    _colon_lead_in,
    _lead_in_paragraph,
    _statement_before,
    _named_after,
)


# --- helpers of the rules ------------------------------------------------------------------


def _introducing_verb(before: list[Token], ctx: Context, *, kind: str) -> Token | None:
    """A verb with a subject right before the quote and its comma or colon ('..., saying,
    "..."', 'Doe asking, "..."'): a reporting verb, or before a direct quote any verb
    whose subject names someone ('Doe hit back, "..."')."""
    if len(before) < 2 or before[-1].text not in (",", ":"):
        return None
    verb = before[-2]
    if verb.pos_ in ("ADP", "ADV", "PART") and len(before) > 2:
        verb = before[-3]  # "hit back,"
    subject = subject_of(verb, ctx)
    if subject is None:
        return None
    if ctx.is_reporting(verb):
        return verb
    if kind == "direct" and verb.pos_ == "VERB" and names_someone(subject, ctx):
        return verb
    return None


def _name_then_verb(after: list[Token], ctx: Context) -> _Attribution | None:
    """'"...," Jane Doe, the guru who founded it, tweeted': a name right after the quote
    and a reporting verb further on that the parser gave no subject outside the quote
    (it read the name as part of the quoted sentence): the name."""
    ent = entity_of(after[0])
    if ent is None or ent.label_ not in PERSON_LABELS + GROUP_LABELS or ent.start != after[0].i:
        return None
    for token in after[:MAX_NAME_TO_VERB]:
        if ctx.is_reporting(token) and token.tag_ in ("VBD", "VBZ"):
            subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
            if all(ctx.inside[c.i] for c in subjects):
                return _Attribution(CueRule.VERB_AFTER, token, ent.root)
            return None
    return None


def _bare_attribution(after: list[Token], ctx: Context) -> Token | None:
    """A short sentence after a quote that only says who spoke ('Doe wrote.', 'Smith said
    on Tuesday.'): a reporting verb with a subject and no content of its own."""
    cue = cue_in(after[:8], ctx, prefer="first")
    if cue is None or len(after) > 12:
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "dobj", "attr") for c in cue.children):
        return None
    subject = subject_of(cue, ctx)
    return cue if subject is not None and subject.i < cue.i else None


def _adjacent_verb(after: list[Token], ctx: Context) -> Token | None:
    """Any verb whose subject names someone right after a direct quote ('"...," she
    elaborated' / '"...," hit back Jones'): the attribution slot needs no listed verb."""
    for token in after[:4]:
        if token.pos_ == "VERB" and token.dep_ in ("ROOT", "parataxis", "ccomp"):
            subject = subject_of(token, ctx)
            if subject is not None and names_someone(subject, ctx):
                return token
            return None
    return None
