"""Words at the edges of a PERSON span that the tagger ran into the name: a verb, an
auxiliary opening a question, the "Said" after a title-case quotation, the "Read" of a
"Read more" link. Token functions over the parse, used by
:mod:`newslens.entities.normalise`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newslens.types import Doc

__all__ = ["without_edge_verbs"]

# Inflected verbs that are no given name or surname ("Describing", "Looks", "Encourage").
_EDGE_VERB_TAGS = frozenset({"VBG", "VBZ", "VBP"})
# Auxiliaries that open a question ("Will Obama Veto the Bill?") and reporting verbs that
# follow a quotation in title case ('"We Won," Said Sekulow'): no first names there.
_QUESTION_AUXILIARIES = frozenset({"will", "would", "can", "could", "should", "did", "does"})
_SAID = frozenset({"said", "says"})
_CLOSING = frozenset({",", "”", '"', "’", "'"})


def without_edge_verbs(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A PERSON name without a verb the tagger ran into it at either end: a participle
    opening the sentence ("Describing King as a prophet, ...") or a headline's verb in
    title case ("Obama Looks For A Spring Thaw", "Senators Encourage Obama to ..."), an
    auxiliary opening a question ("Will Obama Sign It?"), "Said" after a quotation ('"We
    Won," Said Sekulow') or the "Read" of a "Read more" link. Only words tagged as an
    inflected verb count among the first (:data:`_EDGE_VERB_TAGS`), so given names such as
    "Sterling", "Irving" or "Will" stay."""
    if end - start >= 2 and (doc[start].tag_ in _EDGE_VERB_TAGS or _leading_verb(doc, start, end)):
        start += 1
    if end - start >= 2 and (doc[end - 1].tag_ in _EDGE_VERB_TAGS or _reads_more(doc, end - 1)):
        end -= 1
    return start, end


def _leading_verb(doc: Doc, i: int, end: int) -> bool:
    """Whether token ``i``, the first of a name ending before token ``end``, is an auxiliary
    opening a question: a sentence that ends with "?" and starts with it, or has the
    question's verb right after the name ("JUST WATCHED Will Boehner remain Speaker?"). Or
    whether it is "Said" right after a quotation or a comma."""
    word = doc[i].lower_
    if word in _QUESTION_AUXILIARIES:
        last = next((t for t in reversed(doc[i].sent) if not t.is_space), None)
        opens = doc[i].is_sent_start or (end < len(doc) and doc[end].tag_ == "VB")
        return opens and last is not None and last.text == "?"
    return word in _SAID and i > 0 and doc[i - 1].text in _CLOSING


def _reads_more(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is the "Read" of a "Read more" link."""
    return doc[i].text == "Read" and i + 1 < len(doc) and doc[i + 1].lower_ == "more"
