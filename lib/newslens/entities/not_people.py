"""One-word "people" the document itself shows to be something else: a word written with an
article ("the Sopranos") or a place written with its state ("Ferguson, Mo.").

Only this document's evidence is used, and only for names nothing else makes a person: no
title before any of their mentions, and not a word of a longer person's name of the
document. These rules run in the per-document pass, after the document's links.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from newslens.entities.mention import Mention

if TYPE_CHECKING:
    from newslens.types import Doc

__all__ = ["drop_article_nouns", "places_with_their_state", "without_false_people"]


def without_false_people(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """The mentions after both rules of this module: articles, then states."""
    mentions = drop_article_nouns(doc, mentions)
    places_with_their_state(doc, mentions)
    return mentions


# Words that make the noun after them a common noun, never a person's name alone.
_ARTICLES = frozenset({"the", "a", "an"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "conj"})
_JOINING_WORDS = frozenset({"and", "or", "nor", "-", "'s", "’s"})


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
    common = {name for name, after in uses.items() if 2 * sum(after) >= len(after)}
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


def places_with_their_state(doc: Doc, mentions: list[Mention]) -> None:
    """Relabel, in place, the one-word "people" the document writes as a place followed by
    its state or country ("from Anderson, S.C.", "in Ferguson, Mo.", "Kent, Washington"): a
    place, in every mention of the document ("Ferguson police" after "Ferguson, Mo.").

    Why: the tagger reads the names of small towns as surnames; a town's state after a
    comma is the evidence a reader uses."""
    candidates = _unsupported_names(mentions)
    placed = {m.name for m in mentions if m.name in candidates and _before_its_state(doc, m)}
    for index, mention in enumerate(mentions):
        if mention.label == "PERSON" and mention.entity in placed:
            mentions[index] = replace(mention, label="GPE", linked_by="place")


def _unsupported_names(mentions: list[Mention]) -> set[str]:
    """The one-word PERSON names of the document that nothing else makes a person: no
    title before any mention, not a word of a longer person's name of the document."""
    people = [m for m in mentions if m.label == "PERSON"]
    longer = {word for m in people if " " in m.entity for word in m.entity.split(" ")}
    titled = {m.name for m in people if m.role}
    return {
        m.name
        for m in people
        if m.entity == m.name and " " not in m.name and m.name not in titled | longer
    }


def _before_its_state(doc: Doc, mention: Mention) -> bool:
    """Whether a one-token mention is followed by a comma and a place ("Kent, Washington")."""
    after = mention.token + 1
    return after + 1 < len(doc) and doc[after].text == "," and doc[after + 1].ent_type_ == "GPE"
