"""JSON-lines tables (``.jsonl``, ``.jsonl.gz``): one article per line, a JSON object with
a ``text`` field.

Lines are read one at a time, so a file of any size streams. UTF-8 (with or without a BOM)
is decoded line by line, so a line that is not UTF-8 is named rather than stopping the file;
UTF-16/32 (with a byte-order mark or recognised from NUL bytes) is decoded as a whole.
"""

from __future__ import annotations

import codecs
import io
import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from newslens.corpus.decoding import SNIFF_BYTES, bom_encoding, wide_encoding
from newslens.corpus.errors import CorpusError
from newslens.corpus.files import Item, open_maybe_gzip
from newslens.corpus.rows import table_row_document

__all__ = ["read_jsonl_file"]

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


class _Prepend(io.RawIOBase):
    """A raw stream that yields some already-read bytes before the rest of a stream."""

    def __init__(self, head: bytes, rest: io.BufferedIOBase):
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


def _wide_lines(
    path: Path, stream: BinaryIO, encoding: str
) -> Iterator[tuple[int, str | CorpusError]]:
    """The lines of a UTF-16/32 stream, decoded as a whole."""
    text_stream = io.TextIOWrapper(stream, encoding=encoding, newline="")
    try:
        for number, line in enumerate(text_stream, start=1):
            yield number, line.lstrip("\ufeff") if number == 1 else line
    except UnicodeDecodeError as error:
        raise CorpusError(path, f"not valid {encoding.upper()} ({error.reason})") from None


def _utf8_lines(path: Path, stream: BinaryIO) -> Iterator[tuple[int, str | CorpusError]]:
    """The lines of a UTF-8 stream, each decoded alone: a bad line is an error naming it."""
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


def _jsonl_lines(path: Path, handle: io.BufferedIOBase) -> Iterator[tuple[int, str | CorpusError]]:
    """``(line number, line text)`` for each line of a JSON-lines stream; UTF-16/32 (with a
    byte-order mark or recognised from NUL bytes) is decoded as a whole, anything else line
    by line as UTF-8, so a line that is not UTF-8 is named rather than stopping the file."""
    head = handle.read(SNIFF_BYTES)
    if not head.strip():
        raise CorpusError(path, "empty file")
    bom = bom_encoding(head)
    encoding = bom[0] if bom else None
    if encoding is None and b"\x00" in head:
        encoding = wide_encoding(head)
        if encoding is None:
            raise CorpusError(path, "binary file (contains NUL bytes), not JSON lines")
    stream = io.BufferedReader(_Prepend(head, handle))
    if encoding not in (None, "utf-8"):
        yield from _wide_lines(path, stream, encoding)
        return
    yield from _utf8_lines(path, stream)


def _parse_line(path: Path, line: str, location: str) -> dict | CorpusError:
    """One line as a JSON object, or an error naming the line and what is wrong with it."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        return CorpusError(path, _json_problem(error, line), location=location)
    except RecursionError:
        return CorpusError(path, "not valid JSON: nested too deeply", location=location)
    if not isinstance(row, dict):
        kind = type(row).__name__.replace("NoneType", "null")
        return CorpusError(path, f"is a JSON {kind}, not an object", location=location)
    return row


def read_jsonl_file(path: Path, doc_id: str) -> Iterator[Item]:
    """Every line of a JSON-lines table as a document, or an error naming the line; a first
    object without ``text`` refuses the whole file."""
    with open_maybe_gzip(path) as handle:
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
            row = _parse_line(path, line.rstrip("\r\n"), location)
            if isinstance(row, CorpusError):
                yield row
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
            yield table_row_document(row, path, row_number, location)
