"""newslens.corpus: every input format, ids, hashes, duplicates, and every error."""

from __future__ import annotations

import gzip
import json
import warnings

import pandas as pd
import pytest
from newslens.corpus import CorpusError, Document, load_documents, read_corpus, text_sha256

ARTICLE = (
    "Engineers restored power to the northern district on Monday, the utility said.\n\n"
    "Crews worked through the night to repair two substations damaged by the storm."
)
SECOND = "The council approved a budget for new schools. Construction starts in spring."

HTML_PAGE = f"""<!DOCTYPE html><html><head><title>Power restored in the north</title>
<meta property="og:site_name" content="Example Herald"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article><h1>Power restored in the north</h1>
<p>{ARTICLE.split(chr(10) * 2)[0]}</p><p>{ARTICLE.split(chr(10) * 2)[1]}</p>
<p>Residents said the outage had lasted almost four days and that heating had failed in
several apartment blocks during the coldest week of the year.</p></article>
<footer>Copyright Example Herald. All rights reserved. Subscribe to our newsletter.</footer>
</body></html>"""


def test_text_file_gets_id_from_name_and_sha256(tmp_path):
    path = tmp_path / "power-restored.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [document] = load_documents(path)
    assert document.doc_id == "power-restored"
    assert document.text == ARTICLE
    assert document.sha256 == text_sha256(ARTICLE)
    assert document.words == 25


def test_encodings_are_detected(tmp_path):
    text = "Le maire a déclaré que la reconstruction du théâtre coûterait cher à la ville."
    (tmp_path / "latin1.txt").write_bytes(text.encode("latin-1"))
    (tmp_path / "bom.md").write_bytes(b"\xef\xbb\xbf" + text.upper().encode("utf-8"))
    (tmp_path / "crlf.txt").write_bytes(b"First line.\r\nSecond\xc2\xa0line.")
    by_id = {d.doc_id: d for d in load_documents(tmp_path)}
    assert by_id["latin1"].text == text
    assert by_id["bom"].text == text.upper()  # the BOM is not part of the text
    assert by_id["crlf"].text == "First line.\nSecond line."


def test_html_is_reduced_to_the_article(tmp_path):
    (tmp_path / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    [document] = load_documents(tmp_path / "page.html")
    assert "Engineers restored power" in document.text
    assert "substations damaged by the storm" in document.text
    assert "Subscribe" not in document.text and "Home" not in document.text
    assert document.title == "Power restored in the north"


def test_csv_table_with_and_without_ids(tmp_path):
    frame = pd.DataFrame(
        {
            "id": ["a1", "a2"],
            "title": ["Power", "Schools"],
            "date": ["2024-01-02", ""],
            "source": ["Herald", "Gazette"],
            "url": ["https://example.org/1", ""],
            "text": [ARTICLE, SECOND],
        }
    )
    frame.to_csv(tmp_path / "with_ids.csv", index=False)
    docs = load_documents(tmp_path / "with_ids.csv")
    assert [d.doc_id for d in docs] == ["a1", "a2"]
    assert docs[0].title == "Power" and docs[0].date == "2024-01-02"
    assert docs[1].date is None and docs[1].url is None
    assert docs[1].text == SECOND

    frame.drop(columns=["id"]).to_csv(tmp_path / "batch.csv", index=False)
    assert [d.doc_id for d in load_documents(tmp_path / "batch.csv")] == ["batch:1", "batch:2"]


def test_jsonl_parquet_and_gzip_tables(tmp_path):
    rows = [{"id": "x", "text": ARTICLE, "source": "Herald"}, {"id": "y", "text": SECOND}]
    lines = "\n".join(json.dumps(r) for r in rows) + "\n"
    (tmp_path / "a.jsonl").write_text(lines, encoding="utf-8")
    with gzip.open(tmp_path / "b.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(lines)
    pd.DataFrame(rows).to_parquet(tmp_path / "c.parquet")
    pd.DataFrame(rows).to_csv(tmp_path / "d.csv.gz", index=False)
    for name in ("a.jsonl", "b.jsonl.gz", "c.parquet", "d.csv.gz"):
        docs = load_documents(tmp_path / name)
        assert [(d.doc_id, d.text) for d in docs] == [("x", ARTICLE), ("y", SECOND)], name
        assert docs[0].source == "Herald"


def test_folder_and_glob_are_sorted_and_recursive(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text(SECOND, encoding="utf-8")
    (tmp_path / "sub" / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"ignored: not a supported type")
    assert [d.doc_id for d in read_corpus(tmp_path)] == ["b", "sub/a"]
    assert [d.doc_id for d in read_corpus(str(tmp_path / "**" / "*.md"))] == ["a"]


def test_corpus_streams_again_on_each_iteration(tmp_path):
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    corpus = read_corpus(tmp_path)
    assert [d.doc_id for d in corpus] == [d.doc_id for d in corpus] == ["one"]
    assert corpus.validate() == 1


def test_exact_duplicates_are_dropped_with_a_warning(tmp_path):
    (tmp_path / "first.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "second.txt").write_text(ARTICLE + "\n", encoding="utf-8")  # same after strip
    with pytest.warns(UserWarning, match="second.txt: exact duplicate of document 'first'"):
        docs = load_documents(tmp_path)
    assert [d.doc_id for d in docs] == ["first"]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n  ", "empty file"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("garbled.txt", bytes(range(128, 256)) * 4, "unreadable encoding"),
        ("nowords.txt", "-- … !!! ?".encode(), "document has zero words"),
        ("notext.csv", b"id,title\n1,Hello\n", "table has no 'text' column"),
        ("notext.jsonl", b'{"id": "1", "body": "Hello"}\n', "table has no 'text' column"),
        ("badline.jsonl", b'{"text": "Fine words."}\nnot json\n', "line 2 is not JSON"),
        ("emptyrow.csv", b"id,text\n1,\n", "document has zero words"),
        ("page.html", b"<html><body><script>var a = 1;</script></body></html>", "no article text"),
        ("unknown.pdf", b"%PDF-1.4", "unsupported file type"),
    ],
)
def test_bad_inputs_raise_corpus_error_naming_file_and_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CorpusError) as caught:
        load_documents(path)
    message = str(caught.value)
    assert name in message and reason in message
    assert "\n" not in message


def test_parquet_without_text_and_missing_paths(tmp_path):
    pd.DataFrame({"id": ["1"], "body": ["Hello there"]}).to_parquet(tmp_path / "t.parquet")
    with pytest.raises(CorpusError, match=r"t\.parquet: table has no 'text' column"):
        load_documents(tmp_path / "t.parquet")
    with pytest.raises(CorpusError, match="does/not/exist: no such file or folder"):
        read_corpus("does/not/exist")
    with pytest.raises(CorpusError, match="glob matches no files"):
        read_corpus(str(tmp_path / "*.txt"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(CorpusError, match="folder holds no readable files"):
        read_corpus(tmp_path / "empty")


def test_duplicate_ids_in_a_table_are_an_error(tmp_path):
    rows = [{"id": "same", "text": ARTICLE}, {"id": "same", "text": SECOND}]
    (tmp_path / "t.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    with pytest.raises(CorpusError, match="duplicate document id 'same'"):
        load_documents(tmp_path / "t.jsonl")


def test_document_hash_is_of_the_text():
    document = Document(doc_id="d", text="Two words.")
    assert document.sha256 == text_sha256("Two words.")
    assert document.words == 2


def test_seed_corpus_reads(tmp_path):
    from conftest import SEEDS

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        docs = load_documents(SEEDS)
    assert len(docs) == 1
    assert docs[0].words > 300


def test_allsides_sample_streams_from_gzip_and_plain_jsonl(shared_dir):
    corpus_dir = shared_dir / "corpora" / "allsides_baly2020"
    plain = load_documents(corpus_dir / "sample_200.jsonl")
    assert len(plain) == 200
    streamed = load_documents(corpus_dir / "articles.jsonl.gz", limit=200)
    assert [(d.doc_id, d.sha256) for d in streamed] == [(d.doc_id, d.sha256) for d in plain]
    assert all(d.source for d in plain)
