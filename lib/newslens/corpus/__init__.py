"""Read news articles into :class:`Document` objects.

A corpus is a file, a folder, a glob, or a table:

* ``.txt`` / ``.md``: one article per file. Encodings: UTF-8 (with or without BOM), UTF-16
  and UTF-32 (with or without BOM), cp1252 / latin-1, else charset-normalizer's best guess
  (:mod:`~newslens.corpus.text_reader`, :mod:`~newslens.corpus.decoding`);
* ``.html`` / ``.htm``: one article per file, reduced to its main text with trafilatura
  (:mod:`~newslens.corpus.html_reader`);
* ``.csv``, ``.jsonl``, ``.parquet`` (and ``.csv.gz``, ``.jsonl.gz``): one article per row,
  with a ``text`` column and optional ``id, title, date, source, url``
  (:mod:`~newslens.corpus.csv_reader`, :mod:`~newslens.corpus.jsonl_reader`,
  :mod:`~newslens.corpus.parquet_reader`, rows by :mod:`~newslens.corpus.rows`).

Every document gets a stable ``doc_id`` (the ``id`` column, else the file name, else the
file name and row number) and the sha256 of its text, so any number in any table can be
traced back to the exact text it came from.

Problems are named, never silent. Anything that cannot be read is a :class:`CorpusError`
whose one-line message names the file, the row or line, and the whole reason. With
``on_error="stop"`` (the default) the first one is raised; with ``on_error="skip"`` the file,
row or document is left out and recorded in :attr:`Corpus.skipped`. Exact duplicate texts
are always left out, with a :class:`CorpusWarning`, and recorded there too. Files a folder
or glob holds in formats newslens does not read are listed in :attr:`Corpus.unread`.

A :class:`Corpus` (:mod:`~newslens.corpus.stream`) streams: iterating it reads the files
again, so a corpus of tens of thousands of articles never has to sit in memory as a whole.
Article length is not limited here (splitting very long articles for the parser is the parse
layer's job).
"""

from newslens.corpus.decoding import decode_bytes
from newslens.corpus.document import Document, text_sha256
from newslens.corpus.errors import CorpusError, CorpusWarning, Skipped, format_skipped
from newslens.corpus.files import (
    HTML_SUFFIXES,
    SUPPORTED_SUFFIXES,
    TABLE_SUFFIXES,
    TEXT_SUFFIXES,
)
from newslens.corpus.rows import METADATA_COLUMNS
from newslens.corpus.stream import (
    ON_ERROR_CHOICES,
    Corpus,
    OnError,
    format_unread,
    load_documents,
    read_corpus,
)

__all__ = [
    "CorpusError",
    "CorpusWarning",
    "Document",
    "Skipped",
    "Corpus",
    "OnError",
    "read_corpus",
    "load_documents",
    "decode_bytes",
    "format_skipped",
    "format_unread",
    "text_sha256",
    "METADATA_COLUMNS",
    "ON_ERROR_CHOICES",
    "TEXT_SUFFIXES",
    "HTML_SUFFIXES",
    "TABLE_SUFFIXES",
    "SUPPORTED_SUFFIXES",
]
