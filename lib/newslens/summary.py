"""The few sentences a report opens with: its headline numbers, in words.

A colleague who opens a report reads these first, so each function takes the tables the
report shows and returns a short HTML block (every name from the corpus escaped), the same
numbers as the tables below it. :func:`headline_numbers` gives the same numbers as a dict for
the run's index page.
"""

from __future__ import annotations

import html
import math

import pandas as pd

from newslens.framing.labels import frame_labels, frame_names
from newslens.text import counted

__all__ = [
    "entity_summary",
    "framing_summary",
    "quote_summary",
    "comparison_summary",
    "headline_numbers",
    "SUMMARY_CSS",
]

SUMMARY_CSS = (
    "<style>.nl-summary { background: #f4f6f7; border-left: 4px solid #2e86c1;"
    " padding: 0.5em 1em; margin: 0.5em 0 1em 0; max-width: 60em; line-height: 1.5; }"
    " .nl-summary ul { margin: 0.3em 0; }</style>"
)


def _e(value) -> str:
    return html.escape(str(value))


def _block(points: list[str], scale: str = "") -> str:
    items = "".join(f"<li>{p}</li>" for p in points if p)
    after = f'<p class="nl-scale">{_e(scale)}</p>' if scale else ""
    return f'{SUMMARY_CSS}<div class="nl-summary"><b>In short</b><ul>{items}</ul>{after}</div>'


def _names(table: pd.DataFrame, column: str, count: str, n: int, unit: str) -> str:
    rows = table.head(n)
    return ", ".join(
        f"<b>{_e(name)}</b> ({int(value):,} {unit})"
        for name, value in zip(rows[column], rows[count], strict=True)
    )


def entity_summary(
    entities: pd.DataFrame, mentions: pd.DataFrame, documents: pd.DataFrame, *, scale: str = ""
) -> str:
    """Mentions, entities and documents, and the most named entities overall and per label."""
    if entities is None or not len(entities):
        return _block([f"{counted(len(documents), 'document')}; no entity was found."], scale)
    points = [
        f"{counted(len(mentions), 'mention')} of {counted(len(entities), 'entity', 'entities')}"
        f" in {counted(len(documents), 'document')}"
        f" ({mentions['doc_id'].nunique():,} of them name at least one).",
        "Most named: " + _names(entities, "entity", "mentions", 5, "mentions") + ".",
    ]
    for label in ("PERSON", "ORG", "GPE"):
        part = entities[entities["label"] == label]
        if len(part):
            points.append(f"Top {label}: " + _names(part, "entity", "mentions", 3, "") + ".")
    return _block([p.replace(" )", ")") for p in points], scale)


def framing_summary(
    corpus_table: pd.DataFrame, balance_table: pd.DataFrame, *, scale: str = ""
) -> str:
    """Share of sentences per frame label, the sentences in each frame, the corpus balance
    (between the first two frames) and how documents lean."""
    if balance_table is None or not len(balance_table):
        return _block(["No sentences to frame."], scale)
    row = balance_table.iloc[0]
    frames = frame_names(balance_table, suffix="_frame_sentences")
    shares = corpus_table.set_index("frame")["share"] if len(corpus_table) else pd.Series()
    share_text = ", ".join(
        f"{_e(label)} {shares.get(label, 0):.1%}" for label in frame_labels(frames)
    )
    counts = [f"{int(row[f'{frame}_frame_sentences']):,}" for frame in frames]
    in_frames = ", ".join(
        f"{count}{' sentences' if i == 0 else ''} in the {_e(frame)} frame"
        for i, (count, frame) in enumerate(zip(counts, frames, strict=True))
    )
    points = [
        f"{counted(int(row['sentences']), 'sentence')} in"
        f" {counted(int(row['documents']), 'document')}: {share_text}."
    ]
    if len(frames) < 2:
        return _block([*points, f"{in_frames}."], scale)
    first, second = _e(frames[0]), _e(frames[1])
    balance = row["balance"]
    lean = "even" if balance == 0 else f"towards {first if balance < 0 else second}"
    balance_text = (
        "undefined (no framed sentence)" if balance != balance else f"{balance:+.2f} ({lean})"
    )
    points.append(f"{in_frames}: balance {balance_text}.")
    points.append(
        f"Documents leaning to {first}: {int(row[f'documents_{frames[0]}']):,}; to"
        f" {second}: {int(row[f'documents_{frames[1]}']):,}; even:"
        f" {int(row['documents_even']):,}; no framed sentence:"
        f" {int(row['documents_unframed']):,}."
    )
    return _block(points, scale)


def _named(speakers: pd.DataFrame) -> pd.DataFrame:
    """Speakers without the ``(no speaker)`` row: quotes nobody is credited with."""
    from newslens.quotes import NO_SPEAKER

    return speakers[speakers["speaker"] != NO_SPEAKER]


def quote_summary(
    quotes: pd.DataFrame, speakers: pd.DataFrame, kinds: pd.DataFrame, *, scale: str = ""
) -> str:
    """Quotes, how many are credited to a named entity, the most quoted, the kinds."""
    if quotes is None or not len(quotes):
        return _block(["No quotes were found."], scale)
    resolved = int((quotes["speaker_entity"].fillna("").astype(str) != "").sum())
    kind_text = ", ".join(
        f"{_e(k)} {s:.0%}" for k, s in zip(kinds["kind"], kinds["share"], strict=True)
    )
    return _block(
        [
            f"{counted(len(quotes), 'quote')} in {counted(quotes['doc_id'].nunique(), 'document')};"
            f" {resolved:,} ({resolved / len(quotes):.0%}) are credited to a named entity.",
            "Most quoted: " + _names(_named(speakers), "speaker", "quotes", 5, "quotes") + ".",
            f"By kind: {kind_text}.",
        ],
        scale,
    )


def comparison_summary(
    note: str,
    *,
    distinct: pd.DataFrame | None = None,
    item: str = "entity",
    frames: pd.DataFrame | None = None,
) -> str:
    """The grouping in one sentence (:func:`newslens.compare.groups_note`), then the most
    over-represented item of each of the first groups, or the range of the balance."""
    points = [_e(note)]
    if distinct is not None and len(distinct):
        over = distinct[(distinct["direction"] == "over") & (distinct["rank"] == 1)].head(6)
        if len(over):
            points.append(
                "Most over-represented (log-odds z): "
                + "; ".join(
                    f"{_e(g)}: <b>{_e(n)}</b> (z {z:+.1f})"
                    for g, n, z in zip(over["group"], over[item], over["z"], strict=True)
                )
                + "."
            )
    if frames is not None and len(frames):
        balance = frames[(frames["measure"] == "balance") & ~frames["small_group"]].dropna(
            subset=["value"]
        )
        if len(balance) >= 2:
            low = balance.loc[balance["value"].idxmin()]
            high = balance.loc[balance["value"].idxmax()]
            points.append(
                f"Balance from {low['value']:+.2f} in <b>{_e(low['group'])}</b> to"
                f" {high['value']:+.2f} in <b>{_e(high['group'])}</b> (groups with enough"
                " articles; intervals in the table)."
            )
    return _block(points)


def headline_numbers(tables_dir) -> dict:
    """The run's headline numbers from the tables its reports wrote (what exists):
    ``top_entities``, ``balance``, ``<frame>_sentences`` per frame and the shares of the
    frame labels, ``top_speakers``, ``quotes``."""
    from pathlib import Path

    tables = Path(tables_dir)
    numbers: dict = {}

    def read(name: str) -> pd.DataFrame | None:
        path = tables / f"{name}.csv"
        try:
            return pd.read_csv(path, keep_default_na=False, na_values=[""])
        except (OSError, ValueError):
            return None

    entities = read("entities")
    if entities is not None and len(entities):
        numbers["entities"] = len(entities)
        numbers["top_entities"] = (
            entities[["entity", "label", "mentions", "documents"]].head(5).to_dict("records")
        )
    balance = read("frame_balance")
    corpus = read("frame_corpus")
    if balance is not None and len(balance):
        value = float(balance["balance"].iloc[0])
        numbers["balance"] = None if math.isnan(value) else value
        for frame in frame_names(balance, suffix="_frame_sentences"):
            numbers[f"{frame}_sentences"] = int(balance[f"{frame}_frame_sentences"].iloc[0])
    if corpus is not None and len(corpus):
        numbers["frame_shares"] = dict(zip(corpus["frame"], corpus["share"], strict=True))
    speakers = read("quote_speakers")
    if speakers is not None and len(speakers):
        numbers["top_speakers"] = (
            _named(speakers)[["speaker", "quotes", "words_quoted"]].head(5).to_dict("records")
        )
    kinds = read("quote_kinds")
    if kinds is not None and len(kinds):
        numbers["quotes"] = int(kinds["quotes"].sum())
    return numbers
