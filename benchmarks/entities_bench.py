"""How much the entity step costs next to parsing: newslens.entities on a corpus sample.

Parses the corpus with raw ``nlp.pipe`` (the baseline, timed), then times newslens's entity
step on the same parsed docs: :func:`extract_mentions` for every document,
:func:`link_across_documents`, then the corpus tables (:func:`entity_table`, :func:`entity_counts_by_document`, :func:`cooccurrence`).
Prints both times and their ratio; the target is an entity step under 5% of the parse.

    .venv/bin/python benchmarks/entities_bench.py
    .venv/bin/python benchmarks/entities_bench.py --corpus seeds --repeat 5
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import pandas as pd
from newslens.corpus import read_corpus
from newslens.entities import (
    cooccurrence,
    entity_counts_by_document,
    entity_table,
    extract_mentions,
    link_across_documents,
    load_aliases,
)
from newslens.nlp import load_model

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "allsides_baly2020" / "sample_200.jsonl"
TARGET_RATIO = 0.05


def entity_step(parsed, aliases, parts: dict[str, list[float]] | None = None) -> dict:
    """The work a run does for entities after parsing: per-document mentions (in the
    analysis pass), the corpus-level resolution once, then the corpus tables. ``parts``
    collects the time of each of the three."""
    started = time.perf_counter()
    mentions = pd.concat(
        [extract_mentions(doc, doc_id=doc_id, aliases=aliases) for doc_id, doc in parsed],
        ignore_index=True,
    )
    extracted = time.perf_counter()
    mentions = link_across_documents(mentions, aliases=aliases)
    linked = time.perf_counter()
    tables = {
        "mentions": mentions,
        "entities": entity_table(mentions),
        "by_document": entity_counts_by_document(mentions),
        "cooccurrence": cooccurrence(mentions),
    }
    if parts is not None:
        done = time.perf_counter()
        parts.setdefault("per-document mentions", []).append(extracted - started)
        parts.setdefault("corpus-level resolution", []).append(linked - extracted)
        parts.setdefault("tables", []).append(done - linked)
    return tables


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="corpus path (any format)")
    parser.add_argument("--model", default=None, help="spaCy model (default en_core_web_md)")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N documents")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=3, help="entity-step runs (median taken)")
    args = parser.parse_args()

    documents = list(read_corpus(args.corpus))
    if args.limit:
        documents = documents[: args.limit]
    nlp = load_model(args.model)
    aliases = load_aliases()
    words = sum(document.words for document in documents)

    started = time.perf_counter()
    docs = list(nlp.pipe((d.text for d in documents), batch_size=args.batch_size))
    parse_seconds = time.perf_counter() - started
    parsed = [(d.doc_id, doc) for d, doc in zip(documents, docs, strict=True)]

    entity_step(parsed[:1], aliases)  # warm up (data files, lazy imports)
    timings = []
    parts: dict[str, list[float]] = {}
    for _ in range(max(args.repeat, 1)):
        started = time.perf_counter()
        tables = entity_step(parsed, aliases, parts)
        timings.append(time.perf_counter() - started)
    entity_seconds = statistics.median(timings)
    ratio = entity_seconds / parse_seconds

    print(f"corpus: {args.corpus}")
    print(f"documents: {len(documents)}  words: {words}  model: {nlp.meta.get('name')}")
    print(
        f"mentions: {len(tables['mentions'])}  entities: {len(tables['entities'])}"
        f"  co-occurring pairs: {len(tables['cooccurrence'])}"
    )
    print(
        f"parse (nlp.pipe, batch {args.batch_size}): {parse_seconds:.2f} s"
        f"  ({words / parse_seconds:,.0f} words/s)"
    )
    print(
        f"entity step (median of {len(timings)}): {entity_seconds:.3f} s"
        f"  [{', '.join(f'{t:.3f}' for t in timings)}]"
    )
    for name, values in parts.items():
        print(f"  {name}: {statistics.median(values):.3f} s")
    print(
        f"ratio entity/parse: {ratio:.2%}  (target < {TARGET_RATIO:.0%}:"
        f" {'met' if ratio < TARGET_RATIO else 'NOT met'})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
