"""What every reader shares: the suffixes newslens reads, ids from file names, and raw bytes.

A reader (one per format, :mod:`newslens.corpus.formats`) yields :data:`Item` s:
``(Document, location)`` pairs (location: ``"line 3"``, ``"row 2 (line 4)"``, or None for a
one-article file), or a :class:`~newslens.corpus.errors.CorpusError` for a row it cannot use
(the caller decides whether that stops the corpus); it raises ``CorpusError`` when the whole
file is unusable.
"""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from newslens.corpus.document import Document
from newslens.corpus.errors import CorpusError

__all__ = [
    "HTML_SUFFIXES",
    "Item",
    "SUPPORTED_SUFFIXES",
    "TABLE_SUFFIXES",
    "TEXT_SUFFIXES",
    "open_maybe_gzip",
    "read_bytes",
    "stem",
    "suffix",
]

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
TABLE_SUFFIXES = (".csv", ".jsonl", ".parquet", ".csv.gz", ".jsonl.gz")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + TABLE_SUFFIXES

type Item = tuple[Document, str | None] | CorpusError
"""What a reader yields: a document and where it is in the file, or a row's error."""


def suffix(path: Path) -> str:
    """The recognised suffix of a path, including double suffixes such as ``.jsonl.gz``."""
    name = path.name.lower()
    for known in sorted(SUPPORTED_SUFFIXES, key=len, reverse=True):
        if name.endswith(known):
            return known
    return path.suffix.lower()


def stem(path: Path) -> str:
    """The file name without its recognised suffix (``a.jsonl.gz`` -> ``a``)."""
    name = path.name
    known = suffix(path)
    return name[: -len(known)] if known and name.lower().endswith(known) else path.stem


def open_maybe_gzip(path: Path) -> io.BufferedIOBase:
    """The file's bytes, decompressed when its name ends with ``.gz``."""
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")


def read_bytes(path: Path) -> bytes:
    """The whole file's bytes (decompressed)."""
    with open_maybe_gzip(path) as handle:
        return handle.read()
