"""newslens.plots.entities: the timeline of the entity report."""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd
import pytest
from newslens import plots
from newslens.plots.entities import _without_stray_ends


def _by_period(counts: dict[str, int]) -> pd.DataFrame:
    return pd.DataFrame(
        [("Ana Ruiz", period, n) for period, n in counts.items()],
        columns=["entity", "period", "mentions"],
    )


@pytest.mark.parametrize(
    ("counts", "first", "last", "left_out"),
    [
        # A thousand mentions in 2019, one article dated 2002: the stray year is cut.
        ({"2002-01": 2, "2019-01": 500, "2019-02": 498}, "2019-01", "2019-02", 2),
        # A stray late date too.
        ({"2019-01": 500, "2019-02": 498, "2031-05": 1}, "2019-01", "2019-02", 1),
        # A small run keeps everything: one mention of a hundred is no stray.
        ({"2002-01": 1, "2019-01": 60, "2019-02": 39}, "2002-01", "2019-02", 0),
    ],
)
def test_stray_early_and_late_periods_are_not_drawn(counts, first, last, left_out):
    table = _by_period(counts).pivot_table(index="period", columns="entity", values="mentions")
    kept, dropped = _without_stray_ends(table)
    assert (kept.index[0], kept.index[-1], dropped) == (first, last, left_out)


def test_the_timeline_says_what_it_leaves_out_and_titles_count_everything():
    by_period = _by_period({"2002-01": 2, "2019-01": 500, "2019-02": 498})
    entities = pd.DataFrame({"entity": ["Ana Ruiz"], "label": ["PERSON"], "mentions": [1000]})
    figure = plots.plot_entities_over_time(by_period, entities)
    axes = figure.axes[0]
    assert axes.get_title(loc="left") == "Ana Ruiz (1,000)"
    assert "2 mentions dated outside 2019-01 to 2019-02" in figure.get_supxlabel()
    start, end = axes.get_xlim()
    assert mdates.num2date(start).year >= 2018  # the axis starts near 2019, not in 2002


def test_a_panel_title_says_how_many_mentions_are_dated_when_some_articles_are_not():
    by_period = _by_period({"2019-01": 300, "2019-02": 577})
    entities = pd.DataFrame({"entity": ["Ana Ruiz"], "label": ["PERSON"], "mentions": [1049]})
    figure = plots.plot_entities_over_time(by_period, entities)
    assert figure.axes[0].get_title(loc="left") == "Ana Ruiz (877 of 1,049 dated)"


def test_count_axes_show_whole_numbers_on_a_one_article_run():
    entities = pd.DataFrame(
        {"entity": ["Ana Ruiz", "Tom Reyes"], "label": ["PERSON"] * 2, "mentions": [2, 1],
         "documents": [1, 1]}
    )  # fmt: skip
    figure = plots.plot_top_entities(entities)
    figure.canvas.draw()
    ticks = figure.axes[0].get_xticks()
    assert all(float(t).is_integer() for t in ticks)
    pairs = pd.DataFrame({"entity_a": ["Ana Ruiz"], "entity_b": ["Tom Reyes"], "sentences": [2]})
    heat = plots.plot_cooccurrence_heatmap(pairs, entities)
    heat.canvas.draw()
    colour_ticks = heat.axes[-1].get_yticks()
    assert all(float(t).is_integer() for t in colour_ticks)
