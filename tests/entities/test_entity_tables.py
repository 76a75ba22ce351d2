"""The corpus tables of entities (newslens.entities.tables) over written passages."""

from __future__ import annotations

import pandas as pd
import pytest
from entity_passages import PASSAGES
from newslens.entities import (
    cooccurrence,
    entity_aliases,
    entity_counts_by_document,
    entity_table,
    extract_mentions,
    mentions_by_period,
    with_sentences,
)


@pytest.fixture(scope="module")
def corpus_mentions(nlp):
    return pd.concat(
        [extract_mentions(nlp(text), doc_id=doc_id) for doc_id, text in PASSAGES.items()],
        ignore_index=True,
    )


def test_entities_merge_across_documents_by_canonical_name(corpus_mentions):
    table = entity_table(corpus_mentions)
    assert list(table.columns) == ["entity", "label", "mentions", "documents", "aliases"]
    kyiv = table[table["entity"] == "Kyiv"].iloc[0].tolist()
    assert kyiv == ["Kyiv", "GPE", 2, 2, "Kiev | Kyiv"]
    assert table["entity"].tolist()[:3] == ["United States", "Donald Trump", "Volodymyr Zelenskyy"]
    assert entity_table(corpus_mentions, min_mentions=2)["entity"].tolist() == [
        "United States",
        "Donald Trump",
        "Volodymyr Zelenskyy",
        "Kyiv",
        "Marco Rubio",
        "Maria Chen",
        "Maria Lopez",
    ]


def test_alias_audit_table_lists_each_merged_form(corpus_mentions):
    audit = entity_aliases(corpus_mentions)
    trump = audit[audit["entity"] == "Donald Trump"]
    assert trump[["alias", "mentions", "linked_by"]].values.tolist() == [
        ["Trump", 2, "surname"],
        ["Donald Trump", 1, "name"],
    ]


def test_counts_by_document(corpus_mentions):
    by_document = entity_counts_by_document(corpus_mentions)
    assert by_document[by_document["doc_id"] == "c"].values.tolist() == [
        ["c", "Donald Trump", "PERSON", 3],
        ["c", "Ohio", "GPE", 1],
    ]


def test_cooccurrence_counts_sentences_and_documents(corpus_mentions):
    pairs = cooccurrence(corpus_mentions)
    assert list(pairs.columns) == ["entity_a", "entity_b", "sentences", "documents"]
    rows = {(a, b): (s, d) for a, b, s, d in pairs.values.tolist()}
    assert rows[("Kyiv", "Volodymyr Zelenskyy")] == (1, 1)
    assert rows[("Maria Chen", "Maria Lopez")] == (1, 1)
    assert rows[("Poland", "United States")] == (1, 1)
    assert all(a < b for a, b in rows)
    assert len(rows) == 11
    top = cooccurrence(corpus_mentions, entities=["Marco Rubio", "Paris", "Rome"])
    assert top.values.tolist() == [["Marco Rubio", "Paris", 1, 1], ["Marco Rubio", "Rome", 1, 1]]


def test_mentions_by_period_uses_document_dates(corpus_mentions):
    documents = pd.DataFrame(
        {"doc_id": ["a", "b", "c", "d"], "date": ["2025-07-10", "2025-07-28", "2025-08-02", ""]}
    )
    monthly = mentions_by_period(corpus_mentions, documents)
    assert monthly[monthly["entity"] == "Kyiv"].values.tolist() == [
        ["2025-07", "Kyiv", "GPE", 2, 2]
    ]
    assert set(monthly["period"]) == {"2025-07", "2025-08"}
    undated = documents.assign(date="")
    assert mentions_by_period(corpus_mentions, undated).empty


def test_tables_are_reproducible(nlp, corpus_mentions):
    again = pd.concat(
        [extract_mentions(nlp(text), doc_id=doc_id) for doc_id, text in PASSAGES.items()],
        ignore_index=True,
    )
    assert again.equals(corpus_mentions)
    assert entity_table(again).to_csv() == entity_table(corpus_mentions).to_csv()
    assert cooccurrence(again).to_csv() == cooccurrence(corpus_mentions).to_csv()


def test_each_mention_gets_the_sentence_it_stands_in():
    mentions = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b"],
            "sentence_id": [1, 0, 0],
            "start": [30, 0, 4],
            "end": [34, 8, 9],
            "text": ["Vale", "Ann Vale", "Reyes"],
            "entity": ["Ann Vale", "Ann Vale", "Tom Reyes"],
        }
    )
    sentences = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b"],
            "sentence_id": [0, 1, 0],
            "text": ["Ann Vale spoke.", "Later that day, Vale left.", "Mr. Reyes said no."],
        }
    )
    table = with_sentences(mentions, sentences)
    assert list(table.columns) == [
        "doc_id",
        "sentence_id",
        "start",
        "end",
        "text",
        "sentence",
        "entity",
    ]
    assert list(table["sentence"]) == [
        "Later that day, Vale left.",
        "Ann Vale spoke.",
        "Mr. Reyes said no.",
    ]
    assert list(table["entity"]) == list(mentions["entity"])  # order and rows kept
