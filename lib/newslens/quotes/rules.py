"""The names of the rules, as the ``debug`` column of ``quotes.csv`` writes them.

Each row's ``debug`` says how the quote was found and how its speaker was found, or why a
stretch in quotation marks was skipped::

    <QuoteRule>[; speaker: [<CueRule>, ]<SpeakerRule>]
    skipped: <SkipReason>[ '<word>'][; speaker: ...]

The rules compare these members, never the text; a member's value is the text the column
shows (so the column reads the same as before the rules had names).
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["QuoteRule", "CueRule", "SpeakerRule", "SkipReason"]


class QuoteRule(StrEnum):
    """Why a stretch of text is a quote of its kind."""

    # Quotes in marks (direct or partial), from what surrounds and fills them.
    SEVERAL_PARAGRAPHS = "several paragraphs"
    STANDING_CLAUSE = "clause standing on its own"
    CLAUSE_AFTER_REPORTING_VERB = "clause after a reporting verb"
    CLAUSE = "clause"
    FRAGMENT = "fragment inside a sentence"
    LISTED_FRAGMENTS = "several fragments of one report"
    TRANSCRIPT = "transcript"
    # Reported speech without marks (indirect).
    CLAUSAL_COMPLEMENT = "clausal complement"
    PARENTHETICAL = "parenthetical"
    ACCORDING_TO = "according to"
    SPEECH_NOUN = "speech noun"
    COLON = "clause after a name and a colon"
    BLOCK = "paragraph after a reporting verb and a colon"


class CueRule(StrEnum):
    """Where the attribution of a quote in marks was found: the cue (a verb or noun) or the
    words naming its source."""

    REPORTED_CLAUSE = "reported clause"
    GOVERNING_VERB = "governing verb"
    GOVERNING_ANY_VERB = "governing verb (not a reporting verb)"
    VERB_BEFORE = "verb before the quote"
    VERB_AFTER = "verb after the quote"
    NEXT_SENTENCE = "attribution in the next sentence"
    ANY_VERB_AFTER = "verb after the quote (not a reporting verb)"
    ACCORDING_TO = "according to"
    AS_CLAUSE = "as X put it"
    DASH_CREDIT = "credit after the quote"
    COLON_LEAD_IN = "colon lead-in"
    VERB_IN_LEAD_IN_PARAGRAPH = "verb in the paragraph before, ending with ':'"
    LEAD_IN_PARAGRAPH = "lead-in paragraph ending with ':'"
    STATEMENT_BEFORE = "statement issued in the paragraph before"
    NAMED_AFTER = "named in the sentence after, which points back to the words"


class SpeakerRule(StrEnum):
    """How the words naming a speaker were linked to an entity, or how a quote without an
    attribution of its own got its speaker."""

    NAMED = "named"
    PRONOUN = "pronoun"
    PRONOUN_NOT_RESOLVED = "pronoun not resolved"
    RELATIVE_PRONOUN = "relative pronoun"
    SHORT_NAME = "short name"
    ORGANISATION_NOUN = "organisation noun"
    ROLE_NOUN = "role noun"
    NOT_LINKED = "not linked"
    NOT_A_SOURCE = "subject is not a source"
    # "passed a sign that said ...": words on a thing nobody in the sentence holds or wears,
    # which no speaker before them said either.
    NOBODYS_SIGN = "words on a thing nobody holds"
    TRANSCRIPT_LABEL = "transcript label"
    CONTINUES = "continues the previous quote's speaker"
    SENTENCE_BEFORE = "subject of the sentence before"


class SkipReason(StrEnum):
    """Why a stretch in quotation marks quotes nobody."""

    TITLE_AFTER_WORD = "title or name: follows"  # written with the word: "follows 'film'"
    NOTHING_BETWEEN_MARKS = "nothing between the marks"
    CAPITALISED_NAME = "title or name: capitalised words with no verb"
    SCARE_QUOTE = "scare quote or term: a fragment with no reporting verb or source nearby"
    TOO_SHORT = "too short to be a quote and nobody said it"
