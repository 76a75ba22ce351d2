"""One-word "people" the document itself shows to be something else: a word written with an
article ("the Sopranos"). (A town written with its state, "Ferguson, Mo.", is
:func:`newslens.entities.document.places_before_regions`.)

Only this document's evidence is used, and only for names nothing else makes a person: no
title before any of their mentions, and not a word of a longer person's name of the
document. The rule runs in the per-document pass, after the document's links.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newslens.entities.mention import Mention

if TYPE_CHECKING:
    from newslens.types import Doc

__all__ = ["drop_article_nouns"]


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
