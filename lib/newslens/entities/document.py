"""Linking within one document: spans that swallowed a neighbour are cut, acronyms and last
words of the document's organisations link to them, and every mention gets its entity.

A PERSON name whose tokens are a subsequence of exactly one longer PERSON name is that
person ("Zelenskyy" -> "Volodymyr Zelenskyy"), never when two longer names fit ("Maria"
with "Maria Lopez" and "Maria Chen"); an ORG or NORP mention that is a person's surname, or
a GPE one used attributively ("the Trump administration", "Trump's team"), is that person.
Only this document's evidence is used, so these rules run in the per-document pass.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from newslens.entities.mention import Mention, char_text
from newslens.entities.names import (
    ACRONYM,
    GENERIC_ORG_WORDS,
    initials,
    is_subsequence,
    name_key,
    without_article,
)
from newslens.entities.untagged import person_forms

if TYPE_CHECKING:
    from newslens.types import Doc

DEFAULT_LABELS: tuple[str, ...] = ("PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC")
_PLACE_LABELS = ("ORG", "GPE", "LOC", "FAC", "NORP")
_PLAIN_WORD = re.compile(r"[A-Z][a-z]+")  # a capitalised word, as a common noun would be


def majority_label(counts: Mapping[str, int]) -> str:
    """The label an entity takes from its mentions' labels: the most frequent, ties broken
    in :data:`DEFAULT_LABELS` order (other labels after them, alphabetically). The one
    voting rule, within a document (:func:`link_people`) and across the corpus
    (:func:`newslens.entities.tables.entity_labels`)."""
    order = {label: i for i, label in enumerate(DEFAULT_LABELS)}
    return min(counts, key=lambda label: (-counts[label], order.get(label, len(order)), label))


def split_swallowed(
    doc: Doc,
    mentions: list[Mention],
    known: Mapping[str, str],
    organisations: Mapping[str, str] | None = None,
) -> list[Mention]:
    """Cut a PERSON span that swallowed an organisation or place after the name ("Obama
    White House" -> "Obama" + "White House"), an ORG span that starts with a person the
    document names ("Trump Justice Department" -> "Trump" + "Justice Department"), and a
    sentence's first word off an ORG span that is otherwise a person the document names
    ("Frequent Trump critic ..." -> "Trump"), a PERSON span at a slash ("Joshua
    Roberts/File" -> "Joshua Roberts") and an ORG span at its slashes ("AFP/Getty Images").

    ``known`` maps organisation and place names (the alias table's and those the document
    tags) to their label; only a tail that is one of them is cut off, so "Trump
    Organization" stays whole. The tail may run past the span by up to two tokens ("Obama
    White" tagged PERSON before "House"). A PERSON span that starts with a known
    organisation (a photo credit run into a caption: "Getty Images Mandel Ngan") is cut
    after it. ``organisations`` (the alias table's organisation and place names) are never
    read as people's names here."""
    if not any(m.label in ("PERSON", "ORG") and m.end_token - m.token >= 2 for m in mentions):
        return mentions
    people = {m.name for m in mentions if m.label == "PERSON"} | set(person_forms(mentions))
    # A name the alias table gives an organisation or place is not a person's, whatever
    # the tagger said ("Getty Images" tagged PERSON in a photo credit).
    people -= set(organisations or ())
    starts = frozenset(name.split(" ", 1)[0] for name in known)
    result: list[Mention] = []
    claimed: list[tuple[int, int]] = []
    for mention in mentions:
        cut = None
        if mention.label in ("PERSON", "ORG") and mention.end_token - mention.token >= 2:
            cut = _swallowed_tail(doc, mention, starts, people, known)
        if mention.label == "ORG" and _opening_modifier(doc, mention, people):
            result.append(_person_from(doc, mention, mention.token + 1))
            continue
        slash = _slash_in(doc, mention) if cut is None else None
        if slash is not None and mention.label == "PERSON":
            # A photo credit: the photographer before the slash, "File" or an agency after.
            result.append(_leading_part(doc, mention, slash, "PERSON", role=mention.role))
            continue
        if slash is not None:
            # Two organisations joined by a slash: "AFP/Getty Images", "ABC News/Washington
            # Post" (a poll's partners).
            result.extend(_slash_parts(doc, mention))
            continue
        if cut is None and mention.label == "PERSON" and mention.end_token - mention.token >= 2:
            head = _swallowed_head(doc, mention, known)
            if head is not None:
                others = [m for m in mentions if m is not mention]
                elsewhere = {m.name for m in others if m.label == "PERSON"}
                result.extend(_cut_head(doc, mention, head, elsewhere | set(person_forms(others))))
                continue
        if cut is None:
            result.append(mention)
            continue
        result.extend(_cut_at(doc, mention, *cut))
        claimed.append((cut[0], cut[1]))
    if claimed:
        result = [
            m
            for m in result
            if m.linked_by == "trim"
            or not any(m.token >= k and m.end_token <= stop for k, stop in claimed)
        ]
    return result


def _slash_in(doc: Doc, mention: Mention) -> int | None:
    """The token of the first slash after the first word of a PERSON or ORG span, or
    ``None``."""
    if mention.label not in ("PERSON", "ORG"):
        return None
    return next(
        (k for k in range(mention.token + 1, mention.end_token) if doc[k].text == "/"), None
    )


def _slash_parts(doc: Doc, mention: Mention) -> list[Mention]:
    """The capitalised parts of an ORG span between its slashes, each an organisation
    (linked by ``trim``)."""
    bounds = [mention.token - 1]
    bounds += [k for k in range(mention.token, mention.end_token) if doc[k].text == "/"]
    bounds.append(mention.end_token)
    parts = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        first, last = a + 1, b - 1
        if first > last or not doc[first].text[:1].isupper():
            continue
        parts.append(
            Mention(
                doc[first].idx,
                doc[last].idx + len(doc[last].text),
                first,
                name_key(doc[first:b].text),
                "ORG",
                mention.ner_label,
                linked_by="trim",
                end_token=b,
            )
        )
    return parts


def _swallowed_tail(
    doc: Doc, mention: Mention, starts: frozenset[str], people: set[str], known: Mapping[str, str]
) -> tuple[int, int, str] | None:
    """``(first token, end token, label)`` of a known organisation or place a PERSON or ORG
    span runs into after a person's name, or ``None``."""
    first, last = mention.token, mention.end_token
    for k in range(first + 1, last):
        if doc[k].text not in starts or _after_name_particle(doc, k):
            continue
        if mention.label == "ORG" and name_key(doc[first:k].text) not in people:
            continue
        stops = range(last, min(last + 3, len(doc)) + 1) if mention.label == "PERSON" else (last,)
        for stop in stops:
            tail = name_key(doc[k:stop].text)
            label = known.get(tail)
            if label in _PLACE_LABELS and tail not in people:
                return k, stop, label
    return None


def _after_name_particle(doc: Doc, k: int) -> bool:
    """Whether token ``k`` follows a lower-case word, directly or through a hyphen without
    spaces: the end of a name with a particle ("Bashar al-Assad", "Charles de Gaulle"),
    never a person's name followed by an organisation's."""
    before = k - 1
    if doc[before].text == "-" and not doc[before].whitespace_ and before > 0:
        before -= 1
        if doc[before].whitespace_:
            return False
    return doc[before].is_lower and doc[before].is_alpha


def _swallowed_head(doc: Doc, mention: Mention, known: Mapping[str, str]) -> int | None:
    """The end token of the longest known organisation a PERSON span starts with (a photo
    credit run into the caption: "Getty Images Mandel Ngan", "Fox News Megyn Kelly"), or
    ``None``. Places are never cut off a name's head ("Jordan Peterson")."""
    first, last = mention.token, mention.end_token
    for k in range(last - 1, first, -1):
        head = name_key(doc[first:k].text)
        if known.get(head) == "ORG":
            return k
    return None


def _leading_part(doc: Doc, mention: Mention, k: int, label: str, *, role: str = "") -> Mention:
    """The tokens of ``mention`` before token ``k`` as a mention of their own, with
    ``label`` (linked by ``trim``): the kept head of a span that was cut in two."""
    first = mention.token
    return Mention(
        max(mention.start, doc[first].idx),
        doc[k - 1].idx + len(doc[k - 1].text),
        first,
        name_key(doc[first:k].text),
        label,
        mention.ner_label,
        role=role,
        linked_by="trim",
        end_token=k,
    )


def _cut_head(doc: Doc, mention: Mention, k: int, people: set[str]) -> list[Mention]:
    """The organisation before token ``k`` and the person after it; a one-word rest that is
    not the name of one of the document's ``people`` ("Getty Images Image") is dropped."""
    other = _leading_part(doc, mention, k, "ORG")
    person = _person_from(doc, mention, k)
    if mention.end_token - k < 2 and person.name not in people:
        return [other]
    return [other, person]


def _person_from(doc: Doc, mention: Mention, k: int) -> Mention:
    """The tokens of ``mention`` from token ``k`` on as a PERSON mention (linked by
    ``trim``): the person left when a span's head is cut off."""
    return Mention(
        doc[k].idx,
        mention.end,
        k,
        name_key(char_text(doc, doc[k].idx, mention.end)),
        "PERSON",
        mention.ner_label,
        linked_by="trim",
        end_token=mention.end_token,
    )


def _opening_modifier(doc: Doc, mention: Mention, people: set[str]) -> bool:
    """Whether an ORG span is a sentence's capitalised first word, an adjective or adverb,
    run into a person the document names ("Frequent Trump critic José Andrés ...")."""
    first = mention.token
    return (
        mention.end_token - first >= 2
        and doc[first].is_sent_start
        and doc[first].pos_ in ("ADJ", "ADV")
        and name_key(char_text(doc, doc[first + 1].idx, mention.end)) in people
    )


def _cut_at(doc: Doc, mention: Mention, k: int, stop: int, label: str) -> list[Mention]:
    """The person before token ``k`` (without a slash or other punctuation between them:
    "Jeff Mitchell/Getty Images") and the organisation or place ``k:stop``."""
    first = mention.token
    end = k
    while end - 1 > first and doc[end - 1].is_punct:
        end -= 1
    person = _leading_part(doc, mention, end, "PERSON", role=mention.role)
    person.attributive = True
    other = Mention(
        doc[k].idx,
        doc[stop - 1].idx + len(doc[stop - 1].text),
        k,
        name_key(doc[k:stop].text),
        label,
        mention.ner_label,
        linked_by="trim",
        end_token=stop,
    )
    return [person, other]


def split_two_people(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A PERSON span made of two names the document gives two people ("Kavanaugh Ford" in a
    caption run into a sentence) is a mention of each."""
    surnames = person_forms(mentions)
    result = []
    for mention in mentions:
        words = mention.name.split(" ")
        if (
            mention.label != "PERSON"
            or len(words) != 2
            or mention.end_token - mention.token != 2
            or not all(w in surnames for w in words)
            or mention.name
            in {m.name for m in mentions if m is not mention and m.label == "PERSON"}
        ):
            result.append(mention)
            continue
        first, second = doc[mention.token], doc[mention.token + 1]
        result.append(
            Mention(
                first.idx,
                first.idx + len(first.text),
                first.i,
                words[0],
                "PERSON",
                mention.ner_label,
                role=mention.role,
                linked_by="trim",
                end_token=first.i + 1,
            )
        )
        result.append(
            Mention(
                second.idx,
                second.idx + len(words[1]),
                second.i,
                words[1],
                "PERSON",
                mention.ner_label,
                linked_by="trim",
                end_token=second.i + 1,
            )
        )
    return result


def link_acronyms(mentions: list[Mention]) -> None:
    """An acronym is the organisation the document names in full: "DHS" after "Department
    of Homeland Security" (in parentheses or not) counts as that department, when exactly one
    of the document's organisation names has those initials."""
    full: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.label == "ORG":
            acronym = initials(mention.name)
            if acronym:
                full.setdefault(acronym, set()).add(mention.name)
    for mention in mentions:
        names = full.get(mention.name.replace(".", ""))
        if (
            mention.label != "PERSON"
            and ACRONYM.match(mention.name.replace(".", ""))
            and names
            and len(names) == 1
        ):
            mention.name = next(iter(names))
            mention.label = "ORG"
            mention.linked_by = "acronym"


def link_short_orgs(mentions: list[Mention]) -> None:
    """A one-word ORG name that ends exactly one longer ORG name in the document is that
    organisation ("the Journal" -> "Wall Street Journal", "the Globe" -> "Boston Globe"),
    unless the word heads many organisations' names ("House", "Party", "Department")."""
    longer: dict[str, set[str]] = {}
    for mention in mentions:
        words = mention.name.split(" ")
        if mention.label == "ORG" and len(words) > 1:
            longer.setdefault(words[-1], set()).add(mention.name)
    # A word the document also uses as a place or a person ("Berkeley") is not a short form.
    elsewhere = {m.name for m in mentions if m.label != "ORG"}
    for mention in mentions:
        names = longer.get(mention.name)
        if (
            mention.label == "ORG"
            and mention.name not in elsewhere
            and " " not in mention.name
            and mention.name.lower() not in GENERIC_ORG_WORDS
            and names
            and len(names) == 1
        ):
            mention.name = next(iter(names))
            if mention.linked_by == "name":
                mention.linked_by = "short_form"


def link_people(mentions: list[Mention]) -> None:
    """Give every mention its entity name within the document (see the module rules), then
    one label per entity (:func:`majority_label`; a PERSON mention keeps its label)."""
    _demote_outvoted_people(mentions)
    canonical = _longest_forms(mentions)
    surnames: dict[str, set[str]] = {}
    for name, target in canonical.items():
        words = name.split(" ")
        if target == name and len(words) > 1:
            surnames.setdefault(without_article(words[-1]), set()).add(name)
    for mention in mentions:
        if mention.label == "PERSON":
            mention.entity = canonical[mention.name]
            if mention.entity != mention.name and mention.linked_by == "name":
                mention.linked_by = "person"
            continue
        owners = surnames.get(without_article(mention.name), set())
        if mention.name in canonical:  # the same text also tagged PERSON in this document
            owners = {canonical[mention.name]}
        if len(owners) == 1 and (
            mention.label in ("ORG", "NORP") or (mention.label == "GPE" and mention.attributive)
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


# What may follow "Ferguson, Missouri" for it to be a place's name: the end of the phrase
# (punctuation, a preposition, a verb), not a noun it qualifies ("Hawley, Missouri attorney
# general") nor a possessive ("McCaskill, Missouri's senator").
_AFTER_A_PLACE = frozenset({"ADP", "AUX", "VERB", "CCONJ", "SCONJ"})


def places_before_regions(doc: Doc, mentions: list[Mention]) -> None:
    """A one-word "person" the document writes as a place is the place: "Ferguson,
    Missouri", "Selma, Ala." (the name, tagged a person or a place, a comma, then a place
    that ends the phrase). Every mention of that name with nothing making it a person (no
    title, not a word of a longer person's name of the document) becomes GPE, in place.

    Why: the tagger reads small towns as people (a surname-shaped word), and the article
    gives the town its state or country the first time it names it."""
    place_ends = {m.token: m.end_token for m in mentions if m.label == "GPE"}
    towns = {
        m.name
        for m in mentions
        if m.label in ("PERSON", "GPE")
        and not m.role
        and " " not in m.name
        and _before_a_region(doc, m.end_token, place_ends)
    }
    # "Washington, D.C." says nothing of "Washington" in an article about George Washington.
    towns -= {
        word for m in mentions if m.label == "PERSON" and " " in m.name for word in m.name.split()
    }
    for mention in mentions:
        if (
            mention.name in towns
            and mention.label == "PERSON"
            and not mention.role
            and mention.entity in ("", mention.name)
        ):
            mention.label = "GPE"


def _before_a_region(doc: Doc, comma: int, place_ends: Mapping[int, int]) -> bool:
    """Whether token ``comma`` is a comma followed by a place (its first token a key of
    ``place_ends``) that ends the phrase (:data:`_AFTER_A_PLACE`)."""
    if comma < 0 or comma + 1 >= len(doc) or doc[comma].text != "," or comma + 1 not in place_ends:
        return False
    after = place_ends[comma + 1]
    return (
        after < 0 or after >= len(doc) or doc[after].is_punct or doc[after].pos_ in _AFTER_A_PLACE
    )


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
            and not any(_is_shorter_form(name, full) for full in longer)
        ):
            winners[name] = majority_label(counts)
    for mention in mentions:
        label = winners.get(mention.name)
        if label is not None and mention.label == "PERSON":
            mention.label = label
            mention.role = ""


def _is_shorter_form(name: str, full: str) -> bool:
    """Whether ``name`` is a shorter form of the person's name ``full``."""
    return name != full and is_subsequence(tuple(name.split(" ")), tuple(full.split(" ")))


def _longest_forms(mentions: list[Mention]) -> dict[str, str]:
    """Each PERSON name of the document -> the one longest name it is a shorter form of
    (itself when none or several fit)."""
    people = sorted(
        {m.name for m in mentions if m.label == "PERSON"}, key=lambda name: (-len(name), name)
    )
    words = {name: tuple(name.split(" ")) for name in people}
    canonical: dict[str, str] = {}
    for name in people:
        longer = [
            other
            for other in people
            if len(words[other]) > len(words[name]) and is_subsequence(words[name], words[other])
        ]
        maximal = [
            other
            for other in longer
            if not any(o != other and is_subsequence(words[other], words[o]) for o in longer)
        ]
        canonical[name] = maximal[0] if len(maximal) == 1 else name
    return canonical
