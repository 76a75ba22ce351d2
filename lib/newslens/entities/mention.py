"""One mention while a document is being read, and fast access to the document's tokens."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newslens.types import Doc


@dataclass
class Mention:
    """A mention found in one document: character offsets, first token, the name as
    compared, its label (and the pipeline's), the role before it, the entity it is linked
    to and by which rule (``linked_by``). ``surname_use`` (read only for GPE mentions): the
    name is used the way a person's surname is (see
    :func:`~newslens.entities.normalise.used_as_surname`)."""

    start: int
    end: int
    token: int
    name: str
    label: str
    ner_label: str
    role: str = ""
    entity: str = ""
    linked_by: str = "name"
    surname_use: bool = False
    end_token: int = -1


_STRINGS: dict[int, str] = {}


def token_strings(doc: Doc) -> list[str]:
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


def span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text`` without building the ``Span``: slicing a ``Doc`` costs about
    ten times reading a token, and names are read from token ranges tens of thousands of
    times per run."""
    end = min(end, len(doc))
    if end - start == 1:
        return doc[start].text
    if end <= start:
        return ""
    return "".join([doc[i].text_with_ws for i in range(start, end - 1)]) + doc[end - 1].text


def char_text(doc: Doc, start: int, end: int) -> str:
    """``doc.text[start:end]`` without rebuilding the whole text (``Doc.text`` joins every
    token on each access)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return doc.text[start:end]
    text = span_text(doc, span.start, span.end)
    return text[start - span.start_char : end - span.start_char]


# A line of at most this many words, nearly all capitalised, is a headline.
_MAX_HEADLINE_WORDS = 16
_HEADLINE_CAPITALISED = 0.75
_HEADLINE_REACH = 4 * _MAX_HEADLINE_WORDS  # tokens looked at on each side of a token


def in_headline(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is on a line of its own written in title case: a headline or a
    subheading ("Rubio Wrong on Illegal Immigration")."""
    start = i
    while start > max(0, i - _HEADLINE_REACH) and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    end = i
    last = min(len(doc) - 1, i + _HEADLINE_REACH)
    while end < last and "\n" not in doc[end].text_with_ws:
        end += 1
    words = [t.text for t in doc[start : end + 1] if t.is_alpha and len(t.text) > 3]
    if not words or len(words) > _MAX_HEADLINE_WORDS:
        return False
    return sum(w[:1].isupper() for w in words) >= _HEADLINE_CAPITALISED * len(words)
