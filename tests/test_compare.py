"""newslens.compare: groups from columns, periods and metadata; log-odds; bootstrap intervals."""

from __future__ import annotations

import gzip
import json
import math

import numpy as np
import pandas as pd
import pytest
from newslens import compare


def documents(rows):
    """A ``documents`` table from ``(doc_id, source, date)`` rows."""
    return pd.DataFrame(rows, columns=["doc_id", "source", "date"]).assign(title="", url="")


DOCS = documents(
    [
        ("a", "Daily", "2024-01-03"),
        ("b", "Daily", "2024-01-30"),
        ("c", "Gazette", "2024-02-14T10:00:00Z"),
        ("d", "", "2024-05-01"),
        ("e", "Daily", ""),
    ]
)


def test_groups_by_a_column_put_missing_values_last_and_drop_nothing():
    groups = compare.assign_groups(DOCS, group_by="source")
    assert list(groups["doc_id"]) == ["a", "b", "c", "d", "e"]
    assert list(groups["group"].cat.categories) == ["Daily", "Gazette", compare.MISSING]
    sizes = compare.group_sizes(groups, min_documents=2)
    assert sizes.to_dict("records") == [
        {"group": "Daily", "documents": 3, "small_group": False},
        {"group": "Gazette", "documents": 1, "small_group": True},
        {"group": compare.MISSING, "documents": 1, "small_group": True},
    ]


@pytest.mark.parametrize(
    ("period", "labels"),
    [
        ("month", ["2024-01", "2024-01", "2024-02", "2024-05", compare.MISSING]),
        ("M", ["2024-01", "2024-01", "2024-02", "2024-05", compare.MISSING]),
        ("quarter", ["2024Q1", "2024Q1", "2024Q1", "2024Q2", compare.MISSING]),
        ("year", ["2024", "2024", "2024", "2024", compare.MISSING]),
        ("week", ["2024-01-01", "2024-01-29", "2024-02-12", "2024-04-29", compare.MISSING]),
    ],
)
def test_groups_by_date_use_the_period_in_time_order(period, labels):
    groups = compare.assign_groups(DOCS, group_by="date", period=period)
    assert list(groups["group"].astype(str)) == labels
    categories = list(groups["group"].cat.categories)
    assert categories[:-1] == sorted(categories[:-1]) and categories[-1] == compare.MISSING


def test_bad_period_and_unknown_column_say_what_there_is():
    with pytest.raises(compare.GroupingError, match="period 'fortnight'"):
        compare.assign_groups(DOCS, group_by="date", period="fortnight")
    with pytest.raises(compare.GroupingError, match="no such column.*source"):
        compare.assign_groups(DOCS, group_by="bias")


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
    groups = compare.assign_groups(DOCS, group_by="bias", metadata=str(path))
    assert list(groups["group"].astype(str)) == [
        "left", "right", "left", compare.MISSING, compare.MISSING
    ]  # fmt: skip
    joined = compare.join_metadata(DOCS, str(path))
    assert list(joined["source"]) == list(DOCS["source"])  # the corpus's own column wins
    assert list(joined["source_metadata"][:3]) == ["other"] * 3


def test_metadata_without_an_id_column_is_refused(tmp_path):
    path = tmp_path / "meta.csv"
    pd.DataFrame([{"key": "a", "bias": "left"}]).to_csv(path, index=False)
    with pytest.raises(compare.GroupingError, match="no 'id' column"):
        compare.read_metadata(path)


def test_log_odds_of_two_groups_are_mirror_images_and_follow_the_formula():
    counts = pd.DataFrame(
        {
            "group": ["L", "L", "L", "R", "R", "R"],
            "item": ["war", "aid", "talks", "war", "aid", "talks"],
            "count": [50, 5, 20, 10, 40, 20],
        }
    )
    table = compare.log_odds_dirichlet(counts, prior_mass=100.0).set_index(["group", "item"])
    for item in ("war", "aid", "talks"):
        assert table.loc[("L", item), "z"] == pytest.approx(-table.loc[("R", item), "z"])
    assert table.loc[("L", "war"), "z"] > 1.96 and table.loc[("L", "aid"), "z"] < -1.96
    # by hand for ("L", "war"): corpus N = 145, y_w = 60, a_w = 100 * 60 / 145
    a = 100 * 60 / 145
    expected = math.log((50 + a) / (75 + 100 - 50 - a)) - math.log((10 + a) / (70 + 100 - 10 - a))
    assert table.loc[("L", "war"), "log_odds"] == pytest.approx(expected)
    assert table.loc[("L", "war"), "z"] == pytest.approx(
        expected / math.sqrt(1 / (50 + a) + 1 / (10 + a))
    )


def test_the_prior_keeps_a_rare_item_from_topping_the_list():
    counts = pd.DataFrame(
        {
            "group": ["L", "L", "R", "R", "L", "R"],
            "item": ["rare", "common", "rare", "common", "filler", "filler"],
            "count": [2, 60, 0, 10, 500, 500],
        }
    )
    table = compare.log_odds_dirichlet(counts).set_index(["group", "item"])
    assert table.loc[("L", "common"), "z"] > table.loc[("L", "rare"), "z"] > 0


def test_one_group_has_nothing_to_compare_with():
    counts = pd.DataFrame({"group": ["L", "L"], "item": ["a", "b"], "count": [3, 4]})
    assert compare.log_odds_dirichlet(counts)["z"].isna().all()


MENTIONS = pd.DataFrame(
    {
        "doc_id": ["a", "a", "b", "b", "c", "c", "c", "d"],
        "entity": ["Kyiv", "Rome", "Kyiv", "Kyiv", "Rome", "Rome", "Moscow", "Kyiv"],
        "label": ["GPE"] * 8,
    }
)


def test_entities_by_group_shares_sum_to_one_and_absent_top_entities_are_zero_rows():
    groups = compare.assign_groups(DOCS, group_by="source")
    table = compare.entities_by_group(MENTIONS, groups, min_documents=2, dense_top=2)
    shares = table.groupby("group", observed=True)["share"].sum()
    assert shares.to_numpy() == pytest.approx(np.ones(len(shares)))
    daily = table[table["group"] == "Daily"].set_index("entity")
    assert daily.loc["Kyiv", "mentions"] == 3 and daily.loc["Kyiv", "documents"] == 2
    assert daily.loc["Kyiv", "group_documents"] == 3 and daily.loc["Kyiv", "group_mentions"] == 4
    gazette = table[table["group"] == "Gazette"].set_index("entity")
    assert gazette.loc["Kyiv", "mentions"] == 0  # a top entity the Gazette never names
    assert bool(gazette.loc["Kyiv", "small_group"]) and gazette.loc["Kyiv", "z"] < 0
    assert "Moscow" not in set(daily.index)  # not a top entity, not named: no row
    distinct = compare.distinctive(table, item="entity", top_k=1)
    assert set(distinct["direction"]) == {"over", "under"}
    assert (distinct.groupby(["group", "direction"], observed=True).size() == 1).all()


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


def test_quote_speakers_and_kinds_by_group():
    quotes = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b", "c", "c"],
            "quote_id": [0, 1, 0, 0, 1],
            "quote": ['"We will rebuild."', "the talks failed", '"No."', '"Yes, now."', "it"],
            "kind": ["direct", "indirect", "direct", "direct", "partial"],
            "speaker": ["Jane Doe", "he", "Jane Doe", "Max Roe", ""],
            "speaker_entity": ["Jane Doe", "", "Jane Doe", "Max Roe", ""],
        }
    )
    groups = compare.assign_groups(DOCS, group_by="source")
    table = compare.quote_speakers_by_group(quotes, groups, min_documents=2)
    daily = table[table["group"] == "Daily"].set_index("speaker")
    assert daily.loc["Jane Doe", "quotes"] == 2 and daily.loc["Jane Doe", "direct"] == 2
    assert daily.loc["Jane Doe", "words_quoted"] == 4 and bool(daily.loc["Jane Doe", "resolved"])
    assert not bool(daily.loc["he", "resolved"]) and daily.loc["he", "indirect"] == 1
    assert daily["share"].sum() == pytest.approx(1.0)
    kinds = compare.quote_kinds_by_group(quotes, groups, min_documents=2)
    gazette = kinds[kinds["group"] == "Gazette"].set_index("kind")
    assert gazette.loc["direct", "share"] == pytest.approx(0.5)
    assert gazette.loc["indirect", "quotes"] == 0


def test_groups_note_flags_small_groups_and_says_what_the_figures_leave_out():
    groups = compare.assign_groups(DOCS, group_by="source")
    sizes = compare.group_sizes(groups, min_documents=2)
    note = compare.groups_note(sizes, group_by="source", max_groups=2, min_documents=2)
    assert "5 documents in 3 groups by source" in note
    assert "2 groups have fewer than 2 articles" in note
    assert "Figures show the 2 largest groups; the tables have all 3" in note
    assert compare.figure_groups(sizes, max_groups=2) == ["Daily", "Gazette"]


def test_a_grouping_is_checked_before_a_run(tmp_path):
    path = tmp_path / "meta.csv"
    pd.DataFrame([{"id": "a", "bias": "left"}]).to_csv(path, index=False)
    compare.check_grouping(group_by="source")
    compare.check_grouping(group_by="bias", metadata=str(path))
    with pytest.raises(compare.GroupingError, match="group_by 'bias': no such column"):
        compare.check_grouping(group_by="bias")
    with pytest.raises(compare.GroupingError, match="period 'decade'"):
        compare.check_grouping(group_by="date", period="decade")
