"""Term proposal (newslens.framing.terms): related lemmas ranked, lexicons never edited."""

from __future__ import annotations

from newslens.framing import builtin_lexicon_path, propose_terms


def test_propose_terms_ranks_related_lemmas_and_never_edits_lexicons(nlp):
    builtin = builtin_lexicon_path("reconstruction")
    before = builtin.read_bytes()
    docs = list(
        nlp.pipe(
            [
                "Workers repaired the bridge and restored the road. They ate lunch.",
                "Crews repaired the school and restored power. They ate lunch late.",
                "The town rebuilt the market.",
            ]
        )
    )
    table = propose_terms(docs, ["rebuild", "reconstruction"], nlp=nlp, top_n=10, min_count=2)
    assert list(table.columns) == [
        "term",
        "lemma",
        "pos",
        "count",
        "documents",
        "similarity",
        "score",
    ]
    terms = table["term"].tolist()
    assert "rebuild/VERB" not in terms  # seeds are left out; "market" is seen once only
    assert "market/NOUN" not in terms
    assert terms.index("repair/VERB") < terms.index("lunch/NOUN")
    assert table.set_index("term").loc["repair/VERB", "count"] == 2
    assert builtin.read_bytes() == before
