"""Reported speech introduced by a colon: a headline's name and colon ("Hale: Farm Subsidies
Will Be Cut") and a paragraph that ends in a reporting verb and a colon before a passage
without quotation marks ("Hewitt writes:"), and who a lead-in ending in a colon introduces
('The Clinton campaign worded it carefully: "..."'). Used by :mod:`newslens.quotes.indirect`
and :mod:`newslens.quotes.marked`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from newslens.quotes.complements import is_finite
from newslens.quotes.cues import speaking_subject, subject_of
from newslens.quotes.lexicon import PLACE_LABELS, people_nouns, speech_nouns
from newslens.quotes.report_spans import MIN_REPORT_TOKENS, Report
from newslens.quotes.rules import QuoteRule
from newslens.quotes.speakers import can_speak, names_someone

if TYPE_CHECKING:
    from newslens.quotes.context import Context
    from newslens.types import Span, Token

__all__ = ["block_after_lead_in", "colon_reports", "lead_in_speaker", "owner_of_words"]

# Nouns for someone's words: in a lead-in their owner is the speaker ("Vale's message was
# clear:", "The mayor's answer was simple:", "Her motto was, ...").
WORDS_NOUNS = frozenset(
    "message answer response reply motto dictum mantra refrain slogan words advice verdict"
    " remark comment promise pledge warning vow line argument view".split()
)

# A lead-in naming the source before a colon ("Hale: Subsidies Will Be Cut") has at most
# this many words.
MAX_LEAD_WORDS = 5
MAX_LEAD_CHARS = 80  # ... and at most this many characters
# Places: where a report comes from ("From Kathmandu, ..."), not who makes it (a country
# that speaks is named as the subject: "China said:"). Not facilities: "From the White
# House:" is the White House's.
PLACES = PLACE_LABELS - {"FAC"}


def colon_reports(ctx: Context) -> Iterator[Report]:
    """A clause after a paragraph's opening name and colon, the headline form of reported
    speech ("Hale: Farm Subsidies Will Be Cut", "Poll: Voters Back New Tolls"): the name
    must be someone who can speak and the words after the colon a clause with a verb. A
    label before a quotation (a transcript turn) overlaps the quote and is left out."""
    doc = ctx.doc
    for start, end in ctx.paragraphs:
        if ":" not in ctx.text[start : min(end, start + MAX_LEAD_CHARS)]:
            continue
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is None:
            continue
        colon = next((t for t in span[: MAX_LEAD_WORDS + 1] if t.text == ":"), None)
        if colon is None or colon.i == span.start or ctx.inside[colon.i]:
            continue
        lead = doc[span.start : colon.i]
        source = lead[-1]
        if lead.text.isupper() or not _names_a_source(lead, ctx):  # "HALE:": a transcript
            continue
        stop = colon.sent.end if colon.sent.end > colon.i + 1 else span.end
        content = doc[colon.i + 1 : min(stop, span.end)]
        words = [t for t in content if t.is_alpha]
        # Headlines are in title case, which the tagger reads poorly: a run of capitalised
        # words stands for the clause.
        headline = len(words) >= MIN_REPORT_TOKENS and all(t.text[0].isupper() for t in words)
        if headline or any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBG" for t in content):
            yield Report(content.start, content.end, colon, source, QuoteRule.COLON)


def _names_a_source(lead: Span, ctx: Context) -> bool:
    """Whether the words before a headline's colon are only the name of someone who can
    speak (a person or organisation named in full: "Hale", "NY Daily News") or a document
    ("Poll", "IG report"), not a heading ("The Latest", "Success on Climate")."""
    last = lead[-1]
    if last.pos_ == "NOUN" and last.lemma_.lower() in speech_nouns():
        return all(t.dep_ in ("det", "compound", "amod") for t in lead[:-1])
    start, end = lead.start_char, lead.end_char
    return any(
        m.start <= start and end <= m.end and m.label in ("PERSON", "ORG") for m in ctx.mentions
    )


def block_after_lead_in(ctx: Context) -> Iterator[Report]:
    """A paragraph without quotation marks after a paragraph that ends in a reporting verb
    and a colon ("Hewitt writes:" then the passage he wrote): the passage is what the
    verb's subject wrote or said, quoted as a block."""
    doc = ctx.doc
    for (start, end), (next_start, next_end) in zip(
        ctx.paragraphs, ctx.paragraphs[1:], strict=False
    ):
        lead = doc.char_span(start, end, alignment_mode="contract")
        block = doc.char_span(next_start, next_end, alignment_mode="contract")
        if lead is None or block is None or len(lead) < 2 or lead[-1].text != ":":
            continue
        verb = lead[-2]
        subject = speaking_subject(verb, ctx)
        if subject is None or not lead.start <= subject.i < lead.end:
            continue
        if any(ctx.inside[t.i] for t in block) or not any(is_finite(t) for t in block):
            continue
        yield Report(block.start, block.end, verb, subject, QuoteRule.BLOCK)


# Prepositions whose object in a lead-in is where the words were said ("on KTV News:").
MEDIUM_PREPOSITIONS = frozenset({"on", "in", "at", "to", "during"})


def lead_in_speaker(tokens: list[Token], ctx: Context) -> Token | None:
    """Who a lead-in ending with ':' introduces: a name right before the colon ('Jane
    Doe:'; a person at a place, 'Witness in Nice:', rather than the place) or a noun for
    people ('Nice resident:'), else the subject of the lead-in's main verb if it names
    someone."""
    if not tokens:
        return None
    last = tokens[-1]
    if last.pos_ == "PROPN" and names_someone(last, ctx):
        person = _person_at_place(last, ctx) or _named_before_medium(last, ctx)
        if person is not None or not _medium(last):
            return person or last
    verbless = not any(t.pos_ in ("VERB", "AUX") for t in tokens)
    if verbless and last.pos_ == "NOUN" and last.dep_ != "pobj":
        if last.lemma_.lower() in people_nouns():
            return last  # "Nice resident:", "One protester:"; not "chief of staff:"
    owner = owner_of_words(tokens, ctx)
    if owner is not None:
        return owner
    inside = {t.i for t in tokens}
    for verb in tokens:
        if verb.pos_ not in ("VERB", "AUX") or verb.head.i in inside and verb.head != verb:
            continue
        subject = subject_of(verb, ctx)
        if subject is not None and subject.i in inside and _can_introduce(subject, ctx):
            return subject
    # "Here's Doe in 1998:"
    named = [t for t in tokens if t.dep_ == "attr" and names_someone(t, ctx)]
    if named:
        return named[0]
    # "From the report:", "From Doe's letter:"
    if tokens[0].lower_ == "from":
        for source in (t for t in tokens[0].children if t.dep_ == "pobj"):
            if source.ent_type_ in PLACES:
                # "From Kathmandu, Cindy Stein, ..., sent this update:": where the report
                # comes from; the parser hung the sender on the place.
                sender = [
                    c for c in source.children if c.dep_ == "conj" and c.ent_type_ == "PERSON"
                ]
                if sender:
                    return sender[0]
            elif can_speak(source, ctx):
                return source
    return None


def owner_of_words(tokens: list[Token], ctx: Context) -> Token | None:
    """Whose words a lead-in announces when its main clause is "<someone's words> is ..."
    ("Vale's message was clear", "The mayor's answer was simple", "Her motto was"): the
    owner of the noun for words, when that owner can speak."""
    inside = {t.i for t in tokens}
    for verb in tokens:
        if verb.lemma_ != "be" or (verb.head.i in inside and verb.head != verb):
            continue  # not the lead-in's main verb (the parser may hang it on the quote)
        for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
            if subject.pos_ != "NOUN" or subject.lower_ not in WORDS_NOUNS:
                continue
            owner = next((c for c in subject.children if c.dep_ == "poss"), None)
            if owner is not None and can_speak(owner, ctx):
                return owner
    return None


def _medium(name: Token) -> bool:
    """Whether a name ending a lead-in is where the words were said, not who said them
    ("Then, a week later on KTV News:"); not a place after a noun for people ("Witness in
    Nice:", see :func:`_person_at_place`)."""
    preposition = name.head
    if name.dep_ != "pobj" or preposition.lower_ not in MEDIUM_PREPOSITIONS:
        return False
    if preposition.head.lower_ == "according":
        return False  # "According to the Kenton Herald:": the source
    return preposition.head.pos_ not in ("NOUN", "PROPN")


def _named_before_medium(name: Token, ctx: Context) -> Token | None:
    """The person named before the medium a lead-in ends with ("Jane Doe on KTV News:")."""
    holder = name.head.head if name.dep_ == "pobj" else None
    if name.head.lower_ not in MEDIUM_PREPOSITIONS or holder is None:
        return None
    return holder if holder.pos_ == "PROPN" and names_someone(holder, ctx) else None


def _person_at_place(place: Token, ctx: Context) -> Token | None:
    """The noun for people before a place and its preposition ("Witness in Nice:"): the
    source is the person, not the place."""
    labels = {m.label for m in ctx.mentions if m.start <= place.idx < m.end}
    if not (labels & PLACES or place.ent_type_ in PLACES) or place.dep_ != "pobj":
        return None
    preposition = place.head
    # The noun the preposition follows; in a headline the parser may make the preposition
    # a root of its own ("Witness in Nice:").
    noun = preposition.head if preposition.head != preposition else None
    if noun is None and preposition.i > 0:
        noun = place.doc[preposition.i - 1]
    if noun is None:
        return None
    if noun.lemma_.lower() in people_nouns() or noun.lower_ in people_nouns():
        return noun  # also when a headline's "Witness" is tagged as a verb or a name
    return noun if noun.pos_ == "NOUN" and can_speak(noun, ctx) else None


def _can_introduce(subject: Token, ctx: Context) -> bool:
    """Whether a lead-in's subject names its source: someone named, or a document of
    someone's ("Doe's letter makes the case:")."""
    if names_someone(subject, ctx):
        return True
    owned = any(c.dep_ in ("poss", "compound") and names_someone(c, ctx) for c in subject.children)
    return subject.pos_ == "NOUN" and owned  # "Doe's letter", "The Clinton campaign"
