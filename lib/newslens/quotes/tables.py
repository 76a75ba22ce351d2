"""The quotes table and what the notebook makes of it: rows of ``quotes.csv`` (see
docs/tables.md), speakers ranked, shares per kind, speakers per document and per frame, and
an article's quotes highlighted."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pandas as pd

from newslens.display import HIGHLIGHT_CSS, Highlight, highlight_text
from newslens.grouped_text import joined_within_groups
from newslens.quotes.records import KINDS, Found
from newslens.text import count_words

if TYPE_CHECKING:
    from newslens.quotes.context import Context

__all__ = [
    "QUOTE_COLUMNS",
    "EXTRA_COLUMNS",
    "NO_SPEAKER",
    "quotes_frame",
    "speaker_name",
    "quoted_text",
    "fragment_spans",
    "top_speakers",
    "kind_shares",
    "speakers_by_document",
    "speaker_frames",
    "quote_highlights",
    "highlight_quotes",
]

QUOTE_COLUMNS = [
    "doc_id",
    "quote_id",
    "start",
    "end",
    "quote",
    "kind",
    "cue",
    "speaker",
    "speaker_entity",
    "speaker_start",
    "speaker_end",
    "sentence_id",
]
EXTRA_COLUMNS = ["cue_start", "cue_end", "speaker_label", "fragments", "debug"]
OFFSET_COLUMNS = ("speaker_start", "speaker_end", "cue_start", "cue_end")
NO_SPEAKER = "(no speaker)"


def quotes_frame(
    results: list[Found], ctx: Context, *, doc_id: str, kinds: Iterable[str], skipped: bool
) -> pd.DataFrame:
    """The found quotes of one document as rows of :data:`QUOTE_COLUMNS` +
    :data:`EXTRA_COLUMNS`, numbered in text order; only ``kinds``, and the skipped
    stretches in marks too when ``skipped``."""
    wanted = set(kinds)
    rows: list[dict[str, object]] = []
    for found in results:
        if found.skipped and not skipped:
            continue
        if not found.skipped and found.kind not in wanted:
            continue
        rows.append(_row(found, ctx, doc_id=doc_id, quote_id=len(rows)))
    frame = pd.DataFrame(rows, columns=QUOTE_COLUMNS + EXTRA_COLUMNS)
    for column in OFFSET_COLUMNS:
        frame[column] = frame[column].astype("Int64")
    return frame


def _row(found: Found, ctx: Context, *, doc_id: str, quote_id: int) -> dict[str, object]:
    speaker, cue = found.speaker, found.cue
    return {
        "doc_id": doc_id,
        "quote_id": quote_id,
        "start": found.start,
        "end": found.end,
        "quote": ctx.text[found.start : found.end],
        "kind": "" if found.skipped else found.kind,
        "cue": cue.text if cue is not None else "",
        "speaker": speaker.text,
        "speaker_entity": speaker.entity,
        "speaker_start": speaker.start if speaker.start is not None else pd.NA,
        "speaker_end": speaker.end if speaker.end is not None else pd.NA,
        "sentence_id": ctx.sentence_id(found.start),
        "cue_start": cue.idx if cue is not None else pd.NA,
        "cue_end": cue.idx + len(cue) if cue is not None else pd.NA,
        "speaker_label": speaker.label,
        "fragments": ";".join(f"{s}-{e}" for s, e in found.fragments),
        "debug": found.describe(),
    }


def speaker_name(quotes: pd.DataFrame) -> pd.Series:
    """Who each quote is credited to: the canonical entity, else the speaker's words as
    written (an unresolved pronoun or description), else ``(no speaker)``."""
    entity = quotes["speaker_entity"].fillna("").astype(str)
    written = quotes["speaker"].fillna("").astype(str)
    return entity.where(entity != "", written).where((entity != "") | (written != ""), NO_SPEAKER)


def quoted_text(quotes: pd.DataFrame) -> pd.Series:
    """The words each quote puts in marks: the ``quote`` itself, or for a row of several
    fragments (the fragments one report quotes, the paragraphs of a long quote) the
    fragments joined by a space, without the journalist's words between them. Words quoted
    are counted in this text."""
    text = quotes["quote"].fillna("").astype(str)
    if not len(quotes) or not {"fragments", "start"} <= set(quotes.columns):
        return text  # a table without fragments: the quotes as they stand
    pieces = quotes["fragments"].fillna("").astype(str)
    several = pieces.str.contains(";", regex=False)
    joined = [
        _fragments_text(quote, int(start), spec)
        for quote, start, spec in zip(
            text[several], quotes.loc[several, "start"], pieces[several], strict=True
        )
    ]
    return text.mask(several, pd.Series(joined, index=text.index[several], dtype=object))


def _fragments_text(quote: str, start: int, spec: str) -> str:
    return " ".join(quote[begin - start : end - start] for begin, end in fragment_spans(spec))


def fragment_spans(spec: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` characters of each piece of a ``fragments`` value ("12-40;52-60")."""
    spans = []
    for piece in str(spec).split(";"):
        start, end = (int(x) for x in piece.split("-"))
        spans.append((start, end))
    return spans


def top_speakers(quotes: pd.DataFrame, *, top_n: int | None = 20) -> pd.DataFrame:
    """Speakers ranked by number of quotes, with the words quoted and quotes per kind:
    ``speaker, resolved, quotes, words_quoted, direct, partial, indirect, documents``; the
    ``top_n`` first, or every speaker with ``top_n=None`` (``quote_speakers.csv``).

    Sorted by quotes, then words, then name, so ties come out the same every time.
    """
    columns = ["speaker", "resolved", "quotes", "words_quoted", *KINDS, "documents"]
    if quotes is None or not len(quotes):
        return pd.DataFrame(columns=columns)
    frame = quotes.assign(
        speaker_key=speaker_name(quotes),
        words=quoted_text(quotes).map(count_words),
        resolved=quotes["speaker_entity"].fillna("").astype(str) != "",
    )
    grouped = frame.groupby("speaker_key", sort=True)
    table = pd.DataFrame(
        {
            "speaker": list(grouped.groups),
            "resolved": grouped["resolved"].any().to_numpy(),
            "quotes": grouped.size().to_numpy(),
            "words_quoted": grouped["words"].sum().to_numpy(),
            "documents": grouped["doc_id"].nunique().to_numpy(),
        }
    )
    kinds = frame.pivot_table(
        index="speaker_key", columns="kind", values="quote_id", aggfunc="count", fill_value=0
    )
    for kind in KINDS:
        table[kind] = table["speaker"].map(kinds[kind] if kind in kinds else {}).fillna(0)
        table[kind] = table[kind].astype(int)
    table = table.sort_values(
        ["quotes", "words_quoted", "speaker"], ascending=[False, False, True], kind="stable"
    )
    table = table[columns] if top_n is None else table[columns].head(top_n)
    return table.reset_index(drop=True)


def kind_shares(quotes: pd.DataFrame) -> pd.DataFrame:
    """Quotes and words quoted per kind, with shares: ``kind, quotes, share, words_quoted``."""
    rows = []
    total = len(quotes) if quotes is not None else 0
    for kind in KINDS:
        part = quotes[quotes["kind"] == kind] if total else quotes
        count = len(part) if total else 0
        rows.append(
            {
                "kind": kind,
                "quotes": count,
                "share": count / total if total else 0.0,
                "words_quoted": int(quoted_text(part).map(count_words).sum()) if count else 0,
            }
        )
    return pd.DataFrame(rows, columns=["kind", "quotes", "share", "words_quoted"])


def speakers_by_document(
    quotes: pd.DataFrame, documents: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Quotes per speaker in each document, with the document's ``source`` and ``date``
    when the corpus has them: ``doc_id, source, date, speaker, quotes, kinds``."""
    columns = ["doc_id", "source", "date", "speaker", "quotes", "kinds"]
    if quotes is None or not len(quotes):
        return pd.DataFrame(columns=columns)
    frame = quotes.assign(speaker_key=speaker_name(quotes))
    counts = frame.groupby(["doc_id", "speaker_key"], sort=True)["quote_id"].count()
    kinds = joined_within_groups(
        frame[["doc_id", "speaker_key", "kind"]].drop_duplicates().sort_values("kind"),
        by=["doc_id", "speaker_key"],
        column="kind",
        separator=", ",
    )
    table = (
        counts.rename("quotes")
        .reset_index()
        .merge(kinds, on=["doc_id", "speaker_key"], how="left", validate="one_to_one")
        .rename(columns={"speaker_key": "speaker", "kind": "kinds"})
    )
    if documents is not None and len(documents):
        meta = documents[["doc_id", "source", "date"]].drop_duplicates("doc_id")
        table = table.merge(meta, on="doc_id", how="left")
    for column in ("source", "date"):
        if column not in table:
            table[column] = ""
    table = table.fillna({"source": "", "date": ""})
    table = table.sort_values(
        ["doc_id", "quotes", "speaker"], ascending=[True, False, True], kind="stable"
    )
    return table[columns].reset_index(drop=True)


def speaker_frames(quotes: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Which frame each speaker's quotes fall in: the frame of the sentence each quote
    starts in (``sentences.csv`` rows joined on ``doc_id, sentence_id``), counted per
    speaker: ``speaker, quotes, <one column per frame>``."""
    if quotes is None or not len(quotes) or sentences is None or not len(sentences):
        return pd.DataFrame(columns=["speaker", "quotes"])
    joined = quotes.assign(speaker_key=speaker_name(quotes)).merge(
        sentences[["doc_id", "sentence_id", "frame"]], on=["doc_id", "sentence_id"], how="left"
    )
    joined["frame"] = joined["frame"].fillna("neither")
    table = pd.crosstab(joined["speaker_key"], joined["frame"])
    table.insert(0, "quotes", table.sum(axis=1))
    table = table.reset_index().rename(columns={"speaker_key": "speaker"})
    table.columns.name = None
    return table.sort_values(
        ["quotes", "speaker"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)


def quote_highlights(quotes: pd.DataFrame) -> list[Highlight]:
    """:class:`newslens.display.Highlight` marks for one document's quotes (each labelled
    with its speaker and kind) and their speaker mentions."""
    marks = []
    names = speaker_name(quotes) if len(quotes) else []
    for row, name in zip(quotes.itertuples(index=False), names, strict=True):
        cue = f", cue: {row.cue}" if row.cue else ""
        for start, end in fragment_spans(row.fragments):
            marks.append(
                Highlight(start, end, "nl-quote", f"{name} ({row.kind})", f"{row.kind}{cue}")
            )
        if str(row.speaker_start) != "<NA>" and not pd.isna(row.speaker_start):
            start, end = int(row.speaker_start), int(row.speaker_end)
            if not any(m.start < end and start < m.end for m in marks):
                marks.append(Highlight(start, end, "nl-speaker", "", f"speaker: {name}"))
    return marks


def highlight_quotes(text: str, quotes: pd.DataFrame) -> str:
    """One article as escaped HTML with its quotes highlighted and labelled by speaker."""
    return HIGHLIGHT_CSS + highlight_text(text, quote_highlights(quotes))
