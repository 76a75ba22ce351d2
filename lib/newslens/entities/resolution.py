"""Resolution across the corpus (:func:`link_across_documents`): once per run, over the
concatenated mentions table, vectorised (the title rule loops over the titled bare surnames
only). Its output is the one resolution every table of a run uses.

Rules, in order; each changed row gets the rule's name in ``linked_by``:

1. ``alias``: a name in ``aliases`` (e.g. the user's file read by
   :func:`~newslens.entities.load_aliases`) is counted under its canonical name and label,
   wherever extraction left it.
2. **Label by corpus vote.** Each document votes the label it gives a name (its text after
   normalisation); a name's label is the corpus winner when the winner has at least
   ``min_documents`` documents and ``dominance`` times the documents of the row's label.
   ``corpus_label``: a name the corpus reads as an organisation or place is one here too
   ("Twitter" tagged PERSON once, ORG in most documents); a PERSON row is relabelled only
   when nothing in its document made it a person (no title, not linked to a longer name),
   or when its document linked it as the surname of a "full name" whose first word begins
   no other person's name of the corpus (a phrase the tagger made a person). A one-word
   PERSON name that is the plural of a name the corpus labels NORP ("Latinos" beside
   "Latino") is relabelled NORP the same way.
   A "full name" the corpus names in more than one document is a person, and keeps that
   surname link ("Fiona Hill" where the corpus reads "Hill" as The Hill).
   ``corpus_person``: an ORG, GPE or NORP row whose name the corpus overwhelmingly uses as
   a person's name ("Trump" tagged ORG) becomes that person (also a group plural the tagger
   made a person, which is then the group again); rule 5 then links it to the full name. A
   town its document writes with its U.S. state (``place``: "Perry, Iowa") stays the town. So does a row of a name of several words that carries a person's title in at
   least ``min_documents`` documents and is a person in at least as many documents as it
   is anything else ("chairman Reince Priebus", tagged ORG in half the corpus).
3. ``case_form``: names that differ only in letter case ("REUTERS", "Reuters"; "BOB
   SCHIEFFER" in a transcript, "Bob Schieffer"), periods, hyphens or spaces ("George W
   Bush", "George W. Bush"; "Kim Jong Un", "Kim Jong-un") are one entity, named by the
   form with most mentions (a multi-word form in capitals only when there is no other),
   with that form's label. A one-word capitalised name of up to four letters is an acronym and stays apart
   ("AIM", "Aim"), and so does a name that starts in lower case ("intel", "Intel"). An
   acronym written with periods is the one written without when the corpus has it
   ("F.B.I.", "FBI"). ``merge_case_forms=False`` keeps them apart.
4. ``group_form``: singular, plural and adjective forms of one NORP group ("Democrats",
   "Democrat", "Democratic"; "Republicans", "Republican") are one entity, named by the
   plural when the corpus has it. ``merge_group_forms=False`` keeps them apart.
5. ``corpus``: a PERSON entity that is a shorter form of longer PERSON names seen anywhere in
   the corpus (the surname alone, or the words of the name in order: "Donald Trump" in
   "Donald J. Trump", never a first name alone, nor a one-word name the corpus uses more as
   the first word of longer person names than as the surname of its candidates: "Hillary"
   is not "Edmund Hillary"; nicknames and middle initials allowed:
   "Joe Biden" in "Joseph R. Biden") is linked to the longest such full form and shown
   under the full form the corpus writes most (:func:`~newslens.entities.people.display_names`;
   never linked to a name that repeats a word, "Ted Cruz Cruz": an artefact of bylines and
   captions). When the
   candidates name different people ("Trump": Donald J. Trump, Ivanka Trump) the link is
   made only if one of them has at least ``dominance`` times the mentions of all the others
   together. No link joins names whose titles differ, each far more often than the
   other's ("Sen. John Kennedy" is not President John F. Kennedy, "King Salman" not Crown
   Prince Mohammed bin Salman): at least two titled mentions on each side and
   ``dominance`` times the other's title; offices held in turn rarely pass that. See
   :mod:`~newslens.entities.people`.
   ``spelling``: the spellings of one person's full name ("Volodymyr Zelensky",
   "Volodymyr Zelenskiy") are one entity, shown under the one written most (see
   :mod:`~newslens.entities.spellings`).
   ``corpus_title``: a bare surname with an office or gender title is the person of that
   surname the corpus gives that title, when the person it was linked to is not given it
   ("President Ford" in a story naming no Ford is Gerald Ford): at least two titled
   mentions and ``dominance`` times those of the other candidates. A link the mention's
   own document made is undone only for a person of the other sex ("President Clinton"
   in an article naming only Hillary Clinton, when the corpus calls her "Mrs." and him
   "Mr."). See :func:`~newslens.entities.people.link_titled_surnames`.
   ``org_word``: a one-word PERSON entity that begins the name of exactly one organisation
   of several words in its document ("Bain" beside "Bain Capital", "Brookings" beside
   "Brookings Institution") is that organisation, unless a title makes it a person there
   or the word is in any longer person name of the corpus ("Trump" beside "Trump
   Organization" stays Donald J. Trump). The last word of an organisation's name is left
   alone: the tagger also labels people's full names ORG.
   ``first_name``: a one-word PERSON entity left untitled is the one person of its document
   whose name begins with it ("Bernie" beside a "Sanders" that rule 5 made Bernie Sanders);
   see :mod:`~newslens.entities.first_names`.
6. ``veto``: a merge the alias table forbids (a ``!variant<TAB>canonical`` line, or
   ``!variant<TAB>*`` for every merge) is undone: the row is counted under its own name.
7. With ``drop_unsupported``, a one-word PERSON name that nothing supports is dropped:
   mentioned once in the whole corpus, with no title, linked to no longer name, not a word
   of any longer person name of the corpus and not an alias ("Quoth" at the start of a
   sentence, a stray capitalised word). Such names are mostly tagging errors; a real
   one-word name mentioned twice anywhere stays. So is a family named by the plural of a
   person's surname ("the Clintons", "the Obamas": not a person, and not one of the
   people), unless that plural is itself the surname of someone in the corpus ("Stormy
   Daniels").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from newslens.entities.aliases import Alias
from newslens.entities.document import majority_label
from newslens.entities.first_names import link_first_names
from newslens.entities.names import (
    COMPANY_SUFFIXES,
    is_among,
    name_keys,
    surname,
    without_accents,
    words_of_longer_names,
)
from newslens.entities.people import link_person_names, link_titled_surnames
from newslens.entities.spellings import merge_spelling_variants

# The corpus-level rules' names in ``linked_by`` (a row without one was linked by its own
# document).
CORPUS_RULES = ("corpus_label", "corpus_person", "case_form", "group_form", "corpus", "spelling")


def link_across_documents(
    mentions: pd.DataFrame,
    *,
    dominance: float = 3.0,
    min_documents: int = 3,
    merge_group_forms: bool = True,
    merge_case_forms: bool = True,
    drop_unsupported: bool = True,
    aliases: Mapping[str, Alias] | None = None,
) -> pd.DataFrame:
    """Resolve the whole run's mentions table with evidence from the whole corpus.

    Called once per run on the concatenation of
    :func:`~newslens.entities.extract_mentions` tables (it is pure and vectorised: pandas
    group-bys, and a loop over the titled bare surnames only; the tables' index may repeat).
    The rules, their order and the parameters are those of
    :mod:`newslens.entities.resolution`. Rows keep their order and columns (rows dropped by
    rule 7 are left out).
    """
    if mentions.empty:
        return mentions.copy()
    result = mentions.copy()
    key = name_keys(result["text"])
    if aliases:
        _apply_aliases(result, key, aliases)
    winners = _vote_labels(result, key, dominance=dominance, min_documents=min_documents)
    _relabel_group_plurals(result, key, winners, min_documents=min_documents)
    if merge_case_forms:
        _merge_case_forms(result)
        _merge_dotted_acronyms(result)
    if merge_group_forms:
        _merge_group_forms(result)
    # Rows their own document linked to a person it names in full, before the corpus rules.
    in_document = (
        result["label"].eq("PERSON")
        & ~result["linked_by"].isin(CORPUS_RULES)
        & result["entity"].str.contains(" ", regex=False)
    )
    pinned = frozenset(alias.canonical for alias in aliases.values()) if aliases else frozenset()
    link_person_names(result, dominance=dominance, pinned=pinned)
    merge_spelling_variants(result)
    link_titled_surnames(result, dominance=dominance, linked_in_document=in_document)
    _link_organisation_words(result, key)
    link_first_names(result)
    vetoes = getattr(aliases, "vetoes", None)
    if vetoes:
        _apply_vetoes(result, key, vetoes)
    if drop_unsupported:
        result = result[~_unsupported_people(result, key)]
    return result


def _apply_aliases(result: pd.DataFrame, key: pd.Series, aliases: Mapping[str, Alias]) -> None:
    """Rule 1: every row whose name is an alias variant takes the canonical name and label."""
    canonical = {variant: alias.canonical for variant, alias in aliases.items()}
    labels = {variant: alias.label for variant, alias in aliases.items() if alias.label}
    target = key.map(canonical)
    hit = target.notna() & (target != result["entity"])
    result.loc[hit, "entity"] = target[hit]
    result.loc[hit, "linked_by"] = "alias"
    label = key.map(labels)
    relabel = label.notna() & (label != result["label"])
    result.loc[relabel, "label"] = label[relabel]


def _document_votes(result: pd.DataFrame, key: pd.Series) -> pd.DataFrame:
    """Per name and label, the number of documents whose most frequent label for the name
    it is (ties: the label first alphabetically): ``key, label, docs``."""
    frame = pd.DataFrame({"key": key, "doc_id": result["doc_id"], "label": result["label"]})
    per_doc = frame.groupby(["key", "doc_id", "label"], sort=False).size().reset_index(name="n")
    per_doc = per_doc.sort_values(
        ["key", "doc_id", "n", "label"], ascending=[True, True, False, True], kind="mergesort"
    ).drop_duplicates(["key", "doc_id"])
    return per_doc.groupby(["key", "label"], sort=True).size().reset_index(name="docs")


def _vote_labels(
    result: pd.DataFrame, key: pd.Series, *, dominance: float, min_documents: int
) -> pd.DataFrame:
    """Rule 2, in place; returns each name's winning label and its documents (``label,
    docs``, indexed by name)."""
    votes = _document_votes(result, key)
    winners = votes.sort_values(
        ["key", "docs", "label"], ascending=[True, False, True], kind="mergesort"
    ).drop_duplicates("key")
    winners = winners.set_index("key")
    titled = _titled_people(result, key, winners, min_documents=min_documents)
    winners.loc[titled.index, "label"] = "PERSON"
    winners.loc[titled.index, "docs"] = titled
    docs_by_label = votes.set_index(["key", "label"])["docs"]
    row_docs = pd.Series(
        docs_by_label.reindex(pd.MultiIndex.from_arrays([key, result["label"]])).to_numpy(),
        index=result.index,
    ).fillna(0)
    win_label = key.map(winners["label"])
    win_docs = key.map(winners["docs"]).fillna(0)
    decided = (
        win_label.notna()
        & (win_label != result["label"])
        & (win_docs >= min_documents)
        & ((win_docs >= dominance * row_docs) | key.isin(titled.index))
        & (result["linked_by"] != "alias")
    )
    is_person = result["label"] == "PERSON"
    # A name the corpus reads as an organisation or place, tagged PERSON here on no
    # evidence of this document's own (no title, not a shorter form of a longer name).
    unperson = (
        decided
        & is_person
        & result["linked_by"].isin(["name", "repeat"])
        & (result["role"].fillna("") == "")
        & (result["entity"] == key)
    )
    unperson |= decided & _surname_of_no_one(result, key)
    # A name the corpus overwhelmingly uses for a person, tagged ORG/GPE/NORP here.
    person = decided & ~is_person & (win_label == "PERSON") & (result["linked_by"] != "place")
    other = decided & ~is_person & (win_label != "PERSON")
    result.loc[unperson, "entity"] = key[unperson]
    result.loc[unperson | other, "label"] = win_label[unperson | other]
    result.loc[unperson | other, "linked_by"] = "corpus_label"
    result.loc[person, "label"] = "PERSON"
    result.loc[person, "entity"] = key[person]
    result.loc[person, "linked_by"] = "corpus_person"
    return winners


def _titled_people(
    result: pd.DataFrame, key: pd.Series, winners: pd.DataFrame, *, min_documents: int
) -> pd.Series:
    """Names of several words that carry a person's title ("chairman Reince Priebus") in at
    least ``min_documents`` documents and are a person in at least as many documents as
    the vote's winner: their PERSON documents, indexed by name. They are people wherever
    the tagger read them otherwise, also where the vote's PERSON win is too narrow to
    decide ("First Lady Melania Trump": 30 documents as a person, 18 as an organisation).

    Why: the tagger reads some people's names as organisations in about half of their
    documents; a title is evidence no organisation's name carries."""
    person = result["label"] == "PERSON"
    titled_rows = person & (result["role"].fillna("") != "") & key.str.contains(" ", regex=False)
    if not titled_rows.any():
        return pd.Series(dtype="int64")
    titled_docs = result.loc[titled_rows, "doc_id"].groupby(key[titled_rows]).nunique()
    person_docs = result.loc[person, "doc_id"].groupby(key[person]).nunique()
    names = titled_docs.index[titled_docs >= min_documents]
    person_docs = person_docs.reindex(names)
    return person_docs[person_docs >= winners.loc[names, "docs"]]


def _relabel_group_plurals(
    result: pd.DataFrame, key: pd.Series, winners: pd.DataFrame, *, min_documents: int
) -> None:
    """A one-word "person" that is the plural of a name the corpus labels a group (NORP) in
    at least ``min_documents`` documents is that group ("Latinos" beside "Latino"), unless
    its document made it a person (a title, a longer name).

    Why: the tagger reads capitalised plurals of group names as people; the singular's
    label across the corpus is the evidence ("Roberts" stays a person: "Robert" is one)."""
    norp = winners.index[(winners["label"] == "NORP") & (winners["docs"] >= min_documents)]
    if norp.empty:
        return
    stems = set(norp)
    candidates = (
        (result["label"] == "PERSON")
        & key.str.endswith("s")
        & ~key.str.contains(" ", regex=False)
        & (result["entity"] == key)
        & (result["role"].fillna("") == "")
        & result["linked_by"].isin(["name", "repeat", "corpus_label", "corpus_person"])
    )
    if not candidates.any():
        return
    names = key[candidates]
    plural = names.str[:-1].isin(stems) | (names.str.endswith("es") & names.str[:-2].isin(stems))
    hit = plural[plural].index
    result.loc[hit, "label"] = "NORP"
    result.loc[hit, "linked_by"] = "corpus_label"


def _surname_of_no_one(result: pd.DataFrame, key: pd.Series) -> pd.Series:
    """Rows the document linked as the surname of a "full name" whose first word starts no
    other person's name in the corpus ("Jews" -> "Alexandrian Jews", "Cuba" -> "Diario de
    Cuba", "Republicans" -> "Craven Republicans").

    Why: the per-document rule takes an ORG/NORP/GPE mention that ends a PERSON name of
    the document for that person. When the corpus reads the mention's name as a group or
    place (the caller's vote) and the "full name" begins with a word no other person's
    name begins with, the tagger made a person of a phrase, and the mentions are the group's
    or the place's. A real person's first name begins other names ("Mark Cuban", "David
    French" keep "Cuban" and "French"), and a real person is named in full in more than one
    document ("Fiona Hill" keeps "Hill" where the corpus reads "Hill" as The Hill)."""
    surnames = (result["linked_by"] == "surname") & (result["label"] == "PERSON")
    if not surnames.any():
        return surnames
    names = pd.Series(result.loc[result["label"] == "PERSON", "entity"].unique())
    longer = names[names.str.contains(" ", regex=False)]
    given = longer.str.split(" ", n=1).str[0].value_counts()
    first = result.loc[surnames, "entity"].str.split(" ", n=1).str[0]
    # A full name the corpus names in several documents is a person ("Fiona Hill").
    documents = result.loc[result["label"] == "PERSON"].groupby("entity")["doc_id"].nunique()
    named_once = result.loc[surnames, "entity"].map(documents).fillna(0) <= 1
    alone = (first.map(given).fillna(0) <= 1) & named_once
    return surnames & alone.reindex(result.index, fill_value=False) & (result["entity"] != key)


def _merge_case_forms(result: pd.DataFrame) -> None:
    """Rule 3: one entity (and label) for the names that differ only in letter case, periods,
    hyphens, spaces and accents ("George W Bush", "George W. Bush"; "Kim Jong Un", "Kim
    Jong-un"; "Raúl Castro", "Raul Castro")."""
    sizes = result["entity"].value_counts()
    folded = (
        pd.Series(
            [without_accents(name) for name in sizes.index.tolist()],
            index=sizes.index,
            dtype="string",
        )
        .str.lower()
        .str.replace(r"[.\-\s]", "", regex=True)
    )
    acronym = sizes.index.str.fullmatch(r"[A-Z0-9&.\-]{1,4}")
    common = sizes.index.str.match(r"[a-z]")  # "intel" is not "Intel"
    candidates = folded[~acronym & ~common]
    shared = candidates[candidates.duplicated(keep=False)]
    if shared.empty:
        return
    canonical: dict[str, str] = {}
    for _, names in shared.groupby(shared, sort=False):
        forms = list(names.index)
        best = min(forms, key=lambda f: (" " in f and f.isupper(), -sizes[f], f))
        canonical.update({form: best for form in forms if form != best})
    _merge_forms(result, canonical)


def _merge_dotted_acronyms(result: pd.DataFrame) -> None:
    """Rule 3, for acronyms: one written with periods is the one written without, when the
    corpus has it ("F.B.I." in one outlet's house style is "FBI"), with that one's label."""
    names = pd.Series(result["entity"].unique())
    dotted = names[names.str.fullmatch(r"(?:[A-Z]\.){2,}")]
    if dotted.empty:
        return
    undotted = dotted.str.replace(".", "", regex=False)
    known = is_among(undotted, set(names.tolist()))
    _merge_forms(result, dict(zip(dotted[known], undotted[known], strict=True)))


def _merge_forms(result: pd.DataFrame, canonical: Mapping[str, str]) -> None:
    """Rule 3's merge, in place: each entity in ``canonical`` becomes the one it maps to, with
    that entity's majority label, ``linked_by`` ``case_form``."""
    if not canonical:
        return
    label_of = (
        result[result["entity"].isin(set(canonical.values()))]
        .groupby("entity")["label"]
        .agg(lambda s: majority_label(s.value_counts().to_dict()))
    )
    target = result["entity"].map(canonical)
    hit = target.notna()
    result.loc[hit, "entity"] = target[hit]
    result.loc[hit, "label"] = target[hit].map(label_of)
    result.loc[hit, "linked_by"] = "case_form"


def _merge_group_forms(result: pd.DataFrame) -> None:
    """Rule 4: one entity for the singular, plural and adjective forms of a NORP group."""
    is_norp = result["label"] == "NORP"
    if not is_norp.any():
        return
    sizes = result.loc[is_norp, "entity"].value_counts()
    names = set(sizes.index)

    def root(name: str) -> str:
        if name.endswith("ic") and (name[:-2] in names or name[:-2] + "s" in names):
            return name[:-2]
        if name.endswith("s") and name[:-1] in names | {n[:-2] for n in names if n.endswith("ic")}:
            return name[:-1]
        return name

    roots = {name: root(name) for name in names}
    groups: dict[str, list[str]] = {}
    for name, stem in roots.items():
        groups.setdefault(stem, []).append(name)
    canonical = {}
    for stem, forms in groups.items():
        if len(forms) < 2:
            continue
        plural = stem + "s"
        name = plural if plural in forms else max(forms, key=lambda f: (sizes[f], f))
        for form in forms:
            canonical[form] = name
    if not canonical:
        return
    target = result["entity"].map(canonical)
    hit = is_norp & target.notna() & (target != result["entity"])
    result.loc[hit, "entity"] = target[hit]
    result.loc[hit, "linked_by"] = "group_form"


def _link_organisation_words(result: pd.DataFrame, key: pd.Series) -> None:
    """Rule 5, ``org_word``, in place: one-word "people" that begin the name of one
    organisation of their document become that organisation.

    Why: the tagger reads the first word of an organisation's name, used alone, as a
    surname ("Bain", "Brookings", "Fitch"); the organisation's full name in the same article
    is the evidence, and a word no person of the corpus has in their name keeps real
    surnames out. A company's name with its legal form ("Kestrel Insurance Corp.", "Acme
    Inc.") is evidence enough for a word that only other articles give a person (a Tom
    Kestrel elsewhere): then it is enough that no person of this article has it in their
    name."""
    orgs = result[(result["label"] == "ORG") & result["entity"].str.contains(" ", regex=False)]
    if orgs.empty:
        return
    first = orgs["entity"].str.split(" ", n=1).str[0]
    edges = pd.DataFrame(
        {"doc_id": orgs["doc_id"], "word": first, "org": orgs["entity"]}
    ).drop_duplicates()
    counts = edges.groupby(["doc_id", "word"])["org"].transform("size")
    owner = edges[counts == 1].set_index(["doc_id", "word"])["org"]
    is_person = result["label"] == "PERSON"
    person_words = words_of_longer_names(result.loc[is_person, "entity"].unique().tolist())
    candidates = (
        is_person
        & ~key.str.contains(" ", regex=False)
        & (result["entity"] == key)
        & (result["role"].fillna("") == "")
    )
    titled = is_person & (result["role"].fillna("") != "")
    titled_pairs = pd.MultiIndex.from_arrays([result.loc[titled, "doc_id"], key[titled]])
    where = pd.MultiIndex.from_arrays([result.loc[candidates, "doc_id"], key[candidates]])
    org = pd.Series(owner.reindex(where).to_numpy(), index=key[candidates].index)
    company = org.str.rsplit(" ", n=1).str[-1].isin(COMPANY_SUFFIXES)
    # Only the articles that name such a company need their people's words.
    company_docs = result.loc[company.index[company], "doc_id"].unique()
    in_those = is_person & result["doc_id"].isin(company_docs)
    nobody_here = ~where.isin(_person_words_by_document(result, in_those))
    no_person = ~is_among(key[candidates], person_words)
    keep = org.notna() & ~where.isin(titled_pairs) & (no_person | (company & nobody_here))
    org = org[keep]
    result.loc[org.index, "entity"] = org
    result.loc[org.index, "label"] = "ORG"
    result.loc[org.index, "linked_by"] = "org_word"


def _person_words_by_document(result: pd.DataFrame, people_rows: pd.Series) -> pd.MultiIndex:
    """(document, word) for every word of the names of several words of the people in the
    rows ``people_rows`` selects."""
    people = result.loc[people_rows, ["doc_id", "entity"]].drop_duplicates()
    people = people[people["entity"].str.contains(" ", regex=False)]
    words = people.assign(word=people["entity"].str.split(" ")).explode("word")
    return pd.MultiIndex.from_arrays([words["doc_id"], words["word"]])


def _apply_vetoes(result: pd.DataFrame, key: pd.Series, vetoes: frozenset) -> None:
    """Rule 6: undo every merge of a name into an entity the alias table forbids."""
    pairs = pd.Series(list(zip(key, result["entity"], strict=True)), index=result.index)
    banned = pairs.isin(vetoes) | (key.isin({v for v, c in vetoes if c == "*"}))
    hit = banned & (result["entity"] != key)
    result.loc[hit, "entity"] = key[hit]
    result.loc[hit, "linked_by"] = "veto"


def _unsupported_people(result: pd.DataFrame, key: pd.Series) -> pd.Series:
    """Rule 7: one-word PERSON rows with no support anywhere in the corpus."""
    is_person = result["label"] == "PERSON"
    once = key.map(key[is_person].value_counts()).fillna(0) == 1
    # Words of the corpus's longer person names support a one-word name ("Trump").
    names = result.loc[is_person, "entity"].unique().tolist()
    words = words_of_longer_names(names)
    one_word = ~key.str.contains(" ", regex=False) & (result["entity"] == key)
    unsupported = (
        is_person
        & once
        & ~is_among(key, words)
        & one_word
        & (result["role"].fillna("") == "")
        & result["linked_by"].isin(["name", "repeat", "corpus_label"])
    )
    return unsupported | (is_person & one_word & _family_plurals(key, names))


def _family_plurals(key: pd.Series, people: Sequence[str]) -> pd.Series:
    """Rows whose name is the plural of the surname of one of the corpus's ``people`` (full
    names) and no one's surname itself: "Clintons", "Obamas", "Kennedys"."""
    surnames = {surname(name.split(" ")) for name in people if " " in name}
    plural = key.str.endswith("s") & ~is_among(key, surnames)
    if not plural.any():
        return plural
    stems = key[plural]
    family = is_among(stems.str[:-1], surnames) | (
        stems.str.endswith("es") & is_among(stems.str[:-2], surnames)
    )
    return plural & family.reindex(key.index, fill_value=False)
