"""Read news articles into :class:`Document` objects.

A corpus is a file, a folder, a glob, or a table:

* ``.txt`` / ``.md``: one article per file, encoding detected (UTF-8 first, then
  charset-normalizer's best guess);
* ``.html`` / ``.htm``: one article per file, reduced to its main text with trafilatura;
* ``.csv``, ``.jsonl``, ``.parquet`` (and ``.csv.gz``, ``.jsonl.gz``): one article per row,
  with a ``text`` column and optional ``id, title, date, source, url``.

Every document gets a stable ``doc_id`` (the ``id`` column, else the file name, else the
file name and row number) and the sha256 of its text, so any number in any table can be
traced back to the exact text it came from. Exact duplicate texts are dropped with a
warning. Anything that cannot be read raises :class:`CorpusError` naming the file and
the reason.

A :class:`Corpus` streams: iterating it reads the files again, so a corpus of tens of
thousands of articles never has to sit in memory as a whole.
"""

from __future__ import annotations

import glob
import gzip
import hashlib
import io
import json
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

__all__ = [
    "CorpusError",
    "Document",
    "Corpus",
    "read_corpus",
    "load_documents",
    "TEXT_SUFFIXES",
    "HTML_SUFFIXES",
    "TABLE_SUFFIXES",
]

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
TABLE_SUFFIXES = (".csv", ".jsonl", ".parquet", ".csv.gz", ".jsonl.gz")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + TABLE_SUFFIXES
METADATA_COLUMNS = ("id", "title", "date", "source", "url")
_WORD = re.compile(r"\w+")


class CorpusError(ValueError):
    """An input that cannot become a document; the message names the file and the reason."""

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


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

    def __post_init__(self):
        if not self.sha256:
            object.__setattr__(self, "sha256", text_sha256(self.text))

    @property
    def words(self) -> int:
        """Word count (runs of word characters), the measure used for the zero-word check."""
        return len(_WORD.findall(self.text))


def text_sha256(text: str) -> str:
    """The sha256 of a text's UTF-8 bytes: the identity of a document's content."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def file_sha256(path: str | Path) -> str:
    """The sha256 of a file's bytes, for the run manifest."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _suffix(path: Path) -> str:
    """The recognised suffix of a path, including double suffixes such as ``.jsonl.gz``."""
    name = path.name.lower()
    for suffix in sorted(SUPPORTED_SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


def _decode(data: bytes, path: Path) -> str:
    """Bytes to text: UTF-8 (with or without BOM) first, then the detected encoding."""
    if not data.strip():
        raise CorpusError(path, "empty file")
    if b"\x00" in data[:8192]:
        raise CorpusError(path, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise CorpusError(path, "unreadable encoding (not UTF-8 and no other encoding fits)")
    return str(best)


def _normalise(text: str) -> str:
    """Line endings to LF and no-break spaces to spaces; offsets refer to this text."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").strip()


def _clean(value) -> str | None:
    """A metadata cell as text, or None when missing."""
    if value is None:
        return None
    if isinstance(value, float) and pd.isna(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    text = str(value).strip()
    return text or None


def _read_text_file(path: Path, doc_id: str) -> Document:
    text = _normalise(_decode(path.read_bytes(), path))
    return Document(doc_id=doc_id, text=text, path=str(path))


def _read_html_file(path: Path, doc_id: str) -> Document:
    import trafilatura

    html = _decode(path.read_bytes(), path)
    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_precision=True
    )
    if not text or not text.strip():
        raise CorpusError(path, "no article text found in the HTML")
    meta = trafilatura.extract_metadata(html)
    return Document(
        doc_id=doc_id,
        text=_normalise(text),
        title=_clean(getattr(meta, "title", None)),
        date=_clean(getattr(meta, "date", None)),
        source=_clean(getattr(meta, "sitename", None)),
        url=_clean(getattr(meta, "url", None)),
        path=str(path),
    )


def _open_maybe_gzip(path: Path) -> io.BufferedIOBase:
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")


def _table_row_document(row: dict, path: Path, row_number: int) -> Document:
    if "text" not in row:
        raise CorpusError(path, f"row {row_number} has no 'text' field")
    text = row["text"]
    if text is None or (isinstance(text, float) and pd.isna(text)):
        text = ""
    row_id = _clean(row.get("id"))
    doc_id = row_id if row_id is not None else f"{_stem(path)}:{row_number}"
    return Document(
        doc_id=doc_id,
        text=_normalise(str(text)),
        title=_clean(row.get("title")),
        date=_clean(row.get("date")),
        source=_clean(row.get("source")),
        url=_clean(row.get("url")),
        path=f"{path}#{row_number}",
    )


def _iter_jsonl(path: Path) -> Iterator[Document]:
    with _open_maybe_gzip(path) as handle:
        try:
            first = handle.read(8192)
        except (OSError, EOFError) as error:
            raise CorpusError(path, f"not a readable gzip file ({error})") from None
        if not first.strip():
            raise CorpusError(path, "empty file")
        if b"\x00" in first:
            raise CorpusError(path, "binary file (contains NUL bytes), not JSON lines")
        stream = io.TextIOWrapper(io.BufferedReader(_Prepend(first, handle)), encoding="utf-8")
        row_number = 0
        try:
            for line in stream:
                if not line.strip():
                    continue
                row_number += 1
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as error:
                    raise CorpusError(
                        path, f"line {row_number} is not JSON ({error.msg})"
                    ) from None
                if not isinstance(row, dict):
                    raise CorpusError(path, f"line {row_number} is not a JSON object")
                if row_number == 1 and "text" not in row:
                    raise CorpusError(path, "table has no 'text' column")
                yield _table_row_document(row, path, row_number)
        except UnicodeDecodeError:
            raise CorpusError(path, "unreadable encoding (JSON lines must be UTF-8)") from None


class _Prepend(io.RawIOBase):
    """A raw stream that yields some already-read bytes before the rest of a stream."""

    def __init__(self, head: bytes, rest):
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _iter_csv(path: Path) -> Iterator[Document]:
    with _open_maybe_gzip(path) as handle:
        data = handle.read()
    text = _decode(data, path)
    try:
        reader = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, chunksize=2000)
        row_number = 0
        for chunk in reader:
            if "text" not in chunk.columns:
                raise CorpusError(path, "table has no 'text' column")
            for row in chunk.to_dict("records"):
                row_number += 1
                yield _table_row_document(row, path, row_number)
    except pd.errors.ParserError as error:
        raise CorpusError(path, f"not a readable CSV table ({error})") from None
    except pd.errors.EmptyDataError:
        raise CorpusError(path, "empty file") from None


def _iter_parquet(path: Path) -> Iterator[Document]:
    import pyarrow.parquet as pq

    if path.stat().st_size == 0:
        raise CorpusError(path, "empty file")
    try:
        parquet = pq.ParquetFile(path)
    except Exception as error:  # pyarrow raises several types for a bad file
        raise CorpusError(path, f"not a readable Parquet file ({error})") from None
    if "text" not in parquet.schema_arrow.names:
        raise CorpusError(path, "table has no 'text' column")
    columns = [c for c in ("text", *METADATA_COLUMNS) if c in parquet.schema_arrow.names]
    row_number = 0
    for batch in parquet.iter_batches(batch_size=2000, columns=columns):
        for row in batch.to_pylist():
            row_number += 1
            yield _table_row_document(row, path, row_number)


def _stem(path: Path) -> str:
    name = path.name
    suffix = _suffix(path)
    return name[: -len(suffix)] if suffix and name.lower().endswith(suffix) else path.stem


def _iter_file(path: Path, doc_id: str) -> Iterator[Document]:
    suffix = _suffix(path)
    if suffix in TEXT_SUFFIXES:
        yield _read_text_file(path, doc_id)
    elif suffix in HTML_SUFFIXES:
        yield _read_html_file(path, doc_id)
    elif suffix in (".jsonl", ".jsonl.gz"):
        yield from _iter_jsonl(path)
    elif suffix in (".csv", ".csv.gz"):
        yield from _iter_csv(path)
    elif suffix == ".parquet":
        yield from _iter_parquet(path)
    else:
        raise CorpusError(path, f"unsupported file type '{suffix or path.name}'")


def _expand(spec: str | Path) -> tuple[list[Path], Path | None]:
    """The files a corpus spec names, sorted, and the folder doc ids are relative to."""
    spec_text = str(spec)
    path = Path(spec_text).expanduser()
    if path.is_file():
        return [path], None
    if path.is_dir():
        files = sorted(
            p
            for p in path.rglob("*")
            if p.is_file() and not p.name.startswith(".") and _suffix(p) in SUPPORTED_SUFFIXES
        )
        if not files:
            raise CorpusError(
                path, "folder holds no readable files (" + ", ".join(SUPPORTED_SUFFIXES) + ")"
            )
        return files, path
    if glob.has_magic(spec_text):
        files = sorted(Path(p) for p in glob.glob(spec_text, recursive=True) if Path(p).is_file())
        if not files:
            raise CorpusError(spec_text, "glob matches no files")
        return files, None
    raise CorpusError(spec_text, "no such file or folder")


def _file_doc_id(path: Path, root: Path | None) -> str:
    if root is None:
        return _stem(path)
    relative = path.relative_to(root)
    return str(relative.parent / _stem(path)) if relative.parent != Path(".") else _stem(path)


class Corpus:
    """A re-iterable stream of :class:`Document` s read from a file, folder, glob or table.

    Iterating validates as it goes: an unreadable file or a document with no words raises
    :class:`CorpusError`; an exact duplicate of an earlier text is skipped with a warning.
    """

    def __init__(self, spec: str | Path):
        self.spec = str(spec)
        self.files, self.root = _expand(spec)

    def __iter__(self) -> Iterator[Document]:
        seen: dict[str, str] = {}
        ids: set[str] = set()
        for path in self.files:
            for document in _iter_file(path, _file_doc_id(path, self.root)):
                if document.words == 0:
                    where = document.path or str(path)
                    raise CorpusError(where, "document has zero words")
                if document.sha256 in seen:
                    warnings.warn(
                        f"{document.path}: exact duplicate of document '{seen[document.sha256]}',"
                        " skipped",
                        stacklevel=2,
                    )
                    continue
                if document.doc_id in ids:
                    raise CorpusError(document.path, f"duplicate document id '{document.doc_id}'")
                seen[document.sha256] = document.doc_id
                ids.add(document.doc_id)
                yield document

    def file_hashes(self) -> list[dict]:
        """Each input file with its size and sha256, for the run manifest."""
        return [
            {"path": str(p), "bytes": p.stat().st_size, "sha256": file_sha256(p)}
            for p in self.files
        ]

    def validate(self) -> int:
        """Read every document once (raising :class:`CorpusError` on the first problem) and
        return how many there are."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return sum(1 for _ in self)

    def __repr__(self) -> str:
        return f"Corpus({self.spec!r}, files={len(self.files)})"


def read_corpus(spec: str | Path) -> Corpus:
    """Open a corpus (file, folder, glob or table) for streaming; raises :class:`CorpusError`
    when the path does not exist or names no readable files."""
    return Corpus(spec)


def load_documents(spec: str | Path, *, limit: int | None = None) -> list[Document]:
    """Read a corpus into a list (convenient for small corpora and tests)."""
    documents = []
    for document in read_corpus(spec):
        documents.append(document)
        if limit is not None and len(documents) >= limit:
            break
    return documents
