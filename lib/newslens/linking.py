"""Entities resolved once for the whole corpus, after the per-document pass.

The pass writes each document's ``mentions`` and ``quotes`` to a work folder;
:func:`link_entities` resolves the mentions across the corpus
(:func:`newslens.entities.link_across_documents`) and writes ``mentions`` and ``quotes``
(their ``speaker_entity``) with the same canonical names, which every report then uses.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from newslens.table_writer import write_whole

__all__ = ["LINKED_TABLES", "LINK_APART_BYTES", "link_corpus", "link_entities"]

LINKED_TABLES = ("mentions", "quotes")  # tables rewritten with the corpus-level entity names
LINK_APART_BYTES = 8 * 2**20  # per-document mentions (Parquet) above which linking runs apart


def link_corpus(
    work_dir: Path, tables_dir: Path, *, alias_file: str = "", apart: bool | None = None
) -> dict[str, int]:
    """:func:`link_entities`, in a child process when ``apart`` (default: when the
    per-document mentions exceed :data:`LINK_APART_BYTES`, about 7,500 articles).

    Why: on the whole corpus (2.8M mentions) the linking holds about 2 GB, and the
    allocator keeps most of it after the DataFrames are gone, so the process that then
    runs the notebooks would carry it under every kernel. A child gives it all back when
    it exits. Same function, same arguments, same tables either way. The child ignores
    Ctrl-C; an interrupted coordinator stops it at once.
    """
    if apart is None:
        apart = (work_dir / "mentions.parquet").stat().st_size > LINK_APART_BYTES
    if not apart:
        return link_entities(work_dir, tables_dir, alias_file=alias_file)
    import multiprocessing

    from newslens.workers import children_ignore_interrupts

    with children_ignore_interrupts():
        child = multiprocessing.get_context("spawn").Pool(1)
    try:
        linking = child.apply_async(
            link_entities, (work_dir, tables_dir), {"alias_file": alias_file}
        )
        return linking.get()
    finally:
        child.terminate()  # at once on Ctrl-C or kill, rather than after the linking
        child.join()


def link_entities(work_dir: Path, tables_dir: Path, *, alias_file: str = "") -> dict[str, int]:
    """Resolve entities across the corpus once, from the per-document mentions, and write
    ``mentions`` and ``quotes`` (speakers) with the same canonical names."""
    from newslens.entities import link_across_documents, load_aliases

    mentions = pd.read_parquet(work_dir / "mentions.parquet")
    if len(mentions):
        aliases = load_aliases(alias_file or None)
        linked = link_across_documents(mentions, aliases=aliases)
    else:
        linked = mentions
    write_whole(linked, tables_dir, "mentions")
    quotes = pd.read_parquet(work_dir / "quotes.parquet")
    if len(quotes) and len(mentions) and "speaker_entity" in quotes:
        quotes = _rename_speakers(quotes, mentions, linked)
    write_whole(quotes, tables_dir, "quotes")
    return {"mentions": len(linked), "quotes": len(quotes)}


def _rename_speakers(
    quotes: pd.DataFrame, before: pd.DataFrame, after: pd.DataFrame
) -> pd.DataFrame:
    """Give each quote's ``speaker_entity`` the corpus-level name its document's entity got
    (``after`` keeps ``before``'s index labels; a name whose every mention the corpus step
    dropped leaves the speaker unresolved: its words stay in ``speaker``)."""
    linked = after["entity"].reindex(before.index)
    mapping = (
        pd.DataFrame(
            {"doc_id": before["doc_id"], "speaker_entity": before["entity"], "linked": linked}
        )
        .sort_values("linked", na_position="last", kind="stable")
        .drop_duplicates(["doc_id", "speaker_entity"])
    )
    merged = quotes.merge(mapping, on=["doc_id", "speaker_entity"], how="left", sort=False)
    named = merged["speaker_entity"].fillna("") != ""
    merged.loc[named, "speaker_entity"] = merged.loc[named, "linked"].fillna("")
    return merged.drop(columns=["linked"])
