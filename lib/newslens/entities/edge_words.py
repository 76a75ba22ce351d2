"""Words at the edges of a PERSON span that the tagger ran into the name: a verb, the "Said"
after a title-case quotation, the "Read" of a "Read more" link. Token functions over the
parse, used by :mod:`newslens.entities.normalise`. (A question's modal verb before a name,
"Will Paul Ryan remain speaker?", is cut in :mod:`newslens.entities.cuts`.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newslens.types import Doc

__all__ = ["without_edge_verbs"]

# Inflected verbs that are no given name or surname ("Describing King", "Obama Looks",
# "Encourage Obama"); the base form and participles in -ed are left out: the tagger gives
# them to given names.
_EDGE_VERB_TAGS = frozenset({"VBG", "VBZ", "VBP"})
# The reporting verb after a title-case quotation ('"We Won," Said Sekulow').
_SAID = frozenset({"said", "says"})
_CLOSING_MARKS = frozenset({"”", '"', "’", "'"})


def without_edge_verbs(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A PERSON name without a verb the tagger ran into it at either end: a participle
    opening the sentence ("Describing King as a prophet, ...") or a headline's verb in
    title case ("Obama Looks For A Spring Thaw", "Senators Encourage Obama to ..."), "Said"
    after a quotation ('"We Won," Said Sekulow') or the "Read" of a "Read more" link. Only
    words tagged as an inflected verb count among the first (:data:`_EDGE_VERB_TAGS`), so
    given names such as "Sterling", "Irving" or "Will" stay, and "Said" only right after a
    closing quotation mark ("Said Kouachi" is a name)."""
    if end - start >= 2 and (doc[start].tag_ in _EDGE_VERB_TAGS or _said_after_quote(doc, start)):
        start += 1
    if end - start >= 2 and (doc[end - 1].tag_ in _EDGE_VERB_TAGS or _reads_more(doc, end - 1)):
        end -= 1
    return start, end


def _said_after_quote(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is "Said" right after a closing quotation mark, or after a comma
    that follows one ('"We Won," Said ...', '"We Won", Said ...')."""
    if doc[i].lower_ not in _SAID or i == 0:
        return False
    before = doc[i - 1].text
    if before == "," and i > 1:
        before = doc[i - 2].text
    return before in _CLOSING_MARKS


def _reads_more(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is the "Read" of a "Read more" link."""
    return doc[i].text == "Read" and i + 1 < len(doc) and doc[i + 1].lower_ == "more"
