"""Whole analysis passes, kept so that the same corpus with the same settings is not even
read back from the per-document cache.

The per-document cache (:mod:`newslens.result_cache`) makes a rerun analyse nothing, but it
still reads every document's rows back and writes the tables again: about two minutes at
37,540 articles, most of a rerun. When nothing at all changed (the same documents in the
same order, the same model, the same step settings, the same library code), the tables of
the last such pass are already on disk: this module copies them instead.

An entry is ``<cache dir>/passes/<key>/``: hard links to the tables a finished pass wrote
(no extra disk space) and ``entry.json`` with the pass's statistics and each file's size
and modification time. A run whose tables were later edited in place (they share the
entry's files) no longer matches its record, so the entry is dropped, never served. The
key (:func:`pass_key`) folds in every document's result-cache key, the step keys (and
through them a digest of the library's own files, so any code change is a miss) and linking.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from newslens.corpus import Document
from newslens.io import write_json
from newslens.result_cache import document_key

__all__ = ["PASSES_KEPT", "PassCache", "pass_key"]

PASSES_KEPT = 2  # whole passes kept; older ones are removed (their run folders stay)
_ENTRY = "entry.json"


def pass_key(
    documents: Iterable[Document], *, slug: str, step_keys: Mapping[str, str], link: bool
) -> str:
    """The key of a pass over ``documents`` (in order): each one's key in the result cache
    (:func:`~newslens.result_cache.document_key`: model ``slug``, text and the fields its
    rows carry), the ``step_keys`` (which fold in the library's files) and whether
    entities are linked."""
    digest = hashlib.sha256()
    header = {"steps": dict(step_keys), "link": link}
    digest.update(json.dumps(header, sort_keys=True).encode("utf-8") + b"\n")
    for d in documents:
        digest.update(document_key(slug, d).encode("utf-8") + b"\n")
    return digest.hexdigest()


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system, or links not allowed
        shutil.copyfile(source, target)


def _signature(path: Path) -> list[int]:
    status = path.stat()
    return [status.st_size, status.st_mtime_ns]


class PassCache:
    """``restore``/``store`` of whole passes under ``<root>/passes``; ``None`` disables it."""

    def __init__(self, root: Path | None, *, kept: int = PASSES_KEPT):
        self.dir = None if root is None else Path(root) / "passes"
        self.kept = kept

    def restore(self, key: str, tables_dir: Path) -> dict[str, Any] | None:
        """Copy the tables of pass ``key`` into ``tables_dir`` and return its statistics,
        or ``None`` when there is no such pass or its files changed since."""
        entry = self._entry(key)
        if entry is None:
            return None
        record = json.loads((entry / _ENTRY).read_text(encoding="utf-8"))
        files = record["files"]
        if any(not (entry / n).is_file() or _signature(entry / n) != s for n, s in files.items()):
            shutil.rmtree(entry, ignore_errors=True)
            return None
        tables_dir.mkdir(parents=True, exist_ok=True)
        try:
            for name in files:
                shutil.copyfile(entry / name, tables_dir / name)
            os.utime(entry / _ENTRY)  # most recently used
        except OSError:  # removed meanwhile, or no room to copy: the pass runs instead
            return None
        return record["stats"]

    def store(self, key: str, tables_dir: Path, stats: Mapping[str, Any]) -> None:
        """Keep the tables a finished pass wrote to ``tables_dir`` as pass ``key``."""
        if self.dir is None:
            return
        staging = self.dir / f".{key}.{os.getpid()}"
        try:
            shutil.rmtree(staging, ignore_errors=True)
            staging.mkdir(parents=True)
            files: dict[str, list[int]] = {}
            for path in sorted(p for p in tables_dir.iterdir() if p.is_file()):
                _link_or_copy(path, staging / path.name)
                files[path.name] = _signature(staging / path.name)
            write_json({"stats": dict(stats), "files": files}, staging / _ENTRY)
            final = self.dir / key
            shutil.rmtree(final, ignore_errors=True)
            staging.rename(final)
            self._evict()
        except OSError:  # no room, or another run stored the same pass: keep nothing
            shutil.rmtree(staging, ignore_errors=True)

    def _entry(self, key: str) -> Path | None:
        if self.dir is None:
            return None
        entry = self.dir / key
        return entry if (entry / _ENTRY).is_file() else None

    def _evict(self) -> None:
        """Remove all but the :attr:`kept` most recently used passes."""
        assert self.dir is not None
        entries = [e for e in self.dir.iterdir() if (e / _ENTRY).is_file()]
        entries.sort(key=lambda e: (e / _ENTRY).stat().st_mtime_ns, reverse=True)
        for stale in entries[self.kept :]:
            shutil.rmtree(stale, ignore_errors=True)
