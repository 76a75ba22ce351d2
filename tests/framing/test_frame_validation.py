"""Validation against hand labels (newslens.framing.validation): kappa, alignment,
agreement, and the committed labels against the sentences newslens cuts."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import ROOT
from newslens.analyse import analyse_documents
from newslens.framing import align_labels, cohen_kappa, frame_agreement
from newslens.steps import SentencesStep

LABELS_CSV = ROOT / "tests" / "data" / "framing" / "labels.csv"


def test_cohen_kappa_known_values():
    # Two raters, 10 items: p_o = 0.7, p_e = 0.5*0.6 + 0.5*0.4 = 0.5 -> kappa 0.4
    gold = ["y"] * 5 + ["n"] * 5
    predicted = ["y", "y", "y", "y", "n", "y", "y", "n", "n", "n"]
    assert cohen_kappa(gold, predicted) == pytest.approx(0.4)
    assert cohen_kappa(gold, gold) == 1.0


def test_align_labels_and_agreement():
    text = "One strike.\nTwo aid.\n\nThree calm."
    sentences = pd.DataFrame(
        {
            "doc_id": ["x", "x", "x"],
            "sentence_id": [0, 1, 2],
            "start": [0, 12, 22],
            "end": [11, 20, 33],
            "frame": ["destruction", "reconstruction", "neither"],
        }
    )
    labels = pd.DataFrame(
        {
            "article_id": ["x", "x", "x", "y"],
            "start": [0, 12, 25, 0],
            "end": [12, 22, 33, 5],  # trailing whitespace, exact; inside; unknown article
            "label": ["destruction", "both", "neither", "neither"],
        }
    )
    aligned = align_labels(labels, sentences, texts={"x": text})
    assert aligned["alignment"].tolist() == ["exact", "exact", "containing", "missing"]
    assert aligned["sentence_id"].tolist() == [0, 1, 2, -1]
    result = frame_agreement(aligned)
    assert result["sentences"] == 3
    assert result["accuracy"] == pytest.approx(2 / 3)
    assert result["confusion"].loc["both", "reconstruction"] == 1
    assert result["frames"]["destruction"]["precision"] == 1.0
    assert result["frames"]["destruction"]["recall"] == 0.5
    assert result["frames"]["reconstruction"]["f1"] == 1.0


def test_every_committed_label_is_a_newslens_sentence(nlp, shared_dir):
    """The committed whole-article labels (and the second annotator's) map exactly onto
    the sentences newslens cuts, every sentence of every labelled article is labelled, and
    the splits hold the sizes the guideline states."""
    from newslens.framing import labelled_documents, read_frame_labels

    labels = read_frame_labels(LABELS_CSV)
    second = read_frame_labels(LABELS_CSV.with_name("labels_second.csv"))
    sizes = labels.groupby("split").agg(articles=("article_id", "nunique"), n=("label", "size"))
    assert sizes.to_dict("index") == {
        "dev": {"articles": 28, "n": 568},
        "test": {"articles": 29, "n": 552},
        "train": {"articles": 75, "n": 1606},
    }
    assert set(second["article_id"]) == set(labels.loc[labels["split"] == "test", "article_id"])
    corpus = shared_dir / "corpora" / "allsides_baly2020" / "articles.jsonl.gz"
    documents = labelled_documents(labels, corpus)
    with nlp.select_pipes(disable=["ner"]):  # boundaries do not depend on NER
        tables = analyse_documents(
            documents, [SentencesStep(classifier="")], nlp=nlp, cache_dir=None
        )
    sentences = tables["sentences"]
    texts = {d.doc_id: d.text for d in documents}
    for table in (labels, second):
        aligned = align_labels(table, sentences, texts=texts)
        assert aligned["alignment"].value_counts().to_dict() == {"exact": len(table)}
    # Whole articles: every sentence with a letter or digit carries a label.
    wordy = sentences[sentences["text"].str.contains(r"\w", regex=True)]
    assert len(wordy) == len(labels)
