"""Groups of articles for a comparison: outlets, periods, or any column of the documents or
of a metadata table joined on the article id.

* :func:`assign_groups` gives every document one group: the value of ``group_by`` (a column
  of ``documents`` such as ``source``, or of the optional ``metadata`` table, e.g. AllSides'
  ``bias_text``), or with ``group_by="date"`` the ``period`` (week, month, quarter, year) of
  its date. A document without a value is in the group ``(missing)``: every document is
  counted somewhere, nothing is dropped.
* :func:`group_sizes` counts the documents of each group and flags the groups with fewer
  than ``min_documents`` articles (``small_group``): they stay in every table and figure,
  marked, because a share over three articles says little.
* :func:`figure_groups` and :func:`groups_note` say which groups a figure shows and how the
  grouping came out, in one sentence.
* :func:`check_grouping` refuses a ``group_by`` no column answers to before a run starts.
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pandas as pd

__all__ = [
    "MISSING",
    "PERIODS",
    "GroupingError",
    "DOCUMENT_COLUMNS",
    "check_grouping",
    "period_code",
    "read_metadata",
    "join_metadata",
    "assign_groups",
    "group_sizes",
    "figure_groups",
    "groups_note",
]

MISSING = "(missing)"
PERIODS = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}


class GroupingError(ValueError):
    """A ``group_by``, ``period`` or ``metadata`` that cannot be used; the message says why."""


# The columns of a run's ``documents`` table (newslens.analyse), all groupable.
DOCUMENT_COLUMNS = ("title", "date", "source", "url", "words", "sentences", "characters")


def check_grouping(*, group_by: str = "", period: str = "month", metadata: str = "") -> None:
    """Raise :class:`GroupingError` before a run when ``group_by`` names no column of the
    documents or of ``metadata`` (its header is read), or ``period`` is unknown."""
    period_code(period)
    if not group_by or group_by in DOCUMENT_COLUMNS:
        return
    columns = set(read_metadata(metadata).columns) if metadata else set()
    if group_by not in columns and group_by.removesuffix("_metadata") not in columns:
        known = ", ".join([*DOCUMENT_COLUMNS, *sorted(columns - {"doc_id"})])
        raise GroupingError(f"group_by '{group_by}': no such column (columns: {known})")


def period_code(period: str) -> str:
    """``week``/``month``/``quarter``/``year``/``day`` (or ``W``/``M``/``Q``/``Y``/``D``) as
    the pandas period code."""
    text = str(period or "month").strip()
    if text.lower() in PERIODS:
        return PERIODS[text.lower()]
    if text.upper() in set(PERIODS.values()) | {"A"}:
        return "Y" if text.upper() == "A" else text.upper()
    raise GroupingError(f"period '{period}': use one of {', '.join(PERIODS)}")


# --- groups -------------------------------------------------------------------------------


def read_metadata(path: str | os.PathLike) -> pd.DataFrame:
    """A metadata table (CSV, JSONL, either gzipped, or Parquet) with one row per article,
    keyed by ``id`` (or ``doc_id``); returned with the key as a ``doc_id`` text column and
    every other column as text. A repeated id keeps its first row."""
    path = Path(path)
    if not path.is_file():
        raise GroupingError(f"metadata {path}: no such file")
    name = path.name.lower()
    if name.endswith(".parquet"):
        table = pd.read_parquet(path)
    elif name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".json")):
        opener = gzip.open if name.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as handle:
            table = pd.DataFrame([json.loads(line) for line in handle if line.strip()])
    elif name.endswith((".csv", ".csv.gz")):
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
    else:
        raise GroupingError(f"metadata {path}: not a .csv, .jsonl(.gz) or .parquet table")
    key = "id" if "id" in table.columns else "doc_id" if "doc_id" in table.columns else None
    if key is None:
        raise GroupingError(f"metadata {path}: no 'id' column to join on the article id")
    table = table.rename(columns={key: "doc_id"})
    table = table.astype({c: "string" for c in table.columns})
    return table.drop_duplicates("doc_id", keep="first").reset_index(drop=True)


def join_metadata(
    documents: pd.DataFrame, metadata: pd.DataFrame | str | os.PathLike | None
) -> pd.DataFrame:
    """``documents`` with the columns of ``metadata`` joined on ``doc_id`` (left join: a
    document without metadata keeps empty values). A metadata column whose name the documents
    already use is added as ``<name>_metadata``."""
    if metadata is None or (isinstance(metadata, str) and not metadata):
        return documents
    table = metadata if isinstance(metadata, pd.DataFrame) else read_metadata(metadata)
    table = table.rename(
        columns={c: f"{c}_metadata" for c in table.columns if c in documents and c != "doc_id"}
    )
    return documents.merge(table, on="doc_id", how="left", validate="one_to_one")


def _labels(values: pd.Series) -> pd.Series:
    text = values.astype("string").str.strip()
    return text.where(text.notna() & (text != ""), MISSING).astype(str)


def _period_labels(dates: pd.Series, period: str) -> pd.Series:
    code = period_code(period)
    parsed = pd.to_datetime(dates.astype("string"), errors="coerce", utc=True, format="mixed")
    periods = parsed.dt.tz_convert(None).dt.to_period(code)
    if code == "W":  # the Monday that starts the week, not pandas' "start/end" pair
        labels = periods.dt.start_time.dt.strftime("%Y-%m-%d")
    else:
        labels = periods.astype("string")
    return labels.where(parsed.notna(), MISSING).astype(str)


def assign_groups(
    documents: pd.DataFrame,
    *,
    group_by: str,
    period: str = "month",
    metadata: pd.DataFrame | str | os.PathLike | None = None,
) -> pd.DataFrame:
    """One row per document: ``doc_id, group``. ``group`` is an ordered categorical: periods
    in time order, other groups by number of documents (then name), ``(missing)`` last.

    ``group_by`` is ``date`` (grouped by ``period``) or any column of ``documents`` or of
    ``metadata``; an unknown column raises :class:`GroupingError` naming the columns there are.
    ``group_by=""`` gives an empty table (no grouping).
    """
    if not group_by:
        return pd.DataFrame({"doc_id": pd.Series(dtype=str), "group": pd.Series(dtype=str)})
    table = join_metadata(documents, metadata)
    if group_by not in table.columns:
        known = ", ".join(c for c in table.columns if c not in {"doc_id", "sha256"})
        raise GroupingError(f"group_by '{group_by}': no such column (columns: {known})")
    if group_by == "date":
        labels = _period_labels(table["date"], period)
        order = sorted(set(labels) - {MISSING})
    else:
        labels = _labels(table[group_by])
        counts = labels.value_counts()
        order = sorted((set(counts.index) - {MISSING}), key=lambda g: (-counts[g], g))
    if (labels == MISSING).any():
        order.append(MISSING)
    group = pd.Categorical(labels, categories=order, ordered=True)
    return pd.DataFrame({"doc_id": table["doc_id"].astype(str).to_numpy(), "group": group})


def group_sizes(groups: pd.DataFrame, *, min_documents: int = 5) -> pd.DataFrame:
    """``group, documents, small_group``, in the groups' order; ``small_group`` is true for a
    group with fewer than ``min_documents`` articles (kept, and flagged wherever it shows)."""
    if groups is None or not len(groups):
        return pd.DataFrame(columns=["group", "documents", "small_group"])
    counts = groups.groupby("group", observed=False).size()
    return pd.DataFrame(
        {
            "group": counts.index.astype(str),
            "documents": counts.to_numpy(),
            "small_group": counts.to_numpy() < min_documents,
        }
    )


def figure_groups(sizes: pd.DataFrame, *, max_groups: int = 12) -> list[str]:
    """The groups a figure has room for: the ``max_groups`` with the most documents, kept in
    the groups' own order (time order for periods). Tables always keep every group."""
    if sizes is None or not len(sizes):
        return []
    chosen = set(
        sizes.sort_values("documents", ascending=False, kind="stable")["group"][:max_groups]
    )
    return [g for g in sizes["group"] if g in chosen]


def groups_note(
    sizes: pd.DataFrame, *, group_by: str, max_groups: int = 12, min_documents: int = 5
) -> str:
    """One plain sentence on the grouping: how many groups, how many are small, how many the
    figures show (the reader must never think a group was dropped)."""
    if sizes is None or not len(sizes):
        return "No grouping: rerun with -p group_by=source (or date, or a metadata column)."
    total = len(sizes)
    small = int(sizes["small_group"].sum())
    shown = min(total, max_groups)
    text = (
        f"{int(sizes['documents'].sum()):,} documents in {total:,} groups by {group_by}"
        f" (largest: {sizes.sort_values('documents', ascending=False)['group'].iloc[0]},"
        f" {int(sizes['documents'].max()):,} documents)."
    )
    if small:
        text += (
            f" {small:,} groups have fewer than {min_documents} articles: they are kept and"
            " flagged (small_group, * in the figures); read their numbers with care."
        )
    if shown < total:
        text += f" Figures show the {shown} largest groups; the tables have all {total:,}."
    return text
