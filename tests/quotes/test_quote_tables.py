"""The notebook's summaries of the quotes table, on the quotes of a passage."""

from __future__ import annotations

import pandas as pd
import pytest
from newslens.quotes import (
    NO_SPEAKER,
    extract_quotes,
    highlight_quotes,
    kind_shares,
    quoted_text,
    speaker_name,
    speakers_by_document,
    top_speakers,
)

PASSAGE = (
    'Mayor Tom Becker said the bridge would reopen in June. "We are ready," Becker said.\n\n'
    'Prime Minister Jane Holt urged allies to "act faster" on aid.\n\n'
    '"Nobody < knows & nobody cares," the sign read.'
)


@pytest.fixture(scope="module")
def quotes(nlp) -> pd.DataFrame:
    return extract_quotes(nlp(PASSAGE), doc_id="p1")


def test_speaker_name_falls_back_to_the_words_then_to_no_speaker():
    quotes = pd.DataFrame(
        {"speaker_entity": ["Tom Becker", "", ""], "speaker": ["Becker", "the mayor", ""]}
    )
    assert list(speaker_name(quotes)) == ["Tom Becker", "the mayor", NO_SPEAKER]


def test_top_speakers_counts_quotes_words_and_kinds(quotes):
    table = top_speakers(quotes)
    assert list(table.columns) == [
        "speaker",
        "resolved",
        "quotes",
        "words_quoted",
        "direct",
        "partial",
        "indirect",
        "documents",
    ]
    becker = table[table["speaker"] == "Tom Becker"].iloc[0]
    assert (becker.quotes, becker.direct, becker.indirect, becker.documents) == (2, 1, 1, 1)
    assert becker.resolved
    assert table.iloc[0]["speaker"] == "Tom Becker"  # the most quoted first
    assert top_speakers(quotes.iloc[0:0]).empty


def test_top_speakers_keeps_every_speaker_when_asked(quotes):
    every = top_speakers(quotes, top_n=None)
    assert len(every) == speaker_name(quotes).nunique() > 1
    assert every["quotes"].sum() == len(quotes)
    assert list(top_speakers(quotes, top_n=1)["speaker"]) == list(every["speaker"][:1])


def test_words_quoted_leave_out_the_words_between_fragments(nlp):
    """A report quoting two stretches is one row; its words quoted are the words in marks."""
    passage = (
        'Manafort said Trump has "several ways" of reaching the magic number, including the'
        ' 100 or so "unbound" delegates.'
    )
    quotes = extract_quotes(nlp(passage), doc_id="p2")
    assert len(quotes) == 1
    assert list(quoted_text(quotes)) == ['"several ways" "unbound"']
    assert top_speakers(quotes).loc[0, "words_quoted"] == 3
    assert kind_shares(quotes).set_index("kind").loc["partial", "words_quoted"] == 3


def test_kind_shares_add_up(quotes):
    shares = kind_shares(quotes)
    assert list(shares["kind"]) == ["direct", "partial", "indirect"]
    assert shares["quotes"].sum() == len(quotes)
    assert shares["share"].sum() == pytest.approx(1.0)


def test_speakers_by_document_joins_source_and_date(quotes):
    documents = pd.DataFrame({"doc_id": ["p1"], "source": ["Daily"], "date": ["2025-01-02"]})
    table = speakers_by_document(quotes, documents)
    assert set(table["source"]) == {"Daily"} and set(table["date"]) == {"2025-01-02"}
    assert table["quotes"].sum() == len(quotes)


def test_highlighted_article_escapes_the_text(quotes):
    html = highlight_quotes(PASSAGE, quotes)
    assert "Nobody &lt; knows &amp; nobody cares" in html
    assert "<script" not in html and "Nobody < knows" not in html
