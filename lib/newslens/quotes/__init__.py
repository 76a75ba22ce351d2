"""Who is quoted saying what: quotation spans, their kind, cue verb and speaker.

News quotes come in a few shapes, and each needs its own evidence:

* **direct** quotes, a full clause or more inside quotation marks (``"We will rebuild," she
  said`` / ``He said: "..."``), possibly running over several paragraphs (an opening mark at
  each paragraph, a closing mark only at the end) or interrupted by their attribution
  (``"A," he said, "B."`` gives two quotes sharing the speaker);
* **partial** quotes, a fragment in marks inside reported speech (``urged allies to "act
  faster"``, ``described the meeting as "frank"``);
* **indirect** (reported) speech without marks, found from the dependency parse as the
  clausal complement of a reporting verb (``X said the talks had failed``), kept to the
  clear cases: precision over recall.

Quotation marks are paired on the raw text (:func:`find_quotations`), paragraph by
paragraph, for straight and curly double quotes, guillemets and single quotes that are not
apostrophes. Marks that quote nobody (scare quotes, titles of works) are dropped, and with
``skipped=True`` they are returned with the reason in the ``debug`` column.

The speaker is the subject of the reporting verb that governs or sits beside the quote (a
maintained list of verbs, ``data/reporting_verbs.txt``, user-extendable), with the inverted
(``said Rubio``), colon-introduced and ``according to X`` forms; a quote standing alone in
its paragraph continues the previous speaker. Pronouns and role nouns ("he", "the
minister") are resolved to the most recent compatible entity mention before them, and every
speaker is linked to the canonical entity of :func:`newslens.entities.extract_mentions`, or
left unresolved rather than guessed.

Everything here is a pure function of a parsed ``Doc``: the same text gives the same rows.

The modules, one concern each:

- :mod:`~newslens.quotes.marks`: quotation marks and their pairing (:func:`find_quotations`);
- :mod:`~newslens.quotes.lexicon`: the word lists (reporting verbs, speech nouns, ...);
- :mod:`~newslens.quotes.rules`: the names of the rules, as the ``debug`` column writes them;
- :mod:`~newslens.quotes.records`: a found quote and its speaker, before it is a row;
- :mod:`~newslens.quotes.context`: what every rule reads about one document;
- :mod:`~newslens.quotes.cues`: reporting verbs and nouns and the token naming their source;
- :mod:`~newslens.quotes.speakers`: from that token to the words written and the entity;
- :mod:`~newslens.quotes.classify`: direct, partial, or no quote at all (and why);
- :mod:`~newslens.quotes.governing`: the report a partial quote sits in;
- :mod:`~newslens.quotes.marked`: the attribution rules of a quote in marks, in order;
- :mod:`~newslens.quotes.indirect`: reported speech without marks;
- :mod:`~newslens.quotes.transcripts`: interview transcripts ("SMITH: ...", "Q:", "A:");
- :mod:`~newslens.quotes.extract`: :func:`extract_quotes`, the rules in order for a document;
- :mod:`~newslens.quotes.tables`: the table's rows and the notebook's summaries.
"""

from newslens.quotes.extract import extract_quotes
from newslens.quotes.lexicon import load_reporting_verbs
from newslens.quotes.marks import Quotation, find_quotations
from newslens.quotes.records import KINDS
from newslens.quotes.rules import CueRule, QuoteRule, SkipReason, SpeakerRule
from newslens.quotes.tables import (
    EXTRA_COLUMNS,
    NO_SPEAKER,
    QUOTE_COLUMNS,
    fragment_spans,
    highlight_quotes,
    kind_shares,
    quote_highlights,
    quoted_text,
    speaker_frames,
    speaker_name,
    speakers_by_document,
    top_speakers,
)

__all__ = [
    "QUOTE_COLUMNS",
    "EXTRA_COLUMNS",
    "KINDS",
    "NO_SPEAKER",
    "Quotation",
    "QuoteRule",
    "CueRule",
    "SpeakerRule",
    "SkipReason",
    "find_quotations",
    "load_reporting_verbs",
    "extract_quotes",
    "speaker_name",
    "quoted_text",
    "fragment_spans",
    "top_speakers",
    "kind_shares",
    "speakers_by_document",
    "speaker_frames",
    "quote_highlights",
    "highlight_quotes",
]
