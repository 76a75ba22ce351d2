"""Where the analysis pass's batches run: this process, local worker processes, or the
workers of a ``dask.distributed`` cluster; and what a worker does with a batch.

:func:`analyse_batch` is the unit of work: it parses a batch of documents and runs the steps
each one still needs. Everything it needs is an argument and the model is loaded once per
process (:func:`newslens.nlp.load_model`), so the same function runs in every executor.
Workers return their rows as Arrow IPC bytes; only the coordinating process writes tables
and the result cache.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import accumulate
from typing import TYPE_CHECKING, Any, Protocol

import pandas as pd

from newslens.result_cache import as_arrow, table_to_bytes

if TYPE_CHECKING:
    from newslens.corpus import Document
    from newslens.steps import Step

__all__ = [
    "Executor",
    "Future",
    "analyse_batch",
    "as_ipc",
    "children_ignore_interrupts",
    "executor",
]

_WORKER_STEPS: dict[str, Step] = {}


class Future(Protocol):
    """What the pass needs of a submitted batch (``concurrent.futures`` and Dask both fit)."""

    def result(self) -> Any: ...

    def done(self) -> bool: ...

    def cancelled(self) -> bool: ...


class Executor(Protocol):
    """Runs :func:`analyse_batch` somewhere and hands back a :class:`Future`."""

    def submit(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Future: ...

    def shutdown(self, cancel: bool = False) -> None: ...


def _resident(step: Step, key: str) -> Step:
    """The worker's own copy of a step, so what it compiles is built once per process."""
    if key not in _WORKER_STEPS:
        _WORKER_STEPS[key] = step
    return _WORKER_STEPS[key]


def analyse_batch(
    documents: Sequence[Document],
    todo: Sequence[Sequence[str]],
    steps: Sequence[Step],
    keys: Mapping[str, str],
    *,
    model: str | None,
    cache_dir: str | None,
) -> list[dict]:
    """Parse ``documents`` and run, on each, the steps named in its ``todo`` entry (plus the
    ones those read). Returns one ``{"rows": {step: Arrow IPC bytes}}`` per document, then
    ``{"parsed": n, "parse_cached": n}``. Runs in worker processes and on Dask workers:
    everything it needs is an argument, and the model is loaded once per process."""
    from newslens.nlp import ParseStats, load_model, parse

    nlp = load_model(model)
    by_name = {step.name: _resident(step, keys[step.name]) for step in steps}
    stats = ParseStats()
    pairs = parse(
        documents,
        nlp=nlp,
        cache_dir=cache_dir if cache_dir is not None else False,
        progress=False,
        stats=stats,
    )
    produced: list[dict[str, pd.DataFrame]] = []
    for (document, doc), wanted in zip(pairs, todo, strict=True):
        tables: dict[str, pd.DataFrame] = {}
        for step in by_name.values():
            needed = step.name in wanted or any(
                step.name in by_name[w].requires for w in wanted if w in by_name
            )
            if needed:
                tables[step.name] = step(document, doc, tables)
        produced.append({name: tables[name] for name in wanted})
    results: list[dict] = [{"rows": rows} for rows in as_ipc(produced)]
    results.append({"parsed": stats.parsed, "parse_cached": stats.cached})
    return results


def as_ipc(produced: list[dict[str, pd.DataFrame]]) -> list[dict[str, bytes]]:
    """Each document's tables as Arrow IPC bytes. Converting a DataFrame costs about a
    millisecond however few its rows, so the frames of one step that share their columns
    and dtypes are converted together, once per batch, and cut back into documents."""
    converted: list[dict[str, bytes]] = [{} for _ in produced]
    for name in dict.fromkeys(name for tables in produced for name in tables):
        holders = [i for i, tables in enumerate(produced) if name in tables]
        frames = [produced[i][name] for i in holders]
        if len({tuple(zip(f.columns, map(str, f.dtypes), strict=True)) for f in frames}) == 1:
            whole = as_arrow(pd.concat(frames, ignore_index=True))
            starts = list(accumulate((len(f) for f in frames), initial=0))
            parts = [whole.slice(start, len(f)) for start, f in zip(starts, frames, strict=False)]
        else:  # the frames differ (an empty one without columns): one at a time
            parts = [as_arrow(f) for f in frames]
        for i, part in zip(holders, parts, strict=True):
            converted[i][name] = table_to_bytes(part)
    return converted


class _Done:
    """The result of a batch run in this process, shaped like a future."""

    def __init__(self, value: Any):
        self._value = value

    def result(self) -> Any:
        return self._value

    def done(self) -> bool:
        return True

    def cancelled(self) -> bool:
        return False


class _InProcess:
    """Runs batches in this process, one at a time (``jobs=1``, or nothing much to do)."""

    def submit(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Future:
        return _Done(function(*args, **kwargs))

    def shutdown(self, cancel: bool = False) -> None:
        pass


def _exit_with_parent(parent: int) -> None:
    """A worker whose coordinator was killed stops instead of parsing on for nobody."""
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="newslens-parent-watch").start()


@contextlib.contextmanager
def children_ignore_interrupts() -> Iterator[None]:
    """Processes started in this block begin with SIGINT ignored: a disposition kept across
    ``exec``, which Python then leaves alone. So a Ctrl-C while a worker is still importing
    prints no traceback from it; the coordinator alone handles it and stops its children.
    A Ctrl-C during the block itself (the few milliseconds of starting a process) is
    ignored as well. Outside the main thread, where handlers cannot be set, it does nothing."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _load_model_in_worker(model: str | None, coordinator: int) -> None:
    import signal
    import warnings

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the coordinator's to handle
    # The coordinator's pid comes from the coordinator: one killed before this worker got
    # here would otherwise be replaced by init as the parent, and the worker never stop.
    _exit_with_parent(coordinator)
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
            initargs=(model, os.getpid()),
        )
        # The pool starts a process per submitted task until it has ``jobs``: start them
        # all now, with interrupts left to this process.
        with children_ignore_interrupts():
            for _ in range(jobs):
                self._pool.submit(os.getpid)

    def submit(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Future:
        return self._pool.submit(function, *args, **kwargs)

    def shutdown(self, cancel: bool = False) -> None:
        if cancel:
            # Stop the batches being parsed now: otherwise the interpreter waits for them at
            # exit (a minute of parsing for nobody). The pool's own process table: Python
            # 3.14 has terminate_workers() for this.
            for process in list((getattr(self._pool, "_processes", None) or {}).values()):
                process.terminate()
        self._pool.shutdown(wait=not cancel, cancel_futures=cancel)


class _DaskPool:
    """The workers of a ``dask.distributed`` scheduler; each loads the model once (the
    model is kept per worker process by :func:`newslens.nlp.load_model`)."""

    def __init__(self, address: str):
        from distributed import Client

        self._client = Client(address, set_as_default=False)

    def submit(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Future:
        return self._client.submit(function, *args, pure=False, **kwargs)

    def shutdown(self, cancel: bool = False) -> None:
        self._client.close()


def executor(jobs: int, scheduler: str | None, model: str | None) -> Executor:
    """The Dask cluster at ``scheduler``, else ``jobs`` local processes, else this one."""
    if scheduler:
        return _DaskPool(scheduler)
    if jobs > 1:
        return _LocalPool(jobs, model)
    return _InProcess()
