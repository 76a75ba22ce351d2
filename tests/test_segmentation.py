"""A blank line always ends a sentence; an opening mark stays with its words; a quotation
mark glued between punctuation and a word is a token of its own."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He said the war was over\n\nThe mayor of Kyiv spoke",
            ["He said the war was over", "The mayor of Kyiv spoke"],
        ),
        (
            "Image copyright AP Image caption Dolls in a shop\n\nMr Smith left on Monday.",
            ["Image copyright AP Image caption Dolls in a shop", "Mr Smith left on Monday."],
        ),
        (
            'The strikes went on.\n\n"We will rebuild," she said. Then she left.',
            ["The strikes went on.", '"We will rebuild," she said.', "Then she left."],
        ),
        (
            "aid arrived in the city\n \nthe convoy crossed the border",
            ["aid arrived in the city", "the convoy crossed the border"],
        ),
        (
            "A line wrapped\nby the sender stays one sentence.",
            ["A line wrapped\nby the sender stays one sentence."],
        ),
    ],
)
def test_paragraph_breaks_end_sentences(nlp, text, expected):
    sentences = [s.text.strip() for s in nlp(text).sents]
    assert sentences == expected


def test_component_sits_before_the_parser(nlp):
    from newslens.segmentation import COMPONENT_NAME

    names = nlp.pipe_names
    assert names.index(COMPONENT_NAME) < names.index("parser")


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        # A closing mark glued to the next word: the name is a token of its own.
        ("the paranoia,”Holt said.", ["the", "paranoia", ",", "”", "Holt", "said", "."]),
        ('a thug."Reyes said.', ["a", "thug", ".", '"', "Reyes", "said", "."]),
        # An opening mark glued to the word before it.
        ('She said,"We will win."', ["She", "said", ",", '"', "We", "will", "win", ".", '"']),
        # Apostrophes, abbreviations and measures are left as they were.
        (
            "The U.S.’s role in Holt’s plan",
            ["The", "U.S.", "’s", "role", "in", "Holt", "’s", "plan"],
        ),
        ('a 3.5"x2 board', ["a", '3.5"x2', "board"]),
    ],
)
def test_glued_quotation_marks_are_split(nlp, text, tokens):
    assert [t.text for t in nlp.make_doc(text)] == tokens
