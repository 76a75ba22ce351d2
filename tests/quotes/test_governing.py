"""Partial quotes credited to the verb that governs them."""

from __future__ import annotations

import pytest
from quotes_testing import quotes_of

# (text, expected rows: quote, kind, cue, speaker, speaker_entity)
GOVERNED = [
    pytest.param(
        'Prime Minister Jane Holt urged allies to "act faster" on aid.',
        [('"act faster"', "partial", "urged", "Jane Holt", "Jane Holt")],
        id="urged",
    ),
    pytest.param(
        'Senator Paul Grant described the meeting as "frank".',
        [('"frank"', "partial", "described", "Paul Grant", "Paul Grant")],
        id="described-as",
    ),
]


@pytest.mark.parametrize(("text", "expected"), GOVERNED)
def test_partial_quote_governed_by_a_verb(nlp, text, expected):
    assert quotes_of(nlp, text) == expected
