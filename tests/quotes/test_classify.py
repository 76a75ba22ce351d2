"""What a stretch in marks is: titles of works and scare quotes quote nobody and are
returned, with the reason, only when asked for."""

from __future__ import annotations

import pytest
from newslens.quotes import extract_quotes
from quotes_testing import quotes_of

# (passage, the stretch in marks it holds, the start of its debug column)
SKIPPED = [
    pytest.param(
        'She starred in the film "Silent River" last year.',
        '"Silent River"',
        "skipped: title or name: follows 'film'",
        id="title-after-a-noun-for-a-work",
    ),
    pytest.param(
        'The so-called "peace plan" has few supporters.',
        '"peace plan"',
        "skipped: title or name: follows 'so-called'",
        id="name-after-a-naming-word",
    ),
    pytest.param(
        'The "reform" changes little.',
        '"reform"',
        "skipped: scare quote or term",
        id="scare-quote",
    ),
    pytest.param(
        'Tom Hale praised the cast. The film "Silent River," he said, was too long.',
        '"Silent River,"',
        "skipped: title or name: follows 'film'",
        id="title-before-a-parenthetical-attribution",
    ),
]

# Capitalised words opening a sentence right before their reporting verb are a quote, not a
# title: (passage, quote, speaker).
ATTRIBUTION_SLOT = [
    pytest.param(
        'Ms. Grant was asked whether she would run again. "Absolutely," she said.',
        '"Absolutely,"',
        "she",
        id="one-word-answer",
    ),
    pytest.param(
        'The mayor read the results aloud. "Happy New Year!" he wrote on Twitter an hour later.',
        '"Happy New Year!"',
        "he",
        id="exclamation",
    ),
    pytest.param(
        'Tom Hale spoke at the rally. "Never Again," the former governor said, before leaving.',
        '"Never Again,"',
        "the former governor",
        id="subject-of-several-words",
    ),
]


CHARACTERISED = [
    pytest.param(
        'Senator Tom Hale often refers to his rival as "Mr. Tax Hike."',
        '"Mr. Tax Hike."',
        "Tom Hale",
        id="refers-to-as",
    ),
    pytest.param(
        'A local newspaper hailed the governor as "The Comeback Kid" last year.',
        '"The Comeback Kid"',
        "A local newspaper",
        id="hailed-as",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), CHARACTERISED)
def test_capitalised_words_a_source_casts_something_as_are_a_quote(nlp, text, quote, speaker):
    rows = quotes_of(nlp, text)
    assert [(row[0], row[1], row[3]) for row in rows] == [(quote, "partial", speaker)]


@pytest.mark.parametrize(("text", "quote", "speaker"), ATTRIBUTION_SLOT)
def test_capitalised_words_before_their_reporting_verb_are_a_quote(nlp, text, quote, speaker):
    rows = quotes_of(nlp, text)
    assert [(row[0], row[3]) for row in rows] == [(quote, speaker)]


@pytest.mark.parametrize(("text", "quote", "debug"), SKIPPED)
def test_skipped_with_a_reason(nlp, text, quote, debug):
    assert quotes_of(nlp, text) == []
    skipped = extract_quotes(nlp(text), doc_id="t", skipped=True)
    assert list(skipped["quote"]) == [quote]
    assert list(skipped["kind"]) == [""]
    assert skipped.loc[0, "debug"].startswith(debug)


def test_titles_and_scare_quotes_are_skipped_with_a_reason(nlp):
    text = (
        'She starred in the film "Silent River" last year. '
        'The so-called "peace plan" has few supporters.'
    )
    assert quotes_of(nlp, text) == []
    skipped = extract_quotes(nlp(text), doc_id="t", skipped=True)
    assert list(skipped["quote"]) == ['"Silent River"', '"peace plan"']
    assert list(skipped["kind"]) == ["", ""]
    assert skipped.loc[0, "debug"].startswith("skipped: title or name: follows 'film'")
    assert skipped.loc[1, "debug"].startswith("skipped: title or name: follows 'so-called'")
