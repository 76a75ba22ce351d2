"""newslens.tables: finding a finished run and reading its tables without loading them whole."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from newslens.tables import RunNotFound, latest_run, open_run, scale_sentence

STATS = {
    "documents": 3,
    "words": 1234,
    "parsed": 1,
    "seconds": 2.5,
    "jobs": 2,
    "scheduler": "",
    "model": {"name": "en_core_web_md", "version": "3.8.0"},
}


def _run(folder):
    (folder / "tables").mkdir(parents=True)
    (folder / "analysis.json").write_text(json.dumps(STATS), encoding="utf-8")
    pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["x", "y", "z"]}).to_parquet(
        folder / "tables" / "texts.parquet"
    )
    return folder


def test_the_latest_complete_run_is_found(tmp_path):
    _run(tmp_path / "20260101-000000-aaaaaa")
    _run(tmp_path / "20260102-000000-aaaaaa")
    _run(tmp_path / "20260103-000000-aaaaaa-FAILED")
    _run(tmp_path / ".20260104-000000-aaaaaa.partial")
    (tmp_path / "20260105-000000-aaaaaa").mkdir()  # not a run: no tables
    assert latest_run(tmp_path).name == "20260102-000000-aaaaaa"
    with pytest.raises(RunNotFound, match="no finished run under"):
        latest_run(tmp_path / "nothing")


def test_a_table_is_read_by_columns_and_documents(tmp_path):
    run = open_run(_run(tmp_path / "run"), output_dir=tmp_path / "mine")
    assert run.output == tmp_path / "mine"
    texts = run.table("texts", doc_ids=["c", "a"])
    assert sorted(texts["doc_id"]) == ["a", "c"]
    assert list(run.table("texts", columns=["doc_id"], doc_ids=[]).columns) == ["doc_id"]
    with pytest.raises(RunNotFound, match="the run has no table 'quotes'"):
        run.table("quotes")
    assert run.manifest == {} and run.stats == STATS
    with pytest.raises(RunNotFound, match="is not a newslens run folder"):
        open_run(tmp_path)


def test_the_scale_sentence_says_what_the_pass_did(tmp_path):
    assert scale_sentence(open_run(_run(tmp_path / "run"))) == (
        "This report covers 3 documents (1,234 words); the analysis pass parsed 1 of them and"
        " took 2 from the cache, in 2.5 s on 2 processes with en_core_web_md 3.8.0."
    )


def test_a_runs_executed_notebooks_folder_stands_for_the_run(tmp_path, monkeypatch):
    # JupyterLab starts the kernel of <run>/notebooks/X.ipynb in that folder, where the
    # executed copy says run_dir="." and output_dir=".".
    folder = _run(tmp_path / "run")
    (folder / "notebooks").mkdir()
    monkeypatch.chdir(folder / "notebooks")
    run = open_run(".", output_dir=".")
    assert run.path.resolve() == folder.resolve() and run.output.resolve() == folder.resolve()
    assert sorted(run.table("texts")["doc_id"]) == ["a", "b", "c"]
    (tmp_path / "elsewhere" / "notebooks").mkdir(parents=True)  # not inside a run
    monkeypatch.chdir(tmp_path / "elsewhere" / "notebooks")
    with pytest.raises(RunNotFound, match="is not a newslens run folder"):
        open_run(".")


def test_a_table_is_read_by_its_first_rows_and_described_without_reading_it(tmp_path):
    run = open_run(_run(tmp_path / "run"))
    assert run.columns("texts") == ["doc_id", "text"]
    assert run.table("texts", rows=2)["doc_id"].tolist() == ["a", "b"]
    assert run.table("texts", rows=10, columns=["text"]).to_dict("list") == {
        "text": ["x", "y", "z"]
    }
    with pytest.raises(RunNotFound, match="the run has no table 'quotes'"):
        run.columns("quotes")


def test_no_row_limit_reads_every_row_and_rows_go_without_doc_ids(tmp_path):
    run = open_run(_run(tmp_path / "run"))
    assert len(run.table("texts", rows=0)) == 3  # table_rows=0 means every row
    with pytest.raises(ValueError, match="rows or doc_ids"):
        run.table("texts", rows=2, doc_ids=["a"])
