"""Quote attribution on passages written for each pattern, on the seed article, and a floor
on the PolNeAR dev split (allowed for tuning)."""

from __future__ import annotations

import json

import pytest
from newslens.quotes import (
    EXTRA_COLUMNS,
    QUOTE_COLUMNS,
    extract_quotes,
    find_quotations,
    load_reporting_verbs,
)

from tests.conftest import SEEDS


def quotes_of(nlp, text: str, **options) -> list[tuple]:
    """(quote, kind, cue, speaker, speaker_entity) per row, checking offsets on the way."""
    frame = extract_quotes(nlp(text), doc_id="t", **options)
    for row in frame.itertuples(index=False):
        assert text[row.start : row.end] == row.quote
        if row.speaker_start is not None and str(row.speaker_start) != "<NA>":
            assert text[int(row.speaker_start) : int(row.speaker_end)] == row.speaker or (
                text[int(row.speaker_start) : int(row.speaker_end)].startswith(row.speaker)
            )
    return [(r.quote, r.kind, r.cue, r.speaker, r.speaker_entity) for r in frame.itertuples()]


def test_columns_follow_the_contract(nlp):
    frame = extract_quotes(nlp('"We will rebuild," she said.'), doc_id="d1")
    assert list(frame.columns) == QUOTE_COLUMNS + EXTRA_COLUMNS
    assert frame.loc[0, "sentence_id"] == 0
    assert frame.loc[0, "quote_id"] == 0


def test_full_quote_with_pronoun_speaker(nlp):
    text = 'Maria Lopez runs the bakery on Elm Street. "We will rebuild by spring," she said.'
    assert quotes_of(nlp, text) == [
        ('"We will rebuild by spring,"', "direct", "said", "she", "Maria Lopez")
    ]


def test_colon_introduced_quote(nlp):
    text = 'The mayor, Tom Becker, spoke on Monday. He said: "The bridge will reopen in May."'
    assert quotes_of(nlp, text) == [
        ('"The bridge will reopen in May."', "direct", "said", "He", "Tom Becker")
    ]


def test_multi_paragraph_quote_is_one_quote_with_a_fragment_per_paragraph(nlp):
    text = (
        "Ana Ruiz described the flood.\n\n"
        '"The water came in at night. We lost everything.\n\n'
        '"But we are still here," Ruiz said.'
    )
    frame = extract_quotes(nlp(text), doc_id="t")
    assert len(frame) == 1
    row = frame.iloc[0]
    assert (row.start, row.end) == (31, 105)
    assert row.fragments == "31-79;81-105"
    assert (row.kind, row.cue, row.speaker, row.speaker_entity) == (
        "direct",
        "said",
        "Ruiz",
        "Ana Ruiz",
    )


def test_partial_quote_governed_by_urged(nlp):
    text = 'Prime Minister Jane Holt urged allies to "act faster" on aid.'
    assert quotes_of(nlp, text) == [('"act faster"', "partial", "urged", "Jane Holt", "Jane Holt")]


def test_partial_quote_described_as(nlp):
    text = 'Senator Paul Grant described the meeting as "frank".'
    assert quotes_of(nlp, text) == [('"frank"', "partial", "described", "Paul Grant", "Paul Grant")]


def test_according_to(nlp):
    text = "The talks will resume next week, according to Foreign Minister Lina Berg."
    assert quotes_of(nlp, text) == [
        ("The talks will resume next week", "indirect", "according", "Lina Berg", "Lina Berg")
    ]


def test_title_speaker_resolves_to_the_person_named_before(nlp):
    text = (
        "Energy Minister Olga Petrenko visited the plant on Friday. "
        '"The grid is stable and the repairs are finished," the minister said.'
    )
    assert quotes_of(nlp, text) == [
        (
            '"The grid is stable and the repairs are finished,"',
            "direct",
            "said",
            "the minister",
            "Olga Petrenko",
        )
    ]


def test_organisation_speaker(nlp):
    assert quotes_of(nlp, '"The talks were useful," the Kremlin said.') == [
        ('"The talks were useful,"', "direct", "said", "Kremlin", "Kremlin")
    ]


def test_inverted_attribution(nlp):
    assert quotes_of(nlp, '"We want results from this meeting," said Rubio.') == [
        ('"We want results from this meeting,"', "direct", "said", "Rubio", "Rubio")
    ]


def test_curly_marks_and_guillemets(nlp):
    curly = "“We need more trucks at the border,” said Weber."
    assert quotes_of(nlp, curly) == [
        ("“We need more trucks at the border,”", "direct", "said", "Weber", "Weber")
    ]
    guillemets = (
        "The union leader Karl Weber spoke to workers. He said: «We will strike on Monday.»"
    )
    assert quotes_of(nlp, guillemets) == [
        ("«We will strike on Monday.»", "direct", "said", "He", "Karl Weber")
    ]


def test_single_quotes_are_paired_but_apostrophes_are_not(nlp):
    text = "The mayor's aide, Sam Reed, said 'the city's budget is broken' at the meeting."
    assert [(q.start, q.end) for q in find_quotations(text)] == [(33, 62)]
    assert quotes_of(nlp, text) == [
        ("'the city's budget is broken'", "direct", "said", "Sam Reed", "Sam Reed")
    ]
    assert find_quotations("The leaders' plan won't change Rome's mind.") == []


def test_titles_and_scare_quotes_are_skipped_with_a_reason(nlp):
    text = (
        'She starred in the film "Silent River" last year. '
        'The so-called "peace plan" has few supporters.'
    )
    assert quotes_of(nlp, text) == []
    skipped = extract_quotes(nlp(text), doc_id="t", skipped=True)
    assert list(skipped["quote"]) == ['"Silent River"', '"peace plan"']
    assert list(skipped["kind"]) == ["", ""]
    assert skipped.loc[0, "debug"].startswith("skipped: title or name: follows 'film'")
    assert skipped.loc[1, "debug"].startswith("skipped: title or name: follows 'so-called'")


def test_nested_quote_stays_inside_the_outer_one(nlp):
    text = "\"He told me 'never again,' and I believed him,\" said Mark Olsen."
    assert quotes_of(nlp, text) == [
        (
            "\"He told me 'never again,' and I believed him,\"",
            "direct",
            "said",
            "Mark Olsen",
            "Mark Olsen",
        )
    ]


def test_indirect_speech_from_a_clausal_complement(nlp):
    text = "Health Minister Sara Moss said the hospitals had run out of fuel."
    assert quotes_of(nlp, text) == [
        ("the hospitals had run out of fuel", "indirect", "said", "Sara Moss", "Sara Moss")
    ]
    assert quotes_of(nlp, text, kinds=["direct", "partial"]) == []


def test_indirect_speech_is_not_taken_from_a_negated_or_unlisted_verb(nlp):
    text = "Sara Moss did not say the hospitals had run out of fuel. Sara Moss hoped the war would end."
    assert quotes_of(nlp, text) == []


def test_quote_interrupted_by_its_attribution_gives_two_quotes(nlp):
    text = '"We are ready," Governor Ellen Park said, "and we will not wait."'
    assert quotes_of(nlp, text) == [
        ('"We are ready,"', "direct", "said", "Ellen Park", "Ellen Park"),
        ('"and we will not wait."', "direct", "said", "Ellen Park", "Ellen Park"),
    ]


def test_reporting_verbs_are_extendable(nlp, tmp_path):
    verbs = load_reporting_verbs()
    assert "indirect" in verbs["say"] and "opine" not in verbs
    extra = tmp_path / "verbs.txt"
    extra.write_text("# local additions\nopine indirect\n", encoding="utf-8")
    text = "Critic Ann Vale opined the film was too long."
    assert quotes_of(nlp, text) == []
    assert quotes_of(nlp, text, reporting_verbs=load_reporting_verbs(extra)) == [
        ("the film was too long", "indirect", "opined", "Ann Vale", "Ann Vale")
    ]


def test_same_text_gives_the_same_rows(nlp):
    text = (SEEDS / "kyiv-strikes-rome-recovery-conference.txt").read_text(encoding="utf-8")
    first = extract_quotes(nlp(text), doc_id="seed").to_csv(index=False)
    assert extract_quotes(nlp(text), doc_id="seed").to_csv(index=False) == first


def test_seed_article_every_quote_and_speaker(nlp):
    """Read from the article: every quoted span, its speaker and the one reported clause;
    "he declared" is Zelenskyy, the Kremlin speaks as an organisation."""
    text = (SEEDS / "kyiv-strikes-rome-recovery-conference.txt").read_text(encoding="utf-8")
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


def test_polnear_dev_floor(nlp, shared_dir):
    """A floor just below what the rules reach on the first 30 PolNeAR dev articles
    (direct and partial quotes, fragments split, quote+speaker F1)."""
    import importlib.util
    import sys

    bench = shared_dir / "benchmarks"
    sys.path.insert(0, str(bench))
    spec = importlib.util.spec_from_file_location("score_quotes", bench / "score_quotes.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    lines = (bench / "polnear" / "polnear_dev.jsonl").read_text(encoding="utf-8").splitlines()
    gold = [json.loads(line) for line in lines[:30]]
    predictions = []
    for record, doc in zip(gold, nlp.pipe(g["text"] for g in gold), strict=True):
        frame = extract_quotes(doc, doc_id=record["doc_id"])
        quotes = []
        for row in frame.itertuples(index=False):
            for piece in row.fragments.split(";"):
                start, end = (int(x) for x in piece.split("-"))
                has_span = str(row.speaker_start) != "<NA>"
                quotes.append(
                    {
                        "quote_start": start,
                        "quote_end": end,
                        "speaker": row.speaker_entity or row.speaker or None,
                        "speaker_start": int(row.speaker_start) if has_span else None,
                        "speaker_end": int(row.speaker_end) if has_span else None,
                    }
                )
        predictions.append({"doc_id": record["doc_id"], "quotes": quotes})
    result = scorer.score(
        gold, predictions, {"direct", "partial"}, 0.5, split_frags=True, partial_fragment=True
    )
    assert result["overlap"]["f1"] >= FLOOR_SPAN
    assert result["attr"]["f1"] >= FLOOR_ATTRIBUTION


FLOOR_SPAN = 0.87  # measured 0.891
FLOOR_ATTRIBUTION = 0.78  # measured 0.805


if __name__ == "__main__":
    pytest.main([__file__])
