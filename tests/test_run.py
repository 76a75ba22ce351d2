"""newslens.run and the command line: a real run over the seed, reruns, and failures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from conftest import ROOT, SEEDS
from nbformat.v4 import new_code_cell, new_notebook


def newslens_cli(*args, cache: Path, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "NEWSLENS_CACHE_DIR": str(cache)}
    return subprocess.run(
        [sys.executable, "-m", "newslens", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    """One full run of every notebook over the seed, and a second run right after."""
    base = tmp_path_factory.mktemp("run")
    out, cache = base / "outputs", base / "cache"
    first = newslens_cli("run", "--corpus", str(SEEDS), "--out", str(out), cache=cache)
    second = newslens_cli("run", "--corpus", str(SEEDS), "--out", str(out), cache=cache)
    return first, second, out


def _run_dirs(out: Path) -> list[Path]:
    return sorted(p for p in out.iterdir() if p.is_dir())


def test_run_over_the_seed_writes_a_complete_run(seed_run):
    first, _, out = seed_run
    assert first.returncode == 0, first.stderr
    runs = _run_dirs(out)
    assert len(runs) == 2 and not any(p.name.startswith(".") for p in out.iterdir())
    run = runs[0]
    assert f"run: {run}" in first.stdout and f"index: {run / 'index.html'}" in first.stdout

    manifest = json.loads((run / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "complete"
    assert manifest["run_id"] == run.name
    assert manifest["corpus"]["documents"] == 1
    [seed_file] = manifest["corpus"]["files"]
    assert len(seed_file["sha256"]) == 64 and seed_file["path"].endswith(".txt")
    assert manifest["environment"]["model"]["name"] == "en_core_web_md"
    assert manifest["environment"]["model"]["version"] == "3.8.0"
    assert manifest["environment"]["packages"]["spacy"].startswith("3.8")
    assert manifest["environment"]["python"].startswith("3.12")
    assert manifest["parameters"]["model"] == "en_core_web_md"
    assert manifest["analysis"]["documents"] == 1 and manifest["analysis"]["analysed"] == 1
    classifier = manifest["frame_classifier"]
    assert classifier["path"].endswith("classifier.json") and len(classifier["sha256"]) == 64
    names = [n["name"] for n in manifest["notebooks"]]
    assert names == ["01_entity_frequency", "02_framing", "03_quotes", "04_explore"]
    for item in manifest["notebooks"]:
        assert item["status"] == "ok" and item["duration_s"] > 0
        html = (run / item["html"]).read_text(encoding="utf-8")
        assert "<html" in html and "Traceback" not in html
        if item["name"] != "04_explore":  # figures are embedded, not "<Figure size ...>"
            assert "data:image/png;base64" in html
        assert "<title>Notebook</title>" not in html and "· seeds</title>" in html
        assert "This report covers 1 document (" in html  # the scale sentence
        if item["name"] != "04_explore":  # no group_by: one line instead of placeholders
            assert "No groups were compared in this run" in html and "No grouping" not in html
        assert "<script src=" not in html and "cdnjs" not in html and "mathjax" not in html.lower()
        assert "highlight hl-ipython3" not in html  # code is hidden from readers by default
        assert (run / item["notebook"]).is_file()
    tables = {Path(t["path"]).name for t in manifest["outputs"]["tables"]}
    for name in ("documents", "mentions", "sentences", "frame_terms", "quotes"):
        assert {f"{name}.csv", f"{name}.parquet"} <= tables
    assert {"entities.csv", "quote_speakers.csv", "frame_balance.csv", "texts.parquet"} <= tables
    for listed in manifest["outputs"]["tables"] + manifest["outputs"]["figures"]:
        assert (run / listed["path"]).is_file()

    index = (run / "index.html").read_text(encoding="utf-8")
    for item in manifest["notebooks"]:
        assert f'href="{item["html"]}"' in index
    assert 'href="manifest.json"' in index and 'href="tables/documents.csv"' in index


def test_second_run_analyses_nothing_and_gives_identical_tables(seed_run):
    first, second, out = seed_run
    assert second.returncode == 0, second.stderr
    run_a, run_b = _run_dirs(out)
    manifest_a = json.loads((run_a / "manifest.json").read_text(encoding="utf-8"))
    manifest_b = json.loads((run_b / "manifest.json").read_text(encoding="utf-8"))
    assert manifest_a["analysis"]["parsed"] == 1
    assert manifest_b["analysis"]["parsed"] == 0 and manifest_b["analysis"]["analysed"] == 0
    assert manifest_b["analysis"]["results_cached"] == 1
    assert manifest_a["outputs"]["tables"] == manifest_b["outputs"]["tables"]  # byte for byte
    assert manifest_a["outputs"]["figures"] == manifest_b["outputs"]["figures"]


@pytest.mark.parametrize("problem", ["missing", "empty"])
def test_bad_corpus_exits_2_with_one_line_and_no_run(tmp_path, problem):
    out = tmp_path / "outputs"
    if problem == "missing":
        corpus, expected = "does/not/exist", "does/not/exist: no such file or folder"
    else:
        (tmp_path / "empty.txt").write_text("", encoding="utf-8")
        corpus, expected = str(tmp_path / "empty.txt"), "empty.txt: empty file"
    result = newslens_cli("run", "--corpus", corpus, "--out", str(out), cache=tmp_path / "c")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newslens: error: ") and expected in lines[0]
    assert not out.exists() or not any(out.iterdir())


def test_failed_notebook_keeps_a_failed_run_and_names_the_cell(tmp_path):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    good = new_notebook(
        cells=[
            new_code_cell(
                'run_dir: str = ""  # run\noutput_dir: str = ""  # out',
                metadata={"tags": ["parameters"]},
            ),
            new_code_cell(
                "from pathlib import Path\nPath(output_dir, 'tables', 'ok.csv').write_text('a\\n1\\n')"
            ),
        ]
    )
    bad = new_notebook(
        cells=[
            new_code_cell('run_dir: str = ""  # run', metadata={"tags": ["parameters"]}),
            new_code_cell("total = 1 + 1"),
            new_code_cell("raise ValueError('the lexicon file is empty')"),
        ]
    )
    nbformat.write(good, notebooks / "a_good.ipynb")
    nbformat.write(bad, notebooks / "b_bad.ipynb")
    out = tmp_path / "outputs"
    result = newslens_cli(
        "run",
        "--corpus",
        str(SEEDS),
        "--out",
        str(out),
        "--notebooks",
        str(notebooks / "*.ipynb"),
        "--kernel",
        "python3",
        cache=tmp_path / "c",
    )
    assert result.returncode == 1
    assert (
        "b_bad failed at cell" in result.stderr
        and "ValueError: the lexicon file is empty" in result.stderr
    )
    [run] = [p for p in out.iterdir() if p.is_dir()]
    assert run.name.endswith("-FAILED")
    manifest = json.loads((run / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "failed"
    by_name = {n["name"]: n for n in manifest["notebooks"]}
    assert by_name["a_good"]["status"] == "ok"
    assert by_name["b_bad"]["status"] == "failed"
    assert by_name["b_bad"]["error"]["ename"] == "ValueError"
    assert (run / "tables" / "ok.csv").read_text() == "a\n1\n"
    assert (run / "html" / "b_bad.html").is_file()  # the partial notebook is still readable


def test_unknown_parameter_is_refused_before_anything_runs(tmp_path):
    out = tmp_path / "outputs"
    result = newslens_cli("run", "--out", str(out), "-p", "no_such_option=3", cache=tmp_path / "c")
    assert result.returncode == 2
    assert "parameter 'no_such_option' is not declared by any notebook" in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_bad_parameter_value_and_missing_path_stop_before_anything_runs(tmp_path):
    out = tmp_path / "outputs"
    result = newslens_cli("run", "--out", str(out), "-p", "top_n=1.5", cache=tmp_path / "c")
    assert result.returncode == 2 and "parameter top_n: '1.5' is not a valid int" in result.stderr
    result = newslens_cli(
        "run", "--out", str(out), "-p", "alias_file", "nowhere.tsv", cache=tmp_path / "c"
    )
    assert (
        result.returncode == 2
        and "parameter alias_file: nowhere.tsv: no such file" in result.stderr
    )
    assert not out.exists() or not any(out.iterdir())


def test_a_group_by_no_column_answers_to_stops_before_anything_runs(tmp_path):
    out = tmp_path / "outputs"
    result = newslens_cli(
        "run", "--out", str(out), "-p", "group_by=outlet", cache=tmp_path / "c"
    )  # fmt: skip
    assert result.returncode == 2 and "group_by 'outlet': no such column" in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_analysis_parameters_resolve_against_the_callers_folder(tmp_path):
    """``-p alias_file=...`` is read relative to where the command runs, not notebooks/."""
    (tmp_path / "mine.tsv").write_text("Kiev\tKyiv\tGPE\n", encoding="utf-8")
    out = tmp_path / "outputs"
    result = newslens_cli(
        "analyse",
        "--corpus",
        str(SEEDS),
        "--out",
        str(out),
        "-p",
        "alias_file=mine.tsv",
        cache=tmp_path / "c",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    [run] = _run_dirs(out)
    manifest = json.loads((run / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["parameters"]["alias_file"] == str(tmp_path / "mine.tsv")
    assert (run / "tables" / "mentions.parquet").is_file() and not (run / "html").exists()


@pytest.fixture(scope="module")
def corpus_run(shared_dir, tmp_path_factory) -> Path:
    """Every notebook over the first 12 articles of the internal sample."""
    from itertools import islice

    base = tmp_path_factory.mktemp("corpus-run")
    source = shared_dir / "corpora" / "allsides_baly2020" / "sample_200.jsonl"
    corpus = base / "first12.jsonl"
    with open(source, encoding="utf-8") as lines:
        corpus.write_text("".join(islice(lines, 12)), encoding="utf-8")
    result = newslens_cli(
        "run", "--corpus", str(corpus), "--out", str(base / "outputs"), cache=base / "cache"
    )
    assert result.returncode == 0, result.stderr
    [run] = _run_dirs(base / "outputs")
    return run


def test_every_table_names_entities_as_the_entity_table_does(corpus_run):
    """One resolution per run: a name in any table is a row of entities.csv (or, for
    speakers, the words of an unresolved speaker)."""
    import pandas as pd

    tables = corpus_run / "tables"
    entities = set(pd.read_csv(tables / "entities.csv", keep_default_na=False)["entity"])
    quotes = pd.read_csv(tables / "quotes.csv", keep_default_na=False)
    assert len(entities) > 50 and len(quotes) > 20
    resolved = set(quotes.loc[quotes["speaker_entity"] != "", "speaker_entity"])
    assert resolved and resolved <= entities
    unresolved = set(quotes.loc[quotes["speaker_entity"] == "", "speaker"]) | {"(no speaker)"}
    columns = {
        "mentions": ["entity"],
        "entity_aliases": ["entity"],
        "entity_counts_by_document": ["entity"],
        "cooccurrence": ["entity_a", "entity_b"],
        "entity_mentions_by_period": ["entity"],
        "actors_by_frame": ["entity"],
    }
    for name, names in columns.items():
        table = pd.read_csv(tables / f"{name}.csv", keep_default_na=False)
        assert len(table), name
        for column in names:
            assert set(table[column]) <= entities, f"{name}.{column}"
    speakers = pd.read_csv(tables / "quote_speakers.csv", keep_default_na=False)
    assert set(speakers.loc[speakers["resolved"].astype(str) == "True", "speaker"]) <= entities
    for name in ("quote_speakers_by_document", "quote_speaker_frames"):
        table = pd.read_csv(tables / f"{name}.csv", keep_default_na=False)
        assert set(table["speaker"]) <= entities | unresolved, name


def _bad_folder(tmp_path: Path) -> Path:
    corpus = tmp_path / "mixed"
    corpus.mkdir()
    (corpus / "seed.txt").write_text(next(SEEDS.glob("*.txt")).read_text(encoding="utf-8"))
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "notes.docx").write_bytes(b"PK\x03\x04")
    (corpus / "rows.jsonl").write_text(
        '{"id": "a", "text": "Aid reached the town on Monday."}\n{bad json\n'
        '{"id": "b", "text": ""}\n',
        encoding="utf-8",
    )
    return corpus


def test_on_error_skip_lists_every_left_out_input_and_goes_on(tmp_path):
    corpus, out = _bad_folder(tmp_path), tmp_path / "outputs"
    stopped = newslens_cli(
        "analyse", "--corpus", str(corpus), "--out", str(out), cache=tmp_path / "c"
    )
    assert stopped.returncode == 2 and "empty.txt: empty file" in stopped.stderr
    assert not out.exists() or not any(out.iterdir())
    result = newslens_cli(
        "analyse",
        "--corpus",
        str(corpus),
        "--out",
        str(out),
        "--on-error",
        "skip",
        cache=tmp_path / "c",
    )
    assert result.returncode == 0, result.stderr
    assert "warning: 1 file not read (.docx: 1): notes.docx" in result.stdout
    skipped = [line for line in result.stdout.splitlines() if line.startswith("skipped: ")]
    assert len(skipped) == 3
    assert any("rows.jsonl, line 2: not valid JSON" in line for line in skipped)
    assert any("rows.jsonl, line 3: document has zero words" in line for line in skipped)
    [run] = _run_dirs(out)
    manifest = json.loads((run / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["corpus"]["documents"] == 2 and len(manifest["corpus"]["skipped"]) == 3
    assert manifest["corpus"]["unread"] == [str(corpus / "notes.docx")]
    index = (run / "index.html").read_text(encoding="utf-8")
    assert "3 input(s) skipped" in index and "rows.jsonl, line 2" in index
