"""Who is quoted saying what: quotation spans, their kind, cue verb and speaker.

News quotes come in a few shapes, and each needs its own evidence:

* **direct** quotes, a full clause or more inside quotation marks (``"We will rebuild," she
  said`` / ``He said: "..."``), possibly running over several paragraphs (an opening mark at
  each paragraph, a closing mark only at the end) or interrupted by their attribution
  (``"A," he said, "B."`` gives two quotes sharing the speaker);
* **partial** quotes, a fragment in marks inside reported speech (``urged allies to "act
  faster"``, ``described the meeting as "frank"``);
* **indirect** (reported) speech without marks, found from the dependency parse as the
  clausal complement of a reporting verb (``X said the talks had failed``), kept to the
  clear cases: precision over recall.

Quotation marks are paired on the raw text (:func:`find_quotations`), paragraph by
paragraph, for straight and curly double quotes, guillemets and single quotes that are not
apostrophes. Marks that quote nobody (scare quotes, titles of works) are dropped, and with
``skipped=True`` they are returned with the reason in the ``debug`` column.

The speaker is the subject of the reporting verb that governs or sits beside the quote (a
maintained list of verbs, ``data/reporting_verbs.txt``, user-extendable), with the inverted
(``said Rubio``), colon-introduced and ``according to X`` forms; a quote standing alone in
its paragraph continues the previous speaker. Pronouns and role nouns ("he", "the
minister") are resolved to the most recent compatible entity mention before them, and every
speaker is linked to the canonical entity of :func:`newslens.entities.extract_mentions`
(or, when that module is absent, to spaCy's named entities grouped by surname), or left
unresolved rather than guessed.

Everything here is a pure function of a parsed ``Doc``: the same text gives the same rows.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from newslens.resources import clean_data_lines, package_data, read_data_lines
from newslens.text import count_words, strip_possessive

__all__ = [
    "QUOTE_COLUMNS",
    "EXTRA_COLUMNS",
    "KINDS",
    "Quotation",
    "find_quotations",
    "load_reporting_verbs",
    "extract_quotes",
    "speaker_name",
    "top_speakers",
    "kind_shares",
    "speakers_by_document",
    "speaker_frames",
    "quote_highlights",
    "highlight_quotes",
]

QUOTE_COLUMNS = [
    "doc_id",
    "quote_id",
    "start",
    "end",
    "quote",
    "kind",
    "cue",
    "speaker",
    "speaker_entity",
    "speaker_start",
    "speaker_end",
    "sentence_id",
]
EXTRA_COLUMNS = ["cue_start", "cue_end", "speaker_label", "fragments", "debug"]
KINDS = ("direct", "partial", "indirect")

# Double quotation marks that open, close, or may do either.
OPENING_DOUBLE = "“„‟«"
CLOSING_DOUBLE = "”»"
AMBIGUOUS_DOUBLE = '"'
OPENING_SINGLE = "‘‛"
CLOSING_SINGLE = "’"
AMBIGUOUS_SINGLE = "'"
DOUBLE_MARKS = OPENING_DOUBLE + CLOSING_DOUBLE + AMBIGUOUS_DOUBLE
ALL_MARKS = DOUBLE_MARKS + OPENING_SINGLE + CLOSING_SINGLE + AMBIGUOUS_SINGLE

PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"they", "them"}
THING_PRONOUNS = {"it"}
RELATIVE_PRONOUNS = {"who", "that", "which"}
FIRST_PERSON = {"i", "we", "me", "us"}
PERSON_LABELS = ("PERSON",)
GROUP_LABELS = ("ORG", "NORP", "GPE")
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Words just before a quotation that make it the name of something, not a quote.
TITLE_CUES = {
    "album",
    "article",
    "book",
    "column",
    "documentary",
    "dubbed",
    "entitled",
    "episode",
    "essay",
    "film",
    "headline",
    "memoir",
    "movie",
    "nicknamed",
    "novel",
    "op-ed",
    "play",
    "podcast",
    "series",
    "show",
    "single",
    "so-called",
    "song",
    "titled",
}
NAMING_PARTICIPLES = {"titled", "entitled", "dubbed", "nicknamed", "so-called", "headlined"}
SENTENCE_END = {".", "!", "?"}
# A partial quote under a verb that is not a reporting verb ("branded X an "outlaw
# nation"") needs at least this many words; shorter ones are mostly scare quotes.
MIN_WORDS_WITHOUT_CUE = 2
HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,400}>")
PARAGRAPHS_TO_CONTINUE = 2  # a speakerless quote continues a speaker this many paragraphs back


@dataclass(frozen=True)
class Quotation:
    """A stretch of text in quotation marks, marks included.

    ``fragments`` are the per-paragraph pieces of a quote that runs over several paragraphs
    (one piece for an ordinary quote); ``mark`` is the opening character.
    """

    start: int
    end: int
    fragments: tuple[tuple[int, int], ...]
    mark: str


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line: news paragraphs are lines."""
    bounds, position = [], 0
    for line in text.split("\n"):
        end = position + len(line)
        if line.strip():
            bounds.append((position, end))
        position = end + 1
    return bounds


def _is_word_char(character: str) -> bool:
    return character.isalnum()


def _opens_word(before: str, after: str) -> bool:
    """Whether a mark between these characters stands at the start of a word."""
    return (before.isspace() or before in "([{—–-") and not after.isspace()


def _pair_marks_in_line(
    text: str, start: int, end: int, *, opening: str, closing: str, ambiguous: str, single: bool
) -> tuple[list[tuple[int, int]], int | None]:
    """Pairs of (open, close+1) inside text[start:end] and the position of a mark left open."""
    if single:
        return _pair_single_marks(text, start, end, opening + ambiguous, closing + ambiguous)
    if ambiguous:
        return _pair_straight_text(text, start, end, opening, closing, ambiguous)
    return _pair_curly_text(text, start, end, opening, closing)


def _characters(text: str, start: int, end: int):
    """Each character of a paragraph with the ones before and after it (a space at its
    edges): what every mark-pairing rule looks at."""
    for i in range(start, end):
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        yield i, text[i], before, after


def _pair_single_marks(text: str, start: int, end: int, opening: str, closing: str):
    """Single quotes, which must not be taken for apostrophes (don't, Rome's, leaders')."""
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    for i, character, before, after in _characters(text, start, end):
        if _is_word_char(before) and _is_word_char(after):
            continue
        if open_at is None:
            if character in opening and _opens_word(before, after):
                open_at = i
        elif character in closing and not before.isspace() and not _is_word_char(after):
            pairs.append((open_at, i + 1))
            open_at = None
    return pairs, open_at


def _pair_straight_text(text: str, start: int, end: int, opening: str, closing: str, ambiguous):
    """Double marks in a paragraph typed with straight quotes (curly ones pair as usual)."""
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    for i, character, before, after in _characters(text, start, end):
        if character in opening:
            if open_at is None:
                open_at = i
        elif character in closing:
            if open_at is not None:
                pairs.append((open_at, i + 1))
                open_at = None
        elif character in ambiguous:
            if open_at is None:
                open_at = i
            elif before.isspace() and not after.isspace() and i - open_at > 1:
                # '"A "B' : an unclosed quote followed by a new one; close at the space.
                pairs.append((open_at, i))
                open_at = i
            else:
                pairs.append((open_at, i + 1))
                open_at = None
    return pairs, open_at


def _pair_curly_text(text: str, start: int, end: int, opening: str, closing: str):
    """Double marks in a paragraph typeset with curly quotes. A straight mark there opens at
    the start of a word and closes at the end of one ('"a few more days” before'); a quote of
    the other type inside an open one is nested ('"... “fair play” ..."'); a closing
    mark at the start of a word opens a quote ('”What ...”')."""
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    nested = 0
    for i in range(start, end):
        character = text[i]
        if character not in DOUBLE_MARKS:
            continue
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        starts_word = _opens_word(before, after)
        if open_at is None:
            if character in opening or (character in closing + '"' and starts_word):
                open_at, nested = i, 0
            continue
        straight_open = text[open_at] == '"'
        if (character == '"') != straight_open and (character in opening or starts_word):
            nested += 1  # a quote of the other type inside this one
        elif character in closing or (character == '"' and not before.isspace()):
            if nested and (character == '"') != straight_open:
                nested -= 1
            else:
                pairs.append((open_at, i + 1))
                open_at = None
    return pairs, open_at


def find_quotations(text: str) -> list[Quotation]:
    """Every stretch of ``text`` in quotation marks, outermost only, in text order.

    Double marks (straight ``"``, curly, low-9 and guillemets) are paired within each
    paragraph; a quote left open at the end of a paragraph continues into the next one when
    that paragraph opens with a mark (the newspaper convention for multi-paragraph quotes),
    and otherwise ends with its paragraph. Single marks are paired only outside double
    quotes and only where they cannot be apostrophes; single quotes inside double quotes are
    nested quotes and stay part of the outer quotation.
    """
    original = text
    # Markup left in the text (<tweet author="...">) holds no quotes: blank it out, keeping
    # every offset.
    text = HTML_TAG.sub(lambda m: " " * len(m.group()), text)
    found: list[Quotation] = []
    pending: list[tuple[int, int]] = []  # fragments of a multi-paragraph quote so far
    for line_start, line_end in _paragraph_bounds(text):
        line = text[line_start:line_end]
        curly = any(mark in line for mark in "“”")
        pairs, left_open = _pair_marks_in_line(
            text,
            line_start,
            line_end,
            opening=OPENING_DOUBLE,
            closing=CLOSING_DOUBLE,
            # In a paragraph typeset with curly quotes a straight one is a stray.
            ambiguous="" if curly else AMBIGUOUS_DOUBLE,
            single=False,
        )
        first_mark = text[line_start:line_end].lstrip()[:1]
        opens_with_mark = first_mark in OPENING_DOUBLE + AMBIGUOUS_DOUBLE
        if pending and not (opens_with_mark and pairs[:1] and pairs[0][0] <= line_start + 2):
            if not (opens_with_mark and left_open is not None and not pairs):
                found.append(_quotation(text, pending))
                pending = []
        line_pieces: list[tuple[int, int]] = list(pairs)
        if pending and line_pieces and line_pieces[0][0] <= line_start + 2:
            first = line_pieces.pop(0)
            pending.append(first)
            found.append(_quotation(text, pending))
            pending = []
        for piece in line_pieces:
            found.append(_quotation(text, [piece]))
        if left_open is not None:
            end = line_end
            while end > left_open and text[end - 1].isspace():
                end -= 1
            if pending and left_open <= line_start + 2:
                pending.append((left_open, end))
            else:
                if pending:
                    found.append(_quotation(text, pending))
                pending = [(left_open, end)]
        # Single quotes outside the double ones.
        covered = [(s, e) for s, e in pairs] + ([(left_open, line_end)] if left_open else [])
        cursor = line_start
        for s, e in sorted(covered) + [(line_end, line_end)]:
            singles, _ = _pair_marks_in_line(
                text,
                cursor,
                s,
                opening=OPENING_SINGLE,
                closing=CLOSING_SINGLE,
                ambiguous=AMBIGUOUS_SINGLE,
                single=True,
            )
            for piece in singles:
                if piece[1] - piece[0] > 3:
                    found.append(_quotation(text, [piece]))
            cursor = max(cursor, e)
    if pending:
        found.append(_quotation(text, pending))
    text = original
    found.sort(key=lambda q: (q.start, q.end))
    return [q for q in found if q.end - q.start > 2]


def _quotation(text: str, fragments: list[tuple[int, int]]) -> Quotation:
    return Quotation(
        start=fragments[0][0],
        end=fragments[-1][1],
        fragments=tuple(fragments),
        mark=text[fragments[0][0]],
    )


# --- reporting verbs --------------------------------------------------------------------


def _parse_verb_lines(lines: Iterable[tuple[int, str]]) -> dict[str, frozenset[str]]:
    verbs: dict[str, frozenset[str]] = {}
    for _, line in lines:
        lemma, *flags = line.split()
        verbs[lemma.lower()] = frozenset(flags) | verbs.get(lemma.lower(), frozenset())
    return verbs


@functools.cache
def _packaged_verbs() -> dict[str, frozenset[str]]:
    return _parse_verb_lines(read_data_lines(package_data("reporting_verbs.txt")))


def load_reporting_verbs(
    path: str | os.PathLike | None = None, *, extra: Iterable[str] = ()
) -> dict[str, frozenset[str]]:
    """Reporting verb lemmas mapped to their flags (``indirect``: may introduce reported
    speech without marks).

    The packaged list (``newslens/data/reporting_verbs.txt``) is always read; ``path`` adds
    the lines of a file in the same format and ``extra`` adds lines given directly (e.g.
    ``["opine indirect"]``), so a user extends the list without editing the package.
    """
    verbs = dict(_packaged_verbs())
    more = clean_data_lines(extra)
    if path is not None:
        more = read_data_lines(path) + more
    for lemma, flags in _parse_verb_lines(more).items():
        verbs[lemma] = verbs.get(lemma, frozenset()) | flags
    return verbs


# --- entity mentions (speaker linking) --------------------------------------------------


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    entity: str
    label: str
    is_subject: bool = False


def _mentions_from_ents(doc, *, doc_id: str) -> pd.DataFrame:
    """spaCy's entities as a mentions table, people grouped by surname: the stand-in for
    :func:`newslens.entities.extract_mentions` when that module is not installed."""
    rows = []
    people: dict[str, str] = {}  # last word -> longest full name
    for ent in doc.ents:
        if ent.label_ not in PERSON_LABELS + GROUP_LABELS:
            continue
        tokens = [t for t in ent if not (t.is_punct or t.lower_ in ("'s", "’s"))]
        if tokens and tokens[0].lower_ == "the":
            tokens = tokens[1:]
        if not tokens:
            continue
        name = " ".join(t.text for t in tokens)
        if ent.label_ == "PERSON":
            key = tokens[-1].lower_
            known = people.get(key)
            if known is None or len(name) > len(known):
                people[key] = name
        rows.append((ent.start_char, ent.end_char, name, ent.label_, tokens[-1].lower_))
    text = doc.text
    frame = pd.DataFrame(
        [
            {
                "doc_id": doc_id,
                "start": start,
                "end": end,
                "text": text[start:end],
                "entity": people.get(key, name) if label == "PERSON" else name,
                "label": label,
            }
            for start, end, name, label, key in rows
        ],
        columns=["doc_id", "start", "end", "text", "entity", "label"],
    )
    return frame


def _default_mentions(doc, *, doc_id: str) -> pd.DataFrame:
    try:
        from newslens.entities import extract_mentions
    except ImportError:
        return _mentions_from_ents(doc, doc_id=doc_id)
    return extract_mentions(doc, doc_id=doc_id)


def _mention_list(doc, mentions: pd.DataFrame) -> list[_Mention]:
    result = []
    for row in mentions.sort_values(["start", "end"]).itertuples(index=False):
        span = doc.char_span(int(row.start), int(row.end), alignment_mode="expand")
        is_subject = bool(span is not None and span.root.dep_ in SUBJECT_DEPS)
        result.append(
            _Mention(int(row.start), int(row.end), str(row.entity), str(row.label), is_subject)
        )
    return result


# --- the extractor ----------------------------------------------------------------------


@dataclass
class _Speaker:
    start: int | None = None
    end: int | None = None
    text: str = ""
    entity: str = ""
    label: str = ""
    how: str = ""


@dataclass
class _Found:
    start: int
    end: int
    kind: str
    fragments: tuple[tuple[int, int], ...]
    cue: object = None  # spaCy Token
    speaker: _Speaker = field(default_factory=_Speaker)
    debug: str = ""
    skipped: bool = False


class _Context:
    """What the rules need to know about one document."""

    def __init__(self, doc, verbs, mentions: list[_Mention], quotations: list[Quotation]):
        self.doc = doc
        self.text = doc.text
        self.verbs = verbs
        self.mentions = mentions
        self.quotations = quotations
        self.paragraphs = _paragraph_bounds(doc.text)
        self.inside = [False] * len(doc)  # token inside quotation marks
        for quotation in quotations:
            for s, e in quotation.fragments:
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is not None:
                    for token in span:
                        self.inside[token.i] = True
        self.sentence_of_token = {}
        self.sentence_starts = []
        for number, sentence in enumerate(doc.sents):
            self.sentence_starts.append(sentence.start_char)
            for token in sentence:
                self.sentence_of_token[token.i] = number

    def paragraph_index(self, offset: int) -> int:
        for index, (s, e) in enumerate(self.paragraphs):
            if s <= offset <= e:
                return index
            if offset < s:
                return max(index - 1, 0)
        return len(self.paragraphs) - 1

    def sentence_id(self, offset: int) -> int:
        import bisect

        return max(bisect.bisect_right(self.sentence_starts, offset) - 1, 0)

    def tokens_between(self, start: int, end: int) -> list:
        span = self.doc.char_span(start, end, alignment_mode="contract")
        return [] if span is None else [t for t in span if not self.inside[t.i]]

    def is_reporting(self, token, *, flag: str | None = None) -> bool:
        if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBP", "VBG"):
            return False
        flags = self.verbs.get(token.lemma_.lower())
        if flags is None:
            return False
        return flag is None or flag in flags


def _subject_of(verb, ctx: _Context, depth: int = 0):
    """The token naming who performs ``verb``: its subject, or the subject it shares with
    the verb it is coordinated with or depends on ("smiled and said", "adding that")."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and not ctx.inside[child.i]:
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head
            return child
    # Inverted attribution parsed as an object: '"...," said Rubio'.
    previous = verb.doc[verb.i - 1] if verb.i > 0 else None
    inverted = previous is not None and (previous.is_punct or ctx.inside[previous.i])
    for child in verb.rights if inverted and verb.tag_ != "VBG" else ():
        if (
            child.dep_ in ("dobj", "attr", "npadvmod", "appos", "oprd")
            and child.pos_ in ("PROPN", "NOUN", "PRON")
            and not ctx.inside[child.i]
            and not any(not t.is_punct for t in doc_slice(verb, child.left_edge))
            and child.ent_type_ not in ("DATE", "TIME")
        ):
            return child
    if verb.tag_ == "VBG" and previous is not None and previous.pos_ == "PROPN":
        return previous  # "footage of Jane Doe asking, ..."
    if depth < 3 and verb.dep_ in ("conj", "xcomp", "advcl", "pcomp") and verb.head != verb:
        if verb.dep_ != "advcl" or verb.tag_ == "VBG":
            head = verb.head
            if verb.dep_ == "pcomp" and head.pos_ == "ADP" and head.head != head:
                head = head.head  # "defended it by saying that ..."
            return _subject_of(head, ctx, depth + 1)
    if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN"):
        if verb.head.lemma_.lower() in speech_nouns():
            # "X issued a statement saying ...": the statement's source.
            return _noun_source(verb.head, ctx) or verb.head
        return verb.head  # "officials speaking on condition of anonymity"
    return None


def doc_slice(left, right) -> list:
    """Tokens strictly between two tokens of the same Doc."""
    return list(left.doc[left.i + 1 : right.i])


def _entity_of(token):
    """The entity span holding ``token``, found from its own IOB tags (scanning
    ``doc.ents`` per call would make long articles quadratic)."""
    if not token.ent_type_:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].ents[0] if doc[start:end].ents else None


def _name_span(token, ctx: _Context) -> tuple[int, int]:
    """Character span of the name or noun phrase headed by ``token`` (without clauses)."""
    ent = _entity_of(token)
    if ent is not None and ent.label_ in PERSON_LABELS + GROUP_LABELS:
        start = ent.start_char
        while start < ent.end_char and not ctx.text[start].isalnum():
            start += 1  # "― Jane Doe" tagged with its dash
        return start, ent.end_char
    if token.pos_ == "PRON":
        return token.idx, token.idx + len(token)
    left = token.i
    for child in token.lefts:
        if child.dep_ in ("compound", "amod", "det", "poss", "nmod", "nummod", "flat"):
            edge = child.left_edge
            while edge.i < token.i and not edge.text[:1].isalnum():
                edge = ctx.doc[edge.i + 1]
            left = min(left, edge.i)
    right = token.i
    for child in token.rights:
        if child.dep_ in ("compound", "flat") and child.i == right + 1:
            right = child.i
    span = ctx.doc[left : right + 1]
    return span.start_char, span.end_char


def _resolve_pronoun(offset: int, labels: tuple[str, ...], ctx: _Context, preferred: str):
    """The most recent mention with one of ``labels`` before ``offset`` and outside quotes,
    preferring the previous speaker and, after it, subjects of recent sentences."""
    candidates = [
        m
        for m in ctx.mentions
        if m.end <= offset and m.label in labels and not _inside_quote(m.start, ctx)
    ]
    if not candidates:
        return None
    paragraph = ctx.paragraph_index(offset)
    window_start = ctx.paragraphs[max(paragraph - 1, 0)][0] if ctx.paragraphs else 0
    recent = [m for m in candidates if m.start >= window_start]
    if preferred and any(m.entity == preferred for m in recent):
        if not any(m.is_subject and m.entity != preferred for m in recent[-1:]):
            return next(m for m in reversed(recent) if m.entity == preferred)
    subjects = [m for m in recent if m.is_subject]
    if subjects:
        return subjects[-1]
    return candidates[-1]


def _inside_quote(offset: int, ctx: _Context) -> bool:
    return any(s <= offset < e for q in ctx.quotations for s, e in q.fragments)


def _speaker_from_token(token, ctx: _Context, previous: _Speaker | None) -> _Speaker:
    """A speaker from the token heading the subject of a reporting verb."""
    preferred = previous.entity if previous else ""
    # "the spokesman, John Smith," : the apposition names the speaker.
    if token.pos_ == "NOUN":
        for child in token.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                token = child
                break
        else:
            if token.dep_ == "appos" and token.head.pos_ == "PROPN":
                token = token.head  # "Doe, the committee chair, who said"
    if _not_a_source(token):
        # "mounting criticism from X and Y, who say": look through to X; else nobody.
        token = _look_through(token, ctx)
        if token is None:
            return _Speaker(how="subject is not a source")
    start, end = _name_span(token, ctx)
    text = ctx.text[start:end]
    lower = token.lower_
    if token.pos_ == "PRON" or lower in PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS:
        if lower in PERSON_PRONOUNS:
            labels = PERSON_LABELS
        elif lower in GROUP_PRONOUNS:
            labels = GROUP_LABELS + PERSON_LABELS
        elif lower in THING_PRONOUNS:
            labels = GROUP_LABELS
        else:
            return _Speaker(start, end, text, "", "", "pronoun not resolved")
        mention = _resolve_pronoun(start, labels, ctx, preferred)
        if mention is None:
            return _Speaker(start, end, text, "", "", "pronoun not resolved")
        return _Speaker(start, end, text, mention.entity, mention.label, "pronoun")
    head_start, head_end = token.idx, token.idx + len(token)
    overlapping = [m for m in ctx.mentions if m.start < head_end and head_start < m.end]
    if overlapping:
        mention = max(overlapping, key=lambda m: (m.end - m.start, -m.start))
        if " " not in mention.entity:
            # "the Post" after "The Washington Post": the full name given before.
            mention = _short_name(token, start, ctx) or mention
        return _Speaker(start, end, strip_possessive(text), mention.entity, mention.label, "named")
    if token.pos_ == "PROPN":
        mention = _short_name(token, start, ctx)
        if mention is not None:
            return _Speaker(
                start, end, strip_possessive(text), mention.entity, mention.label, "short name"
            )
    if token.pos_ == "NOUN" and token.lemma_.lower() in outlet_nouns():
        # "the daily wrote", "the ministry said": the organisation named last.
        mention = _resolve_pronoun(start, ("ORG",), ctx, preferred)
        if mention is not None:
            return _Speaker(start, end, text, mention.entity, mention.label, "organisation noun")
    if _is_role_noun(token):
        # A role noun ("the minister") refers back to the last person named in the text.
        determiner = [c for c in token.lefts if c.dep_ == "det"]
        if determiner and determiner[0].lower_ == "the" and token.tag_ == "NN":
            mention = _resolve_pronoun(start, PERSON_LABELS + ("ORG",), ctx, preferred)
            if mention is not None and mention.label == "PERSON":
                return _Speaker(start, end, text, mention.entity, mention.label, "role noun")
    return _Speaker(start, end, strip_possessive(text), "", "", "not linked")


# Endings of abstract nouns, which name no one who can speak ("criticism", "the decision").
ABSTRACT_ENDINGS = ("ism", "ness", "ity", "ship", "ance", "ence", "tion", "sion")
DEMONSTRATIVES = {"that", "this", "these", "those", "which", "what"}


def _not_a_source(token) -> bool:
    """Whether a subject cannot be the source of a quote: a demonstrative ("That does not
    mean") or an abstract noun that is not an organisation or a document."""
    if token.lower_ in DEMONSTRATIVES and token.dep_ != "relcl":
        return token.pos_ in ("PRON", "DET")
    if token.pos_ != "NOUN":
        return False
    lemma = token.lemma_.lower()
    if lemma in source_nouns() or lemma in speech_nouns() or lemma in outlet_nouns():
        return False
    return lemma.endswith(ABSTRACT_ENDINGS)


def _look_through(token, ctx: _Context):
    """The source behind a subject that is not one: X in "criticism from X" / "by X"."""
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            for target in child.children:
                if target.dep_ == "pobj" and _names_someone(target, ctx):
                    return target
    return None


def _short_name(token, start: int, ctx: _Context):
    """The organisation or person named in full earlier whose name ends with this word
    ("the Post" after "The Washington Post")."""
    word = token.text.lower()
    for mention in reversed(ctx.mentions):
        if mention.end <= start and mention.entity.lower().split()[-1:] == [word]:
            return mention
    return None


@functools.cache
def source_nouns() -> frozenset[str]:
    """Organisations and documents that end like abstract nouns (``data/source_nouns.txt``)."""
    return _word_list("source_nouns.txt")


@functools.cache
def outlet_nouns() -> frozenset[str]:
    """Nouns that stand for an organisation named before them ("the daily", "the ministry",
    ``data/outlet_nouns.txt``)."""
    return _word_list("outlet_nouns.txt")


def _is_role_noun(token) -> bool:
    """A common noun that may stand for a person named before ("the minister"), not for a
    group, an organisation ("the campaign") or a body named inside it ("the Grant
    campaign")."""
    if token.pos_ != "NOUN" or token.lower_ in ("official", "officials", "source", "sources"):
        return False
    lemma = token.lemma_.lower()
    if lemma in source_nouns() or lemma in outlet_nouns() or lemma in speech_nouns():
        return False
    return not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)


def _according_to(tokens) -> object | None:
    for token in tokens:
        if token.lower_ == "according" and token.i + 1 < len(token.doc):
            to = token.doc[token.i + 1]
            if to.lower_ == "to":
                objects = [c for c in to.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return None


def _cue_in(tokens, ctx: _Context, *, prefer: str):
    """The reporting verb in ``tokens`` with a subject, nearest the quote."""
    ordered = tokens if prefer == "first" else list(reversed(tokens))
    for token in ordered:
        if ctx.is_reporting(token) and _subject_of(token, ctx) is not None:
            return token
    return None


def _region_after(q: Quotation, ctx: _Context, next_start: int, paragraph_end: int) -> list:
    limit = min(next_start, paragraph_end)
    tokens = ctx.tokens_between(q.end, limit)
    region = []
    for token in tokens:
        if token.text in SENTENCE_END:
            break
        region.append(token)
    return region


def _region_before(q: Quotation, ctx: _Context, previous_end: int, paragraph_start: int) -> list:
    limit = max(previous_end, paragraph_start)
    tokens = ctx.tokens_between(limit, q.start)
    region = []
    for token in reversed(tokens):
        if token.text in SENTENCE_END:
            break
        region.append(token)
    region.reverse()
    return region


def _first_fragment_roots(q: Quotation, ctx: _Context):
    """The tokens of a quote's first fragment and, of those, the ones whose head lies
    outside it (where the quote attaches to the sentence); ``(None, [])`` off the tokens."""
    span = ctx.doc.char_span(q.start, q.fragments[0][1], alignment_mode="expand")
    if span is None:
        return None, []
    return span, [t for t in span if not (span.start <= t.head.i < span.end) or t.head == t]


def _reporting_clause_cue(q: Quotation, ctx: _Context):
    """The report that holds the quote and the token naming its source, or ``(None,
    None)``: the reporting verb whose clausal complement holds it ('X said the plan would
    "fail"'), a reporting clause set off inside the sentence ('The new rules, X
    explained, were "long overdue"') or a speech noun with a named source ('Grant's claim
    that there were "hundreds of leaks"')."""
    span, roots = _first_fragment_roots(q, ctx)
    if span is None:
        return None, None
    for token in roots:
        node = token
        for _ in range(12):
            if node.head == node:
                break
            child, node = node, node.head
            if ctx.inside[node.i] or span.start <= node.i < span.end:
                continue
            found = _report_at(node, child, ctx)
            if found[0] is not None:
                return found
    return None, None


def _report_at(node, child, ctx: _Context):
    """(cue, source) when ``node`` reports the clause that ``child`` heads."""
    if child.dep_ == "ccomp" and ctx.is_reporting(node, flag="indirect"):
        subject = _subject_of(node, ctx)
        if subject is not None:
            return node, subject
    if child.dep_ in ("acl", "ccomp") and node.pos_ == "NOUN" and _opens_with_that(child):
        if node.lemma_.lower() in speech_nouns():
            source = _noun_source(node, ctx)
            if source is not None:
                return node, source
    for aside in node.children:
        if aside.dep_ == "parataxis":
            subject = _speaking_subject(aside, ctx)
            if subject is not None and _set_off(aside, subject, ctx.doc):
                return aside, subject
    return None, None


CLAUSE_BOUNDARIES = ("relcl", "advcl", "acl", "pcomp", "csubj", "parataxis", "appos")


def _governing_cue(q: Quotation, ctx: _Context, *, any_verb: bool = False):
    """The verb outside the quote that the quoted words depend on, within their clause
    (so "promoting "quack" cures" in a relative clause is not credited to the main verb).

    With ``any_verb`` the first verb with a named or pronoun subject counts too
    ("Japan branded North Korea an "outlaw nation""); otherwise only reporting verbs.
    """
    span, roots = _first_fragment_roots(q, ctx)
    if span is None:
        return None
    for token in roots:
        head = token
        crossed_clause = False
        for _ in range(8):
            if head.head == head or crossed_clause:
                break
            if head.dep_ in CLAUSE_BOUNDARIES and not (span.start <= head.i < span.end):
                crossed_clause = True
            head = head.head
            if ctx.inside[head.i] or span.start <= head.i < span.end:
                continue
            if head.pos_ not in ("VERB", "AUX"):
                continue
            subject = _subject_of(head, ctx)
            if subject is None:
                continue
            if ctx.is_reporting(head):
                return head
            if any_verb and _names_someone(subject, ctx):
                return head
            if head.dep_ not in ("xcomp", "conj", "ccomp"):
                break
    return None


def _names_someone(token, ctx: _Context) -> bool:
    """Whether a subject token is a person or group: a pronoun or an entity mention."""
    if token.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
        return True
    return any(m.start <= token.idx < m.end for m in ctx.mentions)


def _content_words(text: str) -> list[str]:
    return [w for w in "".join(c if c.isalnum() else " " for c in text).split()]


def _classify(q: Quotation, ctx: _Context) -> tuple[str, str]:
    """('direct' | 'partial', why) from what surrounds and fills the quotation."""
    text = ctx.text
    inner = text[q.start + 1 : q.fragments[0][1] - 1].strip()
    words = _content_words(inner)
    paragraph_start = ctx.paragraphs[ctx.paragraph_index(q.start)][0]
    before = text[paragraph_start : q.start].rstrip()
    last = before[-1:] if before else ""
    opens_sentence = not before or last in ".!?:;" or last in DOUBLE_MARKS
    previous_word = before.split()[-1].lower() if before.split() else ""
    after_comma = last == "," and len(words) >= 4
    ends_clause = inner[-1:] in ".!?,"
    span = ctx.doc.char_span(q.start, q.fragments[0][1], alignment_mode="expand")
    has_verb = span is not None and any(
        t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBG", "VBN") for t in span
    )
    starts_upper = inner[:1].isupper()
    if len(q.fragments) > 1:
        return "direct", "several paragraphs"
    if (opens_sentence or after_comma) and (has_verb or len(words) >= 6):
        return "direct", "clause standing on its own"
    if previous_word in ("saying", "said", "says", "added", "asked") and has_verb:
        return "direct", "clause after a reporting verb"
    if previous_word == "that" and has_verb and starts_upper:
        return "direct", "clause after a reporting verb"
    if ends_clause and starts_upper and has_verb and len(words) >= 5 and opens_sentence:
        return "direct", "clause"
    return "partial", "fragment inside a sentence"


NAMING_VERBS = {"call", "name", "brand", "label", "term"}


def _skip_reason(q: Quotation, kind: str, ctx: _Context, has_cue: bool, cue) -> str:
    """Why a quotation quotes nobody (empty when it is a quote)."""
    text = ctx.text
    inner = text[q.start + 1 : q.end - 1].strip()
    words = _content_words(inner)
    raw_previous = text[max(0, q.start - 40) : q.start].split()
    if raw_previous and raw_previous[-1].lower().strip(",:") in NAMING_PARTICIPLES:
        return f"title or name: follows '{raw_previous[-1]}'"
    preceding = ctx.doc.char_span(max(0, q.start - 40), q.start, alignment_mode="contract")
    previous = [t for t in preceding if not t.is_space and t.text not in ",:"] if preceding else []
    if previous:
        word = previous[-1]
        # "the film "Casablanca"", "a book titled "..."" (but not the verb in 'show "restraint"')
        if word.lower_ in NAMING_PARTICIPLES or (
            word.lower_ in TITLE_CUES and word.pos_ in ("NOUN", "PROPN")
        ):
            return f"title or name: follows '{word.text}'"
    if not words:
        return "nothing between the marks"
    long_words = [w for w in words if len(w) > 3 and not w.isdigit()]
    naming = cue is not None and cue.lemma_.lower() in NAMING_VERBS
    if kind == "partial" and long_words and all(w[0].isupper() for w in long_words):
        span = ctx.doc.char_span(q.start, q.end, alignment_mode="expand")
        finite = span is not None and any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in span)
        if not finite and not naming:
            return "title or name: capitalised words with no verb"
    if kind == "partial" and not has_cue:
        return "scare quote or term: a fragment with no reporting verb or source nearby"
    if kind == "direct" and not has_cue and len(words) <= 3:
        return "too short to be a quote and nobody said it"
    return ""


def _trim_token_range(doc, start: int, end: int, *, trailing_conjunction: bool = False):
    """Token range ``start:end`` without punctuation or spaces at either end (and, with
    ``trailing_conjunction``, without a dangling "and"/"but" at its end)."""
    while end > start and (
        doc[end - 1].is_punct
        or doc[end - 1].is_space
        or (trailing_conjunction and doc[end - 1].dep_ == "cc")
    ):
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, end


def _content_end(clause, verbs) -> int:
    """Token index where the reported clause headed by ``clause`` ends: at a semicolon,
    before a coordinated report of the speaker's ("... and said she would") and before a
    trailing non-restrictive relative clause or apposition (", which opened in
    1990"), the journalist's addition rather than the speaker's words."""
    end = clause.right_edge.i + 1
    doc = clause.doc
    stop = next((t.i for t in doc[clause.left_edge.i : end] if t.text == ";"), None)
    if stop is not None:
        return stop  # "...; the vote is on Monday": a sentence of its own
    for child in clause.subtree:
        if child.i <= clause.i:
            continue
        if child.dep_ == "conj" and child.head == clause and _new_clause(child, verbs):
            return child.left_edge.i
        if _is_gloss(child) and child.right_edge.i + 1 >= end:
            end = min(end, child.left_edge.i)
            break
    return end


def _new_clause(verb, verbs) -> bool:
    """Whether a verb coordinated with the reported clause is a new report of the
    speaker's ("... and said she would") rather than more of the reported content ("said
    A and that B", "said A, but B")."""
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
        return False
    return verb.lemma_.lower() in verbs  # "... and said she would": the speaker again


def _is_gloss(token) -> bool:
    """A non-restrictive relative clause (", which ...", ", who ...") or an apposition
    (", the oldest firm in town") set off by a comma: the journalist's gloss."""
    first = token.left_edge
    before = first.doc[first.i - 1] if first.i > 0 else None
    if before is None or before.text != ",":
        return False
    if token.dep_ == "relcl":
        return first.lower_ in ("which", "who", "whose", "where")
    return token.dep_ == "appos"


@dataclass(frozen=True)
class _Report:
    """A stretch of reported speech found without quotation marks: tokens ``start:end``,
    the cue token, the token naming the source when the rule found it (else the cue's
    subject), how it was found, and whether the cue may sit inside the content (a
    parenthetical 'The plan, he said, will fail')."""

    start: int
    end: int
    cue: object
    source: object = None
    how: str = "clausal complement"
    cue_inside: bool = False


def _find_indirect(ctx: _Context, taken: list[tuple[int, int]]) -> list[_Found]:
    """Reported speech: clausal complements of reporting verbs flagged ``indirect`` (also
    after an object, "told reporters that"), parenthetical and trailing reporting clauses,
    clauses credited with "according to X" in any position, and "that"-clauses of speech
    nouns ("the claim that", "a report that") whose source is named."""
    found = []
    for finder in (_verb_reports, _according_to_reports, _noun_cue_reports):
        for report in finder(ctx):
            item = _accept_report(report, ctx, taken)
            if item is not None:
                found.append(item)
                taken.append((item.start, item.end))
    return found


def _accept_report(report: _Report, ctx: _Context, taken) -> _Found | None:
    """The report as a quote row, or None when it is too short, holds quotation marks,
    holds its own cue or overlaps a quote already found."""
    doc = ctx.doc
    start, end = _trim_token_range(doc, report.start, report.end, trailing_conjunction=True)
    if end - start < 4:
        return None
    span = doc[start:end]
    if any(ctx.inside[t.i] for t in span) or any(ch in span.text for ch in DOUBLE_MARKS):
        return None
    if not report.cue_inside and start <= report.cue.i < end:
        return None
    s, e = span.start_char, span.end_char
    if any(s < te and ts < e for ts, te in taken):
        return None
    found = _Found(s, e, "indirect", ((s, e),), cue=report.cue, debug=report.how)
    found.speaker_token = report.source or _subject_of(report.cue, ctx)  # type: ignore[attr-defined]
    return found


def _clause_start(token, ctx: _Context) -> int:
    """First token of the stretch of the sentence that ends at ``token`` without crossing a
    quotation or a line break: where a reported clause before its cue can begin."""
    doc = ctx.doc
    i = token.i
    sentence_start = token.sent.start
    while i > sentence_start:
        previous = doc[i - 1]
        if ctx.inside[previous.i] or "\n" in previous.text_with_ws or previous.is_space:
            break
        i -= 1
    return i


def _speaking_subject(token, ctx: _Context):
    """The subject of a reporting verb when it can be the source of reported speech."""
    if ctx.inside[token.i] or not ctx.is_reporting(token, flag="indirect"):
        return None
    if any(c.dep_ == "neg" for c in token.children):
        return None
    subject = _subject_of(token, ctx)
    if subject is None or subject.lower_ in FIRST_PERSON | {"you", "it"}:
        return None
    if _not_a_source(subject) and _look_through(subject, ctx) is None:
        if not any(c.dep_ == "appos" for c in subject.children):
            return None
    return subject


def _verb_reports(ctx: _Context):
    """Reported clauses of reporting verbs: complements ("X said the talks had failed",
    "X told reporters that ..."), clauses before the verb ("The talks failed, X said.") and
    parentheticals ("The talks, X said, had failed")."""
    for token in ctx.doc:
        subject = _speaking_subject(token, ctx)
        if subject is None:
            continue
        complements = [c for c in token.children if c.dep_ == "ccomp"] or _misattached(token)
        if complements:
            report = _complement_report(token, complements[0], subject, ctx)
        elif token.dep_ in ("ccomp", "parataxis") and token.head.i < token.i:
            report = _trailing_report(token, subject, ctx)
        elif token.dep_ in ("ccomp", "parataxis", "advcl"):
            report = _parenthetical_report(token, subject, ctx)
        else:
            report = None
        if report is not None:
            yield report


def _misattached(verb) -> list:
    """A "that"-clause the parser hung on the noun after the verb: 'says in a statement
    that ...', 'told reporters that ...'."""
    for child in verb.rights:
        nouns = [child] if child.dep_ in ("dobj", "npadvmod") else []
        if child.dep_ == "prep":
            nouns = [c for c in child.children if c.dep_ == "pobj"]
        for noun in nouns:
            for clause in noun.rights:
                if clause.dep_ in ("acl", "relcl", "ccomp") and _opens_with_that(clause):
                    return [clause]
    return []


def _complement_report(token, clause, subject, ctx: _Context) -> _Report | None:
    """'X said the talks had failed' / 'The talks had failed, X said.'"""
    if clause.pos_ not in ("VERB", "AUX"):
        return None
    start, end = clause.left_edge.i, _content_end(clause, ctx.verbs)
    if _set_off(token, subject, ctx.doc) and _clause_start(token, ctx) < subject.left_edge.i:
        # "The problem now, she told me, is that ..." parsed with the rest as complement.
        return _Report(_clause_start(token, ctx), end, token, how="parenthetical", cue_inside=True)
    if clause.i < token.i:
        # A clause before its verb is reported speech only when set off by a comma.
        between = ctx.doc[clause.right_edge.i + 1 : min(token.i, subject.left_edge.i)]
        if not any(t.text == "," for t in between):
            return None
        start = max(start, _clause_start(clause, ctx))
        end = min(end, subject.left_edge.i, token.i)
    return _Report(start, end, token)


def _trailing_report(token, subject, ctx: _Context) -> _Report | None:
    """'The plan will fail, he said.' parsed with the clause as the head."""
    head = token.head
    if ctx.inside[head.i] or head.pos_ not in ("VERB", "AUX"):
        return None
    start = max(head.left_edge.i, _clause_start(head, ctx))
    end = subject.left_edge.i if subject.i < token.i else token.i
    return _Report(start, end, token)


def _parenthetical_report(token, subject, ctx: _Context) -> _Report | None:
    """'Back then, X said, the plan was ...': the reporting clause set off by commas
    inside the reported sentence, which is the content (attribution included)."""
    head = token.head
    doc = ctx.doc
    if head.i <= token.i or ctx.inside[head.i] or head.pos_ not in ("VERB", "AUX"):
        return None
    if not _set_off(token, subject, doc):
        return None
    left = min(subject.left_edge.i, token.i)
    start = max(head.left_edge.i, _clause_start(head, ctx))
    if start >= left:
        return None
    return _Report(start, head.right_edge.i + 1, token, how="parenthetical", cue_inside=True)


def _set_off(token, subject, doc) -> bool:
    """Whether the reporting clause 'he said' / 'he told me on Friday' is set off by commas
    on both sides (a parenthetical inside the reported sentence)."""
    left, right = min(subject.left_edge.i, token.i), token.i
    for child in token.rights:
        if child.dep_ in ("ccomp", "conj", "cc"):
            break
        right = child.right_edge.i
    if left == 0 or doc[left - 1].text != "," or right + 1 >= len(doc):
        return False
    return doc[right].text == "," or doc[right + 1].text == ","


def _according_to_reports(ctx: _Context):
    """Clauses credited with 'according to X' before, after or inside them."""
    doc = ctx.doc
    for token in doc:
        if token.lower_ != "according" or ctx.inside[token.i]:
            continue
        source = _according_to([token])
        if source is None:
            continue
        sentence = token.sent
        phrase_end = source.right_edge.i + 1
        clause_start = _clause_start(token, ctx)
        if token.i == clause_start:
            start, end, inside = phrase_end, sentence.end, False
        elif phrase_end < sentence.end - 2 and doc[phrase_end].text == ",":
            # "The plan, according to officials, will fail."
            start, end, inside = clause_start, sentence.end, True
        else:
            start, end, inside = clause_start, token.i, False
        yield _Report(start, end, token, source, "according to", cue_inside=inside)


def _noun_cue_reports(ctx: _Context):
    """'that'-clauses of speech nouns whose source is named: "Grant's claim that ...",
    "a New York Times report that ...", "X issued a statement that ..."."""
    nouns = speech_nouns()
    for token in ctx.doc:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in nouns or ctx.inside[token.i]:
            continue
        clause = next(
            (c for c in token.rights if c.dep_ in ("acl", "ccomp") and _opens_with_that(c)),
            None,
        )
        if clause is None or clause.pos_ not in ("VERB", "AUX"):
            continue
        source = _noun_source(token, ctx)
        if source is None:
            continue
        end = _content_end(clause, ctx.verbs)
        yield _Report(clause.left_edge.i, end, token, source, "speech noun")


def _opens_with_that(clause) -> bool:
    first = clause.left_edge
    return first.lower_ == "that" and first.dep_ == "mark"


def _noun_source(noun, ctx: _Context):
    """Who a speech noun belongs to: its possessor ("his claim"), a name compounded with it
    ("a Times report"), "by/from X", or the subject of a verb that issues it ("X made the
    claim")."""
    for child in noun.lefts:
        if child.dep_ == "poss" and child.lower_ not in ("its", "my", "our", "your"):
            return child
        if child.dep_ == "compound" and child.pos_ == "PROPN":
            return child
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and _names_someone(objects[0], ctx):
                return objects[0]
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in statement_verbs():
        subject = _subject_of(verb, ctx)
        if subject is not None and subject.lower_ not in FIRST_PERSON | {"you", "it"}:
            return subject
    return None


def _word_list(name: str) -> frozenset[str]:
    return frozenset(line.lower() for _, line in read_data_lines(package_data(name)))


@functools.cache
def speech_nouns() -> frozenset[str]:
    """Nouns whose "that"-clause is reported speech (``data/speech_nouns.txt``)."""
    return _word_list("speech_nouns.txt")


@functools.cache
def statement_verbs() -> frozenset[str]:
    """Verbs whose subject is the source of the speech noun they take as object ("X made
    the claim that", ``data/statement_verbs.txt``)."""
    return _word_list("statement_verbs.txt")


def extract_quotes(
    doc,
    *,
    doc_id: str,
    mentions: pd.DataFrame | None = None,
    kinds: Iterable[str] = KINDS,
    reporting_verbs: dict[str, frozenset[str]] | None = None,
    skipped: bool = False,
) -> pd.DataFrame:
    """The quotes of one parsed document as ``quotes.csv`` rows (see DESIGN.md).

    Columns: :data:`QUOTE_COLUMNS`, then ``cue_start, cue_end`` (the cue's characters),
    ``speaker_label`` (the entity label of the speaker), ``fragments`` (``start-end`` per
    paragraph of a multi-paragraph quote, joined by ``;``) and ``debug`` (how the speaker
    was found, or why a quotation was skipped). Offsets are into ``doc.text``; quote spans
    include their marks. ``mentions`` is the document's entity mentions table (default:
    :func:`newslens.entities.extract_mentions`); speakers are linked to its ``entity``.
    ``kinds`` limits the output; ``reporting_verbs`` replaces the verb list (see
    :func:`load_reporting_verbs`); ``skipped=True`` also returns the quotation marks that
    quote nobody (scare quotes, titles), with an empty kind and the reason in ``debug``.
    """
    verbs = reporting_verbs if reporting_verbs is not None else load_reporting_verbs()
    if mentions is None:
        mentions = _default_mentions(doc, doc_id=doc_id)
    mention_list = _mention_list(doc, mentions)
    turns = _transcript_turns(doc.text, mention_list)
    quotations = _split_at_turns(find_quotations(doc.text), turns)
    ctx = _Context(doc, verbs, mention_list, quotations)
    results: list[_Found] = []
    for index, q in enumerate(quotations):
        results.append(_attribute_marked(q, index, ctx))
    results.extend(_unquoted_turns(turns, quotations))
    _credit_turns(results, turns)
    results.sort(key=lambda f: (f.start, f.end))
    results = _merge_listed_fragments(results, ctx)
    # A quotation with no speaker of its own, standing alone, continues the last speaker.
    _continue_speakers(results, ctx)
    taken = [(f.start, f.end) for f in results if not f.skipped]
    indirect = _find_indirect(ctx, taken)
    for found in indirect:
        found.speaker = _speaker_from_token(found.speaker_token, ctx, None)
    results.extend(indirect)
    results.sort(key=lambda f: (f.start, f.end))
    # Pronouns prefer the previous speaker: resolve in text order with that context.
    previous: _Speaker | None = None
    for found in results:
        if found.skipped:
            continue
        if found.speaker.how == "pronoun" and found.speaker.start is not None:
            token_span = ctx.doc.char_span(
                found.speaker.start, found.speaker.end, alignment_mode="expand"
            )
            if token_span is not None:
                found.speaker = _speaker_from_token(token_span.root, ctx, previous)
        if found.speaker.entity:
            previous = found.speaker
    wanted = set(kinds)
    rows = []
    number = 0
    for found in results:
        if found.skipped and not skipped:
            continue
        if not found.skipped and found.kind not in wanted:
            continue
        speaker = found.speaker
        cue = found.cue
        rows.append(
            {
                "doc_id": doc_id,
                "quote_id": number,
                "start": found.start,
                "end": found.end,
                "quote": ctx.text[found.start : found.end],
                "kind": "" if found.skipped else found.kind,
                "cue": cue.text if cue is not None else "",
                "speaker": speaker.text,
                "speaker_entity": speaker.entity,
                "speaker_start": speaker.start if speaker.start is not None else pd.NA,
                "speaker_end": speaker.end if speaker.end is not None else pd.NA,
                "sentence_id": ctx.sentence_id(found.start),
                "cue_start": cue.idx if cue is not None else pd.NA,
                "cue_end": cue.idx + len(cue) if cue is not None else pd.NA,
                "speaker_label": speaker.label,
                "fragments": ";".join(f"{s}-{e}" for s, e in found.fragments),
                "debug": found.debug + (f"; speaker: {speaker.how}" if speaker.how else ""),
            }
        )
        number += 1
    frame = pd.DataFrame(rows, columns=QUOTE_COLUMNS + EXTRA_COLUMNS)
    for column in ("speaker_start", "speaker_end", "cue_start", "cue_end"):
        frame[column] = frame[column].astype("Int64")
    return frame


# A speaker's label opening a transcript paragraph: "SMITH: ...", "Q: ...", "A: ...".
TURN_LABEL = re.compile(
    r"[ \t\"“]*(?P<label>Q|A|[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):[ \t]+(?=\S)"
)


@dataclass(frozen=True)
class _Turn:
    """One turn of an interview transcript: the label's characters, where the words start
    and end (the paragraph), and who speaks (a mention, or None for the interviewer)."""

    label_start: int
    label_end: int
    start: int
    end: int
    speaker: _Mention | None
    label: str = ""


def _transcript_turns(text: str, mentions: list[_Mention]) -> dict[int, _Turn]:
    """Transcript turns by the offset where their words start. A label is a turn only
    when it is the surname of a person named in the text ("SMITH:" after "Jane Smith") or
    Q/A; "A:" is the interviewee, the person named most often."""
    people = [m for m in mentions if m.label == "PERSON"]
    turns = {}
    for start, end in _paragraph_bounds(text):
        match = TURN_LABEL.match(text, start, end)
        if match is None:
            continue
        label = match.group("label")
        speaker = _label_speaker(label, people)
        if speaker is None and label != "Q":
            continue
        if label == "Q":
            continue  # the interviewer's question quotes no source
        words_end = end
        while words_end > match.end() and text[words_end - 1].isspace():
            words_end -= 1
        turns[match.end()] = _Turn(
            match.start("label"), match.end("label"), match.end(), words_end, speaker, label
        )
    return turns


def _label_speaker(label: str, people: list[_Mention]) -> _Mention | None:
    """The person a transcript label stands for."""
    if label == "A":
        counts: dict[str, int] = {}
        for mention in people:
            counts[mention.entity] = counts.get(mention.entity, 0) + 1
        if not counts:
            return None
        top = max(counts, key=lambda name: (counts[name], name))
        return next(m for m in people if m.entity == top)
    surname = label.split()[-1].lower()
    for mention in people:
        if mention.entity.lower().split()[-1:] == [surname]:
            return mention
    return None


def _split_at_turns(quotations: list[Quotation], turns: dict[int, _Turn]) -> list[Quotation]:
    """Quotations cut where a transcript turn begins: a quote that opens with "SMITH:" starts
    after the label, and a multi-paragraph one is cut at each new speaker's label."""
    if not turns:
        return quotations
    result = []
    for quotation in quotations:
        pieces: list[list[tuple[int, int]]] = []
        for s, e in quotation.fragments:
            turn = next((t for t in turns.values() if s <= t.label_start < t.start <= e), None)
            if turn is not None:
                pieces.append([(turn.start, e)])
            elif pieces:
                pieces[-1].append((s, e))
            else:
                pieces.append([(s, e)])
        for fragments in pieces:
            result.append(
                Quotation(fragments[0][0], fragments[-1][1], tuple(fragments), quotation.mark)
            )
    return result


def _unquoted_turns(turns: dict[int, _Turn], quotations: list[Quotation]) -> list[_Found]:
    """Transcript turns typed without quotation marks, as direct quotes."""
    found = []
    for turn in turns.values():
        if any(q.start <= turn.start < q.end for q in quotations):
            continue
        found.append(
            _Found(turn.start, turn.end, "direct", ((turn.start, turn.end),), debug="transcript")
        )
    return found


def _credit_turns(results: list[_Found], turns: dict[int, _Turn]) -> None:
    """The speaker of each quote that starts a transcript turn is the turn's label."""
    for found in results:
        turn = turns.get(found.start)
        if turn is None or turn.speaker is None:
            continue
        found.skipped, found.kind, found.cue = False, "direct", None
        found.debug = "transcript"
        found.speaker = _Speaker(
            turn.label_start,
            turn.label_end,
            turn.label,
            turn.speaker.entity,
            turn.speaker.label,
            "transcript label",
        )


def _attribute_marked(q: Quotation, index: int, ctx: _Context) -> _Found:
    """Kind, cue and speaker of one quotation in marks."""
    kind, why = _classify(q, ctx)
    paragraph = ctx.paragraphs[ctx.paragraph_index(q.start)]
    last_paragraph = ctx.paragraphs[ctx.paragraph_index(q.end)]
    previous_end = ctx.quotations[index - 1].end if index > 0 else 0
    next_start = (
        ctx.quotations[index + 1].start if index + 1 < len(ctx.quotations) else len(ctx.text)
    )
    found = _Found(q.start, q.end, kind, q.fragments, debug=why)
    cue = None
    speaker_token = None
    how = ""
    if kind == "partial":
        cue, speaker_token = _reporting_clause_cue(q, ctx)
        how = "reported clause" if cue is not None else ""
        if cue is None:
            cue = _governing_cue(q, ctx)
            how = "governing verb" if cue is not None else ""
        if cue is None and len(_content_words(ctx.text[q.start : q.end])) >= MIN_WORDS_WITHOUT_CUE:
            cue = _governing_cue(q, ctx, any_verb=True)
            how = "governing verb (not a reporting verb)" if cue is not None else ""
    after = _region_after(q, ctx, next_start, last_paragraph[1])
    before = _region_before(q, ctx, previous_end, paragraph[0])
    inner = ctx.text[q.fragments[-1][0] : q.end].rstrip("".join(ALL_MARKS) + " ")
    if cue is None and _introducing_verb(before, ctx, kind=kind) is not None:
        # 'Doe saying, "We will see," when Grant ...': the verb right before.
        cue, how = _introducing_verb(before, ctx, kind=kind), "verb before the quote"
    if cue is None:
        # '"...," she said.' / '"...?" he asked.' — not after a full stop inside the quote
        # unless the attribution continues in lower case.
        if after and (inner[-1:] not in "." or after[0].text[:1].islower()):
            cue = _cue_in(after, ctx, prefer="first")
            how = "verb after the quote" if cue is not None else ""
        elif after:
            # '"... by spring." Doe wrote.': a sentence that only attributes.
            cue = _bare_attribution(after, ctx)
            how = "attribution in the next sentence" if cue is not None else ""
    if cue is None and before:
        cue = _cue_in(before, ctx, prefer="last")
        how = "verb before the quote" if cue is not None else ""
    if cue is None and kind == "direct" and after and inner[-1:] in ",?!":
        cue = _adjacent_verb(after, ctx)
        how = "verb after the quote (not a reporting verb)" if cue is not None else ""
    if cue is None:
        source = _according_to(after) or _according_to(before)
        if source is not None:
            speaker_token, how = source, "according to"
            cue = source.head.head if source.head.head.lower_ == "according" else source.head
    if cue is None:
        credited = _dash_credit(q, ctx)
        if credited is not None:
            speaker_token, how = credited, "name after a dash"
    if cue is None and speaker_token is None and before and before[-1].text == ":":
        # 'Trump's response: "..."' / 'Jane Doe: "..."' — who the lead-in is about.
        speaker_token = _lead_in_speaker(before[:-1], ctx)
        how = "colon lead-in" if speaker_token is not None else ""
    if cue is None and speaker_token is None and not before and not after:
        # A quote filling its paragraph: introduced by the previous paragraph ending in ':'
        # or by a reporting verb in its last sentence.
        number = ctx.paragraph_index(q.start)
        if number > 0:
            prev_start, prev_end = ctx.paragraphs[number - 1]
            tail = ctx.text[prev_start:prev_end].rstrip()
            if tail.endswith(":"):
                tokens = ctx.tokens_between(max(prev_start, previous_end), prev_end)
                region = []
                for token in reversed(tokens[:-1]):
                    if token.text in SENTENCE_END:
                        break
                    region.append(token)
                region.reverse()
                cue = _cue_in(region, ctx, prefer="last")
                how = "verb in the paragraph before, ending with ':'" if cue is not None else ""
                if cue is None and region:
                    speaker_token = _lead_in_speaker(region, ctx)
                    how = "lead-in paragraph ending with ':'" if speaker_token is not None else ""
    if cue is not None and speaker_token is None:
        speaker_token = _subject_of(cue, ctx)
    found.cue = cue
    if speaker_token is not None:
        found.speaker = _speaker_from_token(speaker_token, ctx, None)
        found.speaker.how = f"{how}, {found.speaker.how}" if found.speaker.how != "named" else how
        if found.speaker.how.endswith("pronoun"):
            found.speaker.how = "pronoun"
    reason = _skip_reason(q, kind, ctx, has_cue=speaker_token is not None, cue=cue)
    if reason and not (kind == "direct" and not reason.startswith(("title", "nothing", "too"))):
        found.skipped = True
        found.debug = f"skipped: {reason}"
    return found


def _introducing_verb(before: list, ctx: _Context, *, kind: str = "direct"):
    """A verb with a subject right before the quote and its comma or colon ('..., saying,
    "..."', 'Doe asking, "..."'): a reporting verb, or before a direct quote any verb
    whose subject names someone ('Doe hit back, "..."')."""
    if len(before) < 2 or before[-1].text not in (",", ":"):
        return None
    verb = before[-2]
    if verb.pos_ in ("ADP", "ADV", "PART") and len(before) > 2:
        verb = before[-3]  # "hit back,"
    subject = _subject_of(verb, ctx)
    if subject is None:
        return None
    if ctx.is_reporting(verb):
        return verb
    if kind == "direct" and verb.pos_ == "VERB" and _names_someone(subject, ctx):
        return verb
    return None


def _bare_attribution(after: list, ctx: _Context):
    """A short sentence after a quote that only says who spoke ('Doe wrote.', 'Smith said
    on Tuesday.'): a reporting verb with a subject and no content of its own."""
    cue = _cue_in(after[:8], ctx, prefer="first")
    if cue is None or len(after) > 12:
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "dobj", "attr") for c in cue.children):
        return None
    subject = _subject_of(cue, ctx)
    return cue if subject is not None and subject.i < cue.i else None


def _adjacent_verb(after: list, ctx: _Context):
    """Any verb whose subject names someone right after a direct quote ('"...," she
    elaborated' / '"...," hit back Jones'): the attribution slot needs no listed verb."""
    for token in after[:4]:
        if token.pos_ == "VERB" and token.dep_ in ("ROOT", "parataxis", "ccomp"):
            subject = _subject_of(token, ctx)
            if subject is not None and _names_someone(subject, ctx):
                return token
            return None
    return None


def _lead_in_speaker(tokens: list, ctx: _Context):
    """Who a lead-in ending with ':' introduces: a name right before the colon ('Jane
    Doe:'), else the subject of the lead-in's main verb if it names someone."""
    if not tokens:
        return None
    last = tokens[-1]
    if last.pos_ == "PROPN" and _names_someone(last, ctx):
        return last
    inside = {t.i for t in tokens}
    for verb in tokens:
        if verb.pos_ not in ("VERB", "AUX") or verb.head.i in inside and verb.head != verb:
            continue
        subject = _subject_of(verb, ctx)
        if subject is not None and subject.i in inside and _can_introduce(subject, ctx):
            return subject
    # "Here's Doe in 1998:"
    named = [t for t in tokens if t.dep_ == "attr" and _names_someone(t, ctx)]
    return named[0] if named else None


def _can_introduce(subject, ctx: _Context) -> bool:
    """Whether a lead-in's subject names its source: someone named, or a document of
    someone's ("Doe's letter makes the case:")."""
    if _names_someone(subject, ctx):
        return True
    return subject.pos_ == "NOUN" and any(
        c.dep_ == "poss" and _names_someone(c, ctx) for c in subject.children
    )


def _skip_blanks(text: str, position: int) -> int:
    """The first position from ``position`` on that is not a space within the line (no-break
    spaces included)."""
    while position < len(text) and text[position].isspace() and text[position] != "\n":
        position += 1
    return position


def _dash_credit(q: Quotation, ctx: _Context):
    """The name in a byline-style credit right after a quote: '"..." ― Jane Doe'."""
    text = ctx.text
    position = _skip_blanks(text, q.end)
    if position >= len(text) or text[position] not in "―—–":
        return None
    position = _skip_blanks(text, position + 1)
    span = ctx.doc.char_span(position, min(position + 1, len(text)), alignment_mode="expand")
    if span is None:
        return None
    token = span[0]
    while (
        token.dep_ in ("compound", "flat") and token.head.i > token.i and token.head.pos_ == "PROPN"
    ):
        token = token.head
    ent = _entity_of(span[0])
    if ent is not None and ent.label_ in PERSON_LABELS + GROUP_LABELS:
        return ent.root
    return token if token.pos_ == "PROPN" and token.idx >= q.end else None


def _merge_listed_fragments(results: list[_Found], ctx: _Context) -> list[_Found]:
    """Partial quotes that one verb governs in one sentence ('called him a "liar," a
    "bully" and "sick"') are one act of quoting: one row from the first mark to the last."""
    merged: list[_Found] = []
    for found in results:
        last = merged[-1] if merged else None
        if (
            last is not None
            and not found.skipped
            and not last.skipped
            and found.kind == "partial"
            and last.kind == "partial"
            and found.cue is not None
            and last.cue is not None
            and found.cue.i == last.cue.i
            and ctx.sentence_id(found.start) == ctx.sentence_id(last.start)
            and _only_list_words_between(last.end, found.start, ctx)
        ):
            last.end = found.end
            last.fragments = ((last.start, found.end),)
            last.debug = "several fragments governed by one verb"
            continue
        merged.append(found)
    return merged


def _only_list_words_between(start: int, end: int, ctx: _Context) -> bool:
    """Whether the text between two quoted fragments only lists them ('a "liar," a "bully"
    and "sick"'): a few words, no verb and no sentence end."""
    if any(ch in ".!?\n" for ch in ctx.text[start:end]):
        return False
    tokens = ctx.tokens_between(start, end)
    words = [t for t in tokens if not t.is_punct]
    return len(words) <= 3 and not any(t.pos_ in ("VERB", "AUX") for t in words)


def _continue_speakers(results: list[_Found], ctx: _Context) -> None:
    """Give a speakerless direct quote the speaker of the quote before it when that one is
    at most :data:`PARAGRAPHS_TO_CONTINUE` paragraphs back (the floating-quote convention)."""
    last: _Found | None = None
    for found in results:
        if found.skipped:
            continue
        if found.speaker.start is None and not found.speaker.text and found.kind == "direct":
            introduced = _introduced_before(found, last, ctx)
            if introduced is not None:
                found.speaker = introduced
            elif last is not None:
                gap = ctx.paragraph_index(found.start) - ctx.paragraph_index(last.end)
                if gap <= PARAGRAPHS_TO_CONTINUE:
                    source = last.speaker
                    found.speaker = _Speaker(
                        source.start,
                        source.end,
                        source.text,
                        source.entity,
                        source.label,
                        "continues the previous quote's speaker",
                    )
                    found.cue = None
        if found.speaker.text:
            last = found


def _introduced_before(found: _Found, last: _Found | None, ctx: _Context) -> _Speaker | None:
    """The person a speakerless quote's preceding sentence is about, when that sentence
    introduces someone other than the last speaker ('His lawyer, Ana Ruiz, spoke
    next. "We will appeal."'): a reader takes the
    newcomer as the speaker rather than the earlier one."""
    paragraph = ctx.paragraph_index(found.start)
    start = ctx.paragraphs[max(paragraph - 1, 0)][0]
    if last is not None:
        start = max(start, last.end)
    tokens = ctx.tokens_between(start, found.start)
    while tokens and tokens[-1].is_space:
        tokens.pop()
    if not tokens or tokens[-1].text not in SENTENCE_END:
        return None
    sentence = tokens[-1].sent
    if sentence.start < tokens[0].i or ctx.inside[sentence.root.i]:
        return None
    subject = _subject_of(sentence.root, ctx)
    if subject is None or subject.pos_ not in ("PROPN", "NOUN"):
        return None
    speaker = _speaker_from_token(subject, ctx, None)
    if speaker.how != "named" or speaker.label != "PERSON":
        return None
    if last is not None and speaker.entity == last.speaker.entity:
        return None
    speaker.how = "subject of the sentence before"
    return speaker


# --- aggregates for the notebook ---------------------------------------------------------

NO_SPEAKER = "(no speaker)"


def speaker_name(quotes: pd.DataFrame) -> pd.Series:
    """Who each quote is credited to: the canonical entity, else the speaker's words as
    written (an unresolved pronoun or description), else ``(no speaker)``."""
    entity = quotes["speaker_entity"].fillna("").astype(str)
    written = quotes["speaker"].fillna("").astype(str)
    return entity.where(entity != "", written).where((entity != "") | (written != ""), NO_SPEAKER)


def top_speakers(quotes: pd.DataFrame, *, top_n: int = 20) -> pd.DataFrame:
    """Speakers ranked by number of quotes, with the words quoted and quotes per kind:
    ``speaker, resolved, quotes, words_quoted, direct, partial, indirect, documents``.

    Sorted by quotes, then words, then name, so ties come out the same every time.
    """
    columns = ["speaker", "resolved", "quotes", "words_quoted", *KINDS, "documents"]
    if quotes is None or not len(quotes):
        return pd.DataFrame(columns=columns)
    frame = quotes.assign(
        speaker_key=speaker_name(quotes),
        words=quotes["quote"].map(count_words),
        resolved=quotes["speaker_entity"].fillna("").astype(str) != "",
    )
    grouped = frame.groupby("speaker_key", sort=True)
    table = pd.DataFrame(
        {
            "speaker": list(grouped.groups),
            "resolved": grouped["resolved"].any().to_numpy(),
            "quotes": grouped.size().to_numpy(),
            "words_quoted": grouped["words"].sum().to_numpy(),
            "documents": grouped["doc_id"].nunique().to_numpy(),
        }
    )
    kinds = frame.pivot_table(
        index="speaker_key", columns="kind", values="quote_id", aggfunc="count", fill_value=0
    )
    for kind in KINDS:
        table[kind] = table["speaker"].map(kinds[kind] if kind in kinds else {}).fillna(0)
        table[kind] = table[kind].astype(int)
    table = table.sort_values(
        ["quotes", "words_quoted", "speaker"], ascending=[False, False, True], kind="stable"
    )
    return table[columns].head(top_n).reset_index(drop=True)


def kind_shares(quotes: pd.DataFrame) -> pd.DataFrame:
    """Quotes and words quoted per kind, with shares: ``kind, quotes, share, words_quoted``."""
    rows = []
    total = len(quotes) if quotes is not None else 0
    for kind in KINDS:
        part = quotes[quotes["kind"] == kind] if total else quotes
        count = len(part) if total else 0
        rows.append(
            {
                "kind": kind,
                "quotes": count,
                "share": count / total if total else 0.0,
                "words_quoted": int(part["quote"].map(count_words).sum()) if count else 0,
            }
        )
    return pd.DataFrame(rows, columns=["kind", "quotes", "share", "words_quoted"])


def speakers_by_document(
    quotes: pd.DataFrame, documents: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Quotes per speaker in each document, with the document's ``source`` and ``date``
    when the corpus has them: ``doc_id, source, date, speaker, quotes, kinds``."""
    columns = ["doc_id", "source", "date", "speaker", "quotes", "kinds"]
    if quotes is None or not len(quotes):
        return pd.DataFrame(columns=columns)
    frame = quotes.assign(speaker_key=speaker_name(quotes))
    table = (
        frame.groupby(["doc_id", "speaker_key"], sort=True)
        .agg(quotes=("quote_id", "count"), kinds=("kind", lambda k: ", ".join(sorted(set(k)))))
        .reset_index()
        .rename(columns={"speaker_key": "speaker"})
    )
    if documents is not None and len(documents):
        meta = documents[["doc_id", "source", "date"]].drop_duplicates("doc_id")
        table = table.merge(meta, on="doc_id", how="left")
    for column in ("source", "date"):
        if column not in table:
            table[column] = ""
    table = table.fillna({"source": "", "date": ""})
    table = table.sort_values(
        ["doc_id", "quotes", "speaker"], ascending=[True, False, True], kind="stable"
    )
    return table[columns].reset_index(drop=True)


def speaker_frames(quotes: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Which frame each speaker's quotes fall in: the frame of the sentence each quote
    starts in (``sentences.csv`` rows joined on ``doc_id, sentence_id``), counted per
    speaker: ``speaker, quotes, <one column per frame>``."""
    if quotes is None or not len(quotes) or sentences is None or not len(sentences):
        return pd.DataFrame(columns=["speaker", "quotes"])
    joined = quotes.assign(speaker_key=speaker_name(quotes)).merge(
        sentences[["doc_id", "sentence_id", "frame"]], on=["doc_id", "sentence_id"], how="left"
    )
    joined["frame"] = joined["frame"].fillna("neither")
    table = pd.crosstab(joined["speaker_key"], joined["frame"])
    table.insert(0, "quotes", table.sum(axis=1))
    table = table.reset_index().rename(columns={"speaker_key": "speaker"})
    table.columns.name = None
    return table.sort_values(
        ["quotes", "speaker"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)


def quote_highlights(quotes: pd.DataFrame) -> list:
    """:class:`newslens.display.Highlight` marks for one document's quotes (each labelled
    with its speaker and kind) and their speaker mentions."""
    from newslens.display import Highlight

    marks = []
    names = speaker_name(quotes) if len(quotes) else []
    for row, name in zip(quotes.itertuples(index=False), names, strict=True):
        cue = f", cue: {row.cue}" if row.cue else ""
        for piece in str(row.fragments).split(";"):
            start, end = (int(x) for x in piece.split("-"))
            marks.append(
                Highlight(start, end, "nl-quote", f"{name} ({row.kind})", f"{row.kind}{cue}")
            )
        if str(row.speaker_start) != "<NA>" and not pd.isna(row.speaker_start):
            start, end = int(row.speaker_start), int(row.speaker_end)
            if not any(m.start < end and start < m.end for m in marks):
                marks.append(Highlight(start, end, "nl-speaker", "", f"speaker: {name}"))
    return marks


def highlight_quotes(text: str, quotes: pd.DataFrame) -> str:
    """One article as escaped HTML with its quotes highlighted and labelled by speaker."""
    from newslens.display import HIGHLIGHT_CSS, highlight_text

    return HIGHLIGHT_CSS + highlight_text(text, quote_highlights(quotes))
