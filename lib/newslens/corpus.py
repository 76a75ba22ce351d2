"""Read news articles into :class:`Document` objects.

A corpus is a file, a folder, a glob, or a table:

* ``.txt`` / ``.md``: one article per file. Encodings: UTF-8 (with or without BOM), UTF-16
  and UTF-32 (with or without BOM), cp1252 / latin-1, else charset-normalizer's best guess;
* ``.html`` / ``.htm``: one article per file, reduced to its main text with trafilatura;
* ``.csv``, ``.jsonl``, ``.parquet`` (and ``.csv.gz``, ``.jsonl.gz``): one article per row,
  with a ``text`` column and optional ``id, title, date, source, url``.

Every document gets a stable ``doc_id`` (the ``id`` column, else the file name, else the
file name and row number) and the sha256 of its text, so any number in any table can be
traced back to the exact text it came from.

Problems are named, never silent. Anything that cannot be read is a :class:`CorpusError`
whose one-line message names the file, the row or line, and the whole reason. With
``on_error="stop"`` (the default) the first one is raised; with ``on_error="skip"`` the file,
row or document is left out and recorded in :attr:`Corpus.skipped`. Exact duplicate texts
are always left out, with a :class:`CorpusWarning`, and recorded there too. Files a folder
or glob holds in formats newslens does not read are listed in :attr:`Corpus.unread`.

A :class:`Corpus` streams: iterating it reads the files again, so a corpus of tens of
thousands of articles never has to sit in memory as a whole. Article length is not limited
here (splitting very long articles for the parser is the parse layer's job).
"""

from __future__ import annotations

import codecs
import csv
import glob
import gzip
import hashlib
import io
import json
import re
import unicodedata
import warnings
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pandas as pd

from newslens.io import file_sha256
from newslens.text import count_words

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
    "TEXT_SUFFIXES",
    "HTML_SUFFIXES",
    "TABLE_SUFFIXES",
    "SUPPORTED_SUFFIXES",
]

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
TABLE_SUFFIXES = (".csv", ".jsonl", ".parquet", ".csv.gz", ".jsonl.gz")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + TABLE_SUFFIXES
METADATA_COLUMNS = ("id", "title", "date", "source", "url")
ON_ERROR_CHOICES = ("stop", "skip")
OnError = Literal["stop", "skip"]
_SNIFF_BYTES = 8192
# Control characters (C0, DEL, C1) and the bidirectional overrides/isolates: shown as
# escapes in messages so a file name or id cannot break a line or reorder a terminal.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same 2 bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_WIDE_ENCODINGS = ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be")


def _show(value: object) -> str:
    """A value for a one-line message: control and bidi-override characters as escapes."""
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", str(value))


class CorpusError(ValueError):
    """An input that cannot become a document.

    The message is one line, ``<file>[, <row or line>]: <reason>``; the parts are kept as
    ``path``, ``location`` (e.g. ``"line 3"``, ``"row 12"``, or None for the whole file)
    and ``reason``.
    """

    def __init__(self, path: str | Path, reason: str, *, location: str | None = None):
        self.path = str(path)
        self.reason = reason
        self.location = location
        where = f"{_show(self.path)}, {location}" if location else _show(self.path)
        super().__init__(f"{where}: {_show(reason)}")


class CorpusWarning(UserWarning):
    """A document left out on purpose (an exact duplicate); it is also in ``Corpus.skipped``."""


@dataclass(frozen=True)
class Skipped:
    """One input left out of the corpus: the file, the row or line (None for a whole file),
    and why."""

    path: str
    location: str | None
    reason: str

    def __str__(self) -> str:
        where = f"{_show(self.path)}, {self.location}" if self.location else _show(self.path)
        return f"{where}: {_show(self.reason)}"

    def as_dict(self) -> dict[str, str | None]:
        """The record for a manifest: ``path``, ``location``, ``reason``."""
        return {"path": self.path, "location": self.location, "reason": self.reason}


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
        return count_words(self.text)


def text_sha256(text: str) -> str:
    """The sha256 of a text's UTF-8 bytes: the identity of a document's content.

    Lone surrogates (possible in JSON input) are hashed as escapes rather than failing."""
    return hashlib.sha256(text.encode("utf-8", "backslashreplace")).hexdigest()


def _suffix(path: Path) -> str:
    """The recognised suffix of a path, including double suffixes such as ``.jsonl.gz``."""
    name = path.name.lower()
    for suffix in sorted(SUPPORTED_SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


# --- decoding ---------------------------------------------------------------------------


def _bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark announces and the mark's length, or None."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def _looks_like_text(text: str) -> bool:
    """Decoded text with no NUL and almost only printable characters (not binary)."""
    if not text or "\x00" in text:
        return False
    sample = text[:20000]
    printable = sum(1 for c in sample if c.isprintable() or c in "\n\r\t\f")
    return printable >= 0.97 * len(sample)


def _wide_encoding(sample: bytes) -> str | None:
    """UTF-32 or UTF-16 without a BOM, recognised from a sample with NUL bytes, or None
    (binary). In UTF-16 text the NULs are the high bytes of ASCII characters (spaces,
    punctuation, Latin letters): many, and nearly all on one side of each 2-byte unit.
    UTF-32 is tested first (its values must stay below 0x110000, which binary rarely does);
    either way the decoded sample must be printable text."""
    nul_positions = [i for i, byte in enumerate(sample) if byte == 0]
    if len(nul_positions) < 0.05 * len(sample):
        return None
    odd = sum(i % 2 for i in nul_positions) / len(nul_positions)
    for encoding in _WIDE_ENCODINGS:
        if encoding == "utf-16-le" and odd < 0.9:
            continue
        if encoding == "utf-16-be" and odd > 0.1:
            continue
        try:
            text = codecs.getincrementaldecoder(encoding)("strict").decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return encoding
    return None


# Symbols that rarely touch a letter in real text but do when bytes of another single-byte
# encoding are read as cp1252 (Polish "ł" -> "³", "Ł" -> "£", "ą" -> "¹").
_MOJIBAKE_SYMBOLS = set("¹²³£¥¤¦¨¬¯±´µ¶¸¼½¾×÷ƒˆ‰‹›˜†‡¢§")


def _mojibake_score(text: str) -> int:
    """How unlike natural text a decoding looks: symbols stuck to letters, plus every
    accented Latin letter when they are over 30% of the letters (Cyrillic or Greek bytes
    read as cp1252 become runs of accented Latin letters). 0 for ordinary text."""
    sample = text[:100000]
    letters = sum(1 for c in sample if c.isalpha())
    accented = sum(1 for c in sample if 0xC0 <= ord(c) <= 0x24F and c.isalpha())
    score = accented if accented > 0.3 * max(letters, 1) else 0
    for i, c in enumerate(sample):
        if c in _MOJIBAKE_SYMBOLS and (
            (i > 0 and sample[i - 1].isalpha()) or (i + 1 < len(sample) and sample[i + 1].isalpha())
        ):
            score += 1
    return score


def decode_bytes(data: bytes, *, path: str | Path = "<bytes>") -> str:
    """Bytes of a text file to text, or :class:`CorpusError` naming ``path``.

    Order: a byte-order mark (UTF-8/16/32); UTF-16/32 without a mark when NUL bytes fit it;
    UTF-8; cp1252 (which reads latin-1 text too) when the result reads as natural text;
    else charset-normalizer's best guess when it reads more naturally than cp1252. Bytes with NULs that are no UTF-16/32 text are
    refused as binary.
    """
    if not data.strip(b" \t\r\n\x0b\x0c"):
        raise CorpusError(path, "empty file")
    bom = _bom_encoding(data)
    if bom is not None:
        encoding, length = bom
        try:
            text = data[length:].decode(encoding)
        except UnicodeDecodeError as error:
            raise CorpusError(
                path,
                f"not valid {encoding.upper()} although it starts with a {encoding.upper()}"
                f" byte-order mark (bad bytes at offset {error.start + length})",
            ) from None
        if not text.strip():
            raise CorpusError(path, "empty file")
        return text
    if b"\x00" in data[:_SNIFF_BYTES]:
        encoding = _wide_encoding(data[:_SNIFF_BYTES])
        if encoding is None:
            raise CorpusError(path, "binary file (contains NUL bytes), not text")
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise CorpusError(
                path, f"reads as {encoding.upper()} but has bad bytes at offset {error.start}"
            ) from None
        if not _looks_like_text(text):
            raise CorpusError(path, "binary file (contains NUL bytes), not text")
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _mojibake_score(western) == 0:
        return western
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    guess = str(best) if best is not None and best.encoding is not None else None
    if western is not None and (
        guess is None or _mojibake_score(guess) >= _mojibake_score(western)
    ):
        return western
    if guess is None:
        raise CorpusError(
            path, "unreadable encoding (not UTF-8, UTF-16, UTF-32 or cp1252, and no other fits)"
        )
    return guess


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
    if isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False)
    text = str(value).strip()
    return text or None


# --- one reader per format ---------------------------------------------------------------
#
# A reader yields ``(Document, location)`` pairs (location: "line 3", "row 2 (line 4)", or
# None for a one-article file), or a CorpusError for a row it cannot use (the caller decides
# whether that stops the corpus); it raises CorpusError when the whole file is unusable.

_Item = tuple[Document, str | None] | CorpusError


def _read_bytes(path: Path) -> bytes:
    with _open_maybe_gzip(path) as handle:
        return handle.read()


def _read_text_file(path: Path, doc_id: str) -> Iterator[_Item]:
    text = _normalise(decode_bytes(_read_bytes(path), path=path))
    yield Document(doc_id=doc_id, text=text, path=str(path)), None


def _read_html_file(path: Path, doc_id: str) -> Iterator[_Item]:
    import trafilatura

    page = decode_bytes(_read_bytes(path), path=path)
    try:
        # One parse for text and metadata. The date comes only from the page's metadata
        # (meta tags, JSON-LD, <time>, URL), never from a date written in the body or a
        # photo caption: htmldate's extensive search is off.
        result = trafilatura.bare_extraction(
            page,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as error:  # lxml and trafilatura raise many types on broken markup
        raise CorpusError(
            path, f"HTML could not be parsed ({type(error).__name__}: {error})"
        ) from None
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        raise CorpusError(path, "no article text found in the HTML")
    yield (
        Document(
            doc_id=doc_id,
            text=_normalise(text),
            title=_clean(getattr(result, "title", None)),
            date=_clean(getattr(result, "date", None)),
            source=_clean(getattr(result, "sitename", None)),
            url=_clean(getattr(result, "url", None)),
            path=str(path),
        ),
        None,
    )


def _open_maybe_gzip(path: Path) -> io.BufferedIOBase:
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")


def _table_row_document(row: dict, path: Path, row_number: int, location: str) -> _Item:
    """A table row as ``(Document, location)``, or a CorpusError naming the row."""
    if "text" not in row:
        return CorpusError(path, "has no 'text' field", location=location)
    text = row["text"]
    if text is None or (isinstance(text, float) and pd.isna(text)):
        text = ""
    if isinstance(text, bytes):
        return CorpusError(path, "'text' holds bytes, not text", location=location)
    if isinstance(text, dict | list | bool):
        kind = {dict: "an object", list: "a list", bool: "a boolean"}[type(text)]
        return CorpusError(path, f"'text' is {kind}, not text", location=location)
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
    ), location


_CONTROL_NAMES = {"\t": "TAB", "\n": "LINE FEED", "\r": "CARRIAGE RETURN", "\x00": "NUL"}


def _json_problem(error: json.JSONDecodeError, line: str) -> str:
    """A JSON parser message in full: what, where in the line, and the character at fault."""
    message = error.msg
    message += f" column {error.colno}" if message.endswith(" at") else f" at column {error.colno}"
    if 0 <= error.pos < len(line):
        char = line[error.pos]
        if not char.isprintable() or char.isspace():
            name = _CONTROL_NAMES.get(char) or unicodedata.name(char, "control character")
            message += f" (U+{ord(char):04X} {name})"
    return f"not valid JSON: {message}"


def _jsonl_lines(path: Path, handle) -> Iterator[tuple[int, str | CorpusError]]:
    """``(line number, line text)`` for each line of a JSON-lines stream; UTF-16/32 (with a
    byte-order mark or recognised from NUL bytes) is decoded as a whole, anything else line
    by line as UTF-8, so a line that is not UTF-8 is named rather than stopping the file."""
    head = handle.read(_SNIFF_BYTES)
    if not head.strip():
        raise CorpusError(path, "empty file")
    bom = _bom_encoding(head)
    encoding = bom[0] if bom else None
    if encoding is None and b"\x00" in head:
        encoding = _wide_encoding(head)
        if encoding is None:
            raise CorpusError(path, "binary file (contains NUL bytes), not JSON lines")
    stream = io.BufferedReader(_Prepend(head, handle))
    if encoding not in (None, "utf-8"):
        text_stream = io.TextIOWrapper(stream, encoding=encoding, newline="")
        try:
            for number, line in enumerate(text_stream, start=1):
                yield number, line.lstrip("\ufeff") if number == 1 else line
        except UnicodeDecodeError as error:
            raise CorpusError(path, f"not valid {encoding.upper()} ({error.reason})") from None
        return
    for number, raw in enumerate(stream, start=1):
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError as error:
            yield (
                number,
                CorpusError(
                    path,
                    f"not UTF-8 (byte 0x{raw[error.start]:02X} at byte {error.start + 1} of"
                    " the line); JSON lines must be UTF-8",
                    location=f"line {number}",
                ),
            )


def _iter_jsonl(path: Path, doc_id: str) -> Iterator[_Item]:
    with _open_maybe_gzip(path) as handle:
        row_number = 0
        checked_columns = False
        for number, line in _jsonl_lines(path, handle):
            location = f"line {number}"
            if isinstance(line, CorpusError):
                row_number += 1
                yield line
                continue
            if not line.strip():
                continue
            row_number += 1
            line = line.rstrip("\r\n")
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                yield CorpusError(path, _json_problem(error, line), location=location)
                continue
            except RecursionError:
                yield CorpusError(path, "not valid JSON: nested too deeply", location=location)
                continue
            if not isinstance(row, dict):
                kind = type(row).__name__.replace("NoneType", "null")
                yield CorpusError(path, f"is a JSON {kind}, not an object", location=location)
                continue
            if not checked_columns:
                checked_columns = True
                if "text" not in row:
                    raise CorpusError(
                        path,
                        "table has no 'text' column (the first row has: "
                        + ", ".join(map(repr, list(row)[:10]))
                        + ")",
                    )
            yield _table_row_document(row, path, row_number, location)


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


def _raise_csv_field_limit() -> None:
    """Let one CSV field hold a whole long article (the csv module's default is 128 KiB)."""
    limit = 2**31 - 1
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 2


def _iter_csv(path: Path, doc_id: str) -> Iterator[_Item]:
    text = decode_bytes(_read_bytes(path), path=path)
    _raise_csv_field_limit()
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise CorpusError(
            path, f"the header is not valid CSV ({error})", location="line 1"
        ) from None
    if header is None:
        raise CorpusError(path, "empty file")
    header = [name.strip() for name in header]
    if "text" not in header:
        shown = ", ".join(map(repr, header[:10])) + (", ..." if len(header) > 10 else "")
        raise CorpusError(path, f"table has no 'text' column (columns: {shown})")
    row_number = 0
    while True:
        first_line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            row_number += 1
            location = f"row {row_number} (line {first_line})"
            if "unexpected end of data" in str(error):
                yield CorpusError(
                    path,
                    "a quoted field is not closed before the end of the file",
                    location=location,
                )
                return
            yield CorpusError(path, f"not valid CSV ({error})", location=location)
            continue
        if not cells or (len(cells) == 1 and not cells[0].strip() and len(header) > 1):
            continue  # a blank line
        row_number += 1
        location = f"row {row_number} (line {first_line})"
        if len(cells) != len(header):
            yield CorpusError(
                path,
                f"has {len(cells)} fields but the header has {len(header)}",
                location=location,
            )
            continue
        yield _table_row_document(dict(zip(header, cells, strict=True)), path, row_number, location)


def _iter_parquet(path: Path, doc_id: str) -> Iterator[_Item]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    if path.stat().st_size == 0:
        raise CorpusError(path, "empty file")
    try:
        parquet = pq.ParquetFile(path)
    except Exception as error:  # pyarrow raises several types for a bad file
        raise CorpusError(path, f"not a readable Parquet file ({error})") from None
    names = parquet.schema_arrow.names
    if "text" not in names:
        shown = ", ".join(map(repr, names[:10]))
        raise CorpusError(path, f"table has no 'text' column (columns: {shown})")
    columns = [c for c in ("text", *METADATA_COLUMNS) if c in names]
    row_number = 0
    try:
        for batch in parquet.iter_batches(batch_size=2000, columns=columns):
            for row in batch.to_pylist():
                row_number += 1
                yield _table_row_document(row, path, row_number, f"row {row_number}")
    except (pa.ArrowException, OSError) as error:
        raise CorpusError(
            path, f"not a readable Parquet file after row {row_number} ({error})"
        ) from None


def _stem(path: Path) -> str:
    name = path.name
    suffix = _suffix(path)
    return name[: -len(suffix)] if suffix and name.lower().endswith(suffix) else path.stem


_READERS = {
    **dict.fromkeys(TEXT_SUFFIXES, _read_text_file),
    **dict.fromkeys(HTML_SUFFIXES, _read_html_file),
    ".jsonl": _iter_jsonl,
    ".jsonl.gz": _iter_jsonl,
    ".csv": _iter_csv,
    ".csv.gz": _iter_csv,
    ".parquet": _iter_parquet,
}


def _iter_file(path: Path, doc_id: str) -> Iterator[_Item]:
    """A file's documents (and row errors); file-level problems, I/O errors included, raise
    :class:`CorpusError` naming the file."""
    reader = _READERS.get(_suffix(path))
    if reader is None:
        raise CorpusError(
            path,
            f"unsupported file type '{_suffix(path) or path.name}' (newslens reads "
            + ", ".join(SUPPORTED_SUFFIXES)
            + ")",
        )
    try:
        yield from reader(path, doc_id)
    except gzip.BadGzipFile as error:
        raise CorpusError(path, f"not a readable gzip file ({error})") from None
    except (EOFError, zlib.error) as error:
        raise CorpusError(path, f"damaged gzip file ({error or 'it ends too early'})") from None
    except OSError as error:
        raise CorpusError(path, f"cannot be read ({error.strerror or error})") from None


# --- corpus ------------------------------------------------------------------------------


def _hidden(path: Path, root: Path) -> bool:
    """A dot file, or a file inside a dot folder (.git, .ipynb_checkpoints) below root."""
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _expand(spec: str | Path) -> tuple[list[Path], Path | None, list[Path]]:
    """The files a corpus spec names (sorted), the folder doc ids are relative to, and the
    files it holds that newslens does not read."""
    spec_text = str(spec)
    path = Path(spec_text).expanduser()
    try:
        if path.is_file():
            return [path], None, []
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
            root: Path | None = path
        elif glob.has_magic(spec_text):
            pattern = str(Path(spec_text).expanduser())
            found = sorted(Path(p) for p in glob.glob(pattern, recursive=True))
            found = [p for p in found if p.is_file()]
            if not found:
                raise CorpusError(spec_text, "glob matches no files")
            root = None
        else:
            raise CorpusError(spec_text, "no such file or folder")
    except OSError as error:
        raise CorpusError(spec_text, f"cannot be listed ({error.strerror or error})") from None
    files = [p for p in found if _suffix(p) in SUPPORTED_SUFFIXES]
    unread = [p for p in found if _suffix(p) not in SUPPORTED_SUFFIXES]
    if not files:
        what = "folder holds" if root is not None else "glob matches"
        others = f"; {format_unread(unread)}" if unread else ""
        raise CorpusError(
            spec_text,
            f"{what} no readable files (newslens reads {', '.join(SUPPORTED_SUFFIXES)}){others}",
        )
    return files, root, unread


def _file_doc_id(path: Path, root: Path | None) -> str:
    if root is None:
        return _stem(path)
    relative = path.relative_to(root)
    return str(relative.parent / _stem(path)) if relative.parent != Path(".") else _stem(path)


def format_skipped(skipped: list[Skipped], *, limit: int | None = None) -> list[str]:
    """One line per skipped input (``<file>, <row or line>: <reason>``); with ``limit``, at
    most that many lines and a last one saying how many more there are."""
    lines = [str(item) for item in skipped]
    if limit is not None and len(lines) > limit:
        lines = [*lines[:limit], f"... and {len(skipped) - limit} more"]
    return lines


def format_unread(unread: list[Path], *, limit: int = 10) -> str:
    """One line naming the files newslens did not read, by suffix:
    ``3 files not read (.docx: 2, .pdf: 1): a.docx, b.docx, c.pdf``. Empty when none."""
    if not unread:
        return ""
    counts: dict[str, int] = {}
    for path in unread:
        key = path.suffix.lower() or "no suffix"
        counts[key] = counts.get(key, 0) + 1
    kinds = ", ".join(f"{k}: {n}" for k, n in sorted(counts.items()))
    names = ", ".join(_show(p.name) for p in unread[:limit])
    more = f", ... and {len(unread) - limit} more" if len(unread) > limit else ""
    noun = "file" if len(unread) == 1 else "files"
    return f"{len(unread)} {noun} not read ({kinds}): {names}{more}"


class Corpus:
    """A re-iterable stream of :class:`Document` s read from a file, folder, glob or table.

    Iterating validates as it goes. An unreadable file, a bad row, a document with no words
    or a repeated id is a :class:`CorpusError`: raised when ``on_error="stop"``, left out and
    recorded in :attr:`skipped` when ``on_error="skip"``. An exact duplicate of an earlier
    text is always left out, recorded, and announced with a :class:`CorpusWarning`.

    Attributes:
        files: the files read, sorted.
        unread: files the folder or glob holds in formats newslens does not read.
        skipped: what the last complete or partial iteration left out (reset each time).
    """

    def __init__(self, spec: str | Path, *, on_error: OnError = "stop"):
        if on_error not in ON_ERROR_CHOICES:
            raise ValueError(f"on_error must be one of {ON_ERROR_CHOICES}, not {on_error!r}")
        self.spec = str(spec)
        self.on_error: OnError = on_error
        self.files, self.root, self.unread = _expand(spec)
        self.skipped: list[Skipped] = []

    def _problem(self, error: CorpusError) -> None:
        if self.on_error == "stop":
            raise error
        self.skipped.append(Skipped(error.path, error.location, error.reason))

    def __iter__(self) -> Iterator[Document]:
        self.skipped = []
        seen: dict[str, str] = {}
        ids: dict[str, str] = {}
        for path in self.files:
            try:
                for item in _iter_file(path, _file_doc_id(path, self.root)):
                    if isinstance(item, CorpusError):
                        self._problem(item)
                        continue
                    document, location = item
                    if document.words == 0:
                        self._problem(
                            CorpusError(path, "document has zero words", location=location)
                        )
                        continue
                    if document.sha256 in seen:
                        reason = f"exact duplicate of document '{seen[document.sha256]}'"
                        self.skipped.append(Skipped(str(path), location, reason))
                        warnings.warn(f"{self.skipped[-1]}, skipped", CorpusWarning, stacklevel=2)
                        continue
                    if document.doc_id in ids:
                        self._problem(
                            CorpusError(
                                path,
                                f"duplicate document id '{document.doc_id}' (first in"
                                f" {ids[document.doc_id]})",
                                location=location,
                            )
                        )
                        continue
                    seen[document.sha256] = document.doc_id
                    ids[document.doc_id] = _show(f"{path}, {location}" if location else path)
                    yield document
            except CorpusError as error:
                self._problem(error)

    def file_hashes(self) -> list[dict]:
        """Each input file with its size and sha256, for the run manifest."""
        return [
            {"path": str(p), "bytes": p.stat().st_size, "sha256": file_sha256(p)}
            for p in self.files
        ]

    def validate(self) -> int:
        """Read every document once and return how many there are: with ``on_error="stop"``
        the first problem raises :class:`CorpusError`; with ``"skip"`` the problems are in
        :attr:`skipped` afterwards."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", CorpusWarning)
            return sum(1 for _ in self)

    def skipped_lines(self, *, limit: int | None = None) -> list[str]:
        """:func:`format_skipped` of :attr:`skipped`."""
        return format_skipped(self.skipped, limit=limit)

    def unread_line(self) -> str:
        """:func:`format_unread` of :attr:`unread` (empty when every file is read)."""
        return format_unread(self.unread)

    def __repr__(self) -> str:
        return f"Corpus({self.spec!r}, files={len(self.files)}, on_error={self.on_error!r})"


def read_corpus(spec: str | Path, *, on_error: OnError = "stop") -> Corpus:
    """Open a corpus (file, folder, glob or table) for streaming; raises :class:`CorpusError`
    when the path does not exist or names no readable files. ``on_error``: ``"stop"`` raises
    on the first unreadable input, ``"skip"`` leaves it out and records it in
    :attr:`Corpus.skipped`."""
    return Corpus(spec, on_error=on_error)


def load_documents(
    spec: str | Path, *, limit: int | None = None, on_error: OnError = "stop"
) -> list[Document]:
    """Read a corpus into a list (convenient for small corpora and tests)."""
    documents = []
    for document in read_corpus(spec, on_error=on_error):
        documents.append(document)
        if limit is not None and len(documents) >= limit:
            break
    return documents
