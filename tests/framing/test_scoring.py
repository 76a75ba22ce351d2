"""The sentences table (newslens.framing.scoring): scores, terms, labels and sentiment on
written sentences, through the analysis steps, and on the seed article."""

from __future__ import annotations

import pytest
from conftest import SEEDS
from framing_passages import small_lexicon_files, write
from newslens.analyse import analyse_documents
from newslens.corpus import Document
from newslens.framing import read_lexicon, score_sentences
from newslens.steps import FrameTermsStep, SentencesStep

SEED = SEEDS / "kyiv-strikes-rome-recovery-conference.txt"
CONTRACT = [
    "doc_id",
    "sentence_id",
    "start",
    "end",
    "text",
    "frame",
    "destruction_score",
    "reconstruction_score",
    "sentiment",
    "destruction_terms",
    "reconstruction_terms",
    # the classifier's columns (empty probabilities and evidence without a classifier)
    "lexicon_frame",
    "destruction_p",
    "reconstruction_p",
    "destruction_evidence",
    "reconstruction_evidence",
]


@pytest.fixture
def small_lexicons(tmp_path):
    return small_lexicon_files(tmp_path)


def test_scores_and_labels_on_written_sentences(nlp, small_lexicons):
    doc = nlp(
        "An air strike killed three people in the market.\n\n"
        "Volunteers will rebuild the school with aid from the capital.\n"
        "The strike killed a teacher, and the village wants to rebuild it.\n"
        "Diplomats met to discuss the war."
    )
    table = score_sentences(doc, doc_id="story", lexicons=small_lexicons)
    assert list(table.columns) == CONTRACT
    assert table["sentence_id"].tolist() == [0, 1, 2, 3]
    assert table["frame"].tolist() == ["destruction", "reconstruction", "both", "neither"]
    assert table["destruction_score"].tolist() == [2.0, 0.0, 1.5, 0.25]
    assert table["reconstruction_score"].tolist() == [0.0, 1.5, 1.0, 0.0]
    assert table["destruction_terms"].tolist() == [
        "air strike | kill",
        "",
        "strike/NOUN | kill",
        "war",
    ]
    assert table["reconstruction_terms"].tolist() == ["", "rebuild | aid/NOUN", "rebuild", ""]
    # Offsets point at the sentence, trimmed of the paragraph break.
    for row in table.itertuples():
        assert doc.text[row.start : row.end] == row.text
    assert table["text"][0] == "An air strike killed three people in the market."
    assert table["sentiment"][0] < -0.5  # VADER: "killed" is strongly negative


def test_builtin_lexicons_on_written_sentences(nlp):
    doc = nlp(
        "Rebels shelled the port overnight, setting two warehouses on fire. "
        "Donors pledged $2 billion for the city's reconstruction. "
        "Volunteers are rebuilding schools flattened by the earthquake. "
        "The foreign ministers met in Geneva to discuss ending the war. "
        "The senators agreed to send more military aid."
    )
    table = score_sentences(doc, doc_id="d", sentiment=False)
    assert table["frame"].tolist() == [
        "destruction",
        "reconstruction",
        "both",
        "neither",
        "neither",
    ]


def test_an_extra_frame_has_every_per_frame_column_and_its_label(nlp, tmp_path, small_lexicons):
    extra = read_lexicon(write(tmp_path / "humanitarian.txt", "convoy\nfood 0.5\n"))
    doc = nlp("A convoy brought food to the town. An air strike hit the town.")
    table = score_sentences(doc, doc_id="d", lexicons=(*small_lexicons, extra), sentiment=False)
    frames = ["destruction", "reconstruction", "humanitarian"]
    assert list(table.columns) == [
        *CONTRACT[:6],
        *[f"{frame}_score" for frame in frames],
        "sentiment",
        *[f"{frame}_terms" for frame in frames],
        "lexicon_frame",
        *[f"{frame}_p" for frame in frames],
        *[f"{frame}_evidence" for frame in frames],
        "frames",
    ]
    assert table["humanitarian_score"].tolist() == [1.5, 0.0]
    assert table["humanitarian_terms"].tolist() == ["convoy | food", ""]
    assert table["frames"].tolist() == ["humanitarian", "destruction"]
    # The label comes from every frame of the lexicons, the extra one included.
    assert table["frame"].tolist() == ["humanitarian", "destruction"]


def test_steps_run_through_analyse_documents(nlp, small_lexicons):
    documents = [
        Document("a", "Volunteers rebuild the bridge."),
        Document("b", "A strike killed two. Nothing else happened."),
    ]
    paths = {
        "destruction_lexicon": small_lexicons[0].source,
        "reconstruction_lexicon": small_lexicons[1].source,
    }
    tables = analyse_documents(
        documents, [SentencesStep(**paths), FrameTermsStep(**paths)], nlp=nlp
    )
    tables["terms"] = tables["frame_terms"]
    assert tables["sentences"][["doc_id", "sentence_id", "frame"]].values.tolist() == [
        ["a", 0, "reconstruction"],
        ["b", 0, "destruction"],
        ["b", 1, "neither"],
    ]
    assert tables["terms"][["doc_id", "term"]].values.tolist() == [
        ["a", "rebuild"],
        ["b", "strike/NOUN"],
        ["b", "kill"],
    ]


def test_seed_sentences_are_framed_as_a_reader_frames_them(nlp):
    """Acceptance on the seed: strikes, fires and casualties are destruction, pledges and
    rebuilding reconstruction, the diplomatic talks neither (sentences read by hand)."""
    text = SEED.read_text(encoding="utf-8")
    table = score_sentences(nlp(text), doc_id="seed")
    assert len(table) == 17 and table["sentence_id"].tolist() == list(range(17))
    frames = dict(zip(table["sentence_id"], table["frame"], strict=True))
    # 0: the strike wave that killed two, as leaders gathered to pledge reconstruction aid.
    assert frames[0] == "both"
    # 1: buildings ablaze, cars charred, debris; 8: explosions and anti-aircraft fire;
    # 9: crews extinguish fires, shattered glass.
    assert [frames[i] for i in (1, 8, 9)] == ["destruction"] * 3
    # 2: seize frozen assets for rebuilding; 3: the Commission pledged EUR 2.3 billion.
    assert [frames[i] for i in (2, 3)] == ["reconstruction"] * 2
    # 4-7: the Kuala Lumpur talks, Rubio's meeting, Trump on Putin, the Kremlin's reading.
    assert [frames[i] for i in (4, 5, 6, 7)] == ["neither"] * 4
    assert table["text"][3].startswith("The European Commission alone pledged")
