"""extract_quotes on a whole document: the table's contract, the kinds it keeps, speakers
carried from one quote to the next, the seed article read quote by quote, determinism, and a
floor on the PolNeAR dev split (allowed for tuning)."""

from __future__ import annotations

import importlib.util
import json
import sys

import pytest
from conftest import ROOT, SEEDS
from newslens.quotes import EXTRA_COLUMNS, QUOTE_COLUMNS, extract_quotes
from quotes_testing import quotes_of

SEED_ARTICLE = SEEDS / "kyiv-strikes-rome-recovery-conference.txt"


def test_columns_follow_the_contract(nlp):
    frame = extract_quotes(nlp('"We will rebuild," she said.'), doc_id="d1")
    assert list(frame.columns) == QUOTE_COLUMNS + EXTRA_COLUMNS
    assert frame.loc[0, "sentence_id"] == 0
    assert frame.loc[0, "quote_id"] == 0


# (passage, kinds asked for, expected rows: quote, kind, cue, speaker, speaker_entity)
KIND_FILTERS = [
    pytest.param(
        "Health Minister Sara Moss said the hospitals had run out of fuel.",
        ["direct", "partial"],
        [],
        id="indirect-left-out",
    ),
    pytest.param(
        'Prime Minister Jane Holt urged allies to "act faster" on aid.',
        ["partial"],
        [('"act faster"', "partial", "urged", "Jane Holt", "Jane Holt")],
        id="partial-kept",
    ),
]


@pytest.mark.parametrize(("text", "kinds", "expected"), KIND_FILTERS)
def test_kinds_limit_the_rows(nlp, text, kinds, expected):
    assert quotes_of(nlp, text, kinds=kinds) == expected


def test_a_person_introduced_between_quotes_takes_the_next_quote(nlp):
    """A speakerless quote after a sentence about someone new is theirs, not the earlier
    speaker's; without a newcomer it continues the earlier speaker."""
    text = (
        'Tom Becker opened the bakery in the 1990s. "It was a hard time," Becker said.\n\n'
        "His former business partner, Laura Simmons, called him a tireless worker."
        ' "He showed up at four every morning for twenty years."\n\n'
        '"Nobody else could have done it."'
    )
    assert [(speaker, entity) for _, _, _, speaker, entity in quotes_of(nlp, text)] == [
        ("Becker", "Tom Becker"),
        ("Laura Simmons", "Laura Simmons"),
        ("Laura Simmons", "Laura Simmons"),
    ]


def test_an_organisation_introduced_before_a_quote_takes_it(nlp):
    """A speakerless quote after a sentence about an organisation is the organisation's."""
    text = (
        "The council voted on Monday.\n\nThe Riverside Tenants Union criticised the plan in a"
        ' letter to the mayor.\n\n"We will fight this decision in every court we can find."'
    )
    assert [(speaker, entity) for _, _, _, speaker, entity in quotes_of(nlp, text)] == [
        ("The Riverside Tenants Union", "Riverside Tenants Union")
    ]


def test_a_quote_after_a_named_persons_reported_speech_is_theirs(nlp):
    """A speakerless quote right after someone's reported speech continues that speaker,
    not the speaker of the quote before; an unnamed group's report hands nothing on."""
    text = (
        'Simone Perry, a teacher, liked the plan. "It works," Perry said.\n\nJohn Lee, a'
        " blogger in Chicago, said he will not vote for Trump. Also, Trump is not a"
        ' conservative, he said. "He is a liberal!"\n\nDoctors say the clinic needs more'
        ' staff. "The wards are full."'
    )
    rows = quotes_of(nlp, text, kinds=["direct"])
    assert [(quote, entity) for quote, _, _, _, entity in rows] == [
        ('"It works,"', "Simone Perry"),
        ('"He is a liberal!"', "John Lee"),
        ('"The wards are full."', "John Lee"),
    ]


def test_reported_speech_in_a_quotes_attribution_hands_nothing_on(nlp):
    """Reported speech inside the sentence that attributes a quote is an aside: the next
    speakerless quote goes on from the quote's speaker."""
    text = (
        'The two met on Friday. "Your plan is amazing," Ann Vale assured Tom Cross, after'
        ' Cross assured her that most of his members supported the bill. "I will not let you'
        ' down."'
    )
    rows = quotes_of(nlp, text)
    assert [(quote, kind, entity) for quote, kind, _, _, entity in rows] == [
        ('"Your plan is amazing,"', "direct", "Ann Vale"),
        ("that most of his members supported the bill", "indirect", "Tom Cross"),
        ('"I will not let you down."', "direct", "Ann Vale"),
    ]


def test_a_verbless_sentence_after_a_quote_and_its_attribution_goes_on(nlp):
    """A sentence in marks without a verb right after a quote's attribution sentence is the
    same speaker going on; a fragment after a sentence that attributes no quote is not."""
    text = (
        '"This is one of the most impressive things I have seen them do," Weber said. "Maybe'
        ' the only impressive thing."\n\nHe called the plan a "disaster." "A real mess."'
    )
    rows = quotes_of(nlp, text)
    assert [(quote, kind, speaker) for quote, kind, _, speaker, _ in rows] == [
        ('"This is one of the most impressive things I have seen them do,"', "direct", "Weber"),
        ('"Maybe the only impressive thing."', "direct", "Weber"),
        ('"disaster."', "partial", "He"),
    ]


def test_a_fragment_in_the_sentence_after_a_report_goes_on_from_it(nlp):
    """A fragment in marks that nothing in its sentence attributes, in the sentence right
    after a report's attribution, is that speaker's paraphrase going on; a term is not, and
    neither is a fragment two sentences on."""
    text = (
        "The rules are hard to enforce, Ann Vale said. Good records still help, but only when"
        ' "the inspectors read them every week." The council calls it a "clean slate." The'
        ' town now has a "voter power index."\n\nThe levy will rise, Tom Cross said. It was'
        ' late. Work on the "new bridge and the ferry" stopped.'
    )
    rows = quotes_of(nlp, text)
    assert [(quote, kind, entity) for quote, kind, _, _, entity in rows] == [
        ("The rules are hard to enforce", "indirect", "Ann Vale"),
        ('"the inspectors read them every week."', "partial", "Ann Vale"),
        ('"clean slate."', "partial", ""),
        ("The levy will rise", "indirect", "Tom Cross"),
    ]


def test_a_question_put_to_someone_is_not_the_last_speakers(nlp):
    """A quote right after a passive "ask" is a question put to its subject by someone
    unnamed: nobody's, not the speaker of the quote before."""
    text = (
        '"The bridge will open in May," Ann Vale said.\n\nAt the briefing on Monday, Vale'
        ' was asked: "Will the ferry keep running until then?"'
    )
    rows = quotes_of(nlp, text, kinds=["direct"])
    assert [(quote, entity) for quote, _, _, _, entity in rows] == [
        ('"The bridge will open in May,"', "Ann Vale"),
        ('"Will the ferry keep running until then?"', ""),
    ]


def test_same_text_gives_the_same_rows(nlp):
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    first = extract_quotes(nlp(text), doc_id="seed").to_csv(index=False)
    assert extract_quotes(nlp(text), doc_id="seed").to_csv(index=False) == first


def test_seed_article_every_quote_and_speaker(nlp):
    """Read from the article: every quoted span, its speaker and the one reported clause;
    "he declared" is Zelenskyy, the Kremlin speaks as an organisation."""
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    rows = quotes_of(nlp, text)
    assert rows == [
        ("“more actively”", "partial", "urged", "Volodymyr Zelenskyy", "Volodymyr Zelenskyy"),
        ("“flexibility”", "partial", "pressed", "Marco Rubio", "Marco Rubio"),
        ("“frank and important,”", "partial", "described", "Rubio", "Marco Rubio"),
        (
            "that the Trump administration is exploring new sanctions against Moscow amid"
            " growing frustration over stalled peace efforts",
            "indirect",
            "revealing",
            "Rubio",
            "Marco Rubio",
        ),
        ("“bullshit,”", "partial", "accused", "Donald Trump", "Donald Trump"),
        ("“substantive exchange,”", "partial", "characterized", "Kremlin", "Kremlin"),
        ("“dignity and hope”", "partial", "emphasized", "Giorgia Meloni", "Giorgia Meloni"),
        (
            "“Every destroyed house will be rebuilt—but first, we need to stop the destroyer,”",
            "direct",
            "declared",
            "he",
            "Volodymyr Zelenskyy",
        ),
    ]


FLOOR_SPAN = 0.87  # measured 0.891
FLOOR_ATTRIBUTION = 0.78  # measured 0.805


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_polnear_dev_floor(nlp, shared_dir):
    """A floor just below what the rules reach on the first 30 PolNeAR dev articles
    (direct and partial quotes, fragments split, quote+speaker F1), with the rows turned
    into benchmark records as ``benchmarks/quotes_eval.py`` does."""
    bench = shared_dir / "benchmarks"
    sys.path.insert(0, str(bench))
    scorer = _load("score_quotes", bench / "score_quotes.py")
    evaluation = _load("quotes_eval", ROOT / "benchmarks" / "quotes_eval.py")
    lines = (bench / "polnear" / "polnear_dev.jsonl").read_text(encoding="utf-8").splitlines()
    gold = [json.loads(line) for line in lines[:30]]
    predictions = [
        {
            "doc_id": record["doc_id"],
            "quotes": evaluation.benchmark_quotes(extract_quotes(doc, doc_id=record["doc_id"])),
        }
        for record, doc in zip(gold, nlp.pipe(g["text"] for g in gold), strict=True)
    ]
    result = scorer.score(
        gold, predictions, {"direct", "partial"}, 0.5, split_frags=True, partial_fragment=True
    )
    assert result["overlap"]["f1"] >= FLOOR_SPAN
    assert result["attr"]["f1"] >= FLOOR_ATTRIBUTION
