"""newslens.table_writer: tables appended batch by batch, the same bytes for the same rows."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from newslens.table_writer import TableWriter, write_whole


def _write(directory, batches, *, csv=True):
    writer = TableWriter(directory, "rows", csv=csv)
    for batch in batches:
        writer.write([pa.table(part) for part in batch])
    writer.close()
    return writer


BATCHES = [
    [{"doc_id": ["a", "a"], "score": [0.123456, 1.0]}, {"doc_id": ["b"], "score": [2.5]}],
    [{"doc_id": ["c"], "score": [1 / 3]}],
]


def test_each_batch_is_one_row_group_and_the_csv_has_one_header(tmp_path):
    writer = _write(tmp_path, BATCHES)
    assert writer.rows == 4
    parquet = pq.ParquetFile(tmp_path / "rows.parquet")
    assert parquet.num_row_groups == 2
    assert parquet.read().to_pydict() == {
        "doc_id": ["a", "a", "b", "c"],
        "score": [0.123456, 1.0, 2.5, 1 / 3],
    }
    assert (tmp_path / "rows.csv").read_text(encoding="utf-8") == (
        "doc_id,score\na,0.1235\na,1.0000\nb,2.5000\nc,0.3333\n"
    )


def test_the_same_rows_give_the_same_bytes(tmp_path):
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        _write(tmp_path / name, BATCHES)
    for name in ("rows.parquet", "rows.csv"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_a_column_all_null_in_the_first_batch_is_text(tmp_path):
    _write(
        tmp_path, [[{"doc_id": ["a"], "speaker": [None]}], [{"doc_id": ["b"], "speaker": ["Jane"]}]]
    )
    table = pq.read_table(tmp_path / "rows.parquet")
    assert table.schema.field("speaker").type == pa.string()
    assert table.column("speaker").to_pylist() == [None, "Jane"]


def test_a_table_without_rows_keeps_its_columns(tmp_path):
    _write(tmp_path, [[{"doc_id": pa.array([], pa.string()), "quote": pa.array([], pa.string())}]])
    assert pq.read_table(tmp_path / "rows.parquet").column_names == ["doc_id", "quote"]
    assert (tmp_path / "rows.csv").read_text(encoding="utf-8") == "doc_id,quote\n"
    _write(tmp_path, [], csv=False)  # nothing at all: a doc_id column
    assert pq.read_table(tmp_path / "rows.parquet").column_names == ["doc_id"]


def test_a_whole_table_is_written_like_the_batches(tmp_path):
    frame = pd.DataFrame({"doc_id": ["a", "b"], "score": [0.5, 1 / 3]}, index=[7, 3])
    write_whole(frame, tmp_path, "whole")
    assert (tmp_path / "whole.csv").read_text(encoding="utf-8") == (
        "doc_id,score\na,0.5000\nb,0.3333\n"
    )
    table = pq.read_table(tmp_path / "whole.parquet")
    assert table.schema.metadata is None  # no pandas index metadata
    assert table.to_pydict() == {"doc_id": ["a", "b"], "score": [0.5, 1 / 3]}
