"""Agreement of newslens's sentence framing with the hand labels of tests/data/framing/.

Reads ``labels.csv`` (whole-article labels, ``article_id, split, sentence_id, start, end,
label, annotator``; see ``GUIDELINE.md``), keeps one split (``test`` by default), reads those
articles from the internal corpus, parses them through ``newslens.nlp.parse`` (parse cache)
and runs the ``sentences`` step with the packaged frame classifier. Each labelled span maps
to newslens's sentence with the same offsets. Prints, per frame (a sentence is in a frame
if labelled that frame or ``both``), precision, recall, F1 and Cohen's kappa for

* the classifier (the ``frame`` column), the lexicon alone (``lexicon_frame``), and
* the second annotator (``labels_second.csv``) against the same reference: the ceiling,

then the 4-way confusion matrices and kappas. The test split is only ever evaluated here.

    PYTHONPATH=lib .venv/bin/python benchmarks/framing_eval.py [--split dev] [--classifier PATH]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "framing"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "allsides_baly2020" / "articles.jsonl.gz"


def _row(name: str, figures: dict) -> str:
    return (
        f"{name:<26}{figures['precision']:>7.3f}{figures['recall']:>7.3f}{figures['f1']:>7.3f}"
        f"{figures['kappa']:>7.3f}{figures['support']:>6}{figures['predicted']:>6}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", default=str(DATA / "labels.csv"), help="reference labels")
    parser.add_argument(
        "--second", default=str(DATA / "labels_second.csv"), help="second annotator's labels"
    )
    parser.add_argument("--split", default="test", choices=["train", "dev", "test"])
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="articles.jsonl.gz")
    parser.add_argument("--classifier", default="builtin", help="frame classifier JSON")
    args = parser.parse_args(argv)

    labels_path, corpus_path = Path(args.labels), Path(args.corpus)
    for path, what in ((labels_path, "hand labels"), (corpus_path, "corpus")):
        if not path.is_file():
            print(f"framing_eval: no {what} at {path}", file=sys.stderr)
            return 2

    from newslens import framing
    from newslens.analyse import analyse_documents
    from newslens.nlp import ParseStats
    from newslens.steps import SentencesStep

    labels = framing.read_frame_labels(labels_path)
    labels = labels[labels["split"] == args.split].reset_index(drop=True)
    started = time.perf_counter()
    documents = framing.labelled_documents(labels, corpus_path)
    stats = ParseStats()
    step = SentencesStep(classifier=args.classifier)
    tables = analyse_documents(documents, [step], cache_dir=None, stats=stats)
    sentences = tables["sentences"]
    texts = {d.doc_id: d.text for d in documents}
    model = step.frame_classifier()

    aligned = framing.align_labels(labels, sentences, texts=texts)
    lexicon = framing.align_labels(
        labels, sentences.assign(frame=sentences["lexicon_frame"]), texts=texts
    )
    results = {
        "newslens classifier": framing.frame_agreement(aligned),
        "lexicon only": framing.frame_agreement(lexicon),
    }
    second_path = Path(args.second)
    if second_path.is_file() and args.split == "test":
        second = framing.read_frame_labels(second_path)
        pairs = labels.merge(
            second[["article_id", "start", "end", "label"]],
            on=["article_id", "start", "end"],
            suffixes=("", "_second"),
        )
        pairs = pairs.assign(predicted=pairs["label_second"], alignment="exact")
        results["second annotator"] = framing.frame_agreement(pairs)

    alignment = aligned["alignment"].value_counts().to_dict()
    print(f"split: {args.split}  articles: {len(documents)}  ({stats})")
    print(
        f"labelled sentences: {len(aligned)}  alignment: exact {alignment.get('exact', 0)},"
        f" containing {alignment.get('containing', 0)}, missing {alignment.get('missing', 0)}"
        f"  ({time.perf_counter() - started:.1f} s)"
    )
    if model is not None:
        thresholds = ", ".join(f"{f} {t:.2f}" for f, t in model.thresholds.items())
        print(f"classifier: {model.source}  sha256 {model.sha256[:16]}  thresholds: {thresholds}")
    print("reference: annotators A, C (train), D (dev, test); second annotator: B (test)")
    print()
    print(f"{'frame / labeller':<26}{'P':>7}{'R':>7}{'F1':>7}{'kappa':>7}{'gold':>6}{'pred':>6}")
    for frame in framing.FRAMES:
        for name, result in results.items():
            print(_row(f"{frame}: {name}", result["frames"][frame]))
    print()
    for name, result in results.items():
        print(
            f"4-way {name}: accuracy {result['accuracy']:.3f}, kappa {result['kappa']:.3f}"
            f" ({result['sentences']} sentences)"
        )
    for name, result in results.items():
        print()
        print(f"confusion, {name} (rows: reference, columns: {name})")
        print(result["confusion"].to_string())
    return 0


if __name__ == "__main__":
    pd.set_option("display.width", 120)
    sys.exit(main())
