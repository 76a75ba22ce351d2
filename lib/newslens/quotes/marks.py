"""Quotation marks and their pairing: every stretch of raw text in quotation marks.

Marks are paired on the text, not the parse, paragraph by paragraph (a news paragraph is a
line): straight and curly double quotes, low-9 quotes and guillemets, and single quotes that
cannot be apostrophes. A quote left open at the end of a paragraph continues into the next
one when that paragraph opens with a mark (the newspaper convention for a quote running over
several paragraphs).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

__all__ = [
    "OPENING_DOUBLE",
    "CLOSING_DOUBLE",
    "AMBIGUOUS_DOUBLE",
    "OPENING_SINGLE",
    "CLOSING_SINGLE",
    "AMBIGUOUS_SINGLE",
    "DOUBLE_MARKS",
    "ALL_MARKS",
    "Quotation",
    "find_quotations",
    "paragraph_bounds",
]

# Double quotation marks that open, close, or may do either.
OPENING_DOUBLE = "“„‟«"
CLOSING_DOUBLE = "”»"
AMBIGUOUS_DOUBLE = '"'
OPENING_SINGLE = "‘‛"
CLOSING_SINGLE = "’"
AMBIGUOUS_SINGLE = "'"
DOUBLE_MARKS = OPENING_DOUBLE + CLOSING_DOUBLE + AMBIGUOUS_DOUBLE
ALL_MARKS = DOUBLE_MARKS + OPENING_SINGLE + CLOSING_SINGLE + AMBIGUOUS_SINGLE
HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,400}>")
# A quote continues into the next paragraph when that paragraph's first mark is this close to
# its start (after the indentation some texts keep).
CONTINUATION_SLACK = 2

type Pair = tuple[int, int]
"""Character offsets ``(open, close + 1)`` of one paired stretch, marks included."""


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


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
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


def _closes_word(before: str, after: str) -> bool:
    """Whether a mark between these characters stands at the end of a word, before a space
    or the end of the paragraph."""
    return not before.isspace() and before not in "([{" and after.isspace()


_SINGLE_MARK = re.compile(f"[{re.escape(OPENING_SINGLE + CLOSING_SINGLE + AMBIGUOUS_SINGLE)}]")
_DOUBLE_MARK = re.compile(f"[{re.escape(DOUBLE_MARKS)}]")


def _marks(
    text: str, start: int, end: int, marks: re.Pattern[str]
) -> Iterator[tuple[int, str, str, str]]:
    """Each mark of a paragraph with the characters before and after it (a space at the
    paragraph's edges): what every mark-pairing rule looks at. The rules ignore every other
    character, so only the marks are visited (found by a regex, not a Python loop)."""
    for match in marks.finditer(text, start, end):
        i = match.start()
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        yield i, text[i], before, after


def _elides_century(text: str, i: int) -> bool:
    """Whether the single mark at ``i`` stands for a year's century ("in ‘08", "the ‘90s"),
    typed with an opening mark as often as with an apostrophe: two digits and no third."""
    return text[i + 1 : i + 3].isdigit() and not text[i + 3 : i + 4].isdigit()


def _pair_single_marks(text: str, start: int, end: int) -> tuple[list[Pair], int | None]:
    """Single quotes in ``text[start:end]``, which must not be taken for apostrophes (don't,
    Rome's, leaders'): the pairs and the position of a mark left open."""
    opening = OPENING_SINGLE + AMBIGUOUS_SINGLE
    closing = CLOSING_SINGLE + AMBIGUOUS_SINGLE
    pairs: list[Pair] = []
    open_at: int | None = None
    for i, character, before, after in _marks(text, start, end, _SINGLE_MARK):
        if _is_word_char(before) and _is_word_char(after):
            continue
        if open_at is None:
            if character in opening and _opens_word(before, after) and not _elides_century(text, i):
                open_at = i
        elif character in closing and not before.isspace() and not _is_word_char(after):
            pairs.append((open_at, i + 1))
            open_at = None
    return pairs, open_at


def _pair_double_marks(text: str, start: int, end: int) -> tuple[list[Pair], int | None]:
    """Double marks in the paragraph ``text[start:end]``: the pairs and the position of a
    mark left open. In a paragraph typeset with curly quotes a straight one is a stray and
    pairs by the curly rules."""
    if any(mark in text[start:end] for mark in "“”"):
        return _pair_curly_text(text, start, end)
    return _pair_straight_text(text, start, end)


def _pair_straight_text(text: str, start: int, end: int) -> tuple[list[Pair], int | None]:
    """Double marks in a paragraph typed with straight quotes (curly ones pair as usual)."""
    pairs: list[Pair] = []
    open_at: int | None = None
    for i, character, before, after in _marks(text, start, end, _DOUBLE_MARK):
        if character in OPENING_DOUBLE:
            if open_at is None:
                open_at = i
        elif character in CLOSING_DOUBLE:
            if open_at is not None:
                pairs.append((open_at, i + 1))
                open_at = None
        elif character in AMBIGUOUS_DOUBLE:
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


def _pair_curly_text(text: str, start: int, end: int) -> tuple[list[Pair], int | None]:
    """Double marks in a paragraph typeset with curly quotes. A straight mark there opens at
    the start of a word and closes at the end of one ('"a few more days” before'); a quote of
    the other type inside an open one is nested ('"... “fair play” ..."'); a closing
    mark at the start of a word opens a quote ('”What ...”') and an opening mark at the end
    of one closes it ('"... for her here,“ said Jim Clyburn')."""
    pairs: list[Pair] = []
    open_at: int | None = None
    nested = 0
    for i, character, before, after in _marks(text, start, end, _DOUBLE_MARK):
        starts_word = _opens_word(before, after)
        if open_at is None:
            if character in OPENING_DOUBLE or (character in CLOSING_DOUBLE + '"' and starts_word):
                open_at, nested = i, 0
            continue
        straight_open = text[open_at] == '"'
        if (character == '"') != straight_open and (character in OPENING_DOUBLE or starts_word):
            nested += 1  # a quote of the other type inside this one
        elif (
            character in CLOSING_DOUBLE
            or (character == '"' and not before.isspace())
            or (character in OPENING_DOUBLE and _closes_word(before, after))
        ):
            if nested and (character == '"') != straight_open:
                nested -= 1
            else:
                pairs.append((open_at, i + 1))
                open_at = None
    return pairs, open_at


@dataclass
class _Collector:
    """The quotations found so far and the fragments of a quote still open at the end of the
    last paragraph (a multi-paragraph quote in the making)."""

    text: str
    found: list[Quotation] = field(default_factory=list)
    pending: list[Pair] = field(default_factory=list)

    def add(self, fragments: list[Pair]) -> None:
        self.found.append(_quotation(self.text, fragments))

    def close_pending(self) -> None:
        """End the open multi-paragraph quote (if any) where its last fragment ended."""
        if self.pending:
            self.add(self.pending)
            self.pending = []


def find_quotations(text: str) -> list[Quotation]:
    """Every stretch of ``text`` in quotation marks, outermost only, in text order.

    Double marks (straight ``"``, curly, low-9 and guillemets) are paired within each
    paragraph; a quote left open at the end of a paragraph continues into the next one when
    that paragraph opens with a mark (the newspaper convention for multi-paragraph quotes),
    and otherwise ends with its paragraph. Single marks are paired only outside double
    quotes and only where they cannot be apostrophes; single quotes inside double quotes are
    nested quotes and stay part of the outer quotation.
    """
    # Markup left in the text (<tweet author="...">) holds no quotes: blank it out, keeping
    # every offset.
    text = HTML_TAG.sub(lambda m: " " * len(m.group()), text)
    collector = _Collector(text)
    for line_start, line_end in paragraph_bounds(text):
        pairs, left_open = _pair_double_marks(text, line_start, line_end)
        _add_double_quotes(collector, line_start, line_end, pairs, left_open)
        collector.found.extend(_single_quotes_outside(text, line_start, line_end, pairs, left_open))
    collector.close_pending()
    found = sorted(collector.found, key=lambda q: (q.start, q.end))
    return [q for q in found if q.end - q.start > 2]


def _add_double_quotes(
    collector: _Collector, line_start: int, line_end: int, pairs: list[Pair], left_open: int | None
) -> None:
    """Add one paragraph's double-quoted stretches: a pair or an open mark at the start of
    the paragraph continues a quote left open before it; any other mark ends that quote; a
    mark left open at the end starts (or continues) a multi-paragraph quote."""
    text = collector.text
    near_start = line_start + CONTINUATION_SLACK
    opens_with_mark = text[line_start:line_end].lstrip()[:1] in OPENING_DOUBLE + AMBIGUOUS_DOUBLE
    continued_by_pair = opens_with_mark and bool(pairs) and pairs[0][0] <= near_start
    continued_by_open_mark = opens_with_mark and left_open is not None and not pairs
    if not (continued_by_pair or continued_by_open_mark):
        collector.close_pending()
    pieces = list(pairs)
    if collector.pending and pieces and pieces[0][0] <= near_start:
        collector.pending.append(pieces.pop(0))
        collector.close_pending()
    for piece in pieces:
        collector.add([piece])
    if left_open is None:
        return
    end = line_end
    while end > left_open and text[end - 1].isspace():
        end -= 1
    if collector.pending and left_open <= near_start:
        collector.pending.append((left_open, end))
    else:
        collector.close_pending()
        collector.pending = [(left_open, end)]


def _single_quotes_outside(
    text: str, line_start: int, line_end: int, pairs: list[Pair], left_open: int | None
) -> list[Quotation]:
    """Single-quoted stretches of a paragraph outside its double quotes (those inside are
    nested quotes, part of the outer one), longer than a lone character in marks."""
    covered = list(pairs) + ([(left_open, line_end)] if left_open is not None else [])
    found: list[Quotation] = []
    cursor = line_start
    for start, end in sorted(covered) + [(line_end, line_end)]:
        singles, _ = _pair_single_marks(text, cursor, start)
        found.extend(_quotation(text, [piece]) for piece in singles if piece[1] - piece[0] > 3)
        cursor = max(cursor, end)
    return found


def _quotation(text: str, fragments: list[Pair]) -> Quotation:
    return Quotation(
        start=fragments[0][0],
        end=fragments[-1][1],
        fragments=tuple(fragments),
        mark=text[fragments[0][0]],
    )
