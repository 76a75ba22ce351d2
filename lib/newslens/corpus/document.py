"""One article: its text, where it came from, and the hash that identifies the text."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property

from newslens.text import count_words

__all__ = ["Document", "text_sha256"]


def text_sha256(text: str) -> str:
    """The sha256 of a text's UTF-8 bytes: the identity of a document's content.

    Lone surrogates (possible in JSON input) are hashed as escapes rather than failing."""
    return hashlib.sha256(text.encode("utf-8", "backslashreplace")).hexdigest()


@dataclass(frozen=True)
class Document:
    """One article: its text, where it came from, and the hash that identifies the text."""

    doc_id: str
    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    path: str = ""
    sha256: str = field(default="")

    def __post_init__(self) -> None:
        if not self.sha256:
            object.__setattr__(self, "sha256", text_sha256(self.text))

    @cached_property
    def words(self) -> int:
        """Word count (runs of word characters): the zero-word check, the run's words/s and
        the documents table all read it, so it is counted once per document."""
        return count_words(self.text)
