"""newslens.corpus.document: a document's hash and word count."""

from __future__ import annotations

from newslens.corpus import Document, text_sha256


def test_document_hash_is_of_the_text():
    document = Document(doc_id="d", text="Two words.")
    assert document.sha256 == text_sha256("Two words.")
    assert document.words == 2
