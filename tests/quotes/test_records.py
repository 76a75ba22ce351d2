"""How a found quote and its speaker are written to the debug column."""

from __future__ import annotations

import pytest
from newslens.quotes.records import Found, Skip, Speaker
from newslens.quotes.rules import CueRule, QuoteRule, SkipReason, SpeakerRule

# (speaker rule, cue rule, the speaker part of debug)
SPEAKER_DESCRIPTIONS = [
    pytest.param(None, None, "", id="no-speaker"),
    pytest.param(SpeakerRule.NAMED, None, "named", id="named-without-a-cue"),
    pytest.param(SpeakerRule.NAMED, CueRule.VERB_AFTER, "verb after the quote", id="named"),
    pytest.param(SpeakerRule.PRONOUN, CueRule.VERB_AFTER, "pronoun", id="pronoun"),
    pytest.param(
        SpeakerRule.ROLE_NOUN,
        CueRule.VERB_AFTER,
        "verb after the quote, role noun",
        id="cue-and-speaker-rule",
    ),
    pytest.param(
        SpeakerRule.NOT_A_SOURCE,
        CueRule.GOVERNING_VERB,
        "governing verb, subject is not a source",
        id="not-a-source",
    ),
]


@pytest.mark.parametrize(("rule", "cue_rule", "expected"), SPEAKER_DESCRIPTIONS)
def test_speaker_description(rule, cue_rule, expected):
    assert Speaker(rule=rule, cue_rule=cue_rule).describe() == expected


# (skip, speaker, the debug column)
FOUND_DESCRIPTIONS = [
    pytest.param(None, Speaker(), "clause", id="quote-without-speaker"),
    pytest.param(
        None,
        Speaker(rule=SpeakerRule.NAMED, cue_rule=CueRule.VERB_BEFORE),
        "clause; speaker: verb before the quote",
        id="quote-with-speaker",
    ),
    pytest.param(
        Skip(SkipReason.TITLE_AFTER_WORD, "film"),
        Speaker(),
        "skipped: title or name: follows 'film'",
        id="skipped-title",
    ),
    pytest.param(
        Skip(SkipReason.TOO_SHORT),
        Speaker(rule=SpeakerRule.NOT_A_SOURCE, cue_rule=CueRule.VERB_AFTER),
        "skipped: too short to be a quote and nobody said it; speaker: verb after the quote,"
        " subject is not a source",
        id="skipped-with-speaker",
    ),
]


@pytest.mark.parametrize(("skip", "speaker", "expected"), FOUND_DESCRIPTIONS)
def test_found_description(skip, speaker, expected):
    found = Found(0, 5, "direct", ((0, 5),), QuoteRule.CLAUSE, speaker=speaker, skip=skip)
    assert found.skipped is (skip is not None)
    assert found.describe() == expected
