"""Where a reporting verb's reported clause is and where it ends, also when the parser hung it
elsewhere: on the noun after the verb ("says in a statement that ..."), as an object noun
with a clause ("said that claim smacked of ..."), or as an adjunct before the verb ("The
middle fifth paid 8.9 percent, the agency said"). Token functions over the parse, used by
:mod:`newslens.quotes.indirect`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newslens.entities.normalise import is_dash
from newslens.quotes.cues import opens_with_that
from newslens.quotes.lexicon import CHARACTERISING_VERBS, SUBJECT_DEPS, speech_nouns
from newslens.quotes.shared_subject import reporting_participle

if TYPE_CHECKING:
    from newslens.types import Token

__all__ = ["content_end", "is_finite", "opens_report", "reported_clauses"]


def reported_clauses(verb: Token, subject: Token) -> list[Token]:
    """The heads of the clauses ``verb`` reports: its clausal complements, else a clause the
    parser hung on the noun after it, parsed as its object, or parsed as an adjunct before
    it."""
    return (
        [c for c in verb.children if c.dep_ == "ccomp"]
        or _misattached(verb)
        or _clause_parsed_as_object(verb)
        or _clause_parsed_as_adjunct(verb, subject)
    )


def content_end(clause: Token, verbs: dict[str, frozenset[str]]) -> int:
    """Token index where the reported clause headed by ``clause`` ends: at a semicolon,
    before ", according to", before a coordinated report of the speaker's ("... and said
    she would", ", adding that ...") or narration of the writer's ("and highlighted ..."),
    before an aside, before the main verb the parser hung on the report, and before a
    trailing non-restrictive relative clause or apposition (", which opened in 1990"): the
    journalist's addition rather than the speaker's words."""
    end = clause.right_edge.i + 1
    doc = clause.doc
    stop = next((t.i for t in doc[clause.left_edge.i : end] if t.text == ";"), None)
    if stop is not None:
        return stop  # "...; the vote is on Monday": a sentence of its own
    # ", according to Politico": the writer credits another source from there on.
    end = next(
        (
            t.i - 1
            for t in doc[clause.i + 1 : end]
            if t.lower_ == "according" and doc[t.i - 1].text == ","
        ),
        end,
    )
    for child in clause.subtree:
        if child.i <= clause.i or child.i >= end:
            continue
        if child.dep_ == "conj" and child.head == clause:
            new_report = _new_clause(child, verbs) and not _in_reported_tense(child, clause)
            if new_report or _narrated(child, clause):
                return child.left_edge.i
        if _adding(child, clause, verbs):
            return child.left_edge.i  # ", adding that ...": a new report of the speaker's
        if child.head == clause and _aside(child, verbs):
            return child.left_edge.i
        if _main_verb_hung_on_report(child):
            return child.left_edge.i
        if _is_gloss(child) and child.right_edge.i + 1 >= end:
            end = min(end, child.left_edge.i)
            break
    return end


def _adding(token: Token, clause: Token, verbs: dict[str, frozenset[str]]) -> bool:
    """Whether ``token`` is a reporting participle set off by a comma and hung on the
    reported clause ("he would sign the bill, adding that ..."), or deeper in it before a
    quotation or a "that" clause: the parser's attachment of the speaker's next report, not
    more of the content."""
    if token.dep_ not in ("advcl", "conj", "xcomp") or not reporting_participle(token, verbs):
        return False
    # Deeper in the clause, only one that opens a quotation or a "that" clause (", saying,
    # "..."", ", saying that ...").
    opening = token.doc[token.i + 1 : token.i + 4]
    return token.head == clause or any(t.is_quote or t.lower_ == "that" for t in opening)


def _after_comma(token: Token) -> bool:
    """Whether the phrase ``token`` heads is set off by a comma before it."""
    first = token.left_edge
    return first.i > 0 and first.doc[first.i - 1].text == ","


def _aside(token: Token, verbs: dict[str, frozenset[str]]) -> bool:
    """Whether an adjunct set off by a comma at the end of a reported clause is the
    writer's, not the speaker's: another source's report (", while nine in 10 said ...")
    or a comparison (", compared with 11 percent of ...")."""
    if not _after_comma(token):
        return False
    if token.dep_ == "advcl" and token.lemma_.lower() in verbs and is_finite(token):
        return any(c.dep_ in SUBJECT_DEPS for c in token.children)
    return token.dep_ in ("prep", "advcl") and token.lower_ in ("compared", "comparing")


def _new_clause(verb: Token, verbs: dict[str, frozenset[str]]) -> bool:
    """Whether a verb coordinated with the reported clause is a new report of the
    speaker's ("... and said she would") rather than more of the reported content ("said
    A and that B", "said A, but B", "said he voted for X and wrote in Y": a reporting
    verb with no report of its own is more of the content)."""
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
        return False
    deps = {c.dep_ for c in verb.children}
    if not deps & {"ccomp", "xcomp", "dobj", "dative"}:
        return False
    if verb.lemma_.lower() in CHARACTERISING_VERBS and not deps & {"ccomp", "xcomp", "oprd"}:
        return False  # "... and never called the donors": calls made, not words said
    return verb.lemma_.lower() in verbs  # "... and said she would": the speaker again


def _in_reported_tense(verb: Token, clause: Token) -> bool:
    """Whether a verb coordinated with the reported clause belongs to it by its form: the
    clause's past tense where the reporting verb is in the present ("Vale says she met the
    governor and urged him to ..."), or a bare infinitive or gerund that shares the clause's
    auxiliary ("said the bill would cut fees and raise wages", "said she was resting and not
    taking calls"): more of what was reported, not the speaker's next report. Not a verb with
    a clause of its own ("says X backed it and said Reyes had not ..."): that reports again. (Past against past tells
    nothing: the tagger reads many past tenses as participles.)"""
    reporting = clause.head
    if any(c.dep_ in ("ccomp", "aux", *SUBJECT_DEPS) for c in verb.children):
        return False
    if reporting.i > clause.i or verb.tag_ != clause.tag_:
        return False
    if verb.tag_ == "VBD":
        return reporting.tag_ in ("VBZ", "VBP")
    shared = any(c.dep_ == "aux" for c in clause.children)
    return verb.tag_ in ("VB", "VBG") and shared


def _main_verb_hung_on_report(verb: Token) -> bool:
    """Whether ``verb`` is the main verb of a sentence the parser rooted at its subject and
    hung on the report inside a clause about that subject ("Reyes, who ... said he would
    campaign with her, ultimately did not show up"): a finite verb after a comma, without a
    subject, in a sentence whose root is no verb."""
    if verb.dep_ not in ("advcl", "dep", "conj", "parataxis") or not is_finite(verb):
        return False
    if not _after_comma(verb):
        return False
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return False
    return verb.sent.root.pos_ not in ("VERB", "AUX")


def _narrated(verb: Token, clause: Token) -> bool:
    """Whether a past-tense verb coordinated with a present-tense report continues the
    writer's narration ("She said she admires his determination and highlighted their
    shared goals"): the report keeps the speaker's tense, the conjunct takes the tense of
    the reporting verb, and it has no subject of its own."""
    if verb.tag_ != "VBD" or clause.tag_ not in ("VBZ", "VBP") or clause.head.tag_ != "VBD":
        return False
    if any(is_dash(t) for t in verb.doc[clause.left_edge.i : verb.i]):
        return False  # "that X - the rate is the highest - carried ...": an aside's verb
    return not any(c.dep_ in SUBJECT_DEPS for c in verb.children)


# Words that open an apposition singling out part of what comes before it.
NARROWING_WORDS = frozenset(
    {"particularly", "especially", "notably", "mainly", "mostly", "chiefly", "most", "even"}
)


def _is_gloss(token: Token) -> bool:
    """A non-restrictive relative clause (", which ...", ", who ...", ", for whom ...") or an
    apposition (", the oldest firm in town", also when parsed as a second object: "face no
    charges, a recommendation the court adopted") set off by a comma: the journalist's
    gloss."""
    if not _after_comma(token):
        return False
    first = token.left_edge
    doc = first.doc
    comma = first.i - 1
    if token.dep_ == "relcl":
        if first.pos_ == "ADP" and first.i + 1 < len(doc):
            first = doc[first.i + 1]  # "for whom", "in which"
        return first.lower_ in ("which", "who", "whom", "whose", "where")
    if token.dep_ == "dobj":  # a noun that sums up the object before it, with a clause
        described = any(c.dep_ == "relcl" for c in token.children)
        return described and any(c.dep_ == "dobj" and c.i < comma for c in token.head.children)
    return token.dep_ == "appos" and not _names_or_narrows(token)


def _names_or_narrows(apposition: Token) -> bool:
    """Whether an apposition is more of what was said, not the writer's gloss: a list the
    parser hung as one ("differ on Israel, the Iranian deal and the court"), a name
    ("his wife, Lonnie"), or a part singled out ("some consumers, particularly those who
    ..."). A description ("Barack Obama, a Democrat", "Ms. Brainard, then 35") is a gloss."""
    first = apposition.left_edge
    if first.lower_ in ("a", "an", "then"):
        return False
    if any(c.dep_ == "conj" for c in apposition.children):
        return True
    if apposition.pos_ == "PROPN":  # but "Obama, the first black President who was ..."
        return not any(c.dep_ in ("relcl", "acl") for c in apposition.children)
    return first.lower_ in NARROWING_WORDS


def _misattached(verb: Token) -> list[Token]:
    """A "that"-clause the parser hung on the noun after the verb: 'says in a statement
    that ...', 'told reporters that ...', or on the preposition whose object it follows
    ('said in ‘08 that ...')."""
    for child in verb.rights:
        nouns = [child] if child.dep_ in ("dobj", "npadvmod") else []
        if child.dep_ == "dobj" and _owns_its_clause(child):
            return []  # "protest Kestrel's announcement that ...": Kestrel's words
        if child.dep_ == "prep":
            nouns = [c for c in child.children if c.dep_ == "pobj"]
            hung = [c for c in child.rights if c.dep_ == "pcomp" and opens_with_that(c)]
            if nouns and hung:
                return hung[:1]
        for noun in nouns:
            for clause in noun.rights:
                if clause.dep_ in ("acl", "relcl", "ccomp") and opens_report(clause):
                    return [clause]
    return _hung_deeper(verb)


# Words through which a that-clause hung deeper after the verb is still the verb's: the
# objects of its prepositional phrases and the participles and times that describe them
# ("told a court in a filing made public Monday that ...").
ADJUNCT_PATH_DEPS = ("prep", "pobj", "acl", "npadvmod")


def opens_report(clause: Token) -> bool:
    """Whether a clause hung on a noun opens with the conjunction "that", also when the
    parser made that "that" the clause's subject or object though the clause has one of its
    own ('told auditors that in the month after, she realized ...', 'alleged in the suit that
    Reyes earned $5 million')."""
    if opens_with_that(clause):
        return True
    first = clause.left_edge
    if first.lower_ != "that":
        return False
    for deps in (SUBJECT_DEPS, ("dobj",)):
        slot = [c for c in clause.children if c.dep_ in deps]
        if first in slot and len(slot) > 1:
            return True
    return False


def _hung_deeper(verb: Token) -> list[Token]:
    """A finite "that"-clause with a subject of its own that the parser hung on a word
    further inside the phrases after the verb: 'said in one of a string of text
    messages that ...', 'told a paper in a video posted Friday that ...'. Only through prepositional
    phrases and what describes their nouns, never through another clause's verb or the
    verb's object ('explained her claim that ...': the noun's content)."""
    for child in verb.rights:
        if child.dep_ != "prep":
            continue
        for token in child.subtree:
            if token.i <= child.i or token.dep_ not in ("acl", "relcl", "ccomp"):
                continue
            path = [token.head, *token.head.ancestors]
            path = path[: path.index(child) + 1] if child in path else []
            if not path or any(t.dep_ not in ADJUNCT_PATH_DEPS or _is_clause(t) for t in path):
                continue
            if (
                opens_report(token)
                and is_finite(token)
                and any(c.dep_ in SUBJECT_DEPS and c.lower_ != "that" for c in token.children)
                and _hung_by_mistake(token)
            ):
                return [token]
    return []


def _is_clause(token: Token) -> bool:
    """Whether a verb heads a clause of its own: it has a subject or an auxiliary."""
    return token.pos_ in ("VERB", "AUX") and any(
        c.dep_ in (*SUBJECT_DEPS, "aux", "auxpass") for c in token.children
    )


def _hung_by_mistake(clause: Token) -> bool:
    """Whether the word a that-clause hangs on cannot own it: a noun that credits no one
    else (not "complaints by the minister that ...", the minister's), or a passive
    participle ("a video posted Friday that ...") rather than a verb that takes a clause
    of its own ("videos showing that ...")."""
    head = clause.head
    if head.pos_ in ("VERB", "AUX"):
        return head.tag_ == "VBN" and not _is_clause(head)
    by_someone = any(c.dep_ == "prep" and c.lower_ in ("by", "from") for c in head.rights)
    return not (by_someone or _owned_by_a_name(head))


def _owns_its_clause(noun: Token) -> bool:
    """Whether a verb's object is a speech noun credited to someone named in it ("protest
    Kestrel's announcement that ..."): the clause is that owner's words, not the verb's."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in speech_nouns() and _owned_by_a_name(noun)


def _owned_by_a_name(noun: Token) -> bool:
    """Whether a noun has a name as its possessor ("Kestrel's announcement")."""
    return any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in noun.lefts)


FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")


def _clause_parsed_as_object(verb: Token) -> list[Token]:
    """'said that claim smacked of hypocrisy': the complement clause parsed as an object
    noun with a finite clause hung on it; the clause is the report (from the noun on)."""
    for child in verb.rights:
        if child.dep_ != "dobj" or child.pos_ not in ("NOUN", "PROPN"):
            continue
        for clause in child.rights:
            if clause.dep_ in ("acl", "relcl") and _finite_without_relative(clause):
                return [clause]
        return []
    return []


def is_finite(verb: Token) -> bool:
    """Whether a verb is finite itself or through its auxiliary ("did not say", "were
    sent")."""
    return verb.tag_ in FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in verb.children
    )


def _finite_without_relative(clause: Token) -> bool:
    """Whether a clause hung on a noun is finite and opens with no relative word (so it
    is the noun's predicate, not a relative clause about it)."""
    finite = is_finite(clause)
    relative = any(
        t.lower_ in ("who", "which", "that", "whom", "whose", "where", "when")
        for t in clause.doc[clause.left_edge.i : clause.i]
    )
    # "the remarks Trump had made": a relative clause with a subject of its own.
    own_subject = any(c.dep_ in SUBJECT_DEPS for c in clause.children)
    return finite and not relative and not own_subject


def _past_read_as_participle(verb: Token) -> bool:
    """'Members of the family long ago soured on him': a past tense the tagger read as a
    participle, which its active subject and the lack of any auxiliary give away."""
    return (
        verb.tag_ == "VBN"
        and any(c.dep_ == "nsubj" for c in verb.children)
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def _clause_parsed_as_adjunct(verb: Token, subject: Token) -> list[Token]:
    """'The middle fifth paid 8.9 percent, the agency said': a reported clause before its
    verb, set off by a comma and parsed as an adjunct without a subordinating word."""
    for child in verb.lefts:
        if child.dep_ != "advcl" or child.i > subject.i:
            continue
        if any(c.dep_ == "mark" for c in child.children):
            continue
        if child.tag_ not in FINITE_TAGS and not _past_read_as_participle(child):
            continue
        first = child.left_edge
        if first.tag_ in ("WRB", "IN") or first.pos_ == "SCONJ":
            continue  # "When Congress cut funding, Mexico said ...": a time, not a report
        if any(c.dep_ in SUBJECT_DEPS for c in child.children):
            return [child]
    return []
