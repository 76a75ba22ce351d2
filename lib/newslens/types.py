"""Type aliases shared across newslens, so signatures say what they take.

spaCy's ``Doc``, ``Span`` and ``Token`` are re-exported from here; annotate with them
(``def extract_quotes(doc: Doc, *, doc_id: str) -> pd.DataFrame``) rather than leaving a
parsed document untyped.
"""

from __future__ import annotations

import os

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

__all__ = ["Doc", "Span", "Token", "Language", "Vocab", "PathLike", "DocId"]

type PathLike = str | os.PathLike[str]
"""A file or folder path as users pass it: a string or a ``pathlib.Path``."""

type DocId = str
"""A document's stable id (the ``doc_id`` column of every table)."""
