"""Rule 5b of the corpus-level resolution (:mod:`~newslens.entities.resolution`): the
spellings of one person's full name are one entity ("Volodymyr Zelensky" and "Volodymyr
Zelenskiy", "Qassem Soleimani" and "Qassim Suleimani", "Joe Lieberman" and a page's "Joe
Liberman"), shown under the spelling the corpus writes most (``linked_by``: ``spelling``).

Why: a transliterated name is spelt as each outlet's style book has it, and scraped pages
carry typos; counted apart, one person becomes two or three rows of every table. Two names
are spellings of one name when they have as many words, their surnames (six letters or
more) differ by one letter at most (a vowel changed, a letter added or dropped, two
neighbouring letters swapped; never the first letter), and each other word is the same or,
in words of five letters or more, one letter apart with the same first letter
("Qassem"/"Qasem"). Shorter surnames ("Kelly"/"Kelley", also "Morsi"/"Morsy"), a consonant
changed ("Miller"/"Milley") and two surnames each borne by people of several first names
("Johnson"/"Johnston") are too often two families' names. A user's alias file can veto a
merge (``!variant<TAB>canonical``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

import pandas as pd

from newslens.entities.names import without_accents

__all__ = ["merge_spelling_variants", "one_letter_apart"]

MIN_SURNAME_LETTERS = 6  # surnames this long or longer may differ by a letter
MIN_WORD_LETTERS = 5  # other words this long or longer may differ by a letter


def merge_spelling_variants(mentions: pd.DataFrame) -> None:
    """In place: the PERSON entities of several words that are spellings of one name
    become the one with most mentions (ties: the longer, then the first in alphabetical
    order), ``linked_by`` ``spelling``."""
    is_person = mentions["label"] == "PERSON"
    sizes = mentions.loc[is_person, "entity"].value_counts()
    names = sorted(name for name in sizes.index if " " in name)
    canonical = _spelling_groups(names, sizes.to_dict())
    if not canonical:
        return
    target = mentions["entity"].where(is_person).map(canonical)
    hit = target.notna()
    mentions.loc[hit, "entity"] = target[hit]
    mentions.loc[hit, "linked_by"] = "spelling"


def _spelling_groups(names: list[str], sizes: Mapping[str, int]) -> dict[str, str]:
    """Each name that is another spelling of a name better written -> that name."""
    words = {name: tuple(without_accents(name).lower().split(" ")) for name in names}
    blocks: dict[str, list[str]] = defaultdict(list)
    for name in names:
        surname = words[name][-1]
        if len(surname) >= MIN_SURNAME_LETTERS:
            # Names whose surnames are one letter apart share one of these keys.
            for key in {surname} | {surname[:i] + surname[i + 1 :] for i in range(len(surname))}:
                blocks[key].append(name)
    parent = {name: name for name in names}

    def root(name: str) -> str:
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    # The initials of the first names each surname is borne with ("Johnson": Boris, Eric,
    # Mike, ...; "Zelenskiy": Volodymyr and its misspellings, one initial).
    initials: dict[str, set[str]] = defaultdict(set)
    for name in names:
        initials[words[name][-1]].add(words[name][0][:1])
    for members in blocks.values():
        for i, first in enumerate(members):
            for second in members[i + 1 :]:
                a, b = words[first], words[second]
                # Two surnames each borne by people of several first names are two
                # families' names ("Johnson", "Johnston"), not two spellings of one.
                established = len(initials[a[-1]]) > 1 and len(initials[b[-1]]) > 1
                if (
                    root(first) != root(second)
                    and not (established and a[-1] != b[-1])
                    and _spellings_of_one_name(a, b)
                ):
                    parent[root(first)] = root(second)
    groups: dict[str, list[str]] = defaultdict(list)
    for name in names:
        groups[root(name)].append(name)
    canonical = {}
    for members in groups.values():
        if len(members) > 1:
            best = max(members, key=lambda name: (sizes[name], len(name), [-ord(c) for c in name]))
            canonical.update({name: best for name in members if name != best})
    return canonical


def _spellings_of_one_name(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """Whether two lower-cased names are spellings of one name (see the module), each word
    keeping its first letter ("Garrett" and "Barrett", "Terry" and "Jerry" are two names)."""
    if len(first) != len(second) or first == second or first[-1][0] != second[-1][0]:
        return False
    if first[-1] != second[-1] and not (
        one_letter_apart(first[-1], second[-1]) and not _consonant_changed(first[-1], second[-1])
    ):
        return False
    for a, b in zip(first[:-1], second[:-1], strict=True):
        if a != b and (
            min(len(a), len(b)) < MIN_WORD_LETTERS or a[0] != b[0] or not one_letter_apart(a, b)
        ):
            return False
    return True


_VOWELS = frozenset("aeiouy")


def _consonant_changed(a: str, b: str) -> bool:
    """Whether two words of one length differ in one place, a consonant on either side:
    "Miller"/"Milley", "McCaul"/"McFaul" are names of their own; a vowel changed is a
    spelling ("Soleimani"/"Suleimani", "Zelensky"/"Zelenskiy" is a letter added)."""
    if len(a) != len(b):
        return False
    changed = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(changed) == 1 and not (changed[0][0] in _VOWELS and changed[0][1] in _VOWELS)


def one_letter_apart(a: str, b: str) -> bool:
    """Whether two different words differ by one letter changed, added or dropped, or by
    two neighbouring letters swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]  # one letter added
    if a[i + 1 :] == b[i + 1 :]:
        return True  # one letter changed
    return a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :]  # swapped
