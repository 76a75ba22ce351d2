"""Quote attribution quality of newslens.quotes on the shared, human-annotated benchmarks.

Runs :func:`newslens.quotes.extract_quotes` over a benchmark file (the gold texts, parsed
with the parse cache of :func:`newslens.nlp.parse`), writes the predictions in the benchmark
JSONL format to a temporary folder (never into the repository: the data is for internal
evaluation only), scores them with ``../shared/benchmarks/score_quotes.py`` in the
reference configuration of each set and prints newslens's figures beside the baselines
measured in ``BASELINES.md``, with the documents per second of the whole run (parse +
extraction) and of raw ``nlp.pipe`` on the same texts in the same process.

    .venv/bin/python benchmarks/quotes_eval.py                   # GGT-all and PolNeAR-DP (test)
    .venv/bin/python benchmarks/quotes_eval.py --dataset polnear_dev   # while developing
    .venv/bin/python benchmarks/quotes_eval.py --dataset ggt --keep /tmp/preds

``--dataset``: ``reference`` (both reference configurations: ``ggt`` and ``polnear_test``),
or one of ``ggt``, ``polnear_test``, ``polnear_dev``, ``polnear_train``. Tune only on
PolNeAR train/dev; GGT and PolNeAR test are for reporting.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "benchmarks"

# Quote+speaker F1 (span F1) of the best existing systems, from BASELINES.md.
BASELINES = {
    "GGT-all": {"ggt-atap": (0.660, 0.798), "ggt": (0.649, 0.816), "textacy-para": (0.500, 0.572)},
    "PolNeAR-DP": {
        "textacy-para": (0.746, 0.806),
        "ggt-atap": (0.705, 0.849),
        "ggt": (0.637, 0.841),
    },
}
TARGETS = {"GGT-all": (0.76, 0.85), "PolNeAR-DP": (0.82, 0.85)}

DATASETS = {
    # name: (file, configuration label, scorer options)
    "ggt": ("ggt_eval/ggt_eval.jsonl", "GGT-all", {"kinds": None, "split": False}),
    "polnear_test": (
        "polnear/polnear_test.jsonl",
        "PolNeAR-DP",
        {"kinds": {"direct", "partial"}, "split": True},
    ),
    "polnear_dev": (
        "polnear/polnear_dev.jsonl",
        "PolNeAR-DP (dev)",
        {"kinds": {"direct", "partial"}, "split": True},
    ),
    "polnear_train": (
        "polnear/polnear_train.jsonl",
        "PolNeAR-DP (train)",
        {"kinds": {"direct", "partial"}, "split": True},
    ),
}


def load_scorer():
    """``score_quotes`` from the shared benchmark folder, imported by path."""
    spec = importlib.util.spec_from_file_location("score_quotes", SHARED / "score_quotes.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(SHARED))
    spec.loader.exec_module(module)
    return module


def benchmark_quotes(frame) -> list[dict]:
    """quotes.csv rows as benchmark records: one record per paragraph fragment, since both
    sets annotate each paragraph of a multi-paragraph quote as a quote of its own."""
    records = []
    for row in frame.itertuples(index=False):
        name = row.speaker_entity or row.speaker or None
        speaker_start = (
            None
            if row.speaker_start is None or str(row.speaker_start) == "<NA>"
            else int(row.speaker_start)
        )
        speaker_end = None if speaker_start is None else int(row.speaker_end)
        for piece in str(row.fragments).split(";"):
            start, end = (int(x) for x in piece.split("-"))
            records.append(
                {
                    "quote_start": start,
                    "quote_end": end,
                    "speaker": name,
                    "speaker_start": speaker_start,
                    "speaker_end": speaker_end,
                    "cue": row.cue or None,
                    "kind": row.kind,
                }
            )
    return records


def run(dataset: str, *, keep: Path | None, limit: int | None, baseline_speed: bool) -> dict:
    from newslens.corpus import Document
    from newslens.nlp import ParseStats, load_model, parse
    from newslens.quotes import extract_quotes

    relative, label, options = DATASETS[dataset]
    gold_path = SHARED / relative
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines()]
    if limit:
        gold = gold[:limit]
    documents = [Document(doc_id=g["doc_id"], text=g["text"]) for g in gold]
    nlp = load_model()
    stats = ParseStats()
    began = time.perf_counter()
    predictions = []
    for document, doc in parse(documents, nlp=nlp, stats=stats, progress=False):
        frame = extract_quotes(doc, doc_id=document.doc_id)
        predictions.append({"doc_id": document.doc_id, "quotes": benchmark_quotes(frame)})
    elapsed = time.perf_counter() - began
    pipe_rate = None
    if baseline_speed:
        began = time.perf_counter()
        for _ in nlp.pipe((d.text for d in documents), batch_size=16):
            pass
        pipe_rate = len(documents) / (time.perf_counter() - began)
    folder = keep or Path(tempfile.mkdtemp(prefix="newslens-quotes-"))
    folder.mkdir(parents=True, exist_ok=True)
    pred_path = folder / f"{dataset}.pred.jsonl"
    pred_path.write_text(
        "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in predictions), encoding="utf-8"
    )
    scorer = load_scorer()
    result = scorer.score(
        gold,
        predictions,
        options["kinds"],
        0.5,
        split_frags=options["split"],
        partial_fragment=True,
    )
    print(f"\n== {label}: {gold_path} ({len(gold)} docs)")
    scorer.print_report(result, str(gold_path), str(pred_path))
    return {
        "label": label,
        "result": result,
        "docs_per_s": len(documents) / elapsed,
        "parsed": stats.parsed,
        "cached": stats.cached,
        "pipe_docs_per_s": pipe_rate,
    }


def print_summary(runs: list[dict]) -> None:
    print("\n| configuration | system | quote+speaker P/R/F1 | span (overlap) P/R/F1 | docs/s |")
    print("|---|---|---|---|---|")
    for item in runs:
        result, label = item["result"], item["label"]
        a, o = result["attr"], result["overlap"]
        speed = f"{item['docs_per_s']:.1f} ({item['parsed']} parsed, {item['cached']} cached)"
        print(
            f"| {label} | **newslens** | {a['precision']:.3f}/{a['recall']:.3f}/**{a['f1']:.3f}**"
            f" | {o['precision']:.3f}/{o['recall']:.3f}/**{o['f1']:.3f}** | {speed} |"
        )
        for system, (attr_f1, span_f1) in BASELINES.get(label, {}).items():
            print(
                f"| {label} | {system} (BASELINES.md) | -/-/{attr_f1:.3f} | -/-/{span_f1:.3f} | |"
            )
        if label in TARGETS:
            attr_target, span_target = TARGETS[label]
            verdict = "met" if a["f1"] >= attr_target and o["f1"] >= span_target else "NOT met"
            print(f"| {label} | target | >= {attr_target} | >= {span_target} | {verdict} |")
        if item["pipe_docs_per_s"]:
            ratio = item["docs_per_s"] / item["pipe_docs_per_s"]
            print(
                f"| {label} | raw nlp.pipe, same texts | | | {item['pipe_docs_per_s']:.1f}"
                f" (newslens/raw = {ratio:.2f}) |"
            )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dataset", default="reference", choices=["reference", *DATASETS])
    parser.add_argument(
        "--keep", type=Path, default=None, help="write predictions here (outside the repo)"
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument(
        "--pipe-baseline",
        action="store_true",
        help="also time raw nlp.pipe on the same texts (parses everything again)",
    )
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"{SHARED} is absent: nothing to evaluate", file=sys.stderr)
        return
    if args.keep is not None and ROOT in args.keep.resolve().parents:
        parser.error("--keep must be outside the repository (the benchmark data is internal)")
    names = ["ggt", "polnear_test"] if args.dataset == "reference" else [args.dataset]
    runs = [
        run(name, keep=args.keep, limit=args.limit, baseline_speed=args.pipe_baseline)
        for name in names
    ]
    print_summary(runs)


if __name__ == "__main__":
    main()
