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
not assertions: run it on a quiet machine. Timings on a shared virtual machine swing by 10%
from one run to the next, so ``--repeat N`` runs the three N times, alternating, and prints
each round and the median of the ratios.

    .venv/bin/python benchmarks/scale_bench.py --limit 1000
    .venv/bin/python benchmarks/scale_bench.py --limit 1000 --repeat 3
    .venv/bin/python benchmarks/scale_bench.py --limit 0        # the whole corpus
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
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
    parser.add_argument("--repeat", type=int, default=1, help="rounds, alternating (median)")
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
    print(f"corpus: first {articles:,} articles of {args.corpus.name} ({words:,} words)")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    rounds = [
        _round(python, sliced, work, env, skip_raw=args.skip_raw, number=number)
        for number in range(1, max(args.repeat, 1) + 1)
    ]
    print(f"{'':32} {'seconds':>9} {'peak RSS':>10} {'status':>6}")
    for number, rows in enumerate(rounds, start=1):
        if len(rounds) > 1:
            print(f"round {number}")
        for name, seconds, peak, status in rows:
            print(f"{name:32} {seconds:9.1f} {peak / 2**30:8.2f} GB {status:>6}")
    firsts = [rows[-2][1] for rows in rounds]
    if not args.skip_raw:
        ratios = [rows[1][1] / rows[0][1] for rows in rounds]
        print(f"first run / raw parse: {_listed(ratios, 2)}x")
    reruns = [rows[-1][1] / first for rows, first in zip(rounds, firsts, strict=True)]
    print(f"rerun / first run:     {_listed(reruns, 3)}x")
    print(f"logs and runs in {work}")
    return 0 if all(row[3] == 0 for rows in rounds for row in rows) else 1


def _round(
    python: str, sliced: Path, work: Path, env: dict, *, skip_raw: bool, number: int
) -> list[tuple]:
    """One round: raw parse (unless skipped), ``newslens run`` on a fresh cache, the rerun;
    logs ``raw.log``, ``first.log``, ``rerun.log`` (``-<number>`` after the first round)."""
    tag = "" if number == 1 else f"-{number}"
    shutil.rmtree(work / "cache", ignore_errors=True)
    shutil.rmtree(work / "outputs", ignore_errors=True)
    rows = []
    if not skip_raw:
        raw = timed([python, "-c", RAW_PARSE, str(sliced)], env=env, log=work / f"raw{tag}.log")
        rows.append(("raw nlp.pipe, all cores", *raw))
    run = [python, "-m", "newslens", "run", "--corpus", str(sliced), "--out", str(work / "outputs")]
    rows.append(("newslens run, fresh cache", *timed(run, env=env, log=work / f"first{tag}.log")))
    rows.append(("newslens run again", *timed(run, env=env, log=work / f"rerun{tag}.log")))
    return rows


def _listed(values: list[float], digits: int) -> str:
    """One figure, or each round's and their median."""
    shown = [f"{v:.{digits}f}" for v in values]
    if len(values) == 1:
        return shown[0]
    return f"{statistics.median(values):.{digits}f} (median of {', '.join(shown)})"


if __name__ == "__main__":
    raise SystemExit(main())
