"""A quote's speaker named in the sentence after it, which points back to its words: "That
was the message from Mayor Ann Vale", "Those words came from the council", "So said the
mayor", "Vale made the promise on Monday", "Vale told residents this".

Why: a quote may open a paragraph with nobody named before it and the next sentence say
whose words they were. A reader reads on; without this rule such a quote would continue the
previous speaker, or have none. The sentence must point back (a demonstrative opening it,
"so", or a noun for words such as "the promise" or "that quote"), so a sentence that merely
follows a quote ("That is why Vale ran") names nobody."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newslens.quotes.lexicon import PERSON_PRONOUNS, SUBJECT_DEPS, statement_verbs
from newslens.quotes.speakers import can_speak

if TYPE_CHECKING:
    from newslens.quotes.context import Context
    from newslens.types import Token

__all__ = ["speaker_named_after"]

MAX_SENTENCE_TOKENS = 20  # a longer sentence after a quote is about more than its words
# Words that open a sentence pointing back at the words before it ("That was ...", "So said").
BACK_WORDS = frozenset({"that", "this", "those", "these", "so", "such"})
# Nouns for the words of a quote ("those words", "that quote", "the promise"); not nouns for
# what carries words ("the poll", "this story"), nor one for words answered ("the accusation").
WORD_NOUNS = frozenset(
    "words quote remark remarks comment comments message promise pledge warning vow plea"
    " advice verdict sentiment line assessment statement assurance boast prediction answer"
    " reply response refrain slogan mantra tweet".split()
)
# Verbs of whose subject a noun for words comes ("The promise came from X").
COMING_VERBS = frozenset({"be", "come"})
# Prepositions whose object is whose words they were ("the message from X", "the words of X").
SOURCE_PREPOSITIONS = frozenset({"from", "of", "by"})


def speaker_named_after(sentence: list[Token], ctx: Context) -> tuple[Token, Token] | None:
    """``(cue, source)`` when ``sentence`` (the tokens of the sentence after a quote,
    outside quotation marks) points back to the quote and names who said it: the object of
    "from", "of" or "by" on a noun for words or on the main verb ("came from X"), or the
    subject of a reporting or statement verb whose object points back ("X made the
    promise", "X told them this", "So said X"); else None."""
    if not sentence or len(sentence) > MAX_SENTENCE_TOKENS:
        return None
    root = sentence[0].sent.root
    if sentence[0].sent.start != sentence[0].i or not _points_back(sentence):
        return None
    for token in sentence:
        if _word_noun(token):
            # "That was the promise Vale made": the subject of a relative clause on the noun.
            for clause in token.children:
                subject = _subject(clause) if clause.dep_ == "relcl" else None
                if (
                    subject is not None
                    and _says(clause, ctx, gapped=True)
                    and _speaks(subject, ctx)
                ):
                    return clause, subject
        if token.lower_ not in SOURCE_PREPOSITIONS or token.dep_ not in ("prep", "agent"):
            continue
        if not (_word_noun(token.head) or _source_verb(token, root, ctx)):
            continue
        source = next((c for c in token.children if c.dep_ == "pobj"), None)
        if source is not None and _speaks(source, ctx):
            return token.head, source
    if root.pos_ != "VERB" or not _says(root, ctx):
        return None
    subject = _subject(root)
    return (root, subject) if subject is not None and _speaks(subject, ctx) else None


def _speaks(token: Token, ctx: Context) -> bool:
    """Whether the token names someone who can have said the words: not "it", "that" or a
    noun for words."""
    if token.pos_ == "PRON" and token.lower_ not in PERSON_PRONOUNS:
        return False
    return not _word_noun(token) and token.lower_ not in BACK_WORDS and can_speak(token, ctx)


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)


def _points_back(sentence: list[Token]) -> bool:
    """Whether the sentence opens with a demonstrative or "so", has one as an object, or
    holds a noun for words with a definite or demonstrative determiner ("the promise",
    "that quote")."""
    first = sentence[0]
    if first.lower_ in BACK_WORDS:
        # Not "This story was reported by ...": a determiner of a noun for other things.
        return first.dep_ != "det" or _word_noun(first.head)
    if any(t.dep_ == "dobj" and t.lower_ in BACK_WORDS for t in sentence):
        return True  # "X told residents this"
    return any(
        _word_noun(t) and any(c.dep_ == "det" and c.lower_ != "a" for c in t.children)
        for t in sentence
    )


def _word_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lower_ in WORD_NOUNS


def _source_verb(preposition: Token, root: Token, ctx: Context) -> bool:
    """Whether a preposition on the sentence's main verb names whose words they were: "came
    from X", "were of X", "was said by X"."""
    if preposition.head != root:
        return False
    if preposition.lower_ == "by":
        return ctx.is_reporting(root) or root.lemma_.lower() in statement_verbs()
    return root.lemma_.lower() in COMING_VERBS


def _says(verb: Token, ctx: Context, *, gapped: bool = False) -> bool:
    """A reporting verb ("So said X", "X told residents this") or a verb of making a
    statement ("X made the promise") whose object points back; ``gapped``: the verb of a
    relative clause on a noun for words, whose object is that noun ("the promise X made")."""
    stating = verb.lemma_.lower() in statement_verbs()
    if not (stating or ctx.is_reporting(verb)):
        return False
    if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return False  # "X said the plan failed": a report of its own
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    if not objects:
        return gapped or verb.doc[verb.sent.start].lower_ == "so"  # "So said X"
    # "X told residents this": one object points back, another may be whom X told; a
    # reporting verb's noun object is words X answered ("X denied the accusation").
    return any(c.lower_ in BACK_WORDS or (stating and _word_noun(c)) for c in objects)
