"""The corpus tables of entities: they take the resolved mentions table and return new
tables (pure, deterministic order). Entities with the same canonical name merge across
documents; ``linked_by`` names the rule behind every merge, so :func:`entity_aliases` is the
audit of the resolution."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from newslens.entities.document import majority_label
from newslens.entities.names import collapsed
from newslens.grouped_text import joined_within_groups

ENTITY_COLUMNS = ["entity", "label", "mentions", "documents", "aliases"]
COOCCURRENCE_COLUMNS = ["entity_a", "entity_b", "sentences", "documents"]
ALIAS_SEPARATOR = " | "


def _empty(columns: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame({column: pd.Series(dtype="object") for column in columns})


def entity_labels(mentions: pd.DataFrame) -> pd.Series:
    """One label per entity across the corpus (:func:`~newslens.entities.document.majority_label`
    of its mentions' labels), indexed by entity."""
    votes: dict[str, dict[str, int]] = {}
    for (entity, label), n in mentions.groupby(["entity", "label"]).size().items():
        votes.setdefault(entity, {})[label] = n
    labels = {entity: majority_label(counts) for entity, counts in votes.items()}
    return pd.Series(labels, name="label", dtype="object").rename_axis("entity")


def entity_table(mentions: pd.DataFrame, *, min_mentions: int = 1) -> pd.DataFrame:
    """``entities.csv``: ``entity, label, mentions, documents, aliases``.

    Entities with the same canonical name merge across documents; ``label`` is the entity's
    most frequent label, ``aliases`` every distinct surface form counted under it (most
    frequent first, joined by `` | ``), so the merging can be audited. Sorted by mentions
    (descending) then entity; entities with fewer than ``min_mentions`` mentions are left out.
    """
    if mentions.empty:
        return _empty(ENTITY_COLUMNS)
    labels = entity_labels(mentions)
    forms = mentions.assign(form=collapsed(mentions["text"]))
    form_counts = forms.groupby(["entity", "form"]).size().reset_index(name="n")
    form_counts = form_counts.sort_values(["entity", "n", "form"], ascending=[True, False, True])
    aliases = joined_within_groups(
        form_counts, by=["entity"], column="form", separator=ALIAS_SEPARATOR
    ).set_index("entity")["form"]
    table = mentions.groupby("entity", sort=True).agg(
        mentions=("doc_id", "size"), documents=("doc_id", "nunique")
    )
    table["label"] = labels
    table["aliases"] = aliases
    table = table.reset_index()[ENTITY_COLUMNS]
    table = table[table["mentions"] >= min_mentions]
    table = table.sort_values(["mentions", "entity"], ascending=[False, True], kind="mergesort")
    return table.reset_index(drop=True)


def entity_aliases(mentions: pd.DataFrame) -> pd.DataFrame:
    """Every surface form merged into each entity: ``entity, label, alias, mentions,
    documents, linked_by`` (the linking rules that applied, joined by ``|``). One row per
    (entity, form), entities in :func:`entity_table` order, forms most frequent first."""
    columns = ["entity", "label", "alias", "mentions", "documents", "linked_by"]
    if mentions.empty:
        return _empty(columns)
    forms = mentions.assign(alias=collapsed(mentions["text"]))
    table = forms.groupby(["entity", "alias"], sort=True).agg(
        mentions=("doc_id", "size"), documents=("doc_id", "nunique")
    )
    rules = joined_within_groups(
        forms[["entity", "alias", "linked_by"]].drop_duplicates().sort_values("linked_by"),
        by=["entity", "alias"],
        column="linked_by",
        separator="|",
    ).set_index(["entity", "alias"])["linked_by"]
    table = table.assign(linked_by=rules).reset_index()
    table["label"] = table["entity"].map(entity_labels(mentions))
    totals = table.groupby("entity")["mentions"].transform("sum")
    table = table.assign(total=totals).sort_values(
        ["total", "entity", "mentions", "alias"], ascending=[False, True, False, True]
    )
    return table[columns].reset_index(drop=True)


def entity_counts_by_document(mentions: pd.DataFrame) -> pd.DataFrame:
    """``entity_counts_by_document.csv``: ``doc_id, entity, label, mentions`` (label as in
    :func:`entity_table`), sorted by doc_id, mentions (descending), entity."""
    columns = ["doc_id", "entity", "label", "mentions"]
    if mentions.empty:
        return _empty(columns)
    table = mentions.groupby(["doc_id", "entity"], sort=True).size().reset_index(name="mentions")
    table["label"] = table["entity"].map(entity_labels(mentions))
    table = table.sort_values(["doc_id", "mentions", "entity"], ascending=[True, False, True])
    return table[columns].reset_index(drop=True)


def with_sentences(mentions: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """``mentions`` with the ``sentence`` each one stands in (the ``text`` of the sentences
    table), put after ``text``: a reader of the report checks a count against the words
    around it without opening the corpus."""
    if mentions.empty:
        return mentions.assign(sentence=pd.Series(dtype=object))
    lookup = sentences[["doc_id", "sentence_id", "text"]].rename(columns={"text": "sentence"})
    table = mentions.merge(lookup, on=["doc_id", "sentence_id"], how="left", sort=False)
    table["sentence"] = table["sentence"].fillna("")
    columns = list(mentions.columns)
    at = columns.index("text") + 1 if "text" in columns else len(columns)
    return table[[*columns[:at], "sentence", *columns[at:]]]


def cooccurrence(mentions: pd.DataFrame, *, entities: Iterable[str] | None = None) -> pd.DataFrame:
    """``cooccurrence.csv``: ``entity_a, entity_b, sentences, documents``.

    Two entities co-occur when both are mentioned in the same sentence (same ``doc_id`` and
    ``sentence_id``); ``sentences`` counts such sentences and ``documents`` the documents
    they are in. Each pair appears once with ``entity_a < entity_b``. ``entities`` restricts
    the pairs to those entities (e.g. the top ones). Sorted by sentences, documents
    (descending), then the names.
    """
    if mentions.empty:
        return _empty(COOCCURRENCE_COLUMNS)
    selected = mentions
    if entities is not None:
        selected = mentions[mentions["entity"].isin(set(entities))]
    units = selected[["doc_id", "sentence_id", "entity"]].drop_duplicates()
    pairs = units.merge(units, on=["doc_id", "sentence_id"], suffixes=("_a", "_b"))
    pairs = pairs[pairs["entity_a"] < pairs["entity_b"]]
    if pairs.empty:
        return _empty(COOCCURRENCE_COLUMNS)
    table = pairs.groupby(["entity_a", "entity_b"], sort=False).agg(
        sentences=("sentence_id", "size"), documents=("doc_id", "nunique")
    )
    table = table.reset_index()[COOCCURRENCE_COLUMNS]
    table = table.sort_values(
        ["sentences", "documents", "entity_a", "entity_b"], ascending=[False, False, True, True]
    )
    return table.reset_index(drop=True)


def mentions_by_period(
    mentions: pd.DataFrame, documents: pd.DataFrame, *, period: str = "M"
) -> pd.DataFrame:
    """Mentions per entity per period: ``period, entity, label, mentions, documents``.

    ``documents`` is the corpus overview (``doc_id, date``); documents without a readable
    date are left out, and the result is empty when none has one. ``period`` is a pandas
    period alias (``D``, ``W``, ``M``, ``Q``, ``Y``). Sorted by period, mentions
    (descending), entity.
    """
    columns = ["period", "entity", "label", "mentions", "documents"]
    if mentions.empty or documents.empty or "date" not in documents:
        return _empty(columns)
    dates = pd.to_datetime(documents.set_index("doc_id")["date"], errors="coerce", utc=True)
    dates = dates.dropna()
    if dates.empty:
        return _empty(columns)
    periods = dates.dt.tz_localize(None).dt.to_period(period).astype(str)
    dated = mentions.assign(period=mentions["doc_id"].map(periods)).dropna(subset=["period"])
    if dated.empty:
        return _empty(columns)
    table = dated.groupby(["period", "entity"], sort=True).agg(
        mentions=("doc_id", "size"), documents=("doc_id", "nunique")
    )
    table = table.reset_index()
    table["label"] = table["entity"].map(entity_labels(mentions))
    table = table.sort_values(["period", "mentions", "entity"], ascending=[True, False, True])
    return table[columns].reset_index(drop=True)
