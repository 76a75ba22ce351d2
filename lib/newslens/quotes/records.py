"""What the rules build for each quote before it becomes a row: the quote, its speaker and,
for a stretch in marks that quotes nobody, why."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newslens.quotes.rules import CueRule, QuoteRule, SkipReason, SpeakerRule

if TYPE_CHECKING:
    from newslens.types import Token

__all__ = ["KINDS", "Speaker", "Skip", "Found"]

KINDS = ("direct", "partial", "indirect")


@dataclass
class Speaker:
    """Who a quote is credited to: the words naming them (``start:end``, ``text``; no
    offsets when nobody is named) and the entity they are linked to (``entity``, ``label``;
    empty when unresolved).

    ``rule`` says how the speaker was identified and ``cue_rule``, for a quote in marks,
    where its attribution was found; :meth:`describe` writes both for the ``debug`` column.
    """

    start: int | None = None
    end: int | None = None
    text: str = ""
    entity: str = ""
    label: str = ""
    rule: SpeakerRule | None = None
    cue_rule: CueRule | None = None

    def describe(self) -> str:
        """The speaker part of ``debug``: the cue rule and the speaker rule ("verb after the
        quote, role noun"); the cue rule alone when the words are a name, the speaker rule
        alone when there is no cue rule or the words are a pronoun."""
        if self.rule is None:
            return ""
        if self.cue_rule is None or self.rule is SpeakerRule.PRONOUN:
            return self.rule.value
        if self.rule is SpeakerRule.NAMED:
            return self.cue_rule.value
        return f"{self.cue_rule.value}, {self.rule.value}"


@dataclass(frozen=True)
class Skip:
    """Why a stretch in marks quotes nobody, with the word it follows for
    :attr:`SkipReason.TITLE_AFTER_WORD`."""

    reason: SkipReason
    word: str = ""

    def describe(self) -> str:
        """The ``debug`` text: ``skipped: title or name: follows 'film'``."""
        detail = f" '{self.word}'" if self.word else ""
        return f"skipped: {self.reason.value}{detail}"


@dataclass
class Found:
    """One quote (or skipped stretch in marks) as the rules find it: characters
    ``start:end`` (marks included) and its per-paragraph ``fragments``, its ``kind`` (one of
    :data:`KINDS`), the ``cue`` token, the ``speaker``, the rule that found it and, when it
    quotes nobody, ``skip``.

    ``source`` is the token naming the speaker of reported speech, kept until every quote
    of the document is known and the speaker can be resolved in text order.
    """

    start: int
    end: int
    kind: str
    fragments: tuple[tuple[int, int], ...]
    rule: QuoteRule
    cue: Token | None = None
    speaker: Speaker = field(default_factory=Speaker)
    skip: Skip | None = None
    source: Token | None = None

    @property
    def skipped(self) -> bool:
        return self.skip is not None

    def describe(self) -> str:
        """The ``debug`` column: how the quote and its speaker were found, or why it was
        skipped (see :mod:`newslens.quotes.rules`)."""
        head = self.skip.describe() if self.skip is not None else self.rule.value
        speaker = self.speaker.describe()
        return head + (f"; speaker: {speaker}" if speaker else "")
