"""The analysis pass: one parse per document, every step, cached, resumable, the same tables
whatever runs it (one process, several, or a Dask cluster)."""

from __future__ import annotations

import filecmp
import json
import os
import signal
import subprocess
import sys
import time
from itertools import islice
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from newslens.analyse import analyse
from newslens.corpus import Document, read_corpus
from newslens.steps import DocumentsStep, MentionsStep, QuotesStep, default_steps

TABLES = ("documents", "mentions", "sentences", "frame_terms", "quotes", "texts")


@pytest.fixture(scope="module")
def sample_corpus(shared_dir, tmp_path_factory) -> Path:
    """The first 12 articles of the internal sample, as a JSONL file of their own."""
    source = shared_dir / "corpora" / "allsides_baly2020" / "sample_200.jsonl"
    target = tmp_path_factory.mktemp("sample") / "first12.jsonl"
    with open(source, encoding="utf-8") as lines:
        target.write_text("".join(islice(lines, 12)), encoding="utf-8")
    return target


def _same_tables(a: Path, b: Path) -> None:
    for name in TABLES:
        for suffix in (".parquet", ".csv"):
            left, right = a / "tables" / f"{name}{suffix}", b / "tables" / f"{name}{suffix}"
            if left.exists() or right.exists():
                assert filecmp.cmp(left, right, shallow=False), f"{name}{suffix} differs"


def test_jobs_do_not_change_a_byte(sample_corpus, tmp_path):
    corpus = read_corpus(sample_corpus)
    one = analyse(corpus, tmp_path / "one", jobs=1, cache_dir=tmp_path / "c1", batch_documents=4)
    two = analyse(corpus, tmp_path / "two", jobs=2, cache_dir=tmp_path / "c2", batch_documents=4)
    assert one.analysed == two.analysed == 12 and one.parsed == two.parsed == 12
    assert one.rows == two.rows and one.rows["sentences"] > 100
    _same_tables(tmp_path / "one", tmp_path / "two")


def test_a_dask_cluster_gives_the_same_tables(sample_corpus, tmp_path):
    distributed = pytest.importorskip("distributed")
    corpus = read_corpus(sample_corpus)
    analyse(corpus, tmp_path / "local", jobs=1, cache_dir=tmp_path / "c1", batch_documents=4)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        stats = analyse(
            corpus,
            tmp_path / "dask",
            scheduler=cluster.scheduler_address,
            cache_dir=tmp_path / "c2",
            batch_documents=4,
        )
    assert stats.analysed == 12 and stats.scheduler.startswith("tcp://")
    _same_tables(tmp_path / "local", tmp_path / "dask")


def test_a_rerun_analyses_nothing_and_one_changed_step_reruns_alone(sample_corpus, tmp_path):
    corpus = read_corpus(sample_corpus)
    cache = tmp_path / "cache"
    first = analyse(corpus, tmp_path / "a", jobs=1, cache_dir=cache)
    again = analyse(corpus, tmp_path / "b", jobs=1, cache_dir=cache)
    assert first.analysed == 12 and again.analysed == 0 and again.results_cached == 12
    assert again.parsed == 0 and again.parse_cached == 0  # not even read from the parse cache
    _same_tables(tmp_path / "a", tmp_path / "b")
    lexicon = tmp_path / "aid.txt"
    lexicon.write_text("aid\nrelief\n", encoding="utf-8")
    changed = default_steps(extra_lexicons=[str(lexicon)])
    third = analyse(corpus, tmp_path / "c", steps=changed, jobs=1, cache_dir=cache)
    # Only the two framing steps changed: the documents are parsed again (from the parse
    # cache) but mentions and quotes keep their cached rows.
    assert third.analysed == 12 and third.parsed == 0 and third.parse_cached == 12
    sentences = pd.read_parquet(tmp_path / "c" / "tables" / "sentences.parquet")
    assert "aid_score" in sentences.columns
    for name in ("mentions", "quotes", "documents"):
        assert filecmp.cmp(
            tmp_path / "a" / "tables" / f"{name}.parquet",
            tmp_path / "c" / "tables" / f"{name}.parquet",
            shallow=False,
        )


def test_an_interrupted_pass_resumes_where_it_stopped(sample_corpus, tmp_path):
    cache = tmp_path / "cache"
    documents = list(read_corpus(sample_corpus))

    def interrupted():
        yield from documents[:8]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        analyse(interrupted(), tmp_path / "a", jobs=1, cache_dir=cache, batch_documents=4)
    resumed = analyse(documents, tmp_path / "b", jobs=1, cache_dir=cache, batch_documents=4)
    assert resumed.results_cached == 8 and resumed.analysed == 4


def test_a_document_renamed_between_runs_gets_rows_with_its_new_fields(tmp_path):
    text = "Engineers restored power to Kharkiv on Monday, the city council said."
    cache = tmp_path / "cache"
    first = [Document(doc_id="a1", text=text, title="Power back")]
    analyse(first, tmp_path / "a", jobs=1, cache_dir=cache)
    renamed = Document(doc_id="kharkiv-power", text=text, title="Power restored")
    stats = analyse([renamed], tmp_path / "b", jobs=1, cache_dir=cache)
    assert stats.analysed == 1 and stats.parse_cached == 1  # the parse is the same text's
    for name in ("documents", "mentions", "sentences", "frame_terms"):
        table = pd.read_parquet(tmp_path / "b" / "tables" / f"{name}.parquet")
        assert len(table) and set(table["doc_id"]) == {"kharkiv-power"}, name
    documents = pd.read_parquet(tmp_path / "b" / "tables" / "documents.parquet")
    assert documents["title"].tolist() == ["Power restored"]


def test_a_new_library_reruns_every_step_from_the_cached_parses(tmp_path, monkeypatch):
    from newslens import resources

    documents = [Document(doc_id="d", text="Crews rebuilt the bridge in Irpin, officials said.")]
    cache = tmp_path / "cache"
    analyse(documents, tmp_path / "a", jobs=1, cache_dir=cache)
    assert analyse(documents, tmp_path / "b", jobs=1, cache_dir=cache).analysed == 0
    monkeypatch.setattr(resources, "library_digest", lambda: "another release")
    upgraded = analyse(documents, tmp_path / "c", jobs=1, cache_dir=cache)
    assert upgraded.analysed == 1 and upgraded.parsed == 0 and upgraded.parse_cached == 1
    assert not upgraded.pass_reused


def test_quotes_read_the_mentions_of_their_document(nlp):
    text = (
        'Ukrainian President Volodymyr Zelenskyy spoke in Rome.\n\n"We will rebuild," Zelenskyy'
        " said on Thursday."
    )
    document = Document(doc_id="d", text=text)
    doc = nlp(text)
    mentions = MentionsStep()(document, doc)
    quotes = QuotesStep()(document, doc, {"mentions": mentions})
    assert quotes["speaker_entity"].tolist() == ["Volodymyr Zelenskyy"]
    row = DocumentsStep()(document, doc).iloc[0]
    assert (row["doc_id"], row["sentences"], row["characters"]) == ("d", 2, len(text))


def test_an_article_of_one_and_a_half_million_characters_completes(tmp_path):
    paragraph = (
        "Russian missiles struck the power plant on Tuesday, officials said, and repair crews"
        " worked through the night to restore heating to 40,000 homes. \u201cWe will rebuild"
        " every street,\u201d the mayor told reporters.\n\n"
    )
    text = (paragraph * (1_500_000 // len(paragraph) + 1))[:1_500_000]
    corpus = tmp_path / "long.txt"
    corpus.write_text(text, encoding="utf-8")
    stats = analyse(read_corpus(corpus), tmp_path / "run", jobs=1, cache_dir=False)
    assert stats.documents == 1 and stats.words > 200_000
    sentences = pd.read_parquet(tmp_path / "run" / "tables" / "sentences.parquet")
    last = sentences.iloc[-1]
    assert last["end"] <= len(text) and text[last["start"] : last["end"]] == last["text"]
    quotes = pd.read_parquet(tmp_path / "run" / "tables" / "quotes.parquet")
    assert len(quotes) > 1000 and (quotes["end"] <= len(text)).all()


def _start_run(corpus: Path, out: Path, cache: Path) -> subprocess.Popen:
    """``newslens run`` on two worker processes, returned once its analysis has started."""
    env = {**os.environ, "NEWSLENS_CACHE_DIR": str(cache)}
    command = [sys.executable, "-m", "newslens", "run", "--corpus", str(corpus), "--out", str(out)]
    process = subprocess.Popen(
        [*command, "--jobs", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    for line in process.stdout:
        if line.startswith("analyse:"):
            break
    time.sleep(4)
    return process


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "kill"])
def test_a_stopped_run_exits_130_with_one_line_and_no_run_folder(sample_corpus, tmp_path, stop):
    out = tmp_path / "outputs"
    process = _start_run(sample_corpus, out, tmp_path / "cache")
    process.send_signal(stop)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newslens: interrupted"), stderr
    assert not out.exists() or not any(out.iterdir())


def test_a_killed_run_leaves_no_workers_and_its_folder_goes_with_the_next_run(shared_dir, tmp_path):
    psutil = pytest.importorskip("psutil")
    corpus = tmp_path / "first40.jsonl"  # three batches: enough for two worker processes
    sample = shared_dir / "corpora" / "allsides_baly2020" / "sample_200.jsonl"
    with open(sample, encoding="utf-8") as lines:
        corpus.write_text("".join(islice(lines, 40)), encoding="utf-8")
    out = tmp_path / "outputs"
    process = _start_run(corpus, out, tmp_path / "cache")
    workers = psutil.Process(process.pid).children(recursive=True)
    assert workers, "the run works in worker processes"
    process.kill()  # no chance to clean up
    process.wait(timeout=30)
    gone, alive = psutil.wait_procs(workers, timeout=20)
    assert alive == []  # the workers noticed and stopped
    [abandoned] = list(out.iterdir())
    assert abandoned.name.startswith(".") and abandoned.name.endswith(".partial")
    env = {**os.environ, "NEWSLENS_CACHE_DIR": str(tmp_path / "cache")}
    again = subprocess.run(
        [
            sys.executable,
            "-m",
            "newslens",
            "analyse",
            "--corpus",
            str(corpus),
            "--out",
            str(out),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert again.returncode == 0, again.stderr
    assert [p.name.startswith(".") for p in out.iterdir()] == [False]


def test_analysis_json_records_the_pass(sample_corpus, tmp_path):
    analyse(read_corpus(sample_corpus), tmp_path, jobs=1, cache_dir=tmp_path / "c")
    stats = json.loads((tmp_path / "analysis.json").read_text(encoding="utf-8"))
    assert stats["documents"] == 12 and stats["model"]["name"] == "en_core_web_md"
    assert set(stats["steps"]) == {"documents", "mentions", "sentences", "frame_terms", "quotes"}


# Words, markup and every kind of quotation mark, glued at random: what a scraper leaves.
_PIECES = [
    "Russian",
    "strikes",
    "killed",
    "aid",
    "rebuild",
    "Kyiv",
    "Zelenskyy said",
    "according to officials",
    '"',
    "\u201c",
    "\u201d",
    "'",
    "\u00ab",
    "\u00bb",
    "<script>",
    "</b>",
    "&amp;",
    "$",
    "\u202e",
    "\n\n",
    "\n",
    ".",
    ",",
    ":",
    " ",
]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    parts=st.lists(
        st.one_of(st.sampled_from(_PIECES), st.text(min_size=1, max_size=6)),
        min_size=1,
        max_size=60,
    )
)
def test_every_step_keeps_offsets_inside_random_text(nlp, parts):
    """Random Unicode, markup and quote characters through every analysis step: every row's
    offsets stay inside the text, and the text it shows is the text at those offsets."""
    from newslens.analyse import analyse_documents

    text = " ".join(parts)
    if not text.strip():
        return
    tables = analyse_documents([Document(doc_id="r", text=text)], default_steps(), nlp=nlp)
    for name, columns in {
        "mentions": ("start", "end", "text"),
        "sentences": ("start", "end", "text"),
        "frame_terms": ("start", "end", "text"),
        "quotes": ("start", "end", "quote"),
    }.items():
        table = tables[name]
        for start, end, shown in table[list(columns)].itertuples(index=False):
            assert 0 <= start <= end <= len(text), name
            assert text[start:end] == shown, name
