"""Small text measures shared by every analysis, so each means one thing everywhere.

- :func:`count_words`: a word is a run of word characters (``\\w+``), so "U.S." is two words
  and "don't" two; the corpus's zero-word check, the run's words/s and the words quoted in
  the quotes table all count this way.
- :func:`strip_possessive`: a name without a trailing possessive ("Zelenskyy's" ->
  "Zelenskyy"), straight or curly apostrophe.
- :func:`counted`: a count with its noun, singular for one ("1 document", "2,140
  documents"), as every report sentence writes it.
"""

from __future__ import annotations

import re

__all__ = ["count_words", "counted", "strip_possessive", "POSSESSIVE_SUFFIXES"]

_WORD = re.compile(r"\w+")
POSSESSIVE_SUFFIXES = ("'s", "\u2019s")


def count_words(text: str) -> int:
    """The number of words (runs of word characters) in ``text``."""
    return len(_WORD.findall(text))


def counted(number: int, noun: str, plural: str = "") -> str:
    """``number`` with thousands separators and ``noun``, plural unless it is one ("1
    document", "12 documents"; ``plural`` for an irregular one: "1 process", "2
    processes")."""
    if number == 1:
        return f"1 {noun}"
    return f"{number:,} {plural or noun + 's'}"


def strip_possessive(name: str) -> str:
    """``name`` without one trailing possessive suffix ("'s" or "\u2019s")."""
    for suffix in POSSESSIVE_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name
