"""Clauses a writer credits to a source without a reporting clause of the source's own:
"as X noted" set off inside, before or after the sentence ("The plan, as the mayor said,
will fail"; "The plan failed, as the Post reported") and "according to X" (or a crediting
"per X") in any position. Used by :mod:`newslens.quotes.indirect`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from newslens.quotes.cues import according_to, opened_by_as, speaking_subject
from newslens.quotes.report_spans import Report, clause_start
from newslens.quotes.rules import QuoteRule

if TYPE_CHECKING:
    from newslens.quotes.context import Context
    from newslens.types import Token

__all__ = ["according_to_reports", "as_clause_before", "as_report", "crediting_as"]


def crediting_as(verb: Token, ctx: Context) -> bool:
    """Whether ``verb`` heads an "as" clause that credits the sentence to its subject ("as
    the mayor said on Monday", "as one adviser noted"): a verb flagged ``credits`` with no
    object or complement of its own ("as she explained the plan" tells when, "as he said he
    would" what he promised), except the hearer of "tell" ("as he told reporters"). The
    parser may hang the clause as a parataxis ("But as a reporter noted, ...")."""
    if (
        verb.dep_ not in ("advcl", "parataxis")
        or not _as_credit(verb, ctx)
        or not _set_off_as(verb)
    ):
        return False
    own = {"dobj", "ccomp", "xcomp", "attr", "oprd"}
    if verb.lemma_.lower() == "tell":
        own.discard("dobj")
    if any(c.dep_ == "prep" and c.lower_ in ("of", "about") for c in verb.children):
        return False  # "as authorities warned of what was coming": a time, not a credit
    return not any(c.dep_ in own for c in verb.children)


def _set_off_as(verb: Token) -> bool:
    """Whether an "as" clause stands apart from the clause it credits: it opens the
    sentence or a conjunct ("But as ...") or a comma, bracket or dash sets it off ("...,
    as Rubio noted"); run on, it says how ("nothing has proceeded as anyone predicted")."""
    doc = verb.doc
    first, last = verb.left_edge.i, verb.right_edge.i
    before = doc[first - 1] if first > verb.sent.start else None
    after = doc[last + 1].text if last + 1 < len(doc) else ""
    if before is None or before.text in (",", "(", "-", "—", "–") or after == ",":
        return True
    return before.pos_ == "CCONJ"  # "But as X noted, ...", "..., and as X noted, ..."


def _as_credit(verb: Token, ctx: Context) -> bool:
    """Whether ``verb`` is a verb flagged ``credits`` in a clause opened by "as"."""
    return ctx.is_reporting(verb, flag="credits") and opened_by_as(verb)


def as_clause_before(token: Token, clause: Token, ctx: Context) -> bool:
    """'The toll, as the mayor said on Monday, will double' parsed with what follows the
    comma as the verb's complement: the "as" clause credits the whole sentence."""
    if clause.i < token.i or not _as_credit(token, ctx):
        return False
    return any(t.text == "," for t in ctx.doc[token.i + 1 : clause.left_edge.i])


def as_report(token: Token, subject: Token, ctx: Context) -> Report | None:
    """'The plan, as the mayor said, will cost more' / 'As the senator noted, the bill does
    nothing': the sentence the "as" clause hangs on is the report, attribution included;
    an "as" clause that closes the sentence ('The plan failed, as the Post reported') is
    left out, like any closing attribution."""
    head = token.head
    if head.i == token.i or ctx.inside[head.i] or head.pos_ not in ("VERB", "AUX"):
        return None
    start = max(head.left_edge.i, clause_start(head, ctx))
    last = head.right_edge
    if last.is_punct and last.i > token.right_edge.i:
        last = ctx.doc[last.i - 1]
    if token.i > head.i and token.right_edge.i >= last.i:
        if ctx.is_reporting(head, flag="indirect") and not any(
            c.dep_ in ("dobj", "ccomp", "xcomp", "attr") and not ctx.inside[c.i]
            for c in head.children
        ):
            return None  # '"...," X noted, as reported by Y': X's attribution, no report
        return Report(start, token.left_edge.i, token, subject)
    return Report(
        start, head.right_edge.i + 1, token, subject, QuoteRule.PARENTHETICAL, cue_inside=True
    )


# Words after ", according to X," that open the writer's contrast with what X says.
CONTRASTING_WORDS = frozenset({"but", "compared", "comparing", "even", "while", "whereas"})


def according_to_reports(ctx: Context) -> Iterator[Report]:
    """Clauses credited with 'according to X' (or a crediting 'per X') before, after or
    inside them."""
    doc = ctx.doc
    for token in doc:
        if token.lower_ not in ("according", "per") or ctx.inside[token.i]:
            continue
        source = according_to([token])
        if source is None:
            continue
        sentence = token.sent
        phrase_end = source.right_edge.i + 1
        first = clause_start(token, ctx)
        if all(t.is_punct or t.pos_ == "CCONJ" for t in doc[first : token.i]):
            # "According to X, ...", "But according to X, ..."
            start, end, inside = phrase_end, sentence.end, False
        elif (
            phrase_end < sentence.end - 2
            and doc[phrase_end].text == ","
            and doc[phrase_end + 1].lower_ not in CONTRASTING_WORDS
        ):
            # "The plan, according to officials, will fail." (But "X leads by 271
            # delegates, according to a count, but Y ...": the writer's contrast follows.)
            start, end, inside = first, sentence.end, True
        else:
            start, end, inside = first, token.i, False
            if _attributes_quotation(start, end, ctx):
                continue
        yield Report(start, end, token, source, QuoteRule.ACCORDING_TO, cue_inside=inside)


def _attributes_quotation(start: int, end: int, ctx: Context) -> bool:
    """Whether tokens ``start:end`` right after a quotation are its attribution ('"...,"
    the president will say, according to excerpts'): a reporting verb with its subject
    among them. What "according to" credits then is the quotation, not a clause."""
    before = start - 1
    while before >= 0 and (ctx.doc[before].is_punct or ctx.doc[before].is_space):
        if ctx.inside[before]:
            break
        before -= 1
    if before < 0 or not ctx.inside[before]:
        return False
    for token in ctx.doc[start:end]:
        subject = speaking_subject(token, ctx)
        if subject is not None and start <= subject.i < end:
            return True
    return False
