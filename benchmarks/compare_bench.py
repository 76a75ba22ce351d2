"""How long the group comparisons take at the size of the internal corpus (37,540 articles).

A full analysis of the corpus takes hours, so the tables are made to its size from a finished
run of any sample: every article of the corpus (its real id, outlet, date and AllSides bias
from ``../shared``) gets the mentions, sentences and quotes of a randomly drawn article of the
run (fixed seed). Prints the time of each step of :mod:`newslens.compare` and, as a baseline
in the same process, the time of the simplest aggregate over the same rows
(``mentions.groupby("entity").size()``).

    .venv/bin/python benchmarks/compare_bench.py RUN_DIR [--groups source|bias_text|date]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

import numpy as np
import pandas as pd
from newslens import compare
from newslens.tables import open_run

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "allsides_baly2020"


def corpus_documents() -> pd.DataFrame:
    rows = []
    with gzip.open(SHARED / "articles.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            rows.append({k: item.get(k) or "" for k in ("id", "source", "date")})
    return pd.DataFrame(rows).rename(columns={"id": "doc_id"})


def scaled(table: pd.DataFrame, picks: pd.DataFrame) -> pd.DataFrame:
    """Rows of ``table`` for each corpus article, copied from the run article it drew."""
    merged = picks.merge(table, left_on="model", right_on="doc_id", suffixes=("", "_run"))
    return merged.drop(columns=["model", "doc_id_run"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run_dir")
    parser.add_argument("--groups", default="bias_text")
    args = parser.parse_args()
    run = open_run(args.run_dir)
    documents = corpus_documents()
    models = run.table("documents")["doc_id"].to_numpy()
    picks = pd.DataFrame(
        {
            "doc_id": documents["doc_id"],
            "model": np.random.default_rng(0).choice(models, size=len(documents)),
        }
    )
    mentions = scaled(run.table("mentions", columns=["doc_id", "entity", "label"]), picks)
    sentences = scaled(
        run.table("sentences", columns=["doc_id", "sentence_id", "frame", "sentiment"]), picks
    )
    quotes = scaled(
        run.table("quotes", columns=["doc_id", "quote", "kind", "speaker", "speaker_entity"]),
        picks,
    )
    print(
        f"{len(documents):,} articles, {len(mentions):,} mentions, {len(sentences):,} sentences,"
        f" {len(quotes):,} quotes (grouped by {args.groups})"
    )
    tick = time.perf_counter()
    mentions.groupby("entity").size()
    baseline = time.perf_counter() - tick
    print(f"baseline mentions.groupby(entity).size(): {baseline:.2f} s")
    steps = {}
    tick = time.perf_counter()
    groups = compare.assign_groups(
        documents,
        group_by=args.groups,
        metadata=str(SHARED / "extras.jsonl.gz") if args.groups == "bias_text" else None,
        period="month",
    )
    steps["assign_groups (with metadata)"] = time.perf_counter() - tick
    for name, call in (
        ("entities_by_group", lambda: compare.entities_by_group(mentions, groups)),
        ("frames_by_group (1,000 resamples)", lambda: compare.frames_by_group(sentences, groups)),
        ("quote_speakers_by_group", lambda: compare.quote_speakers_by_group(quotes, groups)),
        ("quote_kinds_by_group", lambda: compare.quote_kinds_by_group(quotes, groups)),
    ):
        tick = time.perf_counter()
        call()
        steps[name] = time.perf_counter() - tick
    print(f"groups: {groups['group'].nunique():,}")
    for name, seconds in steps.items():
        print(f"{name:36s} {seconds:6.2f} s  ({seconds / baseline:5.1f}x baseline)")
    total = sum(steps.values())
    print(f"{'total':36s} {total:6.2f} s  ({total / baseline:5.1f}x baseline)")


if __name__ == "__main__":
    main()
