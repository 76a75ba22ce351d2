"""The word lists: reporting verbs extendable by the user, the others read from the
package's data files."""

from __future__ import annotations

import pytest
from newslens.quotes import lexicon, load_reporting_verbs
from quotes_testing import quotes_of


def test_reporting_verbs_are_extendable(nlp, tmp_path):
    verbs = load_reporting_verbs()
    assert "indirect" in verbs["say"] and "fret" not in verbs
    extra = tmp_path / "verbs.txt"
    extra.write_text("# local additions\nfret indirect\n", encoding="utf-8")
    text = "Critic Ann Vale fretted the film was too long."
    assert quotes_of(nlp, text) == []
    assert quotes_of(nlp, text, reporting_verbs=load_reporting_verbs(extra)) == [
        ("the film was too long", "indirect", "fretted", "Ann Vale", "Ann Vale")
    ]


def test_extra_lines_extend_the_verbs_and_their_flags():
    assert "indirect" not in load_reporting_verbs()["muse"]
    verbs = load_reporting_verbs(extra=["muse indirect  # a comment", "harrumph"])
    assert verbs["muse"] == frozenset({"indirect"})
    assert verbs["harrumph"] == frozenset()
    assert "indirect" in verbs["say"]


# (word list, a word it holds, a word it does not)
WORD_LISTS = [
    pytest.param(lexicon.speech_nouns, "claim", "table", id="speech_nouns"),
    pytest.param(lexicon.statement_verbs, "issue", "eat", id="statement_verbs"),
    pytest.param(lexicon.source_nouns, "administration", "criticism", id="source_nouns"),
    pytest.param(lexicon.outlet_nouns, "agency", "minister", id="outlet_nouns"),
    pytest.param(lexicon.title_cues, "film", "minister", id="title_cues"),
    pytest.param(lexicon.naming_participles, "so-called", "said", id="naming_participles"),
    pytest.param(lexicon.naming_verbs, "brand", "say", id="naming_verbs"),
    pytest.param(lexicon.introducing_verb_forms, "saying", "say", id="introducing_verb_forms"),
    pytest.param(lexicon.unnamed_source_nouns, "officials", "minister", id="unnamed_sources"),
]


@pytest.mark.parametrize(("load", "word", "other"), WORD_LISTS)
def test_word_lists_are_read_from_the_data_files(load, word, other):
    words = load()
    assert word in words and other not in words
    assert all(w == w.lower() and w.strip() == w and "#" not in w for w in words)
