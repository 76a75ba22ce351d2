"""newslens.corpus.text_reader: one article per text file, its id from the file name."""

from __future__ import annotations

import warnings

from conftest import SEEDS
from corpus_samples import ARTICLE
from newslens.corpus import load_documents, text_sha256


def test_text_file_gets_id_from_name_and_sha256(tmp_path):
    path = tmp_path / "power-restored.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [document] = load_documents(path)
    assert document.doc_id == "power-restored"
    assert document.text == ARTICLE
    assert document.sha256 == text_sha256(ARTICLE)
    assert document.words == 25


def test_seed_corpus_reads(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        docs = load_documents(SEEDS)
    assert len(docs) == 1
    assert docs[0].words > 300
