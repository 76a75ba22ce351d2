"""Cost of the framing step against parsing, on the same articles in the same process.

Reads the first ``--limit`` articles (default 1,000) of the internal corpus, parses them with
raw ``nlp.pipe`` (no cache: the baseline), then times on those parsed documents the parts
of the ``sentences`` step: lexicon matching, the frame classifier (features and
probabilities), VADER sentiment, and the whole step (:func:`newslens.framing.score_sentences`,
table included). Prints seconds, milliseconds per article and each as a ratio to parsing.
Target: the whole step at most 0.10 of parsing.

    PYTHONPATH=lib .venv/bin/python benchmarks/framing_bench.py [--limit 100]
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "allsides_baly2020" / "articles.jsonl.gz"
TARGET = 0.10


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="articles.jsonl.gz")
    parser.add_argument("--limit", type=int, default=1000, help="first N articles (1000)")
    args = parser.parse_args(argv)
    if not Path(args.corpus).is_file():
        print(f"framing_bench: corpus {args.corpus} is missing", file=sys.stderr)
        return 2

    from newslens import framing
    from newslens.corpus import read_corpus
    from newslens.framing import document_features, load_classifier
    from newslens.nlp import load_model
    from newslens.sentiment import sentence_sentiments

    documents = list(itertools.islice(read_corpus(args.corpus), args.limit))
    nlp = load_model()
    lexicons = framing.load_lexicons()
    classifier = load_classifier()
    sentence_sentiments(["warm up the analyzer."])
    matcher = framing.FrameMatcher(lexicons, nlp.vocab)
    nlp("warm up the pipeline.")

    started = time.perf_counter()
    docs = list(nlp.pipe((d.text for d in documents), batch_size=32))
    parse_seconds = time.perf_counter() - started

    timings = dict.fromkeys(["lexicon", "classifier", "sentiment", "sentences step"], 0.0)
    sentences = 0
    for doc in docs:
        bounds = framing.sentence_bounds(doc)
        sentences += len(bounds)
        matcher._last = None
        t0 = time.perf_counter()
        scores, terms = framing.lexicon_scores(doc, matcher, bounds)
        t1 = time.perf_counter()
        classifier.predict(document_features(doc, bounds, scores, terms))
        t2 = time.perf_counter()
        text = doc.text
        sentence_sentiments(text[start:end] for _, _, start, end in bounds)
        t3 = time.perf_counter()
        matcher._last = None
        framing.score_sentences(doc, doc_id="d", matcher=matcher, classifier=classifier)
        t4 = time.perf_counter()
        timings["lexicon"] += t1 - t0
        timings["classifier"] += t2 - t1
        timings["sentiment"] += t3 - t2
        timings["sentences step"] += t4 - t3

    n = len(docs)
    print(f"articles: {n}  sentences: {sentences}  model: {nlp.meta['name']}")
    print(f"{'part':<18}{'seconds':>9}{'ms/article':>12}{'ratio':>8}")
    print(
        f"{'nlp.pipe (parse)':<18}{parse_seconds:>9.2f}{1000 * parse_seconds / n:>12.2f}{1:>8.3f}"
    )
    for name, seconds in timings.items():
        print(
            f"{name:<18}{seconds:>9.2f}{1000 * seconds / n:>12.2f}{seconds / parse_seconds:>8.3f}"
        )
    ratio = timings["sentences step"] / parse_seconds
    print(f"framing step / parse: {ratio:.3f} (target <= {TARGET})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
