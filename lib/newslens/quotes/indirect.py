"""Indirect (reported) speech: what someone said, found without quotation marks.

Kept to the clear cases, precision over recall: the clausal complement of a reporting verb
flagged ``indirect`` ("X said the talks had failed", also after an object, "told reporters
that"), a reported clause before its verb or around a parenthetical reporting clause, a
clause credited with "as X noted" or "according to X" (see :mod:`newslens.quotes.credits`),
the "that"-clause of a speech noun whose source is named ("Grant's claim that"), and what a
colon introduces (see :mod:`newslens.quotes.lead_ins`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from newslens.entities.normalise import is_dash
from newslens.quotes.complements import (
    FINITE_TAGS,
    content_end,
    is_finite,
    opens_report,
    reported_clauses,
)
from newslens.quotes.credits import (
    according_to_reports,
    as_clause_before,
    as_report,
    crediting_as,
)
from newslens.quotes.cues import (
    noun_source,
    opens_with_that,
    set_off,
    speaking_subject,
)
from newslens.quotes.lead_ins import block_after_lead_in, colon_reports
from newslens.quotes.lexicon import FINDING_VERBS, SAYING_OCCASIONS, SUBJECT_DEPS, speech_nouns
from newslens.quotes.marks import DOUBLE_MARKS
from newslens.quotes.misparsed import joined_by_conjunction
from newslens.quotes.records import Found
from newslens.quotes.report_spans import (
    MIN_REPORT_TOKENS,
    Report,
    after_opening_attribution,
    before_quoted_aside,
    clause_start,
    is_attribution,
    left_open,
    short_clause,
    trim_token_range,
)
from newslens.quotes.rules import QuoteRule

if TYPE_CHECKING:
    from newslens.quotes.context import Context
    from newslens.types import Token

__all__ = ["find_indirect"]

CLAUSE_VERB_TAGS = ("VB", *FINITE_TAGS)  # tags of verbs that can head a clause


def find_indirect(ctx: Context, taken: list[tuple[int, int]]) -> list[Found]:
    """Reported speech: clausal complements of reporting verbs flagged ``indirect`` (also
    after an object, "told reporters that"), parenthetical and trailing reporting clauses,
    clauses credited with "according to X" in any position, "that"-clauses of speech
    nouns ("the claim that", "a report that") whose source is named, a headline's name and
    colon, and a passage after "X writes:".

    ``taken`` holds the characters of the quotes already found; it grows with each report
    kept, so reports never overlap. The speakers are resolved later (their ``source``).
    """
    found = []
    for finder in (
        _verb_reports,
        according_to_reports,
        _noun_cue_reports,
        colon_reports,
        block_after_lead_in,
    ):
        for report in finder(ctx):
            item = _accept_report(report, ctx, taken)
            if item is not None:
                found.append(item)
                taken.append((item.start, item.end))
    return found


def _accept_report(report: Report, ctx: Context, taken: list[tuple[int, int]]) -> Found | None:
    """The report as a quote (trimmed and cut before a quoted aside: see
    :mod:`newslens.quotes.report_spans`), or None when it is too short for a clause, holds
    quotation marks, holds its own cue, is an attribution or stops at a word that opens a
    clause, or overlaps a quote already found."""
    doc = ctx.doc
    start, end = trim_token_range(doc, after_opening_attribution(report), report.end)
    end = before_quoted_aside(doc, start, end, ctx, after_cue=report.cue.i < start)
    span = doc[start:end]
    if len(span) < MIN_REPORT_TOKENS and not short_clause(span, ctx):
        return None
    if any(ctx.inside[t.i] for t in span) or any(ch in span.text for ch in DOUBLE_MARKS):
        return None
    if not report.cue_inside and start <= report.cue.i < end:
        return None
    if is_attribution(span, ctx) or left_open(span, ctx):
        return None
    s, e = span.start_char, span.end_char
    if any(s < te and ts < e for ts, te in taken):
        return None
    return Found(s, e, "indirect", ((s, e),), report.rule, cue=report.cue, source=report.source)


def _verb_reports(ctx: Context) -> Iterator[Report]:
    """Reported clauses of reporting verbs: complements ("X said the talks had failed",
    "X told reporters that ..."), clauses before the verb ("The talks failed, X said.") and
    parentheticals ("The talks, X said, had failed")."""
    for token in ctx.doc:
        subject = speaking_subject(token, ctx)
        if subject is None or _says_what(token):
            continue
        complements = [c for c in reported_clauses(token, subject) if not _past_semicolon(token, c)]
        # "Headline: Republicans said they ...": the parser may hang what comes before a
        # colon on the verb too; the clause after the verb is the report.
        complements.sort(key=lambda c: c.i < token.i)
        if complements:
            report = _complement_report(token, complements[0], subject, ctx)
        elif crediting_as(token, ctx):
            report = as_report(token, subject, ctx)
        elif (token.dep_ in ("ccomp", "parataxis") and token.head.i < token.i) or _spliced(
            token, subject
        ):
            report = _trailing_report(token, subject, ctx)
        elif token.dep_ in ("ccomp", "parataxis", "advcl"):
            report = _parenthetical_report(token, subject, ctx)
        else:
            report = None
        if report is None:
            report = _closed_by_semicolon(token, subject, ctx)
        if report is not None:
            yield report


def _past_semicolon(verb: Token, clause: Token) -> bool:
    """Whether a semicolon stands between ``verb`` and the clause after it that the parser
    hung on it ("The budget was never balanced, the mayor said; the council ..."): the
    semicolon ends the reporting clause, so the clause after it is a sentence of its own."""
    return clause.i > verb.i and any(
        t.text == ";" for t in verb.doc[verb.i + 1 : clause.left_edge.i + 1]
    )


def _says_what(verb: Token) -> bool:
    """Whether ``verb`` heads a free relative ("... is what he said", "prove what his
    supporters say"): its object is the "what" before it, so it reports no clause of the
    sentence, whatever the parser hung on it."""
    return any(c.dep_ == "dobj" and c.tag_ == "WP" and c.i < verb.i for c in verb.children)


def _complement_report(token: Token, clause: Token, subject: Token, ctx: Context) -> Report | None:
    """'X said the talks had failed' / 'The talks had failed, X said.'"""
    opening = None
    if clause.pos_ not in ("VERB", "AUX") and not _verb_tagged_as_noun(clause):
        verb = _verb_split_off(token, clause)
        if verb is None:
            return None
        opening, clause = clause.left_edge.i, verb
    if _small_clause(token, clause) or (
        token.lemma_.lower() in FINDING_VERBS and not _states_a_finding(token, clause)
    ):
        return None
    start, end = _complement_span(token, clause, ctx)
    if opening is not None:
        start = min(start, opening)
    inside = set_off(token, subject, ctx.doc) or as_clause_before(token, clause, ctx)
    if inside and clause_start(token, ctx) < subject.left_edge.i:
        # "The problem now, she told me, is that ..." parsed with the rest as complement.
        if clause.i < token.i:
            end = max(end, _continued_after(token, ctx) or end)
        return Report(
            clause_start(token, ctx),
            end,
            token,
            subject,
            QuoteRule.PARENTHETICAL,
            cue_inside=True,
        )
    if clause.i < token.i:
        # A clause before its verb is reported speech only when set off by a comma.
        # (With the subject parsed inside the clause, the comma before the subject; the
        # parser may also end the clause with the comma.)
        first = min(clause.right_edge.i, subject.left_edge.i - 1)
        between = ctx.doc[first : min(token.i, subject.left_edge.i)]
        if not any(t.text == "," for t in between):
            return None
        # The report is all the sentence says before its attribution, not only the clause
        # the parser hangs on the verb ("A, but B, the source said": both A and B).
        start = clause_start(clause, ctx)
        continued = _continued_after(token, ctx)
        if continued is not None:
            return Report(
                start, continued, token, subject, QuoteRule.PARENTHETICAL, cue_inside=True
            )
        end = min(subject.left_edge.i, token.i)
    return Report(start, end, token, subject)


def _states_a_finding(token: Token, clause: Token) -> bool:
    """Whether "found" states what was found ("The study found that most voters ..."): a
    finite clause after it, and the verb itself neither a search ("found out whether"), a
    wish ("asked the court to find"), a condition ("if the court finds") nor a guess ("might
    find")."""
    if clause.i < token.i or not (is_finite(clause) or opens_with_that(clause)):
        return False
    if token.dep_ == "xcomp" or any(c.dep_ == "prt" for c in token.children):
        return False
    # "might well find ..., but still find ...": the second shares the first's modal.
    verbs = [token, token.head] if token.dep_ == "conj" else [token]
    children = [c for verb in verbs for c in verb.children]
    if any(c.dep_ == "aux" and c.tag_ in ("TO", "MD") for c in children):
        return False
    return not any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in children)


def _small_clause(token: Token, clause: Token) -> bool:
    """Whether the complement after the verb is the subject's own state, with a reflexive
    subject ("found himself embroiled in ...", "finds itself playing host"): what happened
    to the subject, not words it reported."""
    return clause.i > token.i and any(
        c.dep_ in SUBJECT_DEPS and c.lower_.endswith(("self", "selves")) for c in clause.children
    )


def _verb_split_off(token: Token, clause: Token) -> Token | None:
    """The verb of a reported clause the parser split in two complements of ``token``, a
    subject with a word after it and the rest ("said the funds necessary would require ...",
    "necessary" a complement of its own): the complement verb right after ``clause``."""
    if clause.i < token.i or not any(c.dep_ in SUBJECT_DEPS for c in clause.children):
        return None
    return next(
        (
            c
            for c in token.rights
            if c.dep_ == "ccomp"
            and c.pos_ in ("VERB", "AUX")
            and c.left_edge.i == clause.right_edge.i + 1
            and not any(s.dep_ in SUBJECT_DEPS for s in c.children)
        ),
        None,
    )


def _complement_span(token: Token, clause: Token, ctx: Context) -> tuple[int, int]:
    """The token range of the clause ``token`` reports, mended where the parser split it
    or hung its subject on the verb."""
    start, end = clause.left_edge.i, content_end(clause, ctx.verbs)
    for other in token.children:
        if (
            other.dep_ == "ccomp"
            and other.i > clause.i > token.i
            and other.left_edge.i == end
            and not ctx.doc[end].is_punct
            and ctx.doc[end - 1].dep_ != "cc"  # "A, and three in five said B"
            and not ctx.is_reporting(other)
            and _same_line(clause, other, ctx)
        ):
            # "said the Iranians released by the US were close to ...": the parser split
            # one reported clause into two complements that follow each other.
            end = max(end, content_end(other, ctx.verbs))
    if clause.dep_ in ("acl", "relcl") and clause.head.head == token and not opens_report(clause):
        # "said that claim smacked of ...": the clause's subject, parsed as the object (not
        # "repeated her claim that ...", where the noun introduces the clause).
        start = clause.head.left_edge.i
    if clause.i > token.i and not any(c.dep_ in SUBJECT_DEPS for c in clause.children):
        # "Democrats say movement over the past week is instructive": the clause's subject
        # parsed as the verb's object.
        objects = [c for c in token.children if c.dep_ == "dobj" and token.i < c.i < clause.i]
        if objects:
            start = min(start, objects[0].left_edge.i)
    reason = _reason_after(token, clause, end, ctx)
    if reason is not None:
        end = content_end(reason, ctx.verbs)
    if token.dep_ == "relcl" and clause.i > token.i and start < token.i:
        # "donations, which he said were accompanied by ...": the relative word that opens
        # the reported clause stands before its cue; the report is what follows the cue.
        start = token.i + 1
    return start, end


def _reason_after(token: Token, clause: Token, end: int, ctx: Context) -> Token | None:
    """A "because" clause the parser hung on the reporting verb right after the clause it
    reports ("Vale said she left early because the hall was full"): the reason
    is part of what was said, not why it was said."""
    if clause.i < token.i:
        return None
    for child in token.rights:
        first = child.left_edge
        if (
            child.dep_ == "advcl"
            and first.lower_ == "because"
            and first.i in (end, end + 1)
            and ctx.doc[end : first.i].text.strip() in ("", ",")
            and _same_line(clause, child, ctx)
        ):
            return child
    return None


def _verb_tagged_as_noun(clause: Token) -> bool:
    """Whether a clausal complement the tagger took for a noun is a verb with its subject
    and auxiliary ('said the chamber will most likely vote on ...'), or with its subject
    before the verb that reports it ('The revolution dampened plans to return home, Rubio
    said', "plans" read as the clause's verb); or one it took for an adjective is a passive
    verb ('said the response was undercut by ...') or a perfect ('said Mrs. Clinton had so
    far avoided ...')."""
    deps = {c.dep_ for c in clause.children}
    if clause.dep_ == "ccomp" and clause.pos_ == "NOUN" and clause.i > clause.head.i:
        # "advisers say his finish ... and ability to turn out voters make him ...": the
        # parser made the clause's subject its head; its verb sits below it.
        if any(t.pos_ in ("VERB", "AUX") and t.tag_ in CLAUSE_VERB_TAGS for t in clause.subtree):
            return True
    if clause.dep_ != "ccomp" or not deps & set(SUBJECT_DEPS):
        return False
    if clause.pos_ == "ADJ":
        # "said the response was undercut by ...", "undercut" as ADJ; "had avoided"
        perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in clause.children)
        return "auxpass" in deps or perfect
    return "aux" in deps or clause.i < clause.head.i


def _continued_after(token: Token, ctx: Context) -> int | None:
    """Where the sentence ends when a reporting clause after the reported words is set off
    by a comma and the reported sentence goes on after it ("The shelter was full, the mayor
    said, until the new wing opened"): the attribution sits inside the report, which is the
    whole sentence. None when the sentence ends with the attribution, or what follows is a
    new report of the speaker's (", adding that ...", ", and said ...")."""
    doc = ctx.doc
    sentence_end = token.sent.end
    while sentence_end > token.i + 1 and doc[sentence_end - 1].is_space:
        sentence_end -= 1  # the paragraph break the parser keeps in the last sentence
    i = token.i + 1
    while i < sentence_end and doc[i].text != ",":
        if _breaks_off(doc[i], ctx, marks=(";", ":")):
            return None
        i += 1
    rest = [t for t in doc[i + 1 : sentence_end] if not t.is_punct and not t.is_space]
    if len(rest) < MIN_REPORT_TOKENS or rest[0].tag_ == "VBG":
        return None
    if _describes_subject(rest[0], token):
        return None  # "..., said Jane Doe, a professor at ...": who she is, not more report
    if _how_it_was_said(rest):
        return None  # "..., he said, on condition of anonymity": how he said it
    if any(
        _breaks_off(t, ctx, marks=(";",))
        or (ctx.is_reporting(t) and t.pos_ == "VERB" and not _infinitive(t))
        for t in doc[i + 1 : sentence_end]
    ):
        return None  # ", and said ...": a new report (not "..., he said, to talk to ...")
    return sentence_end


def _infinitive(verb: Token) -> bool:
    """Whether ``verb`` is a bare infinitive after "to" ("to talk to Congress")."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _how_it_was_said(rest: list[Token]) -> bool:
    """Whether the words after a reporting clause open with a phrase of how or where they
    were said: a preposition and, within four words, a noun of ``SAYING_OCCASIONS``."""
    return rest[0].lower_ in ("on", "in", "at", "during") and any(
        t.lemma_.lower() in SAYING_OCCASIONS for t in rest[1:5]
    )


def _describes_subject(token: Token, verb: Token) -> bool:
    """Whether ``token`` belongs to the phrase of a subject of ``verb`` (an apposition
    after an inverted name, "said Jane Doe, a professor at ...")."""
    return any(
        c.dep_ in SUBJECT_DEPS and c.left_edge.i <= token.i <= c.right_edge.i for c in verb.children
    )


def _breaks_off(token: Token, ctx: Context, *, marks: tuple[str, ...]) -> bool:
    """Whether ``token`` ends what one report can span: one of ``marks``, a line break, or a
    quotation."""
    return token.text in marks or "\n" in token.text_with_ws or ctx.inside[token.i]


def _spliced(token: Token, subject: Token) -> bool:
    """Whether a reporting clause after a comma was parsed as coordinated with the clause it
    reports ("This includes a special force, Defense Secretary Ash Carter told a Senate
    panel"): a ``conj`` with no "and" or "but" before it and a comma right before its
    subject."""
    head = token.head
    if token.dep_ != "conj" or head.i >= token.i or subject.i > token.i:
        return False
    if joined_by_conjunction(token):
        return False
    first = subject.left_edge.i
    return first > 0 and token.doc[first - 1].text == ","


def _trailing_report(token: Token, subject: Token, ctx: Context) -> Report | None:
    """'The plan will fail, he said.' parsed with the clause as the head."""
    head = token.head
    if ctx.inside[head.i] or head.pos_ not in ("VERB", "AUX"):
        return None
    start = max(head.left_edge.i, clause_start(head, ctx))
    continued = _continued_after(token, ctx)
    if continued is not None:
        return Report(start, continued, token, subject, QuoteRule.PARENTHETICAL, cue_inside=True)
    end = subject.left_edge.i if subject.i < token.i else token.i
    return Report(start, end, token, subject)


def _closed_by_semicolon(token: Token, subject: Token, ctx: Context) -> Report | None:
    """'To win, candidates need 40 percent of the vote, analysts say; in 2012, ...': a
    closing attribution that a semicolon ends reports the clause before its comma, though
    the parser may hang it on the clause after the semicolon."""
    doc = ctx.doc
    left = subject.left_edge.i
    if subject.i > token.i or left == 0 or doc[left - 1].text != ",":
        return None
    if doc[left].tag_ in ("WDT", "WP", "WP$"):
        return None  # "..., whose new book boasts of ...;": a relative clause, no attribution
    right = max([token.i] + [c.right_edge.i for c in token.rights if c.text != ";"])
    if right + 1 >= len(doc) or doc[right + 1].text != ";":
        return None
    start = clause_start(token, ctx)
    start = max([start] + [t.i + 1 for t in doc[start:left] if t.text == ";"])
    clause = doc[start : left - 1]
    if not any(t.dep_ in SUBJECT_DEPS and is_finite(t.head) for t in clause):
        return None
    return Report(start, left - 1, token, subject)


def _parenthetical_report(token: Token, subject: Token, ctx: Context) -> Report | None:
    """'Back then, X said, the plan was ...': the reporting clause set off by commas
    inside the reported sentence, which is the content (attribution included)."""
    head = token.head
    doc = ctx.doc
    if head.i <= token.i or ctx.inside[head.i] or head.pos_ not in ("VERB", "AUX"):
        return None
    if not set_off(token, subject, doc):
        return None
    left = min(subject.left_edge.i, token.i)
    start = max(head.left_edge.i, clause_start(head, ctx))
    if all(t.is_punct for t in doc[start:left]):
        # "it is his job, he said, to talk to ...": the clause the parser hung the
        # attribution on starts with it; the report is the sentence around it.
        # A conjunct is a clause of its own ("... and, he argued, to help ..."), unless no
        # conjunction joins it ("have any plans, advisers say, to take cues ...").
        while (
            head.dep_ in ("ccomp", "xcomp", "advcl", "dep") or _joined_without_conjunction(head)
        ) and _same_line(head, head.head, ctx):
            head = head.head
        start = max(head.left_edge.i, clause_start(head, ctx))
    if start >= left:
        return None
    return Report(
        start, head.right_edge.i + 1, token, subject, QuoteRule.PARENTHETICAL, cue_inside=True
    )


def _joined_without_conjunction(verb: Token) -> bool:
    """Whether the parser made ``verb`` a conjunct though no "and", "but" or "or" and no
    dash, colon or semicolon stands between it and the verb it is coordinated with."""
    head = verb.head
    if verb.dep_ != "conj" or head.i > verb.i:
        return False
    between = verb.doc[head.i + 1 : verb.i]
    return not any(t.pos_ == "CCONJ" or t.tag_ == ":" or is_dash(t) for t in between)


def _same_line(token: Token, other: Token, ctx: Context) -> bool:
    """Whether no line break or quotation lies between two tokens of a sentence."""
    low, high = sorted((token.i, other.i))
    return not any(_breaks_off(t, ctx, marks=()) for t in ctx.doc[low:high])


def _noun_cue_reports(ctx: Context) -> Iterator[Report]:
    """'that'-clauses of speech nouns whose source is named: "Grant's claim that ...",
    "a New York Times report that ...", "X issued a statement that ..."."""
    nouns = speech_nouns()
    for token in ctx.doc:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in nouns or ctx.inside[token.i]:
            continue
        clause = next(
            (c for c in token.rights if c.dep_ in ("acl", "ccomp") and opens_with_that(c)),
            None,
        )
        if clause is None or clause.pos_ not in ("VERB", "AUX"):
            continue
        source = noun_source(token, ctx, of_owner=True)
        if source is None:
            continue
        end = content_end(clause, ctx.verbs)
        yield Report(clause.left_edge.i, end, token, source, QuoteRule.SPEECH_NOUN)
