"""What goes wrong reading a corpus: one-line errors, the record of what was left out.

Every message names the file, the row or line, and the whole reason, with control and
bidirectional-override characters shown as escapes (:func:`show`), so a file name or an id
cannot break a terminal line or reorder it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["CorpusError", "CorpusWarning", "Skipped", "show", "format_skipped"]

# Control characters (C0, DEL, C1) and the bidirectional overrides/isolates: shown as
# escapes in messages so a file name or id cannot break a line or reorder a terminal.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def show(value: object) -> str:
    """A value for a one-line message: control and bidi-override characters as escapes."""
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", str(value))


class CorpusError(ValueError):
    """An input that cannot become a document.

    The message is one line, ``<file>[, <row or line>]: <reason>``; the parts are kept as
    ``path``, ``location`` (e.g. ``"line 3"``, ``"row 12"``, or None for the whole file)
    and ``reason``.
    """

    def __init__(self, path: str | Path, reason: str, *, location: str | None = None):
        self.path = str(path)
        self.reason = reason
        self.location = location
        where = f"{show(self.path)}, {location}" if location else show(self.path)
        super().__init__(f"{where}: {show(reason)}")


class CorpusWarning(UserWarning):
    """A document left out on purpose (an exact duplicate); it is also in ``Corpus.skipped``."""


@dataclass(frozen=True)
class Skipped:
    """One input left out of the corpus: the file, the row or line (None for a whole file),
    and why."""

    path: str
    location: str | None
    reason: str

    def __str__(self) -> str:
        where = f"{show(self.path)}, {self.location}" if self.location else show(self.path)
        return f"{where}: {show(self.reason)}"

    def as_dict(self) -> dict[str, str | None]:
        """The record for a manifest: ``path``, ``location``, ``reason``."""
        return {"path": self.path, "location": self.location, "reason": self.reason}


def format_skipped(skipped: list[Skipped], *, limit: int | None = None) -> list[str]:
    """One line per skipped input (``<file>, <row or line>: <reason>``); with ``limit``, at
    most that many lines and a last one saying how many more there are."""
    lines = [str(item) for item in skipped]
    if limit is not None and len(lines) > limit:
        lines = [*lines[:limit], f"... and {len(skipped) - limit} more"]
    return lines
