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
   "Trump's team"), is that person; the alias table (:func:`load_aliases`) maps variants to
   one canonical name and label. The canonical name is the longest full form seen.
4. **Across documents** the corpus tables (:func:`entity_table`,
   :func:`entity_counts_by_document`, :func:`cooccurrence`, :func:`mentions_by_period`,
   :func:`entity_aliases`) merge entities with the same canonical name; they take the
   concatenated mentions table and return new tables (pure, deterministic order).

Every mention row keeps the document id, 0-based sentence index (position in
``list(doc.sents)``) and character offsets, so each count can be traced to its sentence.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd

__all__ = [
    "DEFAULT_LABELS",
    "MENTION_COLUMNS",
    "ENTITY_COLUMNS",
    "COOCCURRENCE_COLUMNS",
    "Alias",
    "NormalisedSpan",
    "load_aliases",
    "load_titles",
    "normalise_span",
    "extract_mentions",
    "mentions_step",
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
_POSSESSIVE = re.compile(r"(?:['\u2019]s|(?<=s)['\u2019])$")
_EDGE_PUNCTUATION = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb()[]{}<>,;:!?*_/\\|"
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


def _data_lines(text: str) -> Iterable[str]:
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            yield line.rstrip("\n\r")


def _builtin_text(name: str) -> str:
    return resources.files("newslens").joinpath("data", name).read_text(encoding="utf-8")


def _parse_aliases(text: str, source: str) -> dict[str, Alias]:
    table: dict[str, Alias] = {}
    for number, line in enumerate(_data_lines(text), start=1):
        fields = [field.strip() for field in line.split("\t")]
        if len(fields) < 2 or not fields[0] or not fields[1]:
            raise ValueError(
                f"{source}: alias line {number} needs 'variant<TAB>canonical[<TAB>label]': {line!r}"
            )
        label = fields[2].upper() if len(fields) > 2 else ""
        table[_collapse(fields[0])] = Alias(_collapse(fields[0]), _collapse(fields[1]), label)
    return table


def load_aliases(
    alias_file: str | os.PathLike | None = None, *, builtin: bool = True
) -> dict[str, Alias]:
    """The alias table: variant text -> :class:`Alias`.

    The built-in table (``newslens/data/aliases.tsv``: U.S./US/United States/America,
    U.K./UK/Britain, EU/European Union, Kyiv/Kiev, ...) is read first, then ``alias_file``
    (same TAB-separated format) whose lines override it. Pass the result as ``aliases`` to
    :func:`extract_mentions`.
    """
    table = _parse_aliases(_builtin_text("aliases.tsv"), "aliases.tsv") if builtin else {}
    if alias_file:
        path = Path(alias_file)
        table.update(_parse_aliases(path.read_text(encoding="utf-8"), str(path)))
    return table


def load_titles(titles: Iterable[str] = (), *, builtin: bool = True) -> frozenset[tuple[str, ...]]:
    """Titles and roles as lowercased token tuples (built-in ``data/titles.txt`` plus ``titles``).

    Titles are split on spaces the way the tokenizer splits them ("Secretary of State" ->
    ``("secretary", "of", "state")``); hyphenated titles are kept whole and as their parts.
    """
    lines = list(_data_lines(_builtin_text("titles.txt"))) if builtin else []
    lines.extend(titles)
    result = set()
    for line in lines:
        words = tuple(line.strip().lower().split())
        if words:
            result.add(words)
            if any("-" in word for word in words):
                result.add(tuple(part for word in words for part in re.split(r"(-)", word) if part))
    return frozenset(result)


@lru_cache(maxsize=1)
def _default_aliases() -> dict[str, Alias]:
    return load_aliases()


@lru_cache(maxsize=1)
def _default_titles() -> frozenset[tuple[str, ...]]:
    return load_titles()


# --- normalisation ------------------------------------------------------------------------


def _collapse(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def _name_key(text: str) -> str:
    """The form names are compared in: whitespace collapsed, curly apostrophes straightened."""
    return _collapse(text).replace("\u2019", "'")


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


@lru_cache(maxsize=8)
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
    for i in range(start + 1, end):
        if _is_dash(doc[i]):
            end = i
            break
    while start < end and (lowers[start] in _DETERMINERS or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    if start >= end:
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
    if not any(ch.isalnum() for ch in text):
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


_NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def _is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether ``short`` is a shorter form of the name ``long``: its words appear in order in
    ``long``, and any generational suffix of ``long`` ("Jr.") appears in ``short`` too, so
    "Donald Trump" is never read as "Donald Trump Jr."."""
    if any(word.lower() in _NAME_SUFFIXES and word not in short for word in long):
        return False
    position = iter(long)
    return all(word in position for word in short)


def _attributive(doc, normalised: NormalisedSpan) -> bool:
    head = doc[normalised.start_token : normalised.end_token].root
    following = doc[normalised.end_token] if normalised.end_token < len(doc) else None
    return head.dep_ in _ATTRIBUTIVE_DEPS or (following is not None and following.tag_ == "POS")


def _find_untagged(
    doc, forms: Mapping[str, str], covered: list[bool]
) -> list[tuple[int, int, int, str]]:
    """Untagged occurrences of known names: ``(start_char, end_char, token, form)``.

    A form is a name the document already tags (or an alias variant). It is matched on whole
    proper-noun tokens outside every entity, and on the capitalised parts of hyphenated
    tokens ("U.S.-Russia")."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for form in forms:
        words = tuple(form.split(" "))
        by_first.setdefault(words[0], []).append(words)
    for candidates in by_first.values():
        candidates.sort(key=lambda words: (-len(words), words))
    found = []
    i = 0
    n = len(doc)
    while i < n:
        token = doc[i]
        if covered[i] or not token.text[:1].isupper():
            i += 1
            continue
        matched = False
        for words in by_first.get(token.text.replace("\u2019", "'"), ()):
            stop = i + len(words)
            if stop > n or any(covered[j] for j in range(i, stop)):
                continue
            if tuple(t.text.replace("\u2019", "'") for t in doc[i:stop]) != words:
                continue
            if not all(t.tag_ in ("NNP", "NNPS") or t.pos_ == "PROPN" for t in doc[i:stop]):
                continue
            found.append(
                (token.idx, doc[stop - 1].idx + len(doc[stop - 1].text), i, " ".join(words))
            )
            i = stop
            matched = True
            break
        if matched:
            continue
        if "-" in token.text[1:-1]:
            offset = 0
            for part in token.text.split("-"):
                key = part.replace("\u2019", "'")
                if part[:1].isupper() and key in forms:
                    found.append((token.idx + offset, token.idx + offset + len(part), i, key))
                offset += len(part) + 1
        i += 1
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
    form of a person's name, ``surname`` for an ORG/NORP/GPE surname, ``repeat`` for an
    untagged repetition). ``start/end`` are character offsets into ``doc.text`` of the
    normalised mention and ``text`` is ``doc.text[start:end]``; ``sentence_id`` is the index
    of its sentence in ``list(doc.sents)``. Rows are in text order; a mention that normalises
    to nothing (a bare title) is left out. ``aliases`` defaults to the built-in table
    (:func:`load_aliases`); ``titles`` to :func:`load_titles`.
    """
    aliases = _default_aliases() if aliases is None else aliases
    index = _title_index(_default_titles() if titles is None else titles)
    lowers = [token.lower_ for token in doc]
    wanted = tuple(labels)
    considered = set(wanted) | set(_LINKING_LABELS)
    sentence_starts = [sentence.start for sentence in doc.sents]

    covered = [False] * len(doc)
    mentions: list[_Mention] = []
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            covered[i] = True
        if ent.label_ not in considered:
            continue
        normalised = _normalise(ent, index, lowers)
        if normalised is None:
            continue
        label = ent.label_
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
        )
        mention.attributive = _attributive(doc, normalised)
        mentions.append(mention)

    # Untagged repetitions of names this document uses, and alias variants.
    forms: dict[str, str] = {}
    for variant, alias in aliases.items():
        if len(variant) > 1:
            forms[variant] = alias.label
    hyphenated = [m for m in mentions if "-" in m.name and m.name not in aliases]
    for mention in mentions:
        if len(mention.name) > 1 and mention.name[:1].isupper():
            forms[mention.name] = mention.label
    if hyphenated:
        mentions = [part for m in mentions for part in _split_hyphenated(m, forms)]
    for start, end, token, form in _find_untagged(doc, forms, covered):
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

    _link_people(mentions)
    mentions = [m for m in mentions if m.label in wanted]
    mentions.sort(key=lambda m: (m.start, m.end))
    text = doc.text
    rows = [
        (
            doc_id,
            bisect_right(sentence_starts, m.token) - 1,
            m.start,
            m.end,
            text[m.start : m.end],
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


def mentions_step(
    *,
    labels: Sequence[str] = DEFAULT_LABELS,
    aliases: Mapping[str, Alias] | None = None,
    titles: frozenset[tuple[str, ...]] | None = None,
):
    """A ``(Document, Doc) -> DataFrame`` step for :func:`newslens.nlp.analyse_corpus`."""
    aliases = _default_aliases() if aliases is None else aliases

    def step(document, doc) -> pd.DataFrame:
        return extract_mentions(
            doc, doc_id=document.doc_id, labels=labels, aliases=aliases, titles=titles
        )

    return step


# --- corpus tables --------------------------------------------------------------------------


def _empty(columns: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame({column: pd.Series(dtype="object") for column in columns})


def link_across_documents(mentions: pd.DataFrame, *, dominance: float = 3.0) -> pd.DataFrame:
    """Mentions with shorter person names linked to the corpus's full names.

    Within a document "Obama" becomes "Barack Obama" only when the full name is in the same
    article; here a PERSON entity that is a shorter form of longer PERSON names seen anywhere
    in the corpus (the surname alone, or the words of the name in order: "Donald Trump" in
    "Donald J. Trump", never a first name alone) is linked to the longest such full form.
    When the candidates name different people ("Trump": Donald J. Trump, Ivanka Trump) the
    link is made only if one of them has at least ``dominance`` times the mentions of all the
    others together; otherwise the short name stays its own entity. Only PERSON rows change
    (an ORG "Trump" with no person clue in its article stays as tagged). Rows keep their
    order; linked rows get ``linked_by`` ``corpus``.
    """
    if mentions.empty:
        return mentions.copy()
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
    for name in names:
        short = words[name]
        if len(short) == 1:
            pool = by_surname.get(short[0], [])
        else:
            pool = [other for other in by_surname.get(short[-1], []) if words[other][0] == short[0]]
        candidates = [
            other
            for other in pool
            if len(words[other]) > len(short) and _is_subsequence(short, words[other])
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
    result = mentions.copy()
    is_person = result["label"] == "PERSON"
    linked = result.loc[is_person, "entity"].map(canonical)
    moved = linked != result.loc[is_person, "entity"]
    result.loc[moved[moved].index, "linked_by"] = "corpus"
    result.loc[is_person, "entity"] = linked
    return result


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
    forms = mentions.assign(form=mentions["text"].map(_collapse))
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
    forms = mentions.assign(alias=mentions["text"].map(_collapse))
    table = forms.groupby(["entity", "alias"], sort=True).agg(
        mentions=("doc_id", "size"),
        documents=("doc_id", "nunique"),
        linked_by=("linked_by", lambda rules: "|".join(sorted(set(rules)))),
    )
    table = table.reset_index()
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
    keys = ["doc_id", "sentence_id"]
    units = selected[[*keys, "entity"]].drop_duplicates()
    pairs = units.merge(units, on=keys, suffixes=("_a", "_b"))
    pairs = pairs[pairs["entity_a"] < pairs["entity_b"]]
    if pairs.empty:
        return _empty(COOCCURRENCE_COLUMNS)
    table = (
        pairs.groupby(["entity_a", "entity_b"], sort=False)
        .agg(sentences=("doc_id", "size"), documents=("doc_id", "nunique"))
        .reset_index()[COOCCURRENCE_COLUMNS]
    )
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
