"""Lexicon files (newslens.framing.lexicons): terms, parts of speech, weights, entity slots,
and the errors that name the problem."""

from __future__ import annotations

import pytest
from framing_passages import write
from newslens.framing import LexiconError, builtin_lexicon_path, load_lexicons, read_lexicon


def test_read_lexicon_parses_lemmas_pos_weights_and_entity_slots(tmp_path):
    path = write(
        tmp_path / "humanitarian.txt",
        "# comment line\n\nfood aid   # a comment after a term\nconvoy/NOUN 0.5\n"
        "anti-aircraft 0.25\ndonate [MONEY]\nconvoy/NOUN 0.75\n",
    )
    lexicon = read_lexicon(path)
    assert lexicon.frame == "humanitarian"
    terms = {t.term: t for t in lexicon.terms}
    assert list(terms) == ["food aid", "anti-aircraft", "donate [MONEY]", "convoy/NOUN"]
    assert terms["food aid"].tokens == (("food", None), ("aid", None))
    assert terms["food aid"].weight == 1.0
    assert terms["convoy/NOUN"].tokens == (("convoy", "NOUN"),)
    assert terms["convoy/NOUN"].weight == 0.75  # repeated: the last weight wins
    assert terms["anti-aircraft"].tokens == (("anti", None), ("-", None), ("aircraft", None))
    assert terms["donate [MONEY]"].tokens == (("donate", None), ("[ENT]", "MONEY"))


@pytest.mark.parametrize(
    ("content", "message"),
    [("kill -1\n", "weight"), ("# only a comment\n", "no terms"), ("0.5\n", "without a term")],
)
def test_read_lexicon_rejects_bad_files_naming_the_problem(tmp_path, content, message):
    with pytest.raises(LexiconError, match=message):
        read_lexicon(write(tmp_path / "bad.txt", content))


def test_builtin_lexicons_load_and_extra_frames_must_be_new(tmp_path):
    lexicons = load_lexicons()
    assert [x.frame for x in lexicons] == ["destruction", "reconstruction"]
    assert builtin_lexicon_path("destruction").name == "destruction.txt"
    assert len(lexicons[0]) > 50 and len(lexicons[1]) > 30
    with pytest.raises(LexiconError, match="already defined"):
        load_lexicons(extra=[write(tmp_path / "destruction.txt", "kill\n")])
