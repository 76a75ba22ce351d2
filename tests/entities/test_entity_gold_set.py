"""The entity gold set (tests/data/entities/labels.csv): every label points at a name in
the shared corpus, read at test time."""

from __future__ import annotations

import pandas as pd
from conftest import ROOT


def test_gold_labels_point_at_names_in_the_corpus(shared_dir):
    import gzip
    import json

    labels = pd.read_csv(ROOT / "tests" / "data" / "entities" / "labels.csv")
    splits = labels.groupby("split")["article_id"].nunique().to_dict()
    assert splits["dev"] >= 10 and splits["test"] >= 18
    assert not set(labels.loc[labels["split"] == "dev", "article_id"]) & set(
        labels.loc[labels["split"] == "test", "article_id"]
    )
    assert set(labels["label"]) == {"PERSON", "ORG", "GPE"}
    wanted = set(labels["article_id"])
    texts = {}
    path = shared_dir / "corpora" / "allsides_baly2020" / "articles.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["id"] in wanted:
                texts[row["id"]] = row["text"]
    assert set(texts) == wanted
    for row in labels.itertuples():
        mention = texts[row.article_id][row.start : row.end]
        assert mention == mention.strip() and mention[:1].isalnum(), row
    spans = labels.sort_values(["article_id", "start"])
    overlaps = spans.groupby("article_id").apply(
        lambda g: (g["start"].to_numpy()[1:] < g["end"].to_numpy()[:-1]).any(),
        include_groups=False,
    )
    assert not overlaps.any()
