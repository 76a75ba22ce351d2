""" "People" the document itself shows to be something else: a one-word name written with an
article ("the Sopranos"), a name written after the kind of organisation it is ("the law firm
Reed Smith", "the website Deadspin") or followed by an apposition saying what kind of
organisation or work it is ("Kestrel Ward, a data firm"), a one-word name written after
a preposition of place
("the unrest in Ferguson"), a name in a list of storms ("hurricanes Harvey, Irma and
Maria") and a book of the Bible cited by chapter and verse ("Matthew 5:17"). (A town
written with its state, "Ferguson, Mo.", is
:func:`newslens.entities.document.places_before_regions`.)

Only this document's evidence is used, and only for names nothing else makes a person: no
title before any of their mentions, and not a word of a longer person's name of the
document. The rules run in the per-document pass, after the document's links.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newslens.entities.document import STORM_HEADS
from newslens.entities.mention import Mention
from newslens.entities.names import words_of_longer_names

if TYPE_CHECKING:
    from newslens.types import Doc, Token

__all__ = [
    "drop_article_nouns",
    "kinds_in_apposition",
    "organisations_after_their_kind",
    "places_after_locatives",
    "storms_and_scripture",
    "without_false_people",
]


# Words that make the noun after them a common noun, never a person's name alone.
_ARTICLES = frozenset({"the", "a", "an"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "conj"})
_JOINING_WORDS = frozenset({"and", "or", "nor", "-", "'s", "’s"})
# Prepositions of place: "in Ferguson", "near Crosby".
# ("at" is left out: "lashed out at Comey", "a swipe at Bannon".)
_LOCATIVES = frozenset({"in", "near", "inside", "outside", "across", "throughout"})
# Words after which "in X" is a person ("believe in Jesus", "confidence in Obama").
_IN_A_PERSON = frozenset({"believe", "belief", "trust", "faith", "confidence", "interest"})
# Nouns for kinds of organisation that name the organisation right after them ("the law firm
# Reed Smith", "news agency Dogan", "the texting app Yik Yak"); nouns for people ("pollster
# Ann Selzer", "publisher Jann Wenner") and loose ones ("a company Biden created") are not.
ORGANISATION_KINDS = frozenset(
    """agency airline app blog daily firm magazine manufacturer newspaper retailer site
    startup start-up website""".split()
)


# Nouns that, heading an apposition after a name, say it is an organisation ("Kestrel Ward,
# a data firm") or a work ("Long Shadow, the new film"); nouns for people ("publisher",
# "host") are neither.
APPOSED_ORGANISATION_KINDS = ORGANISATION_KINDS | frozenset(
    """bank broadcaster chain charity coalition company corporation faction group insurer
    militia movement network nonprofit organisation organization outlet party platform
    publication tabloid tank union""".split()
)
WORK_KINDS = frozenset(
    """album book cartoon comedy documentary drama film memoir movie musical novel opera
    play podcast poem series show sitcom song""".split()
)
# Plural nouns for kinds of organisation whose examples a list gives ("apps like Kestrel",
# "companies such as Verity"); not "groups", which a list fills with people too.
LISTED_ORGANISATION_KINDS = ORGANISATION_KINDS | frozenset(
    """brand company corporation firm network outlet platform publication service""".split()
)
# Possessive pronouns that make an apposition the person's own ("Vale, whose book ...").
_OWNING_PRONOUNS = frozenset({"whose", "his", "her", "their", "its", "my", "our", "your"})


# Words before the names of storms, also in lists ("hurricanes Harvey and Irma").
_STORM_WORDS = frozenset(w.lower() for w in STORM_HEADS) | {w.lower() + "s" for w in STORM_HEADS}
# What may stand between a storm word and a name in its list: names, commas, "and" ...
_LIST_WORDS = frozenset({",", "and", "or", "then", "&"})
_LIST_REACH = 8  # tokens walked back from a name to the storm word of its list
# "Matthew 5:17", "(John 3:16-18)"; not a clip's length ("01:39") nor a time ("10:30 a.m.")
_CHAPTER_AND_VERSE = re.compile(r"^[1-9]\d{0,2}:[1-9]\d{0,2}(?:-\d+)?$")


def without_false_people(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """The mentions after the rules of this module."""
    mentions = drop_article_nouns(doc, mentions)
    organisations_after_their_kind(doc, mentions)
    kinds_in_apposition(doc, mentions)
    places_after_locatives(doc, mentions)
    storms_and_scripture(doc, mentions)
    return mentions


def drop_article_nouns(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Leave out the one-word "people" the document writes with an article as the head of
    their phrase in at least half their mentions ("the Negro", "the Sopranos", "a SuperPAC",
    "the ADL"): a person's name takes no article, so the word is a group, a work, an
    organisation or a common noun.

    Only names nothing else makes a person: no title before any mention, not a word of a
    longer person's name of the document ("The Donald" beside "Donald Trump" stays), and the
    word not a modifier of the noun after it ("the Obama administration")."""
    candidates = _unsupported_names(mentions)
    uses: dict[str, list[bool]] = {}
    for m in mentions:
        if m.label == "PERSON" and m.entity == m.name and m.name in candidates:
            uses.setdefault(m.name, []).append(_after_article(doc, m))
    common = _in_half_or_more(uses)
    if not common:
        return mentions
    return [m for m in mentions if not (m.label == "PERSON" and m.entity in common)]


def _after_article(doc: Doc, mention: Mention) -> bool:
    """Whether a one-token mention follows an article and heads its phrase."""
    token = doc[mention.token]
    if token.i == 0 or mention.end != token.idx + len(token.text):
        return False
    following = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    if token.dep_ in _MODIFIER_DEPS or following in _JOINING_WORDS:
        return False  # "the Obama administration", "the Reagan and Bush White Houses"
    return doc[token.i - 1].lower_ in _ARTICLES and not any(
        child.dep_ == "conj" for child in token.children
    )


def _unsupported_names(mentions: list[Mention]) -> set[str]:
    """The one-word PERSON names of the document that nothing else makes a person: no
    title before any mention, not a word of a longer person's name of the document."""
    people = [m for m in mentions if m.label == "PERSON"]
    longer = words_of_longer_names(m.entity for m in people)
    titled = {m.name for m in people if m.role}
    return {
        m.name
        for m in people
        if m.entity == m.name and " " not in m.name and m.name not in titled | longer
    }


def organisations_after_their_kind(doc: Doc, mentions: list[Mention]) -> None:
    """Relabel, in place, the "people" the document writes right after the kind of
    organisation they are ("the law firm Mayer Brown", "the website Deadspin", "ratings agency
    Fitch") or gives as examples of that kind ("apps like Kestrel"): organisations, in every
    mention of the document.

    Not when the name is the subject of a relative clause ("the law firm Manafort hired"),
    has a title or is a word of a longer person's name of the document."""
    people = [m for m in mentions if m.label == "PERSON"]
    longer = words_of_longer_names(m.entity for m in people)
    named = {
        m.name
        for m in people
        if not m.role
        and m.entity == m.name
        and m.name not in longer
        and (_after_organisation_kind(doc, m) or _in_list_of_kind(doc, m))
    }
    _relabel_people(mentions, named, "ORG")


def kinds_in_apposition(doc: Doc, mentions: list[Mention]) -> None:
    """Relabel, in place, the "people" the document describes right after them, set off by a
    comma, as a kind of organisation or of work ("Reed Holt, the senator's law firm,",
    "Kestrel Ward, a data firm,", "Long Shadow, the new film about ..."): organisations or
    works, in every mention of the document.

    Only an apposition whose head is a singular common noun of :data:`APPOSED_ORGANISATION_KINDS`
    or :data:`WORK_KINDS` that closes the phrase ("Ann Vale, the radio show host" is a host;
    "a group of lawmakers" a group of people), not owned by a pronoun ("Vale, whose book"),
    naming nothing more ("the group Citizens First") and ended by punctuation or by a clause
    about it; and only for names with no title that are no word of a longer person's name of
    the document."""
    people = [m for m in mentions if m.label == "PERSON"]
    longer = words_of_longer_names(m.entity for m in people)
    kinds: dict[str, set[str]] = {"ORG": set(), "WORK_OF_ART": set()}
    for m in people:
        if m.role or m.entity != m.name or m.name in longer:
            continue
        label = _kind_in_apposition(doc, m)
        if label is not None:
            kinds[label].add(m.name)
    for label, names in kinds.items():
        _relabel_people(mentions, names, label)


def _kind_in_apposition(doc: Doc, mention: Mention) -> str | None:
    """ "ORG" or "WORK_OF_ART" when an apposition after the mention says what kind of
    organisation or work it is (see :func:`kinds_in_apposition`), else None."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.end + 2 >= len(doc) or doc[span.end].text != ",":
        return None
    for kind in span.root.children:
        if kind.dep_ != "appos" or kind.left_edge.i != span.end + 1 or kind.tag_ != "NN":
            continue
        after = doc[kind.i + 1] if kind.i + 1 < len(doc) else None
        closed = (
            after is None
            or after.is_punct
            or after.dep_ in ("relcl", "acl")
            or after.lower_ in ("that", "which")
        )
        if (
            not kind.text.islower()
            or kind.left_edge.lower_ in _OWNING_PRONOUNS
            or not closed
            or any(c.dep_ == "appos" for c in kind.children)
        ):
            continue
        lemma = kind.lemma_.lower()
        if lemma in APPOSED_ORGANISATION_KINDS:
            return "ORG"
        if lemma in WORK_KINDS:
            return "WORK_OF_ART"
    return None


def _after_organisation_kind(doc: Doc, mention: Mention) -> bool:
    """Whether the mention follows a noun of :data:`ORGANISATION_KINDS` and is not the subject
    of a relative clause."""
    token = doc[mention.token]
    if token.i == 0:
        return False
    kind = doc[token.i - 1]
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    root = span.root if span is not None else token
    # "the law firm Manafort hired": the name is the subject of a clause about the firm.
    relative = root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ == "relcl"
    return kind.lower_ in ORGANISATION_KINDS and kind.pos_ == "NOUN" and not relative


def _in_list_of_kind(doc: Doc, mention: Mention) -> bool:
    """Whether the mention is an example given of a plural kind of organisation ("apps like
    Kestrel", "services including Kestrel and Verity", "companies such as Verity, Brightline
    and Acme"): an item of the list after "like", "such as" or "including", not followed by a
    possessive ("companies like Tom Reyes's")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or (span.end < len(doc) and doc[span.end].tag_ == "POS"):
        return False
    item = span.root
    while item.dep_ == "conj" and item.head.i < item.i:
        item = item.head  # "Kestrel and Verity": up to the first item of the list
    marker = item.head
    if item.dep_ != "pobj" or marker.i == 0:
        return False
    such_as = marker.lower_ == "as" and doc[marker.i - 1].lower_ == "such"
    if not (marker.lower_ in ("like", "including") or such_as):
        return False
    kind = marker.head
    return kind.tag_ == "NNS" and kind.lemma_.lower() in LISTED_ORGANISATION_KINDS


def places_after_locatives(doc: Doc, mentions: list[Mention]) -> None:
    """Relabel, in place, the one-word "people" the document writes after a preposition of
    place in at least half their mentions ("the unrest in Ferguson", "lawmakers in Olympia"):
    places. The corpus vote may still make one the person whose name the corpus
    overwhelmingly reads it as ("in Obama").

    Only names nothing else in the document makes a person (see the module) and that begin
    none of its organisations' names ("at Bain" beside "Bain Capital"), never before a
    possessive ("in Kennedy's Labor Department") nor after "believe in", "trust in" and the
    like ("believe in Jesus")."""
    organisations = {m.name.split(" ")[0] for m in mentions if m.label == "ORG" and " " in m.name}
    candidates = _unsupported_names(mentions) - organisations
    uses: dict[str, list[bool]] = {}
    for m in mentions:
        if m.label == "PERSON" and m.name in candidates:
            uses.setdefault(m.name, []).append(_after_locative(doc, m))
    _relabel_people(mentions, _in_half_or_more(uses), "GPE")


def _after_locative(doc: Doc, mention: Mention) -> bool:
    """Whether the mention is the object of a preposition of place, with no possessive after
    it and no "believe in" before it."""
    token = doc[mention.token]
    if token.i == 0 or doc[token.i - 1].lower_ not in _LOCATIVES or token.dep_ != "pobj":
        return False
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if following is not None and following.text in ("'s", "’s", "'", "’"):
        return False
    return doc[token.i - 1].head.lemma_.lower() not in _IN_A_PERSON


def storms_and_scripture(doc: Doc, mentions: list[Mention]) -> None:
    """Relabel, in place, the one-word names the document shows to be a storm (an event) or
    a book of the Bible cited by chapter and verse ("Matthew 5:17": a work).

    A storm is the last word of a storm's name ("Hurricane Sandy") or a name after a storm
    word, also in a list ("hurricanes Harvey, Irma and Maria"); every one-word mention of
    it becomes an event, also one the pipeline tagged an organisation or place. Only names
    nothing else in the document makes a person (see the module)."""
    candidates = _unsupported_names(mentions)
    storms = {
        m.name.rsplit(" ", 1)[-1]
        for m in mentions
        if m.label == "EVENT" and m.name.split(" ", 1)[0].lower() in _STORM_WORDS
    }
    books = set()
    for m in mentions:
        if m.label != "PERSON" or m.name not in candidates:
            continue
        token = doc[m.token]
        if _in_storm_list(token):
            storms.add(m.name)
        elif _cited_by_chapter(token):
            books.add(m.name)
    for m in mentions:
        if m.name in storms and not m.role and m.label in ("ORG", "GPE", "NORP"):
            m.label = "EVENT"
    _relabel_people(mentions, storms & candidates, "EVENT")
    _relabel_people(mentions, books - storms, "WORK_OF_ART")


def _cited_by_chapter(token: Token) -> bool:
    """Whether a chapter and verse follow the name ("Matthew 5:17"), not a time of day."""
    after = [t.lower_ for t in token.doc[token.i + 1 : token.i + 3]]
    return (
        bool(after)
        and bool(_CHAPTER_AND_VERSE.match(after[0]))
        and after[1:] not in (["a.m."], ["p.m."], ["am"], ["pm"], ["et"])
    )


def _in_storm_list(token: Token) -> bool:
    """Whether a name follows a storm word, directly or through a list of names."""
    for previous in reversed(token.doc[max(0, token.i - _LIST_REACH) : token.i]):
        if previous.lower_ in _STORM_WORDS:
            return True
        if previous.pos_ != "PROPN" and previous.lower_ not in _LIST_WORDS:
            return False
    return False


def _in_half_or_more(uses: dict[str, list[bool]]) -> set[str]:
    """The names for which at least half the mentions (each a bool in ``uses``) pass."""
    return {name for name, passed in uses.items() if 2 * sum(passed) >= len(passed)}


def _relabel_people(mentions: list[Mention], names: set[str], label: str) -> None:
    """Give ``label``, in place, to the untitled PERSON mentions named or linked to one of
    ``names``."""
    for mention in mentions:
        if (
            mention.label == "PERSON"
            and names & {mention.name, mention.entity}
            and not mention.role
        ):
            mention.label = label
