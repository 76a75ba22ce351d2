"""Names the pipeline did not tag (newslens.entities.untagged): repeats of the document's
names, parts of hyphenated compounds, names after a title."""

from __future__ import annotations

import pytest
from entity_passages import counts, entity_at_words, entity_for
from newslens.entities import extract_mentions


def test_hyphenated_compounds_and_untagged_repeats_are_counted(nlp):
    doc = nlp("The U.S.-China talks began in Geneva. Officials from China and the U.S. attended.")
    mentions = extract_mentions(doc, doc_id="g")
    assert counts(mentions) == {"China": 2, "United States": 2, "Geneva": 1}
    compound = mentions[mentions["start"] < 20]
    assert compound["text"].tolist() == ["U.S.", "China"]
    assert compound["start"].tolist() == [4, 9]


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Critics said the plan would anger President Trump.", "Trump", "President"),
        ("The church burned, Pastor Ramesh, its head pastor, said.", "Ramesh", "Pastor"),
    ],
)
def test_untagged_name_after_a_title_is_a_person(nlp, text, name, title):
    doc = entity_for(nlp(text), [])
    mentions = extract_mentions(doc, doc_id="w")
    assert mentions[["text", "entity", "label", "role"]].values.tolist() == [
        [name, name, "PERSON", title]
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Poll Shows Vale Ahead In General Election\n\nVale would win the general election, the"
        " survey found.",
        "Our Issues\n\nHousing\n\nCriminal Justice Reform\n\nThe reform of bail laws matters"
        " most, Ms. Ortiz said.",
        "He worked as Deputy General Counsel at Administration and Finance. The counsel advises"
        " the mayor.",
    ],
)
def test_common_words_in_capitals_after_a_title_are_no_person(nlp, text):
    # A headline's or a job's capitals: the article writes the word in lower case too.
    mentions = extract_mentions(nlp(text), doc_id="h")
    assert not mentions["text"].isin(["Election", "Reform", "Counsel"]).any()


def test_a_titled_surname_that_is_also_a_common_word_stays_a_person_the_tagger_named(nlp):
    text = "Tom Price spoke. Drug price rises worried Rep. Price, who said so."
    mentions = extract_mentions(nlp(text), doc_id="p")
    assert mentions.loc[mentions["label"] == "PERSON", "text"].tolist() == ["Tom Price", "Price"]


def test_surnames_of_the_article_are_counted_when_the_tagger_misses_them(nlp):
    text = "Jeff Flake spoke first. Critics said the spotlight would shine on Flake, who left."
    doc = entity_for(nlp(text), [(0, 2, "PERSON")])
    mentions = extract_mentions(doc, doc_id="y")
    assert counts(mentions) == {"Jeff Flake": 2}
    assert mentions["linked_by"].tolist() == ["name", "repeat"]


def test_an_acronym_the_article_defines_counts_for_the_organisation(nlp):
    text = "According to Rural Water Board (RWB), the wells ran dry. RWB will dig more."
    # Only the full name tagged: the acronym in parentheses and its repetition are found.
    doc = entity_for(nlp(text), [(2, 5, "ORG")])
    mentions = extract_mentions(doc, doc_id="a")
    assert counts(mentions) == {"Rural Water Board": 3}
    acronyms = mentions[mentions["text"] == "RWB"]
    assert acronyms["start"].tolist() == [text.index("RWB"), text.rindex("RWB")]


@pytest.mark.parametrize(
    ("text", "parts", "expected"),
    [
        # An alias-table name the tagger cut into parts is one mention of it.
        (
            "Rick Lane hailed the raid on the Islamic State leader.",
            [("Rick", 2, "PERSON"), ("Islamic", 1, "NORP")],
            {"Rick Lane": 1, "Islamic State": 1},
        ),
        (
            "The firm Cambridge Analytica harvested profiles.",
            [("Cambridge", 1, "GPE"), ("Analytica", 1, "PERSON")],
            {"Cambridge Analytica": 1},
        ),
        # A longer tagged name holding an alias name stays whole.
        (
            "The Islamic State of Iraq claimed the attack.",
            [("Islamic", 4, "ORG")],
            {"Islamic State of Iraq": 1},
        ),
    ],
)
def test_an_alias_name_tagged_in_parts_is_one_mention(nlp, text, parts, expected):
    mentions = extract_mentions(entity_at_words(nlp(text), parts), doc_id="p")
    assert counts(mentions) == expected


def test_a_place_named_after_a_titled_person_is_no_person(nlp):
    doc = entity_for(nlp("Schools in Prince William County reopened."), [])
    mentions = extract_mentions(doc, doc_id="c")
    assert "PERSON" not in set(mentions["label"])
