"""newslens.nlp: model resolution, the parse cache, streaming."""

from __future__ import annotations

from pathlib import Path

import pytest
from newslens.corpus import Document
from newslens.nlp import (
    ParseStats,
    doc_bytes,
    load_model,
    model_info,
    parse,
    resolve_model,
)

SEED = Path(__file__).resolve().parents[1] / "seeds" / "kyiv-strikes-rome-recovery-conference.txt"
TEXTS = [
    "The mayor of Lviv said on Tuesday that the bridge would reopen in May.",
    "Aid agencies delivered food to 12,000 families. Roads remain closed.",
    "Firefighters in Kharkiv fought a blaze at a warehouse for six hours.",
]


def _documents(texts=TEXTS):
    return [Document(doc_id=f"d{i}", text=text) for i, text in enumerate(texts)]


def _count_pipe_calls(monkeypatch, nlp):
    """Wrap nlp.pipe to count the texts the model really parses."""
    seen: list[str] = []
    original = nlp.pipe

    def counting_pipe(texts, **kwargs):
        texts = list(texts)
        seen.extend(texts)
        return original(texts, **kwargs)

    monkeypatch.setattr(nlp, "pipe", counting_pipe)
    return seen


def test_default_model_is_the_vendored_en_core_web_md(nlp, monkeypatch):
    monkeypatch.delenv("NEWSLENS_MODEL", raising=False)
    assert model_info(nlp)["name"] == "en_core_web_md"
    assert model_info(nlp)["version"] == "3.8.0"
    assert load_model() is nlp  # loaded once per process
    assert {"parser", "ner", "lemmatizer"} <= set(nlp.pipe_names)


def test_model_choice_from_environment_and_errors(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSLENS_MODEL", str(tmp_path))
    assert resolve_model() == str(tmp_path.resolve())
    with pytest.raises(
        OSError, match="'en_core_web_xx' is neither an installed package nor a folder"
    ):
        resolve_model("en_core_web_xx")


def test_second_parse_of_the_same_text_calls_the_model_zero_times(nlp, monkeypatch, tmp_path):
    calls = _count_pipe_calls(monkeypatch, nlp)
    first_stats, second_stats = ParseStats(), ParseStats()
    first = [
        (d.doc_id, doc.to_json())
        for d, doc in parse(_documents(), nlp=nlp, cache_dir=tmp_path, stats=first_stats)
    ]
    assert len(calls) == 3
    assert (first_stats.parsed, first_stats.cached) == (3, 0)

    second = [
        (d.doc_id, doc.to_json())
        for d, doc in parse(_documents(), nlp=nlp, cache_dir=tmp_path, stats=second_stats)
    ]
    assert len(calls) == 3  # nothing new went through the model
    assert (second_stats.parsed, second_stats.cached) == (0, 3)
    # tokens, lemmas, tags, dependencies, entities and sentences all come back unchanged
    assert second == first


def test_cache_is_keyed_by_text_and_model_version(nlp, monkeypatch, tmp_path):
    calls = _count_pipe_calls(monkeypatch, nlp)
    list(parse(_documents(), nlp=nlp, cache_dir=tmp_path))
    edited = _documents([TEXTS[0], TEXTS[1] + " Schools reopened.", TEXTS[2]])
    stats = ParseStats()
    list(parse(edited, nlp=nlp, cache_dir=tmp_path, stats=stats))
    assert (stats.parsed, stats.cached) == (1, 2)
    assert calls[-1] == TEXTS[1] + " Schools reopened."

    monkeypatch.setitem(nlp.meta, "version", "9.9.9")
    stats = ParseStats()
    list(parse(_documents(), nlp=nlp, cache_dir=tmp_path, stats=stats))
    assert (stats.parsed, stats.cached) == (3, 0)


def test_cache_can_be_disabled(nlp, monkeypatch, tmp_path):
    calls = _count_pipe_calls(monkeypatch, nlp)
    for _ in range(2):
        list(parse(_documents(), nlp=nlp, cache_dir=False))
    assert len(calls) == 6


def test_parse_streams_without_reading_the_whole_corpus(nlp, tmp_path):
    pulled = 0

    def endless():
        nonlocal pulled
        while True:
            pulled += 1
            yield Document(doc_id=f"n{pulled}", text=f"Report number {pulled} was filed in Kyiv.")

    stream = parse(endless(), nlp=nlp, batch_size=2, cache_dir=tmp_path, progress=False)
    document, doc = next(stream)
    assert document.doc_id == "n1" and doc.text == document.text
    assert pulled <= 8  # one window of batch_size * 4 documents, not the whole input
    stream.close()


def test_a_long_text_is_parsed_in_pieces_with_its_offsets(nlp):
    from newslens.nlp import parse_long_text, split_paragraph_chunks

    paragraph = "Aid reached Kharkiv on Monday. The bridge was repaired.\n\n"
    text = paragraph * 40
    pieces = split_paragraph_chunks(text, max_chars=500)
    assert "".join(pieces) == text and all(len(p) <= 500 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])  # cut at paragraph breaks
    doc = parse_long_text(nlp, text, max_chars=500)
    assert doc.text == text and len(list(doc.sents)) == 80
    assert doc[0].is_sent_start and doc.ents[0].text == "Kharkiv"


@pytest.mark.parametrize(
    "text",
    [
        SEED.read_text(encoding="utf-8"),
        "Dr. Ann Lee of the W.H.O. said on Monday: \u201cWe\u2019re rebuilding.\u201d _ --  \n\nok",
        "x",
        "",
    ],
    ids=["seed", "written", "one-token", "empty"],
)
def test_doc_bytes_are_what_docbin_writes(nlp, text):
    """The cache's fast serialisation carries exactly DocBin's message (the same strings,
    arrays and flags; only the zlib level differs), and loads back to the same Doc."""
    import zlib

    import srsly
    from spacy.tokens import DocBin

    doc = nlp(text)
    ours = doc_bytes(doc)
    theirs = DocBin(docs=[doc]).to_bytes()
    assert srsly.msgpack_loads(zlib.decompress(ours)) == srsly.msgpack_loads(
        zlib.decompress(theirs)
    )
    (loaded,) = DocBin().from_bytes(ours).get_docs(nlp.vocab)
    assert loaded.to_json() == doc.to_json()
