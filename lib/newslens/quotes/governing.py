"""The report a partial quote sits in: the verb or noun outside the quotation that the
quoted words depend on in the parse ('X said the plan would "fail"', 'urged allies to "act
faster"', 'Grant's claim that there were "hundreds of leaks"')."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newslens.quotes.cues import (
    cue_in,
    noun_source,
    opens_with_that,
    set_off,
    speaking_subject,
    subject_of,
)
from newslens.quotes.lexicon import CHARACTERISING_VERBS, PERSON_PRONOUNS, speech_nouns
from newslens.quotes.speakers import can_speak, is_quantity, names_someone, not_a_source

if TYPE_CHECKING:
    from newslens.quotes.context import Context
    from newslens.quotes.marks import Quotation
    from newslens.types import Span, Token

__all__ = [
    "reporting_clause_cue",
    "governing_cue",
    "characterised_as",
    "holder_of_content_clause",
    "speech_noun_before",
    "report_ended_by",
]

# Dependencies that start a clause of their own: a verb beyond one of these governs another
# clause, not the quoted words.
CLAUSE_BOUNDARIES = ("relcl", "advcl", "acl", "pcomp", "csubj", "parataxis", "appos")
REPORT_SEARCH_DEPTH = 12  # heads walked up from the quote looking for a report
GOVERNOR_SEARCH_DEPTH = 8  # heads walked up from the quote looking for a governing verb
CONTENT_CLAUSE_DEPTH = 2  # heads walked up from a "that" clause to the verb holding it
CALLING_NOUNS = frozenset({"call", "demand", "plea", "appeal"})  # "a call for "...""


def _first_fragment_roots(q: Quotation, ctx: Context) -> tuple[Span | None, list[Token]]:
    """The tokens of a quote's first fragment and, of those, the ones whose head lies
    outside it (where the quote attaches to the sentence); ``(None, [])`` off the tokens."""
    span = ctx.doc.char_span(q.start, q.fragments[0][1], alignment_mode="expand")
    if span is None:
        return None, []
    return span, [t for t in span if not (span.start <= t.head.i < span.end) or t.head == t]


def reporting_clause_cue(q: Quotation, ctx: Context) -> tuple[Token | None, Token | None]:
    """The report that holds the quote and the token naming its source, or ``(None,
    None)``: the reporting verb whose clausal complement holds it ('X said the plan would
    "fail"'), a reporting clause set off inside the sentence ('The new rules, X
    explained, were "long overdue"') or a speech noun with a named source ('Grant's claim
    that there were "hundreds of leaks"')."""
    span, roots = _first_fragment_roots(q, ctx)
    if span is None:
        return None, None
    cast = _cast_in_relative_clause(roots, span, ctx)
    if cast[0] is not None:
        return cast
    counted: tuple[Token | None, Token | None] = (None, None)
    for token in roots:
        node = token
        for _ in range(REPORT_SEARCH_DEPTH):
            if node.head == node:
                break
            child, node = node, node.head
            if ctx.inside[node.i] or span.start <= node.i < span.end:
                continue
            found = _report_at(node, child, ctx)
            cue, source = found
            if cue is None or source is None:
                continue
            # A speech noun owned by a pronoun ("that his claims were "sarcasm"") gives way
            # to a report around it that names its speaker ("Trump did post that ...").
            owned_by_pronoun = cue.pos_ == "NOUN" and source.tag_ == "PRP$"
            if not is_quantity(source) and can_speak(source, ctx) and not owned_by_pronoun:
                return found
            # A poll's figure ("39 percent say ...") or a thing ("X argued that the database
            # would work, saying it ...") is the source only when no outer report holds it
            # ("The poll finds that 39 percent say ...").
            counted = counted if counted[0] is not None else found
    return counted


def _report_at(node: Token, child: Token, ctx: Context) -> tuple[Token | None, Token | None]:
    """(cue, source) when ``node`` reports the clause that ``child`` heads; a denied report
    reports nothing ("Comey cannot say that "...," Lewandowski added": Lewandowski's
    words)."""
    denied = any(c.dep_ == "neg" for c in node.children)
    if child.dep_ == "ccomp" and ctx.is_reporting(node, flag="indirect") and not denied:
        subject = subject_of(node, ctx)
        if subject is not None:
            return node, subject
    if child.dep_ in ("acl", "ccomp") and node.pos_ == "NOUN" and opens_with_that(child):
        if node.lemma_.lower() in speech_nouns():
            source = noun_source(node, ctx, of_owner=True)
            if source is not None:
                return node, source
    if child.dep_ in ("acl", "relcl", "ccomp") and opens_with_that(child):
        verb = _verb_of_object(node)
        if verb is not None and ctx.is_reporting(verb, flag="indirect"):
            subject = subject_of(verb, ctx)
            if subject is not None:
                # "said Tuesday that ...", "said in a statement that ...": the parser hung
                # the that-clause on the noun after the verb.
                return verb, subject
    for aside in node.children:
        if aside.dep_ == "parataxis":
            subject = speaking_subject(aside, ctx)
            if subject is not None and set_off(aside, subject, ctx.doc):
                return aside, subject
    noun = _speech_noun_of(node, child)
    if noun is not None:
        source = noun_source(noun, ctx)
        if source is not None:
            return noun, source
    return None, None


def _cast_in_relative_clause(
    roots: list[Token], span: Span, ctx: Context
) -> tuple[Token | None, Token | None]:
    """(verb, subject) when the quote is what a relative clause's subject casts its
    antecedent as ("Reyes, whom she blasted as a "bully"", "whom he called "a fraud""): that
    subject's words, not those of a report around the clause; ``(None, None)`` otherwise."""
    for token in roots:
        child, node = token, token.head
        if token.is_punct:
            continue
        for _ in range(2):  # the verb, or the verb above its "as"
            if node == child or span.start <= node.i < span.end or ctx.inside[node.i]:
                break
            subject = _casting_subject(node, child, ctx)
            if subject is not None:
                return node, subject
            child, node = node, node.head
    return None, None


def _casting_subject(node: Token, child: Token, ctx: Context) -> Token | None:
    """The subject of a relative clause's verb that casts the quoted words as what its
    relative pronoun stands for ("whom she blasted as a "bully"", "whom he called "a
    fraud""), when that subject is someone who can speak; None otherwise."""
    if node.dep_ != "relcl" or node.pos_ != "VERB":
        return None
    casts = (child.dep_ == "prep" and child.lower_ == "as") or (
        child.dep_ in ("oprd", "xcomp", "attr") and node.lemma_.lower() in CHARACTERISING_VERBS
    )
    if not casts:
        return None
    subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.tag_ == "WP" or not can_speak(subject, ctx):
        return None
    return subject


def _speech_noun_of(node: Token, child: Token) -> Token | None:
    """The speech noun whose words the quote holding ``child`` gives: its "of" phrase
    ("Trump's claim of "massive fraud"") or what it is ("Her campaign slogan is "I'm with
    her"")."""
    nouns = speech_nouns()
    if node.pos_ == "NOUN" and child.dep_ == "prep" and child.lower_ == "of":
        return node if node.lemma_.lower() in nouns else None
    if node.pos_ == "NOUN" and child.dep_ == "prep" and child.lower_ == "for":
        # "his call for "a total ban"": what is called for, in the caller's words
        return node if node.lemma_.lower() in CALLING_NOUNS else None
    if node.lemma_ == "be" and child.dep_ in ("attr", "ccomp", "acomp"):
        subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lemma_.lower() in nouns:
            return subject
    return None


def speech_noun_before(before: list[Token], ctx: Context) -> tuple[Token | None, Token | None]:
    """(noun, source) when the words right before a quotation are a speech noun and "that"
    ('stood by his comment Monday that "..."', 'repeated Vale's claim that "..."'): a
    sentence in marks as the noun's content is the words of whoever the noun belongs to,
    whatever verb comes after it; ``(None, None)`` otherwise."""
    if len(before) < 2 or before[-1].lower_ != "that":
        return None, None
    words = [t for t in before[:-1] if t.ent_type_ not in ("DATE", "TIME")]  # "comment Monday"
    noun = words[-1] if words else None
    if noun is None or noun.pos_ != "NOUN" or noun.lemma_.lower() not in speech_nouns():
        return None, None
    source = noun_source(noun, ctx, of_owner=True)
    if source is None or not can_speak(source, ctx):
        return None, None
    return noun, source


def report_ended_by(
    q: Quotation, before: list[Token], ctx: Context
) -> tuple[Token | None, Token | None]:
    """(cue, source) of the report whose clause the comma before a quotation ends ('The
    senator said he rarely asks others to campaign for him, "except for friends."'): the
    words are the report's source's, unless a reporting verb in ``before`` (the sentence
    up to the quotation) has a subject other than "he"/"she" ('Vale says, Reyes told his
    aides, "..."': Reyes's words); ``(None, None)`` otherwise."""
    if len(before) < 3 or before[-1].text != ",":
        return None, None
    inner = cue_in(before, ctx, prefer="last")
    inner_subject = subject_of(inner, ctx) if inner is not None else None
    if inner_subject is not None and inner_subject.lower_ not in PERSON_PRONOUNS:
        return None, None
    cue, source = reporting_clause_cue(q, ctx)
    if cue is None or source is None or cue.pos_ != "VERB" or not can_speak(source, ctx):
        return None, None
    return cue, source


def governing_cue(q: Quotation, ctx: Context, *, any_verb: bool = False) -> Token | None:
    """The verb outside the quote that the quoted words depend on, within their clause
    (so "promoting "quack" cures" in a relative clause is not credited to the main verb).

    With ``any_verb`` the first verb with a named or pronoun subject counts too
    ("Japan branded North Korea an "outlaw nation""); otherwise only reporting verbs.
    """
    span, roots = _first_fragment_roots(q, ctx)
    if span is None:
        return None
    for token in roots:
        head = token
        crossed_clause = False
        for _ in range(GOVERNOR_SEARCH_DEPTH):
            if head.head == head or crossed_clause:
                break
            if head.dep_ in CLAUSE_BOUNDARIES and not (span.start <= head.i < span.end):
                crossed_clause = True
            head = head.head
            if ctx.inside[head.i] or span.start <= head.i < span.end:
                continue
            if head.pos_ not in ("VERB", "AUX"):
                continue
            subject = subject_of(head, ctx)
            if subject is None:
                continue
            if ctx.is_reporting(head):
                if can_speak(subject, ctx) or head.dep_ not in ("xcomp", "conj", "ccomp"):
                    return head
                # "X said that fact speaks volumes about ...": a subject that cannot speak
                # hands the words to the report holding its clause.
                continue
            # The subject of a copula is what the words describe ("Cruz is "a basket
            # case""), not who says them, unless a "that" clause hands them to its holder.
            describes = head.lemma_ == "be" and not opens_with_that(head)
            if (
                any_verb
                and not describes
                and (
                    names_someone(subject, ctx)
                    or (can_speak(subject, ctx) and characterised_as(q, ctx, head))
                )
            ):
                return head
            if head.dep_ not in ("xcomp", "conj", "ccomp"):
                break
    return None


def characterised_as(q: Quotation, ctx: Context, verb: Token) -> bool:
    """Whether the quoted words are what ``verb`` casts something as ("Merkel heralded the
    deal as a "breakthrough"", "referred to him as a "reformer""): the quote hangs on an
    "as" that depends on the verb, a characterisation by the verb's subject."""
    _, roots = _first_fragment_roots(q, ctx)
    for token in roots:
        node = token
        for _ in range(GOVERNOR_SEARCH_DEPTH):
            if node.head == node or node == verb:
                break
            if node.lower_ == "as" and node.dep_ == "prep" and _on_verb_or_object(node, verb):
                return True
            node = node.head
    return False


def _on_verb_or_object(as_word: Token, verb: Token) -> bool:
    """Whether an "as" hangs on ``verb`` or on its direct object, where the parser often
    puts it ("heralded [the deal as] a ..."): either way the verb casts the object as it."""
    if as_word.i > 0 and as_word.doc[as_word.i - 1].lower_ == "such":
        return False  # "rejected terms such as ...": examples, not what the terms are cast as
    head = as_word.head
    return head == verb or (head.dep_ == "dobj" and head.head == verb)


def holder_of_content_clause(verb: Token, ctx: Context) -> Token | None:
    """The verb whose "that" clause ``verb`` heads, when its subject names someone ("she
    made it clear that she has "serious concerns"": the words are what she made clear, not
    what she has); None when ``verb`` opens no "that" clause or nobody holds it."""
    if not opens_with_that(verb):
        return None
    node = verb
    for _ in range(CONTENT_CLAUSE_DEPTH):
        if node.head == node:
            return None
        node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            continue
        subject = subject_of(node, ctx)
        if subject is not None and (names_someone(subject, ctx) or _may_hold_a_view(subject)):
            return node
        return None
    return None


def _may_hold_a_view(subject: Token) -> bool:
    """Whether a subject that names nobody can still say or find what a "that" clause
    holds ("Two analysts found that ...", "Experts have speculated that ..."): a plural
    noun, as groups of people are named, that is neither abstract nor a quantity."""
    plural = subject.pos_ == "NOUN" and subject.tag_ == "NNS"
    return plural and not not_a_source(subject) and not is_quantity(subject)


def _verb_of_object(noun: Token) -> Token | None:
    """The verb a noun right after it depends on, directly ("told reporters", "said
    Tuesday") or through a preposition ("said in a statement"); None otherwise."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    head = noun.head
    if noun.dep_ in ("dobj", "npadvmod", "dative") and head.pos_ in ("VERB", "AUX"):
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    return None
