"""Article text and metadata as safe HTML, with spans highlighted: the way a reader of a
report checks a number against the words it came from.

Everything from input (article text, ids, titles, sources, dates, URLs, speaker names,
lexicon terms) reaches HTML only through the helpers here, which

* escape ``< > & " '`` in text and attribute values (:func:`escape_text`);
* make bidirectional override and isolate characters (U+202A-U+202E, U+2066-U+2069) visible
  as ``[U+202E]`` instead of letting them reorder what follows;
* link only ``http(s)`` URLs (:func:`safe_url`), never ``javascript:`` or ``data:``;
* mark every block of input text ``tex2jax_ignore`` (the class Jupyter's MathJax skips),
  so MathJax never typesets ``$12 billion ($2.7 billion)`` as TeX.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit

__all__ = [
    "Article",
    "Highlight",
    "highlight_text",
    "highlight_table",
    "article_section",
    "article_html",
    "escape_text",
    "escape_attr",
    "safe_url",
    "link",
    "keep_tables_out_of_mathjax",
    "HIGHLIGHT_CSS",
    "highlight_css",
    "NO_TEX_CLASS",
]

NO_TEX_CLASS = "tex2jax_ignore"
_BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CSS_CLASS = re.compile(r"nl-[A-Za-z0-9_-]+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_URL_SCHEMES = ("http", "https")

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
.nl-ctrl { color: #c0392b; font-size: 75%; }
.nl-meta { color: #555; font-size: 90%; }
</style>
"""


# Highlight backgrounds of frames beyond the two packaged ones, in the order they come.
_EXTRA_FRAME_BACKGROUNDS = ("#a9dfbf", "#f5cba7", "#a2d9ce", "#f7dc6f", "#d7bde2", "#d5dbdb")
_STYLED_FRAMES = ("destruction", "reconstruction")


def highlight_css(frames: Iterable[str] = ()) -> str:
    """:data:`HIGHLIGHT_CSS` with a background for every frame of ``frames`` it does not
    style yet (an extra lexicon's ``nl-<frame>`` highlights); names that are not valid CSS
    class names are left out."""
    extra = [
        frame
        for frame in dict.fromkeys(frames)
        if frame not in _STYLED_FRAMES and _CSS_CLASS.fullmatch(f"nl-{frame}")
    ]
    rules = "".join(
        f".nl-{frame} {{ background: {_EXTRA_FRAME_BACKGROUNDS[i % len(_EXTRA_FRAME_BACKGROUNDS)]}; }}\n"
        for i, frame in enumerate(extra)
    )
    return HIGHLIGHT_CSS.replace("</style>", rules + "</style>") if rules else HIGHLIGHT_CSS


def escape_text(value: object) -> str:
    """Any value as HTML text: escaped, bidi controls shown as ``[U+202E]`` in red."""
    escaped = html.escape("" if value is None else str(value), quote=True)
    return _BIDI_CONTROLS.sub(
        lambda m: f'<span class="nl-ctrl">[U+{ord(m.group()):04X}]</span>', escaped
    )


def escape_attr(value: object) -> str:
    """Any value for a double-quoted attribute: escaped, bidi controls as ``[U+202E]``."""
    escaped = html.escape("" if value is None else str(value), quote=True)
    return _BIDI_CONTROLS.sub(lambda m: f"[U+{ord(m.group()):04X}]", escaped)


def safe_url(url: object) -> str | None:
    """``url`` when it is an absolute ``http``/``https`` URL with a host and no control or
    bidi characters, else None (``javascript:``, ``data:``, ``vbscript:``, relative paths,
    ``java\\tscript:`` tricks)."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or _CONTROL.search(url) or _BIDI_CONTROLS.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in _URL_SCHEMES or not parts.netloc:
        return None
    return url


def link(url: object, text: object = None) -> str:
    """A link to ``url`` showing ``text`` (default: the URL) when :func:`safe_url` accepts
    it, else just the escaped text; links open without giving the page access to the
    report (``rel="noopener noreferrer nofollow"``)."""
    shown = escape_text(url if text is None else text)
    target = safe_url(url)
    if target is None:
        return shown
    return f'<a href="{escape_attr(target)}" rel="noopener noreferrer nofollow">{shown}</a>'


def _css_class(value: str) -> str:
    """The ``nl-...`` class names of ``value`` (newslens's own), else ``nl-term``."""
    names = [name for name in str(value).split() if _CSS_CLASS.fullmatch(name)]
    return " ".join(names) or "nl-term"


class Article(Protocol):
    """What :func:`article_html` shows: a :class:`newslens.corpus.Document`, or anything
    with a ``doc_id`` and a ``text`` (``title, source, date, url`` are read when present)."""

    @property
    def doc_id(self) -> str: ...

    @property
    def text(self) -> str: ...


@dataclass(frozen=True)
class Highlight:
    """Characters ``start:end`` of a text, marked with a CSS class and an optional label."""

    start: int
    end: int
    css_class: str = "nl-term"
    label: str = ""
    title: str = ""


def _choose(highlights: Iterable[Highlight], length: int) -> list[Highlight]:
    """Highlights clipped to the text, without overlaps: the earlier (then longer) wins."""
    chosen: list[Highlight] = []
    last_end = 0
    clipped = (
        (max(0, min(int(h.start), length)), max(0, min(int(h.end), length)), h) for h in highlights
    )
    for start, end, item in sorted(clipped, key=lambda c: (c[0], -(c[1] - c[0]))):
        if start < last_end or end <= start:
            continue
        chosen.append(Highlight(start, end, item.css_class, item.label, item.title))
        last_end = end
    return chosen


def _text_html(text: str) -> str:
    return escape_text(text).replace("\n", "<br>")


def _render(text: str, begin: int, end: int, chosen: list[Highlight]) -> str:
    """``text[begin:end]`` as HTML with the parts of ``chosen`` inside it marked; a mark cut
    by the range keeps its label on its last piece only."""
    pieces: list[str] = []
    cursor = begin
    for item in chosen:
        start, stop = max(item.start, begin), min(item.end, end)
        if stop <= start:
            continue
        pieces.append(_text_html(text[cursor:start]))
        title = f' title="{escape_attr(item.title)}"' if item.title else ""
        label = ""
        if item.label and stop == item.end:
            label = f'<span class="nl-label">{escape_text(item.label)}</span>'
        pieces.append(
            f'<mark class="{_css_class(item.css_class)}"{title}>'
            f"{_text_html(text[start:stop])}{label}</mark>"
        )
        cursor = stop
    pieces.append(_text_html(text[cursor:end]))
    return "".join(pieces)


def highlight_text(
    text: str | None, highlights: Iterable[Highlight], *, paragraphs: bool = True
) -> str:
    """``text`` as escaped HTML with each highlight wrapped in ``<mark>``.

    Offsets are clipped to the text; overlapping highlights are resolved by keeping the
    earlier (then longer) one, so the markup always nests correctly. Labels and titles are
    escaped too. With ``paragraphs``, blank-line-separated paragraphs become ``<p>``
    elements (a highlight crossing a paragraph break is marked in each paragraph). The
    result is one ``<div>`` that MathJax ignores.
    """
    text = "" if text is None else str(text)
    chosen = _choose(highlights, len(text))
    if not paragraphs:
        body = _render(text, 0, len(text), chosen)
    else:
        spans, begin = [], 0
        for brk in _PARAGRAPH_BREAK.finditer(text):
            spans.append((begin, brk.start()))
            begin = brk.end()
        spans.append((begin, len(text)))
        body = "".join(
            f"<p>{_render(text, a, b, chosen)}</p>" for a, b in spans if text[a:b].strip()
        )
    return f'<div class="nl-text {NO_TEX_CLASS}">{body}</div>'


def highlight_table(
    rows: Iterable[tuple[Mapping[str, object], str, Iterable[Highlight]]],
    *,
    text_header: str = "sentence",
) -> str:
    """An HTML table of highlighted snippets: each row is ``(cells, text, highlights)`` where
    ``cells`` maps column names to values shown first (escaped) and ``text`` is shown last
    through :func:`highlight_text`. Column names come from the first row."""
    rows = list(rows)
    if not rows:
        return f'<div class="nl-text {NO_TEX_CLASS}"><p>(nothing to show)</p></div>'
    columns = list(rows[0][0])
    head = "".join(f"<th>{escape_text(c)}</th>" for c in [*columns, text_header])
    body = []
    for cells, text, highlights in rows:
        tds = "".join(f"<td>{escape_text(cells.get(c, ''))}</td>" for c in columns)
        snippet = highlight_text(text, highlights, paragraphs=False)
        body.append(f'<tr>{tds}<td style="text-align:left">{snippet}</td></tr>')
    return (
        f'<table class="nl-table {NO_TEX_CLASS}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def article_html(
    document: Article, highlights: Iterable[Highlight] = (), *, heading: int = 4
) -> str:
    """One article for a report: its id as a heading, a line of metadata (title, source,
    date, link to the URL when it is http(s)) and the highlighted text, all escaped and out
    of MathJax's reach. ``document`` is a :class:`newslens.corpus.Document` or anything
    with ``doc_id`` and ``text`` (and optionally ``title, source, date, url``)."""
    level = min(max(int(heading), 1), 6)
    fields = {name: getattr(document, name, None) for name in ("title", "source", "date", "url")}
    return (
        f'<section class="nl-article {NO_TEX_CLASS}">'
        f"<h{level}><bdi>{escape_text(document.doc_id)}</bdi></h{level}>{_meta_line(fields)}"
        f"{highlight_text(document.text, highlights)}</section>"
    )


def _meta_line(fields: Mapping[str, Any]) -> str:
    """A line of an article's metadata, escaped: title, source, date and a link to its URL
    when it is http(s); empty values are left out (and the line, when all are)."""
    meta = [
        f"<bdi>{escape_text(str(fields.get(name)))}</bdi>"
        for name in ("title", "source", "date")
        if _present(fields.get(name))
    ]
    if _present(fields.get("url")):
        meta.append(f"<bdi>{link(str(fields.get('url')))}</bdi>")
    return f'<p class="nl-meta">{" · ".join(meta)}</p>' if meta else ""


def _present(value: Any) -> bool:
    """Whether a metadata value is there: not None, empty, NaN or pandas' NA."""
    if isinstance(value, str):
        return value != ""
    import pandas as pd

    return value is not None and not pd.isna(value)


def keep_tables_out_of_mathjax() -> None:
    """Have pandas mark every DataFrame it shows as HTML ``tex2jax_ignore`` (pandas already
    escapes the cells), so a notebook's tables of article text, titles or quotes are never
    typeset as TeX. Call once at the top of a notebook. (A ``Styler`` does not escape by
    default: format it with ``escape="html"``.)"""
    import pandas as pd

    pd.set_option("display.html.use_mathjax", False)


def article_section(doc_id: str, body_html: str, *, meta: Mapping[str, Any] | None = None) -> str:
    """One article of a report from parts: its id (escaped) as a heading, a line of its
    ``meta`` (a row of the documents table, or any mapping with ``title``, ``source``,
    ``date``, ``url``; escaped), then its highlighted text (``body_html``, already built by
    :func:`highlight_text`), out of MathJax's reach. :func:`article_html` builds the whole
    section from a document."""
    meta_html = _meta_line({} if meta is None else meta)
    return (
        f'<section class="nl-article {NO_TEX_CLASS}">'
        f"<h4><bdi>{escape_text(doc_id)}</bdi></h4>{meta_html}{body_html}</section>"
    )
