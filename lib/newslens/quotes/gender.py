"""Which people of a document a reader would call "he" and which "she".

A pronoun speaker is linked to the most recent person mentioned before it; without this a
"she said" after a paragraph about Donald Trump was Trump's. The evidence is the
document's own words about each person, never a guess from the name:

- a title before a mention ("Mr. Doe", "Ms. Roe", "Queen Elizabeth"), unless the mention is
  only a surname two people of the document share ("Mrs. Obama" beside Barack Obama);
- a noun saying what the person is, in apposition or right before the name ("Doe, a mother
  of two", "the actress Jane Roe"; not "Roe, whose husband, ..."): only nouns that are not
  also written of the other sex ("woman", "father"; not "spokesman", "actor");
- a reflexive pronoun bound by the person as the subject of its clause, when no other
  person is named there ("Roe defended herself");
- "He" or "She" opening the sentence after one whose only person or organisation named is
  the subject of its main verb, with no quotation marks and no pronoun in it ("Doe left
  early. He said ...").

A person whose evidence is all one way, or three to one, gets that gender; the rest stay
unknown, and an unknown person may be anyone's antecedent, as before.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from newslens.quotes.lexicon import SUBJECT_DEPS

if TYPE_CHECKING:
    from newslens.quotes.context import Mention
    from newslens.types import Doc, Span, Token

__all__ = ["MALE", "FEMALE", "person_genders", "pronoun_gender", "noun_gender"]

MALE = "male"
FEMALE = "female"
# Evidence of one gender must outweigh the other this many times.
MIN_RATIO = 3

_TITLES = {
    MALE: frozenset("mr mr. sir lord king prince monsignor".split()),
    FEMALE: frozenset("mrs mrs. ms ms. miss lady dame queen princess madam".split()),
}
_TITLE_WORDS = _TITLES[MALE] | _TITLES[FEMALE]
_NOUNS = {
    # Not "spokesman", "chairman" or "actor": they are written of women too.
    MALE: frozenset(
        "man boy father husband son brother grandfather grandson uncle nephew widower king"
        " prince gentleman stepfather dad".split()
    ),
    FEMALE: frozenset(
        "woman girl mother wife daughter sister grandmother granddaughter aunt niece widow"
        " actress businesswoman congresswoman spokeswoman chairwoman councilwoman"
        " assemblywoman anchorwoman queen princess lady stepmother mom mum".split()
    ),
}
# Not "his": in "Doe describes his progress" it may be someone else's.
_BOUND_PRONOUNS = {MALE: frozenset({"himself"}), FEMALE: frozenset({"herself"})}
_REFLEXIVES = _BOUND_PRONOUNS[MALE] | _BOUND_PRONOUNS[FEMALE]
_SUBJECT_PRONOUNS = {MALE: "he", FEMALE: "she"}
_PRONOUNS = {
    **dict.fromkeys(("he", "him", "his", "himself"), MALE),
    **dict.fromkeys(("she", "her", "hers", "herself"), FEMALE),
}


def pronoun_gender(word: str) -> str:
    """``MALE`` for "he", "him", "his", "himself"; ``FEMALE`` for "she", "her", "hers",
    "herself"; else ``""``."""
    return _PRONOUNS.get(word.lower(), "")


def noun_gender(word: str) -> str:
    """The gender a noun for a person states ("the woman", "the father"), else ``""``."""
    lower = word.lower()
    return next((g for g, nouns in _NOUNS.items() if lower in nouns), "")


def person_genders(doc: Doc, mentions: list[Mention], inside: list[bool]) -> dict[str, str]:
    """The gender the document gives each PERSON entity of ``mentions``, where its evidence
    is clear (``inside``: whether each token is inside quotation marks)."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    people = [m for m in mentions if m.label == "PERSON"]
    shared = _shared_surnames(people)
    for mention in people:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or inside[span.start]:
            continue
        titled = "" if _bare_shared_surname(span, shared) else _title_gender(span)
        for gender in (titled, _described_as(span), _bound_pronoun(span, people)):
            if gender:
                votes[mention.entity][gender] += 1
    named = [m for m in mentions if m.label in ("PERSON", "ORG")]
    for entity, gender in _next_sentence_pronouns(doc, named, inside):
        votes[entity][gender] += 1
    return {entity: g for entity, counts in votes.items() if (g := _clear(counts))}


def _shared_surnames(people: list[Mention]) -> set[str]:
    """Last words of the names of two or more people of the document ("Obama" of Barack
    and Michelle Obama)."""
    entities = {m.entity for m in people}
    last = Counter(name.split()[-1] for name in entities if " " in name)
    return {word for word, count in last.items() if count > 1}


def _bare_shared_surname(span: Span, shared: set[str]) -> bool:
    """Whether a mention is only a surname two people of the document share: "Mrs. Obama"
    may be linked to Barack Obama, so its title says nothing of him."""
    words = [t.text for t in span if t.lower_ not in _TITLE_WORDS and not t.is_punct]
    return len(words) == 1 and words[0] in shared


def _subject_of_root(doc: Doc, mention: Mention, sentence: Span) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in SUBJECT_DEPS and span.root.head == sentence.root


def _clear(counts: Counter[str]) -> str:
    male, female = counts[MALE], counts[FEMALE]
    if male >= MIN_RATIO * female and male > 0:
        return MALE
    if female >= MIN_RATIO * male and female > 0:
        return FEMALE
    return ""


def _title_gender(span: Span) -> str:
    """The gender of a title inside the name or right before it ("Mr. Doe")."""
    doc = span.doc
    words = [t.lower_ for t in span[:1]]
    if span.start > 0:
        words.append(doc[span.start - 1].lower_)
    for gender, titles in _TITLES.items():
        if any(w in titles for w in words):
            return gender
    return ""


def _described_as(span: Span) -> str:
    """The gender of a noun the name stands in apposition with, or a noun compounded
    before it ("the actress Jane Roe")."""
    root = span.root
    nouns = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        nouns.append(root.head)
    if span.start > 0 and span.doc[span.start - 1].pos_ == "NOUN":
        nouns.append(span.doc[span.start - 1])
    for noun in nouns:
        if any(c.lower_ == "whose" for c in noun.children):
            continue  # "Dorothy Woods, whose husband, Ty Woods, ...": someone else
        gender = noun_gender(noun.lower_) if noun.pos_ == "NOUN" else ""
        if gender:
            return gender
    return ""


def _bound_pronoun(span: Span, people: list[Mention]) -> str:
    """The gender of "himself" or "herself" in the clause whose subject is the name, when no
    other person is named in that clause."""
    root = span.root
    if root.dep_ not in SUBJECT_DEPS or not any(t.lower_ in _REFLEXIVES for t in root.sent):
        return ""  # most sentences hold no reflexive: the clause is not walked for them
    verb = root.head
    clause = [t for t in verb.subtree if not _in_own_clause(t, verb)]
    others = [
        m
        for m in people
        if m.start >= clause[0].idx
        and m.end <= clause[-1].idx + len(clause[-1])
        and not (span.start_char <= m.start < span.end_char)
    ]
    if others:
        return ""
    for gender, pronouns in _BOUND_PRONOUNS.items():
        if any(t.lower_ in pronouns for t in clause):
            return gender
    return ""


def _in_own_clause(token: Token, verb: Token) -> bool:
    """Whether ``token`` belongs to a clause below ``verb`` that has a subject of its own."""
    node = token
    while node != verb:
        if any(c.dep_ in SUBJECT_DEPS for c in node.children) and node.pos_ in ("VERB", "AUX"):
            return True
        node = node.head
    return False


def _next_sentence_pronouns(
    doc: Doc, named: list[Mention], inside: list[bool]
) -> list[tuple[str, str]]:
    """(entity, gender) for each sentence opening with "He" or "She" after a sentence without
    quotation marks whose only person or organisation named is the subject of its main verb
    (an organisation counts, for the tagger reads some people as one: "Schlafly had been a
    strong supporter of Trump's campaign. He acknowledged ..." is Trump)."""
    sentences = list(doc.sents)
    found = []
    for before, after in zip(sentences, sentences[1:], strict=False):
        opening = after[0]
        gender = next((g for g, p in _SUBJECT_PRONOUNS.items() if opening.lower_ == p), "")
        if not gender or inside[opening.i] or any(inside[t.i] for t in before):
            continue
        if any(t.lower_ in _PRONOUNS for t in before):
            continue  # "..., she issued a plan: President Obama adopted it. She ...": hers
        there = [m for m in named if before.start_char <= m.start < before.end_char]
        if len({m.entity for m in there}) != 1 or there[0].label != "PERSON":
            continue
        if _subject_of_root(doc, there[0], before):
            found.append((there[0].entity, gender))
    return found
