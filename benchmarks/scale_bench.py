"""How newslens scales: a whole run against raw spaCy parsing of the same articles.

Takes the first ``--limit`` articles of the internal corpus (``../shared/corpora/
allsides_baly2020/articles.jsonl.gz``) and times, each as a whole process with the peak RSS
of its process tree:

1. raw ``nlp.pipe`` over the texts with as many processes as cores (the baseline: parsing
   is the cost nothing can avoid);
2. ``python -m newslens run`` with its defaults and a fresh cache (analysis pass on every
   core, then every notebook, reports, manifest);
3. the same command again (everything from the cache).

Prints the times, the ratios (first run / raw, rerun / first run) and the peak RSS. Figures,
not assertions: run it on a quiet machine.

    .venv/bin/python benchmarks/scale_bench.py --limit 1000
    .venv/bin/python benchmarks/scale_bench.py --limit 0        # the whole corpus
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "allsides_baly2020" / "articles.jsonl.gz"

RAW_PARSE = """
import json, os, sys
from newslens.nlp import resolve_model
import spacy
nlp = spacy.load(resolve_model())
texts = (json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8"))
n = 0
for doc in nlp.pipe(texts, batch_size=32, n_process=os.cpu_count()):
    n += 1
print(n)
"""


def _tree_rss(pid: int) -> int:
    import psutil

    try:
        process = psutil.Process(pid)
        members = [process, *process.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for member in members:
        try:
            total += member.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return total


def timed(command: list[str], *, env: dict, log: Path) -> tuple[float, int, int]:
    """Wall seconds, peak RSS of the process tree (bytes) and exit status of ``command``."""
    peak = 0
    with open(log, "w", encoding="utf-8") as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        done = threading.Event()

        def watch():
            nonlocal peak
            while not done.is_set():
                peak = max(peak, _tree_rss(process.pid))
                done.wait(0.25)

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        status = process.wait()
        done.set()
        watcher.join()
        seconds = time.perf_counter() - started
    return seconds, peak, status


def slice_corpus(source: Path, target: Path, limit: int) -> tuple[int, int]:
    """The first ``limit`` lines (0: all) of ``source`` into ``target``; (articles, words)."""
    import json

    articles = words = 0
    with (
        gzip.open(source, "rt", encoding="utf-8") as lines,
        open(target, "w", encoding="utf-8") as out,
    ):
        for line in lines:
            if limit and articles >= limit:
                break
            out.write(line)
            articles += 1
            words += len(json.loads(line)["text"].split())
    return articles, words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=1000, help="articles (0: the whole corpus)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--skip-raw", action="store_true", help="leave out the raw baseline")
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (default: temp)")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"scale_bench: {args.corpus} is missing", file=sys.stderr)
        return 2
    work = Path(args.work or tempfile.mkdtemp(prefix="newslens-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    sliced = work / "articles.jsonl"
    articles, words = slice_corpus(args.corpus, sliced, args.limit)
    python = sys.executable
    env = {**os.environ, "NEWSLENS_CACHE_DIR": str(work / "cache")}
    shutil.rmtree(work / "cache", ignore_errors=True)
    shutil.rmtree(work / "outputs", ignore_errors=True)
    print(f"corpus: first {articles:,} articles of {args.corpus.name} ({words:,} words)")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    rows = []
    if not args.skip_raw:
        raw = timed([python, "-c", RAW_PARSE, str(sliced)], env=env, log=work / "raw.log")
        rows.append(("raw nlp.pipe, all cores", *raw))
    run = [python, "-m", "newslens", "run", "--corpus", str(sliced), "--out", str(work / "outputs")]
    first = timed(run, env=env, log=work / "first.log")
    rows.append(("newslens run, fresh cache", *first))
    again = timed(run, env=env, log=work / "rerun.log")
    rows.append(("newslens run again", *again))
    print(f"{'':32} {'seconds':>9} {'peak RSS':>10} {'status':>6}")
    for name, seconds, peak, status in rows:
        print(f"{name:32} {seconds:9.1f} {peak / 2**30:8.2f} GB {status:>6}")
    if not args.skip_raw:
        print(f"first run / raw parse: {first[0] / rows[0][1]:.2f}x")
    print(f"rerun / first run:     {again[0] / first[0]:.3f}x")
    print(f"logs and runs in {work}")
    return 0 if all(row[3] == 0 for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
