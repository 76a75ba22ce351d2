"""Reporting cues: the verb or noun that reports speech and the token naming its source.

The cue is a verb on the reporting verb list (``data/reporting_verbs.txt``), a speech noun
("claim", "statement"; ``data/speech_nouns.txt``), "according to" or a "per" that credits a
source; its source is the verb's subject (also when inverted, '"...," said Rubio', or shared
with a coordinated verb), the noun's owner ("Grant's claim", "a Times report") or the
preposition's object.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from newslens.quotes.lexicon import (
    CLAUSE_DEPS,
    NOT_A_REPORTER,
    PLACE_LABELS,
    RELATIVE_PRONOUNS,
    STATING_VERBS,
    SUBJECT_DEPS,
    source_nouns,
    speech_nouns,
    statement_verbs,
)
from newslens.quotes.misparsed import (
    addressed_as_subject,
    addresser,
    closing_attribution_subject,
    doc_slice,
    inverted_subject,
    main_verb_read_as_participle,
    name_before_script_saying,
    name_right_before,
    subject_hung_on_relative_clause,
    subject_of_clause_before,
    subject_of_participle_above,
    subject_of_participle_before,
    subject_read_as_conjunct_head,
)
from newslens.quotes.shared_subject import clause_sharing_subject
from newslens.quotes.speakers import is_source_noun, look_through, names_someone, not_a_source

if TYPE_CHECKING:
    from newslens.quotes.context import Context
    from newslens.types import Doc, Token

__all__ = [
    "subject_of",
    "doc_slice",
    "according_to",
    "cue_in",
    "speaking_subject",
    "set_off",
    "noun_source",
    "opens_with_that",
    "opened_by_as",
    "passive_as_clause",
    "put_to_subject",
]


# Entity labels of a "per" object that is an amount or a time, never a source ("per year").
NOT_SOURCE_ENTITIES = ("CARDINAL", "DATE", "MONEY", "PERCENT", "QUANTITY", "TIME")
# Verbs whose object performs the infinitive after it ("prompted Rubio to call ...").
CAUSING_VERBS = frozenset(
    {"cause", "compel", "drive", "force", "inspire", "lead", "prompt", "provoke", "push", "spur"}
)


def subject_of(verb: Token, ctx: Context, depth: int = 0) -> Token | None:
    """The token naming who performs ``verb``: its subject, or the subject it shares with
    the verb it is coordinated with or depends on ("smiled and said", "adding that"); for a
    passive verb its agent ("was called a "liar" by Roe"), or nobody without one."""
    if depth == 0 and _is_passive(verb):
        # "Doe was called a "liar" by Roe", "a plan described as "reckless"": the words are
        # the agent's; the passive subject (or the noun described) is what they are about.
        return _agent(verb, ctx)
    named = name_right_before(verb, ctx) or name_before_script_saying(verb, ctx)
    if named is not None:
        return named
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not ctx.inside[c.i]]
    if subjects:
        return addressed_as_subject(verb, subjects) or _own_subject(verb, subjects, ctx)
    elsewhere = _subject_put_elsewhere(verb, ctx)
    if elsewhere is not None:
        return elsewhere
    sharing = clause_sharing_subject(verb, ctx, depth) if depth < 3 else None
    if sharing is not None:
        shared = subject_of(sharing, ctx, depth + 1)
        return None if _empty_it(verb, sharing, shared) else shared
    if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN"):
        # "X issued a statement saying ...": the statement's source; "officials speaking
        # on condition of anonymity": the officials; "emailed supporters saying": X.
        if verb.tag_ == "VBG":
            sender = addresser(verb.head)
            if sender is not None:
                return sender
        return _speech_source(verb.head, ctx)
    return None


def _empty_it(verb: Token, head: Token, subject: Token | None) -> bool:
    """Whether an infinitive takes its subject from an empty "it" ("it's safe to say",
    "it seems unfair to tell them"): the "it" of a copula or "seem" stands for the
    infinitive itself, not for anyone who says it."""
    if subject is None or subject.lower_ != "it" or subject.head != head:
        return False
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    copula = head.lemma_ in ("be", "seem", "appear") or head.lower_ in ("'s", "’s")
    return infinitive and copula


def _own_subject(verb: Token, subjects: list[Token], ctx: Context) -> Token:
    """Which of the subjects the parser gave ``verb`` speaks: of two, the one nearest before
    it ("Frustration with police: Civil rights activists say ..."), unless the verb is
    inverted after a comma ("The contrast, said Doyle, would ..."); for a relative pronoun,
    the noun it stands for."""
    child = max(subjects, key=lambda c: (c.i < verb.i, c.i if c.i < verb.i else -c.i))
    right_after = [c for c in subjects if c.left_edge.i == verb.i + 1]
    if right_after and verb.i > 0 and verb.doc[verb.i - 1].is_punct:
        child = right_after[0]
    if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        if verb.head.pos_ in ("VERB", "AUX"):
            # "T-shirts appeared outside that said ...", the clause hung on the verb: the
            # relative stands for that verb's subject.
            return next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS), child)
        if child.lower_ == "who":
            return _speech_source(_person_for_who(verb.head), ctx)
        return _speech_source(_document_of(verb.head, ctx) or verb.head, ctx)
    return child


def _person_for_who(noun: Token) -> Token:
    """What "who" stands for when the parser hung its clause on a place or a thing after a
    preposition ("a refugee from Syria, who told her", "one official familiar with the
    talks, who added"): the noun the phrase holding it depends on, through an adjective
    ("familiar with"), as a place or a thing is not a "who"."""
    if noun.ent_type_ not in PLACE_LABELS and not _thing(noun):
        return noun
    # "the leader of the opposition in North-Rhine Westphalia, who": up the chain of
    # prepositional phrases to the noun they all hang on.
    while noun.dep_ == "pobj":
        holder = noun.head.head
        if holder.pos_ == "ADJ" and holder.dep_ == "amod":
            holder = holder.head
        if holder.pos_ not in ("NOUN", "PROPN"):
            break
        noun = holder
    return noun


def _thing(noun: Token) -> bool:
    """Whether a common noun names neither people nor an organisation, outlet or document
    ("the talks", "the plan"), so no "who" stands for it."""
    return noun.pos_ == "NOUN" and not noun.ent_type_ and not is_source_noun(noun)


def _subject_put_elsewhere(verb: Token, ctx: Context) -> Token | None:
    """The subject of a verb the parser gave none, found where it put it (see
    :mod:`newslens.quotes.misparsed`), a name right before a participle ("footage of Jane
    Doe asking, ..."), or the object of a verb of causing ("prompted Rubio to call")."""
    hung = subject_hung_on_relative_clause(verb, ctx)
    if hung is not None:
        return hung
    previous = verb.doc[verb.i - 1] if verb.i > 0 else None
    found = (
        inverted_subject(verb, previous, ctx)
        or closing_attribution_subject(verb, ctx)
        or main_verb_read_as_participle(verb)
        or subject_of_participle_before(verb)
        or subject_of_participle_above(verb)
        or subject_of_clause_before(verb)
        or subject_read_as_conjunct_head(verb)
    )
    if found is not None:
        return found
    if (
        verb.tag_ == "VBG"
        and previous is not None
        and previous.pos_ == "PROPN"
        and previous.ent_type_ not in ("DATE", "TIME")  # "tweets early Friday saying"
    ):
        return previous
    return _object_of_control_verb(verb, ctx)


def _object_of_control_verb(verb: Token, ctx: Context) -> Token | None:
    """Who performs an infinitive that a verb of causing hangs on its object ("That
    prompted Rubio to call Trump "very flexible"": Rubio calls): the object, when it names
    someone. Only verbs of causing: after "urged Doe to" or "invited them to" the words
    are still the subject's."""
    if verb.dep_ != "xcomp" or verb.tag_ != "VB" or verb.head.lemma_ not in CAUSING_VERBS:
        return None
    for child in verb.head.children:
        if child.dep_ == "dobj" and child.i < verb.i:
            if names_someone(child, ctx) or is_source_noun(child):
                return child  # "leading Clinton advisers to counter that ..."
    return None


def opened_by_as(verb: Token) -> bool:
    """Whether the conjunction "as" opens the clause of ``verb`` ("as X noted"), not the
    second half of a comparison ("as violent as he suggested", "as much as he said")."""
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"), None)
    if mark is None:
        return False
    return not any(
        t.lower_ in ("as", "so") and t.dep_ == "advmod" and t.head.right_edge.i == mark.i - 1
        for t in verb.doc[verb.sent.start : mark.i]
    )


def passive_as_clause(verb: Token) -> bool:
    """Whether ``verb`` opens a passive "as" clause with its agent ("as reported by the
    Ledger", "as first described by the director"): a past participle opened by "as", with
    a "by" agent and neither a subject nor a "have" of its own ("as the paper has noted")."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBN" or not opened_by_as(verb):
        return False
    deps = {c.dep_ for c in verb.children}
    return "agent" in deps and not deps & {"nsubj", "aux"}


def put_to_subject(verb: Token) -> bool:
    """Whether the words are put to the subject of a passive "ask" or "tell" ("Vale was
    asked, "..."", "She was told: "...""): someone else's, whoever spoke before."""
    return verb.lemma_.lower() in ("ask", "tell") and _is_passive(verb)


def _is_passive(verb: Token) -> bool:
    """Whether ``verb`` is in the passive voice: it has a passive subject ("Doe was called
    ...") or is a past participle describing the noun it hangs on ("a plan described as
    ...", "an option seen by organizers as ...") or opening an "as" clause ("as reported by
    the Ledger")."""
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        # "he's said the same thing": "'s" is "has" when the verb has an object
        has = any(c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in verb.children)
        return not (has and any(c.dep_ == "dobj" for c in verb.children))
    if passive_as_clause(verb):
        return True  # "As reported by the Ledger, ...": the words are the agent's
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD"):
        return False
    # A past form hung on a noun with neither subject nor object is a participle ("the
    # loophole called an "inversion"", also when tagged as a past tense); with an object it
    # is the noun's own verb the parser took for one ("the campaign called the report a
    # "rush to judgment""), and so is the verb right after a name ("Trump called Clinton an
    # ISIS "co-founder"").
    if verb.i == verb.head.i + 1 and verb.head.ent_type_ in ("PERSON", "ORG"):
        return False
    if main_verb_read_as_participle(verb) is not None:
        return False
    return not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "dobj" for c in verb.children)


def _agent(verb: Token, ctx: Context) -> Token | None:
    """The agent of a passive verb ("by Roe"), also when the parser hangs "by" lower in the
    verb's phrase ("was called a "liar" by Roe", "labeled as a "witch hunt" by Roe"), but
    not inside a clause of its own; None when it names nobody."""
    for token in verb.subtree:
        if token.dep_ != "agent" and not (token.dep_ == "prep" and token.lower_ == "by"):
            continue
        if not _in_phrase_of(token, verb):
            continue
        for target in token.children:
            if target.dep_ == "pobj" and not ctx.inside[target.i]:
                return target
    return None


def _in_phrase_of(token: Token, verb: Token) -> bool:
    """Whether ``token`` depends on ``verb`` without crossing a clause of its own."""
    node = token.head
    while node != verb:
        if node.dep_ in CLAUSE_DEPS or node.head == node:
            return False
        node = node.head
    return True


def _speech_source(noun: Token, ctx: Context) -> Token:
    """Who speaks through the noun a relative clause or participle hangs on: the source of
    a speech noun ("X made a comment that described ...", "a statement from X saying"),
    else the noun itself ("officials speaking on condition of anonymity", "Doe, who
    said")."""
    if noun.lemma_.lower() in speech_nouns():
        return noun_source(noun, ctx) or noun
    return noun


def _document_of(noun: Token, ctx: Context) -> Token | None:
    """The document or speech a "which" clause belongs to when the parser hung it on what
    the document is about ("a defense of the mayor's spending, which argues ..."): the
    noun the "of" phrase hangs on, when it names a document or speech and ``noun`` names
    nobody who can speak; None otherwise."""
    if is_source_noun(noun) or names_someone(noun, ctx):
        return None
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ != "of" or head.head.pos_ != "NOUN":
        return None
    head = head.head
    lemma = head.lemma_.lower()
    return head if lemma in speech_nouns() or lemma in source_nouns() else None


def according_to(tokens: Sequence[Token]) -> Token | None:
    """The object of the first "according to" among ``tokens`` (the source it credits), or
    of a "per" set off by a comma that credits a source in the same way ("..., per Reuters",
    "Per a spokesman, ...")."""
    for token in tokens:
        if token.lower_ == "according" and token.i + 1 < len(token.doc):
            to = token.doc[token.i + 1]
            if to.lower_ == "to":
                objects = [c for c in to.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        if token.lower_ == "per":
            source = _per_source(token)
            if source is not None:
                return source
    return None


def _per_source(per: Token) -> Token | None:
    """The source a "per" credits: it opens its sentence or follows a comma (not "$5 per
    person") and its object names a source: a name, or a noun for people, an organisation, an
    outlet or a document with a determiner or an owner ("the report", "a spokesman")."""
    opens = per.is_sent_start or (per.i > 0 and per.doc[per.i - 1].text in (",", "(", "\u2014"))
    if not opens:
        return None
    source = next((c for c in per.children if c.dep_ == "pobj"), None)
    if source is None or source.ent_type_ in NOT_SOURCE_ENTITIES:
        return None
    if source.pos_ == "PROPN":
        return source
    determined = any(c.dep_ in ("det", "poss") for c in source.lefts)
    return source if determined and is_source_noun(source) else None


def cue_in(
    tokens: Sequence[Token], ctx: Context, *, prefer: Literal["first", "last"]
) -> Token | None:
    """The reporting verb in ``tokens`` with a subject, nearest the quote (the ``first``
    after it or the ``last`` before it)."""
    ordered = tokens if prefer == "first" else list(reversed(tokens))
    for token in ordered:
        if prefer == "first" and _relative_after(token, tokens[0]):
            continue  # '"a million dollars" on journalists who criticized ...': their own act
        if ctx.is_reporting(token) and subject_of(token, ctx) is not None:
            return token
    return None


def _relative_after(verb: Token, first: Token) -> bool:
    """Whether ``verb`` heads a relative clause opened by a relative pronoun on a noun at or
    after ``first`` ("journalists who criticized ..."): what that noun did, not an
    attribution ("is the way Buttigieg describes it" is one)."""
    if verb.dep_ != "relcl" or verb.head.i < first.i:
        return False
    return any(c.dep_ in SUBJECT_DEPS and c.lower_ in RELATIVE_PRONOUNS for c in verb.children)


def speaking_subject(token: Token, ctx: Context) -> Token | None:
    """The subject of a reporting verb when it can be the source of reported speech."""
    if ctx.inside[token.i] or not ctx.is_reporting(token, flag="indirect"):
        return None
    if any(c.dep_ == "neg" for c in token.children):
        return None
    subject = subject_of(token, ctx)
    if subject is None or (subject.lower_ in NOT_A_REPORTER and not _stating_it(token, subject)):
        return None
    if not_a_source(subject) and look_through(subject, ctx) is None:
        if not any(c.dep_ == "appos" for c in subject.children):
            return None
    return subject


def _stating_it(verb: Token, subject: Token) -> bool:
    """Whether ``subject`` is an "it" that a document or an organisation says things through:
    the own subject of a finite verb of saying (:data:`STATING_VERBS`) with the clause it
    reports after it ("it added that ...", not "it added 255,000 jobs")."""
    return (
        subject.lower_ == "it"
        and subject.head == verb
        and subject.dep_ == "nsubj"
        and verb.tag_ in ("VBD", "VBZ")
        and verb.lemma_.lower() in STATING_VERBS
        and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)
    )


def set_off(token: Token, subject: Token, doc: Doc) -> bool:
    """Whether the reporting clause 'he said' / 'he told me on Friday' is set off by commas
    on both sides (a parenthetical inside the reported sentence). Whitespace tokens do not
    count: scraped text puts a no-break space or two spaces after the comma, which the
    parser makes tokens of their own."""
    left, right = min(subject.left_edge.i, token.i), token.i
    for child in token.rights:
        if child.dep_ in ("ccomp", "conj", "cc"):
            break
        right = child.right_edge.i
    while right > token.i and doc[right].is_space:
        right -= 1
    before = left - 1
    while before > 0 and doc[before].is_space:
        before -= 1
    after = right + 1
    while after < len(doc) - 1 and doc[after].is_space:
        after += 1
    if before < 0 or doc[before].text != "," or after >= len(doc):
        return False
    return doc[right].text == "," or doc[after].text == ","


def opens_with_that(clause: Token) -> bool:
    """Whether the clause headed by ``clause`` opens with the conjunction "that"."""
    first = clause.left_edge
    return first.lower_ == "that" and first.dep_ == "mark"


def noun_source(noun: Token, ctx: Context, *, of_owner: bool = False) -> Token | None:
    """Who a speech noun belongs to: its possessor ("his claim"), a name compounded with it
    ("a Times report"), "by/from X", or the subject of a verb that issues it ("X made the
    claim").

    With ``of_owner``, for a noun whose content is its that-clause, "of X" names the owner
    too ("the contention of Clinton that ..."); elsewhere "of" gives the content ("chants
    of "USA, USA"")."""
    owner_preps = ("by", "from", "of") if of_owner else ("by", "from")
    for child in noun.lefts:
        if child.dep_ == "poss" and child.lower_ not in ("its", "my", "our", "your"):
            return child
        if child.dep_ == "compound" and child.pos_ == "PROPN":
            return child
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in owner_preps:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and names_someone(objects[0], ctx):
                return objects[0]
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in statement_verbs():
        subject = subject_of(verb, ctx)
        if subject is not None and subject.lower_ not in NOT_A_REPORTER:
            return subject
    return None
