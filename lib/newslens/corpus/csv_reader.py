"""CSV tables (``.csv``, ``.csv.gz``): one article per row, a ``text`` column required.

The file is decoded as a whole (any encoding :func:`~newslens.corpus.decoding.decode_bytes`
reads) and parsed strictly: a row with more or fewer fields than the header, or broken
quoting, is an error naming the row and its first line; a quoted field never closed ends
the file there.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from newslens.corpus.decoding import decode_bytes
from newslens.corpus.errors import CorpusError
from newslens.corpus.files import Item, read_bytes
from newslens.corpus.rows import table_row_document

__all__ = ["read_csv_file"]


def _raise_csv_field_limit() -> None:
    """Let one CSV field hold a whole long article (the csv module's default is 128 KiB)."""
    limit = 2**31 - 1
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 2


def _header(reader: Iterator[list[str]], path: Path) -> list[str]:
    """The header row, stripped; a table without a ``text`` column is refused."""
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
    return header


def read_csv_file(path: Path, doc_id: str) -> Iterator[Item]:
    """Every row of a CSV table as a document, or an error naming the row."""
    text = decode_bytes(read_bytes(path), path=path)
    _raise_csv_field_limit()
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header = _header(reader, path)
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
        yield table_row_document(dict(zip(header, cells, strict=True)), path, row_number, location)
