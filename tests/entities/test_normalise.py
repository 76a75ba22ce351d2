"""Normalisation of a span (newslens.entities.normalise), on constructed spans, so the
checks do not depend on what the NER tags."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newslens.entities import normalise_span
from newslens.entities.names import collapsed
from spacy.tokens import Span


def test_normalise_strips_determiner_possessive_quotes_and_dash_tail(nlp):
    doc = nlp("Strikes hit Kyiv\u2014just as “the European Union’s” envoys met.")
    kyiv = normalise_span(Span(doc, 2, 5, label="GPE"))
    assert (doc.text[kyiv.start : kyiv.end], kyiv.name) == ("Kyiv", "Kyiv")
    first, last = 6, next(t.i for t in doc if t.text == "envoys")
    union = normalise_span(Span(doc, first, last, label="ORG"))
    assert doc.text[union.start : union.end] == "European Union"


def test_a_possessive_in_capitals_is_stripped_too(nlp):
    # A headline in capitals: "'S" is the possessive, not part of the name.
    doc = nlp("ANN VALE'S BIG NIGHT: the singer spoke.")
    vale = normalise_span(Span(doc, 0, 3, label="PERSON"))
    assert (vale.name, doc.text[vale.start : vale.end]) == ("ANN VALE", "ANN VALE")


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ((0, 5, "PERSON"), ("Boris Johnson", "Former Prime Minister")),
        ((6, 9, "PERSON"), ("Mark Milley", "Gen.")),
        # "Prime Minister" and "Minister" alone are bare titles: no name.
        ((11, 13, "ORG"), None),
        ((12, 13, "ORG"), None),
    ],
)
def test_normalise_moves_titles_to_the_role_and_drops_bare_titles(nlp, span, expected):
    doc = nlp("Former Prime Minister Boris Johnson met Gen. Mark Milley and the Prime Minister.")
    normalised = normalise_span(Span(doc, span[0], span[1], label=span[2]))
    assert (None if normalised is None else (normalised.name, normalised.role)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vice Admiral Ana Ruiz spoke.", ("Ana Ruiz", "Vice Admiral")),
        # The tokenizer splits the period off "Cpl." and "Sgt.": it is the title's.
        ("Lance Cpl. Tom Hale spoke.", ("Tom Hale", "Lance Cpl.")),
        ("Sgt. Tom Hale spoke.", ("Tom Hale", "Sgt.")),
        ("Committeewoman Ana Ruiz spoke.", ("Ana Ruiz", "Committeewoman")),
    ],
)
def test_ranks_and_party_offices_are_titles(nlp, text, expected):
    doc = nlp(text)
    end = next(t.i for t in doc if t.text == "spoke")
    normalised = normalise_span(Span(doc, 0, end, label="PERSON"))
    assert (normalised.name, normalised.role) == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        # "Said" after a quotation in title case is the reporting verb.
        ('"We Won," Said Jay Sekulow.', (5, 8), "Jay Sekulow"),
        ("Said Kouachi was named.", (0, 2), "Said Kouachi"),
        ("The brothers, Said Kouachi and Cherif Kouachi, died.", (3, 5), "Said Kouachi"),
        # The "Read" of a "Read more" link after a byline.
        ("Tom Hale Read more", (0, 3), "Tom Hale"),
        # A headline's colon ends the name.
        ("Rand Paul: Ebola Is a Threat", (0, 4), "Rand Paul"),
    ],
)
def test_a_verb_the_tagger_took_into_a_name_is_cut(nlp, text, span, expected):
    doc = nlp(text)
    normalised = normalise_span(Span(doc, span[0], span[1], label="PERSON"))
    assert normalised.name == expected


def test_curly_and_straight_possessives_give_one_name(nlp):
    doc = nlp("Ana Ruiz\u2019s plan and Ana Ruiz's budget")
    curly = normalise_span(Span(doc, 0, 3, label="PERSON"))
    straight = normalise_span(Span(doc, 5, 8, label="PERSON"))
    assert curly.name == straight.name == "Ana Ruiz"


# Every whitespace character Python knows, and a few that are not whitespace.
_SPACING = "\t\n\x0b\x0c\r\x1c\x1f \x85\xa0\u1680\u2002\u200a\u200b\u2028\u202f\u205f\u3000"


@given(st.lists(st.text(alphabet=st.sampled_from(_SPACING + "Ab-."), max_size=8), max_size=30))
@settings(max_examples=300, deadline=None)
def test_collapsed_treats_every_whitespace_as_python_does(texts):
    """The column version finds its rows with Arrow's RE2; the result must be what Python's
    own expressions give, Unicode whitespace included."""
    odd = re.compile(r"\s\s|[\t\n\r\f\v]|^\s|\s$")
    expected = [re.sub(r"\s+", " ", t).strip() if odd.search(t) else t for t in texts]
    assert collapsed(pd.Series(texts, dtype="str")).tolist() == expected
