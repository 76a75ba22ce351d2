"""Plain-text articles (``.txt``, ``.md``): one article per file, in any encoding
:func:`~newslens.corpus.decoding.decode_bytes` reads."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newslens.corpus.decoding import decode_bytes, normalise
from newslens.corpus.document import Document
from newslens.corpus.files import Item, read_bytes

__all__ = ["read_text_file"]


def read_text_file(path: Path, doc_id: str) -> Iterator[Item]:
    """A text file as one document (any encoding :func:`decode_bytes` reads)."""
    text = normalise(decode_bytes(read_bytes(path), path=path))
    yield Document(doc_id=doc_id, text=text, path=str(path)), None
