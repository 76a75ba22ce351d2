"""Destruction vs reconstruction: which frame each sentence of an article sits in, with what
tone, and which actors are placed in which frame.

War coverage runs two narratives at once: *destruction* (strikes, casualties, damage) and
*reconstruction* (rebuilding, aid, pledges, recovery). This package puts every sentence of a
parsed article in one of ``destruction | reconstruction | both | neither`` and keeps the exact
words that put it there, so every number in a report can be looked up in the text.

The frames are the lexicons': the two packaged ones, or the user's files for them, plus any
extra frame a user lexicon adds (``-p extra_lexicons=displacement.txt``). Every table,
label, figure and summary takes its frames from there (:mod:`~newslens.framing.labels`): a
third frame gets its ``<frame>_score, <frame>_terms, <frame>_p, <frame>_evidence`` columns,
its label, its rows in the aggregates and its bars in the figures, and the ``frames`` column
lists every frame a sentence is in (``both`` then means two or more). The trained classifier
decides only the two frames it was trained for (see :func:`score_sentences`). One concern
per module:

* :mod:`~newslens.framing.lexicons`: a frame is a lexicon file, one weighted term per line
  (:func:`read_lexicon`, :func:`load_lexicons`);
* :mod:`~newslens.framing.matcher`: the lexicons compiled into one matcher on lemmas
  (:class:`FrameMatcher`);
* :mod:`~newslens.framing.labels`: the label of a sentence from the frames it is in, and
  membership (:func:`frame_label`, :func:`in_frame`);
* :mod:`~newslens.framing.scoring`: the ``sentences`` and ``frame_terms`` tables of a
  document (:func:`score_sentences`, :func:`frame_terms`), with VADER sentiment;
* :mod:`~newslens.framing.features`, :mod:`~newslens.framing.classifier`,
  :mod:`~newslens.framing.training`: the trained sentence classifier beside the lexicons
  (:class:`FrameClassifier`; the ``sentences`` step uses the packaged one): its
  probabilities (``destruction_p``/``reconstruction_p``) and thresholds give ``frame``,
  ``*_evidence`` lists the words that weighed most, and ``lexicon_frame`` keeps the
  lexicon's own label. Extra frames from user lexicons stay lexicon-only;
* :mod:`~newslens.framing.aggregates`: shares, the balance index, sentiment per frame, the
  order of frames through each article, the actors placed in each frame
  (:func:`document_frames`, :func:`corpus_frames`, :func:`corpus_balance`,
  :func:`frame_sequence`, :func:`actors_by_frame`);
* :mod:`~newslens.framing.evidence`: the most typical sentences of each frame and their
  highlights (:func:`typical_sentences`, :func:`evidence_rows`);
* :mod:`~newslens.framing.terms`: candidate lexicon terms from a corpus, for a person to
  review (:func:`propose_terms`);
* :mod:`~newslens.framing.validation`: hand labels and agreement (:func:`read_frame_labels`,
  :func:`align_labels`, :func:`frame_agreement`).

The table contracts (``sentences.csv``, ``frame_terms.csv``) are in ``docs/tables.md``.
"""

from newslens.framing.aggregates import (
    actors_by_frame,
    balance_index,
    balance_indices,
    corpus_balance,
    corpus_frames,
    document_frames,
    frame_sequence,
)
from newslens.framing.classifier import (
    MODEL_FORMAT,
    FrameClassifier,
    builtin_classifier_path,
    load_classifier,
)
from newslens.framing.evidence import evidence_rows, restore_columns, typical_sentences
from newslens.framing.features import (
    EXTRA_COLUMNS,
    FEATURES,
    LabelledSentences,
    SentenceFeatures,
    build_vocabulary,
    design_matrix,
    document_features,
)
from newslens.framing.labels import (
    DEFAULT_THRESHOLD,
    LABELS,
    frame_label,
    frame_labels,
    frame_names,
    in_frame,
    label_of,
    light_columns,
    reading_columns,
    table_frames,
)
from newslens.framing.lexicons import (
    FRAMES,
    Lexicon,
    LexiconError,
    LexiconTerm,
    builtin_lexicon_path,
    load_lexicons,
    read_lexicon,
)
from newslens.framing.matcher import FrameMatcher
from newslens.framing.scoring import (
    MODEL_COLUMNS,
    SENTENCE_COLUMNS,
    TERM_COLUMNS,
    TERM_SEPARATOR,
    frame_terms,
    lexicon_scores,
    score_sentences,
    sentence_bounds,
    sentence_columns,
)
from newslens.framing.terms import propose_terms
from newslens.framing.training import fit_logistic, labelled_features, train, train_from_labels
from newslens.framing.validation import (
    align_labels,
    cohen_kappa,
    frame_agreement,
    labelled_documents,
    read_frame_labels,
    read_frame_labels_table,
)

__all__ = [
    "FRAMES",
    "LABELS",
    "DEFAULT_THRESHOLD",
    "TERM_SEPARATOR",
    "SENTENCE_COLUMNS",
    "MODEL_COLUMNS",
    "TERM_COLUMNS",
    "LexiconTerm",
    "Lexicon",
    "LexiconError",
    "builtin_lexicon_path",
    "read_lexicon",
    "load_lexicons",
    "FrameMatcher",
    "frame_label",
    "frame_labels",
    "label_of",
    "frame_names",
    "light_columns",
    "reading_columns",
    "restore_columns",
    "table_frames",
    "in_frame",
    "sentence_columns",
    "sentence_bounds",
    "lexicon_scores",
    "frame_terms",
    "score_sentences",
    "balance_index",
    "balance_indices",
    "document_frames",
    "corpus_frames",
    "corpus_balance",
    "frame_sequence",
    "actors_by_frame",
    "typical_sentences",
    "evidence_rows",
    "propose_terms",
    "read_frame_labels",
    "read_frame_labels_table",
    "labelled_documents",
    "align_labels",
    "frame_agreement",
    "cohen_kappa",
    "MODEL_FORMAT",
    "FEATURES",
    "EXTRA_COLUMNS",
    "FrameClassifier",
    "SentenceFeatures",
    "LabelledSentences",
    "builtin_classifier_path",
    "load_classifier",
    "document_features",
    "design_matrix",
    "build_vocabulary",
    "fit_logistic",
    "train",
    "labelled_features",
    "train_from_labels",
]
