"""The analysis pass: every document read once, parsed once, every step run on it.

:func:`analyse` is what ``python -m newslens analyse`` and the first stage of
``python -m newslens run`` call. When the same documents went through the same steps,
model and library before, it copies that pass's tables (:mod:`newslens.pass_cache`) and
stops there. Otherwise, for each document of a corpus, in corpus order, it

1. looks up each step's rows in the per-document result cache (:mod:`newslens.result_cache`);
   a document whose steps are all cached is neither parsed nor analysed;
2. otherwise parses it (from the parse cache when the text was parsed before) and runs the
   missing steps (:mod:`newslens.steps`) in a worker (:mod:`newslens.workers`): local
   processes (``jobs``, every core by default) or the workers of a ``dask.distributed``
   cluster (``scheduler``), each loading the model once;
3. writes the rows of each step to ``<out>/tables/<step>.parquet`` one row group per batch
   of documents (and ``.csv`` beside it; :mod:`newslens.table_writer`), so no whole-corpus
   table is ever held in memory;
4. resolves entities once for the whole corpus (:mod:`newslens.linking`) and writes
   ``mentions`` and ``quotes`` with those canonical names, which every notebook then reads.

Batches are cut by document count in corpus order, independent of how many processes run
them, and results are written in that order: the tables are byte-identical whatever ``jobs``
is, and whether they came from the cache or a cluster. Their columns, and the fields of
``analysis.json``, are listed in ``docs/tables.md``; the stages in ``docs/architecture.md``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd
import pyarrow as pa

from newslens.corpus import Corpus, Document
from newslens.io import write_json
from newslens.linking import LINKED_TABLES, link_corpus, link_entities
from newslens.pass_cache import PassCache, pass_key
from newslens.result_cache import ResultCache, document_key, table_from_bytes
from newslens.steps import Step, default_steps
from newslens.table_writer import TableWriter
from newslens.workers import Executor, Future, analyse_batch, executor

if TYPE_CHECKING:
    from tqdm import tqdm

    from newslens.nlp import ParseStats
    from newslens.types import Language

__all__ = [
    "AnalysisStats",
    "analyse",
    "analyse_documents",
    "analyse_batch",
    "link_entities",
    "BATCH_DOCUMENTS",
    "LINKED_TABLES",
    "TEXTS_TABLE",
]

BATCH_DOCUMENTS = 16  # documents per batch: the unit of work, of caching and of row groups
TEXTS_TABLE = "texts"  # doc_id, text: what reports highlight and concordances show (Parquet only)


@dataclass
class AnalysisStats:
    """What one analysis pass did, for the manifest and the reports' scale sentence."""

    documents: int = 0
    words: int = 0
    parsed: int = 0
    parse_cached: int = 0
    analysed: int = 0
    results_cached: int = 0
    seconds: float = 0.0
    jobs: int = 1
    scheduler: str = ""
    model: dict = field(default_factory=dict)
    steps: dict = field(default_factory=dict)
    rows: dict = field(default_factory=dict)
    pass_reused: bool = False  # the tables were copied from an identical earlier pass

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def of_reused_pass(
        cls, earlier: Mapping[str, Any], *, jobs: int, scheduler: str
    ) -> AnalysisStats:
        """The statistics of a pass whose tables came whole from an earlier identical one:
        its documents, words and rows, nothing parsed or analysed."""
        return cls(
            documents=earlier["documents"],
            words=earlier["words"],
            results_cached=earlier["documents"],
            jobs=jobs,
            scheduler=scheduler,
            model=earlier["model"],
            steps=earlier["steps"],
            rows=earlier["rows"],
            pass_reused=True,
        )


def _step_keys(steps: Sequence[Step]) -> dict[str, str]:
    """Each step's cache key, folded with the keys of the steps it reads and the library's
    own files (:func:`newslens.resources.library_digest`: new code, new rows)."""
    from newslens.resources import library_digest

    keys: dict[str, str] = {}
    for step in steps:
        parts = [step.cache_key(), library_digest()] + [keys[name] for name in step.requires]
        keys[step.name] = hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]
    return keys


def _model_slug(model_meta: Mapping[str, Any]) -> str:
    from newslens.segmentation import SEGMENTATION_VERSION

    return f"{model_meta['name']}-{model_meta['version']}-{SEGMENTATION_VERSION}"


@dataclass
class _Pass:
    """The fixed parts of one pass: the steps and their keys, the caches, the tables being
    written, the statistics being counted, and where batches run."""

    steps: list[Step]
    keys: dict[str, str]
    slug: str
    results: ResultCache
    writers: dict[str, TableWriter]
    stats: AnalysisStats
    model: str | None
    scheduler: str | None
    cache_root: Path | None


@dataclass
class _Batch:
    """A batch in flight: its documents, their cache keys and cached rows, the steps each
    still needs, and the worker's future (None when everything came from the cache)."""

    documents: list[Document]
    doc_keys: list[str]
    cached: list[dict[str, bytes]]
    todo: list[list[str]]
    future: Future | None = None


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _quietly(documents: Iterable[Document]) -> Iterator[Document]:
    """The documents, without the corpus's warnings about skipped duplicates: the plan has
    listed every skipped input already (terminal, manifest, index page)."""
    import warnings

    from newslens.corpus import CorpusWarning

    iterator = iter(documents)
    while True:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", CorpusWarning)
            document = next(iterator, None)
        if document is None:
            return
        yield document


def _progress(total: int | None, enabled: bool | None) -> tqdm:
    from tqdm import tqdm

    return tqdm(
        total=total,
        unit="doc",
        desc="analyse",
        file=sys.stderr,
        disable=(None if enabled is None else not enabled),
        dynamic_ncols=True,
        smoothing=0.05,
    )


def _worker_count(jobs: int | None, total: int | None, batch_documents: int) -> int:
    """``jobs`` (default: every core), but no more worker processes than batches (one
    batch: this process)."""
    count = max(1, int(jobs or os.cpu_count() or 1))
    if total is not None:
        count = max(1, min(count, -(-total // batch_documents)))
    return count


def _open_writers(steps: Sequence[Step], tables_dir: Path, work_dir: Path, *, link: bool):
    """A writer per step (linked tables go to the work folder, Parquet only, to be
    rewritten by :func:`link_entities`), and one for the documents' texts."""
    writers = {
        step.name: TableWriter(
            work_dir if (link and step.name in LINKED_TABLES) else tables_dir,
            step.name,
            csv=not (link and step.name in LINKED_TABLES),
        )
        for step in steps
    }
    writers[TEXTS_TABLE] = TableWriter(tables_dir, TEXTS_TABLE, csv=False)
    return writers


def analyse(
    corpus: Corpus | Iterable[Document],
    out_dir: str | os.PathLike,
    *,
    steps: Sequence[Step] | None = None,
    model: str | None = None,
    jobs: int | None = None,
    scheduler: str | None = None,
    cache_dir: str | os.PathLike | Literal[False] | None = None,
    batch_documents: int = BATCH_DOCUMENTS,
    total: int | None = None,
    progress: bool | None = None,
    link: bool = True,
    log: Callable[[str], None] = lambda line: None,
) -> AnalysisStats:
    """Run every step over every document of ``corpus`` into ``<out_dir>/tables/``.

    ``jobs`` (default: every core) worker processes run the batches, or the workers of the
    ``dask.distributed`` scheduler at ``scheduler``; ``cache_dir`` (default
    :func:`newslens.nlp.default_cache_dir`, ``False`` for none) keeps parses and per-document
    results, and whole passes (a corpus or list of documents is read once more to key
    them); ``total`` is the number of documents, for the progress bar. Returns the pass's
    :class:`AnalysisStats` (also written to ``<out_dir>/analysis.json``).
    """
    from newslens.nlp import default_cache_dir, model_meta

    clock = time.perf_counter()
    steps = list(steps) if steps is not None else default_steps()
    keys = _step_keys(steps)
    meta = model_meta(model)
    root = None if cache_dir is False else Path(cache_dir or default_cache_dir())
    jobs = _worker_count(jobs, total, batch_documents)
    stats = AnalysisStats(jobs=jobs, scheduler=scheduler or "", model=meta, steps=keys)
    tables_dir = Path(out_dir) / "tables"
    tables_dir.mkdir(parents=True, exist_ok=True)
    passes = PassCache(root)
    key = _whole_pass_key(corpus, root, slug=_model_slug(meta), keys=keys, link=link)
    earlier = passes.restore(key, tables_dir) if key else None
    if earlier is not None:
        stats = AnalysisStats.of_reused_pass(earlier, jobs=jobs, scheduler=scheduler or "")
        return _finished(stats, clock, Path(out_dir))
    the_pass = _Pass(
        steps, keys, _model_slug(meta), _results(root), {}, stats, model, scheduler, root
    )
    bar = _progress(total, progress)
    _whole_pass(the_pass, corpus, Path(out_dir), batch_documents, bar, link=link, log=log)
    _finished(stats, clock, Path(out_dir))
    if key:
        passes.store(key, tables_dir, stats.as_dict())
    return stats


def _results(root: Path | None) -> ResultCache:
    from newslens.resources import library_digest

    path = None if root is None else root / "results.sqlite"
    return ResultCache(path, library=library_digest()[:16])


def _whole_pass_key(
    corpus: Corpus | Iterable[Document],
    root: Path | None,
    *,
    slug: str,
    keys: Mapping[str, str],
    link: bool,
) -> str:
    """The pass cache's key for ``corpus``, or ``""`` when there is no cache or the
    documents cannot be read twice (an iterator)."""
    if root is None or not isinstance(corpus, (Corpus, list, tuple)):
        return ""
    return pass_key(_quietly(corpus), slug=slug, step_keys=keys, link=link)


def _whole_pass(
    the_pass: _Pass,
    corpus: Iterable[Document],
    out_dir: Path,
    batch_documents: int,
    bar: tqdm,
    *,
    link: bool,
    log: Callable[[str], None],
) -> None:
    """Every batch of ``corpus`` through the steps into ``<out_dir>/tables``, then the
    corpus-level entity linking (from ``<out_dir>/work``, removed afterwards)."""
    tables_dir, work_dir = out_dir / "tables", out_dir / "work"
    work_dir.mkdir(parents=True, exist_ok=True)
    the_pass.writers.update(_open_writers(the_pass.steps, tables_dir, work_dir, link=link))
    _run_batches(the_pass, _quietly(corpus), batch_documents, the_pass.stats.jobs, bar)
    for name, writer in the_pass.writers.items():
        if name != TEXTS_TABLE:
            the_pass.stats.rows[name] = writer.rows
    if link:
        log("linking entities across the corpus ...")
        mentions = next((s for s in the_pass.steps if s.name == "mentions"), None)
        alias_file = getattr(mentions, "alias_file", "")
        the_pass.stats.rows.update(link_corpus(work_dir, tables_dir, alias_file=alias_file))
    shutil.rmtree(work_dir, ignore_errors=True)


def _finished(stats: AnalysisStats, clock: float, out_dir: Path) -> AnalysisStats:
    """Time the pass and write its statistics to ``<out_dir>/analysis.json``."""
    stats.seconds = round(time.perf_counter() - clock, 2)
    write_json(stats.as_dict(), out_dir / "analysis.json")
    return stats


def _run_batches(
    the_pass: _Pass, documents: Iterable[Document], size: int, jobs: int, bar: tqdm
) -> None:
    """Submit the batches, at most ``2 * jobs + 1`` in flight, and collect them in corpus
    order; on any exception (Ctrl-C included) keep what finished batches computed, cancel
    the rest, and close every file."""
    pool: Executor | None = None
    pending: deque[_Batch] = deque()
    try:
        window = 2 * jobs + 1
        for documents_of_batch in _batches(documents, size):
            batch = _look_up(the_pass, documents_of_batch)
            if any(batch.todo):
                if pool is None:
                    pool = executor(jobs, the_pass.scheduler, the_pass.model)
                batch.future = _submit(the_pass, pool, batch)
            pending.append(batch)
            while len(pending) > window or (pending and pending[0].future is None):
                _collect(the_pass, pending.popleft(), bar)
        while pending:
            _collect(the_pass, pending.popleft(), bar)
    except BaseException:
        _cache_finished(the_pass, pending)  # an interrupted pass resumes from here
        if pool is not None:
            pool.shutdown(cancel=True)
        pool = None
        raise
    finally:
        bar.close()
        for writer in the_pass.writers.values():
            writer.close()
        the_pass.results.close()
        if pool is not None:
            pool.shutdown()


def _look_up(the_pass: _Pass, documents: list[Document]) -> _Batch:
    """A batch with each document's cached rows and the steps it still needs."""
    doc_keys = [document_key(the_pass.slug, d) for d in documents]
    cached = [the_pass.results.get_many(k, the_pass.keys.values()) for k in doc_keys]
    todo = [[s.name for s in the_pass.steps if the_pass.keys[s.name] not in c] for c in cached]
    return _Batch(documents=documents, doc_keys=doc_keys, cached=cached, todo=todo)


def _submit(the_pass: _Pass, pool: Executor, batch: _Batch) -> Future:
    """Send the documents of ``batch`` that need a step to a worker."""
    work = [(d, t) for d, t in zip(batch.documents, batch.todo, strict=True) if t]
    root = the_pass.cache_root
    return pool.submit(
        analyse_batch,
        [d for d, _ in work],
        [t for _, t in work],
        the_pass.steps,
        the_pass.keys,
        model=the_pass.model,
        cache_dir=None if root is None else str(root),
    )


def _fresh_rows(batch: _Batch, produced: list[dict], keys: Mapping[str, str]):
    """``(document key, step key, rows)`` of what a worker computed for a batch."""
    fresh: list[tuple[str, str, bytes]] = []
    computed = iter(produced)
    for doc_key, wanted in zip(batch.doc_keys, batch.todo, strict=True):
        if wanted:
            rows = next(computed)["rows"]
            fresh.extend((doc_key, keys[name], rows[name]) for name in wanted)
    return fresh


def _cache_finished(the_pass: _Pass, pending: Iterable[_Batch]) -> None:
    """Keep what finished batches computed when a pass stops early (Ctrl-C, an error)."""
    for batch in pending:
        future = batch.future
        if future is not None and future.done() and not future.cancelled():
            try:
                fresh = _fresh_rows(batch, future.result(), the_pass.keys)
                the_pass.results.put_many(fresh)
            except Exception:  # a failed batch has nothing to keep
                continue


def _collect(the_pass: _Pass, batch: _Batch, bar: tqdm) -> None:
    """Wait for one batch, cache what was computed, append its rows to the tables."""
    produced = batch.future.result() if batch.future is not None else [{}]
    fresh = _fresh_rows(batch, produced, the_pass.keys)
    the_pass.results.put_many(fresh)
    new_rows = {(doc_key, step_key): rows for doc_key, step_key, rows in fresh}
    for step in the_pass.steps:
        key = the_pass.keys[step.name]
        the_pass.writers[step.name].write(
            [
                table_from_bytes(hits.get(key) or new_rows[(doc_key, key)])
                for doc_key, hits in zip(batch.doc_keys, batch.cached, strict=True)
            ]
        )
    texts = {
        "doc_id": [d.doc_id for d in batch.documents],
        "text": [d.text for d in batch.documents],
    }
    the_pass.writers[TEXTS_TABLE].write([pa.table(texts)])
    _count(the_pass.stats, batch, produced[-1], bar)


def _count(stats: AnalysisStats, batch: _Batch, parse_counts: Mapping[str, int], bar: tqdm) -> None:
    """Add a collected batch to the statistics and the progress bar."""
    analysed = sum(1 for wanted in batch.todo if wanted)
    stats.analysed += analysed
    stats.results_cached += len(batch.documents) - analysed
    stats.parsed += parse_counts.get("parsed", 0)
    stats.parse_cached += parse_counts.get("parse_cached", 0)
    stats.documents += len(batch.documents)
    stats.words += sum(d.words for d in batch.documents)
    bar.update(len(batch.documents))
    elapsed = bar.format_dict.get("elapsed") or 0
    if elapsed:
        bar.set_postfix_str(f"{stats.words / elapsed:,.0f} words/s", refresh=False)


def analyse_documents(
    documents: Iterable[Document],
    steps: Sequence[Step],
    *,
    nlp: Language | None = None,
    model: str | None = None,
    cache_dir: str | os.PathLike | Literal[False] | None = False,
    stats: ParseStats | None = None,
) -> dict[str, pd.DataFrame]:
    """The same steps over a few documents, in this process and in memory: each step's
    table for all of them, in document order (for tests, benchmarks and quick looks; a
    corpus goes through :func:`analyse`)."""
    from newslens.nlp import parse

    frames: dict[str, list[pd.DataFrame]] = {step.name: [] for step in steps}
    pairs = parse(documents, nlp=nlp, model=model, cache_dir=cache_dir, progress=False, stats=stats)
    for document, doc in pairs:
        tables: dict[str, pd.DataFrame] = {}
        for step in steps:
            tables[step.name] = step(document, doc, tables)
            frames[step.name].append(tables[step.name])
    return {
        name: pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
        for name, parts in frames.items()
    }
