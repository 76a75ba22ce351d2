"""A corpus as a re-iterable stream of documents: the files a spec names, read in order,
each document checked (words, duplicate text, duplicate id) as it goes by.

``on_error="stop"`` raises the first problem; ``on_error="skip"`` leaves the input out and
records it in :attr:`Corpus.skipped`. Exact duplicate texts are always left out, with a
:class:`~newslens.corpus.errors.CorpusWarning`.
"""

from __future__ import annotations

import glob
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from newslens.corpus.document import Document
from newslens.corpus.errors import CorpusError, CorpusWarning, Skipped, format_skipped, show
from newslens.corpus.files import SUPPORTED_SUFFIXES, stem, suffix
from newslens.corpus.formats import iter_file
from newslens.io import file_sha256

if TYPE_CHECKING:
    from newslens.types import PathLike

__all__ = [
    "ON_ERROR_CHOICES",
    "Corpus",
    "OnError",
    "format_unread",
    "load_documents",
    "read_corpus",
]

ON_ERROR_CHOICES = ("stop", "skip")
OnError = Literal["stop", "skip"]


def _hidden(path: Path, root: Path) -> bool:
    """A dot file, or a file inside a dot folder (.git, .ipynb_checkpoints) below root."""
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _expand(spec: PathLike) -> tuple[list[Path], Path | None, list[Path]]:
    """The files a corpus spec names (sorted), the folder doc ids are relative to, and the
    files it holds that newslens does not read."""
    spec_text = str(spec)
    path = Path(spec_text).expanduser()
    try:
        if path.is_file():
            return [path], None, []
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
            root: Path | None = path
        elif glob.has_magic(spec_text):
            pattern = str(Path(spec_text).expanduser())
            found = sorted(Path(p) for p in glob.glob(pattern, recursive=True))
            found = [p for p in found if p.is_file()]
            if not found:
                raise CorpusError(spec_text, "glob matches no files")
            root = None
        else:
            raise CorpusError(spec_text, "no such file or folder")
    except OSError as error:
        raise CorpusError(spec_text, f"cannot be listed ({error.strerror or error})") from None
    files = [p for p in found if suffix(p) in SUPPORTED_SUFFIXES]
    unread = [p for p in found if suffix(p) not in SUPPORTED_SUFFIXES]
    if not files:
        what = "folder holds" if root is not None else "glob matches"
        others = f"; {format_unread(unread)}" if unread else ""
        raise CorpusError(
            spec_text,
            f"{what} no readable files (newslens reads {', '.join(SUPPORTED_SUFFIXES)}){others}",
        )
    return files, root, unread


def _file_doc_id(path: Path, root: Path | None) -> str:
    if root is None:
        return stem(path)
    relative = path.relative_to(root)
    return str(relative.parent / stem(path)) if relative.parent != Path(".") else stem(path)


def format_unread(unread: list[Path], *, limit: int = 10) -> str:
    """One line naming the files newslens did not read, by suffix:
    ``3 files not read (.docx: 2, .pdf: 1): a.docx, b.docx, c.pdf``. Empty when none."""
    if not unread:
        return ""
    counts: dict[str, int] = {}
    for path in unread:
        key = path.suffix.lower() or "no suffix"
        counts[key] = counts.get(key, 0) + 1
    kinds = ", ".join(f"{k}: {n}" for k, n in sorted(counts.items()))
    names = ", ".join(show(p.name) for p in unread[:limit])
    more = f", ... and {len(unread) - limit} more" if len(unread) > limit else ""
    noun = "file" if len(unread) == 1 else "files"
    return f"{len(unread)} {noun} not read ({kinds}): {names}{more}"


class Corpus:
    """A re-iterable stream of :class:`Document` s read from a file, folder, glob or table.

    Iterating validates as it goes. An unreadable file, a bad row, a document with no words
    or a repeated id is a :class:`CorpusError`: raised when ``on_error="stop"``, left out and
    recorded in :attr:`skipped` when ``on_error="skip"``. An exact duplicate of an earlier
    text is always left out, recorded, and announced with a :class:`CorpusWarning`.

    Attributes:
        files: the files read, sorted.
        unread: files the folder or glob holds in formats newslens does not read.
        skipped: what the last complete or partial iteration left out (reset each time).
    """

    def __init__(self, spec: PathLike, *, on_error: OnError = "stop"):
        if on_error not in ON_ERROR_CHOICES:
            raise ValueError(f"on_error must be one of {ON_ERROR_CHOICES}, not {on_error!r}")
        self.spec = str(spec)
        self.on_error: OnError = on_error
        self.files, self.root, self.unread = _expand(spec)
        self.skipped: list[Skipped] = []

    def _problem(self, error: CorpusError) -> None:
        if self.on_error == "stop":
            raise error
        self.skipped.append(Skipped(error.path, error.location, error.reason))

    def __iter__(self) -> Iterator[Document]:
        self.skipped = []
        seen: dict[str, str] = {}
        ids: dict[str, str] = {}
        for path in self.files:
            try:
                for item in iter_file(path, _file_doc_id(path, self.root)):
                    if isinstance(item, CorpusError):
                        self._problem(item)
                        continue
                    document, location = item
                    if self._admit(document, path, location, seen, ids):
                        yield document
            except CorpusError as error:
                self._problem(error)

    def _admit(
        self,
        document: Document,
        path: Path,
        location: str | None,
        seen: dict[str, str],
        ids: dict[str, str],
    ) -> bool:
        """Whether a document read from ``path`` joins the corpus: it has words, its text is
        new (``seen``: sha256 -> doc_id) and so is its id (``ids``: doc_id -> where)."""
        if document.words == 0:
            self._problem(CorpusError(path, "document has zero words", location=location))
            return False
        if document.sha256 in seen:
            reason = f"exact duplicate of document '{seen[document.sha256]}'"
            self.skipped.append(Skipped(str(path), location, reason))
            warnings.warn(f"{self.skipped[-1]}, skipped", CorpusWarning, stacklevel=3)
            return False
        if document.doc_id in ids:
            self._problem(
                CorpusError(
                    path,
                    f"duplicate document id '{document.doc_id}' (first in {ids[document.doc_id]})",
                    location=location,
                )
            )
            return False
        seen[document.sha256] = document.doc_id
        ids[document.doc_id] = show(f"{path}, {location}" if location else path)
        return True

    def file_hashes(self) -> list[dict]:
        """Each input file with its size and sha256, for the run manifest."""
        return [
            {"path": str(p), "bytes": p.stat().st_size, "sha256": file_sha256(p)}
            for p in self.files
        ]

    def validate(self) -> int:
        """Read every document once and return how many there are: with ``on_error="stop"``
        the first problem raises :class:`CorpusError`; with ``"skip"`` the problems are in
        :attr:`skipped` afterwards."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", CorpusWarning)
            return sum(1 for _ in self)

    def skipped_lines(self, *, limit: int | None = None) -> list[str]:
        """:func:`format_skipped` of :attr:`skipped`."""
        return format_skipped(self.skipped, limit=limit)

    def unread_line(self) -> str:
        """:func:`format_unread` of :attr:`unread` (empty when every file is read)."""
        return format_unread(self.unread)

    def __repr__(self) -> str:
        return f"Corpus({self.spec!r}, files={len(self.files)}, on_error={self.on_error!r})"


def read_corpus(spec: PathLike, *, on_error: OnError = "stop") -> Corpus:
    """Open a corpus (file, folder, glob or table) for streaming; raises :class:`CorpusError`
    when the path does not exist or names no readable files. ``on_error``: ``"stop"`` raises
    on the first unreadable input, ``"skip"`` leaves it out and records it in
    :attr:`Corpus.skipped`."""
    return Corpus(spec, on_error=on_error)


def load_documents(
    spec: PathLike, *, limit: int | None = None, on_error: OnError = "stop"
) -> list[Document]:
    """Read a corpus into a list (convenient for small corpora and tests)."""
    documents = []
    for document in read_corpus(spec, on_error=on_error):
        documents.append(document)
        if limit is not None and len(documents) >= limit:
            break
    return documents
