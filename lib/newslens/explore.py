"""Read every sentence or quote behind a number: a concordance over a finished run.

:func:`concordance` looks up an entity, a speaker, a frame or a frame term in a run's tables
(nothing is parsed) and returns one row per occurrence with the match cut out of its context
(``left``, ``match``, ``right``) and the same as escaped HTML with the match highlighted
(``context_html``), optionally only for some groups of articles (:mod:`newslens.compare`).

* ``entity``: every mention of the canonical entity, in its sentence.
* ``speaker``: every quote credited to the speaker (canonical entity, or the words as
  written for an unresolved one, as in ``quote_speakers.csv``), with ``context`` characters
  of the article on each side.
* ``frame``: every sentence in the frame (labelled with it or ``both``; with more than two
  frames, listed in its ``frames``), the frame's matched words highlighted; a label such as
  ``both`` gives the sentences labelled so.
* ``term``: every matched word of a frame-lexicon term (``kill``, ``air strike``,
  ``aid/NOUN``; or a word as written), in its sentence.

:func:`concordance_html` renders the table for a report; :func:`explorer` is the same
lookup with ipywidgets for JupyterLab (pick the kind, the value, the group).
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pandas as pd

from newslens import compare
from newslens.framing.labels import frame_names, in_frame
from newslens.tables import Run, open_run
from newslens.text import counted

if TYPE_CHECKING:
    from ipywidgets import VBox

__all__ = [
    "KINDS", "concordance", "choices", "concordance_html", "describe", "escape", "explorer",
]  # fmt: skip

KINDS = ("entity", "speaker", "frame", "term")
COLUMNS = [
    "kind", "value", "group", "doc_id", "title", "source", "date", "sentence_id", "start",
    "end", "left", "match", "right", "detail", "context_html",
]  # fmt: skip


def escape(text: str) -> str:
    """``text`` escaped for HTML (for a notebook's own sentences next to a concordance)."""
    return html.escape(str(text))


def _run(run: Run | str | os.PathLike) -> Run:
    return run if isinstance(run, Run) else open_run(run)


def choices(run: Run | str | os.PathLike, *, kind: str = "entity", limit: int = 500) -> list[str]:
    """The values that can be looked up for ``kind``, most frequent first (at most ``limit``)."""
    from newslens.quotes import speaker_name

    run = _run(run)
    if kind == "entity":
        values = run.table("mentions", columns=["entity"])["entity"]
    elif kind == "speaker":
        quotes = run.table("quotes", columns=["speaker", "speaker_entity"])
        values = speaker_name(quotes) if len(quotes) else pd.Series(dtype=str)
    elif kind == "frame":
        frames = run.table("sentences", columns=["frame"])["frame"]
        values = frames[frames != "neither"]
    elif kind == "term":
        values = run.table("frame_terms", columns=["term"])["term"]
    else:
        raise ValueError(f"kind '{kind}': use one of {', '.join(KINDS)}")
    counts = values.astype(str).value_counts()
    table = pd.DataFrame({"value": counts.index.astype(str), "count": counts.to_numpy()})
    table = table[table["value"] != ""].sort_values(["count", "value"], ascending=[False, True])
    return table["value"].head(limit).tolist()


def _trim_left(text: str, width: int) -> str:
    return text if width <= 0 or len(text) <= width else "…" + text[-width:]


def _trim_right(text: str, width: int) -> str:
    return text if width <= 0 or len(text) <= width else text[:width] + "…"


def _html(left: str, match: str, right: str, marks: list[tuple[int, int]] | None = None) -> str:
    """Escaped ``left + match + right`` with ``match`` (or the spans ``marks`` inside it)
    in ``<mark>``."""
    if marks:
        pieces, cursor = [], 0
        for start, end in sorted(marks):
            if start < cursor or end <= start:
                continue
            pieces.append(html.escape(match[cursor:start]))
            pieces.append(f"<mark>{html.escape(match[start:end])}</mark>")
            cursor = end
        pieces.append(html.escape(match[cursor:]))
        middle = f'<span class="nl-match">{"".join(pieces)}</span>'
    else:
        middle = f"<mark>{html.escape(match)}</mark>"
    return f"{html.escape(left)}{middle}{html.escape(right)}"


def _in_sentences(hits: pd.DataFrame, sentences: pd.DataFrame, *, context: int) -> pd.DataFrame:
    """Cut each hit (``doc_id, sentence_id, start, end``) out of its sentence."""
    joined = hits.merge(
        sentences[["doc_id", "sentence_id", "start", "text"]].rename(
            columns={"start": "sentence_start", "text": "sentence"}
        ),
        on=["doc_id", "sentence_id"],
        how="left",
    )
    joined["sentence"] = joined["sentence"].fillna("").astype(str)
    offset = (joined["start"] - joined["sentence_start"]).fillna(0).astype(int)
    length = (joined["end"] - joined["start"]).astype(int)
    rows = [
        (s[:o], s[o : o + n], s[o + n :])
        for s, o, n in zip(joined["sentence"], offset, length, strict=True)
    ]
    joined["left"] = [_trim_left(r[0], context) for r in rows]
    joined["match"] = [r[1] for r in rows]
    joined["right"] = [_trim_right(r[2], context) for r in rows]
    return joined


def _entity_hits(run: Run, value: str) -> pd.DataFrame:
    mentions = run.table(
        "mentions", columns=["doc_id", "sentence_id", "start", "end", "entity", "label"]
    )
    return mentions[mentions["entity"] == value].rename(columns={"label": "detail"})


def _speaker_hits(run: Run, value: str) -> pd.DataFrame:
    from newslens.quotes import speaker_name

    quotes = run.table("quotes")
    hits = quotes[speaker_name(quotes) == value] if len(quotes) else quotes
    cue = hits["cue"].fillna("").astype(str)
    kind = hits["kind"].astype(str)
    return hits.assign(detail=kind.where(cue == "", kind + " (" + cue + ")"))


def _frame_hits(run: Run, value: str) -> pd.DataFrame:
    sentences = run.table("sentences")
    if value in frame_names(sentences):
        hits = sentences[in_frame(sentences, value)]
    else:
        hits = sentences[sentences["frame"] == value]
    return hits.assign(detail=_frame_detail(hits, value))


def _frame_detail(hits: pd.DataFrame, frame: str) -> pd.Series:
    """Why each sentence is in ``frame``: its matched terms, or, for a sentence the classifier
    put there without a lexicon term, the words that weighed most (``<frame>_evidence``)."""
    terms_column, evidence_column = f"{frame}_terms", f"{frame}_evidence"
    if terms_column not in hits:
        return hits["frame"].astype(str)
    terms = hits[terms_column].fillna("").astype(str)
    if evidence_column not in hits:
        return terms
    return terms.where(terms != "", hits[evidence_column].fillna("").astype(str))


def _term_hits(run: Run, value: str) -> pd.DataFrame:
    terms = run.table("frame_terms")
    lowered = value.lower()
    return terms[
        (terms["term"] == value)
        | (terms["term"].str.split("/").str[0] == value)
        | (terms["text"].str.lower() == lowered)
    ].rename(columns={"frame": "detail"})


# What each kind looks up: one row per occurrence, with ``doc_id, start, end, detail``.
_FINDERS: dict[str, Callable[[Run, str], pd.DataFrame]] = {
    "entity": _entity_hits,
    "speaker": _speaker_hits,
    "frame": _frame_hits,
    "term": _term_hits,
}


def _grouped(
    hits: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    group_by: str,
    period: str,
    metadata: str | pd.DataFrame | None,
    groups: list[str] | str | None,
) -> pd.DataFrame:
    """The hits with their article's ``group`` (empty without ``group_by``), only those of
    ``groups`` when given."""
    groups_table = compare.assign_groups(
        documents, group_by=group_by, period=period, metadata=metadata
    )
    hits = hits.copy()
    if len(groups_table):
        hits = hits.merge(groups_table.assign(group=groups_table["group"].astype(str)), on="doc_id")
        if groups:
            wanted = [groups] if isinstance(groups, str) else list(groups)
            hits = hits[hits["group"].isin(wanted)]
    else:
        hits["group"] = ""
    return hits


def _cut_in_sentences(run: Run, hits: pd.DataFrame, *, value: str, context: int) -> pd.DataFrame:
    """Entities and terms: the match cut out of its sentence."""
    cut = _in_sentences(hits, run.table("sentences"), context=context)
    cut["context_html"] = [
        _html(a, b, c) for a, b, c in zip(cut["left"], cut["match"], cut["right"], strict=True)
    ]
    return cut


def _cut_frame_sentences(run: Run, hits: pd.DataFrame, *, value: str, context: int) -> pd.DataFrame:
    """Framed sentences: the whole sentence, the frame's matched words marked."""
    cut = hits.rename(columns={"text": "match"}).assign(left="", right="")
    terms = run.table("frame_terms", doc_ids=sorted(set(cut["doc_id"])))
    terms = terms[terms["frame"] == value]
    marks = {
        key: list(zip(part["start"], part["end"], strict=True))
        for key, part in terms.groupby(["doc_id", "sentence_id"])
    }
    cut["context_html"] = [
        _html("", m, "", [(a - s, b - s) for a, b in marks.get((d, i), [])] or [(0, 0)])
        for d, i, s, m in zip(
            cut["doc_id"], cut["sentence_id"], cut["start"], cut["match"], strict=True
        )
    ]
    return cut


def _cut_in_articles(run: Run, hits: pd.DataFrame, *, value: str, context: int) -> pd.DataFrame:
    """Quotes: the quote with ``context`` characters of the article on each side."""
    texts = run.table("texts", doc_ids=sorted(set(hits["doc_id"])))
    by_id = dict(zip(texts["doc_id"], texts["text"], strict=True))
    cut = hits.copy()
    windows = [
        (
            _trim_left(by_id.get(d, "")[max(0, s - context) : s], context - 1),
            by_id.get(d, "")[s:e],
            _trim_right(by_id.get(d, "")[e : e + context], context - 1),
        )
        for d, s, e in zip(cut["doc_id"], cut["start"], cut["end"], strict=True)
    ]
    cut["left"] = [w[0] for w in windows]
    cut["match"] = [w[1] for w in windows]
    cut["right"] = [w[2] for w in windows]
    cut["context_html"] = [_html(*w) for w in windows]
    return cut


# How each kind shows a hit: ``left, match, right`` and ``context_html``.
_CUTTERS: dict[str, Callable[..., pd.DataFrame]] = {
    "entity": _cut_in_sentences,
    "term": _cut_in_sentences,
    "frame": _cut_frame_sentences,
    "speaker": _cut_in_articles,
}


def concordance(
    run: Run | str | os.PathLike,
    *,
    kind: str = "entity",
    value: str = "",
    group_by: str = "",
    period: str = "month",
    metadata: str | pd.DataFrame | None = None,
    groups: list[str] | str | None = None,
    context: int = 120,
    limit: int = 0,
) -> pd.DataFrame:
    """Every occurrence of ``value`` (an entity, speaker, frame or term, per ``kind``) in the
    run, in context.

    ``value=""`` looks up the most frequent value of ``kind``. With ``group_by`` (and
    ``period``, ``metadata`` as in :func:`newslens.compare.assign_groups`) each row carries
    its article's ``group``, and ``groups`` keeps only those groups. ``context`` is the number
    of characters kept on each side of the match (``0``: the whole sentence); ``limit`` the
    number of rows (``0``: all). Columns: ``kind, value, group, doc_id, title, source, date,
    sentence_id, start, end, left, match, right, detail, context_html`` where ``start/end``
    are the match's character offsets in the article, ``detail`` says what it is (entity
    label; quote kind and cue; frame terms; the term's frame) and ``context_html`` is
    ``left + match + right`` escaped, the match highlighted. Rows in corpus order.
    """
    run = _run(run)
    if kind not in KINDS:
        raise ValueError(f"kind '{kind}': use one of {', '.join(KINDS)}")
    if not value:
        found = choices(run, kind=kind, limit=1)
        if not found:
            return pd.DataFrame(columns=COLUMNS)
        value = found[0]
    documents = run.table("documents", columns=["doc_id", "title", "source", "date"])
    hits = _grouped(
        _FINDERS[kind](run, value),
        documents,
        group_by=group_by,
        period=period,
        metadata=metadata,
        groups=groups,
    )
    order = {d: i for i, d in enumerate(documents["doc_id"])}
    hits["_order"] = hits["doc_id"].map(order)
    hits = hits.sort_values(["_order", "start"], kind="stable")
    if limit:
        hits = hits.head(limit)
    cut = _CUTTERS[kind](run, hits, value=value, context=context)
    cut = cut.merge(documents, on="doc_id", how="left")
    cut["kind"] = kind
    cut["value"] = value
    cut["detail"] = cut["detail"].fillna("").astype(str)
    return (
        cut.reindex(columns=COLUMNS)
        .fillna({"title": "", "source": "", "date": ""})
        .reset_index(drop=True)
    )


def describe(hits: pd.DataFrame) -> str:
    """One escaped sentence on a concordance: what was looked up, how many rows, documents
    and groups."""
    if hits is None or not len(hits):
        return "<p>Nothing found: check the spelling (names are the run's canonical ones).</p>"
    kind, value = hits["kind"].iloc[0], hits["value"].iloc[0]
    what = {"entity": "mentions", "speaker": "quotes", "frame": "sentences", "term": "matches"}
    groups = hits["group"].replace("", pd.NA).dropna().unique()
    text = (
        f"{len(hits):,} {what.get(kind, 'rows')} of the {kind} <b>{html.escape(str(value))}</b>"
        f" in {counted(hits['doc_id'].nunique(), 'document')}"
    )
    if len(groups):
        text += " (groups: " + ", ".join(html.escape(str(g)) for g in groups[:12])
        text += ", …)" if len(groups) > 12 else ")"
    return f"<p>{text}.</p>"


_CSS = """<style>
table.nl-kwic { border-collapse: collapse; width: 100%; font-size: 0.9rem; table-layout: auto; }
table.nl-kwic td, table.nl-kwic th { border-bottom: 1px solid #ddd; padding: 4px 8px;
  vertical-align: top; text-align: left !important; white-space: normal;
  overflow-wrap: break-word; max-width: none; }
table.nl-kwic td.nl-doc { width: 16em; }
table.nl-kwic td.nl-context { line-height: 1.5; width: 60%; }
.nl-kwic mark { background: #f9e79f; padding: 0 2px; border-radius: 3px; }
.nl-kwic .nl-match { background: #fdf2d0; }
</style>"""


# Inline, so an untrusted notebook (whose <style> JupyterLab strips) still reads left to right.
_LEFT = 'style="text-align:left;vertical-align:top"'


def concordance_html(hits: pd.DataFrame, *, rows: int = 200, header: bool = True) -> str:
    """The concordance as an HTML table (document, group, detail, the context with the match
    highlighted): at most ``rows`` rows, with a line saying how many there are. Everything is
    escaped except ``context_html``, which :func:`concordance` escaped. ``header`` puts
    :func:`describe` first."""
    if hits is None or not len(hits):
        return describe(hits)
    shown = hits.head(rows) if rows > 0 else hits
    note = (
        f"<p>Showing the first {len(shown):,} of {len(hits):,} rows.</p>"
        if len(shown) < len(hits)
        else ""
    )
    has_group = bool((hits["group"] != "").any())
    names = ["document", *(["group"] if has_group else []), "detail", "in context"]
    head = "<tr>" + "".join(f"<th {_LEFT}>{name}</th>" for name in names) + "</tr>"
    body = []
    for row in shown.itertuples(index=False):
        where = html.escape(str(row.doc_id))
        if row.title:
            where += f"<br><small>{html.escape(str(row.title))}</small>"
        if row.source or row.date:
            where += (
                f"<br><small>{html.escape(str(row.source))} {html.escape(str(row.date))}</small>"
            )
        group = f"<td {_LEFT}>{html.escape(str(row.group))}</td>" if has_group else ""
        body.append(
            f'<tr><td class="nl-doc" {_LEFT}>{where}</td>{group}'
            f"<td {_LEFT}>{html.escape(str(row.detail))}</td>"
            f'<td class="nl-context" {_LEFT}>{row.context_html}</td></tr>'
        )
    intro = describe(hits) if header else ""
    return (
        f'{_CSS}{intro}{note}<table class="nl-kwic"><thead>{head}</thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _group_names(run: Run, *, group_by: str, period: str, metadata: str) -> list[str]:
    """The groups of the run's articles, in the groups' order (none without ``group_by``)."""
    if not group_by:
        return []
    documents = run.table("documents", columns=["doc_id", "title", "source", "date"])
    groups = compare.assign_groups(documents, group_by=group_by, period=period, metadata=metadata)
    return [str(g) for g in groups["group"].cat.categories]


def _is_lookup(hits: pd.DataFrame | None, *, kind: str, value: str) -> bool:
    """Whether ``hits`` is the concordance of ``kind``/``value`` (so need not be redone)."""
    if hits is None or not len(hits):
        return False
    return str(hits["kind"].iloc[0]) == kind and str(hits["value"].iloc[0]) == value


def _controls(run: Run, *, kind: str, value: str, groups: list[str]) -> tuple[Any, Any, Any]:
    """The explorer's three controls: what to look up, the value (suggestions: the most
    frequent), the group (off without groups)."""
    import ipywidgets as widgets

    kind_box = widgets.Dropdown(options=list(KINDS), value=kind, description="look up")
    value_box = widgets.Combobox(
        options=choices(run, kind=kind, limit=300),
        value=value or (choices(run, kind=kind, limit=1) or [""])[0],
        description="value",
        ensure_option=False,
        placeholder="type a name, frame or term",
        layout=widgets.Layout(width="40em"),
    )
    group_box = widgets.Dropdown(
        options=["(all groups)", *groups], description="group", disabled=not groups
    )
    return kind_box, value_box, group_box


def explorer(
    run: Run | str | os.PathLike,
    *,
    kind: str = "entity",
    value: str = "",
    group_by: str = "",
    period: str = "month",
    metadata: str = "",
    rows: int = 200,
    context: int = 120,
    initial: pd.DataFrame | None = None,
) -> VBox:
    """The concordance with widgets, for JupyterLab: pick what to look up (entity, speaker,
    frame, term), type or choose the value (suggestions: the most frequent), and the group;
    the table below updates. ``rows`` and ``context`` are as in :func:`concordance_html`
    and :func:`concordance`; ``initial`` is the concordance of ``kind``/``value`` when the
    caller has it already (the notebook does), shown without looking it up again. Returns an
    ``ipywidgets.VBox`` (make it a cell's value)."""
    import ipywidgets as widgets
    from IPython.display import HTML

    run = _run(run)
    group_names = _group_names(run, group_by=group_by, period=period, metadata=metadata)
    kind_box, value_box, group_box = _controls(run, kind=kind, value=value, groups=group_names)
    output = widgets.Output()

    def refresh(*_: object) -> None:
        chosen = None if group_box.value == "(all groups)" else group_box.value
        hits = concordance(
            run,
            kind=kind_box.value,
            value=value_box.value,
            group_by=group_by,
            period=period,
            metadata=metadata,
            groups=chosen,
            context=context,
        )
        output.outputs = ()  # replaced in place: works with or without a front end
        output.append_display_data(HTML(concordance_html(hits, rows=rows)))

    def new_kind(change: dict) -> None:
        # Keep the value when the new kind has it too (Barack Obama as entity, then speaker);
        # the table is redrawn even when the value stays the same, since the kind changed.
        options = choices(run, kind=change["new"], limit=300)
        value_box.options = options
        wanted = value_box.value if value_box.value in options else (options or [""])[0]
        if wanted == value_box.value:
            refresh()
        else:
            value_box.value = wanted  # the value observer redraws

    kind_box.observe(new_kind, names="value")
    for box in (value_box, group_box):
        box.observe(refresh, names="value")
    if _is_lookup(initial, kind=kind_box.value, value=value_box.value):
        output.append_display_data(HTML(concordance_html(initial, rows=rows)))
    else:
        refresh()  # the controls' first value, shown at once
    return widgets.VBox([widgets.HBox([kind_box, group_box]), value_box, output])
