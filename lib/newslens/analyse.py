"""The analysis pass: every document read once, parsed once, every step run on it.

:func:`analyse` is what ``python -m newslens analyse`` and the first stage of
``python -m newslens run`` call. For each document of a corpus, in corpus order, it

1. looks up each step's rows in the per-document result cache (:mod:`newslens.result_cache`);
   a document whose steps are all cached is neither parsed nor analysed;
2. otherwise parses it (from the parse cache when the text was parsed before) and runs the
   missing steps (:mod:`newslens.steps`) in a worker: local processes (``jobs``, every core by
   default) or the workers of a ``dask.distributed`` cluster (``scheduler``), each loading the
   model once;
3. writes the rows of each step to ``<out>/tables/<step>.parquet`` one row group per batch
   of documents (and ``.csv`` beside it), so no whole-corpus table is ever held in memory;
4. resolves entities once for the whole corpus (:func:`newslens.entities.link_across_documents`)
   and writes ``mentions`` and ``quotes`` with those canonical names, which every notebook then
   reads.

Batches are cut by document count in corpus order, independent of how many processes run
them, and results are written in that order: the tables are byte-identical whatever ``jobs``
is, and whether they came from the cache or a cluster.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from newslens.corpus import Corpus, Document
from newslens.result_cache import ResultCache, table_from_bytes, table_to_bytes
from newslens.steps import Step, default_steps

__all__ = [
    "AnalysisStats",
    "analyse",
    "analyse_documents",
    "analyse_batch",
    "BATCH_DOCUMENTS",
    "LINKED_TABLES",
]

BATCH_DOCUMENTS = 16  # documents per batch: the unit of work, of caching and of row groups
LINKED_TABLES = ("mentions", "quotes")  # tables rewritten with the corpus-level entity names
TEXTS_TABLE = "texts"  # doc_id, text: what reports highlight and concordances show (Parquet only)
CSV_FLOAT_FORMAT = "%.4f"


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

    def as_dict(self) -> dict:
        return asdict(self)


# --- keys ---------------------------------------------------------------------------------


def _step_keys(steps: Sequence[Step]) -> dict[str, str]:
    """Each step's cache key, folded with the keys of the steps it reads."""
    keys: dict[str, str] = {}
    for step in steps:
        parts = [step.cache_key()] + [keys[name] for name in step.requires]
        keys[step.name] = hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]
    return keys


def _model_slug(model_meta: dict) -> str:
    from newslens.segmentation import SEGMENTATION_VERSION

    return f"{model_meta['name']}-{model_meta['version']}-{SEGMENTATION_VERSION}"


# --- the worker side ------------------------------------------------------------------------

_WORKER_STEPS: dict[str, Step] = {}


def _resident(step: Step, key: str) -> Step:
    """The worker's own copy of a step, so what it compiles is built once per process."""
    if key not in _WORKER_STEPS:
        _WORKER_STEPS[key] = step
    return _WORKER_STEPS[key]


def _as_arrow(frame: pd.DataFrame) -> pa.Table:
    return pa.Table.from_pandas(frame.reset_index(drop=True), preserve_index=False)


def analyse_batch(
    documents: Sequence[Document],
    todo: Sequence[Sequence[str]],
    steps: Sequence[Step],
    keys: dict[str, str],
    *,
    model: str | None,
    cache_dir: str | None,
) -> list[dict]:
    """Parse ``documents`` and run, on each, the steps named in its ``todo`` entry (plus the
    ones those read). Returns one ``{"rows": {step: Arrow IPC bytes}, "parsed": bool}`` per
    document. Runs in worker processes and on Dask workers: everything it needs is an
    argument, and the model is loaded once per process."""
    from newslens.nlp import ParseStats, load_model, parse

    nlp = load_model(model)
    by_name = {step.name: _resident(step, keys[step.name]) for step in steps}
    stats = ParseStats()
    results = []
    pairs = parse(
        documents,
        nlp=nlp,
        cache_dir=cache_dir if cache_dir is not None else False,
        progress=False,
        stats=stats,
    )
    for (document, doc), wanted in zip(pairs, todo, strict=True):
        tables: dict[str, pd.DataFrame] = {}
        for step in by_name.values():
            needed = step.name in wanted or any(
                step.name in by_name[w].requires for w in wanted if w in by_name
            )
            if needed:
                tables[step.name] = step(document, doc, tables)
        results.append({"rows": {name: table_to_bytes(_as_arrow(tables[name])) for name in wanted}})
    results.append({"parsed": stats.parsed, "parse_cached": stats.cached})
    return results


# --- executors ----------------------------------------------------------------------------


class _InProcess:
    """Runs batches in this process, one at a time (``jobs=1``, or nothing much to do)."""

    def submit(self, function, *args, **kwargs):
        return _Done(function(*args, **kwargs))

    def shutdown(self, cancel: bool = False) -> None:
        pass


class _Done:
    def __init__(self, value):
        self._value = value

    def result(self):
        return self._value

    def done(self):
        return True

    def cancelled(self):
        return False


def _exit_with_parent(parent: int) -> None:
    """A worker whose coordinator was killed stops instead of parsing on for nobody."""
    import threading

    def watch():
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="newslens-parent-watch").start()


def _load_model_in_worker(model: str | None) -> None:
    import signal
    import warnings

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the coordinator's to handle
    _exit_with_parent(os.getppid())
    warnings.filterwarnings("ignore")
    from newslens.nlp import load_model

    load_model(model)


class _LocalPool:
    """A pool of ``jobs`` worker processes, each loading the model once."""

    def __init__(self, jobs: int, model: str | None):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self._pool = ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_load_model_in_worker,
            initargs=(model,),
        )

    def submit(self, function, *args, **kwargs):
        return self._pool.submit(function, *args, **kwargs)

    def shutdown(self, cancel: bool = False) -> None:
        self._pool.shutdown(wait=not cancel, cancel_futures=cancel)


class _DaskPool:
    """The workers of a ``dask.distributed`` scheduler; each loads the model once (the
    model is kept per worker process by :func:`newslens.nlp.load_model`)."""

    def __init__(self, address: str):
        from distributed import Client

        self._client = Client(address, set_as_default=False)

    def submit(self, function, *args, **kwargs):
        return self._client.submit(function, *args, pure=False, **kwargs)

    def shutdown(self, cancel: bool = False) -> None:
        self._client.close()


# --- table writing ---------------------------------------------------------------------------


def _normal_schema(schema: pa.Schema) -> pa.Schema:
    """Columns that were all-null in the first batch are text, not Arrow's null type; the
    pandas index metadata is dropped so files do not depend on how frames were built."""
    fields = [pa.field(f.name, pa.string()) if pa.types.is_null(f.type) else f for f in schema]
    return pa.schema(fields)


class _TableWriter:
    """One table of the pass: Parquet row groups and CSV lines appended batch by batch."""

    def __init__(self, directory: Path, name: str, *, csv: bool):
        self.name = name
        self.parquet_path = directory / f"{name}.parquet"
        self.csv_path = directory / f"{name}.csv" if csv else None
        self.rows = 0
        self._schema: pa.Schema | None = None
        self._parquet: pq.ParquetWriter | None = None
        self._csv = None
        self._empty_columns: list[str] = []

    def write(self, tables: list[pa.Table]) -> None:
        tables = [t for t in tables if t.num_columns]
        nonempty = [t for t in tables if t.num_rows]
        if not nonempty:
            if tables and not self._empty_columns:
                self._empty_columns = tables[0].column_names
            return
        if self._schema is None:
            self._schema = _normal_schema(nonempty[0].schema)
            self._parquet = pq.ParquetWriter(self.parquet_path, self._schema)
        batch = pa.concat_tables(
            [t.select(self._schema.names).cast(self._schema) for t in nonempty]
        )
        self._parquet.write_table(batch)
        if self.csv_path is not None:
            self._write_csv(batch.to_pandas())
        self.rows += batch.num_rows

    def _write_csv(self, frame: pd.DataFrame) -> None:
        first = self._csv is None
        if first:
            self._csv = open(self.csv_path, "w", encoding="utf-8", newline="")
        frame.to_csv(
            self._csv,
            index=False,
            header=first,
            lineterminator="\n",
            float_format=CSV_FLOAT_FORMAT,
        )

    def close(self) -> None:
        if self._parquet is None:
            columns = self._empty_columns or ["doc_id"]
            empty = pa.table({c: pa.array([], pa.string()) for c in columns})
            pq.write_table(empty, self.parquet_path)
            if self.csv_path is not None:
                self.csv_path.write_text(",".join(columns) + "\n", encoding="utf-8")
        else:
            self._parquet.close()
        if self._csv is not None:
            self._csv.close()


# --- the pass ---------------------------------------------------------------------------------


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


def _progress(total: int | None, enabled: bool | None):
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


def _executor(jobs: int, scheduler: str | None, model: str | None):
    if scheduler:
        return _DaskPool(scheduler)
    if jobs > 1:
        return _LocalPool(jobs, model)
    return _InProcess()


def analyse(
    corpus: Corpus | Iterable[Document],
    out_dir: str | os.PathLike,
    *,
    steps: Sequence[Step] | None = None,
    model: str | None = None,
    jobs: int | None = None,
    scheduler: str | None = None,
    cache_dir: str | os.PathLike | None | bool = None,
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
    results; ``total`` is the number of documents, for the progress bar. Returns the pass's
    :class:`AnalysisStats` (also written to ``<out_dir>/analysis.json``).
    """
    from newslens.nlp import default_cache_dir, model_meta

    clock = time.perf_counter()
    steps = list(steps) if steps is not None else default_steps()
    keys = _step_keys(steps)
    meta = model_meta(model)
    slug = _model_slug(meta)
    root = None if cache_dir is False else Path(cache_dir or default_cache_dir())
    results = ResultCache(None if root is None else root / "results.sqlite")
    jobs = max(1, int(jobs or os.cpu_count() or 1))
    if total is not None:  # no more worker processes than batches (one batch: this process)
        jobs = max(1, min(jobs, -(-total // batch_documents)))
    stats = AnalysisStats(jobs=jobs, scheduler=scheduler or "", model=meta, steps=keys)

    tables_dir = Path(out_dir) / "tables"
    work_dir = Path(out_dir) / "work"
    tables_dir.mkdir(parents=True, exist_ok=True)
    work_dir.mkdir(parents=True, exist_ok=True)
    writers = {
        step.name: _TableWriter(
            work_dir if (link and step.name in LINKED_TABLES) else tables_dir,
            step.name,
            csv=not (link and step.name in LINKED_TABLES),
        )
        for step in steps
    }
    writers[TEXTS_TABLE] = _TableWriter(tables_dir, TEXTS_TABLE, csv=False)
    executor = None
    bar = _progress(total, progress)
    pending: deque = deque()
    try:
        window = 2 * jobs + 1
        for batch in _batches(_quietly(corpus), batch_documents):
            doc_keys = [f"{slug}:{d.sha256}" for d in batch]
            cached = [results.get_many(k, keys.values()) for k in doc_keys]
            todo = [[s.name for s in steps if keys[s.name] not in c] for c in cached]
            future = None
            if any(todo):
                if executor is None:
                    executor = _executor(jobs, scheduler, model)
                work = [(d, t) for d, t in zip(batch, todo, strict=True) if t]
                future = executor.submit(
                    analyse_batch,
                    [d for d, _ in work],
                    [t for _, t in work],
                    steps,
                    keys,
                    model=model,
                    cache_dir=None if root is None else str(root),
                )
            pending.append((batch, doc_keys, cached, todo, future))
            while len(pending) > window or (pending and pending[0][4] is None):
                _collect(pending.popleft(), steps, keys, results, writers, stats, bar)
        while pending:
            _collect(pending.popleft(), steps, keys, results, writers, stats, bar)
    except BaseException:
        _cache_finished(pending, keys, results)  # an interrupted pass resumes from here
        if executor is not None:
            executor.shutdown(cancel=True)
        executor = None
        raise
    finally:
        bar.close()
        for writer in writers.values():
            writer.close()
        results.close()
        if executor is not None:
            executor.shutdown()
    for name, writer in writers.items():
        if name != TEXTS_TABLE:
            stats.rows[name] = writer.rows
    if link:
        log("linking entities across the corpus ...")
        alias_file = next((getattr(s, "alias_file", "") for s in steps if s.name == "mentions"), "")
        stats.rows.update(link_entities(work_dir, tables_dir, alias_file=alias_file))
    shutil.rmtree(work_dir, ignore_errors=True)
    stats.seconds = round(time.perf_counter() - clock, 2)
    from newslens.io import write_json

    write_json(stats.as_dict(), Path(out_dir) / "analysis.json")
    return stats


def _fresh_rows(batch, doc_keys, todo, produced, keys) -> list[tuple[str, str, bytes]]:
    """``(document key, step key, rows)`` of what a worker computed for a batch."""
    fresh = []
    computed = iter(produced)
    for doc_key, wanted in zip(doc_keys, todo, strict=True):
        if wanted:
            rows = next(computed)["rows"]
            fresh.extend((doc_key, keys[name], rows[name]) for name in wanted)
    return fresh


def _cache_finished(pending: deque, keys, results: ResultCache) -> None:
    """Keep what finished batches computed when a pass stops early (Ctrl-C, an error)."""
    for batch, doc_keys, _, todo, future in pending:
        done = getattr(future, "done", lambda: True)
        if future is not None and done() and not future.cancelled():
            try:
                results.put_many(_fresh_rows(batch, doc_keys, todo, future.result(), keys))
            except Exception:  # a failed batch has nothing to keep
                continue


def _collect(item, steps, keys, results, writers, stats, bar) -> None:
    """Wait for one batch, cache what was computed, append its rows to the tables."""
    batch, doc_keys, cached, todo, future = item
    produced = future.result() if future is not None else [{}]
    fresh = _fresh_rows(batch, doc_keys, todo, produced, keys)
    results.put_many(fresh)
    new_rows = {(doc_key, step_key): rows for doc_key, step_key, rows in fresh}
    for step in steps:
        key = keys[step.name]
        writers[step.name].write(
            [
                table_from_bytes(hits.get(key) or new_rows[(doc_key, key)])
                for doc_key, hits in zip(doc_keys, cached, strict=True)
            ]
        )
    texts = {"doc_id": [d.doc_id for d in batch], "text": [d.text for d in batch]}
    writers[TEXTS_TABLE].write([pa.table(texts)])
    analysed = sum(1 for wanted in todo if wanted)
    stats.analysed += analysed
    stats.results_cached += len(batch) - analysed
    stats.parsed += produced[-1].get("parsed", 0)
    stats.parse_cached += produced[-1].get("parse_cached", 0)
    stats.documents += len(batch)
    stats.words += sum(d.words for d in batch)
    bar.update(len(batch))
    elapsed = bar.format_dict.get("elapsed") or 0
    if elapsed:
        bar.set_postfix_str(f"{stats.words / elapsed:,.0f} words/s", refresh=False)


def analyse_documents(
    documents: Iterable[Document],
    steps: Sequence[Step],
    *,
    nlp=None,
    model: str | None = None,
    cache_dir: str | os.PathLike | None | bool = False,
    stats=None,
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


# --- corpus-level entity resolution ---------------------------------------------------------


def link_entities(work_dir: Path, tables_dir: Path, *, alias_file: str = "") -> dict[str, int]:
    """Resolve entities across the corpus once, from the per-document mentions, and write
    ``mentions`` and ``quotes`` (speakers) with the same canonical names."""
    from newslens.entities import link_across_documents, load_aliases

    mentions = pd.read_parquet(work_dir / "mentions.parquet")
    if len(mentions):
        aliases = load_aliases(alias_file or None)
        linked = link_across_documents(mentions, aliases=aliases)
    else:
        linked = mentions
    _write_whole(linked, tables_dir, "mentions")
    quotes = pd.read_parquet(work_dir / "quotes.parquet")
    if len(quotes) and len(mentions) and "speaker_entity" in quotes:
        quotes = _rename_speakers(quotes, mentions, linked)
    _write_whole(quotes, tables_dir, "quotes")
    return {"mentions": len(linked), "quotes": len(quotes)}


def _rename_speakers(quotes: pd.DataFrame, before: pd.DataFrame, after: pd.DataFrame):
    """Give each quote's ``speaker_entity`` the corpus-level name its document's entity got
    (``after`` keeps ``before``'s index labels; a name whose every mention the corpus step
    dropped leaves the speaker unresolved: its words stay in ``speaker``)."""
    linked = after["entity"].reindex(before.index)
    mapping = (
        pd.DataFrame(
            {"doc_id": before["doc_id"], "speaker_entity": before["entity"], "linked": linked}
        )
        .sort_values("linked", na_position="last", kind="stable")
        .drop_duplicates(["doc_id", "speaker_entity"])
    )
    merged = quotes.merge(mapping, on=["doc_id", "speaker_entity"], how="left", sort=False)
    named = merged["speaker_entity"].fillna("") != ""
    merged.loc[named, "speaker_entity"] = merged.loc[named, "linked"].fillna("")
    return merged.drop(columns=["linked"])


def _write_whole(frame: pd.DataFrame, directory: Path, name: str) -> None:
    table = _as_arrow(frame)
    pq.write_table(
        table.replace_schema_metadata(None).cast(_normal_schema(table.schema)),
        directory / f"{name}.parquet",
    )
    frame.to_csv(
        directory / f"{name}.csv",
        index=False,
        lineterminator="\n",
        float_format=CSV_FLOAT_FORMAT,
        encoding="utf-8",
    )
