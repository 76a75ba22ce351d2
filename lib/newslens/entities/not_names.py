"""Phrases that are no names, matched on whole tokens: page furniture and time zones the
tagger runs into names (``data/not_names.txt``: "ISIS Replay More Videos", "Twitter Pinterest
Jane Doe") and stock market indices it reads as actors (``data/market_indices.txt``: "the
Dow", "Russell 2000").

Why a module of its own: both are word lists checked for every tagged entity, kept apart
from the rules of :mod:`~newslens.entities.normalise` that trim a name's own words."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from newslens.resources import package_data, read_data_lines

__all__ = [
    "cut_not_names",
    "default_market_indices",
    "default_not_names",
    "names_market_index",
    "skip_not_names",
]


@functools.cache
def default_not_names() -> frozenset[tuple[str, ...]]:
    """The phrases of ``data/not_names.txt`` (page furniture, time zones) as token tuples."""
    return frozenset(
        tuple(line.split()) for _, line in read_data_lines(package_data("not_names.txt"))
    )


@functools.cache
def default_market_indices() -> dict[str, frozenset[tuple[str, ...]]]:
    """The phrases of ``data/market_indices.txt`` as token tuples, by their first token."""
    by_first: dict[str, set[tuple[str, ...]]] = {}
    for _, line in read_data_lines(package_data("market_indices.txt")):
        phrase = tuple(line.split())
        by_first.setdefault(phrase[0], set()).add(phrase)
    return {first: frozenset(phrases) for first, phrases in by_first.items()}


def names_market_index(texts: Sequence[str], start: int, end: int) -> bool:
    """Whether tokens ``start:end`` name a stock market index ("the Dow", "Russell" in
    "Russell 2000"): a phrase of ``data/market_indices.txt`` starts at ``start`` and covers
    the whole name, so "Dow Chemical" and "Hang Seng Bank" are not indices."""
    if texts[start] in ("the", "The") and end - start > 1:
        start += 1
    for phrase in default_market_indices().get(texts[start], ()):
        if len(phrase) >= end - start and tuple(texts[start : start + len(phrase)]) == phrase:
            return True
    return False


@functools.lru_cache(maxsize=8)
def _longest(phrases: frozenset[tuple[str, ...]]) -> int:
    """The length in tokens of the longest of ``phrases`` (asked for every entity: kept)."""
    return max((len(phrase) for phrase in phrases), default=0)


@functools.lru_cache(maxsize=8)
def _first_words(phrases: frozenset[tuple[str, ...]]) -> frozenset[str]:
    """The first words of ``phrases``: a token that is none of them starts no phrase, and
    most tokens are ruled out by this one lookup (asked for every entity: kept)."""
    return frozenset(phrase[0] for phrase in phrases if phrase)


def cut_not_names(
    texts: Sequence[str], start: int, end: int, phrases: frozenset[tuple[str, ...]]
) -> int:
    """Where the name in tokens ``start:end`` stops: at the first token that starts one of
    ``phrases`` ("Replay More Videos" in "ISIS Replay More Videos"), else ``end``. Page
    furniture may run past the span ("Replay More" tagged, "Videos" after it)."""
    longest = _longest(phrases)
    firsts = _first_words(phrases)
    for i in range(start, end):
        if texts[i] not in firsts:
            continue
        for length in range(1, longest + 1):
            if tuple(texts[i : i + length]) in phrases:
                return i
    return end


def skip_not_names(
    texts: Sequence[str], start: int, end: int, phrases: frozenset[tuple[str, ...]]
) -> int:
    """Where the name in tokens ``start:end`` starts after the page furniture it begins
    with (share buttons run into a caption: "Twitter Pinterest Jane Doe" -> "Jane Doe");
    ``end`` when nothing else is left."""
    longest = _longest(phrases)
    firsts = _first_words(phrases)
    moved = True
    while moved and start < end and texts[start] in firsts:
        moved = False
        for length in range(longest, 0, -1):
            if tuple(texts[start : start + length]) in phrases:
                start = min(start + length, end)
                moved = True
                break
    return start
