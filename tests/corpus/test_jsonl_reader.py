"""newslens.corpus.jsonl_reader: JSON lines streamed, gzipped or not."""

from __future__ import annotations

from newslens.corpus import load_documents


def test_allsides_sample_streams_from_gzip_and_plain_jsonl(shared_dir):
    corpus_dir = shared_dir / "corpora" / "allsides_baly2020"
    plain = load_documents(corpus_dir / "sample_200.jsonl")
    assert len(plain) == 200
    streamed = load_documents(corpus_dir / "articles.jsonl.gz", limit=200)
    assert [(d.doc_id, d.sha256) for d in streamed] == [(d.doc_id, d.sha256) for d in plain]
    assert all(d.source for d in plain)
