"""Quotation marks and their pairing: straight, curly, guillemets, single quotes that are not
apostrophes, nested quotes, quotes over several paragraphs and quotes interrupted by their
attribution."""

from __future__ import annotations

import pytest
from newslens.quotes import extract_quotes, find_quotations
from quotes_testing import quotes_of

# A quote over two paragraphs opening the text, with a single-quoted stretch inside it.
LEFT_OPEN_AT_THE_START = (
    "\"My father told me 'we will rebuild this house with our own hands' before he died.\n\n"
    '"That is what we are doing," Ana Ruiz said.'
)

# (text, character spans of the quotations found)
QUOTATION_SPANS = [
    pytest.param(
        "The mayor's aide, Sam Reed, said 'the city's budget is broken' at the meeting.",
        [(33, 62)],
        id="single-quotes-around-apostrophes",
    ),
    pytest.param("The leaders' plan won't change Rome's mind.", [], id="apostrophes-only"),
    pytest.param(
        LEFT_OPEN_AT_THE_START,
        [(0, 112)],
        id="single-quotes-nested-in-a-quote-left-open-at-offset-0",
    ),
    pytest.param(
        "“The bridge will be late again,“ said Tom Reyes. “It always is.”",
        [(0, 32), (49, 64)],
        id="an-opening-mark-at-the-end-of-a-word-closes-the-quote",
    ),
    pytest.param(
        "Ann Vale said in ‘08 that the voters’ mood of the ‘90s had changed,"
        " and the ‘new deal’ was over.",
        [(76, 86)],
        id="a-mark-for-an-elided-century-opens-no-quote",
    ),
]


@pytest.mark.parametrize(("text", "expected"), QUOTATION_SPANS)
def test_quotation_spans(text, expected):
    assert [(q.start, q.end) for q in find_quotations(text)] == expected


# (text, expected rows: quote, kind, cue, speaker, speaker_entity)
MARKED_QUOTES = [
    pytest.param(
        "“We need more trucks at the border,” said Weber.",
        [("“We need more trucks at the border,”", "direct", "said", "Weber", "Weber")],
        id="curly-marks",
    ),
    pytest.param(
        "The union leader Karl Weber spoke to workers. He said: «We will strike on Monday.»",
        [("«We will strike on Monday.»", "direct", "said", "He", "Karl Weber")],
        id="guillemets",
    ),
    pytest.param(
        "The mayor's aide, Sam Reed, said 'the city's budget is broken' at the meeting.",
        [("'the city's budget is broken'", "direct", "said", "Sam Reed", "Sam Reed")],
        id="single-quotes-but-not-apostrophes",
    ),
    pytest.param(
        "\"He told me 'never again,' and I believed him,\" said Mark Olsen.",
        [
            (
                "\"He told me 'never again,' and I believed him,\"",
                "direct",
                "said",
                "Mark Olsen",
                "Mark Olsen",
            )
        ],
        id="nested-quote-stays-inside-the-outer-one",
    ),
    pytest.param(
        '"We are ready," Governor Ellen Park said, "and we will not wait."',
        [
            ('"We are ready,"', "direct", "said", "Ellen Park", "Ellen Park"),
            ('"and we will not wait."', "direct", "said", "Ellen Park", "Ellen Park"),
        ],
        id="interrupted-by-its-attribution-gives-two-quotes",
    ),
    pytest.param(
        LEFT_OPEN_AT_THE_START,
        [(LEFT_OPEN_AT_THE_START[:112], "direct", "said", "Ana Ruiz", "Ana Ruiz")],
        id="nested-single-quotes-do-not-cut-a-quote-opening-the-text",
    ),
]


@pytest.mark.parametrize(("text", "expected"), MARKED_QUOTES)
def test_marked_quotes(nlp, text, expected):
    assert quotes_of(nlp, text) == expected


def test_multi_paragraph_quote_is_one_quote_with_a_fragment_per_paragraph(nlp):
    text = (
        "Ana Ruiz described the flood.\n\n"
        '"The water came in at night. We lost everything.\n\n'
        '"But we are still here," Ruiz said.'
    )
    frame = extract_quotes(nlp(text), doc_id="t")
    assert len(frame) == 1
    row = frame.iloc[0]
    assert (row.start, row.end) == (31, 105)
    assert row.fragments == "31-79;81-105"
    assert (row.kind, row.cue, row.speaker, row.speaker_entity) == (
        "direct",
        "said",
        "Ruiz",
        "Ana Ruiz",
    )
