"""The mentions of one document (:func:`extract_mentions`): the pipeline's entities with the
chosen labels, normalised, plus untagged repeats of names the same document already uses
(and alias variants; :mod:`~newslens.entities.repeats`), also inside hyphenated compounds
such as "U.S.-Russia", linked to the document's entities."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import pandas as pd

from newslens.entities.aliases import (
    Alias,
    alias_for,
    alias_place_starts,
    alias_views,
    default_aliases,
)
from newslens.entities.cuts import (
    cut_headline_clauses,
    join_hover_names,
    split_swallowed,
    split_two_people,
)
from newslens.entities.document import (
    DEFAULT_LABELS,
    STORM_HEADS,
    drop_common_words,
    drop_storm_names,
    link_acronyms,
    link_people,
    link_short_orgs,
    places_before_regions,
)
from newslens.entities.hover import hover_cards
from newslens.entities.mention import Mention, char_text, token_strings
from newslens.entities.named_things import in_named_thing
from newslens.entities.names import COMPANY_SUFFIXES
from newslens.entities.normalise import (
    PLACE_TAILS,
    NormalisedSpan,
    cut_after_suffix,
    cut_hover,
    cut_numbers,
    is_dash,
    is_name_shaped,
    normalise,
    used_as_surname,
    without_brackets,
)
from newslens.entities.not_names import (
    cut_not_names,
    default_not_names,
    names_market_index,
    skip_not_names,
)
from newslens.entities.not_people import without_false_people
from newslens.entities.repeats import with_repeats
from newslens.entities.titles import (
    TitleIndex,
    default_titles,
    heads_title,
    title_index,
    title_starting_at,
)
from newslens.entities.transcript_labels import with_transcript_labels
from newslens.entities.untagged import (
    alias_over_parts,
    defined_acronyms,
    titled_untagged,
)

if TYPE_CHECKING:
    from newslens.types import Doc, Span

MENTION_COLUMNS = [
    "doc_id",
    "sentence_id",
    "start",
    "end",
    "text",
    "entity",
    "label",
    "role",
    "ner_label",
    "linked_by",
]
# Labels whose mentions take part in linking even when the user does not ask for them: a
# "Trump" tagged ORG must be able to become the PERSON Donald Trump.
_LINKING_LABELS = ("PERSON", "ORG", "GPE", "NORP")
# Last words that make a name an organisation's, never a person's surname.
_ORG_HEADS = frozenset(
    """senate congress department party committee office council ministry agency pac
    administration bureau commission service association institute foundation university
    college school corporation company organization organisation authority network
    library museum hospital center centre institution group caucus coalition alliance
    project initiative society club league union federation forum board academy
    elementary""".split()
)
# Titles that also begin companies' and leagues' names ("General Motors", "Major League").
_COMPANY_TITLE_WORDS = frozenset({"General", "Major", "Private", "Admiral", "Marshal"})
# Words that begin the names of places, bases and ships, never a person's ("Mount Rushmore",
# "Fort Hood", "USS Boxer", "Joint Base Andrews"): a "person" named after one is a facility.
_PLACE_HEADS = frozenset("Base Camp Cape Fort HMS Lake Mount Mt. USS".split())
# Last words of the names of shows, awards, laws, periods, pageants, holidays and buildings
# the tagger reads as people ("Larry Sanders Show", "Merriman Smith Award", "Miss Universe",
# "Merry Christmas", "Strom Thurmond Room"), and plural nouns for groups of people, which
# end headings, not names ("Young People: voters between ...").
_NOT_NAME_ENDINGS = frozenset(
    """show award awards prize act report day week month universe pageant christmas easter
    thanksgiving hanukkah passover ramadan halloween kwanzaa people voters women men
    children amendment doctrine medal fellowship lecture conference room plaza memorial
    museum airport stadium arena bridge tunnel highway avenue boulevard hospital church
    cathedral chapel pipeline syndicate decree plan""".split()
)
# A court case ("Buckley v. Valeo", "Roe vs. Wade") is not a person.
_CASE_NAME = re.compile(r" (?:v|vs)\.? ")


def extract_mentions(
    doc: Doc,
    *,
    doc_id: str,
    labels: Sequence[str] = DEFAULT_LABELS,
    aliases: Mapping[str, Alias] | None = None,
    titles: frozenset[tuple[str, ...]] | None = None,
) -> pd.DataFrame:
    """One row per entity mention in ``doc``, linked to the document's entities.

    Columns: ``doc_id, sentence_id, start, end, text, entity, label`` (the contract in
    ``docs/tables.md``), then ``role`` (title/role words before the name, e.g. "Secretary of
    State"), ``ner_label`` (the pipeline's label, empty for a mention found by repetition)
    and ``linked_by`` (how the entity was chosen: ``name``, ``alias``, ``person`` for a
    shorter form of a person's name, ``surname`` for an ORG/NORP/GPE surname, ``title`` for
    a name after a person's title, ``repeat`` for an untagged repetition, ``split`` for a
    part of a hyphenated compound, ``hover`` for the formal name glued after a name as
    hover text, ``trim`` for the parts of a span that swallowed a person
    and an organisation, ``acronym`` for an acronym of an organisation the document names in
    full, ``short_form`` for the last word of one organisation's name, ``place`` for a
    town written with its state, "Ferguson, Mo."). ``start/end`` are
    character offsets into ``doc.text`` of the normalised mention and ``text`` is
    ``doc.text[start:end]``; ``sentence_id`` is the index of its sentence in
    ``list(doc.sents)``. Rows are in text order; a mention that normalises to nothing (a
    bare title, a party tag such as "D-Calif.") is left out. ``aliases`` defaults to the
    built-in table (:func:`~newslens.entities.load_aliases`); ``titles`` to
    :func:`~newslens.entities.load_titles`.

    Only evidence from this document is used here; evidence from the whole corpus (how a
    name is labelled elsewhere, whose surname it is) is applied by
    :func:`~newslens.entities.link_across_documents` over the concatenated table.
    """
    aliases = default_aliases() if aliases is None else aliases
    index = title_index(default_titles() if titles is None else titles)
    texts = token_strings(doc)
    lowers = [text.lower() for text in texts]
    considered = set(labels) | set(_LINKING_LABELS)
    covered = _coverage(doc, considered)
    mentions = _tagged_mentions(doc, considered, covered, index, texts, lowers, aliases)
    mentions = _cut_and_completed(doc, mentions, covered, index, texts, lowers, aliases)
    alias_forms, _ = alias_views(aliases)
    mentions = with_repeats(doc, mentions, alias_forms, covered, texts, aliases)
    _apply_alias_table(mentions, aliases)
    mentions = [m for m in mentions if _capitalised(m)]
    places_before_regions(doc, mentions)
    link_acronyms(mentions)
    link_short_orgs(mentions, known=aliases)
    link_people(mentions)
    mentions = drop_storm_names(doc, drop_common_words(doc, mentions, texts, lowers))
    mentions = without_false_people(doc, mentions)
    wanted = tuple(labels)
    return _mention_rows(doc, doc_id, [m for m in mentions if m.label in wanted])


def _cut_and_completed(
    doc: Doc,
    mentions: list[Mention],
    covered: list[int],
    index: TitleIndex,
    texts: Sequence[str],
    lowers: Sequence[str],
    aliases: Mapping[str, Alias],
) -> list[Mention]:
    """The tagged mentions with the spans the tagger ran together cut
    (:mod:`~newslens.entities.cuts`), plus the names it missed after titles and the acronyms
    an article defines, alias-table names tagged in parts made whole, and without "people"
    that are only a title ("Congressman", "President")."""
    alias_forms, alias_places = alias_views(aliases)
    known = dict(alias_places)
    known.update({m.name: m.label for m in mentions if m.label in ("ORG", "GPE", "LOC", "FAC")})
    mentions = split_swallowed(doc, mentions, known, alias_places, alias_place_starts(aliases))
    mentions = split_two_people(doc, cut_headline_clauses(doc, mentions))
    mentions = with_transcript_labels(doc, mentions, covered, texts)
    mentions = join_hover_names(doc, hover_cards(doc, mentions, covered, texts))
    mentions.extend(titled_untagged(doc, lowers, covered, index, aliases))
    mentions.extend(defined_acronyms(doc, mentions, covered))
    mentions = alias_over_parts(doc, mentions, covered, texts, alias_forms)
    return [
        m
        for m in mentions
        if (m.label != "PERSON" or tuple(m.name.lower().split(" ")) not in index.titles)
        and not _district_of_washington(texts, m)
    ]


def _district_of_washington(texts: Sequence[str], mention: Mention) -> bool:
    """Whether a mention is the "D.C." of "Washington, D.C.": part of the city's name, which
    the tagger makes a second place (the city is the mention of "Washington")."""
    i = mention.token
    return (
        mention.name in ("D.C.", "DC")
        and i >= 2
        and texts[i - 1] == ","
        and texts[i - 2] == "Washington"
    )


def _coverage(doc: Doc, considered: set[str]) -> list[int]:
    """Per token: 2 inside an entity we keep; 1 inside a longer entity of another kind (a
    WORK_OF_ART such as "Facebook posting Elonis"), where only the document's own names are
    looked for; 0 elsewhere. A one-token entity of another kind ("Trump" read as a PRODUCT)
    hides nothing; laws and court cases ("Elonis v. United States") name no one: 2."""
    covered = [0] * len(doc)
    for ent in doc.ents:
        label = ent.label_
        start, end = ent.start, ent.end
        if label in considered or end - start > 1:
            # One slice per entity: the label is read once, not once per token.
            covered[start:end] = [2 if label in considered or label == "LAW" else 1] * (end - start)
    return covered


def _tagged_mentions(
    doc: Doc,
    considered: set[str],
    covered: list[int],
    index: TitleIndex,
    texts: Sequence[str],
    lowers: Sequence[str],
    aliases: Mapping[str, Alias],
) -> list[Mention]:
    """The pipeline's entities with a ``considered`` label, normalised. Words after a dash
    are not part of the name ("Fox — Rubio"): they are uncovered, so a name there can still
    be found as an untagged repetition. A name stops where page furniture starts
    (:func:`~newslens.entities.not_names.cut_not_names`: "ISIS Replay More Videos") and
    starts after the furniture it begins with ("Twitter Pinterest Jane Doe")."""
    not_names = default_not_names()
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in considered:
            continue
        start = skip_not_names(texts, ent.start, ent.end, not_names)
        stop = cut_not_names(texts, start, ent.end, not_names)
        if ent.label_ == "PERSON" and stop == ent.end:
            stop = _with_apostrophe_surname(doc, texts, stop, covered)
        if stop == start or names_market_index(texts, start, stop):
            continue
        if (start, stop) != (ent.start, ent.end):
            from spacy.tokens import Span  # here: notebooks reading mention tables skip spaCy

            ent = Span(doc, start, stop, label=ent.label_)
        found = _normalised_entity(doc, ent, index, lowers)
        # Also when what comes before the dash names nothing (a tweet's link before "—
        # Jane Doe (@handle)").
        for i in range(found[0].end_token if found else ent.start, ent.end):
            if is_dash(doc[i]):
                for j in range(i, ent.end):
                    covered[j] = 0
                break
        if found is None:
            continue
        normalised, label = found
        if (
            ent.label_ in ("ORG", "PERSON")
            and normalised.name not in aliases
            and heads_title(lowers, normalised.start_token, normalised.end_token, index)
        ):
            continue  # "Brig" of "Brig. Gen. Ann Tull", "Labor" of "Labor Secretary"
        mentions.append(_tagged_mention(doc, ent, normalised, label))
    return mentions


# A surname with an apostrophe after its first letter or two ("O’Malley", "D’Souza"), which
# the tagger leaves out of the name when the apostrophe is curly ("Martin" + "O’Malley").
_APOSTROPHE_SURNAME = re.compile(r"^[A-Z][a-z]?[’'][A-Z][a-z]+$")


def _with_apostrophe_surname(doc: Doc, texts: Sequence[str], stop: int, covered: list[int]) -> int:
    """``stop``, or one token further when the token after a person's name is a surname
    such as "O’Malley" that no entity covers (then marked covered)."""
    if (
        stop < len(texts)
        and not covered[stop]
        and _APOSTROPHE_SURNAME.match(texts[stop])
        and doc[stop - 1].whitespace_
    ):
        covered[stop] = 2
        return stop + 1
    return stop


def _normalised_entity(
    doc: Doc, ent: Span, index: TitleIndex, lowers: Sequence[str]
) -> tuple[NormalisedSpan, str] | None:
    """The entity normalised, with its label (a PERSON name ending like an organisation's
    is an ORG), or ``None`` when it names nothing or is not a name of its kind."""
    titled = _titled_person_span(doc, ent, index, lowers)
    if titled is not None:
        ent = titled
    normalised = normalise(ent, index, lowers)
    if normalised is None or not is_name_shaped(normalised.name, ent.label_):
        return None
    label = ent.label_
    if label == "PERSON":
        normalised = cut_numbers(doc, cut_hover(doc, normalised))
        if normalised is None or _CASE_NAME.search(normalised.name):
            return None
        last_word = normalised.name.rsplit(" ", 1)[-1]
        if last_word.lower() in _NOT_NAME_ENDINGS or in_named_thing(
            doc, normalised.start_token, normalised.end_token
        ):
            return None
        normalised = without_brackets(cut_after_suffix(doc, normalised))
        last_word = normalised.name.rsplit(" ", 1)[-1]
        if (
            "&" in normalised.name
            or (last_word[:1].isupper() and last_word.lower() in _ORG_HEADS)
            or last_word in COMPANY_SUFFIXES
        ):
            label = "ORG"
        elif last_word[:1].isupper() and last_word.lower() in PLACE_TAILS:
            label = "GPE"
        elif _after_head(doc, normalised, _PLACE_HEADS):
            label = "FAC"
        elif _after_head(doc, normalised, STORM_HEADS):
            label = "EVENT"
    elif doc[normalised.start_token].text in STORM_HEADS:
        label = "EVENT"  # "Hurricane Irma" tagged ORG
    elif label in ("GPE", "LOC", "FAC") and _names_an_organisation(normalised.name):
        label = "ORG"  # "Loudoun County High School", "Acme Inc." tagged GPE
    return normalised, label


def _names_an_organisation(name: str) -> bool:
    """Whether a name of several words ends with a capitalised word for a school or with a
    company's legal form ("Acme Inc.", "Brightline Co")."""
    last = name.rsplit(" ", 1)
    schools = ("School", "University", "College", "Academy")
    return len(last) == 2 and (last[1] in schools or last[1] in COMPANY_SUFFIXES)


def _after_head(doc: Doc, normalised: NormalisedSpan, heads: frozenset[str]) -> bool:
    """Whether a PERSON name starts with, or comes right after, one of ``heads``: words that
    begin the names of places and ships (:data:`_PLACE_HEADS`) or of storms."""
    first = normalised.start_token
    return doc[first].text in heads or (
        normalised.end_token - first == 1 and first > 0 and doc[first - 1].text in heads
    )


def _titled_person_span(
    doc: Doc, ent: Span, index: TitleIndex, lowers: Sequence[str]
) -> Span | None:
    """The span as a PERSON when the pipeline tagged a title and a name as an organisation
    or place ("Justice Breyer", "President Obama" tagged ORG): a capitalised title, then one
    or two capitalised names that are no organisation's or place's words. Titles that are
    also words of company names ("General Motors", "Major League") do not count."""
    if ent.label_ not in ("ORG", "GPE", "NORP") or not doc[ent.start].is_title:
        return None
    if doc[ent.start].text in _COMPANY_TITLE_WORDS:
        return None
    title_end = title_starting_at(lowers, ent.start, ent.end, index)
    rest = doc[title_end : ent.end]
    if title_end == ent.start or not 1 <= len(rest) <= 2:
        return None
    if not all(t.is_title and t.pos_ == "PROPN" for t in rest):
        return None
    if any(t.lower_ in _ORG_HEADS or t.lower_ in PLACE_TAILS for t in rest):
        return None
    from spacy.tokens import Span  # here: notebooks reading mention tables skip spaCy

    return Span(doc, ent.start, ent.end, label="PERSON")


def _tagged_mention(doc: Doc, ent: Span, normalised: NormalisedSpan, label: str) -> Mention:
    """The mention of a tagged entity. A title just before a short ORG/GPE/NORP name ("Mr.
    Trump", "President Obama") marks a person the pipeline mislabelled."""
    linked_by = "title" if label == "PERSON" != ent.label_ and normalised.role else "name"
    if (
        label in ("ORG", "GPE", "NORP")
        and _titled_name(doc, normalised)
        and not (label == "NORP" and _modifies_next_noun(doc, normalised))
    ):
        label, linked_by = "PERSON", "title"
    mention = Mention(
        normalised.start,
        normalised.end,
        normalised.start_token,
        normalised.name,
        label,
        ent.label_,
        role=normalised.role if label == "PERSON" else "",
        linked_by=linked_by,
        end_token=normalised.end_token,
    )
    # Only a GPE's use decides anything (see link_people): the parse is read for those.
    mention.surname_use = label == "GPE" and used_as_surname(doc, normalised)
    return mention


def _modifies_next_noun(doc: Doc, normalised: NormalisedSpan) -> bool:
    """Whether a name's last word describes the noun after it ("Major Republican donors"):
    an adjective after a capitalised word that is also a title, not a surname."""
    last = doc[normalised.end_token - 1]
    return (
        last.dep_ in ("amod", "compound", "nmod")
        and last.head.i >= normalised.end_token
        and last.head.pos_ == "NOUN"
    )


def _titled_name(doc: Doc, normalised: NormalisedSpan) -> bool:
    """Whether a title stands before a short name that the pipeline did not tag PERSON:
    "Mr. Trump", "President Obama"; in lower case ("first lady Melania Trump") only before
    a name of two or three capitalised words none of which is an organisation's head word.
    """
    start, end = normalised.start_token, normalised.end_token
    if not normalised.role or end - start > 3 or not doc[start].is_title:
        return False
    if normalised.role[:1].isupper():
        return doc[end - 1].ent_type_ != "NORP"  # "Justice Democrats": a group, no name
    words = doc[start:end]
    return (
        len(words) >= 2
        and all(t.is_title for t in words)
        and not any(t.lower_ in _ORG_HEADS for t in words)
    )


def _capitalised(mention: Mention) -> bool:
    """Whether a mention is written as a name: with a capital letter somewhere ("eBay", "de
    Blasio"), or as the alias table's variant ("antifa"). A "name" in lower case only is a
    common word the tagger read as one ("the supreme leader", "the intel committee")."""
    return mention.linked_by == "alias" or any(ch.isupper() for ch in mention.name)


def _apply_alias_table(mentions: list[Mention], aliases: Mapping[str, Alias]) -> None:
    """One canonical name (and label) per alias variant."""
    for mention in mentions:
        alias = alias_for(aliases, mention.name)
        if alias is not None:
            if alias.canonical != mention.name and mention.linked_by == "name":
                mention.linked_by = "alias"
            mention.name = alias.canonical
            mention.label = alias.label or mention.label


def _mention_rows(doc: Doc, doc_id: str, mentions: list[Mention]) -> pd.DataFrame:
    """The mentions table of one document, rows in text order."""
    sentence_starts = [sentence.start for sentence in doc.sents]
    mentions = sorted(mentions, key=lambda m: (m.start, m.end))
    rows = [
        (
            doc_id,
            bisect_right(sentence_starts, m.token) - 1,
            m.start,
            m.end,
            char_text(doc, m.start, m.end),
            m.entity,
            m.label,
            m.role,
            m.ner_label,
            m.linked_by,
        )
        for m in mentions
    ]
    frame = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    if not rows:
        frame = frame.astype({"sentence_id": "int64", "start": "int64", "end": "int64"})
    return frame
