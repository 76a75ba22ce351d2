"""Verbs that share the subject of another verb: an adjunct participle or infinitive, a
conjunct ("smiled and said", "..., calling it X", "stood up to say"), a participle hung on a
noun that cannot speak ("expressed frustration, recently telling ..."), and the reporter's
next report that the parser hung inside the clause reported before it ("X said he would sign
it, adding that ...", "X said it takes time but added, ..."). Used by
:func:`newslens.quotes.cues.subject_of`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from newslens.quotes.lexicon import OCCASION_NOUNS, SUBJECT_DEPS
from newslens.quotes.misparsed import joined_by_conjunction
from newslens.quotes.speakers import names_someone, not_a_source

if TYPE_CHECKING:
    from newslens.quotes.context import Context
    from newslens.types import Token

__all__ = ["clause_sharing_subject", "reporting_participle"]


def clause_sharing_subject(verb: Token, ctx: Context, depth: int) -> Token | None:
    """The verb whose subject ``verb`` shares: the clause a participle or infinitive
    adjunct hangs on ("..., calling it X", "went after him to release ..., calling", "stood
    up to say"), the one a conjunct is coordinated with, the clause holding a noun that
    cannot speak ("expressed frustration, recently telling ..."); a past participle ("Asked
    about it, ...") does not speak."""
    if verb.head == verb:
        return None
    if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN"):
        return _clause_of_mute_noun(verb, ctx)
    if verb.dep_ not in ("conj", "xcomp", "advcl", "pcomp", "dep"):
        return None
    # Of adverbial clauses only a participle speaks, or an infinitive below a shared
    # subject or of purpose that reports a clause.
    if verb.dep_ == "advcl" and verb.tag_ != "VBG":
        if verb.tag_ != "VB" or not (depth > 0 or _reports_with_purpose(verb)):
            return None
    head = verb.head
    if verb.dep_ == "pcomp" and head.pos_ == "ADP" and head.head != head:
        if _set_off_on_a_noun(verb):
            return _verb_holding(head.head)
        return head.head  # "defended it by saying that ..."
    if _reporting_after_report(verb, ctx):
        while head.dep_ == "conj" and head.head != head:
            head = head.head  # "said he has been ... and would do ..., saying that"
        return _clause_above(head)  # "X said he would sign it, adding that ...": X adds
    if _next_report_of_reporter(verb, ctx):
        return head.head  # "X said it takes time but added, "..."": X adds
    return head


def _next_report_of_reporter(verb: Token, ctx: Context) -> bool:
    """Whether a finite reporting verb after "but" or "and" was coordinated with the clause
    another reporting verb reports ("Pence said in politics it takes time but added, "...""):
    the reporter's next report, not the inner clause subject's."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ", "VBP") or not ctx.is_reporting(verb):
        return False
    if not joined_by_conjunction(verb):
        return False
    return head.dep_ == "ccomp" and head.head.i < head.i and ctx.is_reporting(head.head)


def _clause_of_mute_noun(participle: Token, ctx: Context) -> Token | None:
    """The verb whose object (or its conjunct) is the noun a present participle hangs on,
    when that noun is abstract ("frustration") or an occasion for speaking ("the debate");
    None for people, organisations and things that carry words ("officials speaking", "a
    statement saying", "a sign saying")."""
    noun = participle.head
    if participle.tag_ != "VBG" or noun.pos_ != "NOUN":
        return None
    if names_someone(noun, ctx) or not (not_a_source(noun) or noun.lemma_ in OCCASION_NOUNS):
        return None
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        noun = noun.head
    head = noun.head
    if noun.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        return head  # "expressed frustration, and trepidation, ..." parsed as a conjunct
    if noun.dep_ == "dobj" and head.pos_ in ("VERB", "AUX"):
        return head
    return None


def _set_off_on_a_noun(participle: Token) -> bool:
    """Whether a participle set off by a comma was hung on a preposition after a noun ("gave
    no figures about the cost, saying ..."): it goes with the clause that holds the
    noun, not with the noun ("his habit of saying" has no comma)."""
    return _set_off_participle(participle) and participle.head.head.pos_ in ("NOUN", "PROPN")


def _set_off_participle(token: Token) -> bool:
    """Whether ``token`` is a present participle right after a comma (", saying ...")."""
    return token.tag_ == "VBG" and token.i > 0 and token.doc[token.i - 1].text == ","


def _verb_holding(noun: Token) -> Token | None:
    """The verb of the clause a noun belongs to, up through nouns and prepositions ("gave
    no figures about ..." -> "gave"), or None."""
    node = noun
    while node.pos_ in ("NOUN", "PROPN", "ADP") and node.head != node:
        node = node.head
    return node if node.pos_ in ("VERB", "AUX") else None


def _reports_with_purpose(verb: Token) -> bool:
    """Whether an infinitive of purpose reports a clause ("stood up to say he ...")."""
    children = list(verb.children)
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
    return to and any(c.dep_ == "ccomp" for c in children)


def reporting_participle(token: Token, verbs: Mapping[str, frozenset[str]]) -> bool:
    """Whether ``token`` is the participle of a reporting verb set off by a comma (",
    adding that ...", ", saying ...")."""
    return _set_off_participle(token) and token.lemma_.lower() in verbs


def _reporting_after_report(verb: Token, ctx: Context) -> bool:
    """Whether ``verb`` is a reporting participle the parser hung on the clause another
    reporting verb reports ("X said he would sign the bill, adding that ...") or on a
    noun-complement clause ("X rejected the notion that Y could ..., arguing that ..."): the
    next report of the main clause's subject, not of the inner clause's."""
    head = verb.head
    if not reporting_participle(verb, ctx.verbs) or head.head == head:
        return False
    while head.dep_ in ("xcomp", "conj") and head.head != head:
        # "said Clinton will have to choose ..., saying": through "have"; "said he has been
        # ... and would do ..., saying": through the conjunct.
        head = head.head
    if head.dep_ == "ccomp":
        # '"...," Doe added, saying ...' parsed as what the sentence's first verb reports:
        # a reporting clause of its own, set off by a mark, keeps the participle; so does
        # a clause the parser hung on a verb inside the quotation that follows.
        outer = head.head
        return (
            ctx.is_reporting(outer) and not ctx.inside[outer.i] and not _set_off_report(head, ctx)
        )
    return head.dep_ == "acl" and head.head.pos_ == "NOUN" and _clause_above(head) is not head


def _set_off_report(verb: Token, ctx: Context) -> bool:
    """Whether ``verb`` is a reporting verb whose subject comes right after a quotation
    mark or a comma ('..., "from his perspective," Doe added')."""
    if not ctx.is_reporting(verb):
        return False
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and child.left_edge.i > 0:
            before = verb.doc[child.left_edge.i - 1]
            if before.text == "," or before.is_quote:
                return True
    return False


def _clause_above(verb: Token) -> Token:
    """The verb of the clause that holds the reported or noun-complement clause of ``verb``
    ("X rejected the notion that Y could ..."): ``verb`` itself when it heads no such clause."""
    head = verb
    while head.dep_ in ("ccomp", "acl", "xcomp") and head.head != head:
        above = head.head
        while (
            above.pos_ in ("NOUN", "PROPN")
            and above.dep_ in ("dobj", "nsubj", "attr")
            and above.head != above
        ):
            above = above.head
        if above.pos_ not in ("VERB", "AUX"):
            break
        head = above
    return head
