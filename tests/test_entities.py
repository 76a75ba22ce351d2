"""Entity mentions, normalisation, linking and the corpus tables, on passages written for the
tests (and one acceptance check on the seed article)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from newslens.entities import (
    DEFAULT_LABELS,
    MENTION_COLUMNS,
    cooccurrence,
    entity_aliases,
    entity_counts_by_document,
    entity_table,
    extract_mentions,
    link_across_documents,
    load_aliases,
    load_titles,
    mentions_by_period,
    normalise_span,
)
from spacy.tokens import Span

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SEED = "kyiv-strikes-rome-recovery-conference.txt"

ZELENSKYY_RUBIO = (
    "President Volodymyr Zelenskyy spoke in Kyiv on Monday. Zelenskyy said the talks were"
    " useful. Critics questioned Zelenskyy's plan. Secretary of State Marco Rubio met him in"
    " Paris. Rubio later left for Rome."
)
UNITED_STATES = (
    "Officials in the U.S. said on Tuesday that the United States would send more aid. US"
    " troops arrived in Poland. America has long backed Ukraine, and officials in Kiev welcomed"
    " the news."
)
TRUMP = (
    "Donald Trump spoke in Ohio on Friday. The Trump administration announced new tariffs, and"
    " Trump's team defended them."
)
TWO_MARIAS = (
    "Maria Lopez, a teacher, met Maria Chen, a nurse, in Madrid. Lopez said the meeting went"
    " well. Chen disagreed. Maria was not available for comment."
)


def counts(mentions: pd.DataFrame) -> dict[str, int]:
    return dict(zip(*entity_table(mentions)[["entity", "mentions"]].T.values, strict=True))


def entity_for(doc, spans: list[tuple[int, int, str]]):
    """``doc`` with its entities replaced by ``(start_token, end_token, label)`` spans."""
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in spans]
    return doc


# --- mentions and their columns ---------------------------------------------------------------


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


def test_titles_become_roles_and_surnames_and_possessives_link_to_the_full_name(nlp):
    mentions = extract_mentions(nlp(ZELENSKYY_RUBIO), doc_id="a")
    assert counts(mentions) == {
        "Volodymyr Zelenskyy": 3,
        "Marco Rubio": 2,
        "Kyiv": 1,
        "Paris": 1,
        "Rome": 1,
    }
    people = mentions[mentions["label"] == "PERSON"]
    assert people["text"].tolist() == [
        "Volodymyr Zelenskyy",
        "Zelenskyy",
        "Zelenskyy",
        "Marco Rubio",
        "Rubio",
    ]
    assert people["role"].tolist() == ["President", "", "", "Secretary of State", ""]
    # "State" of "Secretary of State" is tagged ORG by the pipeline: a title, not an entity.
    assert "State" not in set(mentions["entity"])
    assert entity_table(mentions).loc[0, "aliases"] == "Zelenskyy | Volodymyr Zelenskyy"


def test_every_spelling_of_the_united_states_is_one_entity(nlp):
    mentions = extract_mentions(nlp(UNITED_STATES), doc_id="b")
    assert counts(mentions) == {"United States": 4, "Kyiv": 1, "Poland": 1, "Ukraine": 1}
    table = entity_table(mentions)
    assert table.loc[0].tolist() == [
        "United States",
        "GPE",
        4,
        1,
        "America | U.S. | US | United States",
    ]
    assert mentions.loc[mentions["entity"] == "Kyiv", "text"].tolist() == ["Kiev"]


def test_attributive_surname_tagged_org_is_the_person(nlp):
    mentions = extract_mentions(nlp(TRUMP), doc_id="c")
    assert counts(mentions) == {"Donald Trump": 3, "Ohio": 1}
    trump = mentions[mentions["entity"] == "Donald Trump"]
    assert trump["label"].tolist() == ["PERSON", "PERSON", "PERSON"]
    assert trump["linked_by"].tolist() == ["name", "surname", "surname"]
    assert "ORG" not in set(mentions["label"])


def test_people_sharing_a_first_name_are_never_merged(nlp):
    mentions = extract_mentions(nlp(TWO_MARIAS), doc_id="d")
    assert counts(mentions) == {"Maria Lopez": 2, "Maria Chen": 2, "Madrid": 1, "Maria": 1}
    # A bare "Maria" fits both women: it stays its own entity rather than being guessed.
    assert mentions.loc[mentions["text"] == "Maria", "entity"].tolist() == ["Maria"]


def test_a_first_name_fitting_one_person_only_is_linked(nlp):
    doc = nlp("Maria Lopez met Tom Chen in Madrid. Maria said the meeting went well.")
    mentions = extract_mentions(doc, doc_id="e")
    assert mentions.loc[mentions["text"] == "Maria", "entity"].tolist() == ["Maria Lopez"]


def test_middle_initial_form_takes_the_longest_name(nlp):
    doc = nlp("Donald J. Trump arrived. Donald Trump then spoke, and Trump left.")
    doc = entity_for(doc, [(0, 3, "PERSON"), (5, 7, "PERSON"), (11, 12, "PERSON")])
    mentions = extract_mentions(doc, doc_id="f")
    assert mentions["entity"].tolist() == ["Donald J. Trump"] * 3


def test_hyphenated_compounds_and_untagged_repeats_are_counted(nlp):
    doc = nlp("The U.S.-China talks began in Geneva. Officials from China and the U.S. attended.")
    mentions = extract_mentions(doc, doc_id="g")
    assert counts(mentions) == {"China": 2, "United States": 2, "Geneva": 1}
    compound = mentions[mentions["start"] < 20]
    assert compound["text"].tolist() == ["U.S.", "China"]
    assert compound["start"].tolist() == [4, 9]


def test_labels_select_what_is_returned(nlp):
    mentions = extract_mentions(nlp(TRUMP), doc_id="c", labels=["PERSON"])
    assert mentions["entity"].tolist() == ["Donald Trump"] * 3
    assert extract_mentions(nlp(TRUMP), doc_id="c", labels=["GPE"])["entity"].tolist() == ["Ohio"]


def test_user_alias_file_extends_the_builtin_table(nlp, tmp_path):
    alias_file = tmp_path / "aliases.tsv"
    alias_file.write_text("# mine\nZelensky\tVolodymyr Zelenskyy\tPERSON\n", encoding="utf-8")
    aliases = load_aliases(alias_file)
    assert aliases["Zelensky"].canonical == "Volodymyr Zelenskyy"
    assert aliases["Kiev"].canonical == "Kyiv"
    doc = nlp("Volodymyr Zelenskyy thanked allies. Zelensky also met Rubio.")
    doc = entity_for(doc, [(0, 2, "PERSON"), (5, 6, "PERSON"), (8, 9, "PERSON")])
    mentions = extract_mentions(doc, doc_id="h", aliases=aliases)
    assert mentions["entity"].tolist() == ["Volodymyr Zelenskyy", "Volodymyr Zelenskyy", "Rubio"]
    with pytest.raises(ValueError, match="alias line 1"):
        bad = tmp_path / "bad.tsv"
        bad.write_text("only-one-field\n", encoding="utf-8")
        load_aliases(bad)


# --- normalisation on constructed spans (independent of what the NER tags) ----------------------


def test_normalise_strips_determiner_possessive_quotes_and_dash_tail(nlp):
    doc = nlp("Strikes hit Kyiv\u2014just as “the European Union’s” envoys met.")
    kyiv = normalise_span(Span(doc, 2, 5, label="GPE"))
    assert (doc.text[kyiv.start : kyiv.end], kyiv.name) == ("Kyiv", "Kyiv")
    first, last = 6, next(t.i for t in doc if t.text == "envoys")
    union = normalise_span(Span(doc, first, last, label="ORG"))
    assert doc.text[union.start : union.end] == "European Union"


def test_normalise_moves_titles_to_the_role_and_drops_bare_titles(nlp):
    doc = nlp("Former Prime Minister Boris Johnson met Gen. Mark Milley and the Prime Minister.")
    johnson = normalise_span(Span(doc, 0, 5, label="PERSON"))
    assert (johnson.name, johnson.role) == ("Boris Johnson", "Former Prime Minister")
    milley = normalise_span(Span(doc, 6, 9, label="PERSON"))
    assert (milley.name, milley.role) == ("Mark Milley", "Gen.")
    assert normalise_span(Span(doc, 11, 13, label="ORG")) is None
    assert normalise_span(Span(doc, 12, 13, label="ORG")) is None


def test_curly_and_straight_possessives_give_one_name(nlp):
    doc = nlp("Ana Ruiz\u2019s plan and Ana Ruiz's budget")
    curly = normalise_span(Span(doc, 0, 3, label="PERSON"))
    straight = normalise_span(Span(doc, 5, 8, label="PERSON"))
    assert curly.name == straight.name == "Ana Ruiz"


def test_surname_tagged_org_is_linked_but_a_place_only_when_attributive(nlp):
    doc = nlp("Michael Jordan visited Jordan. Jordan thanked fans, and Jordan's team won.")
    doc = entity_for(doc, [(0, 2, "PERSON"), (3, 4, "GPE"), (5, 6, "ORG"), (10, 11, "GPE")])
    mentions = extract_mentions(doc, doc_id="i")
    assert list(zip(mentions["entity"], mentions["label"], strict=True)) == [
        ("Michael Jordan", "PERSON"),
        ("Jordan", "GPE"),
        ("Michael Jordan", "PERSON"),
        ("Michael Jordan", "PERSON"),
    ]


def test_titles_file_is_read_as_token_tuples():
    titles = load_titles(["Chief Rabbi"])
    assert ("secretary", "of", "state") in titles
    assert ("chief", "rabbi") in titles
    assert ("vice", "-", "president") in titles


# --- corpus tables ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_mentions(nlp):
    passages = {"a": ZELENSKYY_RUBIO, "b": UNITED_STATES, "c": TRUMP, "d": TWO_MARIAS}
    return pd.concat(
        [extract_mentions(nlp(text), doc_id=doc_id) for doc_id, text in passages.items()],
        ignore_index=True,
    )


def test_entities_merge_across_documents_by_canonical_name(corpus_mentions):
    table = entity_table(corpus_mentions)
    assert list(table.columns) == ["entity", "label", "mentions", "documents", "aliases"]
    kyiv = table[table["entity"] == "Kyiv"].iloc[0].tolist()
    assert kyiv == ["Kyiv", "GPE", 2, 2, "Kiev | Kyiv"]
    assert table["entity"].tolist()[:3] == ["United States", "Donald Trump", "Volodymyr Zelenskyy"]
    assert entity_table(corpus_mentions, min_mentions=2)["entity"].tolist() == [
        "United States",
        "Donald Trump",
        "Volodymyr Zelenskyy",
        "Kyiv",
        "Marco Rubio",
        "Maria Chen",
        "Maria Lopez",
    ]


def test_alias_audit_table_lists_each_merged_form(corpus_mentions):
    audit = entity_aliases(corpus_mentions)
    trump = audit[audit["entity"] == "Donald Trump"]
    assert trump[["alias", "mentions", "linked_by"]].values.tolist() == [
        ["Trump", 2, "surname"],
        ["Donald Trump", 1, "name"],
    ]


def test_counts_by_document(corpus_mentions):
    by_document = entity_counts_by_document(corpus_mentions)
    assert by_document[by_document["doc_id"] == "c"].values.tolist() == [
        ["c", "Donald Trump", "PERSON", 3],
        ["c", "Ohio", "GPE", 1],
    ]


def test_cooccurrence_counts_sentences_and_documents(corpus_mentions):
    pairs = cooccurrence(corpus_mentions)
    assert list(pairs.columns) == ["entity_a", "entity_b", "sentences", "documents"]
    rows = {(a, b): (s, d) for a, b, s, d in pairs.values.tolist()}
    assert rows[("Kyiv", "Volodymyr Zelenskyy")] == (1, 1)
    assert rows[("Maria Chen", "Maria Lopez")] == (1, 1)
    assert rows[("Poland", "United States")] == (1, 1)
    assert all(a < b for a, b in rows)
    assert len(rows) == 11
    top = cooccurrence(corpus_mentions, entities=["Marco Rubio", "Paris", "Rome"])
    assert top.values.tolist() == [["Marco Rubio", "Paris", 1, 1], ["Marco Rubio", "Rome", 1, 1]]


def test_mentions_by_period_uses_document_dates(corpus_mentions):
    documents = pd.DataFrame(
        {"doc_id": ["a", "b", "c", "d"], "date": ["2025-07-10", "2025-07-28", "2025-08-02", ""]}
    )
    monthly = mentions_by_period(corpus_mentions, documents)
    assert monthly[monthly["entity"] == "Kyiv"].values.tolist() == [
        ["2025-07", "Kyiv", "GPE", 2, 2]
    ]
    assert set(monthly["period"]) == {"2025-07", "2025-08"}
    undated = documents.assign(date="")
    assert mentions_by_period(corpus_mentions, undated).empty


def test_tables_are_reproducible(nlp, corpus_mentions):
    again = pd.concat(
        [
            extract_mentions(nlp(text), doc_id=doc_id)
            for doc_id, text in {
                "a": ZELENSKYY_RUBIO,
                "b": UNITED_STATES,
                "c": TRUMP,
                "d": TWO_MARIAS,
            }.items()
        ],
        ignore_index=True,
    )
    assert again.equals(corpus_mentions)
    assert entity_table(again).to_csv() == entity_table(corpus_mentions).to_csv()
    assert cooccurrence(again).to_csv() == cooccurrence(corpus_mentions).to_csv()


# --- acceptance on the seed article ---------------------------------------------------------------


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


# --- linking across documents ------------------------------------------------------------------


def test_short_person_names_link_to_the_corpus_full_name(nlp):
    passages = {
        "x": "Donald J. Trump spoke in Ohio. Donald Trump Jr. spoke later.",
        "y": "Obama met Trump in Paris. Barack Obama left.",
        "z": "Ivanka Trump arrived. Maria Lopez met Maria Chen. Maria left early.",
    }
    docs = {doc_id: nlp(text) for doc_id, text in passages.items()}
    # The pipeline misses the bare "Trump" in y: tag it, as a better model would.
    entity_for(docs["y"], [(0, 1, "PERSON"), (2, 3, "PERSON"), (4, 5, "GPE"), (6, 8, "PERSON")])
    mentions = pd.concat(
        [extract_mentions(doc, doc_id=doc_id) for doc_id, doc in docs.items()],
        ignore_index=True,
    )
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
    mentions = pd.concat(
        [extract_mentions(doc, doc_id=doc_id) for doc_id, doc in docs.items()],
        ignore_index=True,
    )
    mentions = mentions[mentions["label"] == "PERSON"]
    linked = link_across_documents(mentions)
    assert counts(linked) == {"Donald Trump": 4, "Ivanka Trump": 1}
    assert linked.loc[linked["doc_id"] == "r", "linked_by"].tolist() == ["corpus"]


# --- spans that swallow a neighbour, acronyms, short forms, titles ------------------------------


def test_person_span_swallowing_an_organisation_is_cut(nlp):
    doc = nlp("Barack Obama left office. Officials in the Obama White House said no.")
    obama = next(t.i for t in doc if t.text == "Obama" and t.i > 2)
    doc = entity_for(doc, [(0, 2, "PERSON"), (obama, obama + 3, "PERSON")])
    mentions = extract_mentions(doc, doc_id="s")
    assert counts(mentions) == {"Barack Obama": 2, "White House": 1}
    cut = mentions[mentions["linked_by"] == "trim"]
    assert cut["text"].tolist() == ["Obama", "White House"]
    assert cut["label"].tolist() == ["PERSON", "ORG"]


def test_organisation_span_starting_with_a_person_is_cut(nlp):
    doc = nlp("Donald Trump spoke on Monday. The Trump Justice Department sued the state.")
    mentions = extract_mentions(doc, doc_id="t")
    assert counts(mentions) == {"Donald Trump": 2, "Justice Department": 1}


ACRONYM = (
    "The Federal Emergency Management Agency (FEMA) sent teams to Texas. Local officials"
    " said FEMA arrived late, and FEMA staff stayed for weeks."
)


def test_acronym_defined_in_the_article_is_the_organisation(nlp):
    mentions = extract_mentions(nlp(ACRONYM), doc_id="u")
    assert counts(mentions)["Federal Emergency Management Agency"] == 4
    assert "FEMA" not in set(mentions["entity"])
    assert "acronym" in set(mentions["linked_by"])


def test_last_word_of_one_organisation_is_that_organisation(nlp):
    doc = nlp("The Denver Post endorsed her. The Post later said the race was close.")
    doc = entity_for(doc, [(0, 3, "ORG"), (7, 8, "ORG")])
    mentions = extract_mentions(doc, doc_id="v")
    assert mentions["entity"].tolist() == ["Denver Post", "Denver Post"]
    assert mentions["linked_by"].tolist() == ["name", "short_form"]


def test_untagged_name_after_a_title_is_a_person(nlp):
    doc = entity_for(nlp("Critics said the plan would anger President Trump."), [])
    mentions = extract_mentions(doc, doc_id="w")
    assert mentions[["text", "entity", "label", "role"]].values.tolist() == [
        ["Trump", "Trump", "PERSON", "President"]
    ]


@pytest.mark.parametrize(
    ("text", "spans", "dropped"),
    [
        ("Sen. Amy Klobuchar (D-Minn.) spoke.", [(1, 3, "PERSON"), (4, 7, "ORG")], "D-Minn."),
        ("They chased antifa groups downtown.", [(2, 3, "PERSON")], "antifa"),
        ("Labor Secretary Alexander Acosta spoke.", [(0, 1, "ORG"), (2, 4, "PERSON")], "Labor"),
    ],
)
def test_party_tags_lowercase_people_and_title_heads_are_not_entities(nlp, text, spans, dropped):
    mentions = extract_mentions(entity_for(nlp(text), spans), doc_id="x")
    assert dropped not in set(mentions["text"])


def test_surnames_of_the_article_are_counted_when_the_tagger_misses_them(nlp):
    text = "Jeff Flake spoke first. Critics said the spotlight would shine on Flake, who left."
    doc = entity_for(nlp(text), [(0, 2, "PERSON")])
    mentions = extract_mentions(doc, doc_id="y")
    assert counts(mentions) == {"Jeff Flake": 2}
    assert mentions["linked_by"].tolist() == ["name", "repeat"]


# --- corpus-level evidence (pure function over a mentions table) -------------------------------


def mention_rows(rows: list[tuple]) -> pd.DataFrame:
    """A mentions table from ``(doc_id, text, entity, label, linked_by)`` rows."""
    return pd.DataFrame(
        [
            (doc_id, 0, 0, len(text), text, entity, label, "", label, linked_by)
            for doc_id, text, entity, label, linked_by in rows
        ],
        columns=MENTION_COLUMNS,
    )


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


# --- the gold set ----------------------------------------------------------------------------------


def test_gold_labels_point_at_names_in_the_corpus(shared_dir):
    import gzip
    import json

    labels = pd.read_csv(Path(__file__).parent / "data" / "entities" / "labels.csv")
    splits = labels.groupby("split")["article_id"].nunique().to_dict()
    assert splits["dev"] >= 10 and splits["test"] >= 18
    assert not set(labels.loc[labels["split"] == "dev", "article_id"]) & set(
        labels.loc[labels["split"] == "test", "article_id"]
    )
    assert set(labels["label"]) == {"PERSON", "ORG", "GPE"}
    wanted = set(labels["article_id"])
    texts = {}
    path = shared_dir / "corpora" / "allsides_baly2020" / "articles.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["id"] in wanted:
                texts[row["id"]] = row["text"]
    assert set(texts) == wanted
    for row in labels.itertuples():
        mention = texts[row.article_id][row.start : row.end]
        assert mention == mention.strip() and mention[:1].isalnum(), row
    spans = labels.sort_values(["article_id", "start"])
    overlaps = spans.groupby("article_id").apply(
        lambda g: (g["start"].to_numpy()[1:] < g["end"].to_numpy()[:-1]).any(),
        include_groups=False,
    )
    assert not overlaps.any()


# --- junk the tagger reads as people --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        # Hover text glued after a linked name: cut where the first name comes back.
        ("Today Bernie Sanders Bernie Sanders2020 spoke.", (1, 5), ("Bernie Sanders", "PERSON")),
        ("Adviser Thom Tillis Thomas Roland Tillis voted.", (1, 6), ("Thom Tillis", "PERSON")),
        # A surname glued to the next headline word.
        ("Then Jason FurmanEconomy answered.", (1, 3), ("Jason Furman", "PERSON")),
        # A name ending like an organisation is one.
        ("Then House & Senate leaders met.", (1, 4), ("House & Senate", "ORG")),
        # A show or an award is not a person, nor a company-form suffix.
        ("He loved the Larry Sanders Show on cable.", (3, 6), None),
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


def test_nicknames_and_middle_initials_are_one_person_across_documents():
    rows = [(d, "Joseph R. Biden", "Joseph R. Biden", "PERSON", "name") for d in "ab"]
    rows += [("c", "Joe Biden", "Joe Biden", "PERSON", "name")]
    rows += [(d, "William Barr", "William Barr", "PERSON", "name") for d in "de"]
    rows += [("f", "Bill Barr", "Bill Barr", "PERSON", "name")]
    rows += [("g", "Donald J. Trump", "Donald J. Trump", "PERSON", "name")] * 3
    rows += [("h", "Donald John Trump", "Donald John Trump", "PERSON", "name")]
    # A different first name is a different person, so is a different middle initial.
    rows += [("i", "Jill Biden", "Jill Biden", "PERSON", "name")]
    rows += [("j", "George H. W. Bush", "George H. W. Bush", "PERSON", "name")] * 5
    rows += [("k", "George W. Bush", "George W. Bush", "PERSON", "name")]
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
    }


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
