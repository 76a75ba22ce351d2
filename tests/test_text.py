"""The small text measures every report shares."""

from __future__ import annotations

import pytest
from newslens.text import count_words, counted, strip_possessive


@pytest.mark.parametrize(
    ("number", "noun", "plural", "expected"),
    [
        (1, "document", "", "1 document"),
        (0, "document", "", "0 documents"),
        (2140, "document", "", "2,140 documents"),
        (1, "process", "processes", "1 process"),
        (2, "process", "processes", "2 processes"),
        (1, "entity", "entities", "1 entity"),
        (3, "entity", "entities", "3 entities"),
    ],
)
def test_counted(number, noun, plural, expected):
    assert counted(number, noun, plural) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The U.S. said no.", 5), ("Aid for 12,000 families", 5), ("", 0), ("don't", 2)],
)
def test_count_words(text, expected):
    assert count_words(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Zelenskyy's", "Zelenskyy"), ("Zelenskyy\u2019s", "Zelenskyy"), ("Jones", "Jones")],
)
def test_strip_possessive(name, expected):
    assert strip_possessive(name) == expected
