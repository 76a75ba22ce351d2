"""Score newslens's entities (and raw spaCy NER beside them) on the hand-labelled gold set.

Gold: ``tests/data/entities/labels.csv`` (guideline in ``tests/data/entities/GUIDELINE.md``):
PERSON, ORG and GPE mentions of 72 corpus articles with character offsets and the canonical
entity each one refers to, split by article into ``dev`` (52) and ``test`` (20).

Systems:

- ``newslens``: :func:`newslens.entities.extract_mentions` on every article, then the
  corpus-level step :func:`newslens.entities.link_across_documents` once over the whole
  mentions table, as a run does. Corpus-level rules need a corpus: by default the gold
  articles are linked together with ``--background`` other articles (the first 1,000 of the
  corpus file, gold ids left out), and only the gold articles are scored.
- ``spacy``: the pipeline's own entities (``doc.ents``) with their text as the entity name.

Scores, per split and label (PERSON, ORG, GPE):

- **Mention P/R/F1 with entity.** Predicted and gold mentions of one label are paired
  one-to-one by character overlap (largest overlap first). A pair is right only when the
  predicted entity maps to the gold mention's entity. Mapping: within each document a
  predicted entity name votes for the gold entity its mentions overlap most; across the
  corpus the name maps to the gold entity with most such votes (weighted by overlaps).
- **Exact counts.** For every gold (document, entity) of the label, the count an analyst would
  read: the mentions in that document of the predicted entity name that maps to it and has
  most mentions there. Exact when equal to the gold count.
- **Split entities**: gold (document, entity) pairs reached by more than one predicted name.
- **Spurious entities**: predicted (corpus-wide) entity names whose majority label is the
  label but which map to no gold entity of that label (listed).

Usage::

    .venv/bin/python benchmarks/entities_eval.py                 # both splits, both systems
    .venv/bin/python benchmarks/entities_eval.py --split dev --errors
    .venv/bin/python benchmarks/entities_eval.py --background 0  # gold articles alone
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd
from newslens.corpus import Document, read_corpus
from newslens.entities import extract_mentions, link_across_documents
from newslens.nlp import load_model, parse

ROOT = Path(__file__).resolve().parents[1]
LABELS_CSV = ROOT / "tests" / "data" / "entities" / "labels.csv"
CORPUS_DIR = ROOT.parent / "shared" / "corpora" / "allsides_baly2020"
SCORED = ("PERSON", "ORG", "GPE")


# --- data ------------------------------------------------------------------------------------


def load_gold(path: Path = LABELS_CSV) -> pd.DataFrame:
    """The gold mentions: ``article_id, split, start, end, label, entity``."""
    return pd.read_csv(path, dtype={"article_id": str, "split": str, "label": str, "entity": str})


def load_documents(ids: set[str], corpus_dir: Path = CORPUS_DIR) -> dict[str, Document]:
    """The gold articles as newslens reads them, checked against the raw ``text`` field."""
    raw: dict[str, str] = {}
    with gzip.open(corpus_dir / "articles.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["id"] in ids:
                raw[row["id"]] = row["text"]
    documents = {}
    for document in read_corpus(corpus_dir / "articles.jsonl.gz"):
        if document.doc_id in ids:
            if document.text != raw[document.doc_id]:
                raise ValueError(f"{document.doc_id}: reader changed the text; offsets invalid")
            documents[document.doc_id] = document
    return documents


def background_documents(limit: int, exclude: set[str], corpus_dir: Path = CORPUS_DIR):
    """The first ``limit`` articles of the corpus file, gold ids left out: the rest of the run
    the corpus-level rules draw their evidence from."""
    documents = []
    if limit <= 0:
        return documents
    for document in read_corpus(corpus_dir / "articles.jsonl.gz"):
        if document.doc_id not in exclude:
            documents.append(document)
            if len(documents) >= limit:
                break
    return documents


# --- systems ---------------------------------------------------------------------------------


def newslens_mentions(parsed: list[tuple[str, object]]) -> pd.DataFrame:
    """Per-document extraction, then the corpus-level step once over all of it."""
    mentions = pd.concat(
        [extract_mentions(doc, doc_id=doc_id) for doc_id, doc in parsed], ignore_index=True
    )
    return link_across_documents(mentions)


def spacy_mentions(parsed: list[tuple[str, object]]) -> pd.DataFrame:
    """The pipeline's entities as they are: entity name = mention text."""
    rows = [
        (doc_id, ent.start_char, ent.end_char, ent.text, ent.text, ent.label_)
        for doc_id, doc in parsed
        for ent in doc.ents
    ]
    return pd.DataFrame(rows, columns=["doc_id", "start", "end", "text", "entity", "label"])


# --- scoring ---------------------------------------------------------------------------------


def _pairs(gold: pd.DataFrame, pred: pd.DataFrame) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs of one document and label by overlap."""
    candidates = []
    for gi, g in gold.iterrows():
        for pi, p in pred.iterrows():
            overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if overlap > 0:
                candidates.append((-overlap, gi, pi))
    candidates.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def entity_mapping(gold: pd.DataFrame, pred: pd.DataFrame) -> dict[str, str]:
    """Predicted entity name -> gold entity, by majority overlap per document then corpus."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for doc_id, g_doc in gold.groupby("article_id"):
        p_doc = pred[pred["doc_id"] == doc_id]
        per_doc: dict[str, Counter] = defaultdict(Counter)
        for _, p in p_doc.iterrows():
            hits = g_doc[(g_doc["start"] < p["end"]) & (p["start"] < g_doc["end"])]
            for entity in hits["entity"]:
                per_doc[p["entity"]][entity] += 1
        for name, counter in per_doc.items():
            best, n = min(counter.items(), key=lambda item: (-item[1], item[0]))
            votes[name][best] += n
    return {
        name: min(counter.items(), key=lambda item: (-item[1], item[0]))[0]
        for name, counter in votes.items()
    }


def score(gold: pd.DataFrame, pred: pd.DataFrame) -> dict:
    """All figures for one split and one system (see the module docstring)."""
    docs = set(gold["article_id"])
    pred = pred[pred["doc_id"].isin(docs)].reset_index(drop=True)
    gold = gold.reset_index(drop=True)
    mapping = entity_mapping(gold, pred)
    mapped = pred["entity"].map(mapping)
    majority = pred.groupby("entity")["label"].agg(lambda s: s.value_counts().idxmax())
    gold_labels = gold.groupby("entity")["label"].agg(lambda s: s.value_counts().idxmax())
    result: dict = {"mapping": mapping}
    for label in SCORED:
        g_l = gold[gold["label"] == label]
        p_l = pred[pred["label"] == label]
        right = 0
        errors = []
        matched_g = set()
        for doc_id in docs:
            g_doc = g_l[g_l["article_id"] == doc_id]
            p_doc = p_l[p_l["doc_id"] == doc_id]
            for gi, pi in _pairs(g_doc, p_doc):
                matched_g.add(gi)
                if mapped[pi] == gold.at[gi, "entity"]:
                    right += 1
                else:
                    errors.append(
                        (
                            doc_id,
                            "wrong entity",
                            pred.at[pi, "text"],
                            pred.at[pi, "entity"],
                            gold.at[gi, "entity"],
                        )
                    )
        for gi in sorted(set(g_l.index) - matched_g):
            g = gold.loc[gi]
            near = pred[
                (pred["doc_id"] == g["article_id"])
                & (pred["start"] < g["end"])
                & (g["start"] < pred["end"])
            ]
            seen = "; ".join(
                f"{t!r} {lab} -> {e!r}" for t, lab, e in near[["text", "label", "entity"]].values
            )
            errors.append(
                (g["article_id"], "missed", g.get("text", ""), seen or "nothing", g["entity"])
            )
        precision = right / len(p_l) if len(p_l) else 0.0
        recall = right / len(g_l) if len(g_l) else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        # Exact counts and splits per gold (document, entity).
        exact, total, split = 0, 0, 0
        count_errors = []
        for (doc_id, entity), g_group in g_l.groupby(["article_id", "entity"]):
            total += 1
            p_doc = pred[(pred["doc_id"] == doc_id) & (mapped == entity)]
            names = p_doc["entity"].value_counts()
            reached = pred[
                (pred["doc_id"] == doc_id)
                & pred.index.isin(
                    [
                        pi
                        for pi, p in pred[pred["doc_id"] == doc_id].iterrows()
                        if ((g_group["start"] < p["end"]) & (p["start"] < g_group["end"])).any()
                    ]
                )
            ]["entity"].nunique()
            if reached > 1:
                split += 1
            predicted = int(names.iloc[0]) if len(names) else 0
            if predicted == len(g_group):
                exact += 1
            else:
                shown = names.index[0] if len(names) else "-"
                count_errors.append((doc_id, entity, len(g_group), shown, predicted))
        spurious = sorted(
            name
            for name, lab in majority.items()
            if lab == label and gold_labels.get(mapping.get(name, ""), "") != label
        )
        result[label] = {
            "gold": len(g_l),
            "pred": len(p_l),
            "right": right,
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "entities": total,
            "exact": exact,
            "split": split,
            "spurious": spurious,
            "errors": errors,
            "count_errors": count_errors,
        }
    return result


def report(name: str, split: str, articles: int, result: dict, *, errors: bool) -> None:
    print(f"\n== {name} · {split} · {articles} articles")
    print(
        f"{'label':7} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}  exact counts     split  spurious"
    )
    for label in SCORED:
        r = result[label]
        share = r["exact"] / r["entities"] if r["entities"] else 0.0
        print(
            f"{label:7} {r['gold']:5d} {r['pred']:5d} {r['precision']:6.3f} {r['recall']:6.3f}"
            f" {r['f1']:6.3f}  {r['exact']:3d}/{r['entities']:<3d} ({share:5.1%})"
            f"  {r['split']:4d}  {len(r['spurious']):4d}"
            f" ({len(r['spurious']) / articles * 10:.1f}/10 art.)"
        )
    if errors:
        for label in SCORED:
            r = result[label]
            if r["spurious"]:
                print(f"  spurious {label}: {', '.join(r['spurious'])}")
            for doc_id, gold_entity, n_gold, shown, n_pred in r["count_errors"]:
                print(
                    f"  count {label} {doc_id} {gold_entity!r}: gold {n_gold}, {shown!r} {n_pred}"
                )
            for doc_id, kind, text, entity, gold_entity in r["errors"]:
                print(f"  {kind} {label} {doc_id} {text!r} -> {entity!r} (gold {gold_entity!r})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test", "all"], default="all")
    parser.add_argument("--system", choices=["newslens", "spacy", "both"], default="both")
    parser.add_argument(
        "--background", type=int, default=1000, help="corpus articles linked with the gold ones"
    )
    parser.add_argument("--errors", action="store_true", help="list every error (dev only!)")
    args = parser.parse_args(argv)

    gold = load_gold()
    ids = set(gold["article_id"])
    documents = load_documents(ids)
    gold["text"] = [
        documents[a].text[s:e] for a, s, e in gold[["article_id", "start", "end"]].values
    ]
    extra = background_documents(args.background, ids)
    nlp = load_model()
    ordered = [documents[i] for i in sorted(documents)] + extra
    parsed = [(d.doc_id, doc) for d, doc in parse(ordered, nlp=nlp, progress=False)]
    systems = {}
    if args.system in ("newslens", "both"):
        systems["newslens"] = newslens_mentions(parsed)
    if args.system in ("spacy", "both"):
        systems["spacy"] = spacy_mentions(parsed)
    splits = ["dev", "test"] if args.split == "all" else [args.split]
    print(f"gold: {LABELS_CSV.relative_to(ROOT)}  background articles: {len(extra)}")
    for split in splits:
        gold_split = gold[gold["split"] == split]
        articles = gold_split["article_id"].nunique()
        for name, pred in systems.items():
            result = score(gold_split, pred)
            report(name, split, articles, result, errors=args.errors and split == "dev")
    return 0


if __name__ == "__main__":
    sys.exit(main())
