"""What the rules read about a document: paragraphs, sentences, the tokens inside marks."""

from __future__ import annotations

from newslens.quotes import find_quotations
from newslens.quotes.context import build_context

TEXT = 'First paragraph here. It has two sentences.\n\n"A quote in marks," she said.'


def test_context_of_a_document(nlp):
    doc = nlp(TEXT)
    ctx = build_context(doc, verbs={}, mentions=[], quotations=find_quotations(TEXT))
    second = TEXT.index('"A quote')
    assert ctx.paragraphs == [(0, 43), (45, len(TEXT))]
    assert ctx.paragraph_index(10) == 0 and ctx.paragraph_index(second) == 1
    assert ctx.paragraph_index(44) == 0  # between paragraphs: the one before
    assert [ctx.sentence_id(offset) for offset in (0, TEXT.index("It has"), second)] == [0, 1, 2]
    inside = [token.text for token in doc if ctx.inside[token.i]]
    assert inside == ['"', "A", "quote", "in", "marks", ",", '"']
    assert [t.text for t in ctx.tokens_between(second, len(TEXT))] == ["she", "said", "."]
    assert ctx.inside_quote(second + 3) and not ctx.inside_quote(0)
