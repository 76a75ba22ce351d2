"""newslens.corpus.decoding: every encoding newslens reads, read exactly."""

from __future__ import annotations

import codecs
import json

import pandas as pd
import pytest
from corpus_samples import ENGLISH_CP1252, FRENCH, GREEK, POLISH, RUSSIAN
from newslens.corpus import load_documents


def test_encodings_are_detected(tmp_path):
    text = "Le maire a déclaré que la reconstruction du théâtre coûterait cher à la ville."
    (tmp_path / "latin1.txt").write_bytes(text.encode("latin-1"))
    (tmp_path / "bom.md").write_bytes(b"\xef\xbb\xbf" + text.upper().encode("utf-8"))
    (tmp_path / "crlf.txt").write_bytes(b"First line.\r\nSecond\xc2\xa0line.")
    by_id = {d.doc_id: d for d in load_documents(tmp_path)}
    assert by_id["latin1"].text == text
    assert by_id["bom"].text == text.upper()  # the BOM is not part of the text
    assert by_id["crlf"].text == "First line.\nSecond line."


@pytest.mark.parametrize(
    ("text", "encoding", "prefix"),
    [
        (FRENCH, "utf-8", b""),
        (FRENCH, "utf-8", codecs.BOM_UTF8),
        (FRENCH, "utf-16-le", codecs.BOM_UTF16_LE),
        (FRENCH, "utf-16-be", codecs.BOM_UTF16_BE),
        (FRENCH, "utf-16-le", b""),
        (FRENCH, "utf-16-be", b""),
        (RUSSIAN, "utf-16-le", b""),
        (FRENCH, "utf-32-le", codecs.BOM_UTF32_LE),
        (FRENCH, "utf-32-be", codecs.BOM_UTF32_BE),
        (FRENCH, "utf-32-le", b""),
        (GREEK, "utf-32-be", b""),
        (FRENCH, "latin-1", b""),
        (ENGLISH_CP1252, "cp1252", b""),
        (POLISH, "cp1250", b""),
        (RUSSIAN, "cp1251", b""),
        (GREEK, "cp1253", b""),
    ],
)
def test_text_file_encodings_read_exactly(tmp_path, text, encoding, prefix):
    path = tmp_path / "article.txt"
    path.write_bytes(prefix + text.encode(encoding))
    [document] = load_documents(path)
    assert document.text == text


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_tables_with_a_byte_order_mark(tmp_path, encoding):
    rows = [{"id": "fr", "text": FRENCH}, {"id": "en", "text": ENGLISH_CP1252}]
    jsonl = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    (tmp_path / "t.jsonl").write_bytes(jsonl.encode(encoding))
    pd.DataFrame(rows).to_csv(tmp_path / "t.csv", index=False, encoding=encoding)
    for name in ("t.jsonl", "t.csv"):
        docs = load_documents(tmp_path / name)
        assert [(d.doc_id, d.text) for d in docs] == [("fr", FRENCH), ("en", ENGLISH_CP1252)]


def test_csv_in_cp1252_reads_exactly(tmp_path):
    pd.DataFrame({"text": [ENGLISH_CP1252, FRENCH]}).to_csv(
        tmp_path / "t.csv", index=False, encoding="cp1252"
    )
    assert [d.text for d in load_documents(tmp_path / "t.csv")] == [ENGLISH_CP1252, FRENCH]
