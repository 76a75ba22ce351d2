"""Three frames: the two lexicons and a third written here (``displacement``). The frames
come from the lexicons everywhere: the sentences table's per-frame columns, labels,
membership, frame terms, aggregates, evidence, the comparison between groups, the figures
and the summaries."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from framing_passages import small_lexicon_files, write
from matplotlib.figure import Figure
from newslens import compare, plots, summary
from newslens.display import highlight_css
from newslens.framing import (
    actors_by_frame,
    corpus_balance,
    corpus_frames,
    document_frames,
    evidence_rows,
    frame_sequence,
    frame_terms,
    load_classifier,
    load_lexicons,
    score_sentences,
    sentence_columns,
    typical_sentences,
)
from newslens.io import write_table

DISPLACEMENT = "# test lexicon\nflee\nevacuate\nrefugee/NOUN\nshelter/NOUN 0.5\n"
PASSAGE = (
    "An air strike killed three people in the market.\n\n"
    "Volunteers will rebuild the school with aid from the capital.\n\n"
    "Thousands of families fled the city and refugees crowded the border.\n\n"
    "The strike forced residents to flee, and donors promised to rebuild.\n\n"
    "Diplomats met to discuss the war."
)
FRAMES = ["destruction", "reconstruction", "displacement"]


@pytest.fixture
def lexicons(tmp_path):
    small = small_lexicon_files(tmp_path)
    return load_lexicons(
        destruction=small[0].source,
        reconstruction=small[1].source,
        extra=[write(tmp_path / "displacement.txt", DISPLACEMENT)],
    )


@pytest.fixture
def doc(nlp):
    return nlp(PASSAGE)


@pytest.fixture
def sentences(doc, lexicons):
    return score_sentences(doc, doc_id="d", lexicons=lexicons)


def test_the_sentences_table_has_every_frames_columns(sentences):
    assert list(sentences.columns) == [
        *["doc_id", "sentence_id", "start", "end", "text", "frame"],
        *["destruction_score", "reconstruction_score", "displacement_score", "sentiment"],
        *["destruction_terms", "reconstruction_terms", "displacement_terms", "lexicon_frame"],
        *["destruction_p", "reconstruction_p", "displacement_p"],
        *["destruction_evidence", "reconstruction_evidence", "displacement_evidence", "frames"],
    ]
    assert list(sentences.columns) == sentence_columns(FRAMES)
    assert sentences["displacement_score"].tolist() == [0.0, 0.0, 2.0, 1.0, 0.0]
    assert sentences["displacement_terms"].tolist() == ["", "", "flee | refugee/NOUN", "flee", ""]


def test_labels_and_membership_count_the_third_frame(sentences):
    assert sentences["frame"].tolist() == [
        "destruction",
        "reconstruction",
        "displacement",
        "both",
        "neither",
    ]
    # "both" is more than one frame; ``frames`` says which.
    assert sentences["frames"].tolist() == [
        "destruction",
        "reconstruction",
        "displacement",
        "reconstruction | displacement",
        "",
    ]
    assert sentences["lexicon_frame"].tolist() == sentences["frame"].tolist()
    assert sentences["displacement_p"].isna().all()


def test_the_classifier_leaves_the_third_frame_to_its_lexicon(doc, lexicons):
    table = score_sentences(
        doc, doc_id="d", lexicons=lexicons, classifier=load_classifier(), sentiment=False
    )
    assert table["destruction_p"].between(0, 1).all()
    assert table["reconstruction_p"].between(0, 1).all()
    assert table["displacement_p"].isna().all()
    assert (table["displacement_evidence"] == "").all()
    listed = table["frames"].str.split(" | ", regex=False)
    assert [("displacement" in f) for f in listed] == (table["displacement_score"] >= 1).tolist()


def test_frame_terms_have_the_third_frames_rows(doc, lexicons):
    terms = frame_terms(doc, doc_id="d", lexicons=lexicons)
    displacement = terms[terms["frame"] == "displacement"]
    assert displacement["term"].tolist() == ["flee", "refugee/NOUN", "flee"]
    assert displacement["sentence_id"].tolist() == [2, 2, 3]


def test_aggregates_have_the_third_frames_columns_and_rows(sentences):
    documents = document_frames(sentences)
    row = documents.iloc[0]
    assert row["displacement_sentences"] == 1 and row["both_sentences"] == 1
    # Sentence 3 is "both" (reconstruction and displacement), not destruction.
    assert row[["destruction_frame_sentences", "reconstruction_frame_sentences"]].tolist() == [1, 2]
    assert row["displacement_frame_sentences"] == 2
    assert row["balance"] == pytest.approx((2 - 1) / 3)
    assert "sentiment_mean_displacement" in documents.columns
    corpus = corpus_frames(sentences)
    assert corpus["frame"].tolist() == [*FRAMES, "both", "neither"]
    assert corpus["sentences"].tolist() == [1, 1, 1, 1, 1]
    balance = corpus_balance(sentences, documents=documents).iloc[0]
    assert balance["displacement_frame_sentences"] == 2
    assert balance[["documents_destruction", "documents_reconstruction"]].tolist() == [0, 1]
    sequence = frame_sequence(sentences)
    assert {"displacement_score", "frames"} <= set(sequence.columns)


def test_actors_and_evidence_of_the_third_frame(sentences, doc, lexicons):
    mentions = pd.DataFrame(
        {"doc_id": "d", "sentence_id": [2, 3, 0], "entity": ["UN", "UN", "Kyiv"]}
    ).assign(label="ORG", start=0, end=1, text="x")
    actors = actors_by_frame(mentions, sentences).set_index("entity")
    assert actors.loc["UN", ["displacement", "both"]].tolist() == [1, 1]
    assert actors.loc["UN", "displacement_share"] == 1.0
    assert actors.loc["UN", "destruction_share"] == 0.0
    evidence = typical_sentences(sentences, frame="displacement", top_n=5)
    assert evidence["sentence_id"].tolist() == [2, 3]
    rows = evidence_rows(evidence, frame_terms(doc, doc_id="d", lexicons=lexicons))
    classes = {h.css_class for _, _, highlights in rows for h in highlights}
    assert "nl-displacement" in classes
    assert ".nl-displacement {" in highlight_css(FRAMES)
    assert highlight_css(FRAMES[:2]) == highlight_css()


def test_groups_compare_the_third_frame(sentences):
    table = pd.concat([sentences, sentences.assign(doc_id="e")], ignore_index=True)
    groups = compare.assign_groups(
        pd.DataFrame({"doc_id": ["d", "e"], "source": ["x", "y"]}), group_by="source"
    )
    by_group = compare.frames_by_group(table, groups, min_documents=1, n_boot=50)
    shares = by_group[by_group["measure"] == "share"]
    assert shares["frame"].drop_duplicates().tolist() == [*FRAMES, "both", "neither"]
    displacement = shares[shares["frame"] == "displacement"]
    assert displacement["value"].tolist() == [0.2, 0.2]
    balance = by_group[by_group["measure"] == "balance"]
    assert balance["value"].tolist() == pytest.approx([1 / 3, 1 / 3])


def test_figures_and_summaries_accept_the_third_frame(sentences, tmp_path):
    documents = document_frames(sentences)
    corpus = corpus_frames(sentences)
    balance = corpus_balance(sentences, documents=documents)
    mentions = pd.DataFrame({"doc_id": "d", "sentence_id": [2], "entity": ["UN"]})
    actors = actors_by_frame(mentions.assign(label="ORG"), sentences)
    groups = compare.assign_groups(
        pd.DataFrame({"doc_id": ["d"], "source": ["x"]}), group_by="source"
    )
    by_group = compare.frames_by_group(sentences, groups, min_documents=1, n_boot=20)
    figures = {
        "shares": plots.plot_frame_shares(corpus),
        "balance": plots.plot_frame_balance(documents, corpus_balance=0.3),
        "sentiment": plots.plot_sentiment_by_frame(sentences),
        "arc": plots.plot_narrative_arc(frame_sequence(sentences)),
        "strip": plots.plot_narrative_arc(frame_sequence(sentences), max_documents=0),
        "actors": plots.plot_actors_by_frame(actors),
        "groups": plots.plot_frames_by_group(by_group, groups=["x"]),
    }
    assert all(isinstance(figure, Figure) for figure in figures.values())

    def texts(figure: Figure) -> str:
        figure.draw_without_rendering()  # category tick labels are set when drawn
        return " ".join(t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text")))

    for name in ("shares", "sentiment", "arc", "strip", "actors", "groups"):
        assert "displacement" in texts(figures[name]), name
    html = summary.framing_summary(corpus, balance)
    assert "displacement 20.0%" in html and "2 in the displacement frame" in html
    write_table(balance, tmp_path, "frame_balance")
    write_table(corpus, tmp_path, "frame_corpus")
    numbers = summary.headline_numbers(tmp_path / "tables")
    assert numbers["displacement_sentences"] == 2
    assert numbers["frame_shares"]["displacement"] == pytest.approx(0.2)
    assert not math.isnan(numbers["balance"])
