"""newslens.grouping: groups from columns, periods and metadata, their sizes, and the note on them."""

from __future__ import annotations

import gzip
import json

import pandas as pd
import pytest
from comparison_samples import DOCS
from newslens import grouping


def test_groups_by_a_column_put_missing_values_last_and_drop_nothing():
    groups = grouping.assign_groups(DOCS, group_by="source")
    assert list(groups["doc_id"]) == ["a", "b", "c", "d", "e"]
    assert list(groups["group"].cat.categories) == ["Daily", "Gazette", grouping.MISSING]
    sizes = grouping.group_sizes(groups, min_documents=2)
    assert sizes.to_dict("records") == [
        {"group": "Daily", "documents": 3, "small_group": False},
        {"group": "Gazette", "documents": 1, "small_group": True},
        {"group": grouping.MISSING, "documents": 1, "small_group": True},
    ]


@pytest.mark.parametrize(
    ("period", "labels"),
    [
        ("month", ["2024-01", "2024-01", "2024-02", "2024-05", grouping.MISSING]),
        ("M", ["2024-01", "2024-01", "2024-02", "2024-05", grouping.MISSING]),
        ("quarter", ["2024Q1", "2024Q1", "2024Q1", "2024Q2", grouping.MISSING]),
        ("year", ["2024", "2024", "2024", "2024", grouping.MISSING]),
        ("week", ["2024-01-01", "2024-01-29", "2024-02-12", "2024-04-29", grouping.MISSING]),
    ],
)
def test_groups_by_date_use_the_period_in_time_order(period, labels):
    groups = grouping.assign_groups(DOCS, group_by="date", period=period)
    assert list(groups["group"].astype(str)) == labels
    categories = list(groups["group"].cat.categories)
    assert categories[:-1] == sorted(categories[:-1]) and categories[-1] == grouping.MISSING


def test_bad_period_and_unknown_column_say_what_there_is():
    with pytest.raises(grouping.GroupingError, match="period 'fortnight'"):
        grouping.assign_groups(DOCS, group_by="date", period="fortnight")
    with pytest.raises(grouping.GroupingError, match="no such column.*source"):
        grouping.assign_groups(DOCS, group_by="bias")


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".jsonl.gz", ".parquet"])
def test_metadata_tables_join_on_id_and_their_columns_become_groupable(tmp_path, suffix):
    rows = [
        {"id": "a", "bias": "left", "source": "other"},
        {"id": "b", "bias": "right", "source": "other"},
        {"id": "c", "bias": "left", "source": "other"},
        {"id": "zz", "bias": "center", "source": "other"},  # not in the corpus: ignored
    ]
    path = tmp_path / f"meta{suffix}"
    if suffix == ".csv":
        pd.DataFrame(rows).to_csv(path, index=False)
    elif suffix == ".parquet":
        pd.DataFrame(rows).to_parquet(path)
    else:
        opener = gzip.open if suffix.endswith(".gz") else open
        with opener(path, "wt", encoding="utf-8") as handle:
            handle.writelines(json.dumps(r) + "\n" for r in rows)
    groups = grouping.assign_groups(DOCS, group_by="bias", metadata=str(path))
    assert list(groups["group"].astype(str)) == [
        "left", "right", "left", grouping.MISSING, grouping.MISSING
    ]  # fmt: skip
    joined = grouping.join_metadata(DOCS, str(path))
    assert list(joined["source"]) == list(DOCS["source"])  # the corpus's own column wins
    assert list(joined["source_metadata"][:3]) == ["other"] * 3


def test_metadata_without_an_id_column_is_refused(tmp_path):
    path = tmp_path / "meta.csv"
    pd.DataFrame([{"key": "a", "bias": "left"}]).to_csv(path, index=False)
    with pytest.raises(grouping.GroupingError, match="no 'id' column"):
        grouping.read_metadata(path)


def test_groups_note_flags_small_groups_and_says_what_the_figures_leave_out():
    groups = grouping.assign_groups(DOCS, group_by="source")
    sizes = grouping.group_sizes(groups, min_documents=2)
    note = grouping.groups_note(sizes, group_by="source", max_groups=2, min_documents=2)
    assert "5 documents in 3 groups by source" in note
    assert "2 groups have fewer than 2 articles" in note
    assert "Figures show the 2 largest groups; the tables have all 3" in note
    assert grouping.figure_groups(sizes, max_groups=2) == ["Daily", "Gazette"]


def test_a_grouping_is_checked_before_a_run(tmp_path):
    path = tmp_path / "meta.csv"
    pd.DataFrame([{"id": "a", "bias": "left"}]).to_csv(path, index=False)
    grouping.check_grouping(group_by="source")
    grouping.check_grouping(group_by="bias", metadata=str(path))
    with pytest.raises(grouping.GroupingError, match="group_by 'bias': no such column"):
        grouping.check_grouping(group_by="bias")
    with pytest.raises(grouping.GroupingError, match="period 'decade'"):
        grouping.check_grouping(group_by="date", period="decade")
