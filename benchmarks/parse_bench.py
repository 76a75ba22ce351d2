"""How much newslens's parsing costs beyond spaCy's own, and what the cache saves.

Measures, in one process, on the same documents:

* ``nlp.pipe``: the baseline, raw spaCy over the texts;
* ``parse (cold)``: :func:`newslens.nlp.parse` with an empty cache (parse + write DocBins);
* ``parse (warm)``: the same call again, every document read from the cache;
* peak resident memory while streaming, against the baseline's.

Usage::

    .venv/bin/python benchmarks/parse_bench.py [--corpus PATH] [--limit N] [--n-process N]

The default corpus is the first 200 articles of ``../shared/corpora/allsides_baly2020``.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from newslens.corpus import load_documents
from newslens.nlp import ParseStats, load_model, parse

DEFAULT_CORPUS = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "corpora"
    / "allsides_baly2020"
    / "sample_200.jsonl"
)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--n-process", type=int, default=1)
    args = parser.parse_args()

    documents = load_documents(args.corpus, limit=args.limit)
    words = sum(d.words for d in documents)
    nlp = load_model()
    list(nlp.pipe(["Warm-up sentence for the pipeline."]))
    print(f"corpus: {args.corpus}: {len(documents)} documents, {words:,} words")

    rss_before = peak_rss_mb()
    tick = time.perf_counter()
    for _ in nlp.pipe(
        (d.text for d in documents), batch_size=args.batch_size, n_process=args.n_process
    ):
        pass
    baseline = time.perf_counter() - tick
    rss_baseline = peak_rss_mb()

    with tempfile.TemporaryDirectory() as cache:
        cold_stats, warm_stats = ParseStats(), ParseStats()
        tick = time.perf_counter()
        for _ in parse(
            documents,
            nlp=nlp,
            cache_dir=cache,
            batch_size=args.batch_size,
            n_process=args.n_process,
            progress=False,
            stats=cold_stats,
        ):
            pass
        cold = time.perf_counter() - tick
        rss_cold = peak_rss_mb()
        tick = time.perf_counter()
        for _ in parse(documents, nlp=nlp, cache_dir=cache, progress=False, stats=warm_stats):
            pass
        warm = time.perf_counter() - tick
        size = sum(p.stat().st_size for p in Path(cache).rglob("*.spacy"))

    print(f"{'step':<16}{'seconds':>9}{'words/s':>10}{'vs nlp.pipe':>13}")
    for name, seconds in (("nlp.pipe", baseline), ("parse (cold)", cold), ("parse (warm)", warm)):
        print(f"{name:<16}{seconds:>9.2f}{words / seconds:>10,.0f}{seconds / baseline:>12.2f}x")
    print(f"cold: {cold_stats}; warm: {warm_stats}")
    print(f"cache size: {size / 1e6:.1f} MB ({size / len(documents) / 1e3:.1f} kB per document)")
    print(
        f"peak RSS: before {rss_before:.0f} MB, after nlp.pipe {rss_baseline:.0f} MB,"
        f" after parse {rss_cold:.0f} MB"
    )


if __name__ == "__main__":
    main()
