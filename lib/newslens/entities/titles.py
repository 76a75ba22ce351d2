"""Titles and roles ("Secretary of State", "Gen.", "Prime Minister"): read from
``newslens/data/titles.txt`` (plus the user's), and found in a document's tokens by their
first and last words, so most tokens are ruled out by one set lookup."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newslens.resources import package_data, read_data_lines

if TYPE_CHECKING:
    from newslens.types import Doc

# Titles that are also surnames ("Peter King", "Erik Prince", "Jim Justice"): at a name's
# end they are taken for the surname.
_SURNAME_TITLES = frozenset(
    """king queen prince princess pope major judge justice lord lady father cardinal bishop
    pastor deacon chaplain speaker anchor alderman imam sheriff general dean trooper doctor
    miss sir dame delegate author producer""".split()
)


def load_titles(titles: Iterable[str] = (), *, builtin: bool = True) -> frozenset[tuple[str, ...]]:
    """Titles and roles as lowercased token tuples (built-in ``data/titles.txt`` plus ``titles``).

    Titles are split on spaces the way the tokenizer splits them ("Secretary of State" ->
    ``("secretary", "of", "state")``); hyphenated titles are kept whole and as their parts,
    abbreviations also without their periods ("Sgt." and "Sgt").
    """
    lines = [line for _, line in read_data_lines(package_data("titles.txt"))] if builtin else []
    lines.extend(titles)
    result = set()
    for line in lines:
        words = tuple(line.strip().lower().split())
        if words:
            result.add(words)
            # Abbreviations also without their period, as some outlets write them ("Sgt",
            # "Capt", "Sen Jane Doe").
            bare = tuple(w[:-1] if w.endswith(".") and w[:-1].isalpha() else w for w in words)
            if bare != words:
                result.add(bare)
                # ... and with the period a token of its own, as the tokenizer splits the
                # abbreviations it does not know ("Brig", ".", "Gen.").
                result.add(_periods_apart(words[:-1]) + words[-1:])
                result.add(_periods_apart(words))
            if any("-" in word for word in words):
                result.add(tuple(part for word in words for part in re.split(r"(-)", word) if part))
    return frozenset(result)


def _periods_apart(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words with each abbreviation's period as a word of its own."""
    apart: list[str] = []
    for word in words:
        apart.extend((word[:-1], ".") if word.endswith(".") and word[:-1].isalpha() else (word,))
    return tuple(apart)


@functools.cache
def default_titles() -> frozenset[tuple[str, ...]]:
    """The built-in titles, read once per process."""
    return load_titles()


@dataclass(frozen=True)
class TitleIndex:
    """Titles with their first and last words, so most tokens are ruled out by one lookup."""

    titles: frozenset
    first_words: frozenset
    last_words: frozenset
    longest: int


@functools.lru_cache(maxsize=8)
def title_index(titles: frozenset) -> TitleIndex:
    """The :class:`TitleIndex` of a set of titles (built once per set)."""
    return TitleIndex(
        titles,
        frozenset(title[0] for title in titles),
        frozenset(title[-1] for title in titles),
        max((len(title) for title in titles), default=0),
    )


def title_ending_at(lowers: Sequence[str], end: int, index: TitleIndex) -> int:
    """The start of the longest title ending just before token ``end`` (or ``end``)."""
    if end == 0 or lowers[end - 1] not in index.last_words:
        return end
    for length in range(min(index.longest, end), 0, -1):
        if tuple(lowers[end - length : end]) in index.titles:
            return end - length
    return end


def title_starting_at(lowers: Sequence[str], start: int, stop: int, index: TitleIndex) -> int:
    """The end of the longest title starting at token ``start`` and ending by ``stop``."""
    if lowers[start] not in index.first_words:
        return start
    for length in range(min(index.longest, stop - start), 0, -1):
        if tuple(lowers[start : start + length]) in index.titles:
            return start + length
    return start


def heads_title(lowers: Sequence[str], start: int, end: int, index: TitleIndex) -> bool:
    """Whether tokens ``start:end`` begin a title that goes on after them ("Labor" in "Labor
    Secretary Alexander Acosta", "Solicitor" in "Solicitor General")."""
    if lowers[start] not in index.first_words:
        return False
    for length in range(end - start + 1, min(index.longest, len(lowers) - start) + 1):
        if tuple(lowers[start : start + length]) in index.titles:
            return True
    return False


def is_title_tail(lowers: Sequence[str], start: int, end: int, index: TitleIndex) -> bool:
    """Whether tokens ``start:end`` are a title or the tail of one with the words before them
    ("President"; "State" in "Secretary of State")."""
    if lowers[end - 1] not in index.last_words:
        return False
    for back in range(0, index.longest):
        if start - back < 0:
            break
        if tuple(lowers[start - back : end]) in index.titles:
            return True
    return False


def title_of_next_person(
    doc: Doc, start: int, end: int, lowers: Sequence[str], index: TitleIndex
) -> tuple[int, bool] | None:
    """``(start, abbreviated)`` of a title ending tokens ``start:end`` that is the title of the
    person tagged right after the span, past an abbreviation's period ("Ferguson Capt" before
    ". Ron Hale"); ``None`` otherwise, also for a title that is a surname too ("Karen King")."""
    title_start = title_ending_at(lowers, end, index)
    if not start < title_start < end:
        return None
    last = lowers[end - 1].rstrip(".")
    abbreviated = (last + ".",) in index.titles
    following = end + 1 if abbreviated and end < len(doc) and doc[end].text == "." else end
    if not abbreviated and last in _SURNAME_TITLES:
        return None
    if following < len(doc) and doc[following].ent_iob_ == "B":
        return (title_start, abbreviated) if doc[following].ent_type_ == "PERSON" else None
    return None
