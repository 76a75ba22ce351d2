"""How names are compared: the form a name is compared in, possessives and edge punctuation,
generational suffixes, nicknames and middle initials, acronyms.

Every rule that decides whether two strings can name the same entity lives here, so the
per-document linking (:mod:`newslens.entities.document`) and the corpus resolution
(:mod:`newslens.entities.resolution`) compare names the same way.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from newslens.resources import package_data, read_data_lines

_WHITESPACE = re.compile(r"\s+")
DASHES = ("\u2014", "\u2013", "--")
# Apostrophes: straight, curly, and the C1 control U+0092 that cp1252 text decoded as
# Latin-1 leaves in some outlets' articles ("Al Qaeda\x92s").
_APOSTROPHES = "'\u2019\u0092"
POSSESSIVE = re.compile(rf"(?:[{_APOSTROPHES}][sS]|(?<=[sS])[{_APOSTROPHES}])$")
EDGE_PUNCTUATION = (
    "\"'\u201c\u201d\u2018\u2019\u0091\u0092\u0093\u0094\u00ab\u00bb()[]{}<>,;:!?*_/\\|"
)
# A legislator's party-and-state tag ("D-Calif.", "R-S.C.", "I-VT") is not an entity.
PARTY_TAG = re.compile(r"^[DRI]-[A-Z][A-Za-z.]{0,6}$")
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
# The legal forms that end a company's name ("Acme Inc.", "Brightline LLC"); alone, after a
# copyright line, not an entity.
COMPANY_SUFFIXES = frozenset(
    {"LLC", "Inc", "Inc.", "Ltd", "Ltd.", "Corp", "Corp.", "Co", "Co.", "PLC", "LLP"}
)
ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,6}$")
_INITIALS_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "&", "to", "at"})
# Single words that head many organisations' names: never read as the short form of one
# ("House" is not "White House", "Party" is not "Democratic Party").
GENERIC_ORG_WORDS = frozenset(
    """house senate congress department party committee office council ministry agency
    administration bureau commission service association institute foundation center centre
    group company corporation university college school union bank fund authority board
    organization organisation network club court hill""".split()
)


# Arabic articles joined to a surname by a hyphen: outlets write "Bashar al-Assad" and
# "Bashar Assad", "al-Sisi" and "Sisi" for one person. All three characters long.
_ARTICLES = frozenset({"al-", "el-", "Al-", "El-"})


def without_article(word: str) -> str:
    """``word`` without an Arabic article joined to it by a hyphen ("al-Assad" -> "Assad"),
    the form names are compared in. (Asked for every pair of names compared: one lookup of
    the first three characters.)"""
    if word[:3] in _ARTICLES and word[3:4].isupper():
        return word[3:]
    return word


def collapse(text: str) -> str:
    """``text`` with runs of whitespace as one space, stripped. Most names have nothing to
    collapse: a printable text (every whitespace character but the space is unprintable)
    with no double, leading or trailing space is returned as it is, without the regex."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return _WHITESPACE.sub(" ", text).strip()


def name_key(text: str) -> str:
    """The form names are compared in: whitespace collapsed, curly apostrophes straightened."""
    return collapse(text).replace("\u2019", "'").replace("\u0092", "'")


# Python's ``\s`` for text (every character ``str.isspace`` accepts), spelled for RE2,
# whose own ``\s`` is ASCII only.
_SPACE_RE2 = (
    r"[\t\n\x{0b}\f\r\x{1c}-\x{1f} \x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}"
    r"\x{202f}\x{205f}\x{3000}]"
)
_ODD_SPACING = f"{_SPACE_RE2}{_SPACE_RE2}|[\\t\\n\\r\\f\\x{{0b}}]|^{_SPACE_RE2}|{_SPACE_RE2}$"


def collapsed(texts: pd.Series) -> pd.Series:
    """:func:`collapse` over a column (vectorised: Arrow's RE2 finds the few rows with runs
    of whitespace or line breaks, about ten times faster than pandas here on 2.8M mentions,
    and Python's expression runs on those rows only)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    texts = texts.astype(str)
    found = pc.match_substring_regex(pa.array(texts, type=pa.string()), _ODD_SPACING)
    odd = pd.Series(found.fill_null(False).to_numpy(zero_copy_only=False), index=texts.index)
    if odd.any():
        texts = texts.copy()
        texts[odd] = texts[odd].str.replace(r"\s+", " ", regex=True).str.strip()
    return texts


def name_keys(texts: pd.Series) -> pd.Series:
    """:func:`name_key` over a column (vectorised)."""
    return (
        collapsed(texts)
        .str.replace("\u2019", "'", regex=False)
        .str.replace("\u0092", "'", regex=False)
    )


def is_among(texts: pd.Series, names: Iterable[str]) -> pd.Series:
    """``texts.isin(names)`` for a column of names (missing values match nothing; ``names``
    are strings). Why: for a column stored in Arrow, pandas builds one Arrow scalar per name
    in Python (about a microsecond each, and the corpus's sets of names hold thousands);
    Arrow's ``is_in`` takes the set as one array."""
    dtype = texts.dtype
    if not (isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"):
        return texts.isin(names)
    import pyarrow as pa
    import pyarrow.compute as pc

    column = pa.array(texts.array)
    found = pc.is_in(column, value_set=pa.array(list(names), type=column.type))
    return pd.Series(np.asarray(found, dtype=bool), index=texts.index, name=texts.name)


def is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether ``short`` is a shorter form of the name ``long``: its words appear in order in
    ``long``, and any generational suffix of ``long`` ("Jr.") appears in ``short`` too, so
    "Donald Trump" is never read as "Donald Trump Jr."."""
    for word in long:
        if word.lower() in NAME_SUFFIXES and word not in short:
            return False
    position = iter([without_article(word) for word in long])
    return all(without_article(word) in position for word in short)


def _load_nicknames(path: Path) -> dict[str, frozenset[int]]:
    groups: dict[str, set[int]] = {}
    for number, line in read_data_lines(path):
        for name in line.split():
            groups.setdefault(name.lower(), set()).add(number)
    return {name: frozenset(ids) for name, ids in groups.items()}


@functools.cache
def default_nicknames() -> dict[str, frozenset[int]]:
    """First name (lowercased) -> the nickname groups of ``data/nicknames.txt`` it is in."""
    return _load_nicknames(package_data("nicknames.txt"))


def same_word(a: str, b: str, nicknames: Mapping[str, frozenset], *, first: bool) -> bool:
    """Whether two words of two names can name the same person: equal, interchangeable first
    names ("Joe", "Joseph"), or a middle initial and a middle name ("J." and "John")."""
    if a == b or without_article(a) == without_article(b):
        return True
    if first:
        return bool(nicknames.get(a.lower(), frozenset()) & nicknames.get(b.lower(), frozenset()))
    for initial, full in ((a, b), (b, a)):
        if len(initial) == 2 and initial.endswith(".") and len(full) > 2 and full[0] == initial[0]:
            return True
    return False


def name_fits(short: tuple[str, ...], long: tuple[str, ...], nicknames: Mapping) -> bool:
    """:func:`is_subsequence` allowing nicknames for the first name and initials for middle
    names ("Joe Biden" in "Joseph R. Biden", "Donald John Trump" in "Donald J. Trump")."""
    if any(word.lower() in NAME_SUFFIXES and word not in short for word in long):
        return False
    matched: list[int] = []
    position = 0
    for i, word in enumerate(short):
        while position < len(long) and not same_word(
            word, long[position], nicknames, first=(i == 0 and position == 0)
        ):
            position += 1
        if position == len(long):
            return False
        if matched and _is_initial(word) and position > matched[-1] + 1:
            # An initial stands for the next middle name, never one after it: "George W.
            # Bush" is not "George Herbert Walker Bush".
            return False
        matched.append(position)
        position += 1
    # A name with a middle name or initial fits a longer name only through more middle
    # names ("Hillary Rodham Clinton" in "Hillary Diane Rodham Clinton"), never through an
    # initial: "George W. Bush" is not "George H. W. Bush".
    if len(short) > 2 and len(long) != len(short):
        skipped = [word for k, word in enumerate(long) if k not in matched]
        return not any(_is_initial(word) for word in skipped)
    return True


def _is_initial(word: str) -> bool:
    """Whether ``word`` is an initial or two ("H.", "H", "H.W."): capitals and periods only,
    at most two letters."""
    letters = word.replace(".", "")
    return len(letters) <= 2 and letters.isupper()


def hover_cut(tokens: Sequence[str], nicknames: Mapping) -> int:
    """Where a person's name runs into a repetition of it (the hover text some outlets glue
    after a name: "Ben Carson Benjamin (Ben) Solomon Carson"): the index of the token where
    the first name comes back, or ``len(tokens)``. When it comes back in parentheses, as the
    nickname after the hover's own first name ("Mitch McConnell Addison (Mitch) Mitchell
    McConnell"), the hover starts at that first name."""
    if len(tokens) < 3:
        return len(tokens)
    for k in range(2, len(tokens)):
        if tokens[k][:1].isupper() and same_word(tokens[0], tokens[k], nicknames, first=True):
            if k >= 4 and tokens[k - 1] == "(" and tokens[k - 2][:1].isupper():
                return k - 2
            return k
    return len(tokens)


def initials(name: str) -> str:
    """The acronym of a multi-word name: "Department of Homeland Security" -> "DHS"."""
    words = [w for w in name.replace("-", " ").split(" ") if w and w.lower() not in _INITIALS_SKIP]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)


def without_accents(name: str) -> str:
    """``name`` with its accents dropped ("Raúl Castro" -> "Raul Castro"): outlets write
    the same name with and without them."""
    if name.isascii():
        return name
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def acronyms_of(name: str) -> frozenset[str]:
    """The acronyms a multi-word organisation's name is written as: its initials without
    the small words ("Department of Homeland Security" -> "DHS") and with them ("Students
    for Fair Admissions" -> "SFFA" as well as "SFA")."""
    short = initials(name)
    if not short:
        return frozenset()
    every = "".join(w[0].upper() for w in name.replace("-", " ").split(" ") if w and w != "&")
    return frozenset({short, every})


# Chinese and Korean family names, written before the given name ("Xi Jinping", "Kim Jong
# Un"): the first word, not the last, is what a later mention repeats ("Xi said", "Mr.
# Kim").
FAMILY_NAME_FIRST = frozenset("Xi Li Hu Wen Mao Deng Jiang Wang Zhang Liu Kim".split())


def family_names(words: Sequence[str]) -> list[str]:
    """The words of a person's name that stand for the person alone: its surname, and also
    its first word when that is a family name written first (:data:`FAMILY_NAME_FIRST`)."""
    last = surname(words)
    if len(words) > 1 and words[0] in FAMILY_NAME_FIRST and words[0] != last:
        return [last, words[0]]
    return [last]


def words_of_longer_names(names: Iterable[str]) -> set[str]:
    """Every word of the names of several words among ``names`` ("Donald" and "Trump" of
    "Donald Trump"): the words a longer name makes a person's."""
    return {word for name in names if " " in name for word in name.split(" ")}


def surname(words: Sequence[str]) -> str:
    """The last word of a name that is not a generational suffix ("Jr."), without an
    Arabic article ("al-Assad" -> "Assad"), or ``""``."""
    return without_article(next((w for w in reversed(words) if w.lower() not in NAME_SUFFIXES), ""))
