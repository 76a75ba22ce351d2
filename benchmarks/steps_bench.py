"""What each per-document step of the analysis pass costs next to parsing the same documents.

In one process, on the same articles: raw ``nlp.pipe`` over their texts (the baseline), then,
on those parsed docs, each step of :func:`newslens.steps.default_steps` in the order a run
calls it, the serialisation of each parse for the cache (:func:`newslens.nlp.doc_bytes`) and
the conversion of the step tables to Arrow IPC the workers send back
(:func:`newslens.workers.analyse_batch` does all of these after parsing). Prints the CPU
seconds of each and its share of the parse's. These shares are what an analysis pass adds to
a raw parse on every core; ``scale_bench.py`` measures the whole run.

    .venv/bin/python benchmarks/steps_bench.py                 # 300 articles
    .venv/bin/python benchmarks/steps_bench.py --limit 1000
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from newslens.corpus import load_documents
from newslens.nlp import LONG_TEXT_CHARS, doc_bytes, load_model
from newslens.steps import default_steps
from newslens.workers import as_ipc

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "allsides_baly2020" / "articles.jsonl.gz"
BATCH = 16  # documents per worker batch, as in newslens.analyse


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=300, help="articles")
    args = parser.parse_args()
    documents = [
        d for d in load_documents(args.corpus, limit=args.limit) if len(d.text) <= LONG_TEXT_CHARS
    ]
    nlp = load_model()
    list(nlp.pipe(["Warm-up sentence for the pipeline."]))
    started = time.process_time()
    docs = list(nlp.pipe((d.text for d in documents), batch_size=32))
    parse_seconds = time.process_time() - started
    steps = default_steps()
    warm: dict = {}
    for step in steps:  # build each step's matchers and lexicons before timing
        warm[step.name] = step(documents[0], docs[0], warm)
    seconds: dict[str, float] = defaultdict(float)
    produced = []
    for document, doc in zip(documents, docs, strict=True):
        tables: dict = {}
        for step in steps:
            tick = time.process_time()
            tables[step.name] = step(document, doc, tables)
            seconds[step.name] += time.process_time() - tick
        tick = time.process_time()
        doc_bytes(doc)
        seconds["parse cache (doc_bytes)"] += time.process_time() - tick
        produced.append(tables)
    tick = time.process_time()
    for start in range(0, len(produced), BATCH):
        as_ipc(produced[start : start + BATCH])
    seconds["Arrow IPC"] += time.process_time() - tick

    words = sum(d.words for d in documents)
    print(f"corpus: {len(documents)} articles of {args.corpus.name} ({words:,} words)")
    print(f"{'raw nlp.pipe (CPU)':28} {parse_seconds:8.1f} s")
    for name, value in seconds.items():
        print(f"{name:28} {value:8.2f} s  {value / parse_seconds:6.1%} of the parse")
    total = sum(seconds.values())
    print(f"{'all of them':28} {total:8.2f} s  {total / parse_seconds:6.1%} of the parse")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
