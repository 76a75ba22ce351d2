"""Sentence boundaries that respect the article's layout.

spaCy's parser decides sentence boundaries from syntax alone, so a sentence can run across a
blank line ("... said Tuesday.\\n\\nThe mayor of ..." is fine, but a heading or a caption
without a final full stop gets glued to the paragraph after it). :func:`paragraph_breaks` is a
pipeline component, added before the parser by :func:`newslens.nlp.load_model` (and
registered with spaCy then, not on import), that marks the first token after every blank line
as a sentence start; the parser respects preset boundaries, so **a paragraph break always
ends a sentence**, for every analysis.

The tokenizer also splits a double quotation mark glued between punctuation and a word
(scraped text often drops the space: ``paranoia,”Clinton said``, ``thug."Huckabee``), which
spaCy's default rules keep as one token: the name and the mark would be lost to every
analysis (:data:`GLUED_MARK_INFIXES`).

Bump :data:`SEGMENTATION_VERSION` whenever the rules change: it is part of the parse-cache
key, so old parses are not reused with new boundaries or tokens.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = [
    "COMPONENT_NAME",
    "GLUED_MARK_INFIXES",
    "SEGMENTATION_VERSION",
    "add_to_pipeline",
    "paragraph_breaks",
    "register",
    "split_glued_marks",
]

COMPONENT_NAME = "newslens_paragraph_breaks"
SEGMENTATION_VERSION = "p2"
# Infixes (spaCy's tokenizer syntax): the punctuation before a glued double mark, and the
# mark between that punctuation and a letter ('said,"We' -> 'said , " We').
GLUED_MARK_INFIXES = (
    r'(?<=[^\W\d_])[,.!?](?=["“”][^\W\d_])',
    r'(?<=[,.!?])["“”](?=[^\W\d_])',
)


def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first token after each blank line (newlines are always
    space tokens in spaCy, so a blank line is a space token holding two or more)."""
    start_next = False
    for token in doc:
        if token.is_space:
            start_next = start_next or token.text.count("\n") >= 2
            continue
        if start_next and token.i > 0:
            token.is_sent_start = True
            # The parser would cut an opening mark off its words ('"', then 'We will ...').
            if (token.is_quote or token.is_left_punct) and token.i + 1 < len(doc):
                doc[token.i + 1].is_sent_start = False
        start_next = False
    return doc


def register() -> None:
    """Register :func:`paragraph_breaks` as the spaCy component :data:`COMPONENT_NAME`
    (once per process; done by :func:`add_to_pipeline`, not on import)."""
    if not Language.has_factory(COMPONENT_NAME):
        Language.component(COMPONENT_NAME, func=paragraph_breaks)


def split_glued_marks(nlp: Language) -> Language:
    """Add :data:`GLUED_MARK_INFIXES` to the tokenizer's infixes (spaCy's defaults for the
    language, plus these). A pipeline with a tokenizer of its own is left as it is."""
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex

    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return nlp
    infixes = [*(nlp.Defaults.infixes or ()), *GLUED_MARK_INFIXES]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


def add_to_pipeline(nlp: Language) -> Language:
    """Insert :func:`paragraph_breaks` before the parser (or the senter, or first), and
    split glued quotation marks (:func:`split_glued_marks`)."""
    if COMPONENT_NAME in nlp.pipe_names:
        return nlp
    split_glued_marks(nlp)
    register()
    for anchor in ("parser", "senter"):
        if anchor in nlp.pipe_names:
            nlp.add_pipe(COMPONENT_NAME, before=anchor)
            return nlp
    nlp.add_pipe(COMPONENT_NAME, first=True)
    return nlp
