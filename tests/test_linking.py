"""newslens.linking: entities resolved once for the corpus, and quote speakers renamed with
them, so every table names a person the same way."""

from __future__ import annotations

import pandas as pd
from newslens.analyse import analyse_documents
from newslens.corpus import Document
from newslens.linking import LINKED_TABLES, link_corpus, link_entities
from newslens.steps import MentionsStep, QuotesStep
from newslens.table_writer import write_whole

# Passages written for this test.
DOCUMENTS = [
    Document(doc_id="a", text='"We will rebuild every school," Zelensky said on Tuesday in Kyiv.'),
    Document(doc_id="b", text="Officials in Lviv said the bridge would reopen in May."),
]


def test_quote_speakers_take_the_corpus_level_names_of_their_mentions(nlp, tmp_path):
    tables = analyse_documents(DOCUMENTS, [MentionsStep(), QuotesStep()], nlp=nlp)
    assert tables["quotes"]["speaker_entity"].tolist()[0] == "Zelensky"  # the document's name
    work, out = tmp_path / "work", tmp_path / "tables"
    work.mkdir()
    out.mkdir()
    for name in LINKED_TABLES:
        write_whole(tables[name], work, name)
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("Zelensky\tVolodymyr Zelenskyy\tPERSON\n", encoding="utf-8")

    counts = link_entities(work, out, alias_file=str(aliases))

    mentions = pd.read_parquet(out / "mentions.parquet")
    quotes = pd.read_parquet(out / "quotes.parquet")
    assert counts == {"mentions": len(mentions), "quotes": len(quotes)}
    assert quotes["speaker_entity"].tolist()[0] == "Volodymyr Zelenskyy"
    assert "Volodymyr Zelenskyy" in set(mentions.loc[mentions["doc_id"] == "a", "entity"])
    assert "Zelensky" not in set(mentions["entity"])
    written = pd.read_csv(out / "quotes.csv", keep_default_na=False)
    assert written["speaker_entity"].tolist() == quotes["speaker_entity"].tolist()


def test_a_corpus_without_mentions_keeps_its_quotes(nlp, tmp_path):
    quiet = [Document(doc_id="c", text="it rained all day and the roads were closed.")]
    tables = analyse_documents(quiet, [MentionsStep(), QuotesStep()], nlp=nlp)
    for name in LINKED_TABLES:
        write_whole(tables[name], tmp_path, name)
    (tmp_path / "out").mkdir()
    assert link_entities(tmp_path, tmp_path / "out") == {"mentions": 0, "quotes": 0}
    assert (tmp_path / "out" / "mentions.csv").is_file()


def test_linking_in_a_child_process_writes_the_same_bytes(nlp, tmp_path):
    tables = analyse_documents(DOCUMENTS, [MentionsStep(), QuotesStep()], nlp=nlp)
    work = tmp_path / "work"
    work.mkdir()
    for name in LINKED_TABLES:
        write_whole(tables[name], work, name)
    written, counts = {}, {}
    for apart in (False, True):
        out = tmp_path / f"apart-{apart}"
        out.mkdir()
        counts[apart] = link_corpus(work, out, apart=apart)
        written[apart] = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    assert counts[True] == counts[False] and counts[True]["quotes"] == len(tables["quotes"])
    assert sorted(written[True]) == [
        "mentions.csv",
        "mentions.parquet",
        "quotes.csv",
        "quotes.parquet",
    ]
    assert written[True] == written[False]
