"""Credit lines around a quotation: after a dash, on the line after a quote that fills its
paragraph, and after a dash before a colon."""

from __future__ import annotations

import pytest
from quotes_testing import quotes_of

# (text, expected rows: quote, kind, cue, speaker, speaker_entity)
CREDITS = [
    pytest.param(
        "From the left\n\n“Think of all the worrying businesses have done for years.”\n\n"
        "Ana Ruiz, The Daily\n\n“Nothing about the vote is predictable.”\n\nTom Reyes, Vox",
        [
            (
                "“Think of all the worrying businesses have done for years.”",
                "direct",
                "",
                "Ana Ruiz",
                "Ana Ruiz",
            ),
            ("“Nothing about the vote is predictable.”", "direct", "", "Tom Reyes", "Tom Reyes"),
        ],
        id="byline-after-a-quote-that-fills-its-paragraph",
    ),
    pytest.param(
        "”What worries me most is the cost of living for young families.”\u00a0― Karen Miller",
        [
            (
                "”What worries me most is the cost of living for young families.”",
                "direct",
                "",
                "Karen Miller",
                "Karen Miller",
            )
        ],
        id="closing-mark-that-opens-and-a-dash-credit",
    ),
    pytest.param(
        "Pollsters agree - Ann Vale: “One of the biggest lessons was a simple one about"
        " turnout.” [Ledger.]",
        [
            (
                "“One of the biggest lessons was a simple one about turnout.”",
                "direct",
                "",
                "Ann Vale",
                "Ann Vale",
            )
        ],
        # A digest credits the quotation to the name after the dash, not to the subject of
        # its own summary before the dash.
        id="credit-after-a-dash-before-a-colon",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CREDITS)
def test_credit_lines(nlp, text, expected):
    assert quotes_of(nlp, text) == expected
