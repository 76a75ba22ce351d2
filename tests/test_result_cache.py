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


def test_rows_of_all_but_the_two_latest_library_versions_are_deleted(tmp_path):
    path = tmp_path / "results.sqlite"
    for version in ("v1", "v2"):
        cache = ResultCache(path, library=version)
        cache.put_many([("doc-a", f"step-{version}", b"rows"), ("doc-b", f"step-{version}", b"x")])
        cache.close()
    cache = ResultCache(path, library="v2")  # a known version: nothing is deleted
    assert cache.libraries() == {"v1": 2, "v2": 2}
    cache.close()
    cache = ResultCache(path, library="v3")  # a new one: v1 is now the third most recent
    assert cache.libraries() == {"v2": 2}
    assert cache.get_many("doc-a", ["step-v1", "step-v2"]) == {"step-v2": b"rows"}
    cache.put_many([("doc-a", "step-v3", b"new")])
    assert cache.libraries() == {"v2": 2, "v3": 1}
    cache.close()


def test_two_checkouts_sharing_a_cache_keep_each_others_rows(tmp_path):
    path = tmp_path / "results.sqlite"
    for version in ("old", "new", "old", "new", "old"):
        cache = ResultCache(path, library=version)
        cache.put_many([("doc-a", f"step-{version}", b"rows")])
        cache.close()
    cache = ResultCache(path, library="new")
    assert cache.libraries() == {"new": 1, "old": 1}
    cache.close()


def test_a_cache_from_before_versions_were_recorded_is_upgraded(tmp_path):
    import sqlite3

    path = tmp_path / "results.sqlite"
    db = sqlite3.connect(path)
    db.execute(
        "CREATE TABLE results (document TEXT NOT NULL, step TEXT NOT NULL,"
        " rows BLOB NOT NULL, PRIMARY KEY (document, step))"
    )
    db.execute("INSERT INTO results VALUES ('doc-a', 'step-0', x'00')")
    db.commit()
    db.close()
    cache = ResultCache(path, library="v1")  # rows no version can serve any more: deleted
    assert cache.libraries() == {} and cache.get_many("doc-a", ["step-0"]) == {}
    cache.put_many([("doc-a", "step-1", b"rows")])
    assert cache.libraries() == {"v1": 1}
    cache.close()
