"""Compare groups of articles: outlets, periods, or any column of the documents or of a
metadata table joined on the article id.

A comparison is always the same three steps, each a pure function over a run's tables:

1. :func:`assign_groups` gives every document one group: the value of ``group_by`` (a column
   of ``documents`` such as ``source``, or of the optional ``metadata`` table, e.g. AllSides'
   ``bias_text``), or with ``group_by="date"`` the ``period`` (week, month, quarter, year) of
   its date. A document without a value is in the group ``(missing)``: every document is
   counted somewhere, nothing is dropped.
2. :func:`group_sizes` counts the documents of each group and flags the groups with fewer
   than ``min_documents`` articles (``small_group``): they stay in every table and figure,
   marked, because a share over three articles says little.
3. The per-analysis tables: :func:`entities_by_group`, :func:`frames_by_group`,
   :func:`quote_speakers_by_group` and :func:`quote_kinds_by_group`.

Two statistics:

* **Over- and under-represented items** (entities, speakers): the log-odds ratio with an
  informative Dirichlet prior of Monroe, Colaresi & Quinn (2008), "Fightin' Words", each
  group against all other groups, with the whole corpus as the prior (``prior_mass``
  pseudo-counts spread over the items by their corpus frequency). ``log_odds`` is the
  difference in log-odds, ``z`` that difference divided by its estimated standard deviation:
  ``|z| > 1.96`` is roughly a 95% level. The prior shrinks rare items toward zero, so an
  entity named twice in one outlet does not top the list.
* **Uncertainty of shares, balance and mean sentiment**: 95% percentile bootstrap intervals
  over articles (the articles of a group are resampled with replacement, ``n_boot`` times,
  fixed ``seed``): sentences of one article are not independent, articles roughly are.

Everything is vectorised with pandas and numpy (group-bys and one matrix product per group
for the bootstrap), so a 37,540-article corpus compares in seconds.
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import numpy as np
import pandas as pd

from newslens.framing.labels import balance_frames, frame_labels, in_frame, table_frames

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
    "log_odds_dirichlet",
    "entities_by_group",
    "distinctive",
    "frames_by_group",
    "quote_speakers_by_group",
    "quote_kinds_by_group",
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


# --- statistics -----------------------------------------------------------------------------


def log_odds_dirichlet(
    counts: pd.DataFrame,
    *,
    group: str = "group",
    item: str = "item",
    count: str = "count",
    prior_mass: float = 1000.0,
) -> pd.DataFrame:
    """Monroe, Colaresi & Quinn (2008) log-odds ratio with an informative Dirichlet prior,
    each group against all the others. ``counts`` holds one row per (group, item) with its
    count; returns it with ``log_odds`` and ``z`` (NaN when there is only one group).

    The prior is the corpus itself: ``alpha_w = prior_mass * y_w / N``. With ``i`` the group
    and ``j`` the rest, ``log_odds = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w)) - log((y_jw
    + a_w) / (n_j + a_0 - y_jw - a_w))`` and ``z = log_odds / sqrt(1 / (y_iw + a_w) + 1 /
    (y_jw + a_w))``.
    """
    table = counts.copy()
    y = table[count].to_numpy(dtype=float)
    item_total = table.groupby(item, observed=True)[count].transform("sum").to_numpy(dtype=float)
    group_total = table.groupby(group, observed=True)[count].transform("sum").to_numpy(dtype=float)
    total = float(y.sum())
    n_groups = table[group].nunique()
    if not len(table) or n_groups < 2 or total <= 0:
        return table.assign(log_odds=np.nan, z=np.nan)
    alpha = prior_mass * item_total / total
    a0 = float(prior_mass)
    rest = item_total - y
    rest_total = total - group_total
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((y + alpha) / (group_total + a0 - y - alpha)) - np.log(
            (rest + alpha) / (rest_total + a0 - rest - alpha)
        )
        variance = 1.0 / (y + alpha) + 1.0 / (rest + alpha)
    return table.assign(log_odds=delta, z=delta / np.sqrt(variance))


def _with_dense_top(
    counts: pd.DataFrame, *, key: str, groups: list, top: int, extra=()
) -> pd.DataFrame:
    """Add zero rows so that the ``top`` items of the corpus appear in every group (their
    absence from a group is what makes them under-represented there)."""
    if not len(counts) or top <= 0:
        return counts
    totals = counts.groupby(key, observed=True)["count"].sum().sort_values(ascending=False)
    head = totals.index[:top]
    grid = pd.MultiIndex.from_product([groups, head], names=["group", key]).to_frame(index=False)
    grid["group"] = pd.Categorical(grid["group"], categories=counts["group"].cat.categories)
    merged = grid.merge(counts, on=["group", key], how="left", indicator=True)
    missing = merged[merged["_merge"] == "left_only"].drop(columns="_merge")
    if not len(missing):
        return counts
    for column in counts.columns:
        if column not in {"group", key, *extra}:
            missing[column] = 0
    for column in extra:
        missing[column] = missing[key].map(counts.drop_duplicates(key).set_index(key)[column])
    return pd.concat([counts, missing[counts.columns]], ignore_index=True)


def _word_counts(texts: pd.Series) -> np.ndarray:
    """Words (runs of letters, digits or underscores, any script) in each text, counted by
    Arrow's regex kernel instead of one Python call per row."""
    import pyarrow as pa
    import pyarrow.compute as pc

    array = pa.array(texts.to_numpy(dtype=object, na_value=""), type=pa.string())
    return pc.count_substring_regex(array, r"[\p{L}\p{N}_]+").to_numpy(zero_copy_only=False)


def _group_codes(doc_ids: pd.Series, groups: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The group code (position in ``groups["group"].cat.categories``) of each row's
    document, -1 for a document that has no group. Document ids are factorized first, so the
    string lookup runs once per document, not once per row."""
    codes, uniques = pd.factorize(doc_ids, use_na_sentinel=True)
    position = pd.Index(groups["doc_id"].to_numpy()).get_indexer(pd.Index(uniques))
    group_of = groups["group"].cat.codes.to_numpy()
    per_unique = np.where(position >= 0, group_of[np.maximum(position, 0)], -1)
    return np.where(codes >= 0, per_unique[np.maximum(codes, 0)], -1), codes


def _pair_counts(
    doc_ids: pd.Series,
    items: pd.Series,
    groups: pd.DataFrame,
    *,
    key: str,
    sums: dict[str, np.ndarray] | None = None,
) -> pd.DataFrame:
    """Rows per (group, item): ``group, <key>, count, documents`` (distinct documents) and the
    sum of each array of ``sums``, by integer codes and hashing (no string group-by)."""
    group_codes, doc_codes = _group_codes(doc_ids, groups)
    item_codes, item_names = pd.factorize(items)
    keep = (group_codes >= 0) & (item_codes >= 0)
    n_items, n_docs = max(len(item_names), 1), max(int(doc_codes.max()) + 1, 1)
    pair = group_codes[keep].astype(np.int64) * n_items + item_codes[keep]
    inverse, unique_pairs = pd.factorize(pair, sort=True)  # hash-based: fast on millions
    counts = np.bincount(inverse, minlength=len(unique_pairs))
    triple = pd.unique(pair * n_docs + doc_codes[keep])
    documents = np.bincount(
        np.searchsorted(unique_pairs, triple // n_docs), minlength=len(unique_pairs)
    )
    table = pd.DataFrame(
        {
            "group": pd.Categorical.from_codes(
                (unique_pairs // n_items).astype(int), dtype=groups["group"].dtype
            ),
            key: np.asarray(item_names, dtype=object)[unique_pairs % n_items],
            "count": counts,
            "documents": documents,
        }
    )
    for name, values in (sums or {}).items():
        table[name] = np.bincount(inverse, weights=np.asarray(values)[keep], minlength=len(table))
    return table


def _group_columns(table: pd.DataFrame, sizes: pd.DataFrame, *, total_name: str) -> pd.DataFrame:
    """Add ``group_documents``, the group's total of the counted thing and ``small_group``."""
    info = sizes.set_index("group")
    table = table.assign(
        group_documents=table["group"].astype(str).map(info["documents"]).fillna(0).astype(int),
        small_group=table["group"].astype(str).map(info["small_group"]).fillna(True).astype(bool),
    )
    table[total_name] = table.groupby("group", observed=True)["count"].transform("sum")
    return table


def entities_by_group(
    mentions: pd.DataFrame,
    groups: pd.DataFrame,
    *,
    min_documents: int = 5,
    prior_mass: float = 1000.0,
    dense_top: int = 200,
) -> pd.DataFrame:
    """Mentions of each entity in each group, with shares and the log-odds comparison.

    Columns: ``group, group_documents, group_mentions, small_group, entity, label, mentions,
    documents, share, log_odds, z``. ``mentions`` and ``documents`` count the group's mentions
    of the entity and the group's documents naming it; ``share = mentions / group_mentions``;
    ``log_odds`` and ``z`` compare the group with all other groups
    (:func:`log_odds_dirichlet`; positive: over-represented). Rows exist for every entity a
    group names, and for the ``dense_top`` most mentioned entities of the corpus in every
    group (zero when a group never names them). Sorted by group, then mentions.
    """
    columns = [
        "group", "group_documents", "group_mentions", "small_group", "entity", "label",
        "mentions", "documents", "share", "log_odds", "z",
    ]  # fmt: skip
    if groups is None or not len(groups) or mentions is None or not len(mentions):
        return pd.DataFrame(columns=columns)
    sizes = group_sizes(groups, min_documents=min_documents)
    labels = (
        mentions.groupby(["entity", "label"], observed=True, sort=False)
        .size()
        .reset_index(name="n")
        .sort_values(["entity", "n", "label"], ascending=[True, False, True])
        .drop_duplicates("entity")
        .set_index("entity")["label"]
    )
    counts = _pair_counts(mentions["doc_id"], mentions["entity"], groups, key="entity")
    counts = _with_dense_top(counts, key="entity", groups=list(sizes["group"]), top=dense_top)
    counts["group"] = pd.Categorical(
        counts["group"].astype(str), categories=groups["group"].cat.categories, ordered=True
    )
    counts = log_odds_dirichlet(counts, item="entity", prior_mass=prior_mass)
    counts = _group_columns(counts, sizes, total_name="group_mentions")
    counts["label"] = counts["entity"].map(labels)
    counts = counts.rename(columns={"count": "mentions"})
    counts["documents"] = counts["documents"].astype(int)
    counts["mentions"] = counts["mentions"].astype(int)
    counts["share"] = counts["mentions"] / counts["group_mentions"].where(
        counts["group_mentions"] > 0
    )
    counts = counts.sort_values(
        ["group", "mentions", "entity"], ascending=[True, False, True], kind="stable"
    )
    return counts[columns].reset_index(drop=True)


def distinctive(
    by_group: pd.DataFrame, *, item: str = "entity", top_k: int = 10, min_count: int = 0
) -> pd.DataFrame:
    """For each group, the ``top_k`` most over-represented items (highest ``z``) and the
    ``top_k`` most under-represented (lowest ``z``), with ``direction`` = ``over`` or
    ``under`` and ``rank`` (1 = most). Items whose corpus count is below ``min_count`` are
    left out. Takes :func:`entities_by_group` or :func:`quote_speakers_by_group`."""
    if by_group is None or not len(by_group) or by_group["z"].isna().all():
        return by_group.head(0).assign(direction=pd.Series(dtype=str), rank=pd.Series(dtype=int))
    count = "mentions" if "mentions" in by_group else "quotes"
    table = by_group.dropna(subset=["z"])
    if min_count:
        totals = table.groupby(item)[count].transform("sum")
        table = table[totals >= min_count]
    over = table[table["z"] > 0].sort_values(["group", "z", item], ascending=[True, False, True])
    under = table[table["z"] < 0].sort_values(["group", "z", item], ascending=[True, True, True])
    over = over.groupby("group", observed=True).head(top_k).assign(direction="over")
    under = under.groupby("group", observed=True).head(top_k).assign(direction="under")
    both = pd.concat([over, under], ignore_index=True)
    both["rank"] = both.groupby(["group", "direction"], observed=True).cumcount() + 1
    return both.sort_values(["group", "direction", "rank"], kind="stable").reset_index(drop=True)


# --- framing --------------------------------------------------------------------------------


def _bootstrap_sums(values: np.ndarray, *, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """``n_boot`` resamples (with replacement) of the rows of ``values`` (documents x
    statistics), summed: ``(n_boot, statistics)``. Resample counts come from one
    ``bincount`` per batch and the sums from one matrix product, so nothing loops per row."""
    rows = values.shape[0]
    out = np.empty((n_boot, values.shape[1]))
    batch = max(1, min(n_boot, 4_000_000 // max(rows, 1)))
    for first in range(0, n_boot, batch):
        size = min(batch, n_boot - first)
        picks = rng.integers(0, rows, size=(size, rows))
        picks += (np.arange(size) * rows)[:, None]
        weights = np.bincount(picks.ravel(), minlength=size * rows).reshape(size, rows)
        out[first : first + size] = weights @ values
    return out


def _ratio(numerator, denominator):
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(
            denominator > 0, numerator / np.where(denominator > 0, denominator, 1), np.nan
        )


_FRAME_GROUP_COLUMNS = [
    "group", "documents", "sentences", "small_group", "measure", "frame", "value",
    "ci_low", "ci_high",
]  # fmt: skip


def frames_by_group(
    sentences: pd.DataFrame,
    groups: pd.DataFrame,
    *,
    min_documents: int = 5,
    n_boot: int = 1000,
    seed: int = 0,
    level: float = 0.95,
) -> pd.DataFrame:
    """Frame shares, balance and mean sentiment per group, with bootstrap intervals over
    articles.

    Long format, one row per group and measure: ``group, documents, sentences, small_group,
    measure, frame, value, ci_low, ci_high``. ``measure`` is ``share`` (the share of the
    group's sentences labelled ``frame``: each frame of the table, both, neither),
    ``balance`` ((R - D) / (R + D) over the group's sentences in the first two frames,
    ``both`` counting for each; ``frame`` empty) or ``sentiment`` (mean VADER compound of
    the sentences labelled ``frame``, ``all`` for every sentence). ``ci_low``/``ci_high`` bound the ``level`` percentile
    bootstrap interval from ``n_boot`` resamples of the group's articles (seeded per group, so
    the same run gives the same intervals). A value over no sentence is NaN, and so is the
    interval of a measure defined in fewer than two of the group's articles.
    """
    if groups is None or not len(groups) or sentences is None:
        return pd.DataFrame(columns=_FRAME_GROUP_COLUMNS)
    sizes = group_sizes(groups, min_documents=min_documents)
    frames = table_frames(sentences)
    labels = list(frame_labels(frames))
    labels += sorted(set(map(str, sentences["frame"].dropna().unique())) - set(labels))
    parts = _sentence_parts(sentences, labels, frames)
    matrix = _document_sums(sentences, groups, parts)
    position = {name: i for i, name in enumerate(parts)}
    group_of_document = groups["group"].astype(str).to_numpy()
    rows = []
    for index, size in enumerate(sizes.itertuples(index=False)):
        values = matrix[group_of_document == size.group]
        if not len(values):
            continue
        rng = np.random.default_rng([seed, index])
        boot = _bootstrap_sums(values, n_boot=max(n_boot, 1), rng=rng)
        rows += _group_frame_rows(
            size, values, boot, labels, position, with_intervals=bool(n_boot), level=level
        )
    return pd.DataFrame(rows, columns=_FRAME_GROUP_COLUMNS)


def _sentence_parts(
    sentences: pd.DataFrame, labels: list[str], frames: list[str]
) -> dict[str, np.ndarray]:
    """Per sentence, the statistics summed per document: ``n`` (1), ``c:<label>`` (labelled
    so), ``s:<label>``/``k:<label>`` (its sentiment, and whether it has one, when labelled
    so), ``in:<frame>`` (in the frame) and ``s:all``/``k:all``."""
    frame_codes, frame_names = pd.factorize(sentences["frame"])
    frame_names = [str(f) for f in frame_names]

    def one_of(*wanted: str) -> np.ndarray:
        codes = [i for i, name in enumerate(frame_names) if name in wanted]
        return np.isin(frame_codes, codes)

    sentiment = sentences["sentiment"].to_numpy(dtype=float, na_value=np.nan)
    has = ~np.isnan(sentiment)
    value = np.where(has, sentiment, 0.0)
    parts = {"n": np.ones(len(sentences))}
    for label in labels:
        inside = one_of(label)
        parts[f"c:{label}"] = inside
        parts[f"s:{label}"] = np.where(inside, value, 0.0)
        parts[f"k:{label}"] = inside & has
    for frame in frames:
        parts[f"in:{frame}"] = in_frame(sentences, frame).to_numpy()
    parts["s:all"] = value
    parts["k:all"] = has
    return parts


def _document_sums(
    sentences: pd.DataFrame, groups: pd.DataFrame, parts: dict[str, np.ndarray]
) -> np.ndarray:
    """``parts`` summed per document of ``groups`` (documents x statistics, in ``groups``
    order; a document without sentences is all zeros)."""
    position_of = pd.Index(groups["doc_id"].to_numpy()).get_indexer(
        pd.Index(pd.factorize(sentences["doc_id"])[1])
    )
    row_codes = pd.factorize(sentences["doc_id"])[0]
    rows_of_sentence = np.where(row_codes >= 0, position_of[np.maximum(row_codes, 0)], -1)
    keep = rows_of_sentence >= 0
    return np.column_stack(
        [
            np.bincount(
                rows_of_sentence[keep],
                weights=np.asarray(values, dtype=float)[keep],
                minlength=len(groups),
            )
            for values in parts.values()
        ]
    )


def _frame_measures(
    sums: np.ndarray, labels: list[str], position: dict[str, int]
) -> list[tuple[str, str, np.ndarray]]:
    """``(measure, frame, value)`` of every measure, from the summed statistics (the last
    axis of ``sums``): shares per label, the balance between the first two frames, mean
    sentiment overall and per label."""

    def column(name: str) -> np.ndarray:
        return sums[..., position[name]]

    result = [("share", label, _ratio(column(f"c:{label}"), column("n"))) for label in labels]
    pair = balance_frames([name.removeprefix("in:") for name in position if name[:3] == "in:"])
    if pair is None:
        result.append(("balance", "", np.full_like(column("n"), np.nan, dtype=float)))
    else:
        d, r = column(f"in:{pair[0]}"), column(f"in:{pair[1]}")
        result.append(("balance", "", _ratio(r - d, r + d)))
    result.append(("sentiment", "all", _ratio(column("s:all"), column("k:all"))))
    result += [
        ("sentiment", label, _ratio(column(f"s:{label}"), column(f"k:{label}"))) for label in labels
    ]
    return result


def _group_frame_rows(
    size,
    values: np.ndarray,
    boot: np.ndarray,
    labels: list[str],
    position: dict[str, int],
    *,
    with_intervals: bool,
    level: float,
) -> list[dict]:
    """The rows of one group: each measure's value over the group's documents (``values``)
    and its percentile interval over the bootstrap sums (``boot``)."""
    point = values.sum(axis=0)
    low, high = 100 * (1 - level) / 2, 100 * (1 + level) / 2
    rows = []
    for (measure, label, value), (_, _, samples), (_, _, per_document) in zip(
        _frame_measures(point, labels, position),
        _frame_measures(boot, labels, position),
        _frame_measures(values, labels, position),
        strict=True,
    ):
        # an interval needs at least two articles where the measure is defined: with one,
        # every resample that is defined repeats it and the interval would be a false zero
        enough = int(np.isfinite(per_document).sum()) >= 2
        finite = samples[np.isfinite(samples)] if with_intervals and enough else samples[:0]
        ci = np.percentile(finite, [low, high]) if len(finite) else (np.nan, np.nan)
        rows.append(
            {
                "group": size.group,
                "documents": int(size.documents),
                "sentences": int(point[position["n"]]),
                "small_group": bool(size.small_group),
                "measure": measure,
                "frame": label,
                "value": float(value),
                "ci_low": float(ci[0]),
                "ci_high": float(ci[1]),
            }
        )
    return rows


# --- quotes ---------------------------------------------------------------------------------


def quote_speakers_by_group(
    quotes: pd.DataFrame,
    groups: pd.DataFrame,
    *,
    min_documents: int = 5,
    prior_mass: float = 1000.0,
    dense_top: int = 100,
) -> pd.DataFrame:
    """Who is quoted in each group.

    Columns: ``group, group_documents, group_quotes, small_group, speaker, resolved, quotes,
    direct, partial, indirect, words_quoted, documents, share, log_odds, z``. ``speaker`` is
    the canonical entity, else the words as written (``resolved`` false), as in
    ``quote_speakers.csv``; ``share = quotes / group_quotes``; ``log_odds``/``z`` compare the
    group's quotes with the other groups' (:func:`log_odds_dirichlet`). The ``dense_top``
    most quoted speakers of the corpus have a row in every group (zero when not quoted there).
    """
    from newslens.quotes import KINDS, speaker_name

    columns = [
        "group", "group_documents", "group_quotes", "small_group", "speaker", "resolved",
        "quotes", *KINDS, "words_quoted", "documents", "share", "log_odds", "z",
    ]  # fmt: skip
    if groups is None or not len(groups) or quotes is None or not len(quotes):
        return pd.DataFrame(columns=columns)
    sizes = group_sizes(groups, min_documents=min_documents)
    speaker = speaker_name(quotes)
    kind_codes, kind_names = pd.factorize(quotes["kind"])
    counts = _pair_counts(
        quotes["doc_id"],
        speaker,
        groups,
        key="speaker",
        sums={
            "words_quoted": _word_counts(quotes["quote"]),
            **{
                k: np.isin(kind_codes, [i for i, n in enumerate(kind_names) if n == k])
                for k in KINDS
            },
        },
    )
    resolved = (quotes["speaker_entity"].fillna("") != "").groupby(speaker.to_numpy()).any()
    counts = _with_dense_top(counts, key="speaker", groups=list(sizes["group"]), top=dense_top)
    counts["group"] = pd.Categorical(
        counts["group"].astype(str), categories=groups["group"].cat.categories, ordered=True
    )
    counts["resolved"] = counts["speaker"].map(resolved).fillna(False).astype(bool)
    counts = log_odds_dirichlet(counts, item="speaker", prior_mass=prior_mass)
    counts = _group_columns(counts, sizes, total_name="group_quotes")
    counts = counts.rename(columns={"count": "quotes"})
    for column in ["quotes", *KINDS, "words_quoted", "documents"]:
        counts[column] = counts[column].fillna(0).astype(int)
    counts["share"] = counts["quotes"] / counts["group_quotes"].where(counts["group_quotes"] > 0)
    counts = counts.sort_values(
        ["group", "quotes", "words_quoted", "speaker"],
        ascending=[True, False, False, True],
        kind="stable",
    )
    return counts[columns].reset_index(drop=True)


def quote_kinds_by_group(
    quotes: pd.DataFrame, groups: pd.DataFrame, *, min_documents: int = 5
) -> pd.DataFrame:
    """Quotes of each kind per group: ``group, group_documents, small_group, kind, quotes,
    share`` (share of the group's quotes; every kind listed, zero when absent)."""
    from newslens.quotes import KINDS

    columns = ["group", "group_documents", "small_group", "kind", "quotes", "share"]
    if groups is None or not len(groups) or quotes is None:
        return pd.DataFrame(columns=columns)
    sizes = group_sizes(groups, min_documents=min_documents)
    group_codes, _ = _group_codes(quotes["doc_id"], groups)
    joined = pd.DataFrame(
        {
            "group": pd.Categorical.from_codes(
                group_codes[group_codes >= 0], dtype=groups["group"].dtype
            ),
            "kind": pd.Categorical(
                quotes["kind"].astype("string").to_numpy()[group_codes >= 0],
                categories=list(KINDS),
            ),
        }
    )
    counts = joined.groupby(["group", "kind"], observed=False).size().reset_index(name="quotes")
    totals = counts.groupby("group", observed=False)["quotes"].transform("sum")
    counts["share"] = counts["quotes"] / totals.where(totals > 0)
    info = sizes.set_index("group")
    counts["group_documents"] = counts["group"].astype(str).map(info["documents"]).astype(int)
    counts["small_group"] = counts["group"].astype(str).map(info["small_group"]).astype(bool)
    counts["kind"] = counts["kind"].astype(str)
    counts["group"] = counts["group"].astype(str)
    return counts[columns]
