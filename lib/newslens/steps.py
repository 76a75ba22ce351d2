"""The per-document analysis steps, all of one shape.

A step turns one parsed document into the rows of one table: ``step(document, doc, inputs)``
returns a DataFrame, where ``inputs`` holds the same document's tables of the steps named in
``step.requires`` (quotes read the document's mentions, so speakers link to the same
entities). Every step also says what its output depends on (:meth:`Step.cache_key`: its
``name``, ``version`` and ``settings()``), which is how :mod:`newslens.analyse` caches a
document's results and reruns only the steps whose settings changed.

Steps are small picklable objects: what they compile (matchers, lexicons) is built lazily in
the process that runs them, so they travel to worker processes and Dask workers as settings.

The built-in steps, in the order they run (:func:`default_steps`):

============  ================================================================
``documents``  one overview row per document (:func:`describe_document`)
``mentions``   entity mentions, linked within the document (:mod:`newslens.entities`)
``sentences``  every sentence with its frame scores, label and sentiment (:mod:`newslens.framing`)
``frame_terms``  every lexicon match with its offsets (:mod:`newslens.framing`)
``quotes``     direct, partial and indirect quotes with speakers (:mod:`newslens.quotes`)
============  ================================================================

The columns of each table are listed in ``docs/tables.md``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import pandas as pd

from newslens.corpus import Document

if TYPE_CHECKING:
    from newslens.types import Doc

__all__ = [
    "Step",
    "DocumentsStep",
    "MentionsStep",
    "SentencesStep",
    "FrameTermsStep",
    "QuotesStep",
    "default_steps",
    "describe_document",
]


class Step:
    """Base class of the analysis steps: subclasses set ``name`` (the table they fill),
    ``version`` (bump it when the output changes), ``requires`` and implement :meth:`run`."""

    name: ClassVar[str] = ""
    version: ClassVar[str] = "1"
    requires: ClassVar[tuple[str, ...]] = ()

    def settings(self) -> dict[str, Any]:
        """What, besides the document and the model, the output depends on (JSON-able)."""
        return {}

    def cache_key(self) -> str:
        """A short hash of name, version and settings: the step's part of a cache key."""
        payload = json.dumps(
            {"name": self.name, "version": self.version, "settings": self.settings()},
            sort_keys=True,
            default=str,
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]

    def run(self, document: Document, doc: Doc, inputs: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
        raise NotImplementedError

    def __call__(
        self, document: Document, doc: Doc, inputs: Mapping[str, pd.DataFrame] | None = None
    ) -> pd.DataFrame:
        return self.run(document, doc, inputs or {})

    def __getstate__(self) -> dict[str, Any]:
        # Compiled state (names starting with "_") is rebuilt where the step runs.
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.settings()!r})"


def describe_document(document: Document, doc: Doc) -> pd.DataFrame:
    """The overview row of one parsed document: ``doc_id, title, date, source, words,
    sentences, sha256`` (words counted as everywhere else in a run, by
    :func:`newslens.text.count_words`, so the table adds up to the reports' word count)."""
    row = {
        "doc_id": document.doc_id,
        "title": document.title or "",
        "date": document.date or "",
        "source": document.source or "",
        "url": document.url or "",
        "words": document.words,
        "sentences": sum(1 for _ in doc.sents),
        "characters": len(document.text),
        "sha256": document.sha256,
    }
    # Columns of one value each: the counts are int64 as they are, no conversion needed.
    return pd.DataFrame({column: [value] for column, value in row.items()})


class DocumentsStep(Step):
    """``documents``: one overview row per document."""

    name = "documents"
    version = "2"

    def run(self, document: Document, doc: Doc, inputs: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
        return describe_document(document, doc)


def _file_digest(path: str) -> str:
    from newslens.io import file_sha256

    return file_sha256(path) if path else ""


class MentionsStep(Step):
    """``mentions``: the document's entity mentions, linked within the document."""

    name = "mentions"
    version = "1"

    def __init__(self, *, labels: Sequence[str] | None = None, alias_file: str = ""):
        from newslens.entities import DEFAULT_LABELS

        self.labels = list(labels) if labels else list(DEFAULT_LABELS)
        self.alias_file = str(alias_file or "")

    def settings(self) -> dict[str, Any]:
        return {"labels": self.labels, "alias_file": _file_digest(self.alias_file)}

    def run(self, document: Document, doc: Doc, inputs: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
        from newslens import entities

        if getattr(self, "_aliases", None) is None:
            self._aliases = entities.load_aliases(self.alias_file or None)
        return entities.extract_mentions(
            doc, doc_id=document.doc_id, labels=self.labels, aliases=self._aliases
        )


class _FramingStep(Step):
    """Shared by the two framing steps: the lexicons and threshold, compiled once."""

    def __init__(
        self,
        *,
        destruction_lexicon: str = "",
        reconstruction_lexicon: str = "",
        extra_lexicons: Sequence[str] = (),
        threshold: float = 1.0,
    ):
        self.destruction_lexicon = str(destruction_lexicon or "")
        self.reconstruction_lexicon = str(reconstruction_lexicon or "")
        self.extra_lexicons = [str(p) for p in extra_lexicons]
        self.threshold = float(threshold)

    def lexicons(self):
        if getattr(self, "_lexicons", None) is None:
            from newslens.framing import load_lexicons

            self._lexicons = load_lexicons(
                destruction=self.destruction_lexicon,
                reconstruction=self.reconstruction_lexicon,
                extra=self.extra_lexicons,
            )
        return self._lexicons

    def settings(self):
        terms = [
            [lexicon.frame, [(t.term, t.tokens, t.weight) for t in lexicon.terms]]
            for lexicon in self.lexicons()
        ]
        digest = hashlib.sha256(json.dumps(terms, default=str).encode("utf-8")).hexdigest()
        return {"lexicons": digest, "threshold": self.threshold}


class SentencesStep(_FramingStep):
    """``sentences``: every sentence with its frame scores, label, terms and sentiment, and
    the frame classifier's probabilities and evidence (:mod:`newslens.framing.classifier`).

    ``classifier`` is ``"builtin"`` (the packaged model), a path to a model written by
    ``python -m newslens train-frames``, or ``""`` for lexicon labels only. Its version and
    sha256 are part of :meth:`settings`, so a new model reruns the step and the run's
    ``analysis.json`` records which model labelled it.
    """

    name = "sentences"
    version = "2"

    def __init__(self, *, classifier: str = "builtin", **framing):
        super().__init__(**framing)
        self.classifier = str(classifier or "")

    def frame_classifier(self):
        if not self.classifier:
            return None
        if getattr(self, "_classifier", None) is None:
            from newslens.framing import load_classifier

            path = None if self.classifier == "builtin" else self.classifier
            self._classifier = load_classifier(path)
        return self._classifier

    def settings(self):
        model = self.frame_classifier()
        return {
            **super().settings(),
            "classifier": (
                {"version": model.version, "sha256": model.sha256} if model is not None else None
            ),
        }

    def run(self, document, doc, inputs):
        from newslens.framing import score_sentences

        return score_sentences(
            doc,
            doc_id=document.doc_id,
            lexicons=self.lexicons(),
            threshold=self.threshold,
            classifier=self.frame_classifier(),
        )


class FrameTermsStep(_FramingStep):
    """``frame_terms``: every lexicon match with its frame, term, weight and offsets."""

    name = "frame_terms"
    version = "1"

    def run(self, document, doc, inputs):
        from newslens.framing import frame_terms

        return frame_terms(doc, doc_id=document.doc_id, lexicons=self.lexicons())


class QuotesStep(Step):
    """``quotes``: every quote of the document, its kind, cue and speaker, with speakers
    linked to the document's ``mentions``."""

    name = "quotes"
    version = "1"
    requires = ("mentions",)

    def __init__(self, *, reporting_verbs_file: str = ""):
        self.reporting_verbs_file = str(reporting_verbs_file or "")

    def settings(self) -> dict[str, Any]:
        return {"reporting_verbs": _file_digest(self.reporting_verbs_file)}

    def run(self, document: Document, doc: Doc, inputs: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
        from newslens.quotes import extract_quotes, load_reporting_verbs

        if getattr(self, "_verbs", None) is None:
            self._verbs = load_reporting_verbs(self.reporting_verbs_file or None)
        return extract_quotes(
            doc, doc_id=document.doc_id, mentions=inputs["mentions"], reporting_verbs=self._verbs
        )


def default_steps(
    *,
    labels: Sequence[str] | None = None,
    alias_file: str = "",
    destruction_lexicon: str = "",
    reconstruction_lexicon: str = "",
    extra_lexicons: Sequence[str] = (),
    threshold: float = 1.0,
    frame_classifier: str = "builtin",
) -> list[Step]:
    """The steps of a run, in dependency order, configured from the run's settings."""
    framing: dict[str, Any] = {
        "destruction_lexicon": destruction_lexicon,
        "reconstruction_lexicon": reconstruction_lexicon,
        "extra_lexicons": extra_lexicons,
        "threshold": threshold,
    }
    return [
        DocumentsStep(),
        MentionsStep(labels=labels, alias_file=alias_file),
        SentencesStep(classifier=frame_classifier, **framing),
        FrameTermsStep(**framing),
        QuotesStep(),
    ]
