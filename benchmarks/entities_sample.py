"""Draw the articles of the hand-labelled entity gold set.

The gold set (``tests/data/entities/labels.csv``, guideline in
``tests/data/entities/GUIDELINE.md``) holds PERSON, ORG and GPE mentions of AllSides corpus
articles (``/work/shared/corpora/allsides_baly2020``) identified only by article id and
character offsets: the articles are copyrighted and never committed. This script is how the
articles were chosen, so anyone can check the draw and read the same texts.

Procedure (deterministic; every constant is below):

1. Keep the articles whose text has between :data:`MIN_WORDS` and :data:`MAX_WORDS`
   whitespace-separated words (long enough to name several actors, short enough to read
   closely) and whose text newslens's reader leaves unchanged (so offsets hold in both the
   raw ``text`` field and ``Document.text``).
2. Sort their ids and shuffle them with ``random.Random(SEED)``.
3. Walk the shuffled ids and take an article unless :data:`PER_SOURCE` articles of its
   outlet or :data:`PER_TOPIC` of its AllSides topic are already drawn, until
   :data:`SAMPLE_SIZE` articles are drawn (this mixes outlets and topics).
4. The first :data:`DEV_SIZE` drawn articles are the development split (rules may be chosen
   on them); the next :data:`TEST_SIZE` are the test split (only ever scored). The walk then
   goes on for :data:`SECOND_DEV_SIZE` more development articles, labelled in later rounds
   (draws 33-52, then 53-72) so that rules can be chosen on more than 12 articles without
   touching the test split (the first 32 draws are unchanged by it).

Usage::

    .venv/bin/python benchmarks/entities_sample.py              # prints split,id,source,topic,words
    .venv/bin/python benchmarks/entities_sample.py --texts DIR  # also writes the texts for reading
    .venv/bin/python benchmarks/entities_sample.py --check tests/data/entities/labels.csv

Never commit the ``--texts`` files. ``--check`` exits non-zero unless the labels file holds
exactly the drawn articles with their splits.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import sys
from collections import Counter
from pathlib import Path

from newslens.corpus import read_corpus

CORPUS_DIR = Path("/work/shared/corpora/allsides_baly2020")
SEED = 20261125
DEV_SIZE = 12
TEST_SIZE = 20
SECOND_DEV_SIZE = 40
SAMPLE_SIZE = DEV_SIZE + TEST_SIZE + SECOND_DEV_SIZE
MIN_WORDS = 150
MAX_WORDS = 650
PER_SOURCE = 2
PER_TOPIC = 2


def draw_sample(corpus_dir: Path = CORPUS_DIR, *, seed: int = SEED) -> list[dict]:
    """The drawn articles in draw order: dicts with ``split, article_id, source, topic,
    words, text``."""
    with gzip.open(corpus_dir / "extras.jsonl.gz", "rt", encoding="utf-8") as handle:
        topics = {row["id"]: row["topic"] for row in map(json.loads, handle)}
    raw: dict[str, dict] = {}
    with gzip.open(corpus_dir / "articles.jsonl.gz", "rt", encoding="utf-8") as handle:
        for row in map(json.loads, handle):
            if MIN_WORDS <= len(row["text"].split()) <= MAX_WORDS:
                raw[row["id"]] = row
    unchanged = {
        document.doc_id
        for document in read_corpus(corpus_dir / "articles.jsonl.gz")
        if document.doc_id in raw and document.text == raw[document.doc_id]["text"]
    }
    ids = sorted(unchanged)
    random.Random(seed).shuffle(ids)
    sources: Counter[str] = Counter()
    drawn_topics: Counter[str] = Counter()
    drawn: list[dict] = []
    for article_id in ids:
        row = raw[article_id]
        topic = topics.get(article_id, "")
        if sources[row["source"]] >= PER_SOURCE or drawn_topics[topic] >= PER_TOPIC:
            continue
        sources[row["source"]] += 1
        drawn_topics[topic] += 1
        split = "test" if DEV_SIZE <= len(drawn) < DEV_SIZE + TEST_SIZE else "dev"
        drawn.append(
            {
                "split": split,
                "article_id": article_id,
                "source": row["source"],
                "topic": topic,
                "words": len(row["text"].split()),
                "text": row["text"],
            }
        )
        if len(drawn) >= SAMPLE_SIZE:
            break
    return drawn


def check(drawn: list[dict], labels: Path) -> bool:
    """Whether the labels file names exactly the drawn articles, each with its split."""
    with open(labels, encoding="utf-8") as handle:
        labelled = {(row["article_id"], row["split"]) for row in csv.DictReader(handle)}
    expected = {(row["article_id"], row["split"]) for row in drawn}
    return labelled == expected


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, help="write each article's text here (do not commit)")
    parser.add_argument("--check", type=Path, help="labels.csv to check against the draw")
    args = parser.parse_args(argv)
    drawn = draw_sample()
    for row in drawn:
        print(row["split"], row["article_id"], row["source"], row["topic"], row["words"], sep=",")
    if args.texts:
        args.texts.mkdir(parents=True, exist_ok=True)
        for number, row in enumerate(drawn, start=1):
            (args.texts / f"{number:02d}_{row['split']}_{row['article_id']}.txt").write_text(
                row["text"], encoding="utf-8"
            )
    if args.check:
        ok = check(drawn, args.check)
        print("labels match the draw" if ok else "labels do NOT match the draw", file=sys.stderr)
        return 0 if ok else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
