"""The hover card some outlets print after a person's name, run into the text when the page
is scraped: "Sen. Rand Paul Randal (Rand) Howard PaulRand Paul: ...". The card is the
person's formal first name, the nickname in parentheses, middle names and the surname
again, glued to whatever follows. It is one more mention of the person, as the annotation
guideline counts it, never people of its own: without this the tagger's pieces of it were
counted as "Howard Paul", "Bob" (of "Robert (Bob) Swan Mueller") or "Lea Bustos".

Why a module of its own: the card is found from the text's shape (a capitalised word, a
capitalised word in parentheses, and the surname printed just before the card), before and
whatever the tagger made of its words."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from newslens.entities.mention import Mention, span_text
from newslens.entities.names import name_key

if TYPE_CHECKING:
    from newslens.types import Doc

__all__ = ["hover_cards"]

# Middle names and initials a card may hold between the nickname and the surname.
_MAX_MIDDLE_WORDS = 3


def hover_cards(
    doc: Doc, mentions: list[Mention], covered: list[int], texts: Sequence[str]
) -> list[Mention]:
    """``mentions`` with every hover card one PERSON mention (linked by ``hover``) named
    like the name printed before it, and the mentions the tagger made of the card's words
    dropped; the card's tokens (``texts``: their strings) are marked covered."""
    cards = list(_cards(doc, texts))
    if not cards:
        return mentions
    people = {m.end_token: m for m in mentions if m.label == "PERSON"}
    inside = {i for first, last, _, _ in cards for i in range(first, last + 1)}
    named = []
    for first, last, surname, nickname in cards:
        shown = people.get(first)
        full = shown.name if shown is not None and " " in shown.name else None
        # "Rand" (ORG) "Paul" before "Randal (Rand)": the name shown, in two pieces
        pieces = first >= 2 and full is None and texts[first - 2] == nickname
        if pieces:
            inside.update((first - 2, first - 1))
        name = name_key(full or f"{nickname} {surname}")
        named.append((first, last, surname, name, pieces))
    kept = [m for m in mentions if m.token not in inside]
    for mention in kept:
        _end_before_card(doc, mention, cards)
    for first, last, surname, name, pieces in named:
        if pieces:
            kept.append(_person(doc, first - 2, first - 1, name, len(surname)))
        kept.append(_person(doc, first, last, name, len(surname)))
        covered[first : last + 1] = [2] * (last + 1 - first)
    return sorted(kept, key=lambda m: m.start)


def _end_before_card(doc: Doc, mention: Mention, cards: list[tuple[int, int, str, str]]) -> None:
    """In place: a mention the tagger ran from the name into the card ("Vale Robert" of
    "Vale Robert (Bob) Swan Vale") ends where the card begins."""
    for first, _, _, _ in cards:
        if mention.token < first < mention.end_token:
            mention.end_token = first
            mention.end = doc[first - 1].idx + len(doc[first - 1].text)
            mention.name = name_key(span_text(doc, mention.token, first))


def _person(doc: Doc, first: int, last: int, name: str, surname_length: int) -> Mention:
    """A PERSON mention from token ``first`` to the surname that begins token ``last``."""
    end = doc[last].idx + surname_length
    return Mention(
        doc[first].idx, end, first, name, "PERSON", "", linked_by="hover", end_token=last + 1
    )


def _cards(doc: Doc, texts: Sequence[str]) -> Iterator[tuple[int, int, str, str]]:
    """``(first token, last token, surname, nickname)`` of each hover card: a capitalised
    word and a capitalised nickname in parentheses, right after the surname that closes the
    card, on one line ("Mueller Robert (Bob) Swan MuellerFox ...")."""
    for i in [i for i, text in enumerate(texts) if text == "("]:
        if i < 2 or i + 3 >= len(texts) or texts[i + 2] != ")":
            continue
        formal, nickname, surname = texts[i - 1], texts[i + 1], texts[i - 2]
        if not (
            formal.istitle() and formal.isalpha() and nickname.istitle() and nickname.isalpha()
        ):
            continue
        if len(surname) < 2 or not surname[:1].isupper() or not surname.replace("-", "").isalpha():
            continue
        last = _surname_again(texts, i + 3, surname)
        if last is not None and not any("\n" in t.whitespace_ for t in doc[i - 2 : last]):
            yield i - 1, last, surname, nickname


def _surname_again(texts: Sequence[str], start: int, surname: str) -> int | None:
    """The token from ``start`` on, past a few capitalised middle names or initials, that
    begins with ``surname`` (alone or glued to the next word: "MuellerFox", "Romney9")."""
    for k in range(start, min(start + _MAX_MIDDLE_WORDS + 1, len(texts))):
        text = texts[k]
        if text.startswith(surname) and (
            len(text) == len(surname) or not text[len(surname)].islower()
        ):
            return k
        if not (text[:1].isupper() or text == "."):
            return None
    return None
