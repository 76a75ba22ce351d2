"""A finished run's tables, for the notebooks: find the run, read its tables, state its scale.

Notebooks never parse: :mod:`newslens.analyse` wrote every per-document table of the run to
``<run>/tables/<name>.parquet``, and a notebook opens the run with :func:`open_run` and reads
what it needs with :meth:`Run.table`. A run folder is found by path, or, with ``""``, as the
most recent complete run under ``outputs/``. Every table's columns are listed in
``docs/tables.md``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from newslens.text import counted

__all__ = ["Run", "RunNotFound", "open_run", "latest_run", "scale_sentence"]


class RunNotFound(FileNotFoundError):
    """No finished run where one was expected; the message says what to do."""


def _is_run(path: Path) -> bool:
    return (path / "analysis.json").is_file() and (path / "tables").is_dir()


def latest_run(outputs: str | os.PathLike = "../outputs") -> Path:
    """The most recent complete run folder under ``outputs`` (run ids sort by start time;
    ``-FAILED`` and hidden staging folders are passed over)."""
    root = Path(outputs)
    runs = sorted(
        p
        for p in (root.iterdir() if root.is_dir() else [])
        if p.is_dir() and not p.name.startswith(".") and not p.name.endswith("-FAILED")
        if _is_run(p)
    )
    if not runs:
        raise RunNotFound(
            f"no finished run under {root.resolve()}: run `make run` (or `python -m newslens run"
            " --corpus ...`) first, or set run_dir to a run folder"
        )
    return runs[-1]


@dataclass(frozen=True)
class Run:
    """A run folder: its tables, its analysis statistics and where a notebook writes."""

    path: Path
    output: Path

    def table(
        self,
        name: str,
        *,
        columns: list[str] | None = None,
        doc_ids: list[str] | None = None,
        rows: int | None = None,
    ) -> pd.DataFrame:
        """``tables/<name>.parquet`` as a DataFrame: only ``columns``, the rows of ``doc_ids``
        when given (read with a Parquet filter, so ``texts`` of a large corpus is never
        loaded whole to show a few articles), or the first ``rows`` rows (a table to show,
        without reading the rest; 0 or less: every row, as ``table_rows=0`` means)."""
        path = self._path(name)
        if rows is not None and doc_ids is not None:
            raise ValueError("Run.table: give rows or doc_ids, not both")
        if rows is not None and rows > 0:
            import pyarrow as pa
            import pyarrow.parquet as pq

            parquet = pq.ParquetFile(path)
            batches = parquet.iter_batches(batch_size=max(rows, 1), columns=columns)
            first = next(batches, None)
            table = pa.Table.from_batches([first]) if first is not None else None
            if table is None:
                return pd.read_parquet(path, columns=columns).head(0)
            return table.slice(0, rows).to_pandas()
        filters = None if doc_ids is None else [("doc_id", "in", list(doc_ids))]
        if doc_ids is not None and not doc_ids:
            return pd.read_parquet(path, columns=columns).head(0)
        return pd.read_parquet(path, columns=columns, filters=filters)

    def columns(self, name: str) -> list[str]:
        """The column names of ``tables/<name>.parquet`` (its schema only is read)."""
        import pyarrow.parquet as pq

        return list(pq.read_schema(self._path(name)).names)

    def _path(self, name: str) -> Path:
        path = self.path / "tables" / f"{name}.parquet"
        if not path.is_file():
            raise RunNotFound(f"{path}: the run has no table '{name}'")
        return path

    @property
    def stats(self) -> dict:
        """The analysis pass's ``analysis.json``: documents, words, parsed, cached, time."""
        return json.loads((self.path / "analysis.json").read_text(encoding="utf-8"))

    @property
    def manifest(self) -> dict:
        """The run's ``manifest.json`` (empty while the run is still being built)."""
        path = self.path / "manifest.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def open_run(
    run_dir: str | os.PathLike = "",
    *,
    output_dir: str | os.PathLike = "",
    outputs: str | os.PathLike = "../outputs",
) -> Run:
    """Open the run at ``run_dir`` (``""``: the latest under ``outputs``); tables and
    figures a notebook makes go to ``output_dir`` (``""``: the run folder itself).

    A run's executed notebooks sit in ``<run>/notebooks/`` with ``run_dir="."``; opened there
    in JupyterLab, the kernel starts in that folder, so a ``notebooks`` folder inside a run
    stands for the run (for ``output_dir`` too), and rerunning the copy just works.
    """
    given = Path(run_dir) if run_dir else latest_run(outputs)
    path = _run_folder(given)
    if not _is_run(path):
        raise RunNotFound(
            f"{given.resolve()} is not a newslens run folder (no analysis.json and tables/)"
        )
    output = _run_folder(Path(output_dir)) if output_dir else path
    return Run(path=path, output=output)


def _run_folder(path: Path) -> Path:
    """``path``, or the run folder itself when ``path`` is a run's ``notebooks`` folder."""
    if not _is_run(path) and path.resolve().name == "notebooks" and _is_run(path.resolve().parent):
        return path.resolve().parent
    return path


def scale_sentence(run: Run) -> str:
    """One sentence on the scale of the run: documents, words, parsed or cached, time."""
    stats = run.stats
    documents = stats.get("documents", 0)
    parsed = stats.get("parsed", 0)
    reused = documents - parsed
    workers = stats.get("scheduler") or counted(stats.get("jobs", 1), "process", "processes")
    return (
        f"This report covers {counted(documents, 'document')}"
        f" ({counted(stats.get('words', 0), 'word')}); the"
        f" analysis pass parsed {parsed:,} of them and took {reused:,} from the cache, in"
        f" {stats.get('seconds', 0):,.1f} s on {workers} with"
        f" {stats.get('model', {}).get('name', '?')} {stats.get('model', {}).get('version', '')}."
    )
