"""Evidence (newslens.framing.evidence): the most typical sentences of a frame and their
highlighted terms, escaped."""

from __future__ import annotations

import pytest
from framing_passages import sentence_rows, small_lexicon_files
from newslens.framing import evidence_rows, frame_terms, score_sentences, typical_sentences


@pytest.fixture
def small_lexicons(tmp_path):
    return small_lexicon_files(tmp_path)


@pytest.fixture
def sentences_table():
    return sentence_rows()


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


def test_highlight_table_escapes_cells_and_text():
    from newslens.display import Highlight, highlight_table

    html = highlight_table(
        [({"doc_id": "<a&b>", "frame": "destruction"}, "x <b>bomb</b>", [Highlight(5, 9)])]
    )
    assert "<th>doc_id</th><th>frame</th><th>sentence</th>" in html
    assert "<td>&lt;a&amp;b&gt;</td>" in html
    assert '&lt;b&gt;<mark class="nl-term">bomb</mark>&lt;/b&gt;' in html


def test_typical_sentences_of_a_light_table_get_their_columns_back(nlp, small_lexicons):
    """The framing report picks its evidence from the sentences table without its text and
    term strings, then reads those back for the chosen rows: same rows, same columns."""
    from newslens.framing import light_columns, restore_columns

    doc = nlp("Calm returned. An air strike killed three people. Donors pledged aid to rebuild.")
    full = score_sentences(doc, doc_id="d", lexicons=small_lexicons, sentiment=False)
    light = full[light_columns(full.columns)]
    assert "text" not in light and not any(c.endswith(("_terms", "_evidence")) for c in light)
    for frame in ("destruction", "reconstruction"):
        whole = typical_sentences(full, frame=frame, top_n=2)
        restored = restore_columns(typical_sentences(light, frame=frame, top_n=2), full)
        assert restored.equals(whole), frame


def test_the_evidence_of_every_frame_gets_its_columns_back_with_a_sentence_in_both(
    nlp, small_lexicons
):
    """As the framing report does it: the typical sentences of all frames joined, where a
    sentence in both frames is typical of each, then the columns read back."""
    import pandas as pd
    from newslens.framing import light_columns, restore_columns

    doc = nlp("An air strike killed three people as donors pledged aid to rebuild.")
    full = score_sentences(doc, doc_id="d", lexicons=small_lexicons, sentiment=False)
    light = full[light_columns(full.columns)]

    def typical(table):
        frames = ("destruction", "reconstruction")
        return pd.concat(
            [typical_sentences(table, frame=f, top_n=5) for f in frames], ignore_index=True
        )

    whole = typical(full)
    assert len(whole) == 2 and whole["sentence_id"].nunique() == 1  # one sentence, both frames
    assert restore_columns(typical(light), full).equals(whole)


def test_the_sentences_shown_carry_the_evidence_in_reading_order():
    from newslens.framing import reading_columns

    columns = [
        "doc_id", "sentence_id", "start", "end", "text", "frame", "destruction_score",
        "reconstruction_score", "sentiment", "destruction_terms", "reconstruction_terms",
        "lexicon_frame", "destruction_p", "reconstruction_p", "destruction_evidence",
        "reconstruction_evidence",
    ]  # fmt: skip
    assert reading_columns(columns) == [
        "doc_id", "sentence_id", "text", "frame",
        "destruction_p", "destruction_evidence", "destruction_terms",
        "reconstruction_p", "reconstruction_evidence", "reconstruction_terms",
        "lexicon_frame", "sentiment",
    ]  # fmt: skip
    # Without a classifier (no _p, no _evidence) the lexicon's columns remain.
    lexicon_only = [c for c in columns if not c.endswith(("_p", "_evidence"))]
    assert "destruction_terms" in reading_columns(lexicon_only)
