"""HTML articles (``.html``, ``.htm``): one article per page, reduced to its main text,
title, date and site with trafilatura."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newslens.corpus.decoding import decode_bytes, normalise
from newslens.corpus.document import Document
from newslens.corpus.errors import CorpusError
from newslens.corpus.files import Item, read_bytes
from newslens.corpus.rows import clean

__all__ = ["read_html_file"]


def read_html_file(path: Path, doc_id: str) -> Iterator[Item]:
    """An HTML page as one document: its main text, title, date, site name and URL."""
    import trafilatura

    page = decode_bytes(read_bytes(path), path=path)
    try:
        # One parse for text and metadata. The date comes only from the page's metadata
        # (meta tags, JSON-LD, <time>, URL), never from a date written in the body or a
        # photo caption: htmldate's extensive search is off.
        result = trafilatura.bare_extraction(
            page,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as error:  # lxml and trafilatura raise many types on broken markup
        raise CorpusError(
            path, f"HTML could not be parsed ({type(error).__name__}: {error})"
        ) from None
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        raise CorpusError(path, "no article text found in the HTML")
    yield (
        Document(
            doc_id=doc_id,
            text=normalise(text),
            title=clean(getattr(result, "title", None)),
            date=clean(getattr(result, "date", None)),
            source=clean(getattr(result, "sitename", None)),
            url=clean(getattr(result, "url", None)),
            path=str(path),
        ),
        None,
    )
