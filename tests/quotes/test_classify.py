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
]


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
