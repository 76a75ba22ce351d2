"""Documents shared by the comparison tests (newslens.compare, grouping, group_tables)."""

from __future__ import annotations

import pandas as pd


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
