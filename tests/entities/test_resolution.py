"""Resolution across the corpus (newslens.entities.resolution): a pure function over a
mentions table, on tables extracted from written passages and on tables written here."""

from __future__ import annotations

import pandas as pd
import pytest
from entity_passages import corpus_mentions, counts, entity_for, mention_rows
from newslens.entities import (
    entity_aliases,
    extract_mentions,
    link_across_documents,
    load_aliases,
)


def test_short_person_names_link_to_the_corpus_full_name(nlp):
    passages = {
        "x": "Donald J. Trump spoke in Ohio. Donald Trump Jr. spoke later.",
        "y": "Obama met Trump in Paris. Barack Obama left.",
        "z": "Ivanka Trump arrived. Maria Lopez met Maria Chen. Maria left early.",
    }
    docs = {doc_id: nlp(text) for doc_id, text in passages.items()}
    # The pipeline misses the bare "Trump" in y: tag it, as a better model would.
    entity_for(docs["y"], [(0, 1, "PERSON"), (2, 3, "PERSON"), (4, 5, "GPE"), (6, 8, "PERSON")])
    mentions = corpus_mentions(docs)
    people = mentions[mentions["label"] == "PERSON"]
    assert sorted(set(people["entity"])) == [
        "Barack Obama",
        "Donald J. Trump",
        "Donald Trump Jr.",
        "Ivanka Trump",
        "Maria",
        "Maria Chen",
        "Maria Lopez",
        "Trump",
    ]
    # "Trump" in y fits Donald J. Trump and Ivanka Trump equally: no dominant candidate.
    linked = link_across_documents(mentions)
    assert linked.loc[linked["text"] == "Trump", "entity"].tolist() == ["Trump"]
    # With the dominance threshold lowered to 1, the tie is broken by name order, never by
    # the suffixed "Donald Trump Jr.", which is another person.
    ties = link_across_documents(mentions, dominance=1.0)
    assert ties.loc[ties["text"] == "Trump", "entity"].tolist() == ["Donald J. Trump"]
    # A first name alone is never linked across documents.
    assert linked.loc[linked["text"] == "Maria", "entity"].tolist() == ["Maria"]
    assert len(linked) == len(mentions)


def test_dominant_full_name_takes_the_surname_across_documents(nlp):
    passages = {
        "p": "Donald Trump spoke. Donald Trump left. Donald Trump returned.",
        "q": "Ivanka Trump arrived.",
        "r": "Critics said Trump was wrong.",
    }
    docs = {doc_id: nlp(text) for doc_id, text in passages.items()}
    entity_for(docs["r"], [(2, 3, "PERSON")])
    mentions = corpus_mentions(docs)
    mentions = mentions[mentions["label"] == "PERSON"]
    linked = link_across_documents(mentions)
    assert counts(linked) == {"Donald Trump": 4, "Ivanka Trump": 1}
    assert linked.loc[linked["doc_id"] == "r", "linked_by"].tolist() == ["corpus"]


def test_a_surname_with_and_without_its_article_is_one_person_across_documents(nlp):
    passages = {
        "p": "Bashar Assad spoke. Bashar Assad left.",
        "q": "President Bashar al-Assad arrived.",
        "r": "Critics said al-Assad was wrong.",
    }
    docs = {doc_id: nlp(text) for doc_id, text in passages.items()}
    entity_for(docs["p"], [(0, 2, "PERSON"), (4, 6, "PERSON")])
    entity_for(docs["q"], [(1, 5, "PERSON")])
    entity_for(docs["r"], [(2, 5, "PERSON")])
    mentions = corpus_mentions(docs)
    linked = link_across_documents(mentions[mentions["label"] == "PERSON"])
    assert counts(linked) == {"Bashar Assad": 4}


def test_a_label_is_decided_by_the_corpus_not_by_one_tag():
    rows = [(d, "Twitter", "Twitter", "ORG", "name") for d in "abcd"]
    rows += [("e", "Twitter", "Twitter", "PERSON", "name")] * 3
    # A person with the same name whose document says so (a longer name) is left alone.
    rows += [("f", "Sarah Gray", "Sarah Gray", "PERSON", "name")]
    rows += [("f", "Gray", "Sarah Gray", "PERSON", "person")]
    rows += [(d, "Gray", "Gray", "ORG", "name") for d in "ghij"]
    linked = link_across_documents(mention_rows(rows))
    twitter = linked[linked["doc_id"] == "e"]
    assert twitter[["label", "linked_by"]].values.tolist() == [["ORG", "corpus_label"]] * 3
    gray = linked[linked["doc_id"] == "f"]
    assert gray["label"].tolist() == ["PERSON", "PERSON"]
    audit = entity_aliases(linked)
    assert audit[audit["entity"] == "Twitter"]["linked_by"].tolist() == ["corpus_label|name"]


def test_surname_tagged_org_becomes_the_person_the_corpus_names():
    rows = []
    for d in "pqrs":
        rows += [(d, "Donald J. Trump", "Donald J. Trump", "PERSON", "name")]
        rows += [(d, "Trump", "Donald J. Trump", "PERSON", "person")]
    rows += [("x", "Trump", "Trump", "ORG", "name"), ("x", "Ohio", "Ohio", "GPE", "name")]
    linked = link_across_documents(mention_rows(rows))
    x = linked[linked["doc_id"] == "x"]
    assert x[["entity", "label", "linked_by"]].values.tolist() == [
        ["Donald J. Trump", "PERSON", "corpus_person"],
        ["Ohio", "GPE", "name"],
    ]
    # Too little evidence (fewer documents than min_documents): the tag stands.
    few = link_across_documents(mention_rows(rows), min_documents=5)
    assert few.loc[few["doc_id"] == "x", "label"].tolist() == ["ORG", "GPE"]


@pytest.mark.parametrize(
    ("titled_docs", "org_docs", "label"),
    [
        (3, 3, "PERSON"),  # titled in 3 documents, a person in as many as an organisation
        (2, 2, "ORG"),  # a title in fewer than min_documents documents is not enough
        (3, 4, "ORG"),  # the organisation reading wins more documents
        (5, 3, "PERSON"),  # the person reading wins, though not by ``dominance``
    ],
)
def test_a_name_titled_as_a_person_is_one_where_the_tagger_made_it_an_organisation(
    titled_docs, org_docs, label
):
    titled = [f"t{i}" for i in range(titled_docs)]
    tagged_org = [f"o{i}" for i in range(org_docs)]
    rows = [(d, "Reince Priebus", "Reince Priebus", "PERSON", "name") for d in titled]
    rows += [(d, "Reince Priebus", "Reince Priebus", "ORG", "name") for d in tagged_org]
    table = mention_rows(rows)
    table.loc[table["doc_id"].isin(titled), "role"] = "chairman"
    linked = link_across_documents(table)
    org_rows = linked[linked["doc_id"].isin(tagged_org)]
    assert set(org_rows["label"]) == {label}
    if label == "PERSON":
        assert set(org_rows["linked_by"]) == {"corpus_person"}


def test_group_forms_merge_unless_kept_apart():
    rows = [
        ("a", "Democrats", "Democrats", "NORP", "name"),
        ("a", "Democratic", "Democratic", "NORP", "name"),
        ("b", "Democrat", "Democrat", "NORP", "name"),
        ("b", "Republican", "Republican", "NORP", "name"),
        ("c", "Republicans", "Republicans", "NORP", "name"),
        ("c", "Americans", "Americans", "NORP", "name"),
    ]
    merged = link_across_documents(mention_rows(rows))
    assert merged["entity"].tolist() == [
        "Democrats",
        "Democrats",
        "Democrats",
        "Republicans",
        "Republicans",
        "Americans",
    ]
    assert merged["linked_by"].tolist()[1:4] == ["group_form"] * 3
    apart = link_across_documents(mention_rows(rows), merge_group_forms=False)
    assert apart["entity"].tolist() == [row[2] for row in rows]


def test_user_alias_file_can_veto_a_merge(tmp_path):
    alias_file = tmp_path / "aliases.tsv"
    alias_file.write_text(
        "!Trump\tDonald J. Trump\n!America\t*\nPotus\tDonald J. Trump\tPERSON\n", encoding="utf-8"
    )
    aliases = load_aliases(alias_file)
    assert aliases.vetoes == {("Trump", "Donald J. Trump"), ("America", "*")}
    assert "America" not in aliases and aliases["U.S."].canonical == "United States"
    rows = [(d, "Donald J. Trump", "Donald J. Trump", "PERSON", "name") for d in "abc"]
    rows += [("d", "Trump", "Trump", "PERSON", "name"), ("d", "Potus", "Potus", "ORG", "name")]
    rows += [("d", "America", "United States", "GPE", "alias")]
    plain = link_across_documents(mention_rows(rows))
    assert plain.loc[plain["doc_id"] == "d", "entity"].tolist() == [
        "Donald J. Trump",
        "Potus",
        "United States",
    ]
    vetoed = link_across_documents(mention_rows(rows), aliases=aliases)
    d = vetoed[vetoed["doc_id"] == "d"]
    assert d[["entity", "label", "linked_by"]].values.tolist() == [
        ["Trump", "PERSON", "veto"],
        ["Donald J. Trump", "PERSON", "alias"],
        ["America", "GPE", "veto"],
    ]
    with pytest.raises(ValueError, match="alias line 1"):
        bad = tmp_path / "bad.tsv"
        bad.write_text("!only-one-field\n", encoding="utf-8")
        load_aliases(bad)


def test_nicknames_and_middle_names_are_one_person_across_documents():
    rows = [(d, "Joseph R. Biden", "Joseph R. Biden", "PERSON", "name") for d in "ab"]
    rows += [("c", "Joe Biden", "Joe Biden", "PERSON", "name")]
    rows += [(d, "William Barr", "William Barr", "PERSON", "name") for d in "de"]
    rows += [("f", "Bill Barr", "Bill Barr", "PERSON", "name")]
    rows += [("g", "Donald J. Trump", "Donald J. Trump", "PERSON", "name")] * 3
    rows += [("h", "Donald John Trump", "Donald John Trump", "PERSON", "name")]
    # A different first name is a different person, so is a different middle initial.
    rows += [("i", "Jill Biden", "Jill Biden", "PERSON", "name")]
    rows += [("j", "George H. W. Bush", "George H. W. Bush", "PERSON", "name")] * 5
    rows += [("k", "George W. Bush", "George W. Bush", "PERSON", "name")] * 2
    # An initial stands for the next middle name: the father's full name is not the son's.
    rows += [("k", "George Herbert Walker Bush", "George Herbert Walker Bush", "PERSON", "name")]
    # A further middle name (a hover's full legal name) is the same person.
    rows += [("l", "Hillary Rodham Clinton", "Hillary Rodham Clinton", "PERSON", "name")] * 4
    rows += [
        ("m", "Hillary Diane Rodham Clinton", "Hillary Diane Rodham Clinton", "PERSON", "name")
    ]
    linked = link_across_documents(mention_rows(rows))
    assert dict(zip(linked["text"], linked["entity"], strict=True)) == {
        "Joseph R. Biden": "Joseph R. Biden",
        "Joe Biden": "Joseph R. Biden",
        "William Barr": "William Barr",
        "Bill Barr": "William Barr",
        "Donald J. Trump": "Donald J. Trump",
        "Donald John Trump": "Donald J. Trump",
        "Jill Biden": "Jill Biden",
        "George H. W. Bush": "George H. W. Bush",
        "George W. Bush": "George W. Bush",
        "George Herbert Walker Bush": "George H. W. Bush",
        # One person, shown under the full form written most (4 times against 1).
        "Hillary Rodham Clinton": "Hillary Rodham Clinton",
        "Hillary Diane Rodham Clinton": "Hillary Rodham Clinton",
    }


def test_a_person_is_shown_under_the_full_name_written_most():
    rows = [(d, "Donald Trump", "Donald Trump", "PERSON", "name") for d in "abcd"]
    rows += [("e", "Donald J. Trump", "Donald J. Trump", "PERSON", "name")]
    rows += [(d, "Trump", "Trump", "PERSON", "name") for d in "fg"]
    linked = link_across_documents(mention_rows(rows))
    assert set(linked["entity"]) == {"Donald Trump"}
    # The same batch with one more "Donald J. Trump" article keeps the name.
    more = link_across_documents(mention_rows(rows + [rows[4]]))
    assert set(more["entity"]) == {"Donald Trump"}


def test_a_name_from_the_alias_table_is_kept_as_the_display_name(tmp_path):
    alias_file = tmp_path / "aliases.tsv"
    alias_file.write_text("Donald Trump\tDonald J. Trump\tPERSON\n", encoding="utf-8")
    rows = [(d, "Donald Trump", "Donald Trump", "PERSON", "name") for d in "abcd"]
    rows += [("e", "Trump", "Trump", "PERSON", "name")]
    linked = link_across_documents(mention_rows(rows), aliases=load_aliases(alias_file))
    assert set(linked["entity"]) == {"Donald J. Trump"}


def test_a_one_word_person_nothing_supports_is_dropped():
    rows = [
        ("a", "Quoth", "Quoth", "PERSON", "name"),
        ("a", "Eminem", "Eminem", "PERSON", "name"),
        ("b", "Eminem", "Eminem", "PERSON", "name"),
        ("c", "Ana Ruiz", "Ana Ruiz", "PERSON", "name"),
        ("c", "Ruiz", "Ana Ruiz", "PERSON", "person"),
    ]
    linked = link_across_documents(mention_rows(rows))
    assert linked["text"].tolist() == ["Eminem", "Eminem", "Ana Ruiz", "Ruiz"]
    kept = link_across_documents(mention_rows(rows), drop_unsupported=False)
    assert len(kept) == len(rows)


def test_names_that_differ_only_in_case_are_one_entity_unless_kept_apart():
    rows = [
        ("a", "Reuters", "Reuters", "ORG", "name"),
        ("a", "REUTERS", "REUTERS", "ORG", "name"),
        ("b", "Reuters", "Reuters", "ORG", "name"),
        ("b", "BOB SCHIEFFER", "BOB SCHIEFFER", "ORG", "name"),
        ("c", "Bob Schieffer", "Bob Schieffer", "PERSON", "name"),
        ("c", "AIM", "AIM", "ORG", "name"),
        ("c", "Aim", "Aim", "ORG", "name"),
        ("d", "intel", "intel", "ORG", "name"),
        ("d", "Intel", "Intel", "ORG", "name"),
    ]
    merged = link_across_documents(mention_rows(rows))
    assert merged["entity"].tolist() == [
        "Reuters",
        "Reuters",
        "Reuters",
        "Bob Schieffer",
        "Bob Schieffer",
        "AIM",
        "Aim",
        "intel",
        "Intel",
    ]
    # The transcript's capitals take the person's label, and the audit names the rule.
    assert merged.loc[3, "label"] == "PERSON"
    assert merged["linked_by"].tolist()[1:4] == ["case_form", "name", "case_form"]
    merges = entity_aliases(merged)
    assert merges.loc[merges["entity"] == "Reuters", "linked_by"].str.contains("case_form").any()
    apart = link_across_documents(mention_rows(rows), merge_case_forms=False)
    assert apart["entity"].tolist() == [row[2] for row in rows]


def test_names_that_differ_only_in_periods_hyphens_spaces_or_accents_are_one_entity():
    rows = [
        ("a", "George W. Bush", "George W. Bush", "PERSON", "name"),
        ("a", "George W. Bush", "George W. Bush", "PERSON", "name"),
        ("b", "George W Bush", "George W Bush", "PERSON", "name"),
        ("c", "Kim Jong-un", "Kim Jong-un", "PERSON", "name"),
        ("c", "Kim Jong-un", "Kim Jong-un", "PERSON", "name"),
        ("d", "Kim Jong Un", "Kim Jong Un", "PERSON", "name"),
        ("e", "George H. W. Bush", "George H. W. Bush", "PERSON", "name"),
        ("e", "George H.W. Bush", "George H.W. Bush", "PERSON", "name"),
        ("e", "George H.W. Bush", "George H.W. Bush", "PERSON", "name"),
        ("f", "Raúl Castro", "Raúl Castro", "PERSON", "name"),
        ("f", "Raúl Castro", "Raúl Castro", "PERSON", "name"),
        ("g", "Raul Castro", "Raul Castro", "PERSON", "name"),
    ]
    merged = link_across_documents(mention_rows(rows))
    assert (
        merged["entity"].tolist()
        == ["George W. Bush"] * 3
        + ["Kim Jong-un"] * 3
        + ["George H.W. Bush"] * 3
        + ["Raúl Castro"] * 3
    )
    assert merged["linked_by"].tolist()[2] == "case_form"


def test_an_acronym_with_periods_is_the_one_without():
    rows = [
        ("a", "FBI", "FBI", "ORG", "name"),
        ("a", "FBI", "FBI", "ORG", "name"),
        ("b", "F.B.I.", "F.B.I.", "ORG", "name"),
        ("b", "N.S.A.", "N.S.A.", "PERSON", "name"),
        ("c", "NSA", "NSA", "ORG", "name"),
        ("c", "E.R.A.", "E.R.A.", "ORG", "name"),
    ]
    merged = link_across_documents(mention_rows(rows))
    assert merged["entity"].tolist() == ["FBI", "FBI", "FBI", "NSA", "NSA", "E.R.A."]
    assert merged["label"].tolist()[2:5] == ["ORG", "ORG", "ORG"]
    assert merged["linked_by"].tolist()[2:4] == ["case_form", "case_form"]
    apart = link_across_documents(mention_rows(rows), merge_case_forms=False)
    assert apart["entity"].tolist()[2] == "F.B.I."


def test_a_family_named_by_a_plural_surname_is_not_a_person():
    rows = [
        ("a", "Bill Clinton", "Bill Clinton", "PERSON", "name"),
        ("a", "Clintons", "Clintons", "PERSON", "name"),
        ("b", "Clintons", "Clintons", "PERSON", "name"),
        ("b", "Stormy Daniels", "Stormy Daniels", "PERSON", "name"),
        ("c", "Daniels", "Daniels", "PERSON", "name"),
        ("c", "Jack Daniel", "Jack Daniel", "PERSON", "name"),
        ("c", "Daniels", "Daniels", "PERSON", "name"),
    ]
    linked = link_across_documents(mention_rows(rows))
    assert "Clintons" not in set(linked["text"])
    assert linked.loc[linked["text"] == "Daniels", "entity"].tolist() == ["Stormy Daniels"] * 2


def test_a_name_with_a_doubled_word_is_no_full_name_to_link_to():
    # "Sanders Sanders": a caption run into the name, once; the corpus's name stays.
    rows = [
        ("a", "Bernie Sanders", "Bernie Sanders", "PERSON", "name"),
        ("a", "Sanders", "Bernie Sanders", "PERSON", "person"),
        ("b", "Bernie Sanders", "Bernie Sanders", "PERSON", "name"),
        ("c", "Bernie Sanders Sanders", "Bernie Sanders Sanders", "PERSON", "name"),
        ("d", "Sanders", "Sanders", "PERSON", "name"),
    ]
    linked = link_across_documents(mention_rows(rows))
    assert linked["entity"].tolist() == [
        "Bernie Sanders",
        "Bernie Sanders",
        "Bernie Sanders",
        "Bernie Sanders Sanders",
        "Bernie Sanders",
    ]


def test_a_first_name_alone_is_not_linked_to_someone_it_is_the_surname_of():
    rows = [(d, "Nora Bell", "Nora Bell", "PERSON", "name") for d in "abc"]
    rows += [("d", "Oscar Nora", "Oscar Nora", "PERSON", "name")]
    rows += [("e", "Nora", "Nora", "PERSON", "name"), ("e", "Nora", "Nora", "PERSON", "repeat")]
    # "Vance" is only a surname in the corpus: the bare name links to the full one.
    rows += [("f", "Ruth Vance", "Ruth Vance", "PERSON", "name")]
    rows += [("g", "Vance", "Vance", "PERSON", "name")]
    linked = link_across_documents(mention_rows(rows))
    by_doc = linked.groupby("doc_id")["entity"].agg(list).to_dict()
    # "Nora" names Nora Bell in three documents and is Oscar Nora's surname in one: the
    # corpus uses it as a first name, so it is not Oscar Nora.
    assert by_doc["e"] == ["Nora", "Nora"]
    assert by_doc["g"] == ["Ruth Vance"]


def test_a_surname_weighs_all_spellings_of_one_full_name_together():
    # "Charles Vale" links to "Chuck Vale", which links to "Charles E. Vale": one person,
    # 12 documents against 1 of Amy Vale, however the corpus splits its spellings.
    rows = [(d, "Chuck Vale", "Chuck Vale", "PERSON", "name") for d in "abcdefg"]
    rows += [(d, "Charles Vale", "Charles Vale", "PERSON", "name") for d in "hij"]
    rows += [(d, "Charles E. Vale", "Charles E. Vale", "PERSON", "name") for d in "kl"]
    rows += [("m", "Amy Vale", "Amy Vale", "PERSON", "name")]
    rows += [("n", "Vale", "Vale", "PERSON", "name")]
    linked = link_across_documents(mention_rows(rows))
    assert linked.loc[linked["doc_id"] == "n", "entity"].tolist() == ["Chuck Vale"]


def test_a_first_name_alone_is_the_one_person_of_its_article_with_that_first_name():
    rows = [(d, "Bernie Vance", "Bernie Vance", "PERSON", "name") for d in "bcd"]
    # "a" names him only as "Vance" (rule 5 gives him his full name) and "Bernie".
    rows += [("a", "Vance", "Vance", "PERSON", "name"), ("a", "Bernie", "Bernie", "PERSON", "name")]
    # "Paul" is also a surname in "e"; two Bernies share the first name in "f".
    rows += [
        ("e", "Paul Ryan", "Paul Ryan", "PERSON", "name"),
        ("e", "Rand Paul", "Rand Paul", "PERSON", "name"),
        ("e", "Paul", "Paul", "PERSON", "name"),
        ("f", "Bernie Vance", "Bernie Vance", "PERSON", "name"),
        ("f", "Bernie Kerr", "Bernie Kerr", "PERSON", "name"),
        ("f", "Bernie", "Bernie", "PERSON", "name"),
    ]
    linked = link_across_documents(mention_rows(rows))
    by_doc = linked.groupby("doc_id")["entity"].agg(list).to_dict()
    assert by_doc["a"] == ["Bernie Vance", "Bernie Vance"]
    assert linked.loc[linked["doc_id"] == "a", "linked_by"].tolist() == ["corpus", "first_name"]
    assert by_doc["e"][-1] != "Paul Ryan"
    assert by_doc["f"][-1] == "Bernie"


def test_a_group_is_not_the_surname_of_a_phrase_the_tagger_made_a_person():
    rows = [(d, "Druids", "Druids", "NORP", "name") for d in "abcdhijmnopqrs"]
    # In e the tagger made a person of "Ancient Druids", and the document linked every
    # "Druids" to it; the corpus reads "Druids" as a group, and no other person's name
    # begins with "Ancient".
    rows += [("e", "Ancient Druids", "Ancient Druids", "PERSON", "name")]
    rows += [("e", "Druids", "Ancient Druids", "PERSON", "surname")] * 2
    # A real person's surname that is also a group's name keeps its link: "Mark" begins
    # other people's names.
    rows += [("f", "Mark Druids", "Mark Druids", "PERSON", "name")]
    rows += [("f", "Druids", "Mark Druids", "PERSON", "surname")]
    rows += [("g", "Mark Lopez", "Mark Lopez", "PERSON", "name")]
    # A person the corpus names in full in two documents keeps her surname: "Fiona" begins
    # no other name, but "Fiona Druids" is no one-off phrase.
    for doc_id in "kl":
        rows += [(doc_id, "Fiona Druids", "Fiona Druids", "PERSON", "name")]
        rows += [(doc_id, "Druids", "Fiona Druids", "PERSON", "surname")]
    linked = link_across_documents(mention_rows(rows))
    k = linked[(linked["doc_id"] == "k") & (linked["text"] == "Druids")]
    assert k[["entity", "label"]].values.tolist() == [["Fiona Druids", "PERSON"]]
    e = linked[(linked["doc_id"] == "e") & (linked["text"] == "Druids")]
    assert (
        e[["entity", "label", "linked_by"]].values.tolist()
        == [["Druids", "NORP", "corpus_label"]] * 2
    )
    f = linked[(linked["doc_id"] == "f") & (linked["text"] == "Druids")]
    assert f[["entity", "label"]].values.tolist() == [["Mark Druids", "PERSON"]]


def test_the_plural_of_a_group_name_tagged_as_a_person_is_the_group():
    rows = [(d, "Druid", "Druid", "NORP", "name") for d in "abc"]
    rows += [("d", "Druids", "Druids", "PERSON", "name")]
    # "Roberts" is a person: the corpus reads "Robert" as one, not as a group.
    rows += [("e", "Robert Lane", "Robert Lane", "PERSON", "name")]
    rows += [("f", "Roberts", "Roberts", "PERSON", "name")] * 2
    linked = link_across_documents(mention_rows(rows))
    d = linked[linked["doc_id"] == "d"]
    assert d[["entity", "label", "linked_by"]].values.tolist() == [
        ["Druids", "NORP", "corpus_label"]
    ]
    assert set(linked.loc[linked["doc_id"] == "a", "entity"]) == {"Druids"}  # group form
    assert linked.loc[linked["doc_id"] == "f", "label"].tolist() == ["PERSON", "PERSON"]


def test_a_one_word_person_that_begins_an_organisation_name_of_its_document_is_it():
    # In a the tagger made a person of "Kestrel", the first word of "Kestrel Capital".
    rows = [("a", "Kestrel Capital", "Kestrel Capital", "ORG", "name")]
    rows += [("a", "Kestrel", "Kestrel", "PERSON", "name")] * 2
    # A word of a person's name in the corpus stays a person ("Trump Organization").
    rows += [("b", "Trump Organization", "Trump Organization", "ORG", "name")]
    rows += [("b", "Trump", "Trump", "PERSON", "name")]
    rows += [("c", "Donald Trump", "Donald Trump", "PERSON", "name")]
    # So does a titled name, and a word that begins two organisations' names.
    rows += [
        ("d", "Rowe Fund", "Rowe Fund", "ORG", "name"),
        ("d", "Rowe", "Rowe", "PERSON", "name"),
    ]
    rows += [("e", "Mead Fund", "Mead Fund", "ORG", "name")]
    rows += [("e", "Mead Trust", "Mead Trust", "ORG", "name")]
    rows += [("e", "Mead", "Mead", "PERSON", "name")] * 2
    table = mention_rows(rows)
    table.loc[(table["doc_id"] == "d") & (table["text"] == "Rowe"), "role"] = "Dr."
    linked = link_across_documents(table)
    kestrel = linked[(linked["doc_id"] == "a") & (linked["text"] == "Kestrel")]
    assert (
        kestrel[["entity", "label", "linked_by"]].values.tolist()
        == [["Kestrel Capital", "ORG", "org_word"]] * 2
    )
    trump = linked[(linked["doc_id"] == "b") & (linked["text"] == "Trump")]
    assert trump[["entity", "label"]].values.tolist() == [["Donald Trump", "PERSON"]]
    assert linked.loc[linked["text"].isin(["Rowe", "Mead"]), "label"].unique().tolist() == [
        "PERSON"
    ]


def test_a_word_that_begins_a_companys_name_is_the_company_where_nobody_has_it_as_a_name():
    # "Kestrel" is someone's name in another article (b), but in a the article names
    # the company with its legal form and no person called Kestrel: the company.
    rows = [("a", "Kestrel Insurance Corp.", "Kestrel Insurance Corp.", "ORG", "name")]
    rows += [("a", "Kestrel", "Kestrel", "PERSON", "name")] * 2
    rows += [("b", "Ann Kestrel", "Ann Kestrel", "PERSON", "name")]
    # An article with a person of that name keeps the word a person's.
    rows += [("c", "Kestrel Insurance Corp.", "Kestrel Insurance Corp.", "ORG", "name")]
    rows += [("c", "Tom Kestrel", "Tom Kestrel", "PERSON", "name")]
    rows += [("c", "Kestrel", "Kestrel", "PERSON", "name")]
    # Without a legal form, another article's person still keeps the word a person's.
    rows += [("d", "Kestrel Foundation", "Kestrel Foundation", "ORG", "name")]
    rows += [("d", "Kestrel", "Kestrel", "PERSON", "name")]
    linked = link_across_documents(mention_rows(rows)).set_index(["doc_id", "text"])
    assert (
        linked.loc[("a", "Kestrel"), ["entity", "label", "linked_by"]].values.tolist()
        == [["Kestrel Insurance Corp.", "ORG", "org_word"]] * 2
    )
    assert linked.loc[("c", "Kestrel"), "label"] == "PERSON"
    assert linked.loc[("d", "Kestrel"), "label"] == "PERSON"


def test_a_titled_surname_is_the_person_the_corpus_gives_that_title(nlp):
    passages = {
        "a": "Hillary Clinton spoke. Mrs. Clinton left. Mrs. Clinton returned.",
        "b": "Former President Bill Clinton spoke. President Bill Clinton signed it."
        " Mr. Clinton left. Mr. Clinton waved. President Bill Clinton came back.",
        "c": "Hillary Clinton met voters. In 1998, President Clinton said no.",
        "d": "The library opened. President Clinton spoke there.",
    }
    docs = {doc_id: nlp(text) for doc_id, text in passages.items()}
    linked = link_across_documents(corpus_mentions(docs))
    # The article naming Hillary Clinton means the other Clinton, a man, by "President
    # Clinton"; so does the one naming no Clinton in full.
    for doc_id in ("c", "d"):
        titled = linked[(linked["doc_id"] == doc_id) & (linked["text"] == "Clinton")]
        assert titled["entity"].tolist() == ["Bill Clinton"]
        assert titled["linked_by"].tolist() == ["corpus_title"]
    # The tables of the documents concatenated as they come (their index repeats).
    frames = [extract_mentions(docs[doc_id], doc_id=doc_id) for doc_id in docs]
    repeated = link_across_documents(pd.concat(frames))
    assert repeated["entity"].tolist() == linked["entity"].tolist()
    # Without the titles of Bill Clinton the title is no evidence.
    del passages["b"]
    docs = {doc_id: nlp(text) for doc_id, text in passages.items()}
    linked = link_across_documents(corpus_mentions(docs))
    assert set(linked.loc[linked["doc_id"] == "c", "entity"]) == {"Hillary Clinton"}


def test_a_chinese_family_name_alone_is_the_person_named_in_full(nlp):
    passages = {
        "a": "Xi does not look like a bear. Chinese leader Xi Jinping was compared to it.",
        "b": "Critics said Xi was angry.",
    }
    docs = {doc_id: nlp(text) for doc_id, text in passages.items()}
    entity_for(docs["b"], [(2, 3, "PERSON")])
    linked = link_across_documents(corpus_mentions(docs))
    people = linked[linked["label"] == "PERSON"]
    assert people["text"].tolist() == ["Xi", "Xi Jinping", "Xi"]
    assert set(people["entity"]) == {"Xi Jinping"}


def test_a_town_its_document_writes_with_its_state_stays_a_place():
    # The corpus reads "Fergus" as a person; the town in "Fergus, Missouri" (document a,
    # linked by the document's own rule) stays the town, while a bare place tag does not.
    rows = [(d, "Fergus", "Fergus", "PERSON", "name") for d in "bcdeghij"]
    rows += [("a", "Fergus", "Fergus", "GPE", "place"), ("f", "Fergus", "Fergus", "GPE", "name")]
    linked = link_across_documents(mention_rows(rows))
    labels = dict(zip(linked["doc_id"], linked["label"], strict=True))
    assert (labels["a"], labels["f"]) == ("GPE", "PERSON")


def test_a_name_is_not_linked_to_a_namesake_with_other_titles(nlp):
    # "Ann Vale" is a senator in every titled mention, "Ann Q. Vale" a governor: two
    # people, though the shorter name fits the longer one.
    passages = {
        "a": "Governor Ann Q. Vale spoke. Governor Ann Q. Vale left.",
        "b": "Governor Ann Q. Vale signed the bill on Monday.",
        "c": "Sen. Ann Vale voted no. Sen. Ann Vale said the bill was bad.",
        "d": "On Friday, Sen. Ann Vale asked for a recount.",
    }
    docs = {doc_id: nlp(text) for doc_id, text in passages.items()}
    linked = link_across_documents(corpus_mentions(docs))
    by_doc = linked[linked["label"] == "PERSON"].groupby("doc_id")["entity"].agg(set)
    assert by_doc.to_dict() == {
        "a": {"Ann Q. Vale"},
        "b": {"Ann Q. Vale"},
        "c": {"Ann Vale"},
        "d": {"Ann Vale"},
    }
    # A career's titles in turn are one person: "Rep." before "Gov." links.
    passages["c"] = "Rep. Ann Vale voted no. Governor Ann Vale said the bill was bad."
    del passages["d"]
    docs = {doc_id: nlp(text) for doc_id, text in passages.items()}
    linked = link_across_documents(corpus_mentions(docs))
    assert set(linked.loc[linked["label"] == "PERSON", "entity"]) == {"Ann Q. Vale"}


def test_a_surname_with_its_suffix_is_the_full_name_ending_so(nlp):
    # "Vale Jr." is Tom Vale Jr., not his father Tom Vale.
    doc_a = nlp("Tom Vale Jr. spoke on Monday. His father, Tom Vale, did not.")
    doc_b = nlp("Later, Vale Jr. said he would run.")
    doc_b = entity_for(doc_b, [(2, 4, "PERSON")])
    frames = [extract_mentions(doc_a, doc_id="a"), extract_mentions(doc_b, doc_id="b")]
    linked = link_across_documents(pd.concat(frames))
    assert linked.loc[linked["doc_id"] == "b", "entity"].tolist() == ["Tom Vale Jr."]


@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [
        ("Bogdan Zelinsky", "Bogdan Zelinskiy", True),  # a letter added
        ("Qassem Farahani", "Qassim Furahani", True),  # a vowel changed in each word
        ("Joe Lindeberg", "Joe Lindberg", True),  # a letter dropped
        ("Ann Westbrook", "Ann Wesbtrook", True),  # two letters swapped
        ("Mark Holley", "Mark Holler", False),  # a consonant changed: another name
        ("Tom Barrett", "Tom Garrett", False),  # another first letter
        ("Mark Kelly", "Mark Kelley", False),  # a surname of five letters
        ("Terry Vale", "Jerry Vale", False),  # another first name
    ],
)
def test_spellings_of_one_persons_name_are_one_entity(first, second, merged):
    rows = [("a", first, first, "PERSON", "name")] * 3 + [("b", second, second, "PERSON", "name")]
    linked = link_across_documents(mention_rows(rows))
    entities = set(linked["entity"])
    assert entities == ({first} if merged else {first, second})
    if merged:
        assert linked.loc[linked["doc_id"] == "b", "linked_by"].tolist() == ["spelling"]


def test_a_spelling_merge_can_be_vetoed(tmp_path):
    path = tmp_path / "aliases.tsv"
    path.write_text("!Joe Lindberg\tJoe Lindeberg\n", encoding="utf-8")
    rows = [("a", "Joe Lindeberg", "Joe Lindeberg", "PERSON", "name")] * 3
    rows += [("b", "Joe Lindberg", "Joe Lindberg", "PERSON", "name")]
    linked = link_across_documents(mention_rows(rows), aliases=load_aliases(path))
    assert set(linked["entity"]) == {"Joe Lindeberg", "Joe Lindberg"}


def test_two_families_names_one_letter_apart_stay_apart():
    # "Harrison" and "Harriston" are each borne by people of several first names.
    rows = [
        ("a", "Mike Harrison", "Mike Harrison", "PERSON", "name"),
        ("b", "Eric Harrison", "Eric Harrison", "PERSON", "name"),
        ("c", "Mike Harriston", "Mike Harriston", "PERSON", "name"),
        ("d", "Ruth Harriston", "Ruth Harriston", "PERSON", "name"),
    ]
    linked = link_across_documents(mention_rows(rows))
    assert len(set(linked["entity"])) == 4
