"""newslens.group_tables: the log-odds comparison, entities and quotes per group."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from comparison_samples import DOCS
from newslens import group_tables, grouping


def test_log_odds_of_two_groups_are_mirror_images_and_follow_the_formula():
    counts = pd.DataFrame(
        {
            "group": ["L", "L", "L", "R", "R", "R"],
            "item": ["war", "aid", "talks", "war", "aid", "talks"],
            "count": [50, 5, 20, 10, 40, 20],
        }
    )
    table = group_tables.log_odds_dirichlet(counts, prior_mass=100.0).set_index(["group", "item"])
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
    table = group_tables.log_odds_dirichlet(counts).set_index(["group", "item"])
    assert table.loc[("L", "common"), "z"] > table.loc[("L", "rare"), "z"] > 0


def test_one_group_has_nothing_to_compare_with():
    counts = pd.DataFrame({"group": ["L", "L"], "item": ["a", "b"], "count": [3, 4]})
    assert group_tables.log_odds_dirichlet(counts)["z"].isna().all()


MENTIONS = pd.DataFrame(
    {
        "doc_id": ["a", "a", "b", "b", "c", "c", "c", "d"],
        "entity": ["Kyiv", "Rome", "Kyiv", "Kyiv", "Rome", "Rome", "Moscow", "Kyiv"],
        "label": ["GPE"] * 8,
    }
)


def test_entities_by_group_shares_sum_to_one_and_absent_top_entities_are_zero_rows():
    groups = grouping.assign_groups(DOCS, group_by="source")
    table = group_tables.entities_by_group(MENTIONS, groups, min_documents=2, dense_top=2)
    shares = table.groupby("group", observed=True)["share"].sum()
    assert shares.to_numpy() == pytest.approx(np.ones(len(shares)))
    daily = table[table["group"] == "Daily"].set_index("entity")
    assert daily.loc["Kyiv", "mentions"] == 3 and daily.loc["Kyiv", "documents"] == 2
    assert daily.loc["Kyiv", "group_documents"] == 3 and daily.loc["Kyiv", "group_mentions"] == 4
    gazette = table[table["group"] == "Gazette"].set_index("entity")
    assert gazette.loc["Kyiv", "mentions"] == 0  # a top entity the Gazette never names
    assert bool(gazette.loc["Kyiv", "small_group"]) and gazette.loc["Kyiv", "z"] < 0
    assert "Moscow" not in set(daily.index)  # not a top entity, not named: no row
    distinct = group_tables.distinctive(table, item="entity", top_k=1)
    assert set(distinct["direction"]) == {"over", "under"}
    assert (distinct.groupby(["group", "direction"], observed=True).size() == 1).all()


def test_an_item_of_one_article_does_not_lead_a_group_s_over_represented_list():
    docs = pd.DataFrame(
        {
            "doc_id": list("abcdefgh"),
            "source": ["Daily"] * 4 + ["Gazette"] * 4,
            "date": [""] * 8,
        }
    )
    # "New Year" fills one Daily feature (30 mentions); "Kyiv" runs through three Daily
    # articles; both are rare in the Gazette.
    mentions = pd.DataFrame(
        {
            "doc_id": ["a"] * 30 + ["b", "b", "c", "c", "d"] + list("efgh") * 3,
            "entity": ["New Year"] * 30 + ["Kyiv"] * 5 + ["Rome"] * 12,
            "label": ["EVENT"] * 30 + ["GPE"] * 17,
        }
    )
    groups = grouping.assign_groups(docs, group_by="source")
    table = group_tables.entities_by_group(mentions, groups, min_documents=2)
    daily = table[table["group"] == "Daily"].set_index("entity")
    assert daily.loc["New Year", "z"] > daily.loc["Kyiv", "z"] > 0
    distinct = group_tables.distinctive(table, item="entity", top_k=5)
    over = distinct[(distinct["group"] == "Daily") & (distinct["direction"] == "over")]
    assert list(over["entity"]) == ["Kyiv"]
    kept = group_tables.distinctive(table, item="entity", top_k=5, min_documents=1)
    over = kept[(kept["group"] == "Daily") & (kept["direction"] == "over")]
    assert list(over["entity"]) == ["New Year", "Kyiv"]


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
    groups = grouping.assign_groups(DOCS, group_by="source")
    table = group_tables.quote_speakers_by_group(quotes, groups, min_documents=2)
    daily = table[table["group"] == "Daily"].set_index("speaker")
    assert daily.loc["Jane Doe", "quotes"] == 2 and daily.loc["Jane Doe", "direct"] == 2
    assert daily.loc["Jane Doe", "words_quoted"] == 4 and bool(daily.loc["Jane Doe", "resolved"])
    assert not bool(daily.loc["he", "resolved"]) and daily.loc["he", "indirect"] == 1
    assert daily["share"].sum() == pytest.approx(1.0)
    kinds = group_tables.quote_kinds_by_group(quotes, groups, min_documents=2)
    gazette = kinds[kinds["group"] == "Gazette"].set_index("kind")
    assert gazette.loc["direct", "share"] == pytest.approx(0.5)
    assert gazette.loc["indirect", "quotes"] == 0
