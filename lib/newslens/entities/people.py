"""Rule 5 of the corpus-level resolution (:mod:`~newslens.entities.resolution`): a PERSON
entity that is a shorter form of longer person names seen anywhere in the corpus (a surname,
the words of a name in order) is linked to the longest such full form, and each person is
shown under the full form the corpus writes most (:func:`display_names`).

Why a module of its own: the rule weighs every person name of the corpus against the others
(surnames, first names, nicknames, dominance), which is a concern of its own beside the label
vote and the merges of :mod:`~newslens.entities.resolution`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from newslens.entities.names import (
    NAME_SUFFIXES,
    default_nicknames,
    family_names,
    name_fits,
    same_word,
    without_article,
)

__all__ = [
    "display_names",
    "full_person_names",
    "link_person_names",
    "link_titled_surnames",
    "title_key",
]


def link_person_names(
    mentions: pd.DataFrame, *, dominance: float, pinned: frozenset[str] = frozenset()
) -> None:
    """Rule 5 of :mod:`~newslens.entities.resolution`, in place: each PERSON entity linked
    to the full name it is a shorter form of (see :func:`full_person_names`), and named by
    :func:`display_names` (``pinned``: names the user's alias table gives, kept as they
    are)."""
    is_person = mentions["label"] == "PERSON"
    people = mentions[is_person]
    weights = people.groupby("entity").size().to_dict()
    canonical = full_person_names(weights, dominance)
    _keep_apart_other_titles(canonical, _title_counts(people), dominance)
    display = display_names(canonical, weights, pinned=pinned)
    canonical = {name: display[target] for name, target in canonical.items()}
    linked = mentions.loc[is_person, "entity"].map(canonical)
    moved = linked != mentions.loc[is_person, "entity"]
    moved &= mentions.loc[is_person, "linked_by"] != "corpus_person"
    mentions.loc[moved[moved].index, "linked_by"] = "corpus"
    mentions.loc[is_person, "entity"] = linked


def _title_counts(people: pd.DataFrame) -> dict[str, Counter]:
    """Per PERSON entity, how often its mentions carry each office or gender title
    (:func:`title_key`)."""
    keys = people["role"].fillna("").map(title_key)
    counts: dict[str, Counter] = {}
    for entity, key in zip(people["entity"], keys, strict=True):
        if isinstance(key, str):
            counts.setdefault(entity, Counter())[key] += 1
    return counts


def _keep_apart_other_titles(
    canonical: dict[str, str], counts: Mapping[str, Counter], dominance: float
) -> None:
    """In place: undo a rule-5 link when the name and the person it is linked to carry
    different titles, each far more often than the other's ("Sen. John Kennedy" is not
    President John F. Kennedy; "King Salman" is not Crown Prince Mohammed bin Salman). The
    person's titles are counted over the other names linked to it. Needs
    :data:`MIN_TITLED_MENTIONS` titled mentions on both sides and ``dominance`` times the
    other title on each; a career's offices in turn ("Rep." then "Sen.") rarely pass that."""
    members: dict[str, list[str]] = {}
    for name, target in canonical.items():
        members.setdefault(target, []).append(name)
    for name, target in list(canonical.items()):
        own = counts.get(name)
        if target == name or not own:
            continue
        others: Counter = Counter()
        for member in members[target]:
            if member != name:
                others.update(counts.get(member, Counter()))
        if _other_title(own, others, dominance):
            canonical[name] = name


_GENDERS = frozenset({"male", "female"})


def _other_title(own: Counter, others: Counter, dominance: float) -> bool:
    """Whether ``own`` and ``others`` differ in their dominant gender title ("Mr." /
    "Mrs.") or in their dominant office, each with :data:`MIN_TITLED_MENTIONS` and
    ``dominance`` times the other side's count of it ("Mr. Hatch" beside "Sen. Orrin Hatch"
    is no conflict: a gender and an office)."""
    for family in (lambda key: key in _GENDERS, lambda key: key not in _GENDERS):
        mine = Counter({k: n for k, n in own.items() if family(k)})
        theirs = Counter({k: n for k, n in others.items() if family(k)})
        if not mine or not theirs:
            continue
        top, top_n = mine.most_common(1)[0]
        other, other_n = theirs.most_common(1)[0]
        if (
            top != other
            and min(top_n, other_n) >= MIN_TITLED_MENTIONS
            and top_n >= dominance * mine.get(other, 0)
            and other_n >= dominance * theirs.get(top, 0)
        ):
            return True
    return False


def full_person_names(weights: Mapping[str, int], dominance: float) -> dict[str, str]:
    """Each PERSON entity (with its mentions, ``weights``) -> the full name it is linked to
    by rule 5 (itself when none). A chain ("Trump" -> "Donald Trump" -> "Donald J. Trump")
    ends at the longest form."""
    names = sorted(weights, key=lambda name: (-len(name.split(" ")), -len(name), name))
    words = {name: tuple(name.split(" ")) for name in names}
    by_surname: dict[str, list[str]] = {}
    for name in names:
        if len(words[name]) > 1:
            for family in family_names(words[name]):
                by_surname.setdefault(family, []).append(name)
    nicknames = default_nicknames()
    given = _first_name_weights(names, words, weights)
    canonical: dict[str, str] = {}
    for name in names:
        short = words[name]
        if len(short) == 1:
            pool = by_surname.get(without_article(short[0]), [])
            if given.get(short[0], 0) > sum(weights[other] for other in pool):
                pool = []  # a first name, not a surname ("Hillary" is not Edmund Hillary)
        elif len(short) == 2 and short[1].lower() in NAME_SUFFIXES:
            # a surname with its suffix ("Trump Jr."): the full names ending so
            pool = [
                other
                for other in by_surname.get(without_article(short[0]), [])
                if words[other][-1].lower() == short[1].lower()
            ]
        else:
            pool = [
                other
                for other in by_surname.get(without_article(short[-1]), [])
                if same_word(short[0], words[other][0], nicknames, first=True)
            ]
        candidates = [
            other
            for other in pool
            if not _doubled(words[other])
            and (len(words[other]) > len(short) and name_fits(short, words[other], nicknames))
            or (
                len(words[other]) == len(short) > 1
                and other != name
                and (weights[other], other) > (weights[name], name)
                and name_fits(short, words[other], nicknames)
            )
        ]
        canonical[name] = _dominant_target(name, candidates, canonical, weights, dominance)
    for name in names:
        target = canonical[name]
        while canonical.get(target, target) != target:
            target = canonical[target]
        canonical[name] = target
    return canonical


def display_names(
    canonical: Mapping[str, str], weights: Mapping[str, int], *, pinned: frozenset[str]
) -> dict[str, str]:
    """Each full name rule 5 links to -> the name its person is shown under: the full form
    (two words or more) the corpus writes most often among the names linked to it ("Donald
    Trump" 97 times beside "Donald J. Trump" 20), ties to the longer form.

    Why not the longest form: it may be written once ("Hillary Rodham Clinton" beside 60
    "Hillary Clinton"), and it changes with the batch, so two runs would name one person
    differently. A name of the user's alias table is kept whatever its count."""
    members: dict[str, list[str]] = {}
    for name, target in canonical.items():
        members.setdefault(target, []).append(name)
    display = {}
    for target, names in members.items():
        fixed = [name for name in names if name in pinned]
        full = [name for name in names if " " in name and not _doubled(tuple(name.split(" ")))]
        pool = fixed or full or [target]
        display[target] = max(pool, key=lambda name: (weights.get(name, 0), len(name), name))
    return display


def _first_name_weights(
    names: Sequence[str], words: Mapping[str, tuple[str, ...]], weights: Mapping[str, int]
) -> dict[str, int]:
    """Per word, the mentions of the corpus's longer person names it is the first word of.

    Why: a one-word name the corpus uses more as a first name than as the surname of the
    people it could link to is that first name ("Hillary", "Bill", "Sam": linking them to
    "Edmund Hillary", "Brady Bill" or "Uncle Sam" would count another person's mentions)."""
    given: Counter = Counter()
    for name in names:
        if len(words[name]) > 1 and not _doubled(words[name]):
            given[words[name][0]] += weights[name]
    return dict(given)


def _doubled(words: tuple[str, ...]) -> bool:
    """Whether a name repeats a word right after itself ("Ted Cruz Cruz", "Bernie Sanders
    Sanders"): a byline or caption run into the name, never the full name others link to."""
    return any(a == b for a, b in zip(words, words[1:], strict=False))


def _dominant_target(
    name: str,
    candidates: list[str],
    canonical: Mapping[str, str],
    weights: Mapping[str, int],
    dominance: float,
) -> str:
    """The full name the candidates' mentions point to, when one has at least ``dominance``
    times the mentions of all the others together; else ``name`` itself."""
    targets: Counter = Counter()
    for other in candidates:
        target = other
        while canonical.get(target, target) != target:  # "Charles Schumer" -> "Chuck
            target = canonical[target]  # Schumer" -> "Charles E. Schumer": one person
        targets[target] += weights[other]
    if not targets:
        return name
    ranked = sorted(targets.items(), key=lambda item: (-item[1], item[0]))
    rest = sum(weight for _, weight in ranked[1:])
    if len(ranked) == 1 or ranked[0][1] >= dominance * rest:
        return ranked[0][0]
    return name


# Title words that say who a bare surname can be: the office (a "President Clinton" in a
# corpus where Bill Clinton is titled president and Hillary Clinton is not is Bill) or the
# gender ("Mr. Brock" is not Melanie Brock).
_TITLE_KEYS = {
    "mr.": "male",
    "mr": "male",
    "sir": "male",
    "ms.": "female",
    "ms": "female",
    "mrs.": "female",
    "mrs": "female",
    "miss": "female",
    "lady": "female",
    "president": "president",
    "president-elect": "president",
    "sen.": "senator",
    "senator": "senator",
    "rep.": "representative",
    "representative": "representative",
    "congressman": "representative",
    "congresswoman": "representative",
    "gov.": "governor",
    "governor": "governor",
    "king": "king",
    "queen": "queen",
    "prince": "prince",
    "pope": "pope",
}
# A titled surname moves to another person only when that person carries the title in at
# least this many mentions.
MIN_TITLED_MENTIONS = 2


def title_key(role: str) -> str | None:
    """The office or gender a role names ("former President" -> "president", "Mrs." ->
    "female"), or ``None`` when it names neither."""
    words = role.lower().split()
    if "vice" in words or any(w.startswith("vice-") for w in words):
        return None  # "Vice President": another office than the president's
    for word in words:
        if word in _TITLE_KEYS:
            return _TITLE_KEYS[word]
    return None


def link_titled_surnames(
    mentions: pd.DataFrame, *, dominance: float, linked_in_document: pd.Series
) -> None:
    """In place, after :func:`link_person_names`: a bare surname with an office or gender
    title is the person of that surname the corpus gives that title, when the person it is
    linked to is not ("President Obama" -> Barack Obama, not a headline's "Obama Job
    Approval"; "President Ford" in a story naming no Ford -> Gerald Ford, not Christine
    Blasey Ford). A link the mention's own document made is undone only for a person of
    the other sex ("President Clinton" in an article naming only Hillary Clinton, when the
    corpus calls her "Mrs." and him "Mr."). The title counts of each person are read from
    the mentions its documents link to it themselves (``linked_in_document``, row by row:
    whether the row's own document linked it to a person it names in full); the move needs
    :data:`MIN_TITLED_MENTIONS` and ``dominance`` times the titled mentions of the person it
    leaves and of any other candidate (``linked_by``: ``corpus_title``). Rows are read by
    position, whatever the table's index."""
    is_person = mentions["label"].to_numpy() == "PERSON"
    keys = mentions["role"].fillna("").map(title_key).to_numpy()
    titled = np.flatnonzero(is_person & pd.notna(keys))
    if not len(titled):
        return
    entities = mentions["entity"].to_numpy(copy=True)
    texts = mentions["text"].to_numpy()
    evidence = linked_in_document.to_numpy(dtype=bool)
    counts = Counter((entities[i], keys[i]) for i in titled if evidence[i])
    by_surname: dict[str, list[str]] = {}
    for name in pd.unique(entities[is_person]):
        words = name.split(" ")
        if len(words) > 1:
            for family in family_names(words):
                by_surname.setdefault(family, []).append(name)
    moved = []
    for i in titled:
        if " " in texts[i]:
            continue
        entity, key, own = entities[i], keys[i], bool(evidence[i])
        # The mention's own title is no evidence for the person it is linked to.
        current = counts.get((entity, key), 0) - int(own)
        target = _titled_target(texts[i], entity, key, current, by_surname, counts, dominance)
        if target is None or (own and not _other_sex(entity, target, counts, dominance)):
            continue
        entities[i] = target
        moved.append(i)
    if moved:
        linked_by = mentions["linked_by"].to_numpy(copy=True)
        linked_by[moved] = "corpus_title"
        mentions["entity"] = entities
        mentions["linked_by"] = linked_by


def _sex(name: str, counts: Mapping[tuple[str, str], int], dominance: float) -> str | None:
    """ "male" or "female" when the person's gendered titles ("Mr.", "Mrs.") say so."""
    male, female = counts.get((name, "male"), 0), counts.get((name, "female"), 0)
    if male >= MIN_TITLED_MENTIONS and male >= dominance * female:
        return "male"
    if female >= MIN_TITLED_MENTIONS and female >= dominance * male:
        return "female"
    return None


def _other_sex(
    name: str, other: str, counts: Mapping[tuple[str, str], int], dominance: float
) -> bool:
    first, second = _sex(name, counts, dominance), _sex(other, counts, dominance)
    return first is not None and second is not None and first != second


def _titled_target(
    surname_text: str,
    entity: str,
    key: str,
    current: int,
    by_surname: Mapping[str, list[str]],
    counts: Mapping[tuple[str, str], int],
    dominance: float,
) -> str | None:
    """The person of that surname the title fits far better than ``entity`` (which carries
    it ``current`` times), or ``None``."""
    ranked = sorted(
        (
            (counts.get((other, key), 0), other)
            for other in by_surname.get(surname_text, [])
            if other != entity
        ),
        reverse=True,
    )
    if not ranked or ranked[0][0] < MIN_TITLED_MENTIONS:
        return None
    best, name = ranked[0]
    runner_up = ranked[1][0] if len(ranked) > 1 else 0
    if best >= dominance * max(current, runner_up) and best > current:
        return name
    return None
