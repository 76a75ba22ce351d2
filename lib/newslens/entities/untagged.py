"""Names the pipeline did not tag: repeats of names the document already uses (and alias
variants), parts of hyphenated compounds ("U.S.-Russia"), and names right after a title
("President Trump")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from newslens.entities.mention import Mention, token_strings
from newslens.entities.names import (
    GENERIC_ORG_WORDS,
    NAME_SUFFIXES,
    PARTY_TAG,
    POSSESSIVE,
    collapse,
    name_key,
)
from newslens.entities.normalise import in_party_tag
from newslens.entities.titles import TitleIndex, title_ending_at

if TYPE_CHECKING:
    from newslens.types import Doc, Token


def find_untagged(
    doc: Doc,
    forms: Mapping[str, str],
    covered: list[int],
    loose: Mapping[str, bool] | None = None,
    texts: Sequence[str] | None = None,
) -> list[tuple[int, int, int, str]]:
    """Untagged occurrences of known names: ``(start_char, end_char, token, form)``.

    A form is a name the document already tags (or an alias variant). It is matched on whole
    tokens outside every entity, and on the capitalised parts of hyphenated tokens
    ("U.S.-Russia"). The tokens must be proper nouns, except for ``loose`` forms (names and
    surnames the document itself tags as a person, organisation or place), which the tagger
    often reads as common nouns or adjectives ("Trump described ...", "ex-DOJ"): those match
    whatever their part of speech, but not at the start of a sentence unless they are
    people's names (``loose`` maps each to whether it is a person's); they are also looked
    for inside longer entities of other kinds (``covered`` 1). An all-capital acronym of the
    alias table ("ISIS") also matches whatever its part of speech, between words that are
    not in capitals. A possessive glued to the last token ("France\\x92s") is not part of
    the comparison."""
    loose = loose or {}
    by_first = _forms_by_first(forms)
    texts = texts if texts is not None else token_strings(doc)
    found = []
    resume = 0
    for i in [i for i, text in enumerate(texts) if text[:1].isupper() and covered[i] != 2]:
        if i < resume:
            continue
        text = texts[i]
        candidates: Sequence[tuple[str, ...]] | None = by_first.get(text)
        if candidates is None:
            key = name_key(text)
            candidates = by_first.get(key) or by_first.get(POSSESSIVE.sub("", key)) or ()
        if not candidates and "-" not in text[1:-1]:
            continue
        hit = _match_at(doc, i, candidates, covered, loose)
        if hit is not None:
            found.append(hit[0])
            resume = hit[1]
            continue
        found.extend(_hyphenated_parts(doc[i], forms, covered))
    return found


def _forms_by_first(forms: Mapping[str, str]) -> dict[str, list[tuple[str, ...]]]:
    """The forms' words filed under their first word, longest (then alphabetical) first."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for form in forms:
        words = tuple(form.split(" "))
        by_first.setdefault(words[0], []).append(words)
    for candidates in by_first.values():
        candidates.sort(key=lambda words: (-len(words), words))
    return by_first


def _match_at(
    doc: Doc,
    i: int,
    candidates: Sequence[tuple[str, ...]],
    covered: list[int],
    loose: Mapping[str, bool],
) -> tuple[tuple[int, int, int, str], int] | None:
    """The first candidate form whose words are the tokens from ``i`` (and which may match
    there, see :func:`find_untagged`): ``((start_char, end_char, i, form), stop token)``."""
    n = len(doc)
    for words in candidates:
        stop = i + len(words)
        if stop > n or any(covered[j] == 2 for j in range(i, stop)):
            continue
        keys = [name_key(t.text) for t in doc[i:stop]]
        keys[-1] = POSSESSIVE.sub("", keys[-1])
        if tuple(keys) != words:
            continue
        form = " ".join(words)
        if form not in loose and any(covered[j] for j in range(i, stop)):
            continue
        if not _may_match(doc, i, stop, form, loose) or in_party_tag(doc, i):
            continue
        return (doc[i].idx, doc[stop - 1].idx + len(keys[-1]), i, form), stop
    return None


def _may_match(doc: Doc, i: int, stop: int, form: str, loose: Mapping[str, bool]) -> bool:
    """Proper nouns; an all-capital acronym between words that are not in capitals; or a
    ``loose`` form (not at a sentence start unless it is a person's name)."""
    proper = all(t.tag_ in ("NNP", "NNPS") or t.pos_ == "PROPN" for t in doc[i:stop])
    acronym = (
        stop - i == 1
        and len(form) > 2
        and form.isupper()
        and form.isalpha()
        and not (i > 0 and doc[i - 1].is_upper)
        and not (stop < len(doc) and doc[stop].is_upper)
    )
    return proper or acronym or (form in loose and (loose[form] or not doc[i].is_sent_start))


def _hyphenated_parts(
    token: Token, forms: Mapping[str, str], covered: list[int]
) -> list[tuple[int, int, int, str]]:
    """The capitalised parts of a hyphenated token outside every entity that are known
    forms ("U.S." and "Russia" in "U.S.-Russia")."""
    if "-" not in token.text[1:-1] or covered[token.i] or PARTY_TAG.match(token.text):
        return []
    found = []
    offset = 0
    for part in token.text.split("-"):
        key = name_key(part)
        if part[:1].isupper() and key in forms:
            found.append((token.idx + offset, token.idx + offset + len(part), token.i, key))
        offset += len(part) + 1
    return found


def split_hyphenated(mention: Mention, forms: Mapping[str, str]) -> list[Mention]:
    """A mention such as "U.S.-China" whose hyphen-separated parts are all names the document
    uses elsewhere (or alias variants) is a mention of each part, not a third entity."""
    parts = mention.name.split("-")
    if len(parts) < 2 or " " in mention.name or mention.end - mention.start != len(mention.name):
        return [mention]
    if not all(part[:1].isupper() and part in forms for part in parts):
        return [mention]
    result = []
    offset = mention.start
    for part in parts:
        result.append(
            Mention(
                offset,
                offset + len(part),
                mention.token,
                part,
                forms[part] or mention.label,
                mention.ner_label,
                linked_by="split",
            )
        )
        offset += len(part) + 1
    return result


def person_forms(mentions: Sequence[Mention]) -> dict[str, str]:
    """Surnames of the document's multi-word PERSON names, as forms to look for untagged."""
    forms = {}
    for mention in mentions:
        if mention.label != "PERSON":
            continue
        words = [w for w in mention.name.split(" ") if w.lower() not in NAME_SUFFIXES]
        if len(words) > 1 and len(words[-1]) > 2 and words[-1][:1].isupper():
            forms[words[-1]] = "PERSON"
    return forms


def titled_untagged(
    doc: Doc, lowers: Sequence[str], covered: list[int], index: TitleIndex, aliases: Mapping
) -> list[Mention]:
    """Names the pipeline missed right after a capitalised title: "President Trump",
    "Sen. Flake" (proper-noun tokens outside every entity, up to three, and not a date:
    "President Trump Friday"). Their tokens are marked covered."""
    found = []
    n = len(doc)
    last_words = index.last_words
    for i in range(1, n):
        if covered[i] or covered[i - 1] or lowers[i - 1] not in last_words:
            continue
        token = doc[i]
        if not token.is_title or token.pos_ != "PROPN":
            continue
        title_start = title_ending_at(lowers, i, index)
        if title_start == i or not doc[title_start].text[:1].isupper():
            continue
        # The word is itself part of the title ("General" in "Secretary General", "Mr
        # President"): the name, if any, comes after it.
        if title_ending_at(lowers, i + 1, index) <= i:
            continue
        stop = i
        while (
            stop < n
            and stop - i < 3
            and not covered[stop]
            and doc[stop].is_title
            and doc[stop].pos_ == "PROPN"
            and doc[stop].ent_type_ not in ("DATE", "TIME")
        ):
            stop += 1
        text = POSSESSIVE.sub("", doc[i:stop].text)
        name = name_key(text)
        if (
            not name
            or name in aliases
            or any(w.lower() in GENERIC_ORG_WORDS for w in name.split(" "))
        ):
            continue
        found.append(
            Mention(
                token.idx,
                token.idx + len(text),
                i,
                name,
                "PERSON",
                "",
                role=collapse(doc[title_start:i].text),
                linked_by="title",
                end_token=stop,
            )
        )
        for j in range(i, stop):
            covered[j] = 2
    return found
