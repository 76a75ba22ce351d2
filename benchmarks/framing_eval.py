"""Agreement of newslens's sentence framing with the hand labels in tests/data/framing/.

Loads ``labels.csv`` (``article_id, start, end, label``; see ``GUIDELINE.md`` beside it),
reads those articles from the internal evaluation corpus, parses them through
``newslens.nlp.parse`` (so the parse cache is used), scores every sentence with the built-in
lexicons, maps each labelled span to newslens's sentence (exact offsets, else the sentence
containing ``start``, counted as a mismatch) and prints, per frame (a sentence is in a frame
if labelled that frame or ``both``), precision, recall, F1 and Cohen's kappa, then the 4-way
confusion matrix, accuracy and kappa. Exits 2 with a message when labels.csv is missing.

    .venv/bin/python benchmarks/framing_eval.py [--labels PATH] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_LABELS = ROOT / "tests" / "data" / "framing" / "labels.csv"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "allsides_baly2020" / "articles.jsonl.gz"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", default=str(DEFAULT_LABELS), help="hand labels CSV")
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="articles.jsonl.gz")
    parser.add_argument("--threshold", type=float, default=None, help="frame score threshold")
    args = parser.parse_args(argv)

    labels_path, corpus_path = Path(args.labels), Path(args.corpus)
    if not labels_path.is_file():
        print(
            f"framing_eval: no hand labels at {labels_path}; nothing to evaluate", file=sys.stderr
        )
        return 2
    if not corpus_path.is_file():
        print(f"framing_eval: corpus {corpus_path} is missing", file=sys.stderr)
        return 2

    from newslens import framing
    from newslens.analyse import analyse_documents
    from newslens.nlp import ParseStats
    from newslens.steps import SentencesStep

    started = time.perf_counter()
    labels = framing.read_frame_labels(labels_path)
    documents = framing.labelled_documents(labels, corpus_path)
    read_seconds = time.perf_counter() - started
    options = {} if args.threshold is None else {"threshold": args.threshold}
    stats = ParseStats()
    started = time.perf_counter()
    tables = analyse_documents(documents, [SentencesStep(**options)], cache_dir=None, stats=stats)
    aligned = framing.align_labels(
        labels, tables["sentences"], texts={d.doc_id: d.text for d in documents}
    )
    result = framing.frame_agreement(aligned)
    alignment = aligned["alignment"].value_counts().to_dict()

    print(
        f"labels: {labels_path.relative_to(ROOT) if labels_path.is_relative_to(ROOT) else labels_path}"
    )
    print(
        f"articles: {len(documents)}  ({stats}; read {read_seconds:.1f} s, "
        f"parse+score {time.perf_counter() - started:.1f} s)"
    )
    print(
        f"labelled sentences: {len(aligned)}  alignment: exact {alignment.get('exact', 0)}, "
        f"containing start {alignment.get('containing', 0)} (mismatch), "
        f"missing {alignment.get('missing', 0)}"
    )
    print(f"threshold: {options.get('threshold', 1.0)}")
    print()
    print(
        f"{'frame':<15}{'precision':>10}{'recall':>8}{'F1':>7}{'kappa':>7}"
        f"{'hand':>6}{'newslens':>10}"
    )
    for frame, figures in result["frames"].items():
        print(
            f"{frame:<15}{figures['precision']:>10.3f}{figures['recall']:>8.3f}"
            f"{figures['f1']:>7.3f}{figures['kappa']:>7.3f}{figures['support']:>6}"
            f"{figures['predicted']:>10}"
        )
    print()
    print("confusion (rows: hand label, columns: newslens)")
    print(result["confusion"].to_string())
    print()
    print(
        f"sentences: {result['sentences']}  accuracy (4-way): {result['accuracy']:.3f}  "
        f"Cohen's kappa (4-way): {result['kappa']:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
