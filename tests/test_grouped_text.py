"""newslens.grouped_text: strings joined within groups, in one Arrow call, exactly as
``groupby(...).agg(separator.join)`` joins them."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newslens.grouped_text import joined_within_groups


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            [("Kyiv", "Kiev"), ("Kyiv", "Kyiv"), ("Biden", "Joe Biden")],
            {"Biden": "Joe Biden", "Kyiv": "Kiev | Kyiv"},
        ),
        (
            [("b", "2"), ("a", "1"), ("b", "1")],
            {"a": "1", "b": "2 | 1"},
        ),  # order within a group kept
        ([("a", "x")], {"a": "x"}),
        ([("a", "x"), (None, "y")], {"a": "x"}),  # a missing key is no group
    ],
)
def test_a_table_of_groups(rows, expected):
    frame = pd.DataFrame(rows, columns=["entity", "form"])
    joined = joined_within_groups(frame, by=["entity"], column="form", separator=" | ")
    assert dict(zip(joined["entity"], joined["form"], strict=True)) == expected
    assert joined["entity"].tolist() == sorted(expected)


def test_no_rows_give_an_empty_table_with_the_columns():
    frame = pd.DataFrame({"doc_id": [], "speaker": [], "kind": []}, dtype="object")
    joined = joined_within_groups(frame, by=["doc_id", "speaker"], column="kind", separator=", ")
    assert joined.empty and list(joined.columns) == ["doc_id", "speaker", "kind"]


@given(
    st.lists(
        st.tuples(st.sampled_from("abc"), st.sampled_from("xy"), st.text(max_size=3)),
        min_size=1,
        max_size=40,
    )
)
@settings(max_examples=200, deadline=None)
def test_the_same_as_pandas_joining_group_by_group(rows):
    frame = pd.DataFrame(rows, columns=["doc_id", "speaker", "kind"])
    expected = frame.groupby(["doc_id", "speaker"], sort=True)["kind"].agg(", ".join).reset_index()
    joined = joined_within_groups(frame, by=["doc_id", "speaker"], column="kind", separator=", ")
    assert joined.values.tolist() == expected.values.tolist()
