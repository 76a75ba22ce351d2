"""The words the quote rules know: reporting verbs, speech nouns and the other word lists.

Open word lists are data files in ``newslens/data/`` (one word per line, ``#`` comments),
read once per process; the reporting verbs can be extended by the user
(:func:`load_reporting_verbs`). Closed grammatical classes (pronouns, determiners, the
suffixes of abstract nouns) are literals here: they are part of the grammar, not of a
vocabulary a user would extend.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING

from newslens.resources import clean_data_lines, package_data, read_data_lines

if TYPE_CHECKING:
    from newslens.types import PathLike

__all__ = [
    "load_reporting_verbs",
    "speech_nouns",
    "statement_verbs",
    "source_nouns",
    "outlet_nouns",
    "title_cues",
    "naming_participles",
    "naming_verbs",
    "introducing_verb_forms",
    "unnamed_source_nouns",
    "people_nouns",
    "sign_nouns",
]

# Closed classes, matched on the lower-cased word.
# Pronouns standing for a person or a group, possessives included ("his claim of ...").
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
GROUP_PRONOUNS = frozenset({"they", "them", "their"})
THING_PRONOUNS = frozenset({"it"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
# Subjects that are never the source of reported speech: the writer, the reader, "it".
NOT_A_REPORTER = FIRST_PERSON | {"you", "it"}
# Verbs of saying that an "it" standing for a document or an organisation is the subject of
# ("It says the campaign broke the law", "It added that ..."), unlike "it means", "it
# indicates" or the empty "it" of "it is fair to say".
STATING_VERBS = frozenset({"add", "announce", "declare", "report", "say", "state", "tell", "write"})
# Verbs whose object is the people addressed ("emailed supporters saying ..."): a participle
# of saying on that object is the sender's.
ADDRESSING_VERBS = frozenset(
    {"email", "text", "message", "write", "tell", "remind", "urge", "warn", "assure", "brief"}
)
DEMONSTRATIVES = frozenset({"that", "this", "these", "those", "which", "what"})
SENTENCE_END = frozenset({".", "!", "?"})
# Endings of abstract nouns, which name no one who can speak ("criticism", "the decision").
ABSTRACT_ENDINGS = ("ism", "ness", "ity", "ship", "ance", "ence", "tion", "sion")
# Quantities ("39 percent", "Only 2 percent") and quantified phrases ("Every rally") count
# or generalise; they are the subject of a poll's or the writer's sentence, not a source.
QUANTITY_LABELS = frozenset({"PERCENT"})
# Occasions on which someone speaks: "X opened the debate saying ..." is X's saying.
OCCASION_NOUNS = frozenset(
    {"appearance", "broadcast", "debate", "event", "hearing", "interview", "meeting", "rally"}
)
QUANTITY_WORDS = frozenset({"percent", "%", "percentage"})
QUANTIFIERS = frozenset({"every", "each", "no", "any", "all"})
# Words for a part of a group, which a speaker's name keeps its "of" phrase after: "most of
# the workers", "61 percent of Democrats", "a majority of voters".
PART_WORDS = frozenset(
    {"%", "dozen", "dozens", "few", "half", "hundreds", "majority", "many", "minority", "most"}
    | {"number", "percent", "percentage", "share", "some", "third", "thousands"}
)

# Verbs whose subject holds, wears or hands out the thing that is their object ("held up
# signs reading ...", "wears a shirt that reads ..."): the words on it are the subject's.
HOLDING_VERBS = frozenset(
    """bear brandish carry display distribute don hand hoist hold post raise sell show sport
    tote unfurl wave wear""".split()
)
# Verbs that report a finding ("The study found that ..."), but only a finding stated: with
# a finite clause, not a search ("found out whether"), a wish ("asked the court to find"),
# a condition ("if the court finds") or what was come upon ("found him asleep").
FINDING_VERBS = frozenset({"find"})
# Verbs whose object a quotation right after it characterises, even when the object is a
# title word ("called the film "a masterpiece"", "whom she called "a fraud""); not "name"
# ('named the show "Madam Secretary" as her favourite' gives a title).
CHARACTERISING_VERBS = frozenset({"call", "dub", "label", "brand", "term"})
# Nouns that, in a phrase opening what follows a reporting clause ("..., she said, in an
# interview on Tuesday", "..., he said, on condition of anonymity"), say how or where the
# words were said: the phrase belongs to the attribution, not to the report.
SAYING_OCCASIONS = frozenset(
    """condition anonymity interview statement conference briefing call email e-mail speech
    appearance hearing rally podcast tweet letter memo release""".split()
)

# spaCy labels and dependencies the rules read.
PERSON_LABELS = ("PERSON",)
GROUP_LABELS = ("ORG", "NORP", "GPE")
# Places: a country may speak ("China said"), but a person's name is not one.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Dependencies that open a clause of their own.
CLAUSE_DEPS = ("relcl", "advcl", "acl", "ccomp", "xcomp", "csubj", "parataxis", "conj")


def _parse_verb_lines(lines: Iterable[tuple[int, str]]) -> dict[str, frozenset[str]]:
    verbs: dict[str, frozenset[str]] = {}
    for _, line in lines:
        lemma, *flags = line.split()
        verbs[lemma.lower()] = frozenset(flags) | verbs.get(lemma.lower(), frozenset())
    return verbs


@functools.cache
def _packaged_verbs() -> dict[str, frozenset[str]]:
    return _parse_verb_lines(read_data_lines(package_data("reporting_verbs.txt")))


def load_reporting_verbs(
    path: PathLike | None = None, *, extra: Iterable[str] = ()
) -> dict[str, frozenset[str]]:
    """Reporting verb lemmas mapped to their flags (``indirect``: may introduce reported
    speech without marks).

    The packaged list (``newslens/data/reporting_verbs.txt``) is always read; ``path`` adds
    the lines of a file in the same format and ``extra`` adds lines given directly (e.g.
    ``["opine indirect"]``), so a user extends the list without editing the package.
    """
    verbs = dict(_packaged_verbs())
    more = clean_data_lines(extra)
    if path is not None:
        more = read_data_lines(path) + more
    for lemma, flags in _parse_verb_lines(more).items():
        verbs[lemma] = verbs.get(lemma, frozenset()) | flags
    return verbs


def _word_list(name: str) -> frozenset[str]:
    return frozenset(line.lower() for _, line in read_data_lines(package_data(name)))


@functools.cache
def speech_nouns() -> frozenset[str]:
    """Nouns whose "that"-clause is reported speech (``data/speech_nouns.txt``)."""
    return _word_list("speech_nouns.txt")


@functools.cache
def statement_verbs() -> frozenset[str]:
    """Verbs whose subject is the source of the speech noun they take as object ("X made
    the claim that", ``data/statement_verbs.txt``)."""
    return _word_list("statement_verbs.txt")


@functools.cache
def source_nouns() -> frozenset[str]:
    """Organisations, bodies and documents that can be a source (``data/source_nouns.txt``)."""
    return _word_list("source_nouns.txt")


@functools.cache
def outlet_nouns() -> frozenset[str]:
    """Nouns that stand for an organisation named before them ("the daily", "the ministry",
    ``data/outlet_nouns.txt``)."""
    return _word_list("outlet_nouns.txt")


@functools.cache
def title_cues() -> frozenset[str]:
    """Nouns and participles that make the quotation right after them the name of a work
    or a thing, not a quote ("the film", "a book titled", ``data/title_cues.txt``)."""
    return _word_list("title_cues.txt")


@functools.cache
def naming_participles() -> frozenset[str]:
    """Words after which a quotation is a name whatever their part of speech ("titled",
    "so-called", ``data/naming_participles.txt``)."""
    return _word_list("naming_participles.txt")


@functools.cache
def naming_verbs() -> frozenset[str]:
    """Verbs that give a name rather than report words ("call", "brand",
    ``data/naming_verbs.txt``): capitalised words they govern are a name."""
    return _word_list("naming_verbs.txt")


@functools.cache
def introducing_verb_forms() -> frozenset[str]:
    """Forms of reporting verbs that, right before a quotation holding a verb, make it a
    direct quote ("saying", "added", ``data/introducing_verb_forms.txt``)."""
    return _word_list("introducing_verb_forms.txt")


@functools.cache
def unnamed_source_nouns() -> frozenset[str]:
    """Nouns for unnamed sources ("officials said"), which never stand for a person named
    before them; matched as written, singular and plural
    (``data/unnamed_source_nouns.txt``)."""
    return _word_list("unnamed_source_nouns.txt")


@functools.cache
def sign_nouns() -> frozenset[str]:
    """Nouns for things that carry words ("a sign reading ...", "a hat that says ..."),
    lemmas (``data/sign_nouns.txt``): the words are their holder's, not theirs."""
    return _word_list("sign_nouns.txt")


@functools.cache
def people_nouns() -> frozenset[str]:
    """Common nouns for people and groups of people ("officials", "critics"), lemmas
    (``data/people_nouns.txt``): a subject naming one of them can speak."""
    return _word_list("people_nouns.txt")
