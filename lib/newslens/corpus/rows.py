"""One table row (CSV, JSON lines, Parquet) as a document: its ``text`` and the optional
``id, title, date, source, url``; a row whose ``text`` is no text is an error naming it."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from newslens.corpus.decoding import normalise
from newslens.corpus.document import Document
from newslens.corpus.errors import CorpusError
from newslens.corpus.files import Item, stem

__all__ = ["METADATA_COLUMNS", "clean", "table_row_document"]

METADATA_COLUMNS = ("id", "title", "date", "source", "url")


def clean(value: object) -> str | None:
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


def table_row_document(
    row: Mapping[str, object], path: Path, row_number: int, location: str
) -> Item:
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
    row_id = clean(row.get("id"))
    doc_id = row_id if row_id is not None else f"{stem(path)}:{row_number}"
    return Document(
        doc_id=doc_id,
        text=normalise(str(text)),
        title=clean(row.get("title")),
        date=clean(row.get("date")),
        source=clean(row.get("source")),
        url=clean(row.get("url")),
        path=f"{path}#{row_number}",
    ), location
