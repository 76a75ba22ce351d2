"""Interview transcripts: a speaker's label opening a paragraph names its speaker."""

from __future__ import annotations

import pytest
from quotes_testing import quotes_of

# (passage, expected rows: quote, kind, speaker, speaker_entity)
TRANSCRIPTS = [
    pytest.param(
        "Radio host Anna Berg interviewed Governor Ellen Park on Sunday.\n\n"
        "BERG: Governor, why did the steel plant close?\n\n"
        "PARK: Because the owners moved the jobs abroad last year.\n\n"
        '"BERG: Will it ever reopen?\n\n'
        '"PARK: We are talking to three buyers right now."',
        [
            ("Governor, why did the steel plant close?", "direct", "BERG", "Anna Berg"),
            (
                "Because the owners moved the jobs abroad last year.",
                "direct",
                "PARK",
                "Ellen Park",
            ),
            ("Will it ever reopen?", "direct", "BERG", "Anna Berg"),
            ('We are talking to three buyers right now."', "direct", "PARK", "Ellen Park"),
        ],
        # A 'NAME:' label names the speaker of its paragraph, typed with or without
        # quotation marks; a quote holding several turns is cut at each label.
        id="turns-credited-to-their-label",
    ),
    pytest.param(
        "Maria Lopez has run the Elm Street bakery for twenty years. Lopez spoke to us"
        " after the flood.\n\n"
        "Q: What happened on the night of the flood?\n\n"
        "A: The water came in at midnight and we lost every oven we had.",
        [
            (
                "The water came in at midnight and we lost every oven we had.",
                "direct",
                "A",
                "Maria Lopez",
            )
        ],
        # The questions quote nobody and 'A:' is the person the article is about (the one
        # named most often).
        id="answers-belong-to-the-interviewee",
    ),
    pytest.param(
        "Video transcript:\n\nMARY COLE: Why not hold another debate?\n\n"
        "JOEL BENSTOCK: The schedule is full until June. We made that clear.\n\n"
        "COLE: Not even one?\n\nBENSTOCK: Not before the primary, no.",
        [
            ("Why not hold another debate?", "direct", "MARY COLE", "MARY COLE"),
            (
                "The schedule is full until June. We made that clear.",
                "direct",
                "JOEL BENSTOCK",
                "Joel Benstock",
            ),
            ("Not even one?", "direct", "COLE", "MARY COLE"),
            ("Not before the primary, no.", "direct", "BENSTOCK", "Joel Benstock"),
        ],
        # The tagger does not read "JOEL BENSTOCK" as a name; its surname labelling a turn
        # of its own in a dialogue makes the full label a person's.
        id="a-name-found-only-in-the-labels-of-a-dialogue",
    ),
    pytest.param(
        "NEWS EXCLUSIVE: CITY HALL LEAKS BUDGET\n\nThe council met on Monday.\n\n"
        "EXCLUSIVE: MAYOR QUITS",
        [],
        id="headline-labels-are-no-transcript",
    ),
    pytest.param(
        "Maria Lopez, who runs the Elm Street bakery, talked to us about the flood. Her"
        " neighbour Tom Ruiz lost his shop; Ruiz, Ruiz's wife and Ruiz's son now sell bread"
        " from a van.\n\n"
        "Q. What happened on the night of the flood?\n\n"
        "A. The water came in at midnight and we lost every oven we had.",
        [
            (
                "The water came in at midnight and we lost every oven we had.",
                "direct",
                "A",
                "Maria Lopez",
            )
        ],
        # "Q." and "A." as labels too; the answers are the person the lead introduces, though
        # another is named more often.
        id="q-and-a-with-periods-answered-by-the-person-the-lead-introduces",
    ),
    pytest.param(
        "Readers keep writing in about the primaries. Here are a few of their letters.\n\n"
        "Q: Will Senator Ann Vale run again?\n\n"
        "A: Nobody knows yet, though Ann Vale has raised money all year.",
        [],
        # No interview in the lead: a mailbag the writer answers quotes nobody.
        id="a-mailbag-the-writer-answers-quotes-nobody",
    ),
]


@pytest.mark.parametrize(("text", "expected"), TRANSCRIPTS)
def test_transcript_turns(nlp, text, expected):
    rows = quotes_of(nlp, text)
    assert [(quote, kind, speaker, entity) for quote, kind, _, speaker, entity in rows] == expected
