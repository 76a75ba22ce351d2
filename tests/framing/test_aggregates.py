"""Aggregates of a sentences table (newslens.framing.aggregates): shares, balance,
sentiment, sequence and actors, on a table written here."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from framing_passages import sentence_rows
from newslens.framing import (
    LABELS,
    actors_by_frame,
    balance_index,
    corpus_balance,
    corpus_frames,
    document_frames,
    frame_sequence,
)


@pytest.fixture
def sentences_table():
    return sentence_rows()


@pytest.mark.parametrize(
    ("destruction", "reconstruction", "expected"),
    [(3, 1, -0.5), (0, 2, 1.0), (2, 2, 0.0), (0, 0, math.nan)],
)
def test_balance_index(destruction, reconstruction, expected):
    value = balance_index(destruction, reconstruction)
    assert math.isnan(value) if math.isnan(expected) else value == expected


def test_document_and_corpus_aggregates(sentences_table):
    documents = document_frames(sentences_table)
    a = documents.set_index("doc_id").loc["a"]
    assert a["sentences"] == 5
    assert a["destruction_sentences"] == 2 and a["both_sentences"] == 1
    assert a["destruction_share"] == 0.4
    # D = 2 destruction + 1 both = 3, R = 1 reconstruction + 1 both = 2.
    assert a["balance"] == pytest.approx(-0.2)
    assert a["sentiment_mean_destruction"] == pytest.approx(-0.6)
    assert a["sentiment_std_destruction"] == pytest.approx(0.2828427)
    assert math.isnan(a["sentiment_std_both"])
    assert documents["balance"].tolist()[1] == 1.0
    assert math.isnan(documents["balance"].tolist()[2])

    corpus = corpus_frames(sentences_table)
    assert corpus["frame"].tolist() == list(LABELS)
    assert corpus["sentences"].tolist() == [2, 2, 1, 3]
    assert corpus["documents"].tolist() == [1, 2, 1, 3]
    assert corpus["share"].tolist() == [0.25, 0.25, 0.125, 0.375]
    assert corpus.loc[1, "sentiment_mean"] == pytest.approx(0.55)

    balance = corpus_balance(sentences_table, documents=documents).iloc[0]
    assert balance["balance"] == pytest.approx((3 - 3) / 6)
    assert balance["mean_document_balance"] == pytest.approx(0.4)
    assert balance[
        ["documents_destruction", "documents_reconstruction", "documents_unframed"]
    ].tolist() == [1, 1, 1]


def test_frame_sequence_positions(sentences_table):
    sequence = frame_sequence(sentences_table)
    assert sequence["position"].tolist() == [0.0, 0.25, 0.5, 0.75, 1.0, 0.0, 1.0, 0.0]
    assert sequence["frame"].tolist()[:2] == ["destruction", "destruction"]


def test_actors_by_frame_counts_distinct_sentences(sentences_table):
    mentions = pd.DataFrame(
        [
            ("a", 0, "Russia", "GPE"),
            ("a", 0, "Russia", "GPE"),  # twice in one sentence counts once
            ("a", 1, "Russia", "GPE"),
            ("a", 4, "Russia", "GPE"),
            ("a", 2, "European Commission", "ORG"),
            ("b", 0, "European Commission", "ORG"),
            ("b", 1, "Rubio", "PERSON"),
        ],
        columns=["doc_id", "sentence_id", "entity", "label"],
    )
    mentions["start"], mentions["end"], mentions["text"] = 0, 1, "x"
    table = actors_by_frame(mentions, sentences_table, top_n=2)
    assert table["entity"].tolist() == ["Russia", "European Commission"]
    russia = table.iloc[0]
    assert russia[["sentences", "destruction", "reconstruction", "both", "neither"]].tolist() == [
        3,
        2,
        0,
        1,
        0,
    ]
    assert russia["destruction_share"] == 1.0
    assert russia["reconstruction_share"] == pytest.approx(1 / 3)
    assert russia["balance"] == pytest.approx(-0.5)
    assert table.iloc[1]["balance"] == 1.0
