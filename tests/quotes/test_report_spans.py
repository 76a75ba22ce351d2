"""Which stretch of a reported clause is kept: trimmed, cut before a quoted aside, and not a
fragment of a few words or an attribution."""

from __future__ import annotations

import pytest
from newslens.quotes import find_quotations, load_reporting_verbs
from newslens.quotes.context import build_context
from newslens.quotes.report_spans import (
    before_quoted_aside,
    is_attribution,
    left_open,
    short_clause,
    trim_token_range,
)


def _context(nlp, text):
    doc = nlp(text)
    verbs = load_reporting_verbs()
    return doc, build_context(doc, verbs=verbs, mentions=[], quotations=find_quotations(text))


def _words(doc, start, end):
    return doc[start:end].text


def test_trim_token_range_drops_punctuation_and_a_dangling_conjunction(nlp):
    doc = nlp(", the plan will fail, and")
    start, end = trim_token_range(doc, 0, len(doc))
    assert _words(doc, start, end) == "the plan will fail"


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("She said they were angry.", "they were angry", True),
        ("She said Trump can win.", "Trump can win", True),
        ("She said she expects that.", "she expects that", True),
        ("She said it did.", "it did", False),  # too short
        ("He said to see how.", "to see how", False),  # left open
        ('"No," Mr. Reyes said.', "Mr. Reyes said", False),  # a reporting clause
        ("It went in a way that would allow him to win.", "that would allow", False),
        ("What's more, Vale told the station, costs rose.", "What's more", False),
    ],
)
def test_short_clause(nlp, text, words, expected):
    doc, ctx = _context(nlp, text)
    start = text.index(words)
    span = doc.char_span(start, start + len(words))
    assert short_clause(span, ctx) is expected


def test_an_inverted_attribution_is_no_report(nlp):
    text = "The mayor warned the governor not to cut the budget, said a city official."
    doc, ctx = _context(nlp, text)
    start = text.index("said a city")
    assert is_attribution(doc.char_span(start, len(text) - 1), ctx)
    assert not is_attribution(doc[0:10], ctx)


def test_a_stretch_opening_with_a_finite_reporting_verb_is_no_report(nlp):
    text = "Reyes joked said he is thinking about it."  # a typo the parser makes one clause of
    doc, ctx = _context(nlp, text)
    start = text.index("said")
    assert is_attribution(doc.char_span(start, len(text) - 1), ctx)


def test_report_is_cut_at_the_dash_that_sets_off_a_quotation(nlp):
    text = (
        "Over the years, texting has helped her stay in close touch with Reyes – although she"
        " laughed and admitted “texts have been wonderful.”"
    )
    doc, ctx = _context(nlp, text)
    end = before_quoted_aside(doc, 0, len(doc), ctx)
    assert _words(doc, 0, end).endswith("in close touch with Reyes")


def test_a_dash_inside_the_clause_does_not_cut_it(nlp):
    text = "Richards noted that abortion – what her group calls “reproductive care” – is central."
    doc, ctx = _context(nlp, text)
    assert before_quoted_aside(doc, 0, len(doc), ctx) == len(doc)


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("It was only a year ago, after all, that he said so.", "after all, that", True),
        ("And that is what she promised.", "And that is what", True),
        ("He said the plan will fail.", "the plan will fail", False),
        ('She said it was what "we all wanted."', "it was what", False),  # the clause in marks
    ],
)
def test_left_open(nlp, text, words, expected):
    doc, ctx = _context(nlp, text)
    start = text.index(words)
    assert left_open(doc.char_span(start, start + len(words)), ctx) is expected
