"""Draw the articles of the framing labelling set and cut them into annotation batches.

The labelled set (guideline: ``tests/data/framing/GUIDELINE.md``) is made of **whole
articles** of the AllSides corpus (``/work/shared/corpora/allsides_baly2020``), every
sentence of an article labelled, never a sentence picked out of one. The articles are
copyrighted, so the repository holds only ``tests/data/framing/sample.csv``
(``article_id,split,draw_reason``); the sentences with their text go to annotation batches
outside the repository (``/work/framing-batches/`` by default).

Procedure (deterministic; every constant is below):

1. **Topic draw.** Articles whose AllSides topic (``extras.jsonl.gz``) belongs to one of
   the :data:`TOPIC_GROUPS` and whose text has at most :data:`TOPIC_MAX_WORDS` words
   (whitespace-separated). For each group, in the order listed, the eligible ids are sorted,
   shuffled with ``random.Random(f"{SEED}:{group}")`` and the first ``quota`` are taken.
2. **Keyword draw.** Articles of any topic, not drawn in step 1, of at most
   :data:`KEYWORD_MAX_WORDS` words, whose text talks about aid, relief, recovery or
   rebuilding: at least :data:`KEYWORD_MIN_HITS` matches of :data:`REPAIR_WORDS` (at least
   two different words), and at least :data:`KEYWORD_MIN_HARM` matches of
   :data:`HARM_WORDS` so that the repair is repair after harm (this leaves out most
   "tax relief" or "student aid" articles, not all: those stay as hard cases). The eligible
   ids are sorted, shuffled with ``random.Random(f"{SEED}:keyword")`` and the first
   :data:`KEYWORD_QUOTA` are taken. These regular expressions only choose articles; they
   are written for the draw and are not the framing lexicons.
3. Articles whose title repeats an earlier drawn title (syndicated copies) are skipped, as
   are articles whose text :func:`newslens.corpus.read_corpus` would change (so offsets
   hold both in the raw ``text`` field and in newslens's ``Document.text``).
4. **Split by article.** Within each draw reason (each topic group, and the keyword draw)
   the drawn articles, in draw order, go in turn to :data:`SPLIT_CYCLE` (test, dev, train,
   train, train: 60/20/20 by article), so every split holds every kind of article and
   raising a quota later adds articles without moving any drawn one to another split.
5. **Sentences.** Each article is parsed with ``newslens.nlp.load_model()`` (a blank line
   always ends a sentence) through the parse cache, and every ``doc.sents`` span becomes one
   sentence ``(article_id, sentence_id, start, end)``: character offsets into the article's
   ``text``, end exclusive, with leading and trailing whitespace trimmed out of the span.
   Spans with no letter or digit (a lone quotation mark) are not sentences and are dropped.
   ``sentence_id`` counts the kept sentences of an article from 1.
6. **Batches.** Within each split the articles are shuffled with
   ``random.Random(f"{SEED}:batches:{split}")`` and cut into batches of about
   :data:`BATCH_ARTICLES` whole articles: ``train_01.jsonl``, ..., ``dev_01.jsonl``, ...,
   ``test_01.jsonl``, ... Each batch also gets a reading view (``.txt``) and an empty label
   template (``templates/<batch>.csv``). See :data:`README_TEXT` for the formats.

Usage::

    PYTHONPATH=lib .venv/bin/python benchmarks/framing_sample.py           # draw + batches
    PYTHONPATH=lib .venv/bin/python benchmarks/framing_sample.py --check   # verify

``--check`` redraws and exits non-zero unless the draw equals ``sample.csv`` and, when the
batch folder exists, every batch line's offsets and text equal a fresh segmentation.
``--validate-labels DIR`` checks annotators' label files against the batches.
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
from newslens.nlp import load_model, model_info, parse
from newslens.segmentation import SEGMENTATION_VERSION

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = Path("/work/shared/corpora/allsides_baly2020")
SAMPLE_CSV = ROOT / "tests" / "data" / "framing" / "sample.csv"
BATCH_DIR = Path("/work/framing-batches")
SEED = 20260915

# AllSides topic labels (extras.jsonl.gz) about war, terrorism, disaster, the Middle East,
# the military and defence, Russia and world affairs, with the number of articles to draw
# from each group. The corpus has no "war" label: war coverage sits under the groups below.
# Disaster articles of this length are few (16); the keyword draw brings the rest.
TOPIC_GROUPS: dict[str, tuple[tuple[str, ...], int]] = {
    "disaster": (("disaster",), 10),
    "terrorism": (("terrorism", "isis"), 17),
    "middle_east": (("middle_east", "israel", "palestine"), 18),
    "military": (("us_military", "defense", "national_defense", "national_security"), 16),
    "world": (("russia", "world", "foreign_policy"), 17),
}
TOPIC_MAX_WORDS = 400
KEYWORD_QUOTA = 54
KEYWORD_MAX_WORDS = 700
KEYWORD_MIN_HITS = 4
KEYWORD_MIN_HARM = 2
REPAIR_WORDS = re.compile(
    r"\b(rebuil\w*|reconstruct\w*|relief|recover(?:y|ing|ed|ies)?|aid|humanitarian"
    r"|donat\w+|pledg\w+|restor\w+|repair\w*|FEMA|assistance)\b",
    re.IGNORECASE,
)
HARM_WORDS = re.compile(
    r"\b(war|bomb\w*|attack\w*|strikes?|airstrikes?|killed|destroy\w*|destruction"
    r"|damage\w*|hurricane\w*|earthquake\w*|flood\w*|storms?|wildfires?|typhoon\w*"
    r"|tornado\w*|explosion\w*|devastat\w*)\b",
    re.IGNORECASE,
)
SPLITS = ("train", "dev", "test")
SPLIT_CYCLE = ("test", "dev", "train", "train", "train")  # 60/20/20 by article
MIN_TEST_SENTENCES = 450
BATCH_ARTICLES = 13
LABELS = ("destruction", "reconstruction", "both", "neither")
_HAS_WORD = re.compile(r"\w")


# --- the draw -------------------------------------------------------------------------


def read_rows(corpus_dir: Path) -> tuple[dict[str, dict], dict[str, str]]:
    """Every article row by id, and every article's AllSides topic by id."""
    with gzip.open(corpus_dir / "extras.jsonl.gz", "rt", encoding="utf-8") as handle:
        topics = {row["id"]: row["topic"] for row in map(json.loads, handle)}
    with gzip.open(corpus_dir / "articles.jsonl.gz", "rt", encoding="utf-8") as handle:
        rows = {row["id"]: row for row in map(json.loads, handle)}
    return rows, topics


def word_count(text: str) -> int:
    """Whitespace-separated words, the corpus README's measure."""
    return len(text.split())


def talks_about_repair(text: str) -> bool:
    """Whether an article talks about aid, relief, recovery or rebuilding after harm."""
    repairs = [match.group(1).lower()[:5] for match in REPAIR_WORDS.finditer(text)]
    return (
        len(repairs) >= KEYWORD_MIN_HITS
        and len(set(repairs)) >= 2
        and len(HARM_WORDS.findall(text)) >= KEYWORD_MIN_HARM
    )


def _shuffled(ids, key: str) -> list[str]:
    ordered = sorted(ids)
    random.Random(f"{SEED}:{key}").shuffle(ordered)
    return ordered


def _title_key(row: dict) -> str:
    return re.sub(r"\W+", " ", (row.get("title") or "").lower()).strip()


def draw_articles(rows: dict[str, dict], topics: dict[str, str]) -> list[tuple[str, str]]:
    """``(article_id, draw_reason)`` in draw order: each topic group, then the keywords."""
    drawn: list[tuple[str, str]] = []
    titles: set[str] = set()

    def take(candidates: list[str], reason: str, quota: int) -> None:
        taken = 0
        for article_id in candidates:
            if taken == quota:
                break
            title = _title_key(rows[article_id])
            if title and title in titles:
                continue
            titles.add(title)
            drawn.append((article_id, reason))
            taken += 1
        if taken < quota:
            raise SystemExit(f"draw: only {taken} of {quota} articles for {reason}")

    for group, (group_topics, quota) in TOPIC_GROUPS.items():
        eligible = [
            article_id
            for article_id, row in rows.items()
            if topics[article_id] in group_topics and word_count(row["text"]) <= TOPIC_MAX_WORDS
        ]
        take(_shuffled(eligible, group), f"topic:{group}", quota)

    done = {article_id for article_id, _ in drawn}
    eligible = [
        article_id
        for article_id, row in rows.items()
        if article_id not in done
        and word_count(row["text"]) <= KEYWORD_MAX_WORDS
        and talks_about_repair(row["text"])
    ]
    take(_shuffled(eligible, "keyword"), "keyword", KEYWORD_QUOTA)
    return drawn


def split_articles(drawn: list[tuple[str, str]]) -> list[dict]:
    """Sample rows ``{article_id, split, draw_reason}``. Within each draw reason the n-th
    drawn article goes to ``SPLIT_CYCLE[n % len(SPLIT_CYCLE)]`` (60/20/20), so every split
    holds every kind of article, and raising a quota adds articles without moving any."""
    position: Counter = Counter()
    sample = []
    for article_id, reason in drawn:
        split = SPLIT_CYCLE[position[reason] % len(SPLIT_CYCLE)]
        position[reason] += 1
        sample.append({"article_id": article_id, "split": split, "draw_reason": reason})
    return sample


def write_sample(sample: list[dict], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(
            handle, fieldnames=["article_id", "split", "draw_reason"], lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(sample)


def read_sample(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- sentences and batches ------------------------------------------------------------


def load_documents(corpus_dir: Path, rows: dict[str, dict], wanted: set[str]) -> dict:
    """newslens ``Document``s of the wanted ids, only those whose text is the raw field."""
    documents = {}
    for document in read_corpus(corpus_dir / "articles.jsonl.gz"):
        if document.doc_id in wanted and document.text == rows[document.doc_id]["text"]:
            documents[document.doc_id] = document
    return documents


def sentence_spans(doc) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of a parsed article, whitespace trimmed, spans
    without a letter or digit left out."""
    text = doc.text
    spans = []
    for sentence in doc.sents:
        start, end = sentence.start_char, sentence.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if _HAS_WORD.search(text, start, end):
            spans.append((start, end))
    return spans


def segment(documents: dict[str, Document]) -> dict[str, list[tuple[int, int]]]:
    """Sentence spans of every document, parsed (or read from the cache) one by one."""
    nlp = load_model()
    ordered = [documents[article_id] for article_id in sorted(documents)]
    return {
        document.doc_id: sentence_spans(doc)
        for document, doc in parse(ordered, nlp=nlp, batch_size=8, progress=False)
    }


def plan_batches(sample: list[dict]) -> dict[str, list[str]]:
    """Batch name -> article ids, whole articles, about BATCH_ARTICLES per batch."""
    batches = {}
    for split in SPLITS:
        ids = _shuffled(
            [r["article_id"] for r in sample if r["split"] == split], f"batches:{split}"
        )
        count = max(1, round(len(ids) / BATCH_ARTICLES))
        for number in range(count):
            batches[f"{split}_{number + 1:02d}"] = ids[number::count]
    return batches


def batch_lines(article_id: str, split: str, document: Document, spans) -> list[dict]:
    """The JSONL records of one article: a header, then one record per sentence."""
    text = document.text
    paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)]
    lines = [
        {
            "type": "article",
            "article_id": article_id,
            "split": split,
            "title": document.title or "",
            "source": document.source or "",
            "date": document.date or "",
            "sentences": len(spans),
        }
    ]
    for number, (start, end) in enumerate(spans, start=1):
        paragraph = sum(1 for p in paragraph_starts if p <= start)
        lines.append(
            {
                "type": "sentence",
                "article_id": article_id,
                "split": split,
                "sentence_id": number,
                "start": start,
                "end": end,
                "paragraph": paragraph,
                "title": document.title or "",
                "text": text[start:end],
            }
        )
    return lines


def reading_view(lines: list[dict]) -> str:
    """The batch as plain text: article headers, sentence numbers, paragraph gaps."""
    out = []
    paragraph = None
    for line in lines:
        if line["type"] == "article":
            out.append(
                f"\n{'=' * 78}\nARTICLE {line['article_id']}  ({line['source']}, {line['date']})"
            )
            out.append(f"TITLE: {line['title']}\n")
            paragraph = None
            continue
        if paragraph is not None and line["paragraph"] != paragraph:
            out.append("")
        paragraph = line["paragraph"]
        body = re.sub(r"\s*\n\s*", " / ", line["text"])
        out.append(f"[{line['sentence_id']:>3}] {body}")
    return "\n".join(out).lstrip("\n") + "\n"


def write_batches(sample, documents, spans, out_dir: Path) -> dict[str, tuple[int, int]]:
    """Write every batch (JSONL, reading view, label template) and the README; return
    batch name -> (articles, sentences)."""
    split_of = {r["article_id"]: r["split"] for r in sample}
    (out_dir / "templates").mkdir(parents=True, exist_ok=True)
    sizes = {}
    for name, ids in plan_batches(sample).items():
        lines = []
        for article_id in ids:
            lines += batch_lines(
                article_id, split_of[article_id], documents[article_id], spans[article_id]
            )
        with open(out_dir / f"{name}.jsonl", "w", encoding="utf-8") as handle:
            for line in lines:
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
        (out_dir / f"{name}.txt").write_text(reading_view(lines), encoding="utf-8")
        with open(
            out_dir / "templates" / f"{name}.csv", "w", encoding="utf-8", newline=""
        ) as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["article_id", "sentence_id", "start", "end", "label", "note"])
            for line in lines:
                if line["type"] == "sentence":
                    writer.writerow(
                        [
                            line["article_id"],
                            line["sentence_id"],
                            line["start"],
                            line["end"],
                            "",
                            "",
                        ]
                    )
        sizes[name] = (len(ids), sum(1 for line in lines if line["type"] == "sentence"))
    (out_dir / "README.md").write_text(README_TEXT, encoding="utf-8")
    return sizes


def read_batches(out_dir: Path) -> dict[str, list[dict]]:
    batches = {}
    for path in sorted(out_dir.glob("*.jsonl")):
        with open(path, encoding="utf-8") as handle:
            batches[path.stem] = [json.loads(line) for line in handle]
    return batches


def check_batches(out_dir: Path, documents, spans) -> list[str]:
    """Differences between the batch files and a fresh segmentation."""
    problems = []
    seen = set()
    for name, lines in read_batches(out_dir).items():
        for line in lines:
            if line["type"] != "sentence":
                continue
            article_id = line["article_id"]
            seen.add(article_id)
            start, end = spans[article_id][line["sentence_id"] - 1]
            if (line["start"], line["end"]) != (start, end):
                problems.append(f"{name}: {article_id}#{line['sentence_id']} offsets differ")
            elif documents[article_id].text[start:end] != line["text"]:
                problems.append(f"{name}: {article_id}#{line['sentence_id']} text differs")
        counted = Counter(line["article_id"] for line in lines if line["type"] == "sentence")
        for article_id, count in counted.items():
            if count != len(spans[article_id]):
                problems.append(
                    f"{name}: {article_id} has {count} of {len(spans[article_id])} sentences"
                )
    missing = set(spans) - seen
    if missing:
        problems.append(f"{len(missing)} drawn articles are in no batch")
    return problems


def validate_labels(labels_dir: Path, out_dir: Path) -> list[str]:
    """Problems in annotators' label files (``<labels_dir>/<annotator>/<batch>.csv``).

    A folder with no annotator subfolder holding label files, a CSV outside an annotator
    subfolder, a missing ``label`` column, and a blank or unknown label are all problems.
    """
    expected = {}
    for name, lines in read_batches(out_dir).items():
        expected[name] = [
            (line["article_id"], str(line["sentence_id"]), str(line["start"]), str(line["end"]))
            for line in lines
            if line["type"] == "sentence"
        ]
    problems = []
    if not labels_dir.is_dir():
        return [f"{labels_dir}: not a folder"]
    loose = sorted(p.name for p in labels_dir.glob("*.csv"))
    if loose:
        problems.append(
            f"{labels_dir}: label files must be in an annotator subfolder, found {', '.join(loose)}"
        )
    files = sorted(labels_dir.glob("*/*.csv"))
    if not files:
        problems.append(f"{labels_dir}: no <annotator>/<batch>.csv label files")
    for path in files:
        where = f"{path.parent.name}/{path.name}"
        if path.stem not in expected:
            problems.append(f"{where}: no batch named {path.stem}")
            continue
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            rows = list(reader)
            columns = reader.fieldnames or []
        if "label" not in columns:
            problems.append(f"{where}: no 'label' column")
            continue
        keys = [(r["article_id"], r["sentence_id"], r["start"], r["end"]) for r in rows]
        if keys != expected[path.stem]:
            problems.append(f"{where}: rows are not the batch's sentences in batch order")
        blank = [r for r in rows if not (r.get("label") or "").strip()]
        if blank:
            problems.append(f"{where}: {len(blank)} rows with a blank label")
        bad = [
            r for r in rows if (r.get("label") or "").strip() and r["label"].strip() not in LABELS
        ]
        if bad:
            problems.append(f"{where}: {len(bad)} rows with a label not among {', '.join(LABELS)}")
    return problems


# --- command line ---------------------------------------------------------------------


def summarise(sample, spans, sizes=None) -> None:
    for split in SPLITS:
        ids = [r["article_id"] for r in sample if r["split"] == split]
        print(f"{split:5s}: {len(ids):3d} articles, {sum(len(spans[a]) for a in ids):4d} sentences")
    reasons = Counter(r["draw_reason"] for r in sample)
    print("draw reasons: " + ", ".join(f"{k} {v}" for k, v in sorted(reasons.items())))
    print(f"total: {len(sample)} articles, {sum(len(s) for s in spans.values())} sentences")
    for name, (articles, sentences) in (sizes or {}).items():
        print(f"  {name}: {articles} articles, {sentences} sentences")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus-dir", type=Path, default=CORPUS_DIR)
    parser.add_argument("--sample", type=Path, default=SAMPLE_CSV)
    parser.add_argument("--out", type=Path, default=BATCH_DIR, help="annotation batch folder")
    parser.add_argument("--check", action="store_true", help="verify sample.csv and the batches")
    parser.add_argument("--validate-labels", type=Path, metavar="DIR", help="check label files")
    args = parser.parse_args(argv)

    if args.validate_labels:
        problems = validate_labels(args.validate_labels, args.out)
        for problem in problems:
            print(problem, file=sys.stderr)
        print(
            f"labels in {args.validate_labels}: {'OK' if not problems else f'{len(problems)} problems'}"
        )
        return 1 if problems else 0

    rows, topics = read_rows(args.corpus_dir)
    drawn = draw_articles(rows, topics)
    documents = load_documents(args.corpus_dir, rows, {a for a, _ in drawn})
    skipped = [a for a, _ in drawn if a not in documents]
    if skipped:
        raise SystemExit(f"the reader changes the text of {skipped}; change the seed")
    sample = split_articles(drawn)
    spans = segment(documents)
    info = model_info(load_model())
    print(f"seed {SEED}, {info['name']} {info['version']}, segmentation {SEGMENTATION_VERSION}")

    if args.check:
        problems = []
        if read_sample(args.sample) != sample:
            problems.append(f"{args.sample} differs from the draw")
        if args.out.exists():
            problems += check_batches(args.out, documents, spans)
        summarise(sample, spans)
        for problem in problems[:20]:
            print(problem, file=sys.stderr)
        print(f"check: {'OK' if not problems else f'{len(problems)} problems'}")
        return 1 if problems else 0

    test_sentences = sum(len(spans[r["article_id"]]) for r in sample if r["split"] == "test")
    if test_sentences < MIN_TEST_SENTENCES:
        raise SystemExit(f"the test split holds {test_sentences} sentences, < {MIN_TEST_SENTENCES}")
    write_sample(sample, args.sample)
    sizes = write_batches(sample, documents, spans, args.out)
    summarise(sample, spans, sizes)
    print(f"wrote {args.sample} and {len(sizes)} batches in {args.out}")
    return 0


README_TEXT = """\
# Framing annotation batches

These files hold **copyrighted article text** from the AllSides corpus: never copy them, or
any sentence of them, into the repository, a commit message, an issue or a report. Labels
refer to sentences by article id and character offsets only.

Made by `benchmarks/framing_sample.py` (in the newslens repository); the article list is
`tests/data/framing/sample.csv`. Read `tests/data/framing/GUIDELINE.md` before labelling:
it defines the four labels and decides the hard cases.

## What is here

- `train_NN.jsonl`, `dev_NN.jsonl`, `test_NN.jsonl`: one batch each, 10 to 15 whole
  articles of one split. One JSON object per line, in article order:
  - an **article header** `{"type": "article", "article_id", "split", "title", "source",
    "date", "sentences"}` before each article's sentences;
  - one line per **sentence** `{"type": "sentence", "article_id", "split", "sentence_id",
    "start", "end", "paragraph", "title", "text"}`. `sentence_id` counts the article's
    sentences from 1; `start`/`end` are character offsets into the article's `text` field
    (end exclusive, whitespace trimmed), so `text == article_text[start:end]`;
    `paragraph` counts the article's paragraphs from 1.
- `train_NN.txt`, ...: the same batch as plain text for reading: the title, then each
  sentence as `[sentence_id] text`, a blank line between paragraphs, ` / ` where a line
  break falls inside a sentence.
- `templates/<batch>.csv`: the label file to fill in, one row per sentence, in batch order,
  with `label` and `note` empty.

## What to produce

For each batch you label, one CSV file `/work/framing-labels/<annotator>/<batch>.csv`
(`<annotator>` is your short name, e.g. `/work/framing-labels/ana/test_02.csv`). Start from
the template: copy `templates/<batch>.csv` there and fill in two columns.

| column | content |
| --- | --- |
| `article_id` | as in the batch (do not change) |
| `sentence_id` | as in the batch (do not change) |
| `start`, `end` | as in the batch (do not change) |
| `label` | exactly one of `destruction`, `reconstruction`, `both`, `neither` |
| `note` | optional: a few words of *your own* on a hard call, e.g. `threat only (R3)`. Never copy article text here. |

- UTF-8, comma-separated, header row as in the template, **every sentence of the batch, in
  batch order**: whole articles are labelled, none skipped. A sentence that is badly cut,
  a caption or a credit line still gets a label (see the guideline).
- Read the whole article, in order, with the guideline open. Label each sentence by what
  it says, using the article only to understand it (who "they" are, which attack "the
  attack" is).
- Label alone: do not look at other annotators' files, at the newslens framing lexicons or
  model, or at its output on these articles.
- Second annotators label the `test_NN` batches they are given, independently.

Check your files before handing them in:

    cd <newslens checkout>
    PYTHONPATH=lib .venv/bin/python benchmarks/framing_sample.py --validate-labels /work/framing-labels

It reports every file whose rows are not the batch's sentences in order or that has a
missing or misspelt label.
"""


if __name__ == "__main__":
    raise SystemExit(main())
