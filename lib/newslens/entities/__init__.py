"""Who and what the coverage names, counted as entities rather than strings.

Raw NER output splits one actor into several rows ("President Volodymyr Zelenskyy",
"Zelenskyy", "Zelenskyy's"), spells one country three ways ("the U.S.", "US", "United
States"), tags a surname used attributively as an organisation ("the Trump administration")
and invents organisations out of titles ("State" in "Secretary of State"). This package turns
a parsed spaCy ``Doc`` into *mentions* of *entities*, one concern per module:

1. **Mentions** (:mod:`~newslens.entities.mentions`, :func:`extract_mentions`): the
   pipeline's entities with the chosen labels, plus untagged repeats of names the same
   document already uses and alias variants (:mod:`~newslens.entities.untagged`), also
   inside hyphenated compounds such as "U.S.-Russia".
2. **Normalisation** (:mod:`~newslens.entities.normalise`, :func:`normalise_span`): a leading
   determiner, trailing possessive (straight or curly apostrophe), surrounding punctuation
   and anything after a dash are trimmed; leading titles and roles
   (:mod:`~newslens.entities.titles`: "Secretary of State", "Gen.") go into the ``role``
   column instead of the name; a mention that is only a title (or its tail) is dropped.
3. **Linking within a document** (:mod:`~newslens.entities.document`): shorter forms of a
   person's name, surnames tagged ORG/NORP/GPE, spans that swallowed a neighbour ("Obama
   White House"), acronyms and last words of the document's organisations; the alias table
   (:mod:`~newslens.entities.aliases`, :func:`load_aliases`) maps variants to one canonical
   name and label. Names are compared by the rules of :mod:`~newslens.entities.names`
   (nicknames, middle initials, generational suffixes).
4. **Resolution across the corpus** (:mod:`~newslens.entities.resolution`,
   :func:`link_across_documents`, once per run over the concatenated mentions table,
   vectorised): labels decided by document votes, surnames tagged ORG/GPE that the corpus
   uses for a person, names that differ only in letter case, NORP singular/plural/adjective
   forms, shorter and nickname forms of people's names, user aliases and vetoes. Its output is the one resolution every table of
   a run should use.
5. **Corpus tables** (:mod:`~newslens.entities.tables`: :func:`entity_table`,
   :func:`entity_counts_by_document`, :func:`cooccurrence`, :func:`mentions_by_period`,
   :func:`entity_aliases`) merge entities with the same canonical name;
   :func:`with_sentences` puts each mention's sentence beside it.

Every mention row keeps the document id, 0-based sentence index (position in
``list(doc.sents)``) and character offsets, so each count can be traced to its sentence.
"""

from newslens.entities.aliases import Alias, AliasTable, load_aliases
from newslens.entities.document import DEFAULT_LABELS
from newslens.entities.mentions import MENTION_COLUMNS, extract_mentions
from newslens.entities.normalise import NormalisedSpan, normalise_span
from newslens.entities.resolution import link_across_documents
from newslens.entities.tables import (
    ALIAS_SEPARATOR,
    COOCCURRENCE_COLUMNS,
    ENTITY_COLUMNS,
    cooccurrence,
    entity_aliases,
    entity_counts_by_document,
    entity_table,
    mentions_by_period,
    with_sentences,
)
from newslens.entities.titles import load_titles

__all__ = [
    "DEFAULT_LABELS",
    "MENTION_COLUMNS",
    "ENTITY_COLUMNS",
    "COOCCURRENCE_COLUMNS",
    "ALIAS_SEPARATOR",
    "Alias",
    "AliasTable",
    "NormalisedSpan",
    "load_aliases",
    "load_titles",
    "normalise_span",
    "extract_mentions",
    "link_across_documents",
    "entity_table",
    "entity_aliases",
    "entity_counts_by_document",
    "with_sentences",
    "cooccurrence",
    "mentions_by_period",
]
