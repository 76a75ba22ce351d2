"""Reporting cues and the token naming their source: a verb before the quote and its
subject, a colon, an inverted subject after the quote."""

from __future__ import annotations

import pytest
from quotes_testing import quotes_of

# (text, expected rows: quote, kind, cue, speaker, speaker_entity)
CUES = [
    pytest.param(
        'The mayor, Tom Becker, spoke on Monday. He said: "The bridge will reopen in May."',
        [('"The bridge will reopen in May."', "direct", "said", "He", "Tom Becker")],
        id="colon-introduced",
    ),
    pytest.param(
        '"We want results from this meeting," said Rubio.',
        [('"We want results from this meeting,"', "direct", "said", "Rubio", "Rubio")],
        id="inverted-attribution",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CUES)
def test_cues(nlp, text, expected):
    assert quotes_of(nlp, text) == expected
