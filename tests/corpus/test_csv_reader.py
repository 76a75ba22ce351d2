"""newslens.corpus.csv_reader: one article per row, ids from the id column or the row."""

from __future__ import annotations

import pandas as pd
from corpus_samples import ARTICLE, SECOND
from newslens.corpus import load_documents


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
