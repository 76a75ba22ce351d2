"""Which stretch of a reported clause is kept as the report: without punctuation at its ends,
cut before a quotation the writer sets off after it, and not kept when it is only a few
words that make no clause of their own or when it is an attribution itself. Token functions
over the parse, used by :mod:`newslens.quotes.indirect`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newslens.entities.normalise import is_dash
from newslens.quotes.complements import FINITE_TAGS, is_finite
from newslens.quotes.lexicon import SUBJECT_DEPS
from newslens.quotes.rules import QuoteRule

if TYPE_CHECKING:
    from newslens.quotes.context import Context
    from newslens.types import Doc, Span, Token

__all__ = [
    "MIN_REPORT_TOKENS",
    "Report",
    "after_opening_attribution",
    "before_quoted_aside",
    "clause_start",
    "is_attribution",
    "left_open",
    "short_clause",
    "trim_token_range",
]

# A reported clause shorter than this many tokens (after trimming) is not kept, unless it
# is a whole clause of its own of at least SHORT_REPORT_TOKENS ("they were angry").
MIN_REPORT_TOKENS = 4
SHORT_REPORT_TOKENS = 3
WH_TAGS = ("WDT", "WP")  # tags of relative and question words
# Words that link a sentence to the one before it rather than say anything of their own
# ("Yet, she said, ..."); adverbs that say something ("Perhaps", "Eventually") are content.
CONNECTIVES = frozenset(
    "yet still however though so also thus therefore hence meanwhile moreover furthermore"
    " nonetheless nevertheless besides".split()
)


@dataclass(frozen=True)
class Report:
    """A stretch of reported speech found without quotation marks: tokens ``start:end``,
    the cue token, the token naming the source, the rule that found it, and whether the cue
    may sit inside the content (a parenthetical 'The plan, he said, will fail')."""

    start: int
    end: int
    cue: Token
    source: Token
    rule: QuoteRule = QuoteRule.CLAUSAL_COMPLEMENT
    cue_inside: bool = False


def before_quoted_aside(
    doc: Doc, start: int, end: int, ctx: Context, *, after_cue: bool = False
) -> int:
    """The end of a report cut before a dash or semicolon that sets off a quotation after it
    ("email has helped her stay in touch with Clinton - although she laughed and admitted
    "..."): what the writer adds there is no more of the report. With ``after_cue`` (the
    report follows its verb), also before a comma that opens a relative, participle or
    appositive phrase holding the quotation ("said any effort could backfire, angering
    voters she praised for "..."."). Unchanged otherwise."""
    first = next((i for i in range(start, end) if ctx.inside[i]), None)
    if first is None:
        return end
    for i in range(first - 1, start, -1):
        if after_cue and _opens_aside(doc, i, first):
            # not an adverbial clause ("said as he addressed the crowd, ...")
            opener = doc[start]
            whole = (opener.dep_ != "mark" or opener.lower_ == "that") and _whole_clause(
                doc, start, i, complement=False
            )
        elif doc[i].text == ";" or is_dash(doc[i]):
            whole = _whole_clause(doc, start, i)
        else:
            continue
        if whole and not any(is_dash(t) for t in doc[start:i]):
            return trim_token_range(doc, start, i)[1]
        return end
    return end


_ASIDE_DEPS = ("relcl", "advcl", "acl", "appos")


def _opens_aside(doc: Doc, comma: int, quoted: int) -> bool:
    """Whether a comma opens a relative, participle or appositive phrase that holds the
    quotation at ``quoted`` (", both of which the senator praised "..."")."""
    if doc[comma].text != ",":
        return False
    for token in [doc[quoted], *doc[quoted].ancestors]:
        if token.dep_ in _ASIDE_DEPS and token.left_edge.i == comma + 1:
            return True
    return False


def _whole_clause(doc: Doc, start: int, end: int, *, complement: bool = True) -> bool:
    """Whether tokens ``start:end`` hold a finite verb with its subject and (unless
    ``complement`` is False) its object or complement (not "Cecile Richards noted that
    abortion")."""
    for token in doc[start:end]:
        if is_finite(token) and any(
            c.dep_ in SUBJECT_DEPS and start <= c.i < end for c in token.children
        ):
            if not complement:
                return True
            rest = [c for c in token.rights if c.i < end and c.dep_ not in ("punct", "cc")]
            if rest and all(c.right_edge.i < end for c in rest):
                return True
    return False


def is_attribution(span: Span, ctx: Context) -> bool:
    """Whether a "report" is an attribution itself: it opens with a finite reporting verb
    ("warned the governor ..., said a city official", "Westmoreland joked said he is
    thinking about it"), or ends with a reporting verb and holds only its subject and the
    adjuncts before it ("On Monday, the paper suggested")."""
    first = span[0]
    if first.tag_ in FINITE_TAGS and ctx.is_reporting(first):
        return True
    # "Rich Vale, the campaign's director, said", "On Monday, the paper suggested": a
    # reporting verb with its subject and adjuncts before it, nothing reported.
    last = span[-1] if not span[-1].is_punct or len(span) < 2 else span[-2]
    return (
        last.tag_ in FINITE_TAGS
        and ctx.is_reporting(last)
        and not any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.i < span.end for c in last.children)
        and any(c.dep_ in SUBJECT_DEPS and span.start <= c.i for c in last.children)
        and all(t.i == last.i or last in t.ancestors for t in span if not t.is_punct)
    )


def left_open(span: Span, ctx: Context | None = None) -> bool:
    """Whether a report ends in a word that opens a clause it does not hold ("It was only
    six months ago, after all, that", "And that's what", "when she claimed that"): the
    stretch before a reporting verb that is itself inside another clause, not a report.
    (With ``ctx``, not when a quotation follows: the clause it opens is in marks.)"""
    last = span[-1]
    if not (last.tag_ in ("WDT", "WP", "WRB") or (last.tag_ == "IN" and last.dep_ == "mark")):
        return False
    following = span.doc[span.end : span.end + 3]
    return ctx is None or not any(ctx.inside[t.i] for t in following)


def short_clause(span: Span, ctx: Context) -> bool:
    """Whether a report of a few words is a clause of its own ("they were angry", "Trump can
    win", "she does not"): a subject that is no relative or question word and the verb it
    belongs to, neither of them a reporting verb ("Mr. Manafort said") nor left open by a
    word that wants more ("she expects that", "to see how")."""
    if len(span) < SHORT_REPORT_TOKENS:
        return False
    if span[-1].tag_ in ("IN", "TO") or left_open(span):
        return False
    for token in span:
        if token.dep_ not in SUBJECT_DEPS or token.pos_ == "DET" or token.tag_ in WH_TAGS:
            continue  # "that would allow", "What's more": a relative or question word
        verb = token.head
        if span.start <= verb.i < span.end and not ctx.is_reporting(verb):
            return True
    return False


def after_opening_attribution(report: Report) -> int:
    """Where a parenthetical report starts: after its attribution when only a connective
    comes before it ("And yet, X says, the plan is sound": the report is "the plan is
    sound"); else its own start ("Back then, X said, the plan was ..." keeps "Back then")."""
    if not report.cue_inside:
        return report.start
    doc, cue, source = report.cue.doc, report.cue, report.source
    left = min(source.left_edge.i, cue.i)
    right = max(source.right_edge.i, cue.i) + 1
    if left <= report.start or right >= report.end or doc[right].text != ",":
        return report.start
    opening = [t for t in doc[report.start : left] if not (t.is_punct or t.is_space)]
    if all(t.pos_ == "CCONJ" or t.lower_ in CONNECTIVES for t in opening):
        return right + 1
    return report.start


def trim_token_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range ``start:end`` without punctuation or spaces at either end, nor a
    dangling "and"/"but" at its end."""
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"
    ):
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, end


def clause_start(token: Token, ctx: Context) -> int:
    """First token of the stretch of the sentence that ends at ``token`` without crossing a
    quotation or a line break: where a reported clause before its cue can begin."""
    doc = ctx.doc
    i = token.i
    sentence_start = token.sent.start
    while i > sentence_start:
        previous = doc[i - 1]
        if ctx.inside[previous.i] or "\n" in previous.text_with_ws:
            break  # (a run of spaces inside a line, "by  about", breaks nothing)
        i -= 1
    return i
