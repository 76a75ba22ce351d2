"""Speaker labels of a transcript ("TOM REYES: Thank you all."), per document. The tagger
reads a name in capitals before a colon badly: it tags half of it ("TOM"), or nothing. A
label that opens a paragraph is the person's name when the article also names that person
("Tom Reyes"); page furniture in capitals ("SPECIAL COVERAGE:", "FILE
PHOTO:") names no one the article names."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newslens.entities.mention import Mention
from newslens.entities.names import name_key

if TYPE_CHECKING:
    from newslens.types import Doc

__all__ = ["with_transcript_labels"]

MAX_LABEL_WORDS = 4  # words of a speaker label ("JOHN F. KENNEDY" is three)


def with_transcript_labels(
    doc: Doc, mentions: list[Mention], covered: list[int], texts: Sequence[str]
) -> list[Mention]:
    """``mentions`` with each speaker label of the document as one PERSON mention, in place
    of the mentions the tagger found inside it, named as the article writes the name in
    ordinary case ("Tom Reyes"); its tokens are marked ``covered``. ``texts``: the
    tokens' texts."""
    labels = _labels(texts)
    if not labels:
        return mentions
    # Each name as the article writes it in ordinary case, else in capitals.
    people = {
        m.name.lower(): m.name
        for m in sorted(mentions, key=lambda m: not m.name.isupper())
        if m.label == "PERSON"
    }
    kept = [(start, end) for start, end in labels if doc[start:end].text.lower() in people]
    if not kept:
        return mentions
    spans = [(doc[start].idx, doc[start].idx + len(doc[start:end].text)) for start, end in kept]
    result = [m for m in mentions if not any(m.start < e and s < m.end for s, e in spans)]
    for (start, end), (first, last) in zip(kept, spans, strict=True):
        text = doc[start:end].text
        name = people.get(text.lower(), name_key(text))
        result.append(Mention(first, last, start, name, "PERSON", "", end_token=end))
        covered[start:end] = [2] * (end - start)
    return sorted(result, key=lambda m: m.start)


def _labels(texts: Sequence[str]) -> list[tuple[int, int]]:
    """Token ranges of the words in capitals before a colon at the start of a paragraph
    (``texts``: the tokens' texts; a line break is a token of its own)."""
    found = []
    starts = [0, *(i + 1 for i, text in enumerate(texts) if "\n" in text)]
    for start in starts:
        end = start
        while end < len(texts) and end - start < MAX_LABEL_WORDS and _label_word(texts[end]):
            end += 1
        if start < end < len(texts) and texts[end] == ":":
            found.append((start, end))
    return found


def _label_word(text: str) -> bool:
    """A word of a speaker label: letters in capitals (an initial's period allowed)."""
    letters = text.rstrip(".")
    return (
        len(letters) > 1
        and letters.isalpha()
        and letters.isupper()
        or (len(text) == 2 and text[0].isupper() and text[1] == ".")
    )
