"""Article text as safe HTML, with spans highlighted: the way a reader of a report checks a
number against the words it came from. All article text is escaped here; nothing else in
newslens builds HTML from article text."""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Highlight", "highlight_text", "highlight_table", "article_section", "HIGHLIGHT_CSS"]

HIGHLIGHT_CSS = """
<style>
.nl-text { line-height: 1.6; max-width: 60em; }
.nl-text mark { padding: 0 2px; border-radius: 3px; }
.nl-text mark .nl-label { font-size: 75%; font-weight: bold; margin-left: 4px; color: #333; }
.nl-destruction { background: #f5b7b1; }
.nl-reconstruction { background: #aed6f1; }
.nl-quote { background: #fdebd0; }
.nl-speaker { background: #d5f5e3; }
.nl-term { background: #f9e79f; }
</style>
"""


@dataclass(frozen=True)
class Highlight:
    """Characters ``start:end`` of a text, marked with a CSS class and an optional label."""

    start: int
    end: int
    css_class: str = "nl-term"
    label: str = ""
    title: str = ""


def highlight_text(text: str, highlights: Iterable[Highlight], *, paragraphs: bool = True) -> str:
    """``text`` as escaped HTML with each highlight wrapped in ``<mark>``.

    Overlapping highlights are resolved by keeping the earlier (then longer) one, so the
    markup always nests correctly. Labels and titles are escaped too. With ``paragraphs``,
    blank-line-separated paragraphs become ``<p>`` elements.
    """
    chosen: list[Highlight] = []
    last_end = -1
    for item in sorted(highlights, key=lambda h: (h.start, -(h.end - h.start))):
        if item.start < last_end or item.end <= item.start:
            continue
        chosen.append(item)
        last_end = item.end
    pieces: list[str] = []
    cursor = 0
    for item in chosen:
        pieces.append(html.escape(text[cursor : item.start]))
        title = f' title="{html.escape(item.title, quote=True)}"' if item.title else ""
        label = f'<span class="nl-label">{html.escape(item.label)}</span>' if item.label else ""
        pieces.append(
            f'<mark class="{html.escape(item.css_class, quote=True)}"{title}>'
            f"{html.escape(text[item.start : item.end])}{label}</mark>"
        )
        cursor = item.end
    pieces.append(html.escape(text[cursor:]))
    body = "".join(pieces)
    if paragraphs:
        parts = [p.strip().replace("\n", "<br>") for p in body.split("\n\n") if p.strip()]
        body = "".join(f"<p>{p}</p>" for p in parts)
    return f'<div class="nl-text">{body}</div>'


def highlight_table(rows, *, text_header: str = "sentence") -> str:
    """An HTML table of highlighted snippets: each row is ``(cells, text, highlights)`` where
    ``cells`` maps column names to values shown first (escaped) and ``text`` is shown last
    through :func:`highlight_text`. Column names come from the first row."""
    rows = list(rows)
    if not rows:
        return '<div class="nl-text"><p>(nothing to show)</p></div>'
    columns = list(rows[0][0])
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in [*columns, text_header])
    body = []
    for cells, text, highlights in rows:
        tds = "".join(f"<td>{html.escape(str(cells.get(c, '')))}</td>" for c in columns)
        snippet = highlight_text(text, highlights, paragraphs=False)
        body.append(f'<tr>{tds}<td style="text-align:left">{snippet}</td></tr>')
    return (
        f'<table class="nl-table"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def article_section(doc_id: str, body_html: str) -> str:
    """One article of a report: its (escaped) id as a heading, then its highlighted text
    (``body_html``, already built by :func:`highlight_text`)."""
    return f"<h4>{html.escape(str(doc_id))}</h4>{body_html}"
