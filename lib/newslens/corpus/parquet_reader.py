"""Parquet tables (``.parquet``): one article per row, a ``text`` column required; read in
batches of rows, only the columns newslens uses."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newslens.corpus.errors import CorpusError
from newslens.corpus.files import Item
from newslens.corpus.rows import METADATA_COLUMNS, table_row_document

__all__ = ["read_parquet_file"]


def read_parquet_file(path: Path, doc_id: str) -> Iterator[Item]:
    """Every row of a Parquet table as a document; a file damaged after some rows keeps
    the rows read before the damage and then raises."""
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
                yield table_row_document(row, path, row_number, f"row {row_number}")
    except (pa.ArrowException, OSError) as error:
        raise CorpusError(
            path, f"not a readable Parquet file after row {row_number} ({error})"
        ) from None
