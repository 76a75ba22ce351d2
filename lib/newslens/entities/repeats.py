"""Untagged repetitions of the names a document already uses: the tagger tags "Trump" in
one sentence and leaves it untagged in the next, reads a surname alone as a common noun, or
an organisation's last word after "the" ("the Post") as nothing. Each is found where the
document writes it (:func:`~newslens.entities.untagged.find_untagged`) and becomes a mention
of the name it repeats."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from newslens.entities.document import is_short_form_use, org_short_forms
from newslens.entities.mention import Mention
from newslens.entities.names import NAME_SUFFIXES
from newslens.entities.untagged import find_untagged, person_forms, split_hyphenated

if TYPE_CHECKING:
    from newslens.entities.aliases import Alias
    from newslens.types import Doc

__all__ = ["with_repeats", "MIN_OUTVOTING_REPEATS"]

# A one-word name the tagger tagged once in a document but left untagged at least this
# many times is not spread to its untagged repetitions.
MIN_OUTVOTING_REPEATS = 20


def with_repeats(
    doc: Doc,
    mentions: list[Mention],
    alias_forms: Mapping[str, str],
    covered: list[int],
    texts: Sequence[str],
    aliases: Mapping[str, Alias],
) -> list[Mention]:
    """``mentions`` with hyphenated compounds split into their names, plus the untagged
    repetitions of names this document uses (and of alias variants)."""
    forms = dict(alias_forms)
    hyphenated = [m for m in mentions if "-" in m.name and m.name not in aliases]
    loose: dict[str, bool] = {}  # name -> whether it is a person's
    for mention in mentions:
        if len(mention.name) > 1 and mention.name[:1].isupper():
            forms[mention.name] = mention.label
            if mention.label in ("PERSON", "ORG", "GPE"):
                loose[mention.name] = loose.get(mention.name, False) or mention.label == "PERSON"
    for surname, label in person_forms(mentions).items():
        forms.setdefault(surname, label)
        loose[surname] = True
    short_forms = org_short_forms(mentions) - set(forms)
    forms.update(dict.fromkeys(short_forms, "ORG"))
    if hyphenated:
        mentions = [part for m in mentions for part in split_hyphenated(m, forms)]
    hits = find_untagged(doc, forms, covered, loose, texts, table=alias_forms)
    untrusted = _outvoted_tags(mentions, hits, alias_forms)
    for start, end, token, form in hits:
        label = forms[form] or ""
        if form in short_forms and not is_short_form_use(doc, token):
            continue
        if label and form not in untrusted:
            mention = Mention(start, end, token, form, label, "", linked_by="repeat")
            if label == "PERSON":
                mention = _with_suffix_after(doc, mention)
            mentions.append(mention)
    return mentions


def _with_suffix_after(doc: Doc, mention: Mention) -> Mention:
    """A repeated person's name followed by a name suffix is another person's name ("Trump
    Jr." after "Donald Trump"): the mention runs over the suffix, and is named with it."""
    words = mention.name.split(" ")
    after = mention.token + len(words)
    if (
        after >= len(doc)
        or doc[after].lower_ not in NAME_SUFFIXES
        or words[-1].lower() in NAME_SUFFIXES
        or doc.text[mention.end : doc[after].idx].strip()
    ):
        return mention
    suffix = doc[after]
    end = suffix.idx + len(suffix.text)
    name = f"{mention.name} {suffix.text}"
    return Mention(mention.start, end, mention.token, name, "PERSON", "", linked_by="repeat")


def _outvoted_tags(
    mentions: list[Mention],
    hits: list[tuple[int, int, int, str]],
    alias_forms: Mapping[str, str],
) -> set[str]:
    """One-word names the tagger tagged once in the document and left untagged at least
    :data:`MIN_OUTVOTING_REPEATS` times: one tag of "Ebola" as a person among 174 mentions
    of the word is a slip, not a name to spread. Alias-table names are always spread."""
    tagged = Counter(m.name for m in mentions)
    repeated = Counter(form for *_, form in hits if form not in alias_forms)
    return {
        form
        for form, count in repeated.items()
        if tagged[form] == 1 and count >= MIN_OUTVOTING_REPEATS and " " not in form
    }
