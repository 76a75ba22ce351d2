"""newslens.tableview: big tables say how many rows they show and keep their cells as text."""

from __future__ import annotations

import pandas as pd
import pytest
from newslens.tableview import show_table, table_note


@pytest.mark.parametrize(
    ("rows", "limit", "name", "expected"),
    [
        (3, 500, "", '<p class="nl-table-note">All 3 rows (search, sort and page below).</p>'),
        (
            1200,
            500,
            "",
            '<p class="nl-table-note">The first 500 of 1,200 rows (search, sort and page'
            " below).</p>",
        ),
        (
            3,
            0,
            "quotes",
            '<p class="nl-table-note">All 3 rows (search, sort and page below); every row is in'
            ' <a href="../tables/quotes.csv">tables/quotes.csv</a> of the run.</p>',
        ),
        (
            3,
            500,
            '<b>"x"',
            '<p class="nl-table-note">All 3 rows (search, sort and page below); every row is in'
            ' <a href="../tables/&lt;b&gt;&quot;x&quot;.csv">tables/&lt;b&gt;&quot;x&quot;.csv</a>'
            " of the run.</p>",
        ),
    ],
)
def test_the_note_says_how_many_rows_and_where_the_rest_are(rows, limit, name, expected):
    frame = pd.DataFrame({"n": range(rows)})
    assert table_note(frame, name=name, rows=limit) == expected


def test_cells_reach_the_page_as_text():
    frame = pd.DataFrame(
        {"speaker": ["<img src=x onerror=alert(1)>", "Jane"], "quote": ["a & b", "c"]}
    )
    page = show_table(frame, name="quotes", rows=1).data
    assert "<img src=x" not in page
    assert "The first 1 of 2 rows" in page
    assert "<script src=" not in page  # DataTables is embedded, not fetched
    assert show_table(frame.head(0)).data == '<p class="nl-table-note">No rows to show.</p>'


def test_the_note_counts_the_whole_table_when_only_its_first_rows_were_read():
    first = pd.DataFrame({"n": range(10)})
    assert "The first 10 of 2,000 rows" in table_note(first, rows=10, total=2000)
