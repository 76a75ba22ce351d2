"""Writing the analysis pass's tables: Parquet row groups and CSV lines, batch by batch.

A table is appended one batch of documents at a time (one Parquet row group per batch), so
no whole-corpus table is held in memory. The same rows give the same bytes: the schema is
fixed by the first rows (an all-null column is text), pandas index metadata is dropped, CSV
floats are written to four decimals.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from newslens.result_cache import as_arrow

__all__ = ["CSV_FLOAT_FORMAT", "TableWriter", "write_whole"]

CSV_FLOAT_FORMAT = "%.4f"


def _normal_schema(schema: pa.Schema) -> pa.Schema:
    """Columns that were all-null in the first batch are text, not Arrow's null type; the
    pandas index metadata is dropped so files do not depend on how frames were built."""
    fields = [pa.field(f.name, pa.string()) if pa.types.is_null(f.type) else f for f in schema]
    return pa.schema(fields)


class TableWriter:
    """One table of the pass: Parquet row groups and CSV lines appended batch by batch."""

    def __init__(self, directory: Path, name: str, *, csv: bool):
        self.name = name
        self.parquet_path = directory / f"{name}.parquet"
        self.csv_path = directory / f"{name}.csv" if csv else None
        self.rows = 0
        self._schema: pa.Schema | None = None
        self._parquet: pq.ParquetWriter | None = None
        self._csv: IO[str] | None = None
        self._empty_columns: list[str] = []

    def write(self, tables: list[pa.Table]) -> None:
        """Append the rows of ``tables`` (one per document of a batch) as one row group."""
        tables = [t for t in tables if t.num_columns]
        nonempty = [t for t in tables if t.num_rows]
        if not nonempty:
            if tables and not self._empty_columns:
                self._empty_columns = tables[0].column_names
            return
        if self._schema is None:
            self._schema = _normal_schema(nonempty[0].schema)
            self._parquet = pq.ParquetWriter(self.parquet_path, self._schema)
        schema = self._schema
        batch = pa.concat_tables([t.select(schema.names).cast(schema) for t in nonempty])
        assert self._parquet is not None
        self._parquet.write_table(batch)
        if self.csv_path is not None:
            self._write_csv(batch.to_pandas(), self.csv_path)
        self.rows += batch.num_rows

    def _write_csv(self, frame: pd.DataFrame, path: Path) -> None:
        first = self._csv is None
        if self._csv is None:
            self._csv = open(path, "w", encoding="utf-8", newline="")
        frame.to_csv(
            self._csv,
            index=False,
            header=first,
            lineterminator="\n",
            float_format=CSV_FLOAT_FORMAT,
        )

    def close(self) -> None:
        """Finish the files; a table that never got a row is written with its columns (those
        of the first empty batch, else ``doc_id``) and no rows."""
        if self._parquet is None:
            columns = self._empty_columns or ["doc_id"]
            empty = pa.table({c: pa.array([], pa.string()) for c in columns})
            pq.write_table(empty, self.parquet_path)
            if self.csv_path is not None:
                self.csv_path.write_text(",".join(columns) + "\n", encoding="utf-8")
        else:
            self._parquet.close()
        if self._csv is not None:
            self._csv.close()


def write_whole(frame: pd.DataFrame, directory: Path, name: str) -> None:
    """A table written at once (the corpus-level ``mentions`` and ``quotes``), Parquet and
    CSV, the same way :class:`TableWriter` writes."""
    table = as_arrow(frame)
    pq.write_table(
        table.replace_schema_metadata(None).cast(_normal_schema(table.schema)),
        directory / f"{name}.parquet",
    )
    frame.to_csv(
        directory / f"{name}.csv",
        index=False,
        lineterminator="\n",
        float_format=CSV_FLOAT_FORMAT,
        encoding="utf-8",
    )
