"""Speaker labels of a transcript (newslens.entities.transcript_labels)."""

from __future__ import annotations

import pytest
from entity_passages import counts
from newslens.entities import extract_mentions

DEBATE = (
    "The debate began at nine. Ann Vale and Tom Reyes met on stage.\n\n"
    "TOM REYES: Thank you all.\n\n"
    "ANN VALE: Well, I have been a senator, Tom.\n\n"
    "TOM REYES: You have not done it.\n\n"
    "SPECIAL COVERAGE: The debate\n\n"
    "SPECIAL COVERAGE: The results"
)


@pytest.mark.parametrize(
    ("name", "mentions"),
    [
        # Each label is a mention of the person the article names in ordinary case.
        ("Tom Reyes", 4),
        ("Ann Vale", 2),
    ],
)
def test_a_speaker_label_is_the_person_the_article_names(nlp, name, mentions):
    assert counts(extract_mentions(nlp(DEBATE), doc_id="d"))[name] == mentions


def test_page_furniture_in_capitals_is_no_one(nlp):
    names = set(counts(extract_mentions(nlp(DEBATE), doc_id="d")))
    assert not any("COVERAGE" in name.upper() for name in names)
    assert not any(name.isupper() for name in names)
