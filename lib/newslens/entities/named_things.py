"""Names inside the names of other things: a person's name that is a word of a law's,
prize's or building's name ("Hyde Amendment", "Kate's Law", "Trump Tower") or a party to a
court case ("Elonis v. United States", "Obergefell v. Hodges") is no mention of the person,
as the annotation guideline says of a name that is part of a longer name of another entity;
nor is a surname naming a family ("the Koch brothers", "the Green family"), which the
guideline does not count as a person, nor a name of a condition ("Down syndrome").

Why a module of its own: the tagged spans (:mod:`~newslens.entities.mentions`) and the
untagged repeats (:mod:`~newslens.entities.untagged`) both ask it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newslens.entities.mention import in_headline

if TYPE_CHECKING:
    from newslens.types import Doc, Token

__all__ = ["NAMED_THING_WORDS", "in_named_thing", "names_a_thing_after"]

# Capitalised words that, right after a person's name (or its possessive), make the name
# part of the longer name of a law, prize, building or institution ("Hyde Amendment",
# "Kate's Law", "Susan B. Anthony List", "Strom Thurmond Room"): no mention of the person.
NAMED_THING_WORDS = frozenset(
    """act amendment law rule doctrine list prize medal award fellow fellowship lecture
    conference foundation institute library memorial museum center centre plaza room
    building tower towers airport stadium arena bridge tunnel highway street avenue
    boulevard hospital church cathedral chapel school university college academy pipeline
    syndicate bill elementary correctional medical square hotel mansion cemetery decree
    plan commission scholar scholars scholarship professor professorship""".split()
)
# Nouns that, right after a bare surname, make it the name of a family ("the Koch brothers",
# "the Green family", "Kim family rule"); after a possessive the family is the person's
# ("Rigby's family"), a mention of that person.
_FAMILY_NOUNS = frozenset(
    "family families brothers sisters siblings clan dynasty household".split()
)
# Nouns after a name or its possessive that make it the name of a condition ("Down
# syndrome", "Lou Gehrig's disease"), in any letter case.
_CONDITION_NOUNS = frozenset({"syndrome", "disease"})
# Lower-case nouns after two names joined by a hyphen that make the pair a law's name
# ("the Dodd-Frank law"); "the Obama-Biden administration" is still two people, and so is
# a bill known by its sponsors ("the Graham-Durbin bill"), as a name used as a modifier.
_LAW_NOUNS = frozenset({"act", "law"})
# After a possessive only the names of laws and lists named after someone ("Kate's Law",
# "Schindler's List"); "Pelosi's Building Frustration" is a headline's phrase.
_AFTER_POSSESSIVE = frozenset({"law", "list"})
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_CASE_MARKS = frozenset({"v.", "v"})
_CONTEST_MARKS = frozenset({"vs.", "vs"})
# The other party of a case written with "vs.": the state ("Elonis vs. U.S.", "Smith vs.
# State"), never a country or a city at large ("Trump vs. China").
_STATE_PARTIES = frozenset({"u.s.", "us", "united", "state", "people", "commonwealth"})


def in_named_thing(doc: Doc, start: int, end: int) -> bool:
    """Whether the person's name at tokens ``start:end`` is part of a thing's name: a word
    after it makes it one (:func:`names_a_thing_after`), it is such a word after a possessive
    ("Law" in "Kate's Law"), it is the second party of a court case ("... v. Hodges") or the
    second of two names of a law ("Frank" in "the Dodd-Frank law"); so is a surname naming a
    family ("the Koch brothers") and a name of a condition ("Down syndrome")."""
    return (
        names_a_thing_after(doc, end)
        or _names_a_family(doc, start, end)
        or _names_a_condition(doc, end)
        or _is_named_thing_word(doc, start, end)
        or (start > 0 and doc[start - 1].lower_ in _CASE_MARKS)
        or _second_name_of_law(doc, start, end)
    )


def _names_a_family(doc: Doc, start: int, end: int) -> bool:
    """Whether the one-word name at ``start:end`` is a surname naming a family: followed
    right away by a noun of :data:`_FAMILY_NOUNS` ("the Tsarnaev brothers")."""
    return end - start == 1 and end < len(doc) and doc[end].lower_ in _FAMILY_NOUNS


def _names_a_condition(doc: Doc, end: int) -> bool:
    """Whether the name ending before token ``end``, or its possessive, is followed by a
    condition's noun ("Down syndrome", "Lou Gehrig's disease")."""
    if end < len(doc) and doc[end].text in _POSSESSIVES:
        end += 1
    return end < len(doc) and doc[end].lower_ in _CONDITION_NOUNS


def _second_name_of_law(doc: Doc, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` is the second of two hyphened names before a
    lower-case noun of a law ("Frank" in "the Dodd-Frank law")."""
    return (
        start > 1
        and doc[start - 1].text == "-"
        and doc[start - 2].is_title
        and end < len(doc)
        and doc[end].lower_ in _LAW_NOUNS
        and not doc[end].is_title
    )


def names_a_thing_after(doc: Doc, end: int) -> bool:
    """Whether the person's name ending before token ``end`` is followed, directly or after
    its possessive, by a capitalised word of :data:`NAMED_THING_WORDS`: the name is then a
    word of a law's, prize's or building's name ("Hyde Amendment", "Kate's Law"), which
    the guideline does not count as a mention of the person; so is a party to a court
    case ("Elonis v. United States", "Elonis vs. U.S.") and the first of two hyphened
    names of a law ("McCain-Feingold Act", "the Dodd-Frank law")."""
    if end + 1 < len(doc) and _is_case_mark(doc[end], doc[end + 1]):
        return True  # a party to a court case: "Elonis v. United States"
    if end + 2 < len(doc) and doc[end].text == "-" and doc[end + 1].is_title:
        # "McCain-Feingold Act", "the Dodd-Frank law": the first of two names of a law
        after = doc[end + 2]
        if after.lower_ in _LAW_NOUNS and not after.is_title:
            return True
        return names_a_thing_after(doc, end + 2)
    words = NAMED_THING_WORDS
    if end < len(doc) and doc[end].text in _POSSESSIVES:
        end, words = end + 1, _AFTER_POSSESSIVE
    if end >= len(doc) or not doc[end].is_title or doc[end].lower_ not in words:
        return False
    if words is NAMED_THING_WORDS and doc[end].ent_iob_ == "B" and doc[end].ent_type_ == "PERSON":
        return False  # "Hillary Clinton Bill Clinton": the next person's first name
    if end + 1 < len(doc) and doc[end + 1].lower_ == "day":
        return False  # "on Biden Memorial Day": a holiday, not a memorial's name
    # In a title-case headline every word is capitalised ("Trump Building Wall").
    return not in_headline(doc, end)


def _is_case_mark(mark: Token, other_party: Token) -> bool:
    """Whether ``mark`` joins two parties of a court case: "v." always, "vs." only before
    a state ("Elonis vs. U.S."), not between two rivals ("Kanye West vs. Jimmy Kimmel")."""
    if mark.lower_ in _CASE_MARKS:
        return True
    return mark.lower_ in _CONTEST_MARKS and other_party.lower_ in _STATE_PARTIES


def _is_named_thing_word(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens ``start:end`` are one such word after a possessive, tagged as a
    person of its own ("Law" in "Kate's Law")."""
    return (
        end - start == 1
        and start > 0
        and doc[start - 1].text in _POSSESSIVES
        and doc[start].lower_ in NAMED_THING_WORDS
    )
