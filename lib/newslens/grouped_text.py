"""Text joined within groups of a table, without a Python call per group.

``frame.groupby(keys)[column].agg(", ".join)`` calls Python once per group: seven seconds
for the 145,000 entities of the whole internal corpus. :func:`joined_within_groups` sorts
once and lets Arrow join every group's strings in one call (``binary_join`` over a list
array whose offsets are where the groups start).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

__all__ = ["joined_within_groups"]


def joined_within_groups(
    frame: pd.DataFrame, *, by: Sequence[str], column: str, separator: str
) -> pd.DataFrame:
    """One row per group of equal ``by`` values (sorted by them): the ``by`` columns and
    ``column``, the group's values as text joined by ``separator`` in the order they have
    in ``frame`` (the sort is stable). Rows with a missing key are left out, as
    ``groupby`` does."""
    import pyarrow as pa
    import pyarrow.compute as pc

    by = list(by)
    rows = frame.dropna(subset=by).sort_values(by, kind="stable")
    keys = rows[by].reset_index(drop=True)
    if keys.empty:
        return pd.DataFrame({name: pd.Series(dtype="object") for name in [*by, column]})
    starts = np.flatnonzero((keys != keys.shift()).any(axis=1).to_numpy())
    offsets = pa.array(np.append(starts, len(keys)), type=pa.int64())
    values = pa.array(rows[column].astype(str), type=pa.large_string())
    lists = pa.LargeListArray.from_arrays(offsets, values)
    joined = pc.binary_join(lists, pa.scalar(separator, pa.large_string()))
    result = keys.iloc[starts].reset_index(drop=True)
    result[column] = joined.to_numpy(zero_copy_only=False)
    return result
