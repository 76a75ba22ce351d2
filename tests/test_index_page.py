"""newslens.index_page: the run's front page from its manifest, every input string escaped."""

from __future__ import annotations

from newslens.index_page import index_html

MANIFEST = {
    "run_id": "20260102-030405-abcdef",
    "status": "failed",
    "started_at": "2026-01-02T03:04:05+00:00",
    "duration_s": 12.0,
    "corpus": {
        "spec": "data/<b>evil</b>.jsonl",
        "documents": 3,
        "files": [{"path": "data/<b>evil</b>.jsonl", "bytes": 10, "sha256": "0" * 64}],
        "skipped": [{"path": "data/x.jsonl", "location": "line 2", "reason": "not valid JSON"}],
        "unread": ["data/notes.docx"],
    },
    "parameters": {"group_by": "source"},
    "analysis": {
        "words": 1234,
        "parsed": 2,
        "documents": 3,
        "seconds": 4.5,
        "jobs": 2,
        "scheduler": "",
        "model": {"name": "en_core_web_md", "version": "3.8.0"},
    },
    "notebooks": [
        {
            "name": "01_entity_frequency",
            "status": "ok",
            "duration_s": 3.0,
            "notebook": "notebooks/01_entity_frequency.ipynb",
            "html": "html/01_entity_frequency.html",
            "error": None,
        },
        {
            "name": "03_quotes",
            "status": "failed",
            "duration_s": 1.0,
            "notebook": "notebooks/03_quotes.ipynb",
            "html": "",
            "error": {"cell": 4, "ename": "ValueError", "evalue": "<script>alert(1)</script>"},
        },
    ],
    "outputs": {
        "tables": [
            {"path": "tables/quotes.csv", "bytes": 10, "sha256": "1" * 64},
            {"path": "tables/quotes.parquet", "bytes": 20, "sha256": "2" * 64},
        ],
        "figures": [{"path": "figures/quote_kinds.png", "bytes": 30, "sha256": "3" * 64}],
    },
}


def test_the_index_links_every_report_table_and_figure():
    page = index_html(MANIFEST)
    assert '<a href="html/01_entity_frequency.html">Who is named</a>' in page
    assert '<a href="notebooks/03_quotes.ipynb">.ipynb</a>' in page
    assert '<a href="tables/quotes.csv">quotes.csv</a>' in page
    assert '<a href="tables/quotes.parquet">quotes.parquet</a>' in page
    assert '<img src="figures/quote_kinds.png"' in page
    assert "2 documents parsed, 1 from the cache, in 4.5 s on 2 processes" in page
    assert "Groups compared by <b>source</b>" in page


def test_the_index_says_what_failed_and_what_was_left_out_as_text():
    page = index_html(MANIFEST)
    assert "<b>evil</b>" not in page and "&lt;b&gt;evil&lt;/b&gt;" in page
    assert "<script>" not in page
    assert "cell 4: ValueError: &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<code>data/x.jsonl, line 2: not valid JSON</code>" in page
    assert "<code>data/notes.docx</code>" in page
