"""Credit lines around a quotation: a byline-style credit after a dash ('"..." ― Jane
Doe'), also on the line after a quote that fills its paragraph ('- Jane Doe.', 'Jane Doe,
The Daily'), as fact checks and digests of opinion print them; and a digest's credit after a
dash before a colon ('Pollsters agree - Jane Doe: "..."')."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newslens.entities.normalise import is_dash
from newslens.quotes.lead_ins import lead_in_speaker
from newslens.quotes.lexicon import GROUP_LABELS, PERSON_LABELS
from newslens.quotes.speakers import entity_of

if TYPE_CHECKING:
    from newslens.quotes.context import Context
    from newslens.quotes.marks import Quotation
    from newslens.types import Token

__all__ = ["dash_credit", "credited_after_dash"]

DASHES = "―—–"
MAX_CREDIT_LINE_WORDS = 8  # words of a credit line on its own ("- Jane Doe, Acme Institute.")
MAX_CREDIT_WORDS = 4  # words of a name after a dash before a colon ("... - Jane Doe:")


def _fills_paragraph(q: Quotation, ctx: Context) -> bool:
    """Whether a quote is all its paragraph holds (marks and blanks aside)."""
    start, end = ctx.paragraphs[ctx.paragraph_index(q.start)]
    return not ctx.text[start : q.start].strip() and not ctx.text[q.end : end].strip(". ")


def _skip_blanks(text: str, position: int) -> int:
    """The first position from ``position`` on that is not a space within the line (no-break
    spaces included)."""
    while position < len(text) and text[position].isspace() and text[position] != "\n":
        position += 1
    return position


def dash_credit(q: Quotation, ctx: Context) -> Token | None:
    """The name in a byline-style credit right after a quote: '"..." ― Jane Doe', also on
    the next line after a quote that fills its paragraph ('"..."\n\n- Jane Doe.', as fact
    checks print the claim they check, or '"..."\n\nJane Doe, The Daily', as digests of
    opinion print whose column they quote)."""
    text = ctx.text
    position = _skip_blanks(text, q.end)
    if position < len(text) and text[position] == "\n" and _fills_paragraph(q, ctx):
        position = len(text) - len(text[position:].lstrip())
        line_end = text.find("\n", position)
        line = text[position : line_end if line_end >= 0 else len(text)]
        if len(line.split()) > MAX_CREDIT_LINE_WORDS:
            return None
        if position < len(text) and text[position] in DASHES + "-":
            position = _skip_blanks(text, position + 1)
        elif not _byline(position, position + len(line), ctx):
            return None
    elif position < len(text) and text[position] in DASHES:
        position = _skip_blanks(text, position + 1)
    else:
        return None
    span = ctx.doc.char_span(position, min(position + 1, len(text)), alignment_mode="expand")
    if span is None:
        return None
    glued = text[position : span[0].idx + len(span[0])]
    if span[0].idx < q.end and not (glued[:1].isupper() or glued[:1] == "@"):
        return None  # '"spam"—but ...' read as one token: no credit after the dash
    token = span[0]
    while (
        token.dep_ in ("compound", "flat") and token.head.i > token.i and token.head.pos_ == "PROPN"
    ):
        token = token.head
    ent = entity_of(span[0])
    if ent is not None and ent.label_ in PERSON_LABELS + GROUP_LABELS:
        return ent.root
    return token if token.pos_ == "PROPN" and token.idx >= q.end else None


def _byline(start: int, end: int, ctx: Context) -> bool:
    """Whether a line is a byline 'Jane Doe, The Daily': a capitalised name, a comma and
    the outlet, without a verb or a full stop."""
    line = ctx.text[start:end].rstrip()
    tokens = ctx.tokens_between(start, end)
    return (
        "," in line
        and not line.endswith((".", "!", "?", ":"))
        and bool(tokens)
        and tokens[0].pos_ == "PROPN"
        and not any(t.pos_ in ("VERB", "AUX") for t in tokens)
    )


def credited_after_dash(tokens: list[Token], ctx: Context) -> Token | None:
    """The name a digest credits after a dash before a colon ("Pollsters agree - Jane Doe:
    "..."", "Media share blame - The Daily:"): a few capitalised words with no verb after
    the last dash of the lead-in, whoever the words before the dash are about."""
    dashes = [i for i, t in enumerate(tokens) if _is_dash(t)]
    if not dashes:
        return None
    credit = tokens[dashes[-1] + 1 :]
    if not credit or len(credit) > MAX_CREDIT_WORDS:
        return None
    if any(t.pos_ in ("VERB", "AUX") or not t.text[:1].isupper() for t in credit if t.is_alpha):
        return None
    return lead_in_speaker(credit, ctx) or (credit[-1] if credit[-1].pos_ == "PROPN" else None)


def _is_dash(token: Token) -> bool:
    """Whether a token is a dash (:func:`~newslens.entities.normalise.is_dash`) or a hyphen
    standing alone between spaces, as digests type one ("agree - Jane Doe:")."""
    if is_dash(token) or token.text == "―":  # (a horizontal bar too)
        return True
    spaced_before = token.i > 0 and bool(token.doc[token.i - 1].whitespace_)
    return token.text == "-" and bool(token.whitespace_) and spaced_before
