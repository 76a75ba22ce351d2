"""Verbs that share another verb's subject: a participle after a report, a conjunct, and the
reporter's next report that the parser hung inside the clause reported before it."""

from __future__ import annotations

import pytest
from quotes_testing import quotes_of

# (text, expected rows: quote, kind, cue, speaker, speaker_entity)
SHARED_SUBJECTS = [
    pytest.param(
        "The plan will fail, Senator Ann Vale said, adding that the vote is on Monday. Tom"
        " Cross smiled and said the council would wait.",
        [
            ("The plan will fail", "indirect", "said", "Ann Vale", "Ann Vale"),
            ("that the vote is on Monday", "indirect", "adding", "Ann Vale", "Ann Vale"),
            ("the council would wait", "indirect", "said", "Tom Cross", "Tom Cross"),
        ],
        id="participle-after-a-report-and-a-conjunct-share-the-reporters-subject",
    ),
    pytest.param(
        "The company denies that its weed killer causes cancer and says it intends to appeal"
        " against the ruling. Ann Vale said in politics it takes time to build trust but"
        " added, “I strongly support the mayor.”",
        [
            ("that its weed killer causes cancer", "indirect", "denies", "The company", ""),
            ("it intends to appeal against the ruling", "indirect", "says", "The company", ""),
            ("it takes time to build trust", "indirect", "said", "Ann Vale", "Ann Vale"),
            ("“I strongly support the mayor.”", "direct", "added", "Ann Vale", "Ann Vale"),
        ],
        id="report-coordinated-with-a-reported-clause-is-the-reporters",
    ),
    pytest.param(
        "The retired surgeon Ann Vale has released few details about how she planned to"
        " staff the new wing, saying only that she was “looking at every ward and every rota"
        " again.”",
        [
            (
                "“looking at every ward and every rota again.”",
                "partial",
                "saying",
                "Ann Vale",
                "Ann Vale",
            ),
        ],
        id="participle-set-off-after-a-nouns-preposition-is-the-clauses-subjects",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SHARED_SUBJECTS)
def test_shared_subjects(nlp, text, expected):
    assert quotes_of(nlp, text) == expected
