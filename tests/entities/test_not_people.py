"""One-word "people" the document shows to be something else (newslens.entities.not_people),
through :func:`newslens.entities.extract_mentions` on written passages with the tags set, so
the checks do not depend on what the NER tags."""

from __future__ import annotations

import pytest
from entity_passages import entity_for
from newslens.entities import extract_mentions


@pytest.mark.parametrize(
    ("text", "spans", "people"),
    [
        # A word the document writes with an article as its head is a common noun here.
        (
            "Hale said the Regent had come a long way. The Regent was treated badly.",
            [(3, 4, "PERSON"), (10, 11, "PERSON")],
            [],
        ),
        # A name used as a modifier takes the article of the noun after it.
        (
            "Hale praised the Obama administration and Obama thanked him.",
            [(3, 4, "PERSON"), (6, 7, "PERSON")],
            ["Obama", "Obama"],
        ),
        # So do coordinated names before their noun.
        (
            "He served in the Reagan and Bush White Houses.",
            [(4, 5, "PERSON"), (6, 7, "PERSON")],
            ["Reagan", "Bush"],
        ),
        # A word of a longer name of the document stays: "The Donald" is Donald Trump.
        (
            "Donald Trump spoke. The Donald won everything on Tuesday.",
            [(0, 2, "PERSON"), (5, 6, "PERSON")],
            ["Donald Trump", "Donald Trump"],
        ),
    ],
)
def test_a_one_word_person_written_with_an_article_is_no_name(nlp, text, spans, people):
    doc = entity_for(nlp(text), spans)
    mentions = extract_mentions(doc, doc_id="z")
    assert mentions.loc[mentions["label"] == "PERSON", "entity"].tolist() == people


@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        # A name right after the kind of organisation it is: the organisation.
        ("He is a partner at the law firm Reed Smith in Chicago.", (7, 9), "ORG"),
        ("Ratings agency Fitch warned that it could cut the rating.", (2, 3), "ORG"),
        # A noun for a person is no kind of organisation.
        ("Republican pollster Frank Luntz tweeted the result.", (2, 4), "PERSON"),
        # An example of a kind of organisation, in a list after "like" or "such as".
        ("Many users left for apps like Kestrel last year.", (6, 7), "ORG"),
        ("It sued companies such as Verity for the outage.", (5, 6), "ORG"),
        # ... but not a person whose company is meant ("companies like Tom Reyes's").
        ("Donors gave to companies like Tom Reyes's to fight it.", (5, 7), "PERSON"),
    ],
)
def test_a_name_after_the_kind_of_organisation_it_is_is_that_organisation(nlp, text, span, label):
    doc = entity_for(nlp(text), [(span[0], span[1], "PERSON")])
    mentions = extract_mentions(doc, doc_id="z")
    assert mentions["label"].tolist() == [label]


@pytest.mark.parametrize(
    ("text", "span", "labels"),
    [
        # An apposition saying what kind of organisation or work the name is.
        ("Verity Post, a liberal magazine, ran the story first.", (0, 2), ["ORG"]),
        ("They hired Kestrel Ward, a data firm that worked for the campaign.", (2, 4), ["ORG"]),
        ("Jane Holt, a novel that moved readers, sold well.", (0, 2), []),
        # A person's own work, a noun for people, a phrase going on, a list: a person.
        ("Ann Vale, whose book sold well, spoke.", (0, 2), ["PERSON"]),
        ("Ann Vale, the radio show host and anchor, spoke.", (0, 2), ["PERSON"]),
        ("Ann Vale, a group of lawmakers and the council met.", (0, 2), ["PERSON"]),
    ],
)
def test_a_name_an_apposition_calls_an_organisation_or_a_work_is_no_person(nlp, text, span, labels):
    doc = entity_for(nlp(text), [(span[0], span[1], "PERSON")])
    mentions = extract_mentions(doc, doc_id="z")
    name = doc[span[0] : span[1]].text
    assert mentions.loc[mentions["text"] == name, "label"].tolist() == labels


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # A one-word "person" written after a preposition of place is a place.
        (
            "They held a summit on the unrest in Fergus last week.",
            [(8, 9, "PERSON")],
            [("Fergus", "GPE", "name")],
        ),
        # ... unless it begins an organisation's name of the document.
        (
            "Fergus Capital bought it. He worked at Fergus for years.",
            [(0, 2, "ORG"), (8, 9, "PERSON")],
            [("Fergus Capital", "ORG", "name"), ("Fergus", "PERSON", "name")],
        ),
        # Not before a possessive, nor after "believe in".
        (
            "He worked in Fergus's department for years.",
            [(3, 4, "PERSON")],
            [("Fergus", "PERSON", "name")],
        ),
        (
            "They did not believe in Fergus at all.",
            [(5, 6, "PERSON")],
            [("Fergus", "PERSON", "name")],
        ),
        # Nor when the document names the person in full.
        (
            "Tom Fergus spoke. Voters in Fergus cheered.",
            [(0, 2, "PERSON"), (6, 7, "PERSON")],
            [("Tom Fergus", "PERSON", "name"), ("Fergus", "PERSON", "person")],
        ),
    ],
)
def test_a_one_word_person_after_a_preposition_of_place_is_a_place(nlp, text, spans, expected):
    doc = entity_for(nlp(text), spans)
    mentions = extract_mentions(doc, doc_id="z")
    rows = mentions[["text", "label", "linked_by"]].values.tolist()
    assert [tuple(row) for row in rows] == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # Every mention of the organisation's entity takes its label, its surname too.
        (
            "He joined the law firm Reed Smith. Smith has 1,800 lawyers.",
            [(5, 7, "PERSON"), (8, 9, "PERSON")],
            [("Reed Smith", "ORG"), ("Smith", "ORG")],
        ),
        # "at" is no preposition of place here: Comey is the person lashed out at.
        (
            "Trump lashed out at Comey on Friday.",
            [(0, 1, "PERSON"), (4, 5, "PERSON")],
            [("Trump", "PERSON"), ("Comey", "PERSON")],
        ),
    ],
)
def test_the_rules_keep_to_their_evidence(nlp, text, spans, expected):
    mentions = extract_mentions(entity_for(nlp(text), spans), doc_id="z")
    assert [tuple(row) for row in mentions[["text", "label"]].values.tolist()] == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # Names in a list after a storm word are storms, in every mention.
        (
            "Congress paid for hurricanes Harvey, Irma and Maria. Irma hit Florida.",
            [(4, 5, "PERSON"), (6, 7, "PERSON"), (8, 9, "PERSON"), (10, 11, "PERSON")],
            [
                ("Congress", "ORG"),
                ("Harvey", "EVENT"),
                ("Irma", "EVENT"),
                ("Maria", "EVENT"),
                ("Irma", "EVENT"),
            ],
        ),
        # The last word of a storm's name is the storm, however the pipeline tagged it.
        (
            "Hurricane Nate weakened. Nate hit the coast on Sunday.",
            [(0, 2, "EVENT"), (4, 5, "ORG")],
            [("Hurricane Nate", "EVENT"), ("Nate", "EVENT")],
        ),
        # A person of the document whose first name is a storm's stays a person.
        (
            "Harvey Weinstein spoke after Hurricane Harvey.",
            [(0, 2, "PERSON"), (4, 6, "EVENT")],
            [("Harvey Weinstein", "PERSON"), ("Hurricane Harvey", "EVENT")],
        ),
    ],
)
def test_a_storm_named_like_a_person_is_an_event(nlp, text, spans, expected):
    mentions = extract_mentions(entity_for(nlp(text), spans), doc_id="z")
    assert [tuple(row) for row in mentions[["text", "label"]].values.tolist()] == expected


@pytest.mark.parametrize(
    ("text", "spans", "people"),
    [
        # A book of the Bible cited by chapter and verse is no person.
        (
            "The verse (Matthew 5:17) was read by Hale.",
            [(3, 4, "PERSON"), (9, 10, "PERSON")],
            ["Hale"],
        ),
        # A clip's length or a time of day after a name is no chapter and verse.
        ("WATCH Bush on Jeb 01:39", [(3, 4, "PERSON")], ["Jeb"]),
        ("They met Jeb 10:30 a.m. on Monday.", [(2, 3, "PERSON")], ["Jeb"]),
    ],
)
def test_a_book_of_the_bible_cited_by_chapter_is_no_person(nlp, text, spans, people):
    mentions = extract_mentions(entity_for(nlp(text), spans), doc_id="z")
    assert mentions.loc[mentions["label"] == "PERSON", "entity"].tolist() == people
