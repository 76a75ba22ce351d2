"""newslens.corpus.rows: table rows of every format (JSON lines, Parquet, gzipped CSV) as documents."""

from __future__ import annotations

import gzip
import json

import pandas as pd
from corpus_samples import ARTICLE, SECOND
from newslens.corpus import load_documents


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
