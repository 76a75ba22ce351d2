"""newslens.manifest: what went into a run and what came out, with hashes and versions."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from conftest import SEEDS
from newslens.execute import NotebookResult
from newslens.io import file_sha256
from newslens.manifest import build_manifest, corpus_name
from newslens.plan import plan


@pytest.mark.parametrize(
    ("spec", "name"),
    [
        ("seeds", "seeds"),
        ("seeds/", "seeds"),
        ("data/articles.jsonl.gz", "articles.jsonl.gz"),
        ("data/2024-*.html", "2024-*.html"),
        ("/", "/"),
    ],
)
def test_the_corpus_is_named_by_the_last_part_of_its_path(spec, name):
    assert corpus_name(spec) == name


def test_the_manifest_records_inputs_outputs_and_versions(tmp_path):
    the_plan = plan(corpus=SEEDS, notebooks=None, parameters=["threshold=0.5"], log=lambda _: None)
    staging = tmp_path / "run"
    (staging / "tables").mkdir(parents=True)
    (staging / "tables" / "documents.csv").write_bytes(b"doc_id\nx\n")
    analysis = {"model": {"choice": "en_core_web_md", "name": "en_core_web_md", "version": "3.8.0"}}
    failed = NotebookResult(
        name="02_framing",
        status="failed",
        notebook="notebooks/02_framing.ipynb",
        error={"cell": 3, "ename": "ValueError", "evalue": "bad"},
    )
    manifest = build_manifest(
        staging,
        run_id="20260102-030405-abcdef",
        plan=the_plan,
        analysis=analysis,
        notebooks=[failed],
        started=dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
        seconds=1.234,
        show_code=False,
    )
    assert manifest["status"] == "failed" and manifest["duration_s"] == 1.23
    assert manifest["started_at"] == "2026-01-02T03:04:05+00:00"
    [seed] = manifest["corpus"]["files"]
    assert seed["sha256"] == file_sha256(seed["path"]) and manifest["corpus"]["documents"] == 1
    assert manifest["corpus"]["skipped"] == [] and manifest["corpus"]["on_error"] == "stop"
    assert manifest["parameters"]["threshold"] == 0.5
    assert manifest["parameters"]["model"] == "en_core_web_md"
    assert manifest["notebooks"] == [
        {
            "name": "02_framing",
            "status": "failed",
            "duration_s": 0.0,
            "notebook": "notebooks/02_framing.ipynb",
            "html": "",
            "error": {"cell": 3, "ename": "ValueError", "evalue": "bad"},
        }
    ]
    assert manifest["outputs"] == {
        "tables": [
            {
                "path": "tables/documents.csv",
                "bytes": 9,
                "sha256": hashlib.sha256(b"doc_id\nx\n").hexdigest(),
            }
        ],
        "figures": [],
    }
    classifier = manifest["frame_classifier"]
    assert classifier["sha256"] == file_sha256(classifier["path"])
    assert manifest["environment"]["packages"]["spacy"].startswith("3.8")
    assert manifest["environment"]["model"] == analysis["model"]
