"""Speakers: from the token naming who speaks to the words written and the entity meant.

A name is linked to the entity mention it overlaps; a pronoun, a role noun ("the minister")
or an outlet noun ("the daily") to the most recent compatible mention before it; a short
name ("the Post") to the full name given earlier. What cannot be linked is left unresolved
rather than guessed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newslens.quotes.gender import noun_gender, pronoun_gender
from newslens.quotes.lexicon import (
    ABSTRACT_ENDINGS,
    DEMONSTRATIVES,
    GROUP_LABELS,
    GROUP_PRONOUNS,
    HOLDING_VERBS,
    PART_WORDS,
    PERSON_LABELS,
    PERSON_PRONOUNS,
    QUANTIFIERS,
    QUANTITY_LABELS,
    QUANTITY_WORDS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    THING_PRONOUNS,
    outlet_nouns,
    people_nouns,
    sign_nouns,
    source_nouns,
    speech_nouns,
    unnamed_source_nouns,
)
from newslens.quotes.records import Speaker
from newslens.quotes.rules import SpeakerRule
from newslens.text import strip_possessive

if TYPE_CHECKING:
    from newslens.quotes.context import Context, Mention
    from newslens.types import Span, Token

__all__ = [
    "speaker_from_token",
    "entity_of",
    "names_someone",
    "can_speak",
    "is_source_noun",
    "not_a_source",
    "look_through",
    "is_quantity",
]


def entity_of(token: Token) -> Span | None:
    """The entity span holding ``token``, found from its own IOB tags (scanning
    ``doc.ents`` per call would make long articles quadratic)."""
    if not token.ent_type_:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    # The run of IOB tags is the entity; building the span directly avoids Span.ents, which
    # walks every entity of the document. spaCy is imported here, not at the top, so that
    # notebooks reading quote tables never import it.
    from spacy.tokens import Span

    return Span(doc, start, end, label=token.ent_type_)


def names_someone(token: Token, ctx: Context) -> bool:
    """Whether a subject token is a person or group: a pronoun or an entity mention."""
    if token.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
        return True
    return any(m.start <= token.idx < m.end for m in ctx.mentions)


def can_speak(token: Token, ctx: Context) -> bool:
    """Whether a subject names someone who can speak: a person or group (a pronoun or an
    entity mention), or a common noun for people, an organisation, an outlet or a document
    ("officials", "critics", "the newspaper", "White House aides"); never an abstract noun,
    a quantity or a demonstrative."""
    if names_someone(token, ctx) or token.pos_ == "PROPN" or token.lower_ in THING_PRONOUNS:
        return True
    if token.pos_ != "NOUN" or is_quantity(token):
        return False
    if name_tagged_as_noun(token):
        return True
    return not not_a_source(token) and is_source_noun(token)


def name_tagged_as_noun(token: Token) -> bool:
    """Whether a common noun is a surname the tagger took for a plural ('"...,"
    Sessions said'): capitalised inside a sentence of lower-case words, with no determiner
    or modifier before it."""
    if not token.text[:1].isupper() or token.is_sent_start or token.i == 0:
        return False
    previous = token.doc[token.i - 1]
    if previous.is_punct:
        # After a closing mark or a comma ('," Sessions said'), not an opening one ('"Today').
        closing = previous.text in ("”", "''", '"') and bool(previous.whitespace_)
        if not (closing or previous.text == ","):
            return False
    if any(c.dep_ in ("det", "amod", "compound", "poss", "nummod") for c in token.lefts):
        return False
    words = [t for t in token.sent if t.is_alpha]
    upper = sum(t.text[:1].isupper() for t in words)
    return upper * 2 < len(words)  # not a headline in title case


def is_source_noun(token: Token) -> bool:
    """Whether a common noun names people, an organisation, an outlet or a document (the
    lists ``people_nouns``, ``source_nouns``, ``outlet_nouns``, ``speech_nouns`` and
    ``unnamed_source_nouns`` of ``data/``)."""
    lemma = token.lemma_.lower()
    return (
        lemma in people_nouns()
        or lemma in source_nouns()
        or lemma in outlet_nouns()
        or lemma in speech_nouns()
        or token.lower_ in unnamed_source_nouns()
    )


def _name_span(token: Token, ctx: Context) -> tuple[int, int]:
    """Character span of the name or noun phrase headed by ``token`` (without clauses)."""
    ent = entity_of(token)
    if ent is not None and ent.label_ in PERSON_LABELS + GROUP_LABELS:
        start = ent.start_char
        while start < ent.end_char and not ctx.text[start].isalnum():
            start += 1  # "― Jane Doe" tagged with its dash
        # The entity step may have cut the tagger's span ("Harbor Board Says Port Fees Will
        # Rise" in a headline -> "Harbor Board"): the name is the mention it kept.
        kept = next(
            (
                m
                for m in ctx.mentions
                if m.start <= token.idx < m.end and start <= m.start and m.end < ent.end_char
            ),
            None,
        )
        return (kept.start, kept.end) if kept is not None else (start, ent.end_char)
    if token.pos_ == "PRON":
        return token.idx, token.idx + len(token)
    left = token.i
    for child in token.lefts:
        if child.dep_ in ("compound", "amod", "det", "poss", "nmod", "nummod", "flat"):
            edge = child.left_edge
            while edge.i < token.i and not edge.text[:1].isalnum():
                edge = ctx.doc[edge.i + 1]
            left = min(left, edge.i)
    right = token.i
    for child in token.rights:
        if child.dep_ in ("compound", "flat") and child.i == right + 1:
            right = child.i
    span = ctx.doc[left : right + 1]
    group = _group_of_part(token)
    if group is not None:
        # "most of the workers": the part keeps the group it is a part of.
        return span.start_char, _name_span(group, ctx)[1]
    return span.start_char, span.end_char


def _group_of_part(token: Token) -> Token | None:
    """The group a word for a part of it names right after "of" ("most of the workers",
    "61 percent of Democrats"), or None."""
    if token.lower_ not in PART_WORDS and token.lemma_.lower() not in PART_WORDS:
        return None
    of = next((c for c in token.rights if c.dep_ == "prep" and c.i == token.i + 1), None)
    if of is None or of.lower_ != "of":
        return None
    return next((c for c in of.children if c.dep_ == "pobj"), None)


def _resolve_pronoun(
    offset: int, labels: tuple[str, ...], ctx: Context, preferred: str, *, gender: str = ""
) -> Mention | None:
    """The most recent mention with one of ``labels`` before ``offset`` and outside quotes,
    preferring the previous speaker and, after it, subjects of recent sentences. With a
    ``gender`` ("she", "the woman"), a person the document gives the other gender is never
    the answer: the choice is made again without them (and only then, so a person of
    unknown gender keeps the choice the recency rules make)."""
    candidates = [
        m
        for m in ctx.mentions
        if m.end <= offset and m.label in labels and not ctx.inside_quote(m.start)
    ]
    chosen = _most_likely(offset, candidates, ctx, preferred)
    if chosen is None or not gender or ctx.genders.get(chosen.entity, gender) == gender:
        return chosen
    agreeing = [m for m in candidates if ctx.genders.get(m.entity, gender) == gender]
    return _most_likely(offset, agreeing, ctx, preferred)


def _most_likely(
    offset: int, candidates: list[Mention], ctx: Context, preferred: str
) -> Mention | None:
    """Of ``candidates`` (in text order, before ``offset``): the subject of a clause holding
    the pronoun; else the previous speaker, if named recently and not just after another
    subject; else the last recent subject; else the last candidate."""
    if not candidates:
        return None
    commanding = _commanding_subject(offset, candidates, ctx)
    if commanding is not None:
        return commanding
    paragraph = ctx.paragraph_index(offset)
    window_start = ctx.paragraphs[max(paragraph - 1, 0)][0] if ctx.paragraphs else 0
    recent = [m for m in candidates if m.start >= window_start]
    if preferred and any(m.entity == preferred for m in recent):
        if not any(m.is_subject and m.entity != preferred for m in recent[-1:]):
            return next(m for m in reversed(recent) if m.entity == preferred)
    subjects = [m for m in recent if m.is_subject]
    if subjects:
        return subjects[-1]
    return candidates[-1]


def _commanding_subject(offset: int, candidates: list[Mention], ctx: Context) -> Mention | None:
    """The subject of a clause that holds the pronoun at ``offset`` ("Ban condemned what
    he called ...", "Doe said he would ..."): a reader takes it over an earlier speaker."""
    sentence = ctx.sentence_id(offset)
    pronoun = ctx.doc.char_span(offset, offset + 1, alignment_mode="expand")
    if pronoun is None:
        return None
    for mention in reversed(candidates):
        if not mention.is_subject or ctx.sentence_id(mention.start) != sentence:
            continue
        span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and span.root.head.is_ancestor(pronoun[0]):
            return mention
    return None


def _named_by_apposition(token: Token) -> Token:
    """The name of a speaker described by a noun: "the spokesman, John Smith," (the
    apposition) or "Doe, the committee chair, who said" (the noun is the apposition)."""
    if token.pos_ != "NOUN":
        return token
    for child in token.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            return child
    if token.dep_ == "appos" and token.head.pos_ == "PROPN":
        return token.head
    return token


def speaker_from_token(
    token: Token, ctx: Context, previous: Speaker | None, *, cue: Token | None = None
) -> Speaker:
    """A speaker from the token heading the subject of a reporting verb (``previous``: the
    speaker of the quote before, which a pronoun prefers; ``cue``: that verb).

    When the verb's subject is a relative pronoun standing for ``token`` ("said Weaver, who
    added that ..."), the speaker's words are the pronoun, as for "he added", linked to
    the entity ``token`` names; unlinked, they stay the noun's own words ("critics")."""
    speaker = _speaker_named_by(token, ctx, previous)
    if _is_sign(token):
        return speaker  # "a shirt that reads": the wearer's words, not "that"
    relative = _relative_subject(cue, token) if cue is not None else None
    if relative is None or not speaker.entity:
        return speaker
    start, end = relative.idx, relative.idx + len(relative)
    return Speaker(
        start, end, relative.text, speaker.entity, speaker.label, SpeakerRule.RELATIVE_PRONOUN
    )


def _relative_subject(cue: Token, antecedent: Token) -> Token | None:
    """The relative pronoun that is the subject of ``cue`` (or of the verb ``cue`` is
    coordinated with: "who smiled and said") in a relative clause on ``antecedent``."""
    verb = cue
    while verb.dep_ == "conj" and verb.head != verb:
        if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            return None
        verb = verb.head
    if verb.dep_ != "relcl" or not (verb.head == antecedent or antecedent.is_ancestor(verb.head)):
        return None  # (on a thing the antecedent holds: "an official familiar with it, who")
    for child in verb.lefts:
        if child.dep_ in SUBJECT_DEPS and child.lower_ in RELATIVE_PRONOUNS:
            return child
    return None


def _speaker_named_by(token: Token, ctx: Context, previous: Speaker | None) -> Speaker:
    """The speaker the subject ``token`` names: linked to an entity where it can be."""
    preferred = previous.entity if previous else ""
    token = _named_by_apposition(token)
    if not_a_source(token):
        # "mounting criticism from X and Y, who say": look through to X; else nobody.
        source = look_through(token, ctx)
        if source is None:
            return Speaker(rule=SpeakerRule.NOT_A_SOURCE)
        token = source
    if _is_sign(token):
        # "Protesters held signs reading ...": the holder's words; "a sign said": nobody's.
        holder = _holder_of(token, ctx)
        if holder is None:
            return Speaker(rule=SpeakerRule.NOBODYS_SIGN)
        token = holder
    start, end = _name_span(token, ctx)
    text = ctx.text[start:end]
    lower = token.lower_
    if token.pos_ == "PRON" or lower in PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS:
        return _pronoun_speaker(lower, start, end, ctx, preferred)
    head_start, head_end = token.idx, token.idx + len(token)
    overlapping = [m for m in ctx.mentions if m.start < head_end and head_start < m.end]
    if overlapping:
        named = max(overlapping, key=lambda m: (m.end - m.start, -m.start))
        if " " not in named.entity:
            # "the Post" after "The Washington Post": the full name given before.
            named = _short_name(token, start, ctx) or named
        return _linked(start, end, strip_possessive(text), named, SpeakerRule.NAMED)
    if token.pos_ == "PROPN" or name_tagged_as_noun(token):
        full = _short_name(token, start, ctx)
        if full is not None:
            return _linked(start, end, strip_possessive(text), full, SpeakerRule.SHORT_NAME)
    if token.pos_ == "NOUN" and token.lemma_.lower() in outlet_nouns():
        # "the daily wrote", "the ministry said": the organisation named last.
        organisation = _resolve_pronoun(start, ("ORG",), ctx, preferred)
        if organisation is not None:
            return _linked(start, end, text, organisation, SpeakerRule.ORGANISATION_NOUN)
    if _is_role_noun(token):
        # A role noun ("the minister") refers back to the last person named in the text.
        determiner = [c for c in token.lefts if c.dep_ == "det"]
        if determiner and determiner[0].lower_ == "the" and token.tag_ == "NN":
            gender = noun_gender(token.lower_)
            person = _resolve_pronoun(
                start, PERSON_LABELS + ("ORG",), ctx, preferred, gender=gender
            )
            if person is not None and person.label == "PERSON":
                return _linked(start, end, text, person, SpeakerRule.ROLE_NOUN)
    return Speaker(start, end, strip_possessive(text), rule=SpeakerRule.NOT_LINKED)


def _linked(start: int, end: int, text: str, mention: Mention, rule: SpeakerRule) -> Speaker:
    return Speaker(start, end, text, mention.entity, mention.label, rule)


def _pronoun_speaker(lower: str, start: int, end: int, ctx: Context, preferred: str) -> Speaker:
    """A pronoun speaker, linked to the most recent mention it can stand for: a person of
    the pronoun's gender for "he"/"she", a group or a person but never a place for "they"
    (and nobody when a noun for people is the subject nearby), an organisation or place for
    "it"."""
    text = ctx.text[start:end]
    labels: tuple[str, ...]
    if lower in PERSON_PRONOUNS:
        labels = PERSON_LABELS
    elif lower in GROUP_PRONOUNS:
        labels = tuple(label for label in GROUP_LABELS if label != "GPE") + PERSON_LABELS
    elif lower in THING_PRONOUNS:
        labels = GROUP_LABELS
    else:
        return Speaker(start, end, text, rule=SpeakerRule.PRONOUN_NOT_RESOLVED)
    mention = _resolve_pronoun(start, labels, ctx, preferred, gender=pronoun_gender(lower))
    if mention is None or (lower in GROUP_PRONOUNS and _group_noun_after(mention, start, ctx)):
        return Speaker(start, end, text, rule=SpeakerRule.PRONOUN_NOT_RESOLVED)
    return _linked(start, end, text, mention, SpeakerRule.PRONOUN)


def _group_noun_after(mention: Mention, offset: int, ctx: Context) -> bool:
    """Whether a plural noun for people is the subject of a clause in the sentence of the
    "they" at ``offset`` or the one before, after ``mention`` or, when the mention is one
    person, anywhere there ("Experts say Trump is right that China isn't playing fair. But
    they warn ..."): "they" stands for them, who have no entity, rather than for the name."""
    sentence = ctx.sentence_id(offset)
    low = ctx.sentence_starts[max(sentence - 1, 0)]
    if mention.label != "PERSON":
        low = max(low, mention.end)
    span = ctx.doc.char_span(low, offset, alignment_mode="contract")
    if span is None:
        return False
    return any(
        t.tag_ == "NNS"
        and t.dep_ in SUBJECT_DEPS
        and t.lemma_.lower() in people_nouns()
        and not ctx.inside[t.i]
        for t in span
    )


def not_a_source(token: Token) -> bool:
    """Whether a subject cannot be the source of a quote: a demonstrative ("That does not
    mean"), the reader ("If you had said "a small group""), nobody ("no one can say that
    ...", "nobody said") or an abstract noun that is not an organisation or a document."""
    if token.lower_ in ("you", "nobody", "none") or _no_one(token):
        return True
    if token.lower_ in DEMONSTRATIVES and token.dep_ != "relcl":
        # "Those close to him say", "those who know her": people, not a demonstrative.
        described = any(c.dep_ in ("amod", "relcl", "acl", "prep") for c in token.children)
        return token.pos_ in ("PRON", "DET") and not described
    if token.pos_ != "NOUN" or name_tagged_as_noun(token):
        return False
    lemma = token.lemma_.lower()
    if lemma in source_nouns() or lemma in speech_nouns() or lemma in outlet_nouns():
        return False
    return lemma.endswith(ABSTRACT_ENDINGS)


def _is_sign(token: Token) -> bool:
    """Whether ``token`` names a thing that carries words (:func:`sign_nouns`)."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in sign_nouns()


def _holder_of(thing: Token, ctx: Context) -> Token | None:
    """Who holds, wears or hands out a thing that carries words: the subject of a verb of
    holding whose object it is ("Protesters held up signs", "He wears a red shirt", "a man
    handing out placards"), or someone who can speak with it ("Ann showed up with a sign",
    "a senator with a placard"); None when the sentence names nobody ("the bus passed a
    sign")."""
    while thing.dep_ == "conj" and thing.head.i < thing.i:
        thing = thing.head  # "held up signs and banners": what the first one hangs on
    head = thing.head
    if thing.dep_ == "pobj" and head.lower_ == "with":
        head = head.head
        holder = head if head.pos_ in ("NOUN", "PROPN", "PRON") else _subject_or_noun(head)
        return holder if holder is not None and can_speak(holder, ctx) else None
    if thing.dep_ == "nsubj" and head.dep_ in ("ccomp", "xcomp"):
        head = head.head  # "they will hold banners proclaiming ...", parsed as a clause
    elif thing.dep_ != "dobj":
        return None
    if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() not in HOLDING_VERBS:
        return None
    holder = _subject_or_noun(head)
    if holder is None or holder.lower_ in THING_PRONOUNS or is_quantity(holder):
        return None
    return holder


def _subject_or_noun(verb: Token) -> Token | None:
    """The subject of ``verb``, or the noun its relative or participle clause describes ("a
    man who held a sign", "a man handing out placards")."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    relative = subject is not None and subject.lower_ in RELATIVE_PRONOUNS
    if (relative and verb.dep_ == "relcl") or (subject is None and verb.dep_ == "acl"):
        return verb.head
    return subject


def _no_one(token: Token) -> bool:
    """Whether ``token`` is the "one" of "no one"."""
    return token.lower_ == "one" and any(c.lower_ == "no" for c in token.lefts)


def is_quantity(token: Token) -> bool:
    """Whether a subject is a quantity or a quantified phrase ("39 percent", "Only 2
    percent", "a majority", "Every rally"): a count of people or things, which a fragment
    in marks under its verb is not credited to."""
    if token.ent_type_ in QUANTITY_LABELS or token.lemma_.lower() in QUANTITY_WORDS:
        return True
    return any(c.dep_ == "det" and c.lower_ in QUANTIFIERS for c in token.lefts)


def look_through(token: Token, ctx: Context) -> Token | None:
    """The source behind a subject that is not one: X in "criticism from X" / "by X"."""
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            for target in child.children:
                if target.dep_ == "pobj" and names_someone(target, ctx):
                    return target
    return None


def _short_name(token: Token, start: int, ctx: Context) -> Mention | None:
    """The organisation or person named in full earlier whose name ends with this word
    ("the Post" after "The Washington Post")."""
    word = token.text.lower()
    for mention in reversed(ctx.mentions):
        if mention.end <= start and mention.entity.lower().split()[-1:] == [word]:
            return mention
    return None


def _is_role_noun(token: Token) -> bool:
    """A common noun that may stand for a person named before ("the minister"), not for
    unnamed sources ("officials"), a group, an organisation ("the campaign") or a body named
    inside it ("the Grant campaign")."""
    if token.pos_ != "NOUN" or token.lower_ in unnamed_source_nouns():
        return False
    lemma = token.lemma_.lower()
    if lemma in source_nouns() or lemma in outlet_nouns() or lemma in speech_nouns():
        return False
    return not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)
