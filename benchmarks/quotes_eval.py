"""Quote attribution quality of newslens.quotes on the shared, human-annotated benchmarks.

Runs :func:`newslens.quotes.extract_quotes` over a benchmark file (the gold texts, parsed
with the parse cache of :func:`newslens.nlp.parse`), writes the predictions in the benchmark
JSONL format to a temporary folder (never into the repository: the data is for internal
evaluation only), scores them with ``../shared/benchmarks/score_quotes.py`` in the
reference configuration of each set and prints newslens's figures beside the baselines
measured in ``../shared/benchmarks/BASELINES.md``, with the documents per second of the whole run (parse +
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
import functools
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "benchmarks"

# Quote+speaker F1 (span F1) of the best existing systems, from ../shared/benchmarks/BASELINES.md.
BASELINES = {
    "GGT-all": {"ggt-atap": (0.660, 0.798), "ggt": (0.649, 0.816), "textacy-para": (0.500, 0.572)},
    "PolNeAR-DP": {
        "textacy-para": (0.746, 0.806),
        "ggt-atap": (0.705, 0.849),
        "ggt": (0.637, 0.841),
    },
}
# Quote+speaker F1 and span F1 targets (issue 14).
TARGETS = {"GGT-all": (0.82, 0.88), "PolNeAR-DP": (0.88, 0.94)}

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
    """quotes.csv rows as benchmark records: one record per paragraph of a quote, since both
    sets annotate each paragraph of a multi-paragraph quote as a quote of its own (and the
    fragments of one report within a paragraph as one quote)."""
    records = []
    for row in frame.itertuples(index=False):
        name = row.speaker_entity or row.speaker or None
        speaker_start = (
            None
            if row.speaker_start is None or str(row.speaker_start) == "<NA>"
            else int(row.speaker_start)
        )
        speaker_end = None if speaker_start is None else int(row.speaker_end)
        for start, end in _paragraph_pieces(row):
            records.append(
                {
                    "quote_start": start,
                    "quote_end": end,
                    "speaker": name,
                    "speaker_start": speaker_start,
                    "speaker_end": speaker_end,
                    "cue": row.cue or None,
                    "kind": row.kind,
                    "how": _how(row.debug),
                }
            )
    return records


def _paragraph_pieces(row) -> list[tuple[int, int]]:
    """The row's fragments joined within each paragraph: (start, end) per paragraph."""
    from newslens.quotes import fragment_spans

    pieces: list[tuple[int, int]] = []
    for start, end in fragment_spans(row.fragments):
        gap = row.quote[pieces[-1][1] - row.start : start - row.start] if pieces else "\n"
        if "\n" in gap:
            pieces.append((start, end))
        else:
            pieces[-1] = (pieces[-1][0], end)
    return pieces


def _how(debug: str) -> str:
    """How the speaker was found, from the ``debug`` column ('...; speaker: how')."""
    marker = "; speaker: "
    if marker not in str(debug):
        return "no speaker"
    how = str(debug).split(marker, 1)[1]
    return how.split(",", 1)[0].strip() or "no speaker"


def _cue_distance(text: str, quote: dict) -> str:
    """Where the gold cue sits relative to the gold quote: 'none', 'inside', 'same sentence',
    'previous sentence', 'next sentence', 'further' (sentences cut at . ! ? and newlines)."""
    cue_start = quote.get("cue_start")
    if cue_start is None:
        return "no cue"
    start, end = quote["quote_start"], quote["quote_end"]
    if start <= cue_start < end:
        return "inside"
    left, right = (cue_start, start) if cue_start < start else (end, cue_start)
    between = text[left:right]
    stops = sum(between.count(c) for c in ".!?\n")
    if stops == 0:
        return "same sentence"
    if stops <= 2:
        return "previous sentence" if cue_start < start else "next sentence"
    return "further"


def _overlap(gold_sides, pred_tokens, i: int, j: int) -> float | None:
    """The scorer's overlap criterion: shared word tokens / the longer side, >= 0.5, a
    partial gold quote also by its quoted words alone."""
    best = 0.0
    for side in gold_sides:
        a, b = side[i], pred_tokens[j]
        if a and b:
            best = max(best, len(a & b) / max(len(a), len(b)))
    return best if best >= 0.5 else None


def error_cases(gold: list[dict], predictions: list[dict], options: dict) -> list[dict]:
    """Every kept gold quote with its outcome ('ok', 'wrong speaker', 'missed') and its
    categories (kind, how the matched prediction found its speaker, where the gold cue is),
    matched one-to-one as the scorer does (token overlap >= 0.5, --partial-fragment)."""
    scorer = load_scorer()
    from qe_common import quoted_parts

    by_id = {p["doc_id"]: p for p in predictions}
    cases = []
    for record in gold:
        text = record["text"]
        doc = scorer.Doc(record)
        golds = record["quotes"]
        preds = by_id.get(record["doc_id"], {}).get("quotes", [])
        if options["split"]:
            golds = scorer.split_fragments(golds, text)
        gold_tokens = [doc.tokens(scorer.quote_frags(g)) for g in golds]
        alt_tokens = [
            doc.tokens([p for s, e in scorer.quote_frags(g) for p in quoted_parts(text, s, e)])
            if g.get("kind") == "partial"
            else None
            for g in golds
        ]
        pred_tokens = [doc.tokens(scorer.quote_frags(p)) for p in preds]

        overlap = functools.partial(_overlap, (gold_tokens, alt_tokens), pred_tokens)
        pairs = dict(scorer.match(list(range(len(golds))), list(range(len(preds))), overlap))
        for i, g in enumerate(golds):
            if options["kinds"] and g.get("kind") not in options["kinds"]:
                continue
            j = pairs.get(i)
            if j is None:
                outcome, how = "missed", "-"
            else:
                ok = scorer.speaker_correct(g, preds[j])
                outcome, how = ("ok" if ok else "wrong speaker"), preds[j].get("how", "-")
            cases.append(
                {
                    "doc_id": record["doc_id"],
                    "kind": g.get("kind"),
                    "outcome": outcome,
                    "how": how,
                    "cue_distance": _cue_distance(text, g),
                    "quote_start": g["quote_start"],
                    "quote_end": g["quote_end"],
                    "gold_speaker": g.get("speaker"),
                    "predicted_speaker": None if j is None else preds[j].get("speaker"),
                }
            )
    return cases


def print_error_table(cases: list[dict]) -> None:
    """Misses and wrong speakers counted by gold kind, by how the speaker was found and by
    where the gold cue is: where the remaining errors are."""
    import pandas as pd

    frame = pd.DataFrame(cases)
    frame["missed"] = frame["outcome"] == "missed"
    frame["wrong_speaker"] = frame["outcome"] == "wrong speaker"
    for column in ("kind", "how", "cue_distance"):
        table = (
            frame.groupby(column)
            .agg(
                gold=("outcome", "size"),
                missed=("missed", "sum"),
                wrong_speaker=("wrong_speaker", "sum"),
            )
            .sort_values(["missed", "wrong_speaker"], ascending=False)
        )
        table["correct"] = table["gold"] - table["missed"] - table["wrong_speaker"]
        print(f"\n### errors by {column}\n")
        print(table.to_string())
    both = frame[frame["outcome"] != "ok"].groupby(["kind", "cue_distance", "outcome"]).size()
    print("\n### errors by kind, cue distance and outcome\n")
    print(both.rename("quotes").to_frame().to_string())


def run(
    dataset: str,
    *,
    keep: Path | None,
    limit: int | None,
    baseline_speed: bool,
    errors: bool = False,
) -> dict:
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
    extracting = 0.0  # extract_quotes alone (entity mentions included), without the parse
    for document, doc in parse(documents, nlp=nlp, stats=stats, progress=False):
        started = time.perf_counter()
        frame = extract_quotes(doc, doc_id=document.doc_id)
        extracting += time.perf_counter() - started
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
    if errors:
        cases = error_cases(gold, predictions, options)
        print_error_table(cases)
        cases_path = folder / f"{dataset}.errors.jsonl"
        cases_path.write_text(
            "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), encoding="utf-8"
        )
        print(f"\none line per gold quote: {cases_path}")
    return {
        "label": label,
        "result": result,
        "docs_per_s": len(documents) / elapsed,
        "extract_docs_per_s": len(documents) / extracting if extracting else None,
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
        speed = (
            f"{item['docs_per_s']:.1f} ({item['parsed']} parsed, {item['cached']} cached;"
            f" extraction alone {item['extract_docs_per_s']:.1f})"
        )
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
    parser.add_argument(
        "--errors",
        action="store_true",
        help="error analysis of PolNeAR dev: misses and wrong speakers by gold kind, by how "
        "the speaker was found and by distance to the cue (implies --dataset polnear_dev)",
    )
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"{SHARED} is absent: nothing to evaluate", file=sys.stderr)
        return
    if args.keep is not None and ROOT in args.keep.resolve().parents:
        parser.error("--keep must be outside the repository (the benchmark data is internal)")
    names = ["ggt", "polnear_test"] if args.dataset == "reference" else [args.dataset]
    if args.errors:
        names = ["polnear_dev"]
    runs = [
        run(
            name,
            keep=args.keep,
            limit=args.limit,
            baseline_speed=args.pipe_baseline,
            errors=args.errors,
        )
        for name in names
    ]
    print_summary(runs)


if __name__ == "__main__":
    main()
