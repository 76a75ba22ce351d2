"""Spans the tagger ran together, cut into the names they hold (per document): a person and
the organisation or place after the name ("Obama White House"), an organisation and the
person after it (a photo credit, "Getty Images Mandel Ngan"), photo credits and partners
joined by a slash ("Joshua Roberts/File", "AFP/Getty Images"), a sentence's first word or a
question's modal verb run into a person ("Frequent Trump critic", "Will Paul Ryan"), two
people run together ("Kavanaugh Ford"), and a headline's subject run into its verb and the
rest of the headline ("Harbor Board Says Port Fees Will Rise")."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING

from newslens.entities.mention import Mention, char_text, in_headline, span_text
from newslens.entities.names import NAME_SUFFIXES, default_nicknames, name_key, same_word
from newslens.entities.untagged import person_forms

if TYPE_CHECKING:
    from newslens.types import Doc

_PLACE_LABELS = ("ORG", "GPE", "LOC", "FAC", "NORP")
_PLACES = ("GPE", "LOC", "FAC")
# Words of photo credits that name no one ("Doug Mills/Pool/EPA", "Handout/Reuters").
_CREDIT_WORDS = frozenset({"courtesy", "file", "handout", "pool", "staff"})
# Modal verbs that open a question run into a name ("Will Paul Ryan ...?"); not "May".
MODAL_VERBS = frozenset({"will", "would", "can", "could", "should", "must", "might", "shall"})


def split_swallowed(
    doc: Doc,
    mentions: list[Mention],
    known: Mapping[str, str],
    organisations: Mapping[str, str] | None = None,
    organisation_starts: frozenset[str] = frozenset(),
) -> list[Mention]:
    """Cut a PERSON span that swallowed an organisation or place after the name ("Obama
    White House" -> "Obama" + "White House"), an ORG span that starts with a person the
    document names ("Trump Justice Department" -> "Trump" + "Justice Department"), a
    sentence's first word off an ORG span that is otherwise a person the document names
    ("Frequent Trump critic ..." -> "Trump"), a PERSON span at a slash ("Joshua
    Roberts/File" -> "Joshua Roberts") and an ORG span at its slashes ("AFP/Getty Images").

    ``known`` maps organisation and place names (the alias table's and those the document
    tags) to their label; only a tail that is one of them is cut off, so "Trump
    Organization" stays whole. The tail may run past the span by up to two tokens ("Obama
    White" tagged PERSON before "House"). A PERSON span that starts with a known
    organisation (a photo credit run into a caption: "Getty Images Mandel Ngan") is cut
    after it. ``organisations`` (the alias table's organisation and place names, all of them
    in ``known``) are never read as people's names here; ``organisation_starts`` are their
    first words, computed once per table
    (:func:`~newslens.entities.aliases.alias_place_starts`)."""
    if not any(m.label in ("PERSON", "ORG") and m.end_token - m.token >= 2 for m in mentions):
        return mentions
    named = {m.name for m in mentions if m.label == "PERSON"}
    people = named | set(person_forms(mentions))
    # A name the alias table gives an organisation or place is not a person's, whatever
    # the tagger said ("Getty Images" tagged PERSON in a photo credit).
    table = organisations or {}
    people.difference_update(table)
    others = known.keys() - table.keys()
    starts = organisation_starts | frozenset(name.split(" ", 1)[0] for name in others)
    result: list[Mention] = []
    claimed: list[tuple[int, int]] = []
    for mention in mentions:
        if _opening_modifier(doc, mention, people, named):
            result.append(_person_from(doc, mention, mention.token + 1))
            continue
        cut = None
        if mention.label in ("PERSON", "ORG") and mention.end_token - mention.token >= 2:
            cut = _swallowed_tail(doc, mention, starts, people, known, table)
        if cut is None:
            result.extend(_cut_without_tail(doc, mention, mentions, known))
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


def _cut_without_tail(
    doc: Doc, mention: Mention, mentions: list[Mention], known: Mapping[str, str]
) -> list[Mention]:
    """What is left of a span with no known organisation or place after a name: a PERSON
    span cut at a slash, an ORG span at its slashes, a PERSON span after the known
    organisation it starts with; else the span as it is."""
    slash = _slash_in(doc, mention)
    if slash is not None and mention.label == "PERSON":
        # A photo credit: the photographer before the slash, "File" or an agency after.
        return [_leading_part(doc, mention, slash, "PERSON", role=mention.role)]
    if slash is not None:
        # Two organisations joined by a slash: "AFP/Getty Images", "ABC News/Washington
        # Post" (a poll's partners).
        return _slash_parts(doc, mention)
    if mention.label == "PERSON" and mention.end_token - mention.token >= 2:
        head = _swallowed_head(doc, mention, known)
        if head is not None:
            others = [m for m in mentions if m is not mention]
            elsewhere = {m.name for m in others if m.label == "PERSON"}
            return _cut_head(doc, mention, head, elsewhere | set(person_forms(others)))
    return [mention]


def _slash_in(doc: Doc, mention: Mention) -> int | None:
    """The token of the first slash after the first word of a PERSON or ORG span, or
    ``None``. In a PERSON span a double slash or a slash glued to the next word ("Asma
    Khalid /NPR", a photo credit) counts too."""
    if mention.label not in ("PERSON", "ORG"):
        return None
    person = mention.label == "PERSON"
    return next(
        (
            k
            for k in range(mention.token + 1, mention.end_token)
            if doc[k].text == "/" or (person and _credit_slash(doc[k].text))
        ),
        None,
    )


def _credit_slash(text: str) -> bool:
    """A double slash, or a slash glued to the word after it ("/NPR")."""
    return text == "//" or (text[:1] == "/" and text[1:2].isalpha())


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
        if last == first and doc[first].lower_ in _CREDIT_WORDS:
            continue
        parts.append(
            Mention(
                doc[first].idx,
                doc[last].idx + len(doc[last].text),
                first,
                name_key(span_text(doc, first, b)),
                "ORG",
                mention.ner_label,
                linked_by="trim",
                end_token=b,
            )
        )
    return parts


def _swallowed_tail(
    doc: Doc,
    mention: Mention,
    starts: frozenset[str],
    people: set[str],
    known: Mapping[str, str],
    table: Mapping[str, str],
) -> tuple[int, int, str] | None:
    """``(first token, end token, label)`` of a known organisation or place a PERSON or ORG
    span runs into after a person's name, or ``None``. (Never the surname of a two-word
    name that only the tagger took for an organisation: "Donald Trump" tagged ORG, with
    "Trump" tagged ORG elsewhere, is one person, not "Donald" and an organisation.)"""
    first, last = mention.token, mention.end_token
    for k in range(first + 1, last):
        if doc[k].text not in starts or _after_name_particle(doc, k):
            continue
        if mention.label == "ORG" and name_key(span_text(doc, first, k)) not in people:
            continue
        if (
            mention.label == "ORG"
            and k == first + 1 == last - 1
            and name_key(doc[k].text) not in table
        ):
            continue
        stops = range(last, min(last + 3, len(doc)) + 1) if mention.label == "PERSON" else (last,)
        for stop in stops:
            tail = name_key(span_text(doc, k, stop))
            label = known.get(tail)
            if label in _PLACE_LABELS and tail not in people:
                if label in _PLACES and _given_name_before_place(doc, mention, k, stop, people):
                    continue
                return k, stop, label
    return None


def _given_name_before_place(
    doc: Doc, mention: Mention, k: int, stop: int, people: set[str]
) -> bool:
    """Whether a PERSON span is one word the document names no one by, inside a sentence,
    and a place that ends the span ("strategist Ken Spain"): a surname that is also a
    place, not a person run into a place ("Obama White House" runs on past the span, and
    "Obama" names someone)."""
    if mention.label != "PERSON" or k != mention.token + 1 or stop != mention.end_token:
        return False
    head = doc[mention.token]
    if head.is_sent_start or not head.is_title:
        return False  # "Anonymous U.S. officials": a sentence's first word
    return head.text not in people and name_key(head.text) not in people


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
        head = name_key(span_text(doc, first, k))
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
        name_key(span_text(doc, first, k)),
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


def _opening_modifier(doc: Doc, mention: Mention, people: set[str], named: set[str]) -> bool:
    """Whether a span's first word is not part of the person the rest of it names in the
    document: an ORG span's sentence-opening adjective or adverb ("Frequent Trump critic
    José Andrés ..."); before a full name the document uses, a PERSON span's modal verb
    ("Will Paul Ryan remain speaker?") or sentence-opening common word ("Driver Bubba
    Wallace", with "Bubba Wallace" and "driver" elsewhere); and a sentence-opening -ing
    form before the surname of another person the document names in full (``named``)."""
    first = mention.token
    if mention.label not in ("ORG", "PERSON") or mention.end_token - first < 2:
        return False
    rest = name_key(char_text(doc, doc[first + 1].idx, mention.end))
    if rest not in people:
        return False
    if mention.label == "ORG":
        return bool(doc[first].is_sent_start) and doc[first].pos_ in ("ADJ", "ADV")
    if doc[first].is_sent_start and _gerund(doc[first].text):
        # "Compounding Moss's troubles, ...", with Sarah Moss another person the article
        # names (not "Sterling Vance ran the poll. Vance said ...").
        others = [name for name in named if name != mention.name]
        if any(name.endswith(" " + mention.name) for name in others):
            return False  # "Fleming Rowe said", after "Ann Fleming Rowe"
        return any(name.endswith(" " + rest) for name in others)
    if " " not in rest or mention.name == rest:
        return False  # "Will Johnson is managing director": a given name before a surname
    if doc[first].tag_ == "MD" and doc[first].lower_ in MODAL_VERBS:
        return True
    return bool(doc[first].is_sent_start) and _written_in_lower_case(doc, doc[first].lower_)


def _gerund(word: str) -> bool:
    """Whether a capitalised word reads as an -ing form opening a sentence ("Compounding",
    "Echoing"), not a given name that happens to end so ("Sterling", "Irving")."""
    return word.endswith("ing") and word[:1].isupper() and word[1:].islower()


def _written_in_lower_case(doc: Doc, word: str) -> bool:
    """Whether the document also writes ``word`` in lower case ("driver"; never a given
    name such as "Omarosa")."""
    return any(token.lower_ == word and token.is_lower for token in doc)


def _cut_at(doc: Doc, mention: Mention, k: int, stop: int, label: str) -> list[Mention]:
    """The person before token ``k`` (without a slash or other punctuation between them:
    "Jeff Mitchell/Getty Images") and the organisation or place ``k:stop``."""
    first = mention.token
    end = k
    while end - 1 > first and doc[end - 1].is_punct:
        end -= 1
    person = _leading_part(doc, mention, end, "PERSON", role=mention.role)
    person.surname_use = True
    other = Mention(
        doc[k].idx,
        doc[stop - 1].idx + len(doc[stop - 1].text),
        k,
        name_key(span_text(doc, k, stop)),
        label,
        mention.ner_label,
        linked_by="trim",
        end_token=stop,
    )
    return [person, other]


# Tags of the finite verbs that end a name run into a headline's clause.
_FINITE_TAGS = ("VBZ", "VBD", "VBP", "MD")


def cut_headline_clauses(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Cut a span the tagger ran on from a headline's subject into its verb and the rest
    ("Harbor Board Says Port Fees Will Rise", "Kestrel Ward Is Wrong About Taxes"):
    the name is the subject before the finite verb, in a line written in title case. Only
    a verb whose clause has its subject inside the span before it is cut at, so a name with
    a word the tagger read as a verb ("King Features Syndicate") stays whole."""
    result: list[Mention] = []
    for mention in mentions:
        k = _headline_verb(doc, mention)
        if k is None:
            result.append(mention)
        else:
            result.append(_leading_part(doc, mention, k, mention.label, role=mention.role))
    return result


def _headline_verb(doc: Doc, mention: Mention) -> int | None:
    """Token index of the finite verb of a headline inside a mention's span, after its
    subject, if there is one."""
    if mention.label not in ("PERSON", "ORG") or mention.end_token - mention.token < 2:
        return None
    for token in doc[mention.token + 1 : mention.end_token]:
        if token.pos_ not in ("VERB", "AUX") or token.tag_ not in _FINITE_TAGS:
            continue
        clause = token.head if token.dep_ in ("aux", "auxpass") else token
        subject = any(
            c.dep_ in ("nsubj", "nsubjpass") and mention.token <= c.i < token.i
            for c in clause.children
        )
        if not subject or not in_headline(doc, token.i):
            return None
        k = token.i
        while k - 1 > mention.token and doc[k - 1].pos_ == "ADV":
            k -= 1  # "Harbor Board Finally Says ...": the adverb is the headline's too
        return k
    return None


def split_two_people(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A PERSON span of two words whose first word is the surname of another person the
    document names is cut: into a mention of each person when the second word is another
    person's surname too ("Kavanaugh Ford" in a caption run into a sentence, after "Brett
    Kavanaugh" and "Christine Blasey Ford"), and to that first person alone in a headline,
    where the tagger runs a surname the document also uses alone into the next capitalised
    word ("Bolton and Gorka Slam ...", "Rubio Wrong on Immigration"). Elsewhere such a
    span is a full name whose first name is another person's surname ("Paul Ryan" beside
    "Rand Paul", a byline "Nicholas Burns and Douglas Lute") and stays whole."""
    bearers: dict[str, set[str]] = {}
    for m in mentions:
        for surname in person_forms([m]):
            bearers.setdefault(surname, set()).add(m.name)
    named = Counter(m.name for m in mentions if m.label == "PERSON")
    result = []
    for mention in mentions:
        words = mention.name.split(" ")
        if (
            mention.label != "PERSON"
            or len(words) != 2
            or mention.end_token - mention.token != 2
            or named[mention.name] > 1
            or not bearers.get(words[0], set()) - {mention.name}
        ):
            result.append(mention)
        elif bearers.get(words[1], set()) - {mention.name}:
            second = mention.token + 1
            result.append(_leading_part(doc, mention, second, "PERSON", role=mention.role))
            result.append(_person_from(doc, mention, second))
        elif named[words[0]] and not named[words[1]] and in_headline(doc, mention.token):
            second = mention.token + 1
            result.append(_leading_part(doc, mention, second, "PERSON", role=mention.role))
        else:
            result.append(mention)
    return result


# Tokens that may stand between a name and the hover text some outlets glue after it
# ("Sen. Dick Durbin Richard (Dick) Joseph DurbinPentagon ..."): at most this many.
_MAX_HOVER_GAP = 4


def join_hover_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """The parts of a hover text glued after a person's full name ("Dick Durbin Richard
    (Dick) Joseph Durbin", "Roy Blunt Roy Dean Blunt", "Amy Klobuchar Amy Jean Klobuchar")
    are one more mention of that person (named as the full name, linked by ``hover``),
    not people of their own ("Joseph Durbin", "Roy Dean"); a nickname in parentheses
    inside it is no mention of its own. A part is the hover's when it comes within a few
    capitalised words or parentheses after the name, on the same line, and shares its
    surname or its first name (or a nickname of it)."""
    people = sorted((m for m in mentions if m.label == "PERSON"), key=lambda m: m.token)
    nicknames = default_nicknames()
    dropped: set[int] = set()
    for k, full in enumerate(people):
        words = full.name.split(" ")
        if len(words) < 2 or full.linked_by == "hover":
            continue
        inside: list[Mention] = []
        for part in people[k + 1 :]:
            if not _hover_gap(doc, full.end_token, part.token):
                break
            part_words = part.name.split(" ")
            if _suffixed(part_words) != _suffixed(words):
                break
            # The same surname only after the name's first name or a nickname in
            # parentheses ("Amy Klobuchar Amy Jean Klobuchar"), never two relatives side by
            # side in a caption ("Bill Clinton Hillary Clinton").
            between = doc[full.end_token : part.token]
            same_surname = part_words[-1] == words[-1] and any(
                t.text == "(" or t.text == words[0] for t in between
            )
            # The same first name only across parentheses or the name's own first name
            # ("Roy Blunt Roy Dean Blunt", "Dick Durbin Richard (Dick)"), never across a
            # headline's verb ("Joe Biden Praises Joe Manchin").
            same_first = all(
                t.text in ("(", ")") or same_word(t.text, words[0], nicknames, first=True)
                for t in between
            ) and same_word(part_words[0], words[0], nicknames, first=True)
            if same_surname or same_first:
                if _in_parentheses(doc, part):
                    inside.append(part)
                    continue
                part.name, part.linked_by = full.name, "hover"
                dropped.update(id(m) for m in inside)
            break
    return [m for m in mentions if id(m) not in dropped]


def _hover_gap(doc: Doc, end: int, start: int) -> bool:
    """Whether only a few capitalised words or parentheses, on one line, lie between token
    ``end`` and token ``start``."""
    if not 0 < end <= start <= end + _MAX_HOVER_GAP:
        return False
    if any("\n" in t.whitespace_ for t in doc[end - 1 : start]):
        return False
    return all(
        t.text in ("(", ")") or (t.is_alpha and t.text[:1].isupper()) for t in doc[end:start]
    )


def _in_parentheses(doc: Doc, mention: Mention) -> bool:
    """Whether a mention stands alone between parentheses: "(Dick)"."""
    before, after = mention.token - 1, mention.end_token
    return before >= 0 and after < len(doc) and doc[before].text == "(" and doc[after].text == ")"


def _suffixed(words: list[str]) -> bool:
    return words[-1].lower() in NAME_SUFFIXES
