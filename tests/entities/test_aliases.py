"""The alias table and the titles (newslens.entities.aliases, newslens.entities.titles)."""

from __future__ import annotations

import pytest
from entity_passages import entity_for
from newslens.entities import extract_mentions, load_aliases, load_titles


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


def test_titles_file_is_read_as_token_tuples():
    titles = load_titles(["Chief Rabbi"])
    assert ("secretary", "of", "state") in titles
    assert ("chief", "rabbi") in titles
    assert ("vice", "-", "president") in titles


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        # Outlets and groups the tagger often reads as people are organisations.
        ("As Wapo notes, the program stalled.", (1, 2), ("Washington Post", "ORG")),
        ("He wrote in the Federalist on Monday.", (4, 5), ("Federalist", "ORG")),
        ("Boko Haram fighters attacked the town.", (0, 2), ("Boko Haram", "ORG")),
        ("Cambridge Analytica harvested the data.", (0, 2), ("Cambridge Analytica", "ORG")),
        # US federal departments and programmes under one name however the text writes them.
        (
            "The Health and Human Services Department met.",
            (1, 6),
            ("Department of Health and Human Services", "ORG"),
        ),
        ("Veterans Affairs officials met.", (0, 2), ("Department of Veterans Affairs", "ORG")),
        # Advocacy groups and agencies known by their acronyms, however the tagger reads them.
        ("The NRA spent millions.", (1, 2), ("National Rifle Association", "ORG")),
        ("The ACLU sued the city.", (1, 2), ("American Civil Liberties Union", "ORG")),
        ("FEMA sent trucks.", (0, 1), ("Federal Emergency Management Agency", "ORG")),
        ("The story ran in McClatchy papers.", (4, 5), ("McClatchy", "ORG")),
        ("Many Mainers voted early.", (1, 2), ("Mainers", "NORP")),
        # Places the tagger often reads as an organisation are places.
        ("The attack in Benghazi killed four.", (3, 4), ("Benghazi", "GPE")),
        ("South Bend voters went to the polls.", (0, 2), ("South Bend", "GPE")),
    ],
)
def test_builtin_aliases_name_and_label_organisations(nlp, text, span, expected):
    doc = entity_for(nlp(text), [(span[0], span[1], "PERSON")])
    mentions = extract_mentions(doc, doc_id="o")
    assert list(zip(mentions["entity"], mentions["label"], strict=True)) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Deferred Action for Childhood Arrivals began in 2012.", "DACA"),
        ("Senators voted to expand Medicaid in Ohio.", "Medicaid"),
        ("The TPP was signed by twelve countries.", "Trans-Pacific Partnership"),
    ],
)
def test_programmes_and_treaties_are_laws_not_organisations(nlp, text, expected):
    assert "ORG" not in set(extract_mentions(nlp(text), doc_id="l")["label"])
    laws = extract_mentions(nlp(text), doc_id="l", labels=["LAW"])
    assert laws["entity"].tolist() == [expected]


def test_an_agency_the_tagger_cuts_at_and_is_one_organisation(nlp):
    text = "The Centers for Medicare and Medicaid Services issued rules. CMS said so."
    mentions = extract_mentions(nlp(text), doc_id="c")
    assert mentions["entity"].tolist() == ["Centers for Medicare and Medicaid Services"] * 2


def test_an_alias_written_in_capitals_and_left_untagged_is_found(nlp):
    text = "The senator spoke on Fox News on Monday.\n\nCLICK HERE TO GET THE FOX NEWS APP"
    mentions = extract_mentions(nlp(text), doc_id="k")
    assert mentions["text"].tolist() == ["Fox News", "FOX NEWS"]
    assert set(mentions["entity"]) == {"Fox News"}


def test_an_alias_in_capitals_on_a_line_of_its_own_counts_once(nlp):
    # A byline's outlet in capitals, untagged: one mention, not one per rule that finds it.
    text = "Ann Tell\n\nUSA TODAY\n\nThe storm hit the coast. USA Today said so."
    mentions = extract_mentions(nlp(text), doc_id="b", labels=["ORG"])
    assert mentions["text"].tolist() == ["USA TODAY", "USA Today"]


def test_the_capitals_names_are_one_place_and_its_district_no_second_mention(nlp):
    # "Washington, D.C." is one place: the tagger's "D.C." after "Washington," is no mention
    # of its own, and "DC" or "the District of Columbia" elsewhere is the same city.
    doc = nlp("He lives in Washington, D.C., and works in DC. The District of Columbia sued.")
    mentions = extract_mentions(doc, doc_id="w")
    assert mentions["entity"].tolist() == ["Washington"] * 3
    assert set(mentions["label"]) == {"GPE"}
