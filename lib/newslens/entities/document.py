"""Linking within one document: acronyms and last words of the document's organisations link
to them, and every mention gets its entity (spans that swallowed a neighbour are cut before,
by :mod:`newslens.entities.cuts`).

A PERSON name whose tokens are a subsequence of exactly one longer PERSON name is that
person ("Zelenskyy" -> "Volodymyr Zelenskyy"), never when two longer names fit ("Maria"
with "Maria Lopez" and "Maria Chen"); an ORG or NORP mention that is a person's surname, or
a GPE one used the way a surname is ("the Trump administration", "Trump's team", "Shelby
said", "Leahy, a Vermont Democrat,"), is that person.
Only this document's evidence is used, so these rules run in the per-document pass.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from newslens.entities.mention import Mention
from newslens.entities.names import (
    ACRONYM,
    GENERIC_ORG_WORDS,
    acronyms_of,
    is_subsequence,
    surname,
    without_accents,
    without_article,
    words_of_longer_names,
)

if TYPE_CHECKING:
    from newslens.types import Doc

DEFAULT_LABELS: tuple[str, ...] = ("PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC")
_PLACE_LABELS = ("ORG", "GPE", "LOC", "FAC", "NORP")
_PLAIN_WORD = re.compile(r"[A-Z][a-z]+")  # a capitalised word, as a common noun would be
# Each default label's rank, for breaking ties in votes (built once: votes are many).
_LABEL_ORDER = {label: i for i, label in enumerate(DEFAULT_LABELS)}
# Words that, after an organisation's first word, only say what kind of institution it is:
# the first word alone names it ("Harvard University", "Treasury Department", "Newsmax TV").
_INSTITUTION_TAILS = frozenset(
    "university college school department tv institution institute".split()
)
# Words that begin the names of storms ("Superstorm Sandy", "Hurricane Maria"): a "person"
# named after one is an event, and so is that name alone in the same document.
STORM_HEADS = frozenset("Cyclone Hurricane Superstorm Typhoon".split())


def majority_label(counts: Mapping[str, int]) -> str:
    """The label an entity takes from its mentions' labels: the most frequent, ties broken
    in :data:`DEFAULT_LABELS` order (other labels after them, alphabetically). The one
    voting rule, within a document (:func:`link_people`) and across the corpus
    (:func:`newslens.entities.tables.entity_labels`)."""
    order = _LABEL_ORDER
    return min(counts, key=lambda label: (-counts[label], order.get(label, len(order)), label))


def link_acronyms(mentions: list[Mention]) -> None:
    """An acronym is the organisation the document names in full: "DHS" after "Department
    of Homeland Security" (in parentheses or not) counts as that department, when exactly one
    of the document's organisation names has those initials, with or without its small
    words ("Students for Fair Admissions, or SFFA"), whatever the tagger called it (an
    acronym tagged PERSON included)."""
    full: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.label == "ORG":
            for acronym in acronyms_of(mention.name):
                full.setdefault(acronym, set()).add(mention.name)
    for mention in mentions:
        names = full.get(mention.name.replace(".", ""))
        if ACRONYM.match(mention.name.replace(".", "")) and names and len(names) == 1:
            mention.name = next(iter(names))
            mention.label = "ORG"
            mention.linked_by = "acronym"


def link_short_orgs(mentions: list[Mention], *, known: Collection[str] = ()) -> None:
    """A one-word ORG name that ends exactly one longer ORG name in the document is that
    organisation ("the Journal" -> "Wall Street Journal", "the Globe" -> "Boston Globe"),
    unless the word heads many organisations' names ("House", "Party", "Department"), and
    so is one that begins exactly one, followed only by words such as "University" or
    "Department" ("Harvard" -> "Harvard University", "Newsmax" -> "Newsmax TV"). So is
    a name of several words that ends exactly one longer one ("Judiciary Committee" ->
    "Senate Judiciary Committee", "Freedom Caucus" -> "House Freedom Caucus") unless it is
    one of the ``known`` names (the alias table's, such as "Supreme Court")."""
    longer: dict[str, set[str]] = {}
    for mention in mentions:
        words = mention.name.split(" ")
        if mention.label == "ORG" and len(words) > 1:
            for cut in range(1, len(words)):
                longer.setdefault(" ".join(words[cut:]), set()).add(mention.name)
            if all(word.lower() in _INSTITUTION_TAILS for word in words[1:]):
                longer.setdefault(words[0], set()).add(mention.name)
    # A word the document also uses as a place or a person ("Berkeley"), or a word of a
    # person's name ("Manafort" beside "Paul Manafort", "Trump" beside "Trump
    # University"), is not a short form.
    elsewhere = {m.name for m in mentions if m.label != "ORG"}
    elsewhere |= {w for m in mentions if m.label == "PERSON" for w in m.name.split(" ")}
    for mention in mentions:
        names = longer.get(mention.name)
        if (
            mention.label != "ORG"
            or mention.name in elsewhere
            or not names
            or len(names) != 1
            or (" " in mention.name and mention.name in known)
        ):
            continue
        if " " not in mention.name and mention.name.lower() in GENERIC_ORG_WORDS:
            continue
        mention.name = next(iter(names))
        if mention.linked_by == "name":
            mention.linked_by = "short_form"


def org_short_forms(mentions: list[Mention]) -> set[str]:
    """The last words of the document's organisations of several words that a story uses
    alone after "the" ("the Post" after "New York Post"), to look for where the tagger
    left them untagged; words heading many organisations' names ("Party") are left out."""
    words = {
        m.name.rsplit(" ", 1)[1]
        for m in mentions
        if m.label == "ORG" and " " in m.name and not m.name.endswith(".")
    }
    return {w for w in words if len(w) > 2 and w.istitle() and w.lower() not in GENERIC_ORG_WORDS}


def is_short_form_use(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is used as an organisation's short form: right after "the" and
    not before another capitalised word ("the Post reported", not "the Post Office")."""
    after = doc[i + 1] if i + 1 < len(doc) else None
    return i > 0 and doc[i - 1].lower_ == "the" and not (after is not None and after.is_title)


def link_people(mentions: list[Mention]) -> None:
    """Give every mention its entity name within the document (see the module rules), then
    one label per entity (:func:`majority_label`; a PERSON mention keeps its label)."""
    _demote_outvoted_people(mentions)
    lends_nothing = _titled_in_lower_case_only(mentions)
    canonical = _longest_forms(mentions, lends_nothing)
    weights = Counter(canonical[m.name] for m in mentions if m.label == "PERSON")
    surnames: dict[str, set[str]] = {}
    for name, target in canonical.items():
        words = name.split(" ")
        if target == name and len(words) > 1 and name not in lends_nothing:
            # "Hicks" of "Tommy Hicks Jr.", in lower case ("HICKS:" in a transcript)
            surnames.setdefault(surname(words).lower(), set()).add(name)
    for mention in mentions:
        if mention.label == "PERSON":
            mention.entity = canonical[mention.name]
            if mention.entity != mention.name and mention.linked_by == "name":
                mention.linked_by = "person"
            continue
        owners = _dominant(surnames.get(without_article(mention.name).lower(), set()), weights)
        if mention.name in canonical:  # the same text also tagged PERSON in this document
            owners = {canonical[mention.name]}
        if len(owners) == 1 and (
            mention.label in ("ORG", "NORP") or (mention.label == "GPE" and mention.surname_use)
        ):
            mention.entity = next(iter(owners))
            mention.label = "PERSON"
            mention.linked_by = "surname"
        else:
            mention.entity = mention.name
    votes: dict[str, Counter] = {}
    for mention in mentions:
        votes.setdefault(mention.entity, Counter())[mention.label] += 1
    for mention in mentions:
        if mention.label != "PERSON":
            mention.label = majority_label(votes[mention.entity])


# A surname two people of the document share is the one named this many times as often as
# the others together ("Fiorina": Carly Fiorina, 40 mentions; her husband Frank, 2).
SURNAME_DOMINANCE = 3


def _dominant(owners: set[str], weights: Mapping[str, int]) -> set[str]:
    """Of the people whose surname a word is, the one the document names
    :data:`SURNAME_DOMINANCE` times as often as all the others together; else all."""
    if len(owners) < 2:
        return owners
    ranked = sorted(owners, key=lambda name: (-weights[name], name))
    rest = sum(weights[name] for name in ranked[1:])
    return {ranked[0]} if weights[ranked[0]] >= SURNAME_DOMINANCE * max(rest, 1) else owners


# What may follow "Ferguson, Missouri" for it to be a place's name: the end of the phrase
# (punctuation, a preposition, a verb), not a noun it qualifies ("Hawley, Missouri attorney
# general") nor a possessive ("McCaskill, Missouri's senator").
_AFTER_A_PLACE = frozenset({"ADP", "AUX", "VERB", "CCONJ", "SCONJ"})
# The states after a town's name that make the town the document's evidence against the
# corpus ("Perry, Iowa" stays a town where the corpus reads "Perry" as Rick Perry); other
# places after a comma ("Under Obama, America suffered") give way to the corpus vote.
US_STATES = frozenset(
    name.replace("_", " ")
    for name in """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida
    Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland
    Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada
    New_Hampshire New_Jersey New_Mexico New_York North_Carolina North_Dakota Ohio Oklahoma
    Oregon Pennsylvania Rhode_Island South_Carolina South_Dakota Tennessee Texas Utah
    Vermont Virginia Washington West_Virginia Wisconsin Wyoming""".split()
)
# Nouns that make the name after "of" a place ("the city of Kenema", "the town of Selma").
PLACE_NOUNS_BEFORE_OF = frozenset(
    {"city", "town", "village", "hamlet", "township", "borough", "suburb", "municipality"}
)


def places_before_regions(doc: Doc, mentions: list[Mention]) -> None:
    """A one-word "person" the document writes as a place is the place: "Ferguson,
    Missouri", "Selma, Ala." (the name, tagged a person or a place, a comma, then a place
    that ends the phrase), "the city of Kenema". Every mention of that name with nothing
    making it a person (no title, not a word of a longer person's name of the document)
    becomes GPE, in place; a town with its U.S. state and punctuation or a new line after it
    is linked ``place``, which the corpus vote does not undo ("Perry, Iowa," where the
    corpus reads "Perry" as Rick Perry).

    Why: the tagger reads small towns as people (a surname-shaped word), and the article
    gives the town its state or country the first time it names it."""
    place_ends = {m.token: m.end_token for m in mentions if m.label == "GPE"}
    states = {m.token for m in mentions if m.label == "GPE" and (m.entity or m.name) in US_STATES}
    towns = {
        m.name
        for m in mentions
        if m.label in ("PERSON", "GPE")
        and not m.role
        and " " not in m.name
        and (_before_a_region(doc, m.end_token, place_ends) or _after_place_noun(doc, m.token))
    }
    # "Washington, D.C." says nothing of "Washington" in an article about George Washington.
    towns -= words_of_longer_names(m.name for m in mentions if m.label == "PERSON")
    # A town with its U.S. state ending the phrase ("Perry, Iowa, and", not "For Clinton,
    # Iowa is ...") is the document's evidence: no corpus vote undoes it.
    stated = {
        m.name
        for m in mentions
        if m.name in towns
        and m.end_token + 1 in states
        and _before_a_region(doc, m.end_token, place_ends, strict=True)
    }
    for mention in mentions:
        if (
            mention.name in towns
            and mention.label in ("PERSON", "GPE")
            and not mention.role
            and mention.entity in ("", mention.name)
        ):
            mention.label = "GPE"
            if mention.name in stated:
                mention.linked_by = "place"


def _after_place_noun(doc: Doc, first: int) -> bool:
    """Whether the name starting at token ``first`` follows "city of", "town of" and the
    like ("the Sierra Leonean city of Kenema")."""
    return (
        first >= 2
        and doc[first - 1].lower_ == "of"
        and doc[first - 2].lower_ in PLACE_NOUNS_BEFORE_OF
    )


def _before_a_region(
    doc: Doc, comma: int, place_ends: Mapping[int, int], *, strict: bool = False
) -> bool:
    """Whether token ``comma`` is a comma followed by a place (its first token a key of
    ``place_ends``) that ends the phrase (:data:`_AFTER_A_PLACE`; with ``strict``, only
    punctuation, a new line or a new sentence)."""
    if comma < 0 or comma + 1 >= len(doc) or doc[comma].text != "," or comma + 1 not in place_ends:
        return False
    after = place_ends[comma + 1]
    if after < 0 or after >= len(doc):
        return True
    token = doc[after]  # a new line or sentence also ends the phrase ("Eugene, Ore. The ...")
    ends = token.is_punct or token.is_space or token.is_sent_start
    return ends or (not strict and token.pos_ in _AFTER_A_PLACE)


def drop_storm_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Without the PERSON mentions of a name the document gives a storm ("Irma left millions
    without power" after "Hurricane Irma"): the storm, not a person."""
    storms = {
        doc[ent.end - 1].text
        for ent in doc.ents
        if doc[ent.start].text in STORM_HEADS
        or (ent.start > 0 and doc[ent.start - 1].text in STORM_HEADS)
    }
    if not storms:
        return mentions
    return [m for m in mentions if m.label != "PERSON" or m.name not in storms]


def drop_common_words(
    doc: Doc, mentions: list[Mention], texts: Sequence[str], lowers: Sequence[str]
) -> list[Mention]:
    """Leave out the "people" whose every word the document itself writes in lower case at
    least as often as capitalised inside a sentence ("Coronavirus" in a headline over an
    article about the coronavirus, "Witch Hunt" beside "a witch hunt").

    Why: the tagger reads capitalised common nouns (headlines, slogans, titles of works)
    as names; a reader takes the document's own lower-case use as evidence that the words
    are not a name (a lower-case word the tagger still reads as a proper noun, such as a
    transcript's speaker label, is no such evidence). Only names nothing else makes a
    person are left out: no title before
    any of its mentions, not a shorter form of a longer name of the document. A surname
    that is also a word ("Young", "Price") stays while the document writes it capitalised
    at least as often (its own mentions count)."""
    titled = {m.name for m in mentions if m.label == "PERSON" and m.role}
    candidates = {
        m.name: m.name.lower().split(" ")
        for m in mentions
        if m.label == "PERSON"
        and m.entity == m.name
        and m.name not in titled
        and all(_PLAIN_WORD.fullmatch(word) for word in m.name.split(" "))
    }
    if not candidates:
        return mentions
    wanted = {word for words in candidates.values() for word in words}
    lower: Counter = Counter()
    upper: Counter = Counter()
    for i, low in enumerate(lowers):
        if low in wanted:
            if texts[i] == low:
                # A lower-case speaker label of a transcript is still a name (PROPN).
                lower[low] += doc[i].pos_ != "PROPN"
            elif i > 0 and not doc[i].is_sent_start:
                upper[low] += 1
    common = {
        name
        for name, words in candidates.items()
        if all(lower[word] and lower[word] >= upper[word] for word in words)
    }
    if not common:
        return mentions
    return [m for m in mentions if not (m.label == "PERSON" and m.entity in common)]


def _demote_outvoted_people(mentions: list[Mention]) -> None:
    """A name the pipeline tags as an organisation, place or group more often in this
    document than as a person ("WikiLeaks" tagged PERSON 3 times and ORG 30 times) is not a
    person here: its PERSON mentions (and their untagged repeats) take the winning label,
    so that one stray PERSON tag does not turn every other mention into a person. A name
    with a capitalised title before it ("Mr. Ford") or that is a shorter form of a longer
    person's name of the document keeps its PERSON label."""
    person: Counter = Counter()  # mentions the pipeline itself tagged PERSON
    named: set[str] = set()  # names with a PERSON mention, tagged or not
    other: dict[str, Counter] = {}
    titled: set[str] = set()
    for mention in mentions:
        if mention.label == "PERSON":
            named.add(mention.name)
            if mention.ner_label == "PERSON":
                person[mention.name] += 1
            if mention.role[:1].isupper():
                titled.add(mention.name)
        elif mention.ner_label in _PLACE_LABELS:
            other.setdefault(mention.name, Counter())[mention.label] += 1
    if not other:
        return
    longer = {m.name for m in mentions if m.label == "PERSON" and " " in m.name}
    winners = {}
    for name, counts in other.items():
        if (
            name in named
            and name not in titled
            and sum(counts.values()) > person[name]
            and not any(_is_surname_or_shorter_form(name, full) for full in longer)
        ):
            winners[name] = majority_label(counts)
    for mention in mentions:
        label = winners.get(mention.name)
        if label is not None and mention.label == "PERSON":
            mention.label = label
            mention.role = ""


def _is_surname_or_shorter_form(name: str, full: str) -> bool:
    """Whether ``name`` is a shorter form of ``full`` and, when it is one word, its last
    ("Ferguson" of Neil Ferguson; not of a span run into the next name, "Ferguson Phaedra
    Parks", where the word is the place the tagger read as a first name)."""
    last = without_article(full.rsplit(" ", 1)[-1])
    return _is_shorter_form(name, full) and (" " in name or last == without_article(name))


def _is_shorter_form(name: str, full: str) -> bool:
    """Whether ``name`` is a shorter form of the person's name ``full``."""
    return name != full and is_subsequence(tuple(name.split(" ")), tuple(full.split(" ")))


def _titled_in_lower_case(mention: Mention) -> bool:
    """Whether a mention is a person only through a lower-case role before a span the
    pipeline tagged otherwise."""
    return (
        mention.linked_by == "title"
        and mention.ner_label != "PERSON"
        and mention.role[:1].islower()
    )


def _titled_in_lower_case_only(mentions: list[Mention]) -> set[str]:
    """Names the document makes people only through a lower-case role before a span the
    pipeline tagged otherwise ("first lady Melania Trump", tagged ORG).

    Why: such a name is a person, but it lends its words to no shorter name: an article
    that names the first lady in passing may mean the president by "Trump" alone."""
    lower = {m.name for m in mentions if _titled_in_lower_case(m)}
    return lower - {
        m.name for m in mentions if m.label == "PERSON" and not _titled_in_lower_case(m)
    }


def _longest_forms(
    mentions: list[Mention], lends_nothing: AbstractSet[str] = frozenset()
) -> dict[str, str]:
    """Each PERSON name of the document -> the one longest name it is a shorter form of
    (itself when none or several fit; never one of ``lends_nothing``). Names are compared
    without accents and letter case: "Raúl Castro" is "Raul Castro", and a transcript's
    "CARLSON:" or a headline's "PELOSI" is the Tucker Carlson or Nancy Pelosi the document
    names (a name in capitals only is never the one chosen when another form exists)."""
    every_name = sorted(
        {m.name for m in mentions if m.label == "PERSON"},
        key=lambda name: (-len(name), name.isupper(), name),
    )
    spelling: dict[str, str] = {}
    for name in every_name:
        spelling.setdefault(_folded(name), name)
    people = [name for name in every_name if spelling[_folded(name)] == name]
    words = {name: tuple(_folded(name).split(" ")) for name in people}
    canonical: dict[str, str] = {}
    for name in people:
        longer = [
            other
            for other in people
            if other not in lends_nothing
            and len(words[other]) > len(words[name])
            and is_subsequence(words[name], words[other])
        ]
        maximal = [
            other
            for other in longer
            if not any(o != other and is_subsequence(words[other], words[o]) for o in longer)
        ]
        if len(maximal) > 1:  # a headline's "QASSIM SOLEIMANI" beside "Qassem Soleimani"
            maximal = [other for other in maximal if not other.isupper()]
        canonical[name] = maximal[0] if len(maximal) == 1 else name
    for name in every_name:
        canonical.setdefault(name, canonical[spelling[_folded(name)]])
    return canonical


def _folded(name: str) -> str:
    """A name without accents and in lower case, each word without a joined Arabic article
    ("al-Maliki" -> "maliki"): the form names are compared in."""
    return " ".join(without_article(word) for word in without_accents(name).split(" ")).lower()
