"""The rows of a passage as the tests of ``newslens.quotes`` compare them."""

from __future__ import annotations

from newslens.quotes import extract_quotes


def quotes_of(nlp, text: str, **options) -> list[tuple]:
    """(quote, kind, cue, speaker, speaker_entity) per row, checking offsets on the way."""
    frame = extract_quotes(nlp(text), doc_id="t", **options)
    for row in frame.itertuples(index=False):
        assert text[row.start : row.end] == row.quote
        if row.speaker_start is not None and str(row.speaker_start) != "<NA>":
            assert text[int(row.speaker_start) : int(row.speaker_end)] == row.speaker or (
                text[int(row.speaker_start) : int(row.speaker_end)].startswith(row.speaker)
            )
    return [(r.quote, r.kind, r.cue, r.speaker, r.speaker_entity) for r in frame.itertuples()]
