"""The debug column names the rules that found each quote and speaker by their values."""

from __future__ import annotations

import pytest
from newslens.quotes import CueRule, QuoteRule, SkipReason, SpeakerRule, extract_quotes

# (passage, debug column of each row, skipped stretches included)
DEBUG = [
    pytest.param(
        '"We will rebuild," she said.',
        ["clause standing on its own; speaker: verb after the quote, pronoun not resolved"],
        id="direct-quote-unresolved-pronoun",
    ),
    pytest.param(
        'Maria Lopez runs the bakery. "We will rebuild by spring," she said.',
        ["clause standing on its own; speaker: pronoun"],
        id="direct-quote-resolved-pronoun",
    ),
    pytest.param(
        'Prime Minister Jane Holt urged allies to "act faster" on aid.',
        ["fragment inside a sentence; speaker: governing verb"],
        id="partial-quote-named-speaker",
    ),
    pytest.param(
        "Health Minister Sara Moss said the hospitals had run out of fuel.",
        ["clausal complement; speaker: named"],
        id="indirect-named-speaker",
    ),
    pytest.param(
        'The "reform" changes little.',
        ["skipped: scare quote or term: a fragment with no reporting verb or source nearby"],
        id="skipped-scare-quote",
    ),
    pytest.param(
        'She starred in the film "Silent River" last year.',
        [
            "skipped: title or name: follows 'film'; speaker: governing verb (not a reporting"
            " verb), pronoun not resolved"
        ],
        id="skipped-title-with-the-speaker-found",
    ),
]


@pytest.mark.parametrize(("text", "expected"), DEBUG)
def test_debug_column(nlp, text, expected):
    frame = extract_quotes(nlp(text), doc_id="t", skipped=True)
    assert list(frame["debug"]) == expected


def test_every_rule_has_a_distinct_value():
    for rules in (QuoteRule, CueRule, SpeakerRule, SkipReason):
        values = [rule.value for rule in rules]
        assert len(set(values)) == len(values)
        assert all(str(rule) == rule.value for rule in rules)
