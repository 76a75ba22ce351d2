"""Matching (newslens.framing.matcher): lemmas not substrings, parts of speech, the longest
match, zero-weight exceptions, entity slots."""

from __future__ import annotations

import pytest
from framing_passages import small_lexicon_files
from newslens.framing import frame_terms, score_sentences


@pytest.fixture
def small_lexicons(tmp_path):
    return small_lexicon_files(tmp_path)


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
