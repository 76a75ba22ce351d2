"""Framing: lexicon files, lemma matching, sentence scores and labels, aggregates, validation.

Passages are written for these tests; the seed article is used only for its acceptance check.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
from newslens.analyse import analyse_documents
from newslens.corpus import Document
from newslens.framing import (
    LABELS,
    LexiconError,
    actors_by_frame,
    align_labels,
    balance_index,
    builtin_lexicon_path,
    cohen_kappa,
    corpus_balance,
    corpus_frames,
    document_frames,
    evidence_rows,
    frame_agreement,
    frame_label,
    frame_sequence,
    frame_terms,
    load_lexicons,
    propose_terms,
    read_lexicon,
    score_sentences,
    typical_sentences,
)
from newslens.steps import FrameTermsStep, SentencesStep

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "kyiv-strikes-rome-recovery-conference.txt"
LABELS_CSV = ROOT / "tests" / "data" / "framing" / "labels.csv"
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


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def small_lexicons(tmp_path):
    """Two tiny lexicons with known weights, so scores can be checked exactly."""
    destruction = write(
        tmp_path / "destruction.txt",
        "# test lexicon\nkill\nstrike/NOUN 0.5\nair strike\nwar 0.25\ntrade war 0\n",
    )
    reconstruction = write(
        tmp_path / "reconstruction.txt",
        "rebuild\naid/NOUN 0.5\nmilitary aid 0\npledge [MONEY]\n",
    )
    return load_lexicons(destruction=destruction, reconstruction=reconstruction)


# --- lexicon files ----------------------------------------------------------------------


def test_read_lexicon_parses_lemmas_pos_weights_and_entity_slots(tmp_path):
    path = write(
        tmp_path / "humanitarian.txt",
        "# comment line\n\nfood aid   # a comment after a term\nconvoy/NOUN 0.5\n"
        "anti-aircraft 0.25\ndonate [MONEY]\nconvoy/NOUN 0.75\n",
    )
    lexicon = read_lexicon(path)
    assert lexicon.frame == "humanitarian"
    terms = {t.term: t for t in lexicon.terms}
    assert list(terms) == ["food aid", "anti-aircraft", "donate [MONEY]", "convoy/NOUN"]
    assert terms["food aid"].tokens == (("food", None), ("aid", None))
    assert terms["food aid"].weight == 1.0
    assert terms["convoy/NOUN"].tokens == (("convoy", "NOUN"),)
    assert terms["convoy/NOUN"].weight == 0.75  # repeated: the last weight wins
    assert terms["anti-aircraft"].tokens == (("anti", None), ("-", None), ("aircraft", None))
    assert terms["donate [MONEY]"].tokens == (("donate", None), ("[ENT]", "MONEY"))


@pytest.mark.parametrize(
    ("content", "message"),
    [("kill -1\n", "weight"), ("# only a comment\n", "no terms"), ("0.5\n", "without a term")],
)
def test_read_lexicon_rejects_bad_files_naming_the_problem(tmp_path, content, message):
    with pytest.raises(LexiconError, match=message):
        read_lexicon(write(tmp_path / "bad.txt", content))


def test_builtin_lexicons_load_and_extra_frames_must_be_new(tmp_path):
    lexicons = load_lexicons()
    assert [x.frame for x in lexicons] == ["destruction", "reconstruction"]
    assert builtin_lexicon_path("destruction").name == "destruction.txt"
    assert len(lexicons[0]) > 50 and len(lexicons[1]) > 30
    with pytest.raises(LexiconError, match="already defined"):
        load_lexicons(extra=[write(tmp_path / "destruction.txt", "kill\n")])


# --- matching ---------------------------------------------------------------------------


def test_matching_uses_lemmas_not_substrings(nlp, small_lexicons):
    doc = nlp("The gunmen killed four guards. Her skill at killing time was unmatched.")
    terms = frame_terms(doc, doc_id="d", lexicons=small_lexicons)
    assert list(zip(terms["text"], terms["term"], terms["sentence_id"], strict=True)) == [
        ("killed", "kill", 0),
        ("killing", "kill", 1),
    ]
    assert terms["start"].tolist() == [11, 44]
    assert doc.text[11:17] == "killed"


def test_pos_restriction_keeps_noun_strike_apart_from_verb(nlp, small_lexicons):
    doc = nlp("The strike hit the port at dawn. The talks could strike a deal.")
    table = score_sentences(doc, doc_id="d", lexicons=small_lexicons, sentiment=False)
    assert table["destruction_terms"].tolist() == ["strike/NOUN", ""]
    assert table["destruction_score"].tolist() == [0.5, 0.0]


def test_multiword_term_counts_once_and_zero_weight_is_an_exception(nlp, small_lexicons):
    doc = nlp(
        "Two air strikes hit the bridge. The trade war with China continued. "
        "Congress approved more military aid."
    )
    table = score_sentences(doc, doc_id="d", lexicons=small_lexicons, sentiment=False)
    # "air strike" wins over "strike/NOUN" (longest match); two strikes = one term each.
    assert table["destruction_terms"].tolist() == ["air strike", "", ""]
    assert table["destruction_score"].tolist() == [1.0, 0.0, 0.0]
    # "trade war" and "military aid" weigh 0: "war" and "aid" inside them do not count.
    assert table["reconstruction_terms"].tolist() == ["", "", ""]
    assert frame_terms(doc, doc_id="d", lexicons=small_lexicons)["term"].tolist() == ["air strike"]


def test_entity_slot_matches_money_after_pledge(nlp, small_lexicons):
    doc = nlp("Japan pledged $5 million for the city. Japan pledged to keep talking.")
    table = score_sentences(doc, doc_id="d", lexicons=small_lexicons, sentiment=False)
    assert table["reconstruction_terms"].tolist() == ["pledge [MONEY]", ""]
    assert table["frame"].tolist() == ["reconstruction", "neither"]
    terms = frame_terms(doc, doc_id="d", lexicons=small_lexicons)
    assert terms["text"].tolist() == ["pledged $5 million"]


# --- scores and labels ------------------------------------------------------------------


def test_frame_label_threshold():
    assert frame_label({"destruction": 1.0, "reconstruction": 1.5}) == "both"
    assert frame_label({"destruction": 1.0, "reconstruction": 0.75}) == "destruction"
    assert frame_label({"destruction": 0.5, "reconstruction": 1.0}) == "reconstruction"
    assert frame_label({"destruction": 0.75, "reconstruction": 0.0}) == "neither"
    assert frame_label({"destruction": 0.75}, threshold=0.5) == "destruction"


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


def test_extra_frames_add_columns_after_the_contract(nlp, tmp_path, small_lexicons):
    extra = read_lexicon(write(tmp_path / "humanitarian.txt", "convoy\nfood 0.5\n"))
    doc = nlp("A convoy brought food to the town. An air strike hit the town.")
    table = score_sentences(doc, doc_id="d", lexicons=(*small_lexicons, extra), sentiment=False)
    assert list(table.columns) == [*CONTRACT, "humanitarian_score", "humanitarian_terms", "frames"]
    assert table["humanitarian_score"].tolist() == [1.5, 0.0]
    assert table["humanitarian_terms"].tolist() == ["convoy | food", ""]
    assert table["frames"].tolist() == ["humanitarian", "destruction"]
    assert table["frame"].tolist() == ["neither", "destruction"]


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


# --- aggregates -------------------------------------------------------------------------


@pytest.fixture
def sentences_table():
    rows = [
        ("a", 0, "destruction", -0.8),
        ("a", 1, "destruction", -0.4),
        ("a", 2, "reconstruction", 0.6),
        ("a", 3, "neither", 0.0),
        ("a", 4, "both", -0.2),
        ("b", 0, "reconstruction", 0.5),
        ("b", 1, "neither", 0.1),
        ("c", 0, "neither", 0.3),
    ]
    table = pd.DataFrame(rows, columns=["doc_id", "sentence_id", "frame", "sentiment"])
    table["destruction_score"] = [2.0, 1.0, 0.0, 0.25, 1.0, 0.5, 0.0, 0.0]
    table["reconstruction_score"] = [0.0, 0.0, 1.0, 0.0, 1.0, 2.0, 0.0, 0.0]
    table["start"] = [0, 10, 20, 30, 40, 0, 10, 0]
    table["text"] = ["s"] * 8
    return table


def test_balance_index():
    assert balance_index(3, 1) == -0.5
    assert balance_index(0, 2) == 1.0
    assert balance_index(2, 2) == 0.0
    assert math.isnan(balance_index(0, 0))


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


def test_typical_sentences_rank_by_margin(sentences_table):
    evidence = typical_sentences(sentences_table, frame="destruction", top_n=2)
    assert evidence[["doc_id", "sentence_id"]].values.tolist() == [["a", 0], ["a", 1]]
    assert evidence["margin"].tolist() == [2.0, 1.0]
    assert evidence["rank"].tolist() == [1, 2]
    evidence = typical_sentences(sentences_table, frame="reconstruction", top_n=5)
    assert evidence[["doc_id", "sentence_id"]].values.tolist() == [
        ["b", 0],
        ["a", 2],
        ["a", 4],
    ]


def test_evidence_rows_highlight_terms_relative_to_the_sentence(nlp, small_lexicons):
    doc = nlp("Calm returned. An air strike killed three <people>.")
    sentences = score_sentences(doc, doc_id="d", lexicons=small_lexicons, sentiment=False)
    terms = frame_terms(doc, doc_id="d", lexicons=small_lexicons)
    evidence = typical_sentences(sentences, frame="destruction", top_n=1)
    rows = evidence_rows(evidence, terms, columns=["doc_id", "destruction_terms"])
    cells, text, highlights = rows[0]
    assert cells == {"doc_id": "d", "destruction_terms": "air strike | kill"}
    assert [text[h.start : h.end] for h in highlights] == ["air strike", "killed"]
    assert {h.css_class for h in highlights} == {"nl-destruction"}
    from newslens.display import highlight_text

    html = highlight_text(text, highlights, paragraphs=False)
    assert "&lt;people&gt;" in html and "<people>" not in html


# --- lexicon helper ---------------------------------------------------------------------


def test_propose_terms_ranks_related_lemmas_and_never_edits_lexicons(nlp):
    builtin = builtin_lexicon_path("reconstruction")
    before = builtin.read_bytes()
    docs = list(
        nlp.pipe(
            [
                "Workers repaired the bridge and restored the road. They ate lunch.",
                "Crews repaired the school and restored power. They ate lunch late.",
                "The town rebuilt the market.",
            ]
        )
    )
    table = propose_terms(docs, ["rebuild", "reconstruction"], nlp=nlp, top_n=10, min_count=2)
    assert list(table.columns) == [
        "term",
        "lemma",
        "pos",
        "count",
        "documents",
        "similarity",
        "score",
    ]
    terms = table["term"].tolist()
    assert "rebuild/VERB" not in terms  # seeds are left out; "market" is seen once only
    assert "market/NOUN" not in terms
    assert terms.index("repair/VERB") < terms.index("lunch/NOUN")
    assert table.set_index("term").loc["repair/VERB", "count"] == 2
    assert builtin.read_bytes() == before


# --- validation -------------------------------------------------------------------------


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
        "train": {"articles": 75, "n": 1607},
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


def test_highlight_table_escapes_cells_and_text():
    from newslens.display import Highlight, highlight_table

    html = highlight_table(
        [({"doc_id": "<a&b>", "frame": "destruction"}, "x <b>bomb</b>", [Highlight(5, 9)])]
    )
    assert "<th>doc_id</th><th>frame</th><th>sentence</th>" in html
    assert "<td>&lt;a&amp;b&gt;</td>" in html
    assert '&lt;b&gt;<mark class="nl-term">bomb</mark>&lt;/b&gt;' in html
