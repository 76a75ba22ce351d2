"""newslens.corpus.stream: folders, globs, duplicates, and every bad input stopped or skipped
with one line naming file, row and reason."""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import random
import re
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from corpus_samples import ARTICLE, SECOND
from hypothesis import given, settings
from hypothesis import strategies as st
from newslens.corpus import CorpusError, CorpusWarning, load_documents, read_corpus


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


def _parquet_bytes(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.to_parquet(buffer)
    return buffer.getvalue()


_GOOD_ROW = b'{"id": "ok", "text": "Fine words about the bridge."}\n'


_JSONL_GZ = gzip.compress(
    "".join(
        json.dumps({"id": f"r{i}", "text": f"Words of row {i}."}) + "\n" for i in range(3000)
    ).encode()
)


# (case, files {name: bytes}, expected message fragment). The corpus is the one file, or
# the folder when there are several. Each message must name the file (and the row or line
# when the problem is in one) and say what is wrong in full, on one line.
BAD_INPUTS = [
    ("empty text file", {"empty.txt": b""}, "empty.txt: empty file"),
    ("blank text file", {"blank.txt": b"  \n\n  \t"}, "blank.txt: empty file"),
    ("BOM and nothing else", {"bom.txt": codecs.BOM_UTF8 + b"  "}, "bom.txt: empty file"),
    (
        "UTF-16 BOM and blanks",
        {"wide.txt": codecs.BOM_UTF16_LE + "  \n".encode("utf-16-le")},
        "wide.txt: empty file",
    ),
    (
        "PNG named .txt",
        {"binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"},
        "binary.txt: binary file (contains NUL bytes), not text",
    ),
    (
        "zip named .md",
        {"archive.md": b"PK\x03\x04\x14\x00\x06\x00" + bytes(64)},
        "archive.md: binary file (contains NUL bytes), not text",
    ),
    (
        "random bytes named .txt",
        {"noise.txt": random.Random(7).randbytes(5000)},
        "noise.txt: binary file (contains NUL bytes), not text",
    ),
    (
        "UTF-8 text with a stray NUL",
        {"stray.txt": b"Fine words about the bridge.\x00 And more words after it."},
        "stray.txt: binary file (contains NUL bytes), not text",
    ),
    (
        "no encoding fits",
        {"garbled.txt": bytes(range(128, 256)) * 4},
        "garbled.txt: unreadable encoding (not UTF-8, UTF-16, UTF-32 or cp1252",
    ),
    (
        "UTF-8 BOM then latin-1 bytes",
        {"liar.txt": codecs.BOM_UTF8 + "Le caf\u00e9 est ferm\u00e9.".encode("latin-1")},
        "liar.txt: not valid UTF-8 although it starts with a UTF-8 byte-order mark"
        " (bad bytes at offset 9)",
    ),
    (
        "punctuation only",
        {"nowords.txt": "-- … !!! ?".encode()},
        "nowords.txt: document has zero words",
    ),
    (
        "file name with a newline and markup",
        {"a\n<b>.txt": b""},
        "a\\u000a<b>.txt: empty file",
    ),
    (
        "CSV without a text column",
        {"notext.csv": b"id,title\n1,Hello\n"},
        "notext.csv: table has no 'text' column (columns: 'id', 'title')",
    ),
    (
        "CSV row with no words",
        {"emptyrow.csv": b"id,text\n1,Fine words here.\n2,\n"},
        "emptyrow.csv, row 2 (line 3): document has zero words",
    ),
    (
        "CSV row with an extra field",
        {"extra.csv": b"id,text\n1,Fine words here.\n2,More words,surplus\n"},
        "extra.csv, row 2 (line 3): has 3 fields but the header has 2",
    ),
    (
        "CSV quoted field never closed",
        {"open.csv": b'id,text\n1,Fine words here.\n2,"never closed\n3,last words\n'},
        "open.csv, row 2 (line 3): a quoted field is not closed before the end of the file",
    ),
    (
        "CSV text after a closing quote",
        {"quote.csv": b'id,text\n1,"Fine" words\n2,More words here.\n'},
        "quote.csv, row 1 (line 2): not valid CSV (',' expected after '\"')",
    ),
    (
        "CSV with NUL bytes",
        {"nul.csv": b"id,text\n1,\x00\x01\x02\x03\n"},
        "nul.csv: binary file (contains NUL bytes), not text",
    ),
    (
        "JSONL without a text field",
        {"notext.jsonl": b'{"id": "1", "body": "Hello"}\n'},
        "notext.jsonl: table has no 'text' column (the first row has: 'id', 'body')",
    ),
    (
        "JSONL line that is not JSON",
        {"badline.jsonl": _GOOD_ROW + b"not json\n"},
        "badline.jsonl, line 2: not valid JSON: Expecting value at column 1",
    ),
    (
        "JSONL raw tab inside a string",
        {"tab.jsonl": _GOOD_ROW + b'{"text": "a\tb"}\n'},
        "tab.jsonl, line 2: not valid JSON: Invalid control character at column 12 (U+0009 TAB)",
    ),
    (
        "JSONL line cut short",
        {"cut.jsonl": _GOOD_ROW + b'{"id": "x", "text": "unfinished\n'},
        "cut.jsonl, line 2: not valid JSON: Unterminated string starting at column 21",
    ),
    (
        "JSONL blank lines before a bad one",
        {"blank.jsonl": _GOOD_ROW + b"\n\n{oops}\n"},
        "blank.jsonl, line 4: not valid JSON: Expecting property name enclosed in double"
        " quotes at column 2",
    ),
    (
        "JSONL row that is a list",
        {"list.jsonl": _GOOD_ROW + b"[1, 2]\n"},
        "list.jsonl, line 2: is a JSON list, not an object",
    ),
    (
        "JSONL row that is null",
        {"null.jsonl": _GOOD_ROW + b"null\n"},
        "null.jsonl, line 2: is a JSON null, not an object",
    ),
    (
        "JSONL text that is a list",
        {"textlist.jsonl": _GOOD_ROW + b'{"text": ["a", "b"]}\n'},
        "textlist.jsonl, line 2: 'text' is a list, not text",
    ),
    (
        "JSONL row without text",
        {"missing.jsonl": _GOOD_ROW + b'{"id": "b", "title": "No body"}\n'},
        "missing.jsonl, line 2: has no 'text' field",
    ),
    (
        "JSONL row with empty text",
        {"emptytext.jsonl": _GOOD_ROW + b'{"id": "b", "text": "  "}\n'},
        "emptytext.jsonl, line 2: document has zero words",
    ),
    (
        "JSONL line in cp1252",
        {"cp1252.jsonl": _GOOD_ROW + '{"text": "caf\u00e9 cr\u00e8me"}\n'.encode("cp1252")},
        "cp1252.jsonl, line 2: not UTF-8 (byte 0xE9 at byte 14 of the line); JSON lines must"
        " be UTF-8",
    ),
    (
        "JSONL repeated id",
        {"dupid.jsonl": _GOOD_ROW + b'{"id": "ok", "text": "Other words entirely."}\n'},
        "dupid.jsonl, line 2: duplicate document id 'ok' (first in ",
    ),
    (
        "JSONL id with markup repeated",
        {
            "markid.jsonl": b'{"id": "<img src=x onerror=alert(1)>", "text": "One."}\n'
            b'{"id": "<img src=x onerror=alert(1)>", "text": "Two."}\n'
        },
        "markid.jsonl, line 2: duplicate document id '<img src=x onerror=alert(1)>'",
    ),
    (
        "gzip cut short",
        {"cut.jsonl.gz": _JSONL_GZ[: len(_JSONL_GZ) // 2]},
        "cut.jsonl.gz: damaged gzip file (Compressed file ended before the end-of-stream"
        " marker was reached)",
    ),
    (
        "plain text named .gz",
        {"plain.jsonl.gz": _GOOD_ROW},
        "plain.jsonl.gz: not a readable gzip file (Not a gzipped file",
    ),
    (
        "Parquet without a text column",
        {"t.parquet": _parquet_bytes(pd.DataFrame({"id": ["1"], "body": ["Hello there"]}))},
        "t.parquet: table has no 'text' column (columns: 'id', 'body')",
    ),
    (
        "Parquet that is not Parquet",
        {"fake.parquet": b"id,text\n1,hello\n"},
        "fake.parquet: not a readable Parquet file (",
    ),
    (
        "Parquet row with null text",
        {"nulltext.parquet": _parquet_bytes(pd.DataFrame({"text": ["Some words.", None]}))},
        "nulltext.parquet, row 2: document has zero words",
    ),
    (
        "HTML with no article",
        {"page.html": b"<html><body><script>var a = 1;</script></body></html>"},
        "page.html: no article text found in the HTML",
    ),
    (
        "PDF named directly",
        {"unknown.pdf": b"%PDF-1.4"},
        "unknown.pdf: unsupported file type '.pdf' (newslens reads .txt, .md,",
    ),
    (
        "folder of unread formats",
        {"notes.docx": b"PK", "scan.pdf": b"%PDF", "draft.text": b"words"},
        "folder holds no readable files (newslens reads .txt, .md, .html, .htm, .csv, .jsonl,"
        " .parquet, .csv.gz, .jsonl.gz); 3 files not read (.docx: 1, .pdf: 1, .text: 1):"
        " draft.text, notes.docx, scan.pdf",
    ),
]


def _write_case(tmp_path: Path, files: dict[str, bytes]) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, content in files.items():
        (folder / name).write_bytes(content)
    return folder / next(iter(files)) if len(files) == 1 else folder


@pytest.mark.parametrize(
    ("files", "expected"),
    [pytest.param(files, expected, id=case) for case, files, expected in BAD_INPUTS],
)
def test_bad_input_stops_with_one_line_naming_file_row_and_reason(tmp_path, files, expected):
    spec = _write_case(tmp_path, files)
    with pytest.raises(CorpusError) as caught:
        load_documents(spec)
    message = str(caught.value)
    assert expected in message
    assert "\n" not in message and "\r" not in message


# How many documents each bad input still gives with on_error="skip": the rows around a
# bad row are kept ("-1": at least one, for a gzip stream cut at an arbitrary point).
KEPT_WHEN_SKIPPING = {
    "CSV row with no words": 1,
    "CSV row with an extra field": 1,
    "CSV quoted field never closed": 1,
    "CSV text after a closing quote": 1,
    "JSONL line that is not JSON": 1,
    "JSONL raw tab inside a string": 1,
    "JSONL line cut short": 1,
    "JSONL blank lines before a bad one": 1,
    "JSONL row that is a list": 1,
    "JSONL row that is null": 1,
    "JSONL text that is a list": 1,
    "JSONL row without text": 1,
    "JSONL row with empty text": 1,
    "JSONL line in cp1252": 1,
    "JSONL repeated id": 1,
    "JSONL id with markup repeated": 1,
    "gzip cut short": -1,
    "Parquet row with null text": 1,
}


@pytest.mark.parametrize(
    ("files", "expected", "kept"),
    [
        pytest.param(files, expected, KEPT_WHEN_SKIPPING.get(case, 0), id=case)
        for case, files, expected in BAD_INPUTS
    ],
)
def test_bad_input_is_skipped_and_recorded_with_the_same_words(tmp_path, files, expected, kept):
    spec = _write_case(tmp_path, files)
    try:
        corpus = read_corpus(spec, on_error="skip")
    except CorpusError as error:  # nothing readable at all is still an error, never silence
        assert expected in str(error) and kept == 0
        return
    documents = list(corpus)
    lines = corpus.skipped_lines()
    assert len(lines) == 1 and expected in lines[0], lines
    assert "\n" not in lines[0]
    assert corpus.skipped[0].reason in lines[0]
    assert len(documents) >= 1 if kept == -1 else len(documents) == kept
    assert all(d.words > 0 for d in documents)


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


def test_skip_keeps_going_and_records_every_problem_in_order(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"id": "c1", "text": SECOND}) + "\nnot json\n" + json.dumps({"text": ""}),
        encoding="utf-8",
    )
    (tmp_path / "d.txt").write_text(ARTICLE, encoding="utf-8")  # duplicate of a.txt
    (tmp_path / "e.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_bytes(b"")
    (tmp_path / ".ipynb_checkpoints").mkdir()
    (tmp_path / ".ipynb_checkpoints" / "a-checkpoint.txt").write_text(ARTICLE, encoding="utf-8")

    with pytest.raises(CorpusError, match=r"b\.txt: empty file"):
        list(read_corpus(tmp_path))

    corpus = read_corpus(tmp_path, on_error="skip")
    with pytest.warns(CorpusWarning, match=r"d\.txt: exact duplicate of document 'a', skipped"):
        docs = list(corpus)
    assert [d.doc_id for d in docs] == ["a", "c1"]
    assert [(Path(s.path).name, s.location, s.reason) for s in corpus.skipped] == [
        ("b.txt", None, "empty file"),
        ("c.jsonl", "line 2", "not valid JSON: Expecting value at column 1"),
        ("c.jsonl", "line 3", "document has zero words"),
        ("d.txt", None, "exact duplicate of document 'a'"),
    ]
    assert corpus.skipped_lines(limit=2)[-1] == "... and 2 more"
    assert corpus.skipped[1].as_dict() == {
        "path": str(tmp_path / "c.jsonl"),
        "location": "line 2",
        "reason": "not valid JSON: Expecting value at column 1",
    }
    assert corpus.unread_line() == "1 file not read (.pdf: 1): e.pdf"
    assert corpus.validate() == 2 and len(corpus.skipped) == 4  # reset on each pass


def test_unread_files_are_named_for_folders_and_globs(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    for name in ("report.docx", "scan.pdf", "notes.text", "README"):
        (tmp_path / name).write_bytes(b"x")
    assert read_corpus(tmp_path).unread_line() == (
        "4 files not read (.docx: 1, .pdf: 1, .text: 1, no suffix: 1):"
        " README, notes.text, report.docx, scan.pdf"
    )
    assert read_corpus(str(tmp_path / "*")).unread_line().startswith("4 files not read")
    assert read_corpus(str(tmp_path / "*.txt")).unread == []
    assert read_corpus(tmp_path / "a.txt").unread_line() == ""


def test_on_error_must_be_stop_or_skip(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(ValueError, match="on_error must be one of"):
        read_corpus(tmp_path, on_error="ignore")


@pytest.mark.parametrize("name", ["long.txt", "long.jsonl", "long.csv", "long.parquet"])
def test_a_long_article_is_read_whole(tmp_path, name):
    sentence = "The reconstruction of the northern bridge continued on schedule today. "
    text = (sentence * (1_500_000 // len(sentence) + 1)).strip()
    path = tmp_path / name
    if name.endswith(".txt"):
        path.write_text(text, encoding="utf-8")
    elif name.endswith(".jsonl"):
        path.write_text(json.dumps({"text": text}) + "\n", encoding="utf-8")
    elif name.endswith(".csv"):
        pd.DataFrame({"text": [text]}).to_csv(path, index=False)
    else:
        pd.DataFrame({"text": [text]}).to_parquet(path)
    [document] = load_documents(path)
    assert len(document.text) == len(text) > 1_500_000


_MARKUP = "<>&\"'`=/\\$;:[]{}()\u202e\u2066\u2069\r\n\t\u00a0“”‘’«»„"


_random_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(_MARKUP),
        st.characters(exclude_categories=("Cs",), exclude_characters="\x00\ufeff"),
    ),
    max_size=60,
)


def _expected_text(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").strip()


@settings(max_examples=60, deadline=None)
@given(
    text=_random_text,
    doc_id=_random_text,
    title=_random_text,
    fmt=st.sampled_from(["txt", "jsonl", "csv"]),
)
def test_random_input_loads_exactly_or_is_named_and_renders_safely(text, doc_id, title, fmt):
    from newslens.display import Highlight, article_html
    from safe_html import read_safe_html

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"in.{fmt}"
        if fmt == "txt":
            path.write_bytes(text.encode("utf-8"))
        elif fmt == "jsonl":
            row = {"id": doc_id, "title": title, "text": text}
            path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
        else:
            with path.open("w", encoding="utf-8", newline="") as handle:
                csv.writer(handle).writerows([["id", "title", "text"], [doc_id, title, text]])
        try:
            corpus = read_corpus(path, on_error="skip")
            documents = list(corpus)
        except CorpusError as error:  # only a file with nothing in it may fail outright
            assert str(error).endswith("empty file")
            return
    expected = _expected_text(text)
    if not documents:
        [skipped] = corpus.skipped
        assert skipped.reason in ("empty file", "document has zero words")
        assert not re.search(r"\w", expected)
        return
    [document] = documents
    assert document.text == expected
    if fmt != "txt" and doc_id.strip():
        assert document.doc_id == doc_id.strip()
    middle = len(document.text) // 2
    marks = [Highlight(0, middle, "nl-quote", document.doc_id, title), Highlight(middle, 10**6)]
    read_safe_html(article_html(document, marks))


def test_hostile_corpus_reads_whole_and_renders_with_nothing_live(tmp_path):
    from hostile import HOSTILE_URL, MARK, live_markup, write_hostile_corpus
    from newslens.display import article_html
    from safe_html import read_safe_html

    corpus = read_corpus(write_hostile_corpus(tmp_path / "hostile"), on_error="skip")
    documents = list(corpus)
    assert corpus.skipped == [] and corpus.unread == []
    assert len(documents) == 10
    ids = {d.doc_id for d in documents}
    assert f"<img src=x {MARK} onerror=\"document.title='PWNED'\">" in ids
    assert 'a <b>&"x' in ids and "report\u202etxt.exe" in ids
    [page] = [d for d in documents if d.doc_id == "page"]
    assert MARK in page.title and MARK in page.source.lower() and page.date == "2024-05-06"
    assert all(d.url == HOSTILE_URL for d in documents if d.path.endswith(("#1", "#2", "#3")))
    for document in documents:
        # The check is not vacuous: the same fields pasted raw are live.
        assert live_markup(f"<h4>{document.doc_id}</h4><p>{document.text}</p>")
        html = article_html(document)
        assert live_markup(html) == [], document.doc_id
        read_safe_html(html)
