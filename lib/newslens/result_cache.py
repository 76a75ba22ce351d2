"""Per-document analysis results, cached on disk so that a rerun analyses nothing.

One SQLite file (``<cache dir>/results.sqlite``) maps ``(document key, step key)`` to the
step's rows for that document, stored as an Arrow IPC stream (no pickle). The document key
is the text's sha256 with the model's name, version and the sentence-segmentation version
and a hash of the document fields the rows carry (id, title, date, source, url);
the step key is :meth:`newslens.steps.Step.cache_key` (name, version, settings) combined
with the keys of the steps it reads. Change one step's settings and only that step's key
changes, so only that step reruns.

Only the process that coordinates a run writes here (workers return their rows to it), so
there is one writer; every batch is committed as it completes, which is what makes an
interrupted run resumable.

Every row records the version of the library that computed it (its
:func:`~newslens.resources.library_digest`). Rows of an older version can never be served
again (the digest is part of every step key), so the first pass of a new version deletes
the rows of all but the :data:`LIBRARIES_KEPT` most recently used versions: the file stays
about two versions' worth of rows instead of growing with every upgrade (about 1.9 GB per
version for 37,540 articles). Two checkouts of different versions sharing a cache keep
each other's rows.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import pyarrow as pa

if TYPE_CHECKING:
    from newslens.corpus import Document

__all__ = [
    "LIBRARIES_KEPT",
    "ResultCache",
    "as_arrow",
    "document_key",
    "table_to_bytes",
    "table_from_bytes",
]

LIBRARIES_KEPT = 2  # library versions whose rows are kept; an older one's rows are deleted


def document_key(slug: str, document: Document) -> str:
    """A document's key in the result cache: the model ``slug``, the text's sha256 and a
    hash of the fields its rows carry (id, title, date, source, url), so a document whose
    metadata changed is analysed again (from the parse cache) rather than given stale rows."""
    fields = [document.doc_id, document.title, document.date, document.source, document.url]
    meta = hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()
    return f"{slug}:{document.sha256}:{meta[:16]}"


def as_arrow(frame: pd.DataFrame) -> pa.Table:
    """A step's rows as an Arrow table, without the pandas index."""
    return pa.Table.from_pandas(frame, preserve_index=False)


def table_to_bytes(table: pa.Table) -> bytes:
    """An Arrow table as IPC stream bytes."""
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def table_from_bytes(data: bytes) -> pa.Table:
    """The inverse of :func:`table_to_bytes`."""
    with pa.ipc.open_stream(pa.py_buffer(data)) as reader:
        return reader.read_all()


class ResultCache:
    """``get``/``put`` of one document's rows for one step; ``None`` as the path disables it.

    ``library`` names the library version that computes the rows put here (default: none);
    opening the cache with a version it has not seen yet deletes the rows of versions older
    than the :data:`LIBRARIES_KEPT` most recently used ones."""

    def __init__(self, path: str | Path | None, *, library: str = ""):
        self.path = None if path is None else Path(path)
        self.library = library
        self._db: sqlite3.Connection | None = None
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=60)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            _create_tables(db)
            _use_library(db, library)
            self._db = db

    def libraries(self) -> dict[str, int]:
        """How many rows each library version has here."""
        if self._db is None:
            return {}
        query = "SELECT library, COUNT(*) FROM results GROUP BY library ORDER BY library"
        return dict(self._db.execute(query).fetchall())

    def get_many(self, document: str, steps: Iterable[str]) -> dict[str, bytes]:
        """The cached rows of ``document`` for each of ``steps`` that has them."""
        if self._db is None:
            return {}
        steps = list(steps)
        marks = ",".join("?" * len(steps))
        rows = self._db.execute(
            f"SELECT step, rows FROM results WHERE document = ? AND step IN ({marks})",
            [document, *steps],
        ).fetchall()
        return dict(rows)

    def put_many(self, items: Iterable[tuple[str, str, bytes]]) -> None:
        """Store ``(document, step, rows)`` triples and commit them together."""
        if self._db is None:
            return
        rows = [(document, step, data, self.library) for document, step, data in items]
        self._db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)", rows)
        self._db.commit()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _create_tables(db: sqlite3.Connection) -> None:
    """The cache's tables; a cache written before rows recorded their version gets the column."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS results (document TEXT NOT NULL, step TEXT NOT NULL,"
        " rows BLOB NOT NULL, library TEXT NOT NULL DEFAULT '', PRIMARY KEY (document, step))"
    )
    columns = {row[1] for row in db.execute("PRAGMA table_info(results)")}
    if "library" not in columns:
        db.execute("ALTER TABLE results ADD COLUMN library TEXT NOT NULL DEFAULT ''")
    db.execute("CREATE TABLE IF NOT EXISTS libraries (digest TEXT PRIMARY KEY, used REAL NOT NULL)")
    db.commit()


def _use_library(db: sqlite3.Connection, library: str) -> None:
    """Mark ``library`` as the latest version used; when it is new here, delete the rows of
    every version but the :data:`LIBRARIES_KEPT` most recently used (the scan of the whole
    file this needs happens once per upgrade, not once per run)."""
    seen = db.execute("SELECT 1 FROM libraries WHERE digest = ?", [library]).fetchone()
    db.execute("INSERT OR REPLACE INTO libraries VALUES (?, ?)", [library, time.time()])
    if not seen:
        kept = "SELECT digest FROM libraries ORDER BY used DESC LIMIT ?"
        db.execute(f"DELETE FROM results WHERE library NOT IN ({kept})", [LIBRARIES_KEPT])
        db.execute(f"DELETE FROM libraries WHERE digest NOT IN ({kept})", [LIBRARIES_KEPT])
    db.commit()
