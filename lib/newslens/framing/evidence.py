"""The evidence behind the labels: the most typical sentences of each frame, and their
matched terms as highlights for a report."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import pandas as pd

from newslens.framing.labels import in_frame


def typical_sentences(sentences: pd.DataFrame, *, frame: str, top_n: int = 5) -> pd.DataFrame:
    """The most typical sentences of ``frame`` (any frame of the table): sentences in it
    (labelled with it or ``both``; with more than two frames, listed in ``frames``), ranked
    by how far their score for this frame exceeds their score for the other frames
    (``margin``), then by score, then by document and position. Adds ``margin`` and
    ``rank`` columns."""
    score_column = f"{frame}_score"
    others = [c for c in sentences.columns if c.endswith("_score") and c != score_column] or [
        score_column
    ]
    part = sentences[in_frame(sentences, frame)].copy()
    part["margin"] = part[score_column] - part[others].max(axis=1)
    part = part.sort_values(
        ["margin", score_column, "doc_id", "sentence_id"], ascending=[False, False, True, True]
    ).head(top_n)
    part["rank"] = range(1, len(part) + 1)
    return part.reset_index(drop=True)


def restore_columns(rows: pd.DataFrame, full: pd.DataFrame) -> pd.DataFrame:
    """``rows``, picked from a light copy of the sentences table (:func:`light_columns`),
    with every column of ``full`` (the same sentences read whole, e.g. with
    ``Run.table("sentences", doc_ids=...)``): ``full``'s columns in its order, then the
    columns ``rows`` added (``margin``, ``rank``), rows in ``rows``' order."""
    keys = ["doc_id", "sentence_id"]
    added = [c for c in rows.columns if c not in full.columns]
    # many to one: a sentence in two frames is typical of both and picked twice
    merged = rows[keys + added].merge(full, on=keys, how="left", validate="many_to_one")
    return merged[[*full.columns, *added]]


def evidence_rows(
    evidence: pd.DataFrame, terms: pd.DataFrame, *, columns: Sequence[str] = ()
) -> list[tuple[dict[str, object], str, list]]:
    """For each evidence sentence, ``(cells, sentence text, highlights)`` ready for
    :func:`newslens.display.highlight_table`: ``cells`` holds ``columns`` of the row,
    highlights mark every matched term (offsets relative to the sentence), coloured by frame
    (CSS class ``nl-<frame>``: :func:`newslens.display.highlight_css` styles every frame)
    and titled with the term and its weight."""
    from newslens.display import Highlight

    by_sentence: dict[tuple, list] = defaultdict(list)
    wanted = evidence[["doc_id", "sentence_id"]].drop_duplicates()
    for row in terms.merge(wanted, on=["doc_id", "sentence_id"]).itertuples(index=False):
        by_sentence[(row.doc_id, row.sentence_id)].append(row)
    result = []
    for row in evidence.to_dict("records"):
        highlights = [
            Highlight(
                start=term.start - row["start"],
                end=term.end - row["start"],
                css_class=f"nl-{term.frame}",
                title=f"{term.frame}: {term.term} ({term.weight:g})",
            )
            for term in by_sentence[(row["doc_id"], row["sentence_id"])]
        ]
        cells = {column: row[column] for column in columns}
        result.append((cells, row["text"], highlights))
    return result
