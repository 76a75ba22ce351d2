"""Frame lexicons: one plain text file per frame, one term per line.

``lib/newslens/data/frames/`` holds ``destruction.txt`` and ``reconstruction.txt`` (their
header documents the format). A term is one or more lemmas (``kill``, ``air strike``), each
optionally restricted to a part of speech (``strike/NOUN``), with an optional weight
(default 1.0). A term may hold an entity slot such as ``[MONEY]`` (one or more tokens the
pipeline tagged with that entity type: ``pledge [MONEY]`` matches "pledged $2 billion"), and
a term of weight 0 is an exception: it wins the overlap against the shorter terms inside it
and then counts nothing (``military aid 0`` keeps ``aid`` from counting in "military aid").
Users pass their own files for the two frames, or add frames with more files (the file name
is the frame's name).
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newslens.resources import package_data, read_data_lines

if TYPE_CHECKING:
    from newslens.types import PathLike

FRAMES = ("destruction", "reconstruction")
_FRAME_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_ENTITY_TOKEN = re.compile(r"^\[([A-Z_]+)\]$")
ENTITY_MARK = "[ENT]"  # the lemma slot of an entity token such as [MONEY]


class LexiconError(ValueError):
    """A lexicon file that cannot be read; the message names the file, the line and why."""


@dataclass(frozen=True)
class LexiconTerm:
    """One lexicon entry: a sequence of ``(lemma, pos or None)`` tokens and a weight.

    ``term`` is the entry as it is reported in tables (``strike/NOUN``, ``air strike``).
    """

    term: str
    tokens: tuple[tuple[str, str | None], ...]
    weight: float = 1.0


@dataclass(frozen=True)
class Lexicon:
    """A frame's name, its terms, and the file they came from."""

    frame: str
    terms: tuple[LexiconTerm, ...]
    source: str = ""

    def __len__(self) -> int:
        return len(self.terms)


def builtin_lexicon_path(frame: str) -> Path:
    """The packaged lexicon file of a built-in frame (``destruction`` or ``reconstruction``)."""
    path = package_data("frames", f"{frame}.txt")
    if not path.is_file():
        raise LexiconError(f"no built-in lexicon for frame '{frame}' (have: {', '.join(FRAMES)})")
    return path


def _split_words(text: str) -> list[str]:
    """Split a lexicon word the way spaCy's English tokenizer splits it (hyphens, slashes).

    Uses a blank English tokenizer (no model needed), created once.
    """
    return [t.text for t in _blank_tokenizer()(text)]


@functools.cache
def _blank_tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


def _parse_term(line: str, *, where: str) -> LexiconTerm:
    words = line.split()
    weight = 1.0
    try:
        weight = float(words[-1])
        words = words[:-1]
    except ValueError:
        pass
    if not words:
        raise LexiconError(f"{where}: a weight without a term")
    if not (weight >= 0 and math.isfinite(weight)):
        raise LexiconError(f"{where}: the weight must be a number >= 0, not {weight}")
    tokens: list[tuple[str, str | None]] = []
    for word in words:
        entity = _ENTITY_TOKEN.match(word)
        if entity:
            tokens.append((ENTITY_MARK, entity.group(1)))
            continue
        lemma, slash, pos = word.rpartition("/") if "/" in word[1:] else ("", "", "")
        if not slash or not pos.isalpha() or pos != pos.upper():
            lemma, pos = word, ""
        pieces = _split_words(lemma)
        for index, piece in enumerate(pieces):
            last = index == len(pieces) - 1
            tokens.append((piece, pos if (pos and last) else None))
    if all(lemma == ENTITY_MARK for lemma, _ in tokens):
        raise LexiconError(f"{where}: a term needs at least one lemma besides [ENTITY] slots")
    return LexiconTerm(term=" ".join(words), tokens=tuple(tokens), weight=weight)


def read_lexicon(path: PathLike, *, frame: str | None = None) -> Lexicon:
    """Read a lexicon file (format in the header of ``data/frames/destruction.txt``).

    ``frame`` names the frame; by default the file name without ``.txt``. A term listed twice
    keeps its last weight, so a user file can override a weight by repeating the term.
    """
    path = Path(path)
    name = frame or path.name.removesuffix(".txt")
    if not _FRAME_NAME.match(name):
        raise LexiconError(
            f"{path}: frame name '{name}' must be lower case letters, digits and underscores"
        )
    try:
        lines = read_data_lines(path)
    except (OSError, UnicodeDecodeError) as error:
        raise LexiconError(f"{path}: cannot read the lexicon ({error})") from error
    terms: dict[str, LexiconTerm] = {}
    for number, line in lines:
        term = _parse_term(line, where=f"{path}:{number}")
        terms.pop(term.term, None)
        terms[term.term] = term
    if not terms:
        raise LexiconError(f"{path}: the lexicon has no terms")
    return Lexicon(frame=name, terms=tuple(terms.values()), source=str(path))


def load_lexicons(
    *,
    destruction: PathLike = "",
    reconstruction: PathLike = "",
    extra: Sequence[PathLike] = (),
) -> tuple[Lexicon, ...]:
    """The lexicons of a run: the two frames (``""`` = the built-in file, else the user's
    file) followed by any extra frames, one file each, named after the file."""
    lexicons = [
        read_lexicon(destruction or builtin_lexicon_path("destruction"), frame="destruction"),
        read_lexicon(
            reconstruction or builtin_lexicon_path("reconstruction"), frame="reconstruction"
        ),
    ]
    for path in extra:
        lexicon = read_lexicon(path)
        if lexicon.frame in {x.frame for x in lexicons} or lexicon.frame in ("both", "neither"):
            raise LexiconError(f"{path}: frame '{lexicon.frame}' is already defined")
        lexicons.append(lexicon)
    return tuple(lexicons)
