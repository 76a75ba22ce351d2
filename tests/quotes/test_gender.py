"""The gender a document gives its people, and pronoun speakers that agree with it."""

from __future__ import annotations

import pytest
from newslens.entities import extract_mentions
from newslens.quotes.context import build_context, mention_list
from newslens.quotes.gender import FEMALE, MALE, noun_gender, pronoun_gender
from newslens.quotes.marks import find_quotations
from quotes_testing import quotes_of


def genders_of(nlp, text: str) -> dict[str, str]:
    doc = nlp(text)
    mentions = mention_list(doc, extract_mentions(doc, doc_id="t"))
    return build_context(doc, verbs={}, mentions=mentions, quotations=find_quotations(text)).genders


# (passage, person, the gender the passage gives them: "" when it gives none clearly)
GENDER_EVIDENCE = [
    pytest.param(
        "Tom Reyes met the council on Monday. Mr. Reyes left early.",
        "Tom Reyes",
        MALE,
        id="title-before-the-surname",
    ),
    pytest.param(
        "The new budget was drafted by Ann Vale. Ms. Vale defended it.",
        "Ann Vale",
        FEMALE,
        id="title-before-a-later-mention",
    ),
    pytest.param(
        "The singer's mother, Carla Denton, sat in the front row.",
        "Carla Denton",
        FEMALE,
        id="noun-in-apposition",
    ),
    pytest.param(
        "Paul Grant defended himself at the hearing on Tuesday.",
        "Paul Grant",
        MALE,
        id="reflexive-bound-by-the-subject",
    ),
    pytest.param(
        "Jordan Kale won the seat in 2018. She will stand again next year.",
        "Jordan Kale",
        FEMALE,
        id="pronoun-opening-the-next-sentence",
    ),
    pytest.param(
        "Campaign spokesman Lee Marsh declined to comment on the poll.",
        "Lee Marsh",
        "",
        id="spokesman-is-written-of-women-too",
    ),
    pytest.param(
        "Jordan Kale describes his progress as slow, according to the lawyers.",
        "Jordan Kale",
        "",
        id="his-may-be-someone-else's",
    ),
    pytest.param(
        "Ann Vale, whose husband, Navy pilot Tom Vale, was one of four Americans killed in"
        " the crash, is coming to his defense.",
        "Ann Vale",
        "",
        id="whose-husband-is-someone-else",
    ),
    pytest.param(
        "After the vote, she drafted a plan: Mayor Tom Reyes adopted it. She left in May.",
        "Tom Reyes",
        "",
        id="the-pronoun-may-continue-one-in-the-sentence-before",
    ),
    pytest.param(
        # The bare "Reyes" is counted apart from both; its title could be either's.
        "Tom Reyes spoke at the dinner. Ann Reyes listened. Mrs. Reyes smiled at the guests.",
        "Reyes",
        "",
        id="a-title-on-a-surname-two-people-share-says-nothing",
    ),
    pytest.param(
        "Dana Holt left the party in May. He said he was tired. Ms. Holt denied it.",
        "Dana Holt",
        "",
        id="contradicting-evidence-leaves-it-open",
    ),
]


@pytest.mark.parametrize(("text", "person", "expected"), GENDER_EVIDENCE)
def test_person_genders(nlp, text, person, expected):
    assert genders_of(nlp, text).get(person, "") == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("she", FEMALE), ("Her", FEMALE), ("his", MALE), ("they", ""), ("woman", ""), ("it", "")],
)
def test_pronoun_gender(word, expected):
    assert pronoun_gender(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("woman", FEMALE), ("spokeswoman", FEMALE), ("father", MALE), ("spokesman", ""), ("aide", "")],
)
def test_noun_gender(word, expected):
    assert noun_gender(word) == expected


# (passage, expected rows: quote, kind, cue, speaker, speaker_entity)
AGREEING_SPEAKERS = [
    pytest.param(
        "Mr. Tom Reyes spoke first. Later, Ann Vale took the stage, and Mr. Reyes nodded."
        ' "We will win this," she said.',
        [('"We will win this,"', "direct", "said", "she", "Ann Vale")],
        id="she-passes-over-a-man-named-last",
    ),
    pytest.param(
        "Ms. Ann Vale chaired the meeting. The plan was drafted by Tom Reyes, and Ms. Vale"
        ' praised Tom Reyes. "It took a year," he said.',
        [('"It took a year,"', "direct", "said", "he", "Tom Reyes")],
        id="he-passes-over-a-woman",
    ),
    pytest.param(
        "Mr. Paul Grant spoke in Miami on Monday. Maria Ferre, a party spokeswoman, said that"
        " Tom Reyes has the potential to do well. She pointed to his showing in Miami, Mr."
        ' Grant\'s home. "I think that speaks volumes," she said.',
        [
            (
                "that Tom Reyes has the potential to do well",
                "indirect",
                "said",
                "Maria Ferre",
                "Maria Ferre",
            ),
            ('"I think that speaks volumes,"', "direct", "said", "she", "Maria Ferre"),
        ],
        id="passing-over-a-man-leaves-the-usual-choice-alone",
    ),
    pytest.param(
        'Mr. Omar Haddad was charged on Monday. "My heart is broken," said the woman.',
        [('"My heart is broken,"', "direct", "said", "the woman", "")],
        id="the-woman-is-not-the-man-named-before",
    ),
]


@pytest.mark.parametrize(("text", "expected"), AGREEING_SPEAKERS)
def test_pronoun_speakers_agree_in_gender(nlp, text, expected):
    assert quotes_of(nlp, text) == expected
