"""newslens.sentiment: NLTK's VADER scores, to the last digit, through the faster SentiText."""

from __future__ import annotations

import pytest
from newslens.resources import vader_analyzer
from newslens.sentiment import compound, sentence_sentiments

WRITTEN = [
    "The strike killed two people and wounded dozens.",
    "Donors pledged $2 billion to rebuild the city, a hopeful sign!",
    "It's not bad... but it isn't great either.",
    "\"Every destroyed house will be rebuilt,\" he said; 'we will not give up!!!'",
    "?!?What a disaster?!? :( Truly awful, AWFUL news.",
    "The talks were kind of useful, the minister said -- very frank, extremely important.",
    "(Photo: cars charred, streets strewn with shattered glass.)",
    "",
    "ok",
]


@pytest.mark.parametrize("text", WRITTEN)
def test_scores_equal_nltk(text):
    assert vader_analyzer().polarity_scores(text)["compound"] == compound(text)


def test_sentence_sentiments_keep_order_and_range():
    scores = sentence_sentiments(WRITTEN)
    assert scores == [vader_analyzer().polarity_scores(t)["compound"] for t in WRITTEN]
    assert all(-1 <= s <= 1 for s in scores)
    assert scores[0] < 0 < scores[1]
