"""Normalisation of one entity span: the name it denotes, and the title before it.

Rules, in order: cut at the first dash ("Kyiv—just" -> "Kyiv"); drop leading determiners and
punctuation and trailing possessives and punctuation; drop the mention if it is a title or
the tail of one with the words before it ("State" after "Secretary of"); drop a title of
the person tagged next from the span's end ("Navy Cmdr. Ann Tull" -> "Navy"), and the span
if one word is left of a "person" ("Ferguson Capt. Ron Hale"); move leading titles
and the lowercase or adjective words among them ("former", "Russian Foreign Minister") into
``role``; in a PERSON name, drop lower-case words run into it, a verb at either end
("Describing King", "Obama Looks"), a last word printed twice ("Julian Assange Assange") and
all from a capitalised "The" inside it ("Francis The Pope");
strip remaining edge punctuation and a possessive the tokenizer left attached.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newslens.entities.edge_words import without_edge_verbs
from newslens.entities.mention import char_text, span_text
from newslens.entities.names import (
    COMPANY_SUFFIXES,
    DASHES,
    EDGE_PUNCTUATION,
    NAME_SUFFIXES,
    PARTY_TAG,
    POSSESSIVE,
    collapse,
    default_nicknames,
    hover_cut,
    name_key,
)
from newslens.entities.titles import (
    TitleIndex,
    default_titles,
    is_title_tail,
    title_ending_at,
    title_index,
    title_of_next_person,
    title_starting_at,
)

if TYPE_CHECKING:
    from newslens.types import Doc, Span, Token

_DETERMINERS = frozenset({"the", "a", "an"})
_ATTRIBUTIVE_DEPS = frozenset({"compound", "poss", "nmod", "amod"})
# Words that may stand before a title and belong to the role: "former President".
_MODIFIERS = frozenset({"former", "acting", "then", "late", "outgoing", "incoming", "interim"})
# Parts of speech of the word after a name's hyphen that make a compound of the name.
_COMPOUND_POS = frozenset({"NOUN", "VERB", "ADJ"})
# Last words that make a name a place's: a "person" ending with one is a county, a parish.
PLACE_TAILS = frozenset({"county", "parish", "township"})
# Lower-case words that begin people's names ("bin Laden", "de Blasio", "van Gogh").
_NAME_PARTICLES = frozenset(
    "al el bin ibn ben abu de da di du del della der den van von la le dos das ter".split()
)
# What a digit, a link or a handle needs in a name (most names have none: no token check).
_SUSPECT = re.compile(r"[\d@#/:]|\.\w")
# The plural of an acronym ("MPs", "CEOs"): a group of people, never a person's name.
_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")
# One-word "names" derived from a name: an ideology, followers or a demonym ("McCarthyism",
# "Atlanticists", "Wisconsinites"); no person is called that. (A singular "-ist" is left
# alone: "Federalist" and "Economist" are outlets; so is "-esque": "Levesque" is a surname.)
_DERIVED_WORD = re.compile(r"\w{5,}(?:isms?|ists|ites)")  # not "Stites"
# A nickname in quotation marks between a person's given name and surname.
_INNER_NICKNAME = re.compile(r" [\"“‘'][^\"“”‘’']{1,40}[\"”’'] ")
# Any of :data:`~newslens.entities.names.DASHES` (one search, not one per dash).
_DASH = re.compile("|".join(map(re.escape, DASHES)))
# A surname glued to the next word of a headline or a link ("KudlowMORE", "HillClinton",
# "Sanders2020", "McCainCindy"); "Mac"/"Mc"/"De"-style surnames alone do not match.
_GLUED = re.compile(
    r"^((?:Mc|Mac)[A-Z][a-z]{2,}|(?!Ma?c[A-Z])[A-Z][a-z]{2,})(?:[A-Z][a-z]+|[A-Z]{2,}|\d+)$"
)


@dataclass(frozen=True)
class NormalisedSpan:
    """A mention after normalisation: the name's token range and character offsets, the
    title/role text that preceded it (or ``""``), and the name as compared (``name``)."""

    start_token: int
    end_token: int
    start: int
    end: int
    name: str
    role: str


def is_dash(token: Token) -> bool:
    """Whether the token holds a dash (em, en or a double hyphen)."""
    return _DASH.search(token.text) is not None


def normalise_span(
    span: Span, *, titles: frozenset[tuple[str, ...]] | None = None
) -> NormalisedSpan | None:
    """Trim an entity span to the name it denotes, or ``None`` if it names nothing.

    The rules are those of this module's docstring. The role also records a title standing
    just before the span ("Secretary of State" before "Marco Rubio").
    """
    index = title_index(default_titles() if titles is None else titles)
    return normalise(span, index, [token.lower_ for token in span.doc])


def normalise(span: Span, index: TitleIndex, lowers: Sequence[str]) -> NormalisedSpan | None:
    """:func:`normalise_span` with the title index and lowercased tokens already built."""
    doc = span.doc
    bounds = _trimmed_tokens(doc, span.start, span.end, lowers)
    if bounds is None:
        return None
    start, end = bounds
    if span.label_ == "PERSON":
        end = _with_hyphenated_part(doc, end, span.end)
    if in_party_tag(doc, start):
        return None
    # Only a title (or the tail of one): "President", "State" in "Secretary of State".
    if is_title_tail(lowers, start, end, index):
        return None
    next_title = title_of_next_person(doc, start, end, lowers, index)
    if next_title is not None:
        # "Ferguson Capt. Ron Hale", "Navy Cmdr. Ann Tull": the span ends with the title of
        # the person named next; an organisation before an abbreviated title is kept, one
        # word before any title is no person ("Kenner Mayor Ben Zahn").
        title_start, abbreviated = next_title
        if span.label_ == "PERSON" and title_start - start == 1:
            return None
        if span.label_ == "PERSON" or abbreviated:
            end = title_start
    name_start = start
    if span.label_ == "PERSON" and lowers[end - 1] not in PLACE_TAILS:
        # "Prince William County": a place named after someone keeps the title in its name.
        name_start = _after_leading_titles(doc, start, end, lowers, index)
    if name_start == start:
        role_text = _title_before(doc, start, lowers, index)
    else:
        role_text = span_text(doc, start, name_start)
    if span.label_ != "PERSON":
        return _trimmed_text(doc, name_start, end, role_text)
    name_start = _after_lowercase_words(doc, name_start, end, lowers)
    name_start, end = without_edge_verbs(doc, name_start, end)
    end = _without_doubled_last_word(doc, name_start, end)
    end = _before_inner_article(doc, name_start, end)
    found = _trimmed_text(doc, name_start, end, role_text)
    if found is not None and _INNER_NICKNAME.search(found.name):
        # 'Eric "Shakedown" Schneiderman' is Eric Schneiderman: the nickname is no name part.
        found = replace(found, name=_INNER_NICKNAME.sub(" ", found.name))
    return found


def _trimmed_tokens(
    doc: Doc, start: int, end: int, lowers: Sequence[str]
) -> tuple[int, int] | None:
    """The token range left after cutting at the first dash or colon and dropping leading
    determiners, punctuation and lowercase words, and trailing possessives, punctuation and
    lowercase words ("Walker first", "Obama administration": names do not end in a
    lowercase word)."""
    if end - start > 1:
        for i in range(start + 1, end):
            if is_dash(doc[i]) or doc[i].text == ":":  # "Rand Paul: Ebola Is a Threat"
                end = i
                break
    # A lower-case word before a name is no part of it ("this White House", "her Supreme
    # Court", "useless Education Department"), unless it is a name's particle ("al Qaeda").
    while start < end and (
        lowers[start] in _DETERMINERS
        or doc[start].is_punct
        or (
            doc[start].is_lower
            and doc[start].is_alpha
            and lowers[start] not in _NAME_PARTICLES
            and _capitalised_after(doc, start, end)
        )
    ):
        start += 1
    while end > start and (
        doc[end - 1].tag_ == "POS"
        or doc[end - 1].is_punct
        or (end - 1 > start and doc[end - 1].is_lower and doc[end - 1].is_alpha)
    ):
        end -= 1
    return None if start >= end else (start, end)


def _capitalised_after(doc: Doc, i: int, end: int) -> bool:
    """Whether a capitalised word follows token ``i`` before ``end``, past punctuation
    ("pro-Trump")."""
    j = i + 1
    while j < end and doc[j].is_punct:
        j += 1
    return j < end and doc[j].text[:1].isupper()


def in_party_tag(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is the state of a legislator's party tag split by the tokenizer
    ("Iowa" in "(R-Iowa)", "Calif." in "(D-Calif.)"): not a mention of the state."""
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].text in ("D", "R", "I")


def _with_hyphenated_part(doc: Doc, end: int, span_end: int) -> int:
    """The name's end token, with a lower-case part the span joins to its last word by a
    hyphen ("Kim Jong-un", "Moon Jae-in": a given name, not a trailing lower-case word).
    Only a hyphen inside the tagger's span counts, and not an English word that makes a
    compound of the name ("Bush-era", "Soros-funded", "Frank-esque")."""
    if (
        end < span_end
        and end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_lower
        and doc[end + 1].is_alpha
        # a function word makes no English compound, whatever the tagger reads it as
        # ("Jae-in" with "in" tagged a noun)
        and (doc[end + 1].pos_ not in _COMPOUND_POS or doc[end + 1].is_stop)
    ):
        return end + 2
    return end


def _after_leading_titles(
    doc: Doc, start: int, end: int, lowers: Sequence[str], index: TitleIndex
) -> int:
    """Where a PERSON name starts after its leading titles, with the modifiers around them
    ("former", "Russian", "U.S.")."""
    name_start = cursor = start
    while cursor < end - 1:
        after = title_starting_at(lowers, cursor, end - 1, index)
        if after > cursor:
            if after < end - 1 and doc[after].text == ".":
                after += 1  # the period the tokenizer split off an abbreviation ("Sgt", ".")
            name_start = cursor = after
            continue
        token = doc[cursor]
        is_modifier = token.is_lower or token.tag_ in ("JJ", "HYPH") or token.is_punct
        if is_modifier and any(
            title_starting_at(lowers, j, end - 1, index) > j for j in range(cursor + 1, end - 1)
        ):
            cursor += 1
            continue
        break
    return name_start


def _after_lowercase_words(doc: Doc, start: int, end: int, lowers: Sequence[str]) -> int:
    """Where a PERSON name starts after lower-case words the tagger ran into it ("bloc Rand
    Paul", "toward Barr", "pro-Clinton"): a name starts with a capital, or with a particle
    ("bin Laden", "de Blasio")."""
    while (
        start < end - 1
        and doc[start].is_lower
        and doc[start].is_alpha
        and lowers[start] not in _NAME_PARTICLES
    ):
        start += 1
        # ... and the hyphen after a prefix ("pro-Clinton").
        while start < end - 1 and doc[start].is_punct:
            start += 1
    return start


def _without_doubled_last_word(doc: Doc, start: int, end: int) -> int:
    """The name's end token without a last word that repeats the one before it ("Julian
    Assange Assange" in a photo caption that printed the surname twice)."""
    if end - start >= 2 and doc[end - 1].text == doc[end - 2].text:
        return end - 1
    return end


def _before_inner_article(doc: Doc, start: int, end: int) -> int:
    """The name's end token before a capitalised "The" inside it: a caption's "Pope Francis
    The Pope prays" names Francis, not "Francis The Pope"."""
    for i in range(start + 1, end):
        if doc[i].text == "The":
            return i
    return end


def _title_before(doc: Doc, start: int, lowers: Sequence[str], index: TitleIndex) -> str:
    """A title just before the span, with its modifiers: "Secretary of State" before "Marco
    Rubio", "former President", "Russian Foreign Minister"; or ``""``."""
    role_start = title_ending_at(lowers, start, index)
    while role_start > 0 and role_start < start:
        previous = doc[role_start - 1]
        if previous.ent_type_ in ("NORP", "GPE") or lowers[role_start - 1] in _MODIFIERS:
            role_start -= 1
        else:
            break
    return span_text(doc, role_start, start) if role_start < start else ""


def _trimmed_text(doc: Doc, name_start: int, end: int, role_text: str) -> NormalisedSpan | None:
    """The name's characters: cut at a dash inside a token, edge punctuation and possessives
    the tokenizer left attached stripped; ``None`` when nothing name-like is left."""
    start_char = doc[name_start].idx
    text = span_text(doc, name_start, end)  # not doc.text, which spaCy rebuilds on every access
    full_end = start_char + len(text)
    dash = _DASH.search(text, 1)  # the first dash after the first character
    if dash is not None:
        text = text[: dash.start()]
    stripped = text.lstrip(EDGE_PUNCTUATION)
    start_char += len(text) - len(stripped)
    text = stripped
    while True:
        trimmed = POSSESSIVE.sub("", text).rstrip(EDGE_PUNCTUATION + " ")
        if trimmed == text:
            break
        text = trimmed
    end_char = start_char + len(text)
    if not any(map(str.isalnum, text)) or PARTY_TAG.match(text):
        return None
    last_token = end - 1
    if end_char < full_end:  # cut inside the span: the name may end before its last token
        while last_token > name_start and doc[last_token].idx >= end_char:
            last_token -= 1
    return NormalisedSpan(
        name_start,
        last_token + 1,
        start_char,
        end_char,
        name_key(text),
        collapse(role_text) if role_text else "",
    )


def cut_hover(doc: Doc, normalised: NormalisedSpan) -> NormalisedSpan:
    """A PERSON name cut where its first name comes back, also just after the span (see
    :func:`newslens.entities.names.hover_cut`), without the title printed before both (a
    caption's "Pope Francis Pope Francis" -> "Francis"), or where a word is glued to its surname
    ("Jason FurmanEconomy" -> "Jason Furman"), also in the token just after the span
    ("Donald John" before "TrumpKamala" -> "Donald John Trump")."""
    tokens = [doc[i].text for i in range(normalised.start_token, normalised.end_token)]
    # The hover's "(Nickname)" may follow the span the tagger ended before the parenthesis.
    after = range(normalised.end_token, min(normalised.end_token + 2, len(doc)))
    following = [doc[i].text for i in after]
    cut = min(hover_cut(tokens + following, default_nicknames()), len(tokens))
    first = normalised.start_token
    if 1 < cut < len(tokens) and first and doc[first - 1].lower_ == tokens[cut - 1].lower():
        cut -= 1  # the title before the name, printed again before it comes back
    keep = None
    for k in range(1, cut):
        glued = _GLUED.match(tokens[k])
        if glued:
            cut, keep = k + 1, len(glued.group(1))
            break
    if cut == len(tokens) and keep is None:
        keep = _glued_head_after(doc, normalised)
        if keep is None:
            return normalised
        cut = len(tokens) + 1
    last = doc[normalised.start_token + cut - 1]
    end = last.idx + (len(last.text) if keep is None else keep)
    name = (
        name_key(char_text(doc, normalised.start, end))
        if keep
        else name_key(span_text(doc, normalised.start_token, normalised.start_token + cut))
    )
    return NormalisedSpan(
        normalised.start_token,
        normalised.start_token + cut,
        normalised.start,
        end,
        name,
        normalised.role,
    )


def _glued_head_after(doc: Doc, normalised: NormalisedSpan) -> int | None:
    """The length of the surname glued to the next word in the token right after a name
    the tagger ended before it ("Donald John" before "TrumpKamala" in a headline's hover
    text), or None. Only a token one space after the name's last word counts, and only when
    the document also writes the surname as a proper noun of its own ("President Trump"),
    so a brand written in one word is not cut ("Julian Assange WikiLeaks founder", "Donald
    Trump YouTube channel")."""
    after = normalised.end_token
    if after >= len(doc) or normalised.end != doc[after - 1].idx + len(doc[after - 1].text):
        return None
    if doc[after - 1].whitespace_ != " ":
        return None
    glued = _GLUED.match(doc[after].text)
    if glued is None:
        return None
    head = glued.group(1)
    written = any(token.text == head and token.pos_ == "PROPN" for token in doc)
    return len(head) if written else None


def cut_numbers(doc: Doc, normalised: NormalisedSpan) -> NormalisedSpan | None:
    """A PERSON name cut before its first token with a digit, a link or a handle ("Rick
    Perry 01:15" in a video's chapter list, "Sanders 1,066" in a results table, a name run
    into a tweet's link), or ``None`` when the span starts with one ("737 Max"): a person's
    name has none of them."""
    if not _SUSPECT.search(normalised.name):
        return normalised
    first, last = normalised.start_token, normalised.end_token
    cut = next((i for i in range(first, last) if _not_in_a_name(doc[i], normalised.end)), last)
    if cut == last:
        return normalised
    while cut > first and (doc[cut - 1].is_punct or doc[cut - 1].is_space):
        cut -= 1
    if cut == first:
        return None
    end = doc[cut - 1].idx + len(doc[cut - 1].text)
    return NormalisedSpan(
        first,
        cut,
        normalised.start,
        end,
        name_key(char_text(doc, normalised.start, end)),
        normalised.role,
    )


def cut_after_suffix(doc: Doc, normalised: NormalisedSpan) -> NormalisedSpan:
    """A PERSON name ends at its suffix: "Donald Trump Jr. Fusion" (the next sentence's
    first word run into the name) is "Donald Trump Jr."; "II" to "IV" count only in capitals."""
    first, last = normalised.start_token, normalised.end_token
    cut = next((i + 1 for i in range(first + 1, last - 1) if _is_name_suffix(doc[i].text)), last)
    if cut < last - 1 and doc[cut].text == ".":  # "Jr" "." as two tokens
        cut += 1
    if cut == last:
        return normalised
    end = doc[cut - 1].idx + len(doc[cut - 1].text)
    name = name_key(char_text(doc, normalised.start, end))
    return NormalisedSpan(first, cut, normalised.start, end, name, normalised.role)


def _is_name_suffix(word: str) -> bool:
    """Whether ``word`` is a generational suffix: "Jr.", "Sr", "III" (not "ii" or "Iv")."""
    return word.lower() in NAME_SUFFIXES and (word[:1] in "JjSs" or word.isupper())


def _not_in_a_name(token: Token, end: int) -> bool:
    """Whether a token cannot be part of a person's name: its characters before ``end`` (a
    glued tail already cut off, "Klobuchar2020", does not count) hold a digit, or it is a
    link or a handle."""
    text = token.text[: end - token.idx]
    return token.like_url or text[:1] in "@#" or any(ch.isdigit() for ch in text)


def is_name_shaped(name: str, label: str) -> bool:
    """Whether a mention can be a name of its label: no name holds an e-mail address or a
    web address ("tips@example.com"); a person's name has a capital letter ("antifa" is not
    one), is no plural of an acronym ("MPs", "CEOs"), no letter (an interview's "Q." and "A.")
    or generational suffix ("Jr.") alone and no word derived from a name ("McCarthyism", "Wisconsinites"); a place's name starts with a capital ("iPhone", "jubilee bank")."""
    if name in COMPANY_SUFFIXES or "@" in name or "://" in name:
        return False
    if label == "PERSON":
        if len(name.rstrip(".")) == 1 or _is_name_suffix(name):
            return False  # "Q.", or the "Jr." of "John Hayden, Jr." tagged alone
        if _DERIVED_WORD.fullmatch(name):
            return False
        return any(ch.isupper() for ch in name) and not _PLURAL_ACRONYM.match(name)
    if label in ("GPE", "LOC"):
        return name[:1].isupper() or not name[:1].isalpha()
    return True


def used_as_surname(doc: Doc, normalised: NormalisedSpan) -> bool:
    """Whether a place's name is used the way a person's surname is: attributively (see
    :func:`is_attributive`), as the subject of a verb ("Shelby said", "says Leahy") or
    described by an apposition ("Leahy, a Vermont Democrat,"). A place is mostly where
    something happens ("in Shelby"); when the document also names a person with that
    surname, such a use is the person."""
    if is_attributive(doc, normalised):
        return True
    head = doc[normalised.start_token : normalised.end_token].root
    if any(child.dep_ == "conj" for child in head.children):
        return False  # "Washington and Lee": a name in a list of names
    following = doc[normalised.end_token + 1] if normalised.end_token + 1 < len(doc) else None
    if following is not None and following.ent_type_ in ("GPE", "LOC"):
        return False  # "Washington, D.C., was founded": a place with its state
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.pos_ in ("VERB", "AUX"):
        return True
    return any(child.dep_ == "appos" for child in head.children)


def is_attributive(doc: Doc, normalised: NormalisedSpan) -> bool:
    """Whether the name modifies a noun ("the Trump administration") or is possessive
    ("Trump's team")."""
    head = doc[normalised.start_token : normalised.end_token].root
    following = doc[normalised.end_token] if normalised.end_token < len(doc) else None
    return head.dep_ in _ATTRIBUTIVE_DEPS or (following is not None and following.tag_ == "POS")


_BRACKETS = re.compile(r"[\[\]()]")


def without_brackets(normalised: NormalisedSpan) -> NormalisedSpan:
    """A person's name without the brackets an editor's insertion left in it ("[William)
    Barr" -> "William Barr"): the offsets still cover the words as written."""
    if not _BRACKETS.search(normalised.name):
        return normalised
    return replace(normalised, name=" ".join(_BRACKETS.sub("", normalised.name).split()))
