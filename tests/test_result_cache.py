"""newslens.result_cache: one document's rows for one step, kept across runs as Arrow bytes."""

from __future__ import annotations

import pandas as pd
from newslens.result_cache import ResultCache, as_arrow, table_from_bytes, table_to_bytes


def test_rows_round_trip_and_survive_a_reopen(tmp_path):
    rows = table_to_bytes(as_arrow(pd.DataFrame({"doc_id": ["a"], "start": [3]}, index=[9])))
    cache = ResultCache(tmp_path / "results.sqlite")
    cache.put_many([("doc-a", "step-1", rows)])
    cache.close()
    cache = ResultCache(tmp_path / "results.sqlite")
    found = cache.get_many("doc-a", ["step-1", "step-2"])
    assert list(found) == ["step-1"]
    table = table_from_bytes(found["step-1"])
    assert table.to_pydict() == {"doc_id": ["a"], "start": [3]}  # no pandas index column
    cache.put_many([("doc-a", "step-1", table_to_bytes(table.slice(0, 0)))])  # replaced
    assert table_from_bytes(cache.get_many("doc-a", ["step-1"])["step-1"]).num_rows == 0
    cache.close()


def test_no_path_keeps_nothing():
    cache = ResultCache(None)
    cache.put_many([("doc-a", "step-1", b"rows")])
    assert cache.get_many("doc-a", ["step-1"]) == {}
    cache.close()
