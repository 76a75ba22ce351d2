"""Draw the sentences of the hand-labelled framing validation set.

The validation set (``tests/data/framing/labels.csv``, guideline in
``tests/data/framing/GUIDELINE.md``) holds sentences of the AllSides corpus
(``/work/shared/corpora/allsides_baly2020``) identified only by article id and character
offsets: the articles are copyrighted and are never committed. This script is how those
ids and offsets were chosen, so anyone can check the draw and look the sentences up.

Procedure (deterministic; every constant is below):

1. Read the topic of every article from ``extras.jsonl.gz`` (same order and ids as
   ``articles.jsonl.gz``) and keep the articles whose topic is in :data:`TOPICS`: the
   AllSides labels about war, terrorism, disaster, the military and foreign affairs.
2. Sort the eligible ids and shuffle them with ``random.Random(SEED)``.
3. Walk the shuffled articles in that order; parse each full article text with
   ``en_core_web_md`` (``newslens.nlp.parse``) and keep its *judgeable* sentences (see
   :func:`is_judgeable`). Draw up to :data:`PER_ARTICLE` of them with the same random
   generator (``rng.sample``), and go on until :data:`SAMPLE_SIZE` sentences are drawn.
4. Write ``article_id,start,end`` (character offsets into the article's ``text``, end
   exclusive; spaCy's ``Span.start_char``/``end_char`` of the sentence) in draw order, with
   the sentences of one article in text order.

The article text is read with :func:`newslens.corpus.read_corpus`, the reader every
notebook uses; an article whose text that reader would change (it strips and normalises
line ends) is skipped, so the offsets hold both in the raw ``text`` field and in newslens's
``Document.text``. None does so in this corpus.

The sentences themselves, with their paragraph, go to a text file under ``/tmp`` for the
annotator only (``--sentences``); never commit that file.

Usage::

    .venv/bin/python benchmarks/framing_sample.py                 # writes /tmp/framing_sample/
    .venv/bin/python benchmarks/framing_sample.py --check tests/data/framing/labels.csv

``--check`` exits non-zero unless the first three columns of the labels file are exactly
the drawn ``article_id,start,end`` list.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

from newslens.corpus import Document, read_corpus
from newslens.nlp import load_model, parse

CORPUS_DIR = Path("/work/shared/corpora/allsides_baly2020")
SEED = 20261125
SAMPLE_SIZE = 300
PER_ARTICLE = 2
MIN_WORDS = 4  # alphabetic tokens; shorter sentences cannot be judged on their own words

# AllSides topics about war, terrorism, disaster, the military or foreign affairs.
# Regional labels are kept where the coverage is dominated by conflict and security
# (middle_east, israel, palestine, russia, north_korea, isis); regional labels dominated by
# trade or domestic politics (china, europe, great_britain, mexico, asia, africa,
# south_korea) and domestic-security labels (homeland_security, fbi, nsa, cia,
# cybersecurity, violence_in_america) are left out. See GUIDELINE.md.
TOPICS = (
    "terrorism",
    "isis",
    "disaster",
    "us_military",
    "defense",
    "national_defense",
    "national_security",
    "nuclear_weapons",
    "foreign_policy",
    "state_department",
    "world",
    "middle_east",
    "israel",
    "palestine",
    "russia",
    "north_korea",
)

# Extraction residue that is not news prose (cross-links, sign-up prompts, credits).
BOILERPLATE = re.compile(
    r"https?://|www\.|@\w|click here|sign up|subscribe|newsletter|all rights reserved"
    r"|contributed to this report|follow (?:us|him|her) on|rush transcript|getty images",
    re.IGNORECASE,
)


def eligible_ids(extras_path: Path, topics: tuple[str, ...] = TOPICS) -> list[str]:
    """Sorted ids of the articles whose AllSides topic is one of ``topics``."""
    wanted = set(topics)
    with gzip.open(extras_path, "rt", encoding="utf-8") as handle:
        ids = [row["id"] for row in map(json.loads, handle) if row["topic"] in wanted]
    return sorted(ids)


def is_judgeable(sentence) -> bool:
    """Whether a spaCy sentence can be labelled on its own words.

    Kept: at least ``MIN_WORDS`` alphabetic tokens, no boilerplate marker (links, handles,
    sign-up and credit lines), and not mostly capital letters (the all-caps cross-links some
    outlets leave in the extracted text).
    """
    if sum(1 for token in sentence if token.is_alpha) < MIN_WORDS:
        return False
    text = sentence.text
    if BOILERPLATE.search(text):
        return False
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) <= 0.5 * len(letters)


def load_articles(corpus_dir: Path, wanted: set[str]) -> dict[str, Document]:
    """The ``Document``s of the wanted ids, as newslens's reader gives them, keeping only
    those whose text is the raw ``text`` field unchanged (so offsets hold in both)."""
    raw_texts: dict[str, str] = {}
    with gzip.open(corpus_dir / "articles.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["id"] in wanted:
                raw_texts[row["id"]] = row["text"]
    documents = {}
    for document in read_corpus(corpus_dir / "articles.jsonl.gz"):
        if document.doc_id in wanted and document.text == raw_texts.get(document.doc_id):
            documents[document.doc_id] = document
    return documents


def draw_sample(
    corpus_dir: Path = CORPUS_DIR,
    *,
    seed: int = SEED,
    sample_size: int = SAMPLE_SIZE,
    per_article: int = PER_ARTICLE,
) -> list[dict]:
    """The drawn sentences, in draw order: dicts with ``article_id, start, end`` plus the
    article's title, the sentence and its paragraph (for the annotator's file only)."""
    rng = random.Random(seed)
    ids = eligible_ids(corpus_dir / "extras.jsonl.gz")
    rng.shuffle(ids)
    documents = load_articles(corpus_dir, set(ids))
    ordered = (documents[article_id] for article_id in ids if article_id in documents)

    drawn: list[dict] = []
    nlp = load_model()
    for document, doc in parse(ordered, nlp=nlp, batch_size=8, progress=False):
        sentences = [sentence for sentence in doc.sents if is_judgeable(sentence)]
        chosen = rng.sample(sentences, min(per_article, len(sentences), sample_size - len(drawn)))
        for sentence in sorted(chosen, key=lambda s: s.start_char):
            text = document.text
            para_start = text.rfind("\n\n", 0, sentence.start_char)
            para_start = 0 if para_start < 0 else para_start + 2
            para_end = text.find("\n\n", sentence.end_char)
            para_end = len(text) if para_end < 0 else para_end
            drawn.append(
                {
                    "article_id": document.doc_id,
                    "start": sentence.start_char,
                    "end": sentence.end_char,
                    "title": document.title or "",
                    "sentence": sentence.text,
                    "paragraph": text[para_start:para_end],
                }
            )
        if len(drawn) >= sample_size:
            break
    return drawn


def write_offsets(drawn: list[dict], path: Path) -> None:
    """``article_id,start,end`` for every drawn sentence, in draw order."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["article_id", "start", "end"])
        for row in drawn:
            writer.writerow([row["article_id"], row["start"], row["end"]])


def _one_line(text: str) -> str:
    """Text on one line, paragraph breaks shown as `` / ``, for the reading file."""
    return re.sub(r"\s*\n\s*", " / ", text.strip())


def write_sentences(drawn: list[dict], path: Path) -> None:
    """The annotator's reading file: number, id, offsets, title, sentence, paragraph."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        for number, row in enumerate(drawn, start=1):
            handle.write(
                f"#{number} {row['article_id']} {row['start']}:{row['end']}"
                f"  [{row['title']}]\n"
                f"SENTENCE: {_one_line(row['sentence'])}\n"
                f"PARAGRAPH: {_one_line(row['paragraph'])}\n\n"
            )


def check_labels(drawn: list[dict], labels_path: Path) -> list[str]:
    """Differences between the draw and the labels file's ``article_id,start,end`` rows."""
    with open(labels_path, encoding="utf-8", newline="") as handle:
        labelled = [
            (r["article_id"], int(r["start"]), int(r["end"])) for r in csv.DictReader(handle)
        ]
    expected = [(r["article_id"], r["start"], r["end"]) for r in drawn]
    problems = []
    if len(labelled) != len(expected):
        problems.append(f"{len(labelled)} labelled rows, {len(expected)} drawn")
    for number, (got, want) in enumerate(zip(labelled, expected, strict=False), start=1):
        if got != want:
            problems.append(f"row {number}: labels have {got}, the draw gives {want}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus-dir", type=Path, default=CORPUS_DIR)
    parser.add_argument("--out", type=Path, default=Path("/tmp/framing_sample/sample.csv"))
    parser.add_argument("--sentences", type=Path, default=Path("/tmp/framing_sample/sentences.txt"))
    parser.add_argument("--check", type=Path, help="labels CSV to compare with the draw")
    args = parser.parse_args(argv)

    drawn = draw_sample(args.corpus_dir)
    write_offsets(drawn, args.out)
    write_sentences(drawn, args.sentences)
    articles = Counter(row["article_id"] for row in drawn)
    print(f"topics: {', '.join(TOPICS)}")
    print(f"seed {SEED}: {len(drawn)} sentences from {len(articles)} articles -> {args.out}")
    print(f"annotator's reading file (do not commit): {args.sentences}")
    if args.check:
        problems = check_labels(drawn, args.check)
        for problem in problems[:20]:
            print(problem, file=sys.stderr)
        print(f"check {args.check}: {'OK' if not problems else f'{len(problems)} differences'}")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
