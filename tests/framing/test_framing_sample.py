"""The label-file check of benchmarks/framing_sample.py, on batches and labels written here."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from conftest import ROOT


@pytest.fixture(scope="module")
def sampler():
    spec = importlib.util.spec_from_file_location(
        "framing_sample", ROOT / "benchmarks" / "framing_sample.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def batches(tmp_path):
    folder = tmp_path / "batches"
    folder.mkdir()
    lines = [
        {"type": "article", "article_id": "a1"},
        {"type": "sentence", "article_id": "a1", "sentence_id": 1, "start": 0, "end": 10},
        {"type": "sentence", "article_id": "a1", "sentence_id": 2, "start": 12, "end": 30},
    ]
    (folder / "test_01.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    return folder


def _labels(folder: Path, labels: tuple[str, str], *, sub: str | None = "ann") -> Path:
    target = folder / sub if sub else folder
    target.mkdir(parents=True, exist_ok=True)
    rows = ["article_id,sentence_id,start,end,label,note"]
    rows += [f"a1,1,0,10,{labels[0]},", f"a1,2,12,30,{labels[1]},"]
    (target / "test_01.csv").write_text("\n".join(rows) + "\n")
    return folder


def test_valid_labels_pass(sampler, batches, tmp_path):
    labels = _labels(tmp_path / "labels", ("destruction", "neither"))
    assert sampler.validate_labels(labels, batches) == []


@pytest.mark.parametrize(
    ("labels", "sub", "message"),
    [
        (("destruction", ""), "ann", "1 rows with a blank label"),
        (("destruction", "  "), "ann", "1 rows with a blank label"),
        (("destruction", "ruin"), "ann", "1 rows with a label not among"),
        (("destruction", "neither"), None, "must be in an annotator subfolder"),
    ],
)
def test_bad_labels_are_rejected(sampler, batches, tmp_path, labels, sub, message):
    folder = _labels(tmp_path / "labels", labels, sub=sub)
    problems = sampler.validate_labels(folder, batches)
    assert any(message in p for p in problems), problems


def test_a_folder_without_label_files_is_rejected(sampler, batches, tmp_path):
    (tmp_path / "empty" / "ann").mkdir(parents=True)
    problems = sampler.validate_labels(tmp_path / "empty", batches)
    assert any("no <annotator>/<batch>.csv" in p for p in problems)
