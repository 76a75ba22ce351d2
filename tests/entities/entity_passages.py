"""Passages written for the entity tests, and the helpers the test modules share."""

from __future__ import annotations

import pandas as pd
from newslens.entities import MENTION_COLUMNS, entity_table, extract_mentions
from spacy.tokens import Span

ZELENSKYY_RUBIO = (
    "President Volodymyr Zelenskyy spoke in Kyiv on Monday. Zelenskyy said the talks were"
    " useful. Critics questioned Zelenskyy's plan. Secretary of State Marco Rubio met him in"
    " Paris. Rubio later left for Rome."
)
UNITED_STATES = (
    "Officials in the U.S. said on Tuesday that the United States would send more aid. US"
    " troops arrived in Poland. America has long backed Ukraine, and officials in Kiev welcomed"
    " the news."
)
TRUMP = (
    "Donald Trump spoke in Ohio on Friday. The Trump administration announced new tariffs, and"
    " Trump's team defended them."
)
TWO_MARIAS = (
    "Maria Lopez, a teacher, met Maria Chen, a nurse, in Madrid. Lopez said the meeting went"
    " well. Chen disagreed. Maria was not available for comment."
)
PASSAGES = {"a": ZELENSKYY_RUBIO, "b": UNITED_STATES, "c": TRUMP, "d": TWO_MARIAS}


def counts(mentions: pd.DataFrame) -> dict[str, int]:
    """Mentions per entity, as :func:`entity_table` counts them."""
    return dict(zip(*entity_table(mentions)[["entity", "mentions"]].T.values, strict=True))


def entity_for(doc, spans: list[tuple[int, int, str]]):
    """``doc`` with its entities replaced by ``(start_token, end_token, label)`` spans."""
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in spans]
    return doc


def entity_at_words(doc, parts: list[tuple[str, int, str]]):
    """``doc`` with its entities replaced by ``(first word, tokens, label)`` spans, each
    starting at the first token with that text."""
    words = [token.text for token in doc]
    return entity_for(
        doc, [(words.index(word), words.index(word) + n, label) for word, n, label in parts]
    )


def corpus_mentions(docs: dict) -> pd.DataFrame:
    """The concatenated mentions tables of ``{doc_id: doc}``, as a run's analysis writes them."""
    return pd.concat(
        [extract_mentions(doc, doc_id=doc_id) for doc_id, doc in docs.items()],
        ignore_index=True,
    )


def mention_rows(rows: list[tuple]) -> pd.DataFrame:
    """A mentions table from ``(doc_id, text, entity, label, linked_by)`` rows."""
    return pd.DataFrame(
        [
            (doc_id, 0, 0, len(text), text, entity, label, "", label, linked_by)
            for doc_id, text, entity, label, linked_by in rows
        ],
        columns=MENTION_COLUMNS,
    )
