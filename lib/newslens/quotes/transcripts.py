"""Interview transcripts: paragraphs opening with a speaker's label ("SMITH: ...", "Q:",
"A:"), typed with or without quotation marks, are quotes of the person the label names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newslens.entities.titles import default_titles, title_index, title_starting_at
from newslens.quotes.context import Mention
from newslens.quotes.marks import Quotation, paragraph_bounds
from newslens.quotes.records import Found, Speaker
from newslens.quotes.rules import QuoteRule, SpeakerRule

__all__ = ["Turn", "transcript_turns", "split_at_turns", "unquoted_turns", "credit_turns"]

# A speaker's label opening a transcript paragraph: "SMITH: ...", "Q: ...", "A: ...".
TURN_LABEL = re.compile(
    r"[ \t\"“]*(?P<label>Q|A|[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):[ \t]+(?=\S)"
)
# "Q. ..." and "A. ..." (newspaper style), read as labels only when both open paragraphs of
# the text (a lone "A. The first option" is a list).
QA_WITH_PERIOD = re.compile(r"[ \t\"“]*(?P<label>Q|A)\.[ \t]+(?=\S)")
QUESTION, ANSWER = "Q", "A"
# Words in the paragraphs before the first "Q" or "A" that introduce an interview ("Vale
# spoke to the Herald", "edited for length"); without them Q and A are a reader's mailbag or
# an explainer the writer answers, and the answers quote nobody.
INTERVIEW_CUES = re.compile(
    r"\binterview|\b(?:spoke|talked|speaks|talks) (?:with|to)\b|\bsat down with\b"
    r"|\bedited for\b|\bconversation with\b|\bQ&A\b|\banswered questions\b",
    re.IGNORECASE,
)
LEAD_PARAGRAPHS = 2  # paragraphs before the first "Q" or "A" read for an interview cue
SENTENCE_END_MARK = re.compile(r"[.!?](?=\s)")


@dataclass(frozen=True)
class Turn:
    """One turn of an interview transcript: the label's characters, where the words start
    and end (the paragraph), the person who speaks and the label as written."""

    label_start: int
    label_end: int
    start: int
    end: int
    speaker: Mention
    label: str


def transcript_turns(text: str, mentions: list[Mention]) -> dict[int, Turn]:
    """Transcript turns by the offset where their words start. A label is a turn only
    when it is the surname of a person named in the text ("SMITH:" after "Jane Smith") or
    in the labels themselves (:func:`_named_by_labels`), or Q/A ("Q:", or "Q." where "A."
    opens a paragraph too) after a lead that introduces an interview (:data:`INTERVIEW_CUES`);
    "A:" is the interviewee (:func:`_label_speaker`). The interviewer's questions ("Q:")
    quote no source and are left out."""
    people = [m for m in mentions if m.label == "PERSON"]
    bounds = paragraph_bounds(text)
    paragraphs = [(TURN_LABEL.match(text, start, end), end) for start, end in bounds]
    with_period = [(QA_WITH_PERIOD.match(text, start, end), end) for start, end in bounds]
    if {m.group("label") for m, _ in with_period if m is not None} == {QUESTION, ANSWER}:
        paragraphs = [
            (m or p, end) for (m, end), (p, _) in zip(paragraphs, with_period, strict=True)
        ]
    labelled = [(match, end) for match, end in paragraphs if match is not None]
    lead = _interview_lead(text, bounds, [match for match, _ in labelled])
    if lead is None:
        labelled = [(m, end) for m, end in labelled if m.group("label") not in (QUESTION, ANSWER)]
    people += _named_by_labels([match for match, _ in labelled])
    turns = {}
    for match, end in labelled:
        label = match.group("label")
        speaker = _label_speaker(label, people, lead)
        if speaker is None or label == QUESTION:
            continue
        words_end = end
        while words_end > match.end() and text[words_end - 1].isspace():
            words_end -= 1
        turns[match.end()] = Turn(
            match.start("label"), match.end("label"), match.end(), words_end, speaker, label
        )
    return turns


def _interview_lead(
    text: str, bounds: list[tuple[int, int]], matches: list[re.Match[str]]
) -> tuple[int, int, int, int] | None:
    """Where the paragraphs before the first "Q" or "A" label start and end, and the
    sentence among them that introduces an interview, when one does; else None."""
    first = next((m.start() for m in matches if m.group("label") in (QUESTION, ANSWER)), None)
    if first is None:
        return None
    before = [start for start, _ in bounds if start < first][-LEAD_PARAGRAPHS:]
    cue = INTERVIEW_CUES.search(text, before[0], first) if before else None
    if cue is None:
        return None
    return before[0], first, *_sentence_around(text, cue.start(), before[0], first)


def _sentence_around(text: str, offset: int, low: int, high: int) -> tuple[int, int]:
    """The characters of the sentence holding ``offset``, within ``low:high``."""
    ends = [m.end() for m in SENTENCE_END_MARK.finditer(text, low, offset)]
    following = SENTENCE_END_MARK.search(text, offset, high)
    return (ends[-1] if ends else low), (following.end() if following else high)


def _named_by_labels(matches: list[re.Match[str]]) -> list[Mention]:
    """People a transcript names only in its labels: a label of two or three words whose
    last word is a label of its own elsewhere ("JOEL HALE:" then "HALE:"), as the tagger
    rarely reads a name in capitals as one, in a text where two or more people have such
    one-word labels (a dialogue, not a run of "NEWS EXCLUSIVE:" and "EXCLUSIVE:"
    headlines). The person's name is the label in title case."""
    labels = [match.group("label") for match in matches]
    alone = {label for label in labels if " " not in label and label not in (QUESTION, ANSWER)}
    if len(alone) < 2:
        return []
    index = title_index(default_titles())
    named = []
    for match in matches:
        label = match.group("label")
        words = label.split()
        if len(words) < 2 or words[-1] not in alone:
            continue
        lowers = [w.lower() for w in words]
        first = title_starting_at(lowers, 0, len(words) - 1, index)  # "SENATOR ANN HALE"
        name = " ".join(words[first:]).title()
        named.append(Mention(match.start("label"), match.end("label"), name, "PERSON"))
    return named


def _label_speaker(
    label: str, people: list[Mention], lead: tuple[int, int, int, int] | None
) -> Mention | None:
    """The person a transcript label stands for; for "A", of the people the sentence that
    introduces the interview names (else the lead paragraphs, else the whole text), the one
    the text names most often."""
    if label == ANSWER:
        counts: dict[str, int] = {}
        for mention in people:
            counts[mention.entity] = counts.get(mention.entity, 0) + 1
        candidates = list(counts)
        for low, high in (lead[2:], lead[:2]) if lead else ():
            introduced = {m.entity for m in people if low <= m.start < high}
            if introduced:
                candidates = [name for name in counts if name in introduced]
                break
        if not candidates:
            return None
        top = max(candidates, key=lambda name: (counts[name], name))
        return next(m for m in people if m.entity == top)
    surname = label.split()[-1].lower()
    for mention in people:
        if mention.entity.lower().split()[-1:] == [surname]:
            return mention
    return None


def split_at_turns(quotations: list[Quotation], turns: dict[int, Turn]) -> list[Quotation]:
    """Quotations cut where a transcript turn begins: a quote that opens with "SMITH:" starts
    after the label, and a multi-paragraph one is cut at each new speaker's label."""
    if not turns:
        return quotations
    result = []
    for quotation in quotations:
        pieces: list[list[tuple[int, int]]] = []
        for s, e in quotation.fragments:
            turn = next((t for t in turns.values() if s <= t.label_start < t.start <= e), None)
            if turn is not None:
                pieces.append([(turn.start, e)])
            elif pieces:
                pieces[-1].append((s, e))
            else:
                pieces.append([(s, e)])
        for fragments in pieces:
            result.append(
                Quotation(fragments[0][0], fragments[-1][1], tuple(fragments), quotation.mark)
            )
    return result


def unquoted_turns(turns: dict[int, Turn], quotations: list[Quotation]) -> list[Found]:
    """Transcript turns typed without quotation marks, as direct quotes."""
    found = []
    for turn in turns.values():
        if any(q.start <= turn.start < q.end for q in quotations):
            continue
        fragments = ((turn.start, turn.end),)
        found.append(Found(turn.start, turn.end, "direct", fragments, QuoteRule.TRANSCRIPT))
    return found


def credit_turns(results: list[Found], turns: dict[int, Turn]) -> None:
    """The speaker of each quote that starts a transcript turn is the turn's label (a quote
    skipped for its shape is a quote after all)."""
    for found in results:
        turn = turns.get(found.start)
        if turn is None:
            continue
        found.skip, found.kind, found.cue = None, "direct", None
        found.rule = QuoteRule.TRANSCRIPT
        found.speaker = Speaker(
            turn.label_start,
            turn.label_end,
            turn.label,
            turn.speaker.entity,
            turn.speaker.label,
            SpeakerRule.TRANSCRIPT_LABEL,
        )
