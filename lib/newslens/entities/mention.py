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
