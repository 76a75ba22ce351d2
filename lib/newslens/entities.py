"""Who and what the coverage names, counted as entities rather than strings.

Raw NER output splits one actor into several rows ("President Volodymyr Zelenskyy",
"Zelenskyy", "Zelenskyy's"), spells one country three ways ("the U.S.", "US", "United
States"), tags a surname used attributively as an organisation ("the Trump administration")
and invents organisations out of titles ("State" in "Secretary of State"). This module turns
a parsed spaCy ``Doc`` into *mentions* of *entities*:

1. **Mentions** (:func:`extract_mentions`): the pipeline's entities with the chosen labels,
   plus untagged repeats of names the same document already uses (and alias variants), also
   inside hyphenated compounds such as "U.S.-Russia".
2. **Normalisation** (:func:`normalise_span`): a leading determiner, trailing possessive
   (straight or curly apostrophe), surrounding punctuation and anything after a dash are
   trimmed; leading titles and roles ("Secretary of State", "Gen.") go into the ``role``
   column instead of the name; a mention that is only a title (or its tail) is dropped.
3. **Linking within a document**: a PERSON name whose tokens are a subsequence of exactly one
   longer PERSON name is that person ("Zelenskyy" -> "Volodymyr Zelenskyy"), never when two
   longer names fit ("Maria" with "Maria Lopez" and "Maria Chen"); an ORG or NORP mention
   that is a person's surname, or a GPE one used attributively ("the Trump administration",
   "Trump's team"), is that person; spans that swallowed a neighbour are cut ("Obama White
   House"); acronyms and last words of the document's organisations link to them; the alias
   table (:func:`load_aliases`) maps variants to one canonical name and label. Only this
   document's evidence is used, so the step runs in the per-document analysis pass.
4. **Resolution across the corpus** (:func:`link_across_documents`, once per run over the
   concatenated mentions table, vectorised): labels decided by document votes, surnames
   tagged ORG/GPE that the corpus uses for a person, NORP singular/plural/adjective forms,
   shorter and nickname forms of people's names, user aliases and vetoes. Its output is the
   one resolution every table of a run should use.
5. **Corpus tables** (:func:`entity_table`, :func:`entity_counts_by_document`,
   :func:`cooccurrence`, :func:`mentions_by_period`, :func:`entity_aliases`) merge entities
   with the same canonical name; they take the resolved mentions table and return new tables
   (pure, deterministic order). ``linked_by`` names the rule behind every merge, so
   :func:`entity_aliases` is the audit of the resolution.

Every mention row keeps the document id, 0-based sentence index (position in
``list(doc.sents)``) and character offsets, so each count can be traced to its sentence.
"""

from __future__ import annotations

import functools
import os
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from newslens.resources import package_data, read_data_lines

__all__ = [
    "DEFAULT_LABELS",
    "MENTION_COLUMNS",
    "ENTITY_COLUMNS",
    "COOCCURRENCE_COLUMNS",
    "Alias",
    "AliasTable",
    "NormalisedSpan",
    "load_aliases",
    "load_titles",
    "normalise_span",
    "extract_mentions",
    "link_across_documents",
    "entity_table",
    "entity_aliases",
    "entity_counts_by_document",
    "cooccurrence",
    "mentions_by_period",
]

DEFAULT_LABELS: tuple[str, ...] = ("PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC")
MENTION_COLUMNS = [
    "doc_id",
    "sentence_id",
    "start",
    "end",
    "text",
    "entity",
    "label",
    "role",
    "ner_label",
    "linked_by",
]
ENTITY_COLUMNS = ["entity", "label", "mentions", "documents", "aliases"]
COOCCURRENCE_COLUMNS = ["entity_a", "entity_b", "sentences", "documents"]
ALIAS_SEPARATOR = " | "

# Labels whose mentions take part in linking even when the user does not ask for them: a
# "Trump" tagged ORG must be able to become the PERSON Donald Trump.
_LINKING_LABELS = ("PERSON", "ORG", "GPE", "NORP")
_DETERMINERS = frozenset({"the", "a", "an"})
_DASHES = ("\u2014", "\u2013", "--")
# Apostrophes: straight, curly, and the C1 control U+0092 that cp1252 text decoded as
# Latin-1 leaves in some outlets' articles ("Al Qaeda\x92s").
_APOSTROPHES = "'\u2019\u0092"
_POSSESSIVE = re.compile(rf"(?:[{_APOSTROPHES}]s|(?<=s)[{_APOSTROPHES}])$")
_EDGE_PUNCTUATION = (
    "\"'\u201c\u201d\u2018\u2019\u0091\u0092\u0093\u0094\u00ab\u00bb()[]{}<>,;:!?*_/\\|"
)
# A legislator's party-and-state tag ("D-Calif.", "R-S.C.", "I-VT") is not an entity.
_PARTY_TAG = re.compile(r"^[DRI]-[A-Z][A-Za-z.]{0,6}$")
_ATTRIBUTIVE_DEPS = frozenset({"compound", "poss", "nmod", "amod"})
_WHITESPACE = re.compile(r"\s+")
# Words that may stand before a title and belong to the role: "former President".
_MODIFIERS = frozenset({"former", "acting", "then", "late", "outgoing", "incoming", "interim"})


# --- data files -------------------------------------------------------------------------


@dataclass(frozen=True)
class Alias:
    """One alias-table line: ``variant`` is counted as ``canonical`` (with ``label`` if set)."""

    variant: str
    canonical: str
    label: str = ""


class AliasTable(dict):
    """The alias table: variant text -> :class:`Alias`, plus ``vetoes``, the
    ``(variant, canonical)`` pairs that must never be merged (``canonical`` ``"*"``: the
    variant is never merged into anything)."""

    vetoes: frozenset[tuple[str, str]] = frozenset()


def _parse_aliases(path: Path) -> tuple[dict[str, Alias], set[tuple[str, str]]]:
    table: dict[str, Alias] = {}
    vetoes: set[tuple[str, str]] = set()
    source = str(path)
    for number, line in read_data_lines(path):
        veto = line.startswith("!")
        fields = [field.strip() for field in (line[1:] if veto else line).split("\t")]
        if len(fields) < 2 or not fields[0] or not fields[1]:
            shape = "!variant<TAB>canonical" if veto else "variant<TAB>canonical[<TAB>label]"
            raise ValueError(f"{source}: alias line {number} needs '{shape}': {line!r}")
        if veto:
            vetoes.add((_name_key(fields[0]), _collapse(fields[1])))
            continue
        label = fields[2].upper() if len(fields) > 2 else ""
        table[_collapse(fields[0])] = Alias(_collapse(fields[0]), _collapse(fields[1]), label)
    return table, vetoes


def load_aliases(
    alias_file: str | os.PathLike | None = None, *, builtin: bool = True
) -> AliasTable:
    """The alias table: variant text -> :class:`Alias` (an :class:`AliasTable`).

    The built-in table (``newslens/data/aliases.tsv``: U.S./US/United States/America,
    U.K./UK/Britain, EU/European Union, Kyiv/Kiev, federal agencies and their acronyms, ...)
    is read first, then ``alias_file`` (same TAB-separated format) whose lines override it.
    A line ``!variant<TAB>canonical`` is a veto: the variant is never counted under that
    canonical name, by any rule (``!variant<TAB>*``: never merged at all); it also removes a
    built-in line it contradicts. Pass the result as ``aliases`` to :func:`extract_mentions`
    and :func:`link_across_documents`.
    """
    table = AliasTable()
    vetoes: set[tuple[str, str]] = set()
    sources = [package_data("aliases.tsv")] if builtin else []
    if alias_file:
        sources.append(Path(alias_file))
    for source in sources:
        lines, vetoed = _parse_aliases(source)
        table.update(lines)
        vetoes |= vetoed
    for variant, canonical in vetoes:
        alias = table.get(variant)
        if alias is not None and canonical in ("*", alias.canonical):
            del table[variant]
    table.vetoes = frozenset(vetoes)
    return table


def load_titles(titles: Iterable[str] = (), *, builtin: bool = True) -> frozenset[tuple[str, ...]]:
    """Titles and roles as lowercased token tuples (built-in ``data/titles.txt`` plus ``titles``).

    Titles are split on spaces the way the tokenizer splits them ("Secretary of State" ->
    ``("secretary", "of", "state")``); hyphenated titles are kept whole and as their parts.
    """
    lines = [line for _, line in read_data_lines(package_data("titles.txt"))] if builtin else []
    lines.extend(titles)
    result = set()
    for line in lines:
        words = tuple(line.strip().lower().split())
        if words:
            result.add(words)
            if any("-" in word for word in words):
                result.add(tuple(part for word in words for part in re.split(r"(-)", word) if part))
    return frozenset(result)


@functools.cache
def _default_aliases() -> AliasTable:
    return load_aliases()


@functools.cache
def _default_titles() -> frozenset[tuple[str, ...]]:
    return load_titles()


# --- normalisation ------------------------------------------------------------------------


def _collapse(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def _name_key(text: str) -> str:
    """The form names are compared in: whitespace collapsed, curly apostrophes straightened."""
    return _collapse(text).replace("\u2019", "'").replace("\u0092", "'")


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


@dataclass(frozen=True)
class _TitleIndex:
    """Titles with their first and last words, so most tokens are ruled out by one lookup."""

    titles: frozenset
    first_words: frozenset
    last_words: frozenset
    longest: int


@functools.lru_cache(maxsize=8)
def _title_index(titles: frozenset) -> _TitleIndex:
    return _TitleIndex(
        titles,
        frozenset(title[0] for title in titles),
        frozenset(title[-1] for title in titles),
        max((len(title) for title in titles), default=0),
    )


def _title_ending_at(lowers: Sequence[str], end: int, index: _TitleIndex) -> int:
    """The start of the longest title ending just before token ``end`` (or ``end``)."""
    if end == 0 or lowers[end - 1] not in index.last_words:
        return end
    for length in range(min(index.longest, end), 0, -1):
        if tuple(lowers[end - length : end]) in index.titles:
            return end - length
    return end


def _title_starting_at(lowers: Sequence[str], start: int, stop: int, index: _TitleIndex) -> int:
    """The end of the longest title starting at token ``start`` and ending by ``stop``."""
    if lowers[start] not in index.first_words:
        return start
    for length in range(min(index.longest, stop - start), 0, -1):
        if tuple(lowers[start : start + length]) in index.titles:
            return start + length
    return start


def _is_dash(token) -> bool:
    return any(dash in token.text for dash in _DASHES)


def normalise_span(
    span, *, titles: frozenset[tuple[str, ...]] | None = None
) -> NormalisedSpan | None:
    """Trim an entity span to the name it denotes, or ``None`` if it names nothing.

    Rules, in order: cut at the first dash ("Kyiv—just" -> "Kyiv"); drop leading
    determiners and punctuation and trailing possessives and punctuation; drop the mention if
    it is a title or the tail of one with the words before it ("State" after "Secretary
    of"); move leading titles and the lowercase or adjective words among them ("former",
    "Russian Foreign Minister") into ``role``; strip remaining edge punctuation and a
    possessive the tokenizer left attached. The role also records a title standing just
    before the span ("Secretary of State" before "Marco Rubio").
    """
    index = _title_index(_default_titles() if titles is None else titles)
    return _normalise(span, index, [token.lower_ for token in span.doc])


def _normalise(span, index: _TitleIndex, lowers: Sequence[str]) -> NormalisedSpan | None:
    doc = span.doc
    start, end = span.start, span.end
    if end - start > 1:
        for i in range(start + 1, end):
            if _is_dash(doc[i]):
                end = i
                break
    while start < end and (lowers[start] in _DETERMINERS or doc[start].is_punct):
        start += 1
    # Trailing possessives, punctuation and lowercase words ("Walker first", "Obama
    # administration"): names do not end in a lowercase word.
    while end > start and (
        doc[end - 1].tag_ == "POS"
        or doc[end - 1].is_punct
        or (end - 1 > start and doc[end - 1].is_lower and doc[end - 1].is_alpha)
    ):
        end -= 1
    if start >= end:
        return None
    # The state of a party tag split by the tokenizer: "Iowa" in "(R-Iowa)".
    if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].text in ("D", "R", "I"):
        return None
    # Only a title (or the tail of one): "President", "State" in "Secretary of State".
    if lowers[end - 1] in index.last_words:
        for back in range(0, index.longest):
            if start - back < 0:
                break
            if tuple(lowers[start - back : end]) in index.titles:
                return None
    # Leading titles, with the modifiers around them ("former", "Russian", "U.S.").
    name_start = start
    cursor = start
    while span.label_ == "PERSON" and cursor < end - 1:
        after = _title_starting_at(lowers, cursor, end - 1, index)
        if after > cursor:
            name_start = cursor = after
            continue
        token = doc[cursor]
        is_modifier = token.is_lower or token.tag_ in ("JJ", "HYPH") or token.is_punct
        if is_modifier and any(
            _title_starting_at(lowers, j, end - 1, index) > j for j in range(cursor + 1, end - 1)
        ):
            cursor += 1
            continue
        break
    role_start = name_start
    if name_start == start:
        # A title just before the span: "Secretary of State Marco Rubio".
        role_start = _title_ending_at(lowers, start, index)
        while role_start > 0 and role_start < start:
            previous = doc[role_start - 1]
            if previous.ent_type_ in ("NORP", "GPE") or lowers[role_start - 1] in _MODIFIERS:
                role_start -= 1
            else:
                break
        role_text = doc[role_start:start].text if role_start < start else ""
    else:
        role_text = doc[start:name_start].text
    start_char, end_char = doc[name_start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    text = doc[name_start:end].text  # not doc.text, which spaCy rebuilds on every access
    for dash in _DASHES:
        if dash in text[1:]:
            cut = text.index(dash, 1)
            end_char = start_char + cut
            text = text[:cut]
    stripped = text.lstrip(_EDGE_PUNCTUATION)
    start_char += len(text) - len(stripped)
    text = stripped
    while True:
        trimmed = _POSSESSIVE.sub("", text).rstrip(_EDGE_PUNCTUATION + " ")
        if trimmed == text:
            break
        text = trimmed
    end_char = start_char + len(text)
    if not any(ch.isalnum() for ch in text) or _PARTY_TAG.match(text):
        return None
    last_token = end - 1
    while last_token > name_start and doc[last_token].idx >= end_char:
        last_token -= 1
    return NormalisedSpan(
        name_start, last_token + 1, start_char, end_char, _name_key(text), _collapse(role_text)
    )


# --- mentions in one document -------------------------------------------------------------


@dataclass
class _Mention:
    start: int
    end: int
    token: int
    name: str
    label: str
    ner_label: str
    role: str = ""
    entity: str = ""
    linked_by: str = "name"
    attributive: bool = False
    end_token: int = -1


_NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def _is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether ``short`` is a shorter form of the name ``long``: its words appear in order in
    ``long``, and any generational suffix of ``long`` ("Jr.") appears in ``short`` too, so
    "Donald Trump" is never read as "Donald Trump Jr."."""
    if any(word.lower() in _NAME_SUFFIXES and word not in short for word in long):
        return False
    position = iter(long)
    return all(word in position for word in short)


def _load_nicknames(path: Path) -> dict[str, frozenset[int]]:
    groups: dict[str, set[int]] = {}
    for number, line in read_data_lines(path):
        for name in line.split():
            groups.setdefault(name.lower(), set()).add(number)
    return {name: frozenset(ids) for name, ids in groups.items()}


@functools.cache
def _default_nicknames() -> dict[str, frozenset[int]]:
    """First name (lowercased) -> the nickname groups of ``data/nicknames.txt`` it is in."""
    return _load_nicknames(package_data("nicknames.txt"))


def _same_word(a: str, b: str, nicknames: Mapping[str, frozenset], *, first: bool) -> bool:
    """Whether two words of two names can name the same person: equal, interchangeable first
    names ("Joe", "Joseph"), or a middle initial and a middle name ("J." and "John")."""
    if a == b:
        return True
    if first:
        return bool(nicknames.get(a.lower(), frozenset()) & nicknames.get(b.lower(), frozenset()))
    for initial, full in ((a, b), (b, a)):
        if len(initial) == 2 and initial.endswith(".") and len(full) > 2 and full[0] == initial[0]:
            return True
    return False


def _name_fits(short: tuple[str, ...], long: tuple[str, ...], nicknames: Mapping) -> bool:
    """:func:`_is_subsequence` allowing nicknames for the first name and initials for middle
    names ("Joe Biden" in "Joseph R. Biden", "Donald John Trump" in "Donald J. Trump")."""
    if any(word.lower() in _NAME_SUFFIXES and word not in short for word in long):
        return False
    # A name with a middle name or initial fits only a name with the same middles:
    # "George W. Bush" is not "George H. W. Bush".
    if len(short) > 2 and len(long) != len(short):
        return False
    position = 0
    for i, word in enumerate(short):
        while position < len(long) and not _same_word(
            word, long[position], nicknames, first=(i == 0 and position == 0)
        ):
            position += 1
        if position == len(long):
            return False
        position += 1
    return True


def _hover_cut(tokens: Sequence[str], nicknames: Mapping) -> int:
    """Where a person's name runs into a repetition of it (the hover text some outlets glue
    after a name: "Ben Carson Benjamin (Ben) Solomon Carson"): the index of the token where
    the first name comes back, or ``len(tokens)``."""
    if len(tokens) < 3:
        return len(tokens)
    for k in range(2, len(tokens)):
        if tokens[k][:1].isupper() and _same_word(tokens[0], tokens[k], nicknames, first=True):
            return k
    return len(tokens)


def _attributive(doc, normalised: NormalisedSpan) -> bool:
    head = doc[normalised.start_token : normalised.end_token].root
    following = doc[normalised.end_token] if normalised.end_token < len(doc) else None
    return head.dep_ in _ATTRIBUTIVE_DEPS or (following is not None and following.tag_ == "POS")


def _find_untagged(
    doc,
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
    not in capitals. A possessive glued to the last token ("France\x92s") is not part of
    the comparison."""
    loose = loose or {}
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for form in forms:
        words = tuple(form.split(" "))
        by_first.setdefault(words[0], []).append(words)
    for candidates in by_first.values():
        candidates.sort(key=lambda words: (-len(words), words))
    found = []
    n = len(doc)
    texts = texts if texts is not None else _token_strings(doc)
    resume = 0
    for i in [i for i, text in enumerate(texts) if text[:1].isupper() and covered[i] != 2]:
        if i < resume:
            continue
        text = texts[i]
        candidates = by_first.get(text)
        if candidates is None:
            key = _name_key(text)
            candidates = by_first.get(key) or by_first.get(_POSSESSIVE.sub("", key), ())
        if not candidates and "-" not in text[1:-1]:
            continue
        token = doc[i]
        matched = False
        for words in candidates:
            stop = i + len(words)
            if stop > n or any(covered[j] == 2 for j in range(i, stop)):
                continue
            keys = [_name_key(t.text) for t in doc[i:stop]]
            keys[-1] = _POSSESSIVE.sub("", keys[-1])
            if tuple(keys) != words:
                continue
            form = " ".join(words)
            if form not in loose and any(covered[j] for j in range(i, stop)):
                continue
            proper = all(t.tag_ in ("NNP", "NNPS") or t.pos_ == "PROPN" for t in doc[i:stop])
            acronym = (
                len(words) == 1
                and len(form) > 2
                and form.isupper()
                and form.isalpha()
                and not (i > 0 and doc[i - 1].is_upper)
                and not (stop < n and doc[stop].is_upper)
            )
            if not (proper or acronym) and not (
                form in loose and (loose[form] or not token.is_sent_start)
            ):
                continue
            found.append((token.idx, doc[stop - 1].idx + len(keys[-1]), i, form))
            resume = stop
            matched = True
            break
        if matched:
            continue
        if "-" in token.text[1:-1] and not covered[i]:
            offset = 0
            for part in token.text.split("-"):
                key = _name_key(part)
                if part[:1].isupper() and key in forms:
                    found.append((token.idx + offset, token.idx + offset + len(part), i, key))
                offset += len(part) + 1
    return found


def _split_hyphenated(mention: _Mention, forms: Mapping[str, str]) -> list[_Mention]:
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
            _Mention(
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


# Single words that head many organisations' names: never read as the short form of one
# ("House" is not "White House", "Party" is not "Democratic Party").
_GENERIC_ORG_WORDS = frozenset(
    """house senate congress department party committee office council ministry agency
    administration bureau commission service association institute foundation center centre
    group company corporation university college school union bank fund authority board
    organization organisation network club court hill""".split()
)
# Company-form suffixes left alone by a copyright line ("... LLC"): not entities.
_COMPANY_SUFFIXES = frozenset({"LLC", "Inc", "Inc.", "Ltd", "Ltd.", "Corp", "Corp.", "PLC", "LLP"})
# Last words that make a name an organisation's, never a person's surname.
_ORG_HEADS = frozenset(
    """senate congress department party committee office council ministry agency
    administration bureau commission service association institute foundation university
    college school corporation company organization organisation authority network""".split()
)
# Last words of the names of shows, awards, laws and periods the tagger reads as people
# ("Larry Sanders Show", "Merriman Smith Award").
_NOT_NAME_ENDINGS = frozenset("show award awards prize act report day week month".split())
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,6}$")
_INITIALS_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "&", "to", "at"})


def _initials(name: str) -> str:
    """The acronym of a multi-word name: "Department of Homeland Security" -> "DHS"."""
    words = [w for w in name.replace("-", " ").split(" ") if w and w.lower() not in _INITIALS_SKIP]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)


def _person_forms(mentions: Sequence[_Mention]) -> dict[str, str]:
    """Surnames of the document's multi-word PERSON names, as forms to look for untagged."""
    forms = {}
    for mention in mentions:
        if mention.label != "PERSON":
            continue
        words = [w for w in mention.name.split(" ") if w.lower() not in _NAME_SUFFIXES]
        if len(words) > 1 and len(words[-1]) > 2 and words[-1][:1].isupper():
            forms[words[-1]] = "PERSON"
    return forms


def _first_words(known: Mapping[str, str]) -> frozenset[str]:
    """The first words of the names in ``known`` (a fast pre-check for a name's start)."""
    return frozenset(name.split(" ", 1)[0] for name in known)


def _split_swallowed(doc, mentions: list[_Mention], known: Mapping[str, str]) -> list[_Mention]:
    """Cut a PERSON span that swallowed an organisation or place after the name ("Obama
    White House" -> "Obama" + "White House"), and an ORG span that starts with a person the
    document names ("Trump Justice Department" -> "Trump" + "Justice Department").

    ``known`` maps organisation and place names (the alias table's and those the document
    tags) to their label; only a tail that is one of them is cut off, so "Trump
    Organization" stays whole. The tail may run past the span by up to two tokens ("Obama
    White" tagged PERSON before "House")."""
    candidates = [
        m for m in mentions if m.label in ("PERSON", "ORG") and m.end_token - m.token >= 2
    ]
    if not candidates:
        return mentions
    people = {m.name for m in mentions if m.label == "PERSON"} | set(_person_forms(mentions))
    starts = _first_words(known)
    result: list[_Mention] = []
    claimed: list[tuple[int, int]] = []
    for mention in mentions:
        first, last = mention.token, mention.end_token
        if mention.label not in ("PERSON", "ORG") or last - first < 2:
            result.append(mention)
            continue
        cut = None
        for k in range(first + 1, last):
            if doc[k].text not in starts:
                continue
            head = _name_key(doc[first:k].text)
            if mention.label == "ORG" and head not in people:
                continue
            for stop in (
                range(last, min(last + 3, len(doc)) + 1) if mention.label == "PERSON" else (last,)
            ):
                tail = _name_key(doc[k:stop].text)
                label = known.get(tail)
                if label in ("ORG", "GPE", "LOC", "FAC", "NORP") and tail not in people:
                    cut = (k, stop, label)
                    break
            if cut:
                break
        if cut is None:
            result.append(mention)
            continue
        k, stop, label = cut
        head_end = doc[k - 1].idx + len(doc[k - 1].text)
        start = max(mention.start, doc[first].idx)
        person = _Mention(
            start,
            head_end,
            first,
            _name_key(doc[first:k].text),
            "PERSON",
            mention.ner_label,
            role=mention.role,
            linked_by="trim",
            end_token=k,
        )
        person.attributive = True
        tail_end = doc[stop - 1].idx + len(doc[stop - 1].text)
        other = _Mention(
            doc[k].idx,
            tail_end,
            k,
            _name_key(doc[k:stop].text),
            label,
            mention.ner_label,
            linked_by="trim",
            end_token=stop,
        )
        result.extend([person, other])
        claimed.append((k, stop))
    if claimed:
        result = [
            m
            for m in result
            if m.linked_by == "trim"
            or not any(m.token >= k and m.end_token <= stop for k, stop in claimed)
        ]
    return result


def _link_acronyms(mentions: list[_Mention]) -> None:
    """An acronym is the organisation the document names in full: "DHS" after "Department
    of Homeland Security" (in parentheses or not) counts as that department, when exactly one
    of the document's organisation names has those initials."""
    full: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.label == "ORG":
            initials = _initials(mention.name)
            if initials:
                full.setdefault(initials, set()).add(mention.name)
    for mention in mentions:
        names = full.get(mention.name.replace(".", ""))
        if (
            mention.label != "PERSON"
            and _ACRONYM.match(mention.name.replace(".", ""))
            and names
            and len(names) == 1
        ):
            mention.name = next(iter(names))
            mention.label = "ORG"
            mention.linked_by = "acronym"


def _link_short_orgs(mentions: list[_Mention]) -> None:
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
            and mention.name.lower() not in _GENERIC_ORG_WORDS
            and names
            and len(names) == 1
        ):
            mention.name = next(iter(names))
            if mention.linked_by == "name":
                mention.linked_by = "short_form"


_STRINGS: dict[int, str] = {}


def _token_strings(doc) -> list[str]:
    """Every token's text, read from the Doc's array of string hashes: much faster than
    ``token.text`` per token, which otherwise dominates the cost of a document's entities."""
    strings = doc.vocab.strings
    cache = _STRINGS
    if len(cache) > 2_000_000:
        cache.clear()
    get = cache.get
    result = []
    for key in doc.to_array("ORTH").tolist():
        value = get(key)
        if value is None:
            value = cache[key] = strings[key]
        result.append(value)
    return result


def _char_text(doc, start: int, end: int) -> str:
    """``doc.text[start:end]`` without rebuilding the whole text (``Doc.text`` joins every
    token on each access)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return doc.text[start:end]
    return span.text[start - span.start_char : end - span.start_char]


_ALIAS_VIEWS: dict[int, tuple[Mapping, dict[str, str], dict[str, str]]] = {}


def _alias_views(aliases: Mapping[str, Alias]) -> tuple[dict[str, str], dict[str, str]]:
    """What every document needs from the alias table, computed once per table: variants
    to look for untagged (variant -> label) and organisation/place variants (-> label)."""
    cached = _ALIAS_VIEWS.get(id(aliases))
    if cached is not None and cached[0] is aliases:
        return cached[1], cached[2]
    forms = {variant: alias.label for variant, alias in aliases.items() if len(variant) > 1}
    places = {v: a.label for v, a in aliases.items() if a.label and a.label != "PERSON"}
    if len(_ALIAS_VIEWS) > 8:
        _ALIAS_VIEWS.clear()
    _ALIAS_VIEWS[id(aliases)] = (aliases, forms, places)
    return forms, places


# A surname glued to the next word of a headline or a link ("KudlowMORE", "HillClinton",
# "Sanders2020"); "Mac"/"Mc"/"De"-style surnames do not match.
_GLUED = re.compile(r"^((?!Mac)[A-Z][a-z]{2,})(?:[A-Z][a-z]+|[A-Z]{2,}|\d+)$")


def _cut_hover(doc, normalised: NormalisedSpan) -> NormalisedSpan:
    """A PERSON name cut where its first name comes back (see :func:`_hover_cut`) or where
    a word is glued to its surname ("Jason FurmanEconomy" -> "Jason Furman")."""
    tokens = [t.text for t in doc[normalised.start_token : normalised.end_token]]
    cut = _hover_cut(tokens, _default_nicknames())
    keep = None
    for k in range(1, cut):
        glued = _GLUED.match(tokens[k])
        if glued:
            cut, keep = k + 1, len(glued.group(1))
            break
    if cut == len(tokens) and keep is None:
        return normalised
    last = doc[normalised.start_token + cut - 1]
    end = last.idx + (len(last.text) if keep is None else keep)
    name = (
        _name_key(doc.text[normalised.start : end])
        if keep
        else _name_key(doc[normalised.start_token : normalised.start_token + cut].text)
    )
    return NormalisedSpan(
        normalised.start_token,
        normalised.start_token + cut,
        normalised.start,
        end,
        name,
        normalised.role,
    )


def _heads_title(lowers: Sequence[str], start: int, end: int, index: _TitleIndex) -> bool:
    """Whether tokens ``start:end`` begin a title that goes on after them ("Labor" in "Labor
    Secretary Alexander Acosta", "Solicitor" in "Solicitor General")."""
    if lowers[start] not in index.first_words:
        return False
    for length in range(end - start + 1, min(index.longest, len(lowers) - start) + 1):
        if tuple(lowers[start : start + length]) in index.titles:
            return True
    return False


def _is_name_shaped(name: str, label: str) -> bool:
    """Whether a mention can be a name of its label: a person's name has a capital letter
    ("antifa" is not one), a place's name starts with one ("iPhone", "jubilee bank")."""
    if name in _COMPANY_SUFFIXES:
        return False
    if label == "PERSON":
        return any(ch.isupper() for ch in name)
    if label in ("GPE", "LOC"):
        return name[:1].isupper() or not name[:1].isalpha()
    return True


def _titled_untagged(
    doc, lowers: Sequence[str], covered: list[bool], index: _TitleIndex, aliases: Mapping
) -> list[_Mention]:
    """Names the pipeline missed right after a capitalised title: "President Trump",
    "Sen. Flake" (proper-noun tokens outside every entity, up to three)."""
    found = []
    n = len(doc)
    last_words = index.last_words
    for i in range(1, n):
        if covered[i] or covered[i - 1] or lowers[i - 1] not in last_words:
            continue
        token = doc[i]
        if not token.is_title or token.pos_ != "PROPN":
            continue
        title_start = _title_ending_at(lowers, i, index)
        if title_start == i or not doc[title_start].text[:1].isupper():
            continue
        stop = i
        while (
            stop < n
            and stop - i < 3
            and not covered[stop]
            and doc[stop].is_title
            and doc[stop].pos_ == "PROPN"
        ):
            stop += 1
        text = _POSSESSIVE.sub("", doc[i:stop].text)
        name = _name_key(text)
        if (
            not name
            or name in aliases
            or any(w.lower() in _GENERIC_ORG_WORDS for w in name.split(" "))
        ):
            continue
        end_char = token.idx + len(text)
        found.append(
            _Mention(
                token.idx,
                end_char,
                i,
                name,
                "PERSON",
                "",
                role=_collapse(doc[title_start:i].text),
                linked_by="title",
                end_token=stop,
            )
        )
        for j in range(i, stop):
            covered[j] = 2
    return found


def _split_two_people(doc, mentions: list[_Mention]) -> list[_Mention]:
    """A PERSON span made of two names the document gives two people ("Kavanaugh Ford" in a
    caption run into a sentence) is a mention of each."""
    surnames = _person_forms(mentions)
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
            _Mention(
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
            _Mention(
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


def extract_mentions(
    doc,
    *,
    doc_id: str,
    labels: Sequence[str] = DEFAULT_LABELS,
    aliases: Mapping[str, Alias] | None = None,
    titles: frozenset[tuple[str, ...]] | None = None,
) -> pd.DataFrame:
    """One row per entity mention in ``doc``, linked to the document's entities.

    Columns: ``doc_id, sentence_id, start, end, text, entity, label`` (the contract in
    DESIGN.md), then ``role`` (title/role words before the name, e.g. "Secretary of State"),
    ``ner_label`` (the pipeline's label, empty for a mention found by repetition) and
    ``linked_by`` (how the entity was chosen: ``name``, ``alias``, ``person`` for a shorter
    form of a person's name, ``surname`` for an ORG/NORP/GPE surname, ``title`` for a name
    after a person's title, ``repeat`` for an untagged repetition, ``split`` for a part of a
    hyphenated compound, ``trim`` for the parts of a span that swallowed a person and an
    organisation, ``acronym`` for an acronym of an organisation the document names in full,
    ``short_form`` for the last word of one organisation's name). ``start/end`` are character
    offsets into ``doc.text`` of the normalised mention and ``text`` is
    ``doc.text[start:end]``; ``sentence_id`` is the index of its sentence in
    ``list(doc.sents)``. Rows are in text order; a mention that normalises to nothing (a bare
    title, a party tag such as "D-Calif.") is left out. ``aliases`` defaults to the built-in
    table (:func:`load_aliases`); ``titles`` to :func:`load_titles`.

    Only evidence from this document is used here; evidence from the whole corpus (how a
    name is labelled elsewhere, whose surname it is) is applied by
    :func:`link_across_documents` over the concatenated table.
    """
    aliases = _default_aliases() if aliases is None else aliases
    index = _title_index(_default_titles() if titles is None else titles)
    texts = _token_strings(doc)
    lowers = [text.lower() for text in texts]
    wanted = tuple(labels)
    considered = set(wanted) | set(_LINKING_LABELS)
    sentence_starts = [sentence.start for sentence in doc.sents]

    # 2: inside an entity we keep; 1: inside a longer entity of another kind (a WORK_OF_ART
    # such as "Facebook posting Elonis"), where only the document's own names are looked
    # for; a one-token entity of another kind ("Trump" read as a PRODUCT) hides nothing.
    # Laws and court cases ("Elonis v. United States") name no one: 2.
    covered = [0] * len(doc)
    mentions: list[_Mention] = []
    for ent in doc.ents:
        if ent.label_ in considered or len(ent) > 1:
            for i in range(ent.start, ent.end):
                covered[i] = 2 if ent.label_ in considered or ent.label_ == "LAW" else 1
        if ent.label_ not in considered:
            continue
        normalised = _normalise(ent, index, lowers)
        if normalised is None or not _is_name_shaped(normalised.name, ent.label_):
            continue
        label = ent.label_
        if label == "PERSON":
            normalised = _cut_hover(doc, normalised)
            last_word = normalised.name.rsplit(" ", 1)[-1]
            if last_word.lower() in _NOT_NAME_ENDINGS:
                continue
            if "&" in normalised.name or (
                last_word[:1].isupper() and last_word.lower() in _ORG_HEADS
            ):
                label = "ORG"
        # Words after a dash are not part of the name ("Fox — Rubio"): a name there can
        # still be found as an untagged repetition.
        for i in range(normalised.end_token, ent.end):
            if _is_dash(doc[i]):
                for j in range(i, ent.end):
                    covered[j] = 0
                break
        if (
            ent.label_ == "ORG"
            and normalised.name not in aliases
            and _heads_title(lowers, normalised.start_token, normalised.end_token, index)
        ):
            continue
        linked_by = "name"
        # A title just before a short ORG/GPE/NORP name ("Mr. Trump", "President Obama")
        # marks a person the pipeline mislabelled.
        if (
            label in ("ORG", "GPE", "NORP")
            and normalised.role
            and normalised.end_token - normalised.start_token <= 3
            and doc[normalised.start_token].is_title
        ):
            label, linked_by = "PERSON", "title"
        mention = _Mention(
            normalised.start,
            normalised.end,
            normalised.start_token,
            normalised.name,
            label,
            ent.label_,
            role=normalised.role if label == "PERSON" else "",
            linked_by=linked_by,
            end_token=normalised.end_token,
        )
        # Only a GPE's use decides anything (see _link_people): the parse is read for those.
        mention.attributive = label == "GPE" and _attributive(doc, normalised)
        mentions.append(mention)

    # Spans that swallowed a person and an organisation or place.
    alias_forms, alias_places = _alias_views(aliases)
    known = dict(alias_places)
    known.update({m.name: m.label for m in mentions if m.label in ("ORG", "GPE", "LOC", "FAC")})
    mentions = _split_swallowed(doc, mentions, known)
    mentions = _split_two_people(doc, mentions)
    mentions.extend(_titled_untagged(doc, lowers, covered, index, aliases))

    # Untagged repetitions of names this document uses, and alias variants.
    forms = dict(alias_forms)
    hyphenated = [m for m in mentions if "-" in m.name and m.name not in aliases]
    loose: dict[str, bool] = {}  # name -> whether it is a person's
    for mention in mentions:
        if len(mention.name) > 1 and mention.name[:1].isupper():
            forms[mention.name] = mention.label
            if mention.label in ("PERSON", "ORG", "GPE"):
                loose[mention.name] = loose.get(mention.name, False) or mention.label == "PERSON"
    for surname, label in _person_forms(mentions).items():
        forms.setdefault(surname, label)
        loose[surname] = True
    if hyphenated:
        mentions = [part for m in mentions for part in _split_hyphenated(m, forms)]
    for start, end, token, form in _find_untagged(doc, forms, covered, loose, texts):
        label = forms[form] or ""
        if label:
            mentions.append(_Mention(start, end, token, form, label, "", linked_by="repeat"))

    # Alias table: one canonical name (and label) per variant.
    for mention in mentions:
        alias = aliases.get(mention.name)
        if alias is not None:
            if alias.canonical != mention.name and mention.linked_by == "name":
                mention.linked_by = "alias"
            mention.name = alias.canonical
            mention.label = alias.label or mention.label

    _link_acronyms(mentions)
    _link_short_orgs(mentions)
    _link_people(mentions)
    mentions = [m for m in mentions if m.label in wanted]
    mentions.sort(key=lambda m: (m.start, m.end))
    rows = [
        (
            doc_id,
            bisect_right(sentence_starts, m.token) - 1,
            m.start,
            m.end,
            _char_text(doc, m.start, m.end),
            m.entity,
            m.label,
            m.role,
            m.ner_label,
            m.linked_by,
        )
        for m in mentions
    ]
    frame = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    if not rows:
        frame = frame.astype({"sentence_id": "int64", "start": "int64", "end": "int64"})
    return frame


def _link_people(mentions: list[_Mention]) -> None:
    """Give every mention its entity name within the document (see the module rules)."""
    people = sorted(
        {m.name for m in mentions if m.label == "PERSON"}, key=lambda name: (-len(name), name)
    )
    words = {name: tuple(name.split(" ")) for name in people}
    canonical: dict[str, str] = {}
    for name in people:
        longer = [
            other
            for other in people
            if len(words[other]) > len(words[name]) and _is_subsequence(words[name], words[other])
        ]
        maximal = [
            other
            for other in longer
            if not any(o != other and _is_subsequence(words[other], words[o]) for o in longer)
        ]
        canonical[name] = maximal[0] if len(maximal) == 1 else name
    surnames: dict[str, set[str]] = {}
    for name in people:
        if canonical[name] == name and len(words[name]) > 1:
            surnames.setdefault(words[name][-1], set()).add(name)

    for mention in mentions:
        if mention.label == "PERSON":
            mention.entity = canonical[mention.name]
            if mention.entity != mention.name and mention.linked_by == "name":
                mention.linked_by = "person"
            continue
        owners = surnames.get(mention.name, set())
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

    # One label per entity within the document: the most frequent, ties in DEFAULT_LABELS order.
    order = {label: i for i, label in enumerate(DEFAULT_LABELS)}
    votes: dict[str, Counter] = {}
    for mention in mentions:
        votes.setdefault(mention.entity, Counter())[mention.label] += 1
    for mention in mentions:
        counts = votes[mention.entity]
        if mention.label != "PERSON":
            mention.label = min(
                counts, key=lambda label: (-counts[label], order.get(label, 99), label)
            )


# --- corpus tables --------------------------------------------------------------------------


def _empty(columns: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame({column: pd.Series(dtype="object") for column in columns})


def link_across_documents(
    mentions: pd.DataFrame,
    *,
    dominance: float = 3.0,
    min_documents: int = 3,
    merge_group_forms: bool = True,
    drop_unsupported: bool = True,
    aliases: Mapping[str, Alias] | None = None,
) -> pd.DataFrame:
    """Resolve the whole run's mentions table with evidence from the whole corpus.

    Called once per run on the concatenation of :func:`extract_mentions` tables (it is pure
    and vectorised: one pass of pandas group-bys, whatever the corpus size). Rules, in order;
    each changed row gets the rule's name in ``linked_by``:

    1. ``alias``: a name in ``aliases`` (e.g. the user's file read by :func:`load_aliases`)
       is counted under its canonical name and label, wherever extraction left it.
    2. **Label by corpus vote.** Each document votes the label it gives a name (its text
       after normalisation); a name's label is the corpus winner when the winner has at
       least ``min_documents`` documents and ``dominance`` times the documents of the row's
       label. ``corpus_label``: a name the corpus reads as an organisation or place is one
       here too ("Twitter" tagged PERSON once, ORG in most documents); a PERSON row is
       relabelled only when nothing in its document made it a person (no title, not linked
       to a longer name). ``corpus_person``: an ORG, GPE or NORP row whose name the corpus
       overwhelmingly uses as a person's name ("Trump" tagged ORG) becomes that person; rule 4
       then links it to the full name.
    3. ``group_form``: singular, plural and adjective forms of one NORP group ("Democrats",
       "Democrat", "Democratic"; "Republicans", "Republican") are one entity, named by the
       plural when the corpus has it. ``merge_group_forms=False`` keeps them apart.
    4. ``corpus``: a PERSON entity that is a shorter form of longer PERSON names seen anywhere
       in the corpus (the surname alone, or the words of the name in order: "Donald Trump"
       in "Donald J. Trump", never a first name alone) is linked to the longest such full
       form. When the candidates name different people ("Trump": Donald J. Trump, Ivanka
       Trump) the link is made only if one of them has at least ``dominance`` times the
       mentions of all the others together.
    5. ``veto``: a merge the alias table forbids (a ``!variant<TAB>canonical`` line, or
       ``!variant<TAB>*`` for every merge) is undone: the row is counted under its own name.
    6. With ``drop_unsupported``, a one-word PERSON name that nothing supports is dropped:
       mentioned once in the whole corpus, with no title, linked to no longer name, not a
       word of any longer person name of the corpus and not an alias ("Quoth" at the start of
       a sentence, a stray capitalised word). Such names are
       mostly tagging errors; a real one-word name mentioned twice anywhere stays.

    Rows keep their order and columns (rows dropped by rule 6 are left out).
    """
    if mentions.empty:
        return mentions.copy()
    result = mentions.copy()
    key = _name_keys(result["text"])
    if aliases:
        _apply_aliases(result, key, aliases)
    _vote_labels(result, key, dominance=dominance, min_documents=min_documents)
    if merge_group_forms:
        _merge_group_forms(result)
    _link_person_names(result, dominance=dominance)
    vetoes = getattr(aliases, "vetoes", None)
    if vetoes:
        _apply_vetoes(result, key, vetoes)
    if drop_unsupported:
        result = result[~_unsupported_people(result, key)]
    return result


def _unsupported_people(result: pd.DataFrame, key: pd.Series) -> pd.Series:
    """Rule 6: one-word PERSON rows with no support anywhere in the corpus."""
    is_person = result["label"] == "PERSON"
    once = key.map(key[is_person].value_counts()).fillna(0) == 1
    # Words of the corpus's longer person names support a one-word name ("Trump").
    names = result.loc[is_person, "entity"].unique()
    words = {word for name in names if " " in name for word in name.split(" ")}
    return (
        is_person
        & once
        & ~key.isin(words)
        & ~key.str.contains(" ", regex=False)
        & (result["entity"] == key)
        & (result["role"].fillna("") == "")
        & result["linked_by"].isin(["name", "repeat", "corpus_label"])
    )


def _collapsed(texts: pd.Series) -> pd.Series:
    """:func:`_collapse` over a column (vectorised; the regular expression only runs on the
    few rows with runs of whitespace or line breaks)."""
    texts = texts.astype(str)
    odd = texts.str.contains(r"\s\s|[\t\n\r\f\v]|^\s|\s$", regex=True)
    if odd.any():
        texts = texts.copy()
        texts[odd] = texts[odd].str.replace(r"\s+", " ", regex=True).str.strip()
    return texts


def _name_keys(texts: pd.Series) -> pd.Series:
    """:func:`_name_key` over a column (vectorised)."""
    return (
        _collapsed(texts)
        .str.replace("\u2019", "'", regex=False)
        .str.replace("\u0092", "'", regex=False)
    )


def _apply_aliases(result: pd.DataFrame, key: pd.Series, aliases: Mapping[str, Alias]) -> None:
    """Rule 1: every row whose name is an alias variant takes the canonical name and label."""
    canonical = {variant: alias.canonical for variant, alias in aliases.items()}
    labels = {variant: alias.label for variant, alias in aliases.items() if alias.label}
    target = key.map(canonical)
    hit = target.notna() & (target != result["entity"])
    result.loc[hit, "entity"] = target[hit]
    result.loc[hit, "linked_by"] = "alias"
    label = key.map(labels)
    relabel = label.notna() & (label != result["label"])
    result.loc[relabel, "label"] = label[relabel]


def _vote_labels(
    result: pd.DataFrame, key: pd.Series, *, dominance: float, min_documents: int
) -> None:
    """Rule 2 (see :func:`link_across_documents`), in place."""
    frame = pd.DataFrame({"key": key, "doc_id": result["doc_id"], "label": result["label"]})
    per_doc = frame.groupby(["key", "doc_id", "label"], sort=False).size().reset_index(name="n")
    per_doc = per_doc.sort_values(
        ["key", "doc_id", "n", "label"], ascending=[True, True, False, True], kind="mergesort"
    ).drop_duplicates(["key", "doc_id"])
    votes = per_doc.groupby(["key", "label"], sort=True).size().reset_index(name="docs")
    winners = votes.sort_values(
        ["key", "docs", "label"], ascending=[True, False, True], kind="mergesort"
    ).drop_duplicates("key")
    winners = winners.set_index("key")
    docs_by_label = votes.set_index(["key", "label"])["docs"]
    row_docs = pd.Series(
        docs_by_label.reindex(pd.MultiIndex.from_arrays([key, result["label"]])).to_numpy(),
        index=result.index,
    ).fillna(0)
    win_label = key.map(winners["label"])
    win_docs = key.map(winners["docs"]).fillna(0)
    decided = (
        win_label.notna()
        & (win_label != result["label"])
        & (win_docs >= min_documents)
        & (win_docs >= dominance * row_docs)
        & (result["linked_by"] != "alias")
    )
    is_person = result["label"] == "PERSON"
    # A name the corpus reads as an organisation or place, tagged PERSON here on no
    # evidence of this document's own (no title, not a shorter form of a longer name).
    unperson = (
        decided
        & is_person
        & result["linked_by"].isin(["name", "repeat"])
        & (result["role"].fillna("") == "")
        & (result["entity"] == key)
    )
    # A name the corpus overwhelmingly uses for a person, tagged ORG/GPE/NORP here.
    person = decided & ~is_person & (win_label == "PERSON")
    other = decided & ~is_person & (win_label != "PERSON")
    result.loc[unperson | other, "label"] = win_label[unperson | other]
    result.loc[unperson | other, "linked_by"] = "corpus_label"
    result.loc[person, "label"] = "PERSON"
    result.loc[person, "entity"] = key[person]
    result.loc[person, "linked_by"] = "corpus_person"


def _merge_group_forms(result: pd.DataFrame) -> None:
    """Rule 3: one entity for the singular, plural and adjective forms of a NORP group."""
    is_norp = result["label"] == "NORP"
    if not is_norp.any():
        return
    sizes = result.loc[is_norp, "entity"].value_counts()
    names = set(sizes.index)

    def root(name: str) -> str:
        if name.endswith("ic") and (name[:-2] in names or name[:-2] + "s" in names):
            return name[:-2]
        if name.endswith("s") and name[:-1] in names | {n[:-2] for n in names if n.endswith("ic")}:
            return name[:-1]
        return name

    roots = {name: root(name) for name in names}
    groups: dict[str, list[str]] = {}
    for name, stem in roots.items():
        groups.setdefault(stem, []).append(name)
    canonical = {}
    for stem, forms in groups.items():
        if len(forms) < 2:
            continue
        plural = stem + "s"
        name = plural if plural in forms else max(forms, key=lambda f: (sizes[f], f))
        for form in forms:
            canonical[form] = name
    if not canonical:
        return
    target = result["entity"].map(canonical)
    hit = is_norp & target.notna() & (target != result["entity"])
    result.loc[hit, "entity"] = target[hit]
    result.loc[hit, "linked_by"] = "group_form"


def _apply_vetoes(result: pd.DataFrame, key: pd.Series, vetoes: frozenset) -> None:
    """Rule 5: undo every merge of a name into an entity the alias table forbids."""
    pairs = pd.Series(list(zip(key, result["entity"], strict=True)), index=result.index)
    banned = pairs.isin(vetoes) | (key.isin({v for v, c in vetoes if c == "*"}))
    hit = banned & (result["entity"] != key)
    result.loc[hit, "entity"] = key[hit]
    result.loc[hit, "linked_by"] = "veto"


def _link_person_names(mentions: pd.DataFrame, *, dominance: float) -> None:
    """Rule 4 (see :func:`link_across_documents`), in place."""
    people = mentions[mentions["label"] == "PERSON"]
    weights = people.groupby("entity").size().to_dict()
    names = sorted(weights, key=lambda name: (-len(name.split(" ")), -len(name), name))
    words = {name: tuple(name.split(" ")) for name in names}
    canonical: dict[str, str] = {}
    by_surname: dict[str, list[str]] = {}
    for name in names:
        if len(words[name]) > 1:
            surname = next(
                (w for w in reversed(words[name]) if w.lower() not in _NAME_SUFFIXES), ""
            )
            by_surname.setdefault(surname, []).append(name)
    nicknames = _default_nicknames()
    for name in names:
        short = words[name]
        if len(short) == 1:
            pool = by_surname.get(short[0], [])
        else:
            pool = [
                other
                for other in by_surname.get(short[-1], [])
                if _same_word(short[0], words[other][0], nicknames, first=True)
            ]
        candidates = [
            other
            for other in pool
            if (len(words[other]) > len(short) and _name_fits(short, words[other], nicknames))
            or (
                len(words[other]) == len(short) > 1
                and other != name
                and (weights[other], other) > (weights[name], name)
                and _name_fits(short, words[other], nicknames)
            )
        ]
        targets: Counter = Counter()
        for other in candidates:
            targets[canonical.get(other, other)] += weights[other]
        if not targets:
            canonical[name] = name
            continue
        ranked = sorted(targets.items(), key=lambda item: (-item[1], item[0]))
        rest = sum(weight for _, weight in ranked[1:])
        if len(ranked) == 1 or ranked[0][1] >= dominance * rest:
            canonical[name] = ranked[0][0]
        else:
            canonical[name] = name
    # A chain ("Trump" -> "Donald Trump" -> "Donald J. Trump") ends at the longest form.
    for name in names:
        target = canonical[name]
        while canonical.get(target, target) != target:
            target = canonical[target]
        canonical[name] = target
    result = mentions
    is_person = result["label"] == "PERSON"
    linked = result.loc[is_person, "entity"].map(canonical)
    moved = linked != result.loc[is_person, "entity"]
    moved &= result.loc[is_person, "linked_by"] != "corpus_person"
    result.loc[moved[moved].index, "linked_by"] = "corpus"
    result.loc[is_person, "entity"] = linked


def _entity_labels(mentions: pd.DataFrame) -> pd.Series:
    """One label per entity across the corpus: the most frequent (ties: DEFAULT_LABELS order)."""
    order = {label: i for i, label in enumerate(DEFAULT_LABELS)}
    counts = mentions.groupby(["entity", "label"]).size().reset_index(name="n")
    counts["order"] = counts["label"].map(lambda label: order.get(label, len(order)))
    counts = counts.sort_values(
        ["entity", "n", "order", "label"], ascending=[True, False, True, True]
    )
    return counts.drop_duplicates("entity").set_index("entity")["label"]


def entity_table(mentions: pd.DataFrame, *, min_mentions: int = 1) -> pd.DataFrame:
    """``entities.csv``: ``entity, label, mentions, documents, aliases``.

    Entities with the same canonical name merge across documents; ``label`` is the entity's
    most frequent label, ``aliases`` every distinct surface form counted under it (most
    frequent first, joined by `` | ``), so the merging can be audited. Sorted by mentions
    (descending) then entity; entities with fewer than ``min_mentions`` mentions are left out.
    """
    if mentions.empty:
        return _empty(ENTITY_COLUMNS)
    labels = _entity_labels(mentions)
    forms = mentions.assign(form=_collapsed(mentions["text"]))
    form_counts = forms.groupby(["entity", "form"]).size().reset_index(name="n")
    form_counts = form_counts.sort_values(["entity", "n", "form"], ascending=[True, False, True])
    aliases = form_counts.groupby("entity", sort=True)["form"].agg(ALIAS_SEPARATOR.join)
    table = mentions.groupby("entity", sort=True).agg(
        mentions=("doc_id", "size"), documents=("doc_id", "nunique")
    )
    table["label"] = labels
    table["aliases"] = aliases
    table = table.reset_index()[ENTITY_COLUMNS]
    table = table[table["mentions"] >= min_mentions]
    table = table.sort_values(["mentions", "entity"], ascending=[False, True], kind="mergesort")
    return table.reset_index(drop=True)


def entity_aliases(mentions: pd.DataFrame) -> pd.DataFrame:
    """Every surface form merged into each entity: ``entity, label, alias, mentions,
    documents, linked_by`` (the linking rules that applied, joined by ``|``). One row per
    (entity, form), entities in :func:`entity_table` order, forms most frequent first."""
    columns = ["entity", "label", "alias", "mentions", "documents", "linked_by"]
    if mentions.empty:
        return _empty(columns)
    forms = mentions.assign(alias=_collapsed(mentions["text"]))
    table = forms.groupby(["entity", "alias"], sort=True).agg(
        mentions=("doc_id", "size"), documents=("doc_id", "nunique")
    )
    rules = (
        forms[["entity", "alias", "linked_by"]]
        .drop_duplicates()
        .sort_values(["entity", "alias", "linked_by"])
        .groupby(["entity", "alias"], sort=True)["linked_by"]
        .agg("|".join)
    )
    table = table.assign(linked_by=rules).reset_index()
    table["label"] = table["entity"].map(_entity_labels(mentions))
    totals = table.groupby("entity")["mentions"].transform("sum")
    table = table.assign(total=totals).sort_values(
        ["total", "entity", "mentions", "alias"], ascending=[False, True, False, True]
    )
    return table[columns].reset_index(drop=True)


def entity_counts_by_document(mentions: pd.DataFrame) -> pd.DataFrame:
    """``entity_counts_by_document.csv``: ``doc_id, entity, label, mentions`` (label as in
    :func:`entity_table`), sorted by doc_id, mentions (descending), entity."""
    columns = ["doc_id", "entity", "label", "mentions"]
    if mentions.empty:
        return _empty(columns)
    table = mentions.groupby(["doc_id", "entity"], sort=True).size().reset_index(name="mentions")
    table["label"] = table["entity"].map(_entity_labels(mentions))
    table = table.sort_values(["doc_id", "mentions", "entity"], ascending=[True, False, True])
    return table[columns].reset_index(drop=True)


def cooccurrence(mentions: pd.DataFrame, *, entities: Iterable[str] | None = None) -> pd.DataFrame:
    """``cooccurrence.csv``: ``entity_a, entity_b, sentences, documents``.

    Two entities co-occur when both are mentioned in the same sentence (same ``doc_id`` and
    ``sentence_id``); ``sentences`` counts such sentences and ``documents`` the documents
    they are in. Each pair appears once with ``entity_a < entity_b``. ``entities`` restricts
    the pairs to those entities (e.g. the top ones). Sorted by sentences, documents
    (descending), then the names.
    """
    if mentions.empty:
        return _empty(COOCCURRENCE_COLUMNS)
    selected = mentions
    if entities is not None:
        selected = mentions[mentions["entity"].isin(set(entities))]
    units = selected[["doc_id", "sentence_id", "entity"]].drop_duplicates()
    pairs = units.merge(units, on=["doc_id", "sentence_id"], suffixes=("_a", "_b"))
    pairs = pairs[pairs["entity_a"] < pairs["entity_b"]]
    if pairs.empty:
        return _empty(COOCCURRENCE_COLUMNS)
    table = pairs.groupby(["entity_a", "entity_b"], sort=False).agg(
        sentences=("sentence_id", "size"), documents=("doc_id", "nunique")
    )
    table = table.reset_index()[COOCCURRENCE_COLUMNS]
    table = table.sort_values(
        ["sentences", "documents", "entity_a", "entity_b"], ascending=[False, False, True, True]
    )
    return table.reset_index(drop=True)


def mentions_by_period(
    mentions: pd.DataFrame, documents: pd.DataFrame, *, period: str = "M"
) -> pd.DataFrame:
    """Mentions per entity per period: ``period, entity, label, mentions, documents``.

    ``documents`` is the corpus overview (``doc_id, date``); documents without a readable
    date are left out, and the result is empty when none has one. ``period`` is a pandas
    period alias (``D``, ``W``, ``M``, ``Q``, ``Y``). Sorted by period, mentions
    (descending), entity.
    """
    columns = ["period", "entity", "label", "mentions", "documents"]
    if mentions.empty or documents.empty or "date" not in documents:
        return _empty(columns)
    dates = pd.to_datetime(documents.set_index("doc_id")["date"], errors="coerce", utc=True)
    dates = dates.dropna()
    if dates.empty:
        return _empty(columns)
    periods = dates.dt.tz_localize(None).dt.to_period(period).astype(str)
    dated = mentions.assign(period=mentions["doc_id"].map(periods)).dropna(subset=["period"])
    if dated.empty:
        return _empty(columns)
    table = dated.groupby(["period", "entity"], sort=True).agg(
        mentions=("doc_id", "size"), documents=("doc_id", "nunique")
    )
    table = table.reset_index()
    table["label"] = table["entity"].map(_entity_labels(mentions))
    table = table.sort_values(["period", "mentions", "entity"], ascending=[True, False, True])
    return table[columns].reset_index(drop=True)
