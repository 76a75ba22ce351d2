"""extract_mentions: the table's columns, the labels asked for, junk spans left out, and the
acceptance check on the seed article."""

from __future__ import annotations

import pytest
from conftest import SEEDS
from entity_passages import TRUMP, ZELENSKYY_RUBIO, counts, entity_for
from newslens.entities import DEFAULT_LABELS, MENTION_COLUMNS, entity_table, extract_mentions

SEED = "kyiv-strikes-rome-recovery-conference.txt"


def test_mentions_have_the_contract_columns_and_trace_back_to_the_text(nlp):
    doc = nlp(ZELENSKYY_RUBIO)
    mentions = extract_mentions(doc, doc_id="a")
    assert list(mentions.columns[:7]) == [
        "doc_id",
        "sentence_id",
        "start",
        "end",
        "text",
        "entity",
        "label",
    ]
    assert list(mentions.columns) == MENTION_COLUMNS
    sentences = list(doc.sents)
    for row in mentions.itertuples():
        assert doc.text[row.start : row.end] == row.text
        sentence = sentences[row.sentence_id]
        assert sentence.start_char <= row.start < row.end <= sentence.end_char
    assert mentions["sentence_id"].tolist() == [0, 0, 1, 2, 3, 3, 4, 4]


def test_labels_select_what_is_returned(nlp):
    mentions = extract_mentions(nlp(TRUMP), doc_id="c", labels=["PERSON"])
    assert mentions["entity"].tolist() == ["Donald Trump"] * 3
    assert extract_mentions(nlp(TRUMP), doc_id="c", labels=["GPE"])["entity"].tolist() == ["Ohio"]


@pytest.mark.parametrize(
    ("text", "spans", "dropped"),
    [
        ("Sen. Amy Klobuchar (D-Minn.) spoke.", [(1, 3, "PERSON"), (4, 7, "ORG")], "D-Minn."),
        ("They chased antifa groups downtown.", [(2, 3, "PERSON")], "antifa"),
        # A word derived from a name names no one.
        ("It smacks of McCarthyism to me.", [(3, 4, "PERSON")], "McCarthyism"),
        ("Many Wisconsinites voted early.", [(1, 2, "PERSON")], "Wisconsinites"),
        ("Labor Secretary Alexander Acosta spoke.", [(0, 1, "ORG"), (2, 4, "PERSON")], "Labor"),
    ],
)
def test_party_tags_lowercase_people_and_title_heads_are_not_entities(nlp, text, spans, dropped):
    mentions = extract_mentions(entity_for(nlp(text), spans), doc_id="x")
    assert dropped not in set(mentions["text"])


def test_a_plural_after_a_title_is_no_person(nlp):
    # "Justice" is a title, but "Democrats" is a group's name, not a person's.
    doc = entity_for(nlp("The group Justice Democrats backed her."), [(3, 4, "NORP")])
    mentions = extract_mentions(doc, doc_id="x")
    assert mentions[["text", "label"]].values.tolist() == [["Democrats", "NORP"]]


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        # Hover text glued after a linked name: cut where the first name comes back.
        ("Today Bernie Sanders Bernie Sanders2020 spoke.", (1, 5), ("Bernie Sanders", "PERSON")),
        ("Adviser Thom Tillis Thomas Roland Tillis voted.", (1, 6), ("Thom Tillis", "PERSON")),
        # A surname glued to the next headline word.
        ("Then Jason FurmanEconomy answered.", (1, 3), ("Jason Furman", "PERSON")),
        ("Then John Sidney McBainCindy spoke.", (1, 4), ("John Sidney McBain", "PERSON")),
        # ... but not a Mc/Mac surname on its own.
        ("Then Paul MacArthur spoke.", (1, 3), ("Paul MacArthur", "PERSON")),
        # A person's name has no digits: a clip's time code, a vote count, a model number.
        ("The clip shows Rick Lane 01:15 speaking.", (3, 6), ("Rick Lane", "PERSON")),
        ("Results: Sanders 1,066 votes.", (2, 4), ("Sanders", "PERSON")),
        ("The 737 Max was grounded.", (1, 3), None),
        # Lower-case words run into a name are not part of it; a name particle is.
        ("The senators bloc Rand Lane joined.", (2, 5), ("Rand Lane", "PERSON")),
        ("A pro-Lane rally began.", (1, 4), ("Lane", "PERSON")),
        ("They hunted bin Laden for years.", (2, 4), ("bin Laden", "PERSON")),
        # A name after (or starting with) a word that begins places' and ships' names is a
        # facility's.
        ("He landed at Joint Base Hollis on Monday.", (5, 6), ("Hollis", "FAC")),
        ("The crew of USS Hollis waited.", (3, 5), ("USS Hollis", "FAC")),
        # ... and a storm's name is an event.
        ("The damage of Superstorm Hollis was vast.", (3, 5), ("Superstorm Hollis", "EVENT")),
        ("The damage of Hurricane Hollis was vast.", (4, 5), ("Hollis", "EVENT")),
        # An abbreviated title without its period is still a title.
        ("Then Sgt Rick Lane spoke.", (1, 4), ("Rick Lane", "PERSON")),
        ("Then the Sgt left.", (2, 3), None),
        # A lower-case given name joined by a hyphen is part of the name; an English word
        # making a compound of it is not.
        ("He met Kim Jong-un on Monday.", (2, 6), ("Kim Jong-un", "PERSON")),
        ("President Moon Jae-in met him.", (1, 5), ("Moon Jae-in", "PERSON")),
        ("A Rick Lane-funded group sued.", (1, 5), ("Rick Lane", "PERSON")),
        # Page furniture (share buttons, a caption label) run into a name is not part of it.
        ("Share: Twitter Pinterest Rick Lane spoke.", (2, 6), ("Rick Lane", "PERSON")),
        ("Rick Lane Photo: the rally.", (0, 3), ("Rick Lane", "PERSON")),
        ("Founder Rick Lane Photos: the rally.", (1, 4), ("Rick Lane", "PERSON")),
        # A caption that printed the surname twice.
        ("Founder Rick Lane Lane holds a sign.", (1, 4), ("Rick Lane", "PERSON")),
        # A verb run into a name is not part of it: a participle opening the sentence, a
        # headline's verb in title case; a given name is.
        ("Describing Lane as a prophet, he left.", (0, 2), ("Lane", "PERSON")),
        ("Lane Looks For A Spring Thaw", (0, 2), ("Lane", "PERSON")),
        ("Senators Encourage Lane to End Discrimination", (1, 3), ("Lane", "PERSON")),
        ("Irving Lane wrote the essay.", (0, 2), ("Irving Lane", "PERSON")),
        # A name ends at its suffix: the next sentence's first word run into it is not part
        # of it; a suffix at the end stays.
        (
            "It paid the lawyer who met Rick Lane Jr. Fusion was paid too.",
            (6, 10),
            ("Rick Lane Jr.", "PERSON"),
        ),
        ("Sammy Lane Jr. sang.", (0, 3), ("Sammy Lane Jr.", "PERSON")),
        ("Then Henry Lane III Hollis spoke.", (1, 5), ("Henry Lane III", "PERSON")),
        # A pageant is not a person.
        ("He met her at the Miss Universe pageant.", (6, 7), None),
        # A name ending like an organisation is one.
        ("Then House & Senate leaders met.", (1, 4), ("House & Senate", "ORG")),
        # A show or an award is not a person, nor a company-form suffix.
        ("He loved the Larry Sanders Show on cable.", (3, 6), None),
        ("We wish them a Merry Christmas every year.", (4, 6), None),
        # A photo credit: the photographer, then the agency or "File" after a slash.
        ("Photo: Luke Sharrett/Bloomberg for the paper", (2, 6), ("Luke Sharrett", "PERSON")),
        ("Photo: Rick Lane/File", (2, 5), ("Rick Lane", "PERSON")),
        ("Photo: Rick Lane /NPR shows the bridge.", (2, 5), ("Rick Lane", "PERSON")),
        # An occupation written like a title is the role, not the name.
        ("Actress Piper Perabo was arrested.", (0, 3), ("Piper Perabo", "PERSON")),
        # So is an office of a state or a city, or a rank in a church or a police force.
        ("State Treasurer Ann Vale won.", (0, 4), ("Ann Vale", "PERSON")),
        ("Then Deacon Tom Reyes prayed.", (1, 4), ("Tom Reyes", "PERSON")),
        ("Detective Sara Moss testified.", (0, 3), ("Sara Moss", "PERSON")),
        # The brackets of an editor's insertion are not part of the name.
        ("Then [William) Barr replied.", (1, 5), ("William Barr", "PERSON")),
        # A court case is no one.
        ("The court cited Buckley v. Valeo in its ruling.", (3, 6), None),
        # A place named after someone, title and all, is a place.
        ("They live in Prince William County now.", (3, 6), ("Prince William County", "GPE")),
        # So is a name that ends with a word for a library, a centre or a society.
        ("He spoke at the Norman Vale Library last week.", (4, 7), ("Norman Vale Library", "ORG")),
        ("A report by the Ann Reyes Center came out.", (4, 7), ("Ann Reyes Center", "ORG")),
        ("Pupils at Tom Reyes Elementary sang.", (2, 5), ("Tom Reyes Elementary", "ORG")),
        # A plan or a decree named after someone is neither a person nor an organisation.
        ("Critics mocked the Ann Vale Plan all week.", (3, 6), None),
        ("The judge upheld the Reyes Decree again.", (4, 6), None),
        # A political action committee is an organisation.
        ("The group Sarah PAC paid for it.", (2, 4), ("Sarah PAC", "ORG")),
        # A heading ending with a plural noun for people.
        ("Young People: voters under 30 back the plan.", (0, 2), None),
        # The plural of an acronym names a group of people, not a person.
        ("Dozens of women MPs sign a letter.", (3, 4), None),
        ("Copyright 2019 Acme Widgets LLC all rights reserved.", (4, 5), None),
    ],
)
def test_person_spans_that_are_not_one_persons_name(nlp, text, span, expected):
    doc = entity_for(nlp(text), [(span[0], span[1], "PERSON")])
    mentions = extract_mentions(doc, doc_id="z")
    rows = list(zip(mentions["entity"], mentions["label"], strict=True))
    assert rows == ([expected] if expected else [])
    for row in mentions.itertuples():
        assert doc.text[row.start : row.end] == row.text


def test_seed_article_counts_each_person_once_with_every_mention(nlp):
    text = (SEEDS / SEED).read_text(encoding="utf-8")
    mentions = extract_mentions(nlp(text), doc_id="seed", labels=DEFAULT_LABELS)
    table = entity_table(mentions)
    people = table[table["label"] == "PERSON"]
    assert dict(zip(people["entity"], people["mentions"], strict=True)) == {
        "Donald Trump": 2,
        "Marco Rubio": 2,
        "Volodymyr Zelenskyy": 2,
        "Giorgia Meloni": 1,
        "Sergei Lavrov": 1,
        "Vladimir Putin": 1,
    }
    assert not ((table["entity"] == "State") & (table["label"] == "ORG")).any()
    assert "State" not in set(mentions["text"])
    us = table[table["entity"] == "United States"]
    assert us[["label", "mentions"]].values.tolist() == [["GPE", 3]]
    assert not table["entity"].isin(["U.S.", "US", "America"]).any()
    # Every mention counted: a careful reading finds Russia five times (one in "U.S.-Russia").
    assert counts(mentions)["Russia"] == 5


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rick Allen LaneKamala Harris spoke. Lane left.", "Rick Allen Lane"),
        ("Rick Allen Lane2020 spoke. Lane left.", "Rick Allen Lane"),
        # Not across punctuation, and not a brand the document never splits.
        ("Rick Allen, LaneKamala Harris spoke. Lane left.", "Rick Allen"),
        ("Rick Allen WikiLeaks founder spoke.", "Rick Allen"),
        ("Rick Allen YouTube channel grew. You know it.", "Rick Allen"),
    ],
)
def test_a_surname_glued_just_after_the_span_is_kept_when_the_document_writes_it(nlp, text, name):
    doc = entity_for(nlp(text), [(0, 2, "PERSON")])
    mentions = extract_mentions(doc, doc_id="z")
    assert mentions["text"].iloc[0] == name
    assert (mentions["start"].iloc[0], mentions["end"].iloc[0]) == (0, len(name))


def test_a_date_after_a_titled_name_is_not_part_of_it(nlp):
    doc = nlp("Vice President Mike Pence praised President Trump Friday at the conference.")
    assert "Friday" in {ent.text for ent in doc.ents}
    mentions = extract_mentions(doc, doc_id="z")
    assert "Trump" in set(mentions["entity"])
    assert not mentions["text"].str.contains("Friday").any()


def test_hover_nickname_just_after_the_span_cuts_the_hover_first_name(nlp):
    # The tagger ended the span before "(Tom)": "Edgar" is the hover's first name, not
    # part of the name in the sentence.
    doc = entity_for(nlp("Sen. Tom Ruiz Edgar (Tom) Ruiz voted."), [(1, 4, "PERSON")])
    mentions = extract_mentions(doc, doc_id="z")
    assert mentions["text"].iloc[0] == "Tom Ruiz"
    assert set(mentions["entity"]) == {"Tom Ruiz"}


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # The title of the person named next, run into a place before it: no person, and
        # no "Capt" counted again wherever the word stands alone.
        (
            "Tom Bell met Ferguson Capt. Ron Hale. Capt. Hale spoke.",
            [(0, 2, "PERSON"), (3, 5, "PERSON"), (6, 8, "PERSON"), (11, 12, "PERSON")],
            [("Tom Bell", "PERSON"), ("Ron Hale", "PERSON"), ("Ron Hale", "PERSON")],
        ),
        # An organisation before an abbreviated title keeps its name.
        (
            "Navy Cmdr. Ann Tull said so.",
            [(0, 2, "ORG"), (3, 5, "PERSON")],
            [("Navy", "ORG"), ("Ann Tull", "PERSON")],
        ),
        # A title that is a surname too stays the surname, also before the next name.
        (
            "He met Karen King. Steve Zak took the photo.",
            [(2, 4, "PERSON"), (5, 7, "PERSON")],
            [("Karen King", "PERSON"), ("Steve Zak", "PERSON")],
        ),
    ],
)
def test_a_title_run_into_the_span_before_its_person_is_no_name(nlp, text, spans, expected):
    doc = entity_for(nlp(text), spans)
    mentions = extract_mentions(doc, doc_id="t")
    assert list(zip(mentions["entity"], mentions["label"], strict=True)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The tokenizer splits "Brig." and the tagger reads "Brig" as a person.
        (
            "The base cut jobs, said Brig. Gen. Ann Tull, the wing commander.",
            [("Ann Tull", "Brig. Gen.")],
        ),
        (
            "The deal cut by Sens. Angus Vale (I-Maine) and Mike Ford (R-S.D.) failed.",
            [("Angus Vale", "Sens."), ("Mike Ford", "")],
        ),
    ],
)
def test_an_abbreviated_title_split_by_the_tokenizer_is_a_title(nlp, text, expected):
    mentions = extract_mentions(nlp(text), doc_id="r", labels=["PERSON"])
    assert list(zip(mentions["entity"], mentions["role"], strict=True)) == expected


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # A photo caption prints the title and the name twice ...
        ("Photos: Pope Francis Pope Francis greets pilgrims.", [(3, 6, "PERSON")]),
        # ... or a capitalised "The" and the title after the name.
        ("Photos: Pope Francis The Pope prays in Rome.", [(3, 6, "PERSON")]),
    ],
)
def test_a_title_printed_again_after_a_name_is_no_part_of_it(nlp, text, spans):
    mentions = extract_mentions(entity_for(nlp(text), spans), doc_id="p")
    assert mentions["entity"].tolist() == ["Francis"]


@pytest.mark.parametrize(
    ("text", "spans", "people"),
    [
        # The document writes both words in lower case: a capitalised phrase, not a name.
        (
            "Witch Hunt ends. Critics called the inquiry a witch hunt and said the hunt was over.",
            [(0, 2, "PERSON")],
            [],
        ),
        # A surname that is also a word stays while the document writes it capitalised
        # at least as often as in lower case.
        (
            "Then Young spoke. Voters heard Young say that young voters matter.",
            [(1, 2, "PERSON"), (6, 7, "PERSON")],
            ["Young", "Young"],
        ),
        # A title makes it a person whatever the lower-case uses.
        (
            "Then Judge Hunt spoke about the hunt and the hunt again.",
            [(2, 3, "PERSON")],
            ["Hunt"],
        ),
    ],
)
def test_a_person_whose_words_the_document_writes_in_lower_case_is_no_name(
    nlp, text, spans, people
):
    doc = entity_for(nlp(text), spans)
    mentions = extract_mentions(doc, doc_id="z")
    assert mentions.loc[mentions["label"] == "PERSON", "entity"].tolist() == people


def test_a_name_after_a_tweets_link_and_dash_is_still_counted(nlp):
    text = "Jane Doe wrote it. https://t.co/abc1 — Jane Doe (@janedoe) May 1, 2020"
    doc = entity_for(nlp(text), [(0, 2, "PERSON"), (5, 9, "PERSON")])
    mentions = extract_mentions(doc, doc_id="z")
    assert mentions["text"].tolist() == ["Jane Doe", "Jane Doe"]
    assert set(mentions["entity"]) == {"Jane Doe"}


def test_stock_market_indices_are_no_entities(nlp):
    doc = nlp(
        "Stocks rose as the Dow gained and the Russell 2000 index climbed. "
        "Dow Chemical and Hang Seng Bank said profits rose."
    )
    assert [t.text for t in doc[13:19]] == ["Dow", "Chemical", "and", "Hang", "Seng", "Bank"]
    doc = entity_for(doc, [(4, 5, "ORG"), (8, 9, "PERSON"), (13, 15, "ORG"), (16, 19, "ORG")])
    mentions = extract_mentions(doc, doc_id="x")
    assert mentions["entity"].tolist() == ["Dow Chemical", "Hang Seng Bank"]


@pytest.mark.parametrize(("repeats", "expected"), [(3, 4), (25, 1)])
def test_one_tag_among_many_untagged_repeats_is_not_spread(nlp, repeats, expected):
    # The tagger's one "person" among 26 mentions of a word is a slip; among 4, a name.
    doc = nlp(" ".join(["Ebola spread fast."] * (repeats + 1)))
    doc = entity_for(doc, [(0, 1, "PERSON")])
    assert counts(extract_mentions(doc, doc_id="e")) == {"Ebola": expected}


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # A title's last word is no name: "Officer" in "Chief Executive Officer".
        (
            "Acme Chief Executive Officer John Legere said so.",
            [(0, 1, "ORG"), (4, 6, "PERSON")],
            [
                ("Acme", "ORG", ""),
                ("John Legere", "PERSON", "Chief Executive Officer"),
            ],
        ),
        # A group's adjective after a word that is also a title ("Major") is no surname.
        (
            "Major Republican donors want austerity, and Republican voters do not.",
            [(1, 2, "NORP"), (7, 8, "NORP")],
            [("Republican", "NORP", ""), ("Republican", "NORP", "")],
        ),
    ],
)
def test_words_of_titles_are_not_names(nlp, text, spans, expected):
    mentions = extract_mentions(entity_for(nlp(text), spans), doc_id="z")
    assert list(mentions[["entity", "label", "role"]].itertuples(index=False, name=None)) == (
        expected
    )


def test_a_place_name_used_as_a_surname_is_the_person_of_the_document(nlp):
    """ "Shelby said" and "says Shelby, an Alabama Republican" are the senator named before;
    "the plant in Shelby" and "Shelby and Lee" stay places."""
    text = (
        'Sen. Richard Shelby spoke on Monday. "We lost the seat," Shelby said. The plant in'
        " Shelby closed. It is moving fast, says Shelby, an Alabama Republican. Shelby and Lee"
        " are small towns."
    )
    doc = nlp(text)
    shelby = [t.i for t in doc if t.text == "Shelby"]
    spans = [(shelby[0] - 1, shelby[0] + 1, "PERSON")] + [(i, i + 1, "GPE") for i in shelby[1:]]
    mentions = extract_mentions(entity_for(doc, spans), doc_id="z", labels=["PERSON", "GPE"])
    shelby_rows = mentions[mentions["text"].str.contains("Shelby")]
    assert shelby_rows[["entity", "label"]].values.tolist() == [
        ["Richard Shelby", "PERSON"],
        ["Richard Shelby", "PERSON"],
        ["Shelby", "GPE"],
        ["Richard Shelby", "PERSON"],
        ["Shelby", "GPE"],
    ]


def test_a_shorter_organisation_name_is_the_one_longer_name_it_ends(nlp):
    text = (
        "The Senate Judiciary Committee met on Monday. The Judiciary Committee voted 11-10."
        " The Montana Supreme Court ruled, and the Supreme Court will hear it."
    )
    mentions = extract_mentions(nlp(text), doc_id="z", labels=["ORG"])
    assert dict(zip(mentions["text"], mentions["entity"], strict=True)) == {
        "Senate Judiciary Committee": "Senate Judiciary Committee",
        "Judiciary Committee": "Senate Judiciary Committee",
        "Montana Supreme Court": "Montana Supreme Court",
        # The alias table names the Supreme Court on its own: no link.
        "Supreme Court": "Supreme Court",
    }


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        # A title and a name tagged as an organisation: the person, titled.
        ("It was joined by Justice Breyer on Monday.", (4, 6), ("Breyer", "PERSON", "Justice")),
        ("It was joined by President Obama on Monday.", (4, 6), ("Obama", "PERSON", "President")),
        # A company named with a title word, and an organisation's head word, stay.
        ("Shares of General Motors rose.", (2, 4), ("General Motors", "ORG", "")),
        ("The Justice Department sued.", (1, 3), ("Justice Department", "ORG", "")),
    ],
)
def test_a_title_and_a_name_tagged_as_an_organisation_are_a_person(nlp, text, span, expected):
    doc = entity_for(nlp(text), [(span[0], span[1], "ORG")])
    mentions = extract_mentions(doc, doc_id="z")
    assert list(mentions[["entity", "label", "role"]].itertuples(index=False, name=None)) == [
        expected
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Two surnames of two people the document names, run together in a caption.
        (
            "Brett Kavanaugh denied it. Christine Blasey Ford testified.\n"
            "Kavanaugh Ford hearing drew millions.",
            ["Brett Kavanaugh", "Christine Blasey Ford"] * 2,
        ),
        # In a headline the tagger runs a surname into the next capitalised word.
        (
            "Rubio Wrong on Illegal Immigration\n\nMarco Rubio said that. Rubio left.",
            ["Marco Rubio"] * 3,
        ),
        # A full name whose first name is another person's surname stays whole.
        (
            "Sen. Rand Paul spoke first. Later, House Budget Committee Chairman Paul Ryan"
            " spoke. Ryan said no.",
            ["Rand Paul", "Paul Ryan", "Paul Ryan"],
        ),
    ],
)
def test_a_person_span_of_two_surnames_is_two_people(nlp, text, expected):
    mentions = extract_mentions(nlp(text), doc_id="p", labels=["PERSON"])
    assert mentions["entity"].tolist() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A word of a law's or building's name, tagged or found by repetition, is not a
        # mention of the person it is named after.
        ("The Hyde Amendment bars it. Rep. Henry Hyde wrote it.", ["Henry Hyde"]),
        ("Donald Trump opened Trump Tower. Trump said so.", ["Donald Trump"] * 2),
        ("The Kate's Law vote was close. Kate Steinle died in 2015.", ["Kate Steinle"]),
        ("They met in the Strom Thurmond Room on Monday.", []),
        # A party to a court case is no mention either.
        (
            "The case, Elonis vs. U.S., matters. Anthony Elonis said it did.",
            ["Anthony Elonis"],
        ),
        # ... nor is the second party.
        ("The ruling in Obergefell v. Hodges stands. Richard Hodges spoke.", ["Richard Hodges"]),
        # Two rivals are no court case.
        (
            "Kanye West vs. Jimmy Kimmel\n\nKanye West mocked him.",
            ["Kanye West", "Jimmy Kimmel", "Kanye West"],
        ),
        # Two hyphened names before a law's noun name the law, not two people ...
        (
            "The Reyes-Hale Act capped the fees. Tom Reyes wrote it.",
            ["Tom Reyes"],
        ),
        ("Banks hate the Dodd-Frank law. Barney Frank defended it.", ["Barney Frank"]),
        # ... while an administration is still two people's.
        (
            "The Obama-Biden administration ended. Joe Biden left.",
            ["Obama", "Joe Biden", "Joe Biden"],
        ),
        # ... while a name ending in such a word is still a person's.
        ("Jude Law starred in the film.", ["Jude Law"]),
        # A surname naming a family is no person ...
        (
            "Ann Tell spoke to the Walsh brothers in May.",
            ["Ann Tell"],
        ),
        (
            "The Green family sued the city on Monday. Mayor Joan Reade said she would fight.",
            ["Joan Reade"],
        ),
        # ... nor a name of a condition.
        (
            "Arthur Vale was dying of ALS, Lou Gehrig's disease. Lou Gehrig played ball.",
            ["Arthur Vale", "Lou Gehrig"],
        ),
        # ... while a person's family is still a mention of the person.
        (
            "Mark Odell died in May. Odell's family sued the city.",
            ["Mark Odell", "Mark Odell"],
        ),
    ],
)
def test_a_name_inside_a_thing_or_family_name_is_no_mention(nlp, text, expected):
    mentions = extract_mentions(nlp(text), doc_id="t", labels=["PERSON"])
    assert mentions["entity"].tolist() == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # "Bill" after a name makes it a bill's name ("Brady" is no mention of a person)...
        ("Gun sales rose after the Brady Bill passed.", [(5, 6, "PERSON")], []),
        # ... unless "Bill" starts the next person's name.
        (
            "A photo shows Hillary Clinton Bill Clinton and their daughter.",
            [(3, 5, "PERSON"), (5, 7, "PERSON")],
            ["Hillary Clinton", "Bill Clinton"],
        ),
    ],
)
def test_a_word_after_a_tagged_name_decides_whether_it_names_a_thing(nlp, text, spans, expected):
    doc = entity_for(nlp(text), spans)
    mentions = extract_mentions(doc, doc_id="t", labels=["PERSON"])
    assert mentions["entity"].tolist() == expected


@pytest.mark.parametrize(
    ("text", "expected", "hover"),
    [
        # The formal name some outlets glue after a legislator's name (their hover text) is
        # one more mention of that person, also when the tagger cut it into parts.
        (
            "He co-sponsored it with Sen. Dick Durbin Richard (Dick) Joseph DurbinPentagon"
            " watchdog declines to probe MORE (D-Ill.) last year.",
            ["Dick Durbin"] * 2,
            1,
        ),
        (
            "Sen. Amy Klobuchar Amy Jean KlobucharCastro campaign, Latino group MORE"
            " (D-Minn.) spoke.",
            ["Amy Klobuchar"] * 2,
            1,
        ),
        # A hover card with the nickname in parentheses is one mention, whatever the
        # tagger made of its words ("Bob", "Howard Vale", "Rand" as an organisation).
        ("Sen. Tom Ruiz Edgar (Tom) Ruiz voted.", ["Tom Ruiz"] * 2, 1),
        (
            "It was put to special counsel Robert Muller Robert (Bob) Swan MullerFox News"
            " analyst says no.",
            ["Robert Muller"] * 2,
            1,
        ),
        (
            "Sen. Rand Vale Randal (Rand) Howard ValeRand Vale: We deserve to know. Vale said so.",
            ["Rand Vale"] * 3,
            2,
        ),
        # A card at the very start of a text, with the nickname again at its end.
        ("Vale Robert (Bob) Swan Vale said hi to Bob", ["Bob Vale"] * 3, 1),
        # Two relatives named side by side in a caption stay two people.
        (
            "Bill Clinton Hillary Clinton and Chelsea Clinton came.",
            ["Bill Clinton", "Hillary Clinton", "Chelsea Clinton"],
            0,
        ),
    ],
)
def test_a_hover_name_glued_after_a_name_is_one_more_mention(nlp, text, expected, hover):
    mentions = extract_mentions(nlp(text), doc_id="h", labels=["PERSON"])
    assert mentions["entity"].tolist() == expected
    assert (mentions["linked_by"] == "hover").sum() == hover


def test_a_repeated_surname_with_a_suffix_is_the_son_not_the_father(nlp):
    text = "Donald Trump spoke. Later, the president emailed Trump Jr. about it."
    mentions = extract_mentions(nlp(text), doc_id="s", labels=["PERSON"])
    assert mentions["text"].tolist() == ["Donald Trump", "Trump Jr."]
    assert mentions["entity"].tolist() == ["Donald Trump", "Trump Jr."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A storm's name alone, after the document names the storm, is the storm.
        (
            "Hurricane Irma hit Florida on Sunday. Irma left millions without power.",
            [("Hurricane Irma", "EVENT"), ("Florida", "GPE")],
        ),
        (
            "Hurricane Maria hit the island. After Maria, Maria Lopez lost her home.",
            [("Hurricane Maria", "EVENT"), ("Maria Lopez", "PERSON")],
        ),
        # An e-mail address and an interview's question mark are nobody's names.
        ("Send tips to FoxNewsFirst@FOXNEWS.COM today.", []),
        ("Q. What did you see?\nQ. And then?", []),
        # ... nor is a name's suffix tagged alone, or an interjection.
        (
            "Police Chief John Hayden, Jr. said officers are working.",
            [("John Hayden", "PERSON")],
        ),
        ("“They won’t be leaving. O.K.?” He was talking as if he knew.", []),
    ],
)
def test_storms_addresses_interview_marks_and_suffixes_are_not_people(nlp, text, expected):
    mentions = extract_mentions(nlp(text), doc_id="n")
    assert list(zip(mentions["entity"], mentions["label"], strict=True)) == expected


def test_a_surname_glued_to_lower_case_words_by_scraping_is_found(nlp):
    text = "Former Gov. Mike Huckabee spoke. Watch it now onandHuckabee said he agreed."
    mentions = extract_mentions(nlp(text), doc_id="g", labels=["PERSON"])
    assert mentions["text"].tolist() == ["Mike Huckabee", "Huckabee"]
    assert mentions["entity"].tolist() == ["Mike Huckabee"] * 2
    assert text[mentions["start"].iloc[1] : mentions["end"].iloc[1]] == "Huckabee"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "vs." between rivals, a headline's capitalised words after a name and another
        # person with the same first name leave every person counted.
        (
            "Donald Trump vs. China: the trade war heats up as Trump raises tariffs.",
            ["Donald Trump", "Donald Trump"],
        ),
        (
            "Pelosi's Building Frustration With the Left\n\nNancy Pelosi spoke on Monday.",
            ["Nancy Pelosi", "Nancy Pelosi"],
        ),
        (
            "Joe Biden Praises Joe Manchin Over Infrastructure Vote\n\nJoe Biden spoke.",
            ["Joe Biden", "Joe Manchin", "Joe Biden"],
        ),
        (
            "Paul Ryan Says No to Tax Plan\n\nSen. Rand Paul clashed with House Speaker Ryan"
            " on Tuesday. The plan was too costly, Rand Paul said.",
            ["Paul Ryan", "Rand Paul", "Paul Ryan", "Rand Paul"],
        ),
    ],
)
def test_headline_words_and_rivals_leave_people_counted(nlp, text, expected):
    mentions = extract_mentions(nlp(text), doc_id="r", labels=["PERSON"])
    assert mentions["entity"].tolist() == expected


@pytest.mark.parametrize(
    ("text", "span", "label", "expected"),
    [
        # A "name" in lower case only is a common word the tagger read as one.
        ("The country's supreme leader spoke on Monday.", (3, 4), "ORG", None),
        ("She sat on the intel committee for years.", (4, 5), "ORG", None),
        # Unless the alias table has it so.
        ("Protesters from antifa marched downtown.", (2, 3), "ORG", ("Antifa", "ORG")),
        # A capital anywhere makes a name.
        ("She sold the bike on eBay last week.", (5, 6), "ORG", ("eBay", "ORG")),
    ],
)
def test_a_name_in_lower_case_only_is_no_name(nlp, text, span, label, expected):
    doc = entity_for(nlp(text), [(span[0], span[1], label)])
    rows = extract_mentions(doc, doc_id="l")
    found = [tuple(r) for r in rows[["entity", "label"]].itertuples(index=False)]
    assert found == ([expected] if expected else [])


@pytest.mark.parametrize(
    "text",
    [
        "Former Gov. Tom O’Malley has been campaigning hard. Later O’Malley spoke.",
        "Former Gov. Tom O'Malley has been campaigning hard. Later O'Malley spoke.",
    ],
    ids=["curly-apostrophe", "straight-apostrophe"],
)
def test_a_surname_with_an_apostrophe_is_part_of_the_name(nlp, text):
    # The tagger ends the name before "O’Malley" when the apostrophe is curly; the name
    # takes the surname back, and every mention counts under one person.
    doc = nlp(text)
    words = [t.text for t in doc]
    doc = entity_for(doc, [(words.index("Tom"), words.index("Tom") + 1, "PERSON")])
    mentions = extract_mentions(doc, doc_id="a")
    assert counts(mentions) == {"Tom O'Malley": 2}
    assert mentions["text"].tolist()[0] in ("Tom O’Malley", "Tom O'Malley")
