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

Steps 1 and 2 live in :mod:`newslens.grouping`, the entity and quote tables and the
log-odds in :mod:`newslens.group_tables`; this module re-exports them, so notebooks use
``compare.<name>`` for every comparison.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from newslens.framing.labels import balance_frames, frame_labels, in_frame, table_frames
from newslens.group_tables import (
    distinctive,
    entities_by_group,
    log_odds_dirichlet,
    quote_kinds_by_group,
    quote_speakers_by_group,
)
from newslens.grouping import (
    DOCUMENT_COLUMNS,
    MISSING,
    PERIODS,
    GroupingError,
    assign_groups,
    check_grouping,
    figure_groups,
    group_sizes,
    groups_note,
    join_metadata,
    period_code,
    read_metadata,
)

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
    the sentences labelled ``frame``, ``all`` for every sentence). ``ci_low``/``ci_high``
    bound the ``level`` percentile bootstrap interval from ``n_boot`` resamples of the group's articles (seeded per group, so
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
