"""Reporting cues and the token naming their source: a verb before the quote and its
subject, a colon, an inverted subject after the quote."""

from __future__ import annotations

import pytest
from newslens.quotes.cues import set_off
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


@pytest.mark.parametrize("space", [" ", "\u00a0", "  "])
def test_a_reporting_clause_set_off_by_commas_whatever_space_follows_them(nlp, space):
    # Scraped text puts a no-break space or two spaces after the comma; the parser hangs
    # them on it as tokens of their own, and they do not end the aside.
    doc = nlp(f"The plan, Reyes said,{space}has created a real mess.")
    said = next(t for t in doc if t.text == "said")
    reyes = next(t for t in doc if t.text == "Reyes")
    assert set_off(said, reyes, doc)
