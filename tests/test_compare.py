"""newslens.compare: frame shares, balance and sentiment per group with bootstrap intervals."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from comparison_samples import DOCS
from newslens import compare


def sentences_for(frames_by_doc):
    rows = []
    for doc_id, labels in frames_by_doc.items():
        for index, (label, sentiment) in enumerate(labels):
            rows.append(
                {"doc_id": doc_id, "sentence_id": index, "frame": label, "sentiment": sentiment}
            )
    return pd.DataFrame(rows)


def test_frames_by_group_values_and_bootstrap_intervals():
    sentences = sentences_for(
        {
            "a": [("destruction", -0.8), ("neither", 0.0)],
            "b": [("destruction", -0.6), ("reconstruction", 0.5), ("both", 0.0), ("neither", 0.2)],
            "e": [("neither", 0.1)],
            "c": [("reconstruction", 0.4), ("reconstruction", 0.6)],
        }
    )
    groups = compare.assign_groups(DOCS, group_by="source")
    table = compare.frames_by_group(sentences, groups, min_documents=2, n_boot=500)
    again = compare.frames_by_group(sentences, groups, min_documents=2, n_boot=500)
    pd.testing.assert_frame_equal(table, again)  # fixed seed
    index = table.set_index(["group", "measure", "frame"])
    daily = index.loc["Daily"]
    assert daily.loc[("share", "destruction"), "value"] == pytest.approx(2 / 7)
    # D = 3 (two destruction + both), R = 2 (reconstruction + both)
    assert daily.loc[("balance", ""), "value"] == pytest.approx((2 - 3) / 5)
    assert daily.loc[("sentiment", "all"), "value"] == pytest.approx(-0.6 / 7)
    for row in table.dropna(subset=["value", "ci_low"]).itertuples():
        assert row.ci_low - 1e-12 <= row.value <= row.ci_high + 1e-12
    gazette = index.loc["Gazette"]  # one article: no interval, rather than a false zero width
    assert gazette.loc[("balance", ""), "value"] == 1
    assert math.isnan(gazette.loc[("balance", ""), "ci_low"])
    # Daily's reconstruction sentiment rests on one article (b): no interval either
    assert math.isnan(daily.loc[("sentiment", "reconstruction"), "ci_high"])
    assert not math.isnan(daily.loc[("sentiment", "destruction"), "ci_high"])
    missing = index.loc[compare.MISSING]  # an article with no sentence still counts
    assert missing["documents"].iloc[0] == 1 and missing["sentences"].iloc[0] == 0
    assert math.isnan(missing.loc[("balance", ""), "value"])
    assert bool(missing["small_group"].iloc[0])
