"""Subjects the parser put somewhere else: a name right before a reporting verb hung on
another word ("After his remarks about Vale, Tom Cross said"), the subject of an inverted
attribution parsed as its object ('"...," said Rubio'), a subject hung on the relative
clause before the verb, the phrase before a reporting verb that ends its sentence after a
comma (", a source close to him said."), and a subject the parser gave to a participle, a
clause or an apposition before the verb ("Veterans interviewed at the rallies said", "offered
him a job, then says", "Two analysts, A and B, found") or coordinated with the verb ("The
court overruled and said"), and the people addressed made the subject of the sender's
participle ("emailed supporters saying"). Used by
:func:`newslens.quotes.cues.subject_of`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newslens.quotes.lexicon import ADDRESSING_VERBS, CLAUSE_DEPS, SUBJECT_DEPS
from newslens.quotes.speakers import can_speak, names_someone

if TYPE_CHECKING:
    from newslens.quotes.context import Context
    from newslens.types import Token

__all__ = [
    "addressed_as_subject",
    "addresser",
    "closing_attribution_subject",
    "doc_slice",
    "inverted_subject",
    "joined_by_conjunction",
    "main_verb_read_as_participle",
    "name_before_script_saying",
    "name_right_after",
    "name_right_before",
    "subject_hung_on_relative_clause",
    "subject_of_clause_before",
    "subject_of_participle_above",
    "subject_of_participle_before",
    "subject_read_as_conjunct_head",
]

INVERTED_NAME_WORDS = 8  # words after an inverted reporting verb searched for its name
MAX_CLOSING_WORDS = 12  # words of a closing attribution's subject (", a source close to him said")


def subject_hung_on_relative_clause(verb: Token, ctx: Context) -> Token | None:
    """The subject of a verb without one that the parser hung on the relative clause
    before it ("Doe, who sits on the panel, said ...", parsed with "Doe" and "who" both
    subjects of "sits"): the subject that comes before the relative pronoun."""
    for clause in verb.lefts:
        if clause.dep_ not in CLAUSE_DEPS or clause.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
        relative = [c for c in subjects if c.lower_ == "who"]
        named = [c for c in subjects if c.lower_ != "who" and not ctx.inside[c.i]]
        if relative and named and named[0].i < relative[0].i:
            return named[0]
    return None


def closing_attribution_subject(verb: Token, ctx: Context) -> Token | None:
    """The subject of a reporting verb that ends its sentence after a comma, which the
    parser hung inside the clause before it ("..., a source close to him said.", "...,
    union officials told Politico."): the head of the phrase between the comma and the verb,
    when it is a noun or a pronoun."""
    doc = verb.doc
    following = verb.i + 1
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or not ctx.is_reporting(verb):
        return None
    hearer = next((c for c in verb.rights if c.dep_ in ("dobj", "dative")), None)
    if hearer is not None and hearer.left_edge.i == following:
        following = hearer.right_edge.i + 1  # "told Politico."
    if following < len(doc) and doc[following].text not in (".", "!", "?"):
        return None
    comma = next(
        (t.i for t in reversed(doc[max(0, verb.i - MAX_CLOSING_WORDS) : verb.i]) if t.text == ","),
        None,
    )
    if comma is None or comma + 1 >= verb.i:
        return None
    phrase = doc[comma + 1 : verb.i]
    heads = [t for t in phrase if not phrase.start <= t.head.i < phrase.end or t.head == t]
    if len(heads) != 1 or heads[0].pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    return heads[0] if not ctx.inside[heads[0].i] else None


def inverted_subject(verb: Token, previous: Token | None, ctx: Context) -> Token | None:
    """The subject of an inverted attribution parsed as an object: '"...," said Rubio'."""
    # After a comma only a reporting verb inverts ("..., said Rubio"; "looked up, furrowed
    # his brow and said" has an object); after a quotation any verb may ('"...," hit back Doe').
    inverted = previous is not None and (
        ctx.inside[previous.i]
        or previous.is_quote
        or (previous.is_punct and ctx.is_reporting(verb))
    )
    for child in verb.rights if inverted and verb.tag_ != "VBG" else ():
        if (
            child.dep_ in ("dobj", "attr", "npadvmod", "appos", "oprd")
            and child.pos_ in ("PROPN", "NOUN", "PRON")
            and not ctx.inside[child.i]
            and not any(not t.is_punct for t in doc_slice(verb, child.left_edge))
            and child.ent_type_ not in ("DATE", "TIME")
            and not _possessed_thing(child, ctx)
        ):
            return child
    if inverted and verb.tag_ != "VBG":
        return name_right_after(verb, ctx)
    return None


def _possessed_thing(noun: Token, ctx: Context) -> bool:
    """Whether an object is someone's thing, not an inverted speaker ('denounced her record'
    after a quotation; but 'said his spokesman', 'said the boy')."""
    owned = any(c.dep_ == "poss" for c in noun.children)
    return noun.pos_ == "NOUN" and owned and not can_speak(noun, ctx)


def name_before_script_saying(verb: Token, ctx: Context) -> Token | None:
    """The name before "saying:" in a video script's shot list ("(SOUNDBITE) (English)
    MAYOR OF DUNMORE, TOM REYES, SAYING:"): the speaker, whatever the parser made of the
    bracketed tags and the role before it."""
    doc = verb.doc
    if verb.text != "SAYING" or verb.i + 1 >= len(doc) or doc[verb.i + 1].text != ":":
        return None
    previous = verb.i - 1
    while previous >= 0 and doc[previous].text == ",":
        previous -= 1
    if previous < 0 or doc[previous].pos_ != "PROPN" or ctx.inside[previous]:
        return None
    named = doc[previous]
    return named if named.ent_type_ == "PERSON" or names_someone(named, ctx) else None


def name_right_before(verb: Token, ctx: Context) -> Token | None:
    """A name right before a finite reporting verb that the parser hung elsewhere ("After
    his remarks about Ann Vale, Tom Cross said", "Cross" parsed on "Vale" and "remarks" as
    the subject): with nothing between them, the name is who speaks. A surname alone is
    often tagged as an organisation, so an ORG name counts too when the verb has no
    subject ("a reporter for Agence France-Presse called" has one); so does a name that
    closes an apposition before the verb's comma ("her adviser, Jake Sullivan, said")."""
    if verb.i == 0 or verb.tag_ not in ("VBD", "VBZ") or not ctx.is_reporting(verb):
        return None
    subjectless = not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    previous = verb.doc[verb.i - 1]
    if previous.text == "," and subjectless and verb.i > 1 and previous.head.i == verb.i:
        # "her adviser, Jake Sullivan, said": the name closes an apposition.
        previous = verb.doc[verb.i - 2]
        named = previous.head
        if (
            previous.dep_ == "appos"
            and (named.ent_type_ in ("PERSON", "ORG") or named.pos_ == "PROPN")
            and named.i < previous.i
        ):
            # "Acme Promotions, a talent agency, says": the name the apposition describes.
            return named if not ctx.inside[named.i] else None
    unparsed_surname = previous.ent_type_ == "ORG" and previous.pos_ == "PROPN" and subjectless
    if (
        (previous.ent_type_ == "PERSON" or unparsed_surname)
        and previous.dep_ in ("conj", "pobj", "appos")
        and not ctx.inside[previous.i]
    ):
        return previous
    return None


def main_verb_read_as_participle(verb: Token) -> Token | None:
    """The subject of a sentence's main verb that the parser read as a participle on the
    subject's apposition ("Two analysts, Ann Vale and Tom Cross, found that ...", "found"
    parsed as "analysts found"): the verb follows the comma that closes the apposition, the
    noun it hangs on is the root of the sentence, and it takes an object or a clause (also
    one the parser hung on a noun after it: "predicted at the debate that ...")."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or head.dep_ != "ROOT":
        return None
    if head.pos_ not in ("NOUN", "PROPN") or verb.doc[verb.i - 1].text != ",":
        return None
    if not any(c.dep_ == "appos" and c.i < verb.i for c in head.children):
        return None
    takes_clause = any(t.dep_ == "mark" and t.lower_ == "that" for t in verb.subtree)
    if not takes_clause and not any(c.dep_ in ("ccomp", "dobj") for c in verb.children):
        return None
    return head


def subject_of_clause_before(verb: Token) -> Token | None:
    """The subject of a verb that goes on from the clause before it, which the parser made
    its complement ("Kasich offered the man a job, then says he will ...", "offered" parsed
    as what "says" reports): the subject of that clause, when "then", "and" or "but" stands
    between them and the verb has a clause after it."""
    if not _subjectless_with_report_after(verb):
        return None
    before = [c for c in verb.lefts if c.dep_ == "ccomp"]
    if not before:
        return None
    linked = any(c.lower_ in ("then", "and", "but") and before[-1].i < c.i for c in verb.lefts)
    subject = next((c for c in before[-1].children if c.dep_ == "nsubj"), None)
    return subject if linked else None


def subject_read_as_conjunct_head(verb: Token) -> Token | None:
    """The subject the parser coordinated a finite verb with ("But the Court of Appeals for
    the 6th Circuit overruled and said ...", "said" read as a conjunct of "Court"): the noun
    the verb hangs on, when "and" or "but" joins them and the noun is a subject or the
    sentence's root."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ", "VBP") or head.i > verb.i:
        return None
    if head.pos_ not in ("NOUN", "PROPN") or head.dep_ not in ("ROOT", *SUBJECT_DEPS):
        return None
    if not joined_by_conjunction(verb):
        return None
    return head


def _subjectless_with_report_after(verb: Token) -> bool:
    """Whether ``verb`` has no subject of its own and a clausal complement after it."""
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return False
    return any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)


def subject_of_participle_before(verb: Token) -> Token | None:
    """The subject of a verb that the parser gave to a participle before it, read as the
    verb's clause ("Veterans interviewed at the rallies said ...", "Voters going to the polls
    said ...": "veterans interviewed" parsed as a clause of its own): the participle's own
    subject, when the verb has a clause after it that is what was said."""
    if not _subjectless_with_report_after(verb):
        return None
    for child in verb.lefts:
        if child.dep_ not in ("ccomp", "csubj") or child.tag_ not in ("VBN", "VBG"):
            continue
        if any(c.dep_ in ("aux", "auxpass") for c in child.children):
            continue  # "Voters are watching her argue that ...": a finite verb of its own
        subject = next((c for c in child.lefts if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        # The subject opens the participle's phrase ("But numerous veterans interviewed").
        before = verb.doc[child.left_edge.i : subject.left_edge.i]
        if all(t.dep_ == "cc" or t.is_punct for t in before):
            return subject
    return None


def subject_of_participle_above(verb: Token) -> Token | None:
    """The subject of a finite verb that the parser hung on the participle of its own
    subject's phrase, made the sentence's root ("Protesters marching through the streets
    chanted "What curfew?"", "chanted" an adjunct of "marching"): that participle's
    subject."""
    head = verb.head
    if verb.dep_ != "advcl" or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    if any(c.dep_ in (*SUBJECT_DEPS, "mark") for c in verb.children):
        return None
    if head.dep_ != "ROOT" or head.tag_ not in ("VBG", "VBN") or head.i > verb.i:
        return None
    if any(c.dep_ in ("aux", "auxpass") for c in head.children):
        return None  # "Voters are watching her, ..." has a finite verb of its own
    return next((c for c in head.lefts if c.dep_ == "nsubj"), None)


def name_right_after(verb: Token, ctx: Context) -> Token | None:
    """The name the parser hung elsewhere in an inverted attribution ('"...," said Virginia
    delegate Beau Correll, angered that ...', where "Correll" is parsed as the subject of
    "angered"): the last word of the run of names and nouns right after the verb, up to a
    comma, when that run holds a person or an organisation."""
    run: list[Token] = []
    for token in verb.doc[verb.i + 1 : verb.i + 1 + INVERTED_NAME_WORDS]:
        if token.pos_ not in ("PROPN", "NOUN", "ADJ", "DET") or ctx.inside[token.i]:
            break
        run.append(token)
    if any(token.ent_type_ in ("PERSON", "ORG") for token in run) and run[-1].pos_ == "PROPN":
        return run[-1]
    return None


def joined_by_conjunction(verb: Token) -> bool:
    """Whether "and", "but" or "or" (a ``cc`` of the word ``verb`` is coordinated with)
    stands between that word and ``verb``."""
    head = verb.head
    return any(c.dep_ == "cc" and head.i < c.i < verb.i for c in head.children)


def doc_slice(left: Token, right: Token) -> list[Token]:
    """Tokens strictly between two tokens of the same Doc."""
    return list(left.doc[left.i + 1 : right.i])


def addresser(noun: Token) -> Token | None:
    """The subject of the verb that addresses ``noun`` ("The senator emailed supporters
    saying ...", "sent an email to supporters stating ..."): a participle of saying hung on
    the people addressed is the sender's words."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "to":
        return _sender(head.head)
    if noun.dep_ in ("dobj", "dative") and head.lemma_.lower() in ADDRESSING_VERBS:
        return _sender(head)
    return None


def addressed_as_subject(verb: Token, subjects: list[Token]) -> Token | None:
    """The sender when the parser made the people addressed the subject of a participle of
    saying right after them ("emailed [supporters saying] ...", "an email to [supporters
    stating] ..."); not after a verb of perceiving ("heard supporters saying": they speak)."""
    if verb.tag_ != "VBG" or len(subjects) != 1 or subjects[0].i != verb.i - 1:
        return None
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ == "to":
        return _sender(head.head)
    if verb.dep_ == "ccomp" and head.lemma_.lower() in ADDRESSING_VERBS:
        return _sender(head)
    return None


def _sender(verb: Token) -> Token | None:
    """The subject of the verb that sends or addresses something ("sent [an email to ...]"
    also through the thing sent)."""
    if verb.pos_ == "NOUN" and verb.dep_ == "dobj":
        verb = verb.head
    if verb.pos_ != "VERB":
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)
