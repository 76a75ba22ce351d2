"""Rule ``first_name`` of the corpus-level resolution (:mod:`~newslens.entities.resolution`):
a person named by a first name alone ("Bernie", "Hillary") in an article that
names exactly one person with that first name is that person, once the corpus rules have
given every surname its full name ("Sanders" -> Bernie Sanders).

Why a module of its own, and why after the corpus rules: the document alone often has no
full name to link to (it writes "Sanders" and "Bernie"), and the corpus alone cannot link a
first name (the corpus has many Bernies). Only the article's own people after the corpus
links say which Bernie it is."""

from __future__ import annotations

import pandas as pd

__all__ = ["link_first_names"]


def link_first_names(result: pd.DataFrame) -> None:
    """In place: each PERSON row whose entity is still one word, with no title, is the one
    person of its document whose name of several words begins with that word; never when
    that word is also the last word of a person's name in the document ("Paul" beside Rand
    Paul and Paul Ryan), nor when two people of the document share the first name."""
    is_person = result["label"] == "PERSON"
    single = (
        is_person
        & ~result["entity"].str.contains(" ", regex=False)
        & (result["role"].fillna("") == "")
    )
    if not single.any():
        return
    docs = result.loc[single, "doc_id"].unique()
    full = result[is_person & result["doc_id"].isin(docs)]
    full = full.loc[full["entity"].str.contains(" ", regex=False), ["doc_id", "entity"]]
    people = full.drop_duplicates().groupby("doc_id")["entity"].agg(list).to_dict()
    rows = result.loc[single, ["doc_id", "entity"]]
    pairs = rows.drop_duplicates()
    targets = {
        (doc_id, word): _the_one_person(word, people.get(doc_id, []))
        for doc_id, word in zip(pairs["doc_id"], pairs["entity"], strict=True)
    }
    found = pd.Series(
        [targets[pair] for pair in zip(rows["doc_id"], rows["entity"], strict=True)],
        index=rows.index,
        dtype="object",
    ).dropna()
    result.loc[found.index, "entity"] = found
    result.loc[found.index, "linked_by"] = "first_name"


def _the_one_person(word: str, names: list[str]) -> str | None:
    """The one name of ``names`` whose first word is ``word``, when ``word`` is no name's
    last word; else ``None``. (Not a nickname: "Charlie" beside Charles de Gaulle is
    Charlie Hebdo.)"""
    folded = word.lower()
    if any(name.rsplit(" ", 1)[-1].lower() == folded for name in names):
        return None
    found = [name for name in names if name.split(" ", 1)[0].lower() == folded]
    return found[0] if len(found) == 1 else None
