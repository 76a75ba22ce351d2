"""Names the pipeline did not tag: repeats of names the document already uses (and alias
variants), parts of hyphenated compounds ("U.S.-Russia"), names right after a title
("President Trump"), acronyms an article defines ("International Christian Concern
(ICC)") and alias-table names the tagger cut into parts ("Islamic" + "State")."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import TYPE_CHECKING

from newslens.entities.mention import Mention, span_text, token_strings
from newslens.entities.named_things import in_named_thing
from newslens.entities.names import (
    ACRONYM,
    FAMILY_NAME_FIRST,
    GENERIC_ORG_WORDS,
    NAME_SUFFIXES,
    PARTY_TAG,
    POSSESSIVE,
    acronyms_of,
    collapse,
    name_key,
)
from newslens.entities.normalise import PLACE_TAILS, in_party_tag
from newslens.entities.titles import TitleIndex, title_ending_at

if TYPE_CHECKING:
    from newslens.types import Doc, Token


def find_untagged(
    doc: Doc,
    forms: Mapping[str, str],
    covered: list[int],
    loose: Mapping[str, bool] | None = None,
    texts: Sequence[str] | None = None,
    *,
    table: Mapping[str, str] | None = None,
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
    the comparison. ``table`` (the alias table's variants, when ``forms`` holds them) lets
    the index of the table's words be built once per run rather than once per document."""
    loose = loose or {}
    by_first = _forms_by_first(forms) if table is None else _index_with(table, forms)
    texts = texts if texts is not None else token_strings(doc)
    found = _glued_after_lower_case(doc, texts, forms, covered, loose)
    if table is not None:
        found.extend(_in_capitals(doc, texts, table, covered))
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
            if not (forms.get(hit[0][3]) == "PERSON" and in_named_thing(doc, i, hit[1])):
                found.append(hit[0])
            resume = hit[1]
            continue
        found.extend(_hyphenated_parts(doc[i], forms, covered))
    return found


# A lower-case word glued to a capitalised one by scraping ("now onandHuckabee said").
_GLUED_TO_LOWER = re.compile(r"[a-z]{2,}([A-Z][a-z]+)")


def _glued_after_lower_case(
    doc: Doc,
    texts: Sequence[str],
    forms: Mapping[str, str],
    covered: list[int],
    loose: Mapping[str, bool],
) -> list[tuple[int, int, int, str]]:
    """A one-word person's name the document uses, glued by scraping to the lower-case
    words before it ("Watch Newsmax TV now onandHuckabee said"): ``(start_char,
    end_char, token, form)`` of the name inside the token."""
    found = []
    for i in _mixed_case_tokens(doc):
        text = texts[i]
        glued = _GLUED_TO_LOWER.fullmatch(text) if text[:1].islower() else None
        name = glued.group(1) if glued else ""
        if not name or covered[i] or not (forms.get(name) == "PERSON" or loose.get(name)):
            continue
        start = doc[i].idx + len(text) - len(name)
        found.append((start, doc[i].idx + len(text), i, name))
    return found


def _in_capitals(
    doc: Doc, texts: Sequence[str], table: Mapping[str, str], covered: list[int]
) -> list[tuple[int, int, int, str]]:
    """Alias-table names of several words in capitals only, left untagged ("GET THE FOX NEWS
    APP"): ``(start_char, end_char, token, variant)``, the variant in the table's case, the
    tokens marked covered. One word in capitals is left to the tagger: an outlet's own
    cross-links ("Also on POLITICO") are page furniture."""
    folded = _folded_index(table)
    found: list[tuple[int, int, int, str]] = []
    for i in _upper_case_tokens(doc):
        text = texts[i]
        if covered[i] or len(text) < 2:
            continue
        for words, variant in folded.get(text.lower(), ()):
            stop = i + len(words)
            if stop > len(doc) or len(words) == 1:
                continue
            tokens = texts[i:stop]
            if all(t.isupper() and t.lower() == w for t, w in zip(tokens, words, strict=True)):
                if not any(covered[j] for j in range(i, stop)):
                    found.append((doc[i].idx, doc[stop - 1].idx + len(tokens[-1]), i, variant))
                    covered[i:stop] = [2] * (stop - i)  # not found again, here or below
                    break
    return found


def _upper_case_tokens(doc: Doc) -> list[int]:
    """Indices of the tokens in capitals only, read from the Doc's lexeme flags at once
    (testing every token's text costs a run more than the rule itself)."""
    from spacy.attrs import IS_UPPER  # here: notebooks import this package without spaCy

    flags = doc.to_array([IS_UPPER])
    return [int(i) for i in flags.nonzero()[0]] if len(doc) else []


def _mixed_case_tokens(doc: Doc) -> list[int]:
    """Indices of the tokens neither all lower case, all capitals nor title case."""
    if not len(doc):
        return []
    from spacy.attrs import IS_DIGIT, IS_LOWER, IS_PUNCT, IS_TITLE, IS_UPPER

    flags = doc.to_array([IS_LOWER, IS_UPPER, IS_TITLE, IS_PUNCT, IS_DIGIT])
    return [int(i) for i in (flags.sum(axis=1) == 0).nonzero()[0]]


def _folded_index(table: Mapping[str, str]) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """The alias table's variants, lower-cased word by word, filed under their first word
    (longest first); built once per table."""

    def build() -> dict[str, list[tuple[tuple[str, ...], str]]]:
        index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for variant in table:
            words = tuple(variant.lower().split(" "))
            index.setdefault(words[0], []).append((words, variant))
        for candidates in index.values():
            candidates.sort(key=lambda item: (-len(item[0]), item[0]))
        return index

    return _once_per_table(_FOLDED, id(table), table, build)


_FOLDED: dict[int, tuple[Mapping[str, str], dict[str, list[tuple[tuple[str, ...], str]]]]] = {}


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
        keys = [name_key(doc[j].text) for j in range(i, stop)]
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
        if len(words) > 1 and words[0] in FAMILY_NAME_FIRST:
            forms[words[0]] = "PERSON"  # "Xi" after "Xi Jinping"
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
    words_of_doc: dict[str, set[str]] = {}  # filled on the first name found
    # Only a token right after a title's last word can start such a name.
    for i in [k + 1 for k in range(n - 1) if lowers[k] in last_words]:
        if covered[i] or covered[i - 1]:
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
        text = POSSESSIVE.sub("", span_text(doc, i, stop))
        name = name_key(text)
        if (
            not name
            or name in aliases
            or any(w.lower() in GENERIC_ORG_WORDS for w in name.split(" "))
            or doc[stop - 1].lower_ in PLACE_TAILS  # "Prince William County": a place
            or _common_words_in_capitals(doc, i, stop, words_of_doc)
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
                role=collapse(span_text(doc, title_start, i)),
                linked_by="title",
                end_token=stop,
            )
        )
        for j in range(i, stop):
            covered[j] = 2
    return found


def _common_words_in_capitals(doc: Doc, start: int, stop: int, words: dict[str, set[str]]) -> bool:
    """Whether the words after a title are common words in capitals ("General Election"),
    not a name: the document writes the last in lower case as a noun, adjective or verb and
    the tagger put none in a person's name (``words`` caches the document's words)."""
    if not words:
        kinds = ("NOUN", "ADJ", "VERB")
        words["lower"] = {t.text for t in doc if t.pos_ in kinds and t.text.islower()}
        words["people"] = {t.text for e in doc.ents if e.label_ == "PERSON" for t in e}
    if doc[stop - 1].lower_ not in words["lower"]:
        return False
    return not any(doc[k].text in words["people"] for k in range(start, stop))


def defined_acronyms(doc: Doc, mentions: Sequence[Mention], covered: list[int]) -> list[Mention]:
    """Acronyms the pipeline missed where the article defines them: an all-capital word in
    parentheses right after an organisation's name with those initials ("International
    Christian Concern (ICC)"). Their tokens are marked covered; the acronym then counts
    wherever the article repeats it, as that organisation
    (:func:`~newslens.entities.document.link_acronyms`)."""
    found = []
    for mention in mentions:
        k = mention.end_token
        if mention.label != "ORG" or k + 2 >= len(doc) or covered[k + 1]:
            continue
        acronym = doc[k + 1].text
        if doc[k].text != "(" or doc[k + 2].text != ")" or not ACRONYM.match(acronym):
            continue
        if acronym not in acronyms_of(mention.name):
            continue
        start = doc[k + 1].idx
        found.append(
            Mention(start, start + len(acronym), k + 1, acronym, "ORG", "", end_token=k + 2)
        )
        covered[k + 1] = 2
    return found


def alias_over_parts(
    doc: Doc,
    mentions: list[Mention],
    covered: list[int],
    texts: Sequence[str],
    forms: Mapping[str, str],
) -> list[Mention]:
    """``mentions`` with every alias-table name of several words that the pipeline tagged
    only in parts ("Islamic" NORP before "State"; "Cambridge" GPE + "Analytica" PERSON) as
    one mention of that name, in place of the parts. The name starts where a tagged mention
    starts, is longer than it, and no mention crosses its edges; its tokens are marked
    covered."""
    by_first = _table_index(forms, several_words=True)
    if not by_first:
        return mentions
    replaced: dict[int, Mention] = {}  # id of a part -> the whole
    for mention in mentions:
        if id(mention) in replaced:
            continue
        whole = _alias_from(doc, mention, mentions, texts, by_first, forms)
        if whole is None:
            continue
        for other in mentions:
            if other.token >= whole.token and other.end_token <= whole.end_token:
                replaced[id(other)] = whole
        for j in range(whole.token, whole.end_token):
            covered[j] = 2
    if not replaced:
        return mentions
    result: list[Mention] = []
    for mention in mentions:
        whole = replaced.get(id(mention), mention)
        if not any(kept is whole for kept in result):
            result.append(whole)
    return result


_INDEXES: dict[tuple[int, bool], tuple[Mapping[str, str], dict[str, list[tuple[str, ...]]]]] = {}


def _table_index(
    forms: Mapping[str, str], *, several_words: bool
) -> dict[str, list[tuple[str, ...]]]:
    """:func:`_forms_by_first` of an alias table's variants (only those of several words
    with ``several_words``), built once per table: every document of a run passes the same
    one."""

    def build() -> dict[str, list[tuple[str, ...]]]:
        chosen = {form: label for form, label in forms.items() if not several_words or " " in form}
        return _forms_by_first(chosen)

    return _once_per_table(_INDEXES, (id(forms), several_words), forms, build)


def _once_per_table[K: Hashable, V](
    cache: dict[K, tuple[Mapping[str, str], V]],
    key: K,
    table: Mapping[str, str],
    build: Callable[[], V],
) -> V:
    """What ``build`` makes of an alias table, made once per table (the cache holds the
    table itself, so a new table under a reused ``id`` is never served a stale index)."""
    cached = cache.get(key)
    if cached is not None and cached[0] is table:
        return cached[1]
    value = build()
    if len(cache) > 8:
        cache.clear()
    cache[key] = (table, value)
    return value


def _index_with(
    table: Mapping[str, str], forms: Mapping[str, str]
) -> dict[str, list[tuple[str, ...]]]:
    """:func:`_forms_by_first` of ``forms``, which are the alias table's variants plus the
    document's own names: the table's part comes from :func:`_table_index`."""
    index = dict(_table_index(table, several_words=False))
    own = _forms_by_first({form: label for form, label in forms.items() if form not in table})
    for first, candidates in own.items():
        merged = index.get(first, []) + candidates
        merged.sort(key=lambda words: (-len(words), words))
        index[first] = merged
    return index


def _alias_from(
    doc: Doc,
    mention: Mention,
    mentions: Sequence[Mention],
    texts: Sequence[str],
    by_first: Mapping[str, list[tuple[str, ...]]],
    forms: Mapping[str, str],
) -> Mention | None:
    """The longest alias name of several words that starts at ``mention``'s first token,
    is longer than it and that no other mention crosses, as a mention; or ``None``."""
    first = mention.token
    for words in by_first.get(texts[first], ()):
        stop = first + len(words)
        if stop <= mention.end_token or stop > len(doc) or tuple(texts[first:stop]) != words:
            continue
        crossing = any(
            o.token < stop and o.end_token > first and (o.token < first or o.end_token > stop)
            for o in mentions
        )
        if crossing:
            continue
        name = " ".join(words)
        return Mention(
            doc[first].idx,
            doc[stop - 1].idx + len(texts[stop - 1]),
            first,
            name,
            forms[name] or mention.label,
            mention.ner_label,
            linked_by="alias",
            end_token=stop,
        )
    return None
