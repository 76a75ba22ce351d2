"""A quote's speaker named in the sentence after it, which points back to its words
(newslens.quotes.named_after), and sentences after a quote that name nobody for it."""

from __future__ import annotations

import pytest
from quotes_testing import quotes_of

QUOTE = "“We will rebuild the bridge by spring.”"

# (sentence after the quote, expected speaker entity of the quote: "" for none)
NAMED_AFTER = [
    pytest.param(" So said Mayor Ann Vale on Monday.", "Ann Vale", id="so-said-x"),
    pytest.param(" Those were the words of Mayor Ann Vale.", "Ann Vale", id="the-words-of-x"),
    pytest.param(
        " Mayor Ann Vale made the promise on Monday.", "Ann Vale", id="x-made-the-promise"
    ),
    pytest.param(
        " The promise came from Mayor Ann Vale.", "Ann Vale", id="the-promise-came-from-x"
    ),
    pytest.param(
        " Mayor Ann Vale told residents this on Monday.", "Ann Vale", id="x-told-them-this"
    ),
    pytest.param(
        "\n\nThat was the promise Mayor Ann Vale made to residents on Monday.",
        "Ann Vale",
        id="next-paragraph-the-promise-x-made",
    ),
    pytest.param(" That is why Ann Vale ran for mayor.", "", id="that-is-why-names-nobody"),
    pytest.param(
        " Ann Vale denied the accusation on Monday.", "", id="words-answered-are-not-hers"
    ),
    pytest.param(
        "\n\nThis story was reported by the Kenton Foundation.",
        "",
        id="a-story-credit-is-no-speaker",
    ),
    pytest.param(" The poll was praised by officials.", "", id="a-poll-praised-by-officials"),
]


@pytest.mark.parametrize(("after", "entity"), NAMED_AFTER)
def test_speaker_named_in_the_sentence_after(nlp, after, entity):
    rows = quotes_of(nlp, QUOTE + after, kinds=["direct"])
    assert [(quote, speaker_entity) for quote, _, _, _, speaker_entity in rows] == [(QUOTE, entity)]
