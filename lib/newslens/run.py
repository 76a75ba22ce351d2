"""Run newslens over a corpus and collect a shareable, reproducible run folder.

:func:`run` is what ``python -m newslens run`` and ``make run`` call; :func:`analyse_only`
is ``python -m newslens analyse``. A run

1. plans: reads the whole corpus once to validate it and checks every ``-p`` parameter
   against the type its notebook (or the analysis) declares, so a bad input or a bad value
   stops everything before any file is written (:mod:`newslens.plan`);
2. analyses: one pass over the corpus writes every per-document table
   (:func:`newslens.analyse.analyse`), on every core;
3. executes the notebooks with papermill in the run folder, in parallel; they only read
   tables (:mod:`newslens.execute`);
4. renders each executed notebook to a self-contained HTML report and writes
   ``manifest.json`` and ``index.html`` (:mod:`newslens.report`).

The run is built in ``<out>/.<run-id>.partial`` and renamed to ``<out>/<run-id>`` when every
notebook succeeded; when one fails the others still run and the run is kept as
``<out>/<run-id>-FAILED``. An interrupted run leaves no folder behind; its analysed
documents stay in the cache, so the same command continues where it stopped.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newslens.corpus import Corpus, OnError
from newslens.execute import NotebookResult, execute_notebooks
from newslens.plan import (
    ANALYSIS_PARAMETERS,
    NOTEBOOK_PATH_PARAMETERS,
    Plan,
    RunError,
    parse_parameter,
    plan,
)

__all__ = [
    "ANALYSIS_PARAMETERS",
    "NOTEBOOK_PATH_PARAMETERS",
    "NotebookResult",
    "Plan",
    "RunError",
    "RunResult",
    "analyse_only",
    "parse_parameter",
    "plan",
    "run",
]

STAGING_OWNER = "newslens-pid"  # the process building a staging folder, to spot dead ones


@dataclass
class RunResult:
    """A finished run: where it is, whether every notebook succeeded, and what each did."""

    run_id: str
    path: Path
    ok: bool
    notebooks: list[NotebookResult] = field(default_factory=list)

    @property
    def index(self) -> Path:
        return self.path / "index.html"

    @property
    def failures(self) -> list[NotebookResult]:
        return [n for n in self.notebooks if n.status != "ok"]


# --- the run folder ---------------------------------------------------------------------------


def _run_id(corpus: Corpus, started: dt.datetime) -> str:
    digest = hashlib.sha256(corpus.spec.encode("utf-8")).hexdigest()[:6]
    return f"{started:%Y%m%d-%H%M%S}-{digest}"


def _remove_abandoned_staging(out: Path) -> None:
    """Remove staging folders whose process is gone (it was killed before it could clean
    up): what they analysed is in the cache, so nothing is lost."""
    for folder in out.glob(".*.partial"):
        owner = folder / STAGING_OWNER
        try:
            pid = int(owner.read_text(encoding="utf-8"))
            os.kill(pid, 0)
        except (OSError, ValueError):
            shutil.rmtree(folder, ignore_errors=True)


def _staging(out: Path, corpus: Corpus, started: dt.datetime) -> tuple[str, Path]:
    """A fresh run id and its staging folder ``<out>/.<run-id>.partial``, owned by this
    process."""
    out.mkdir(parents=True, exist_ok=True)
    _remove_abandoned_staging(out)
    base = _run_id(corpus, started)
    run_id, suffix = base, 1
    while any((out / name).exists() for name in (run_id, f"{run_id}-FAILED", f".{run_id}.partial")):
        suffix += 1
        run_id = f"{base}-{suffix}"
    staging = out / f".{run_id}.partial"
    staging.mkdir(parents=True)
    (staging / STAGING_OWNER).write_text(str(os.getpid()), encoding="utf-8")
    return run_id, staging


# --- the stages -------------------------------------------------------------------------------


def _analyse(the_plan: Plan, staging: Path, *, log: Callable[[str], None]) -> dict[str, Any]:
    from newslens.analyse import analyse

    log(
        f"analyse: {the_plan.documents:,} documents on {the_plan.scheduler or f'{the_plan.jobs} process(es)'}"
    )
    stats = analyse(
        the_plan.corpus,
        staging,
        steps=the_plan.steps,
        model=the_plan.model,
        jobs=the_plan.jobs,
        scheduler=the_plan.scheduler,
        total=the_plan.documents,
        log=log,
    )
    log(
        f"  analysed {stats.analysed:,}, from the cache {stats.results_cached:,}"
        f" (parsed {stats.parsed:,}) in {stats.seconds:.1f} s"
        + (": the tables of an identical earlier pass" if stats.pass_reused else "")
    )
    return stats.as_dict()


def _build(
    the_plan: Plan,
    staging: Path,
    *,
    run_id: str,
    started: dt.datetime,
    clock: float,
    show_code: bool,
    kernel_name: str | None,
    log: Callable[[str], None],
) -> list[NotebookResult]:
    """Fill the staging folder: the analysis, the notebooks, the reports, the manifest and
    the index page. Returns what each notebook did."""
    from newslens.report import corpus_name, finish_run, render_result

    analysis = _analyse(the_plan, staging, log=log)
    name = corpus_name(the_plan.corpus.spec)

    def render(result: NotebookResult) -> None:
        render_result(staging, result, corpus_name=name, show_code=show_code)

    results = (
        execute_notebooks(the_plan, staging, kernel_name=kernel_name, log=log, then=render)
        if the_plan.notebooks
        else []
    )
    finish_run(
        staging,
        run_id=run_id,
        plan=the_plan,
        analysis=analysis,
        notebooks=results,
        started=started,
        seconds=time.perf_counter() - clock,
        show_code=show_code,
    )
    return results


def run(
    *,
    corpus: str | os.PathLike = "seeds",
    out_dir: str | os.PathLike = "outputs",
    notebooks: str | None = "notebooks/*.ipynb",
    parameters: Sequence[str | Sequence[str]] | None = None,
    model: str | None = None,
    jobs: int | None = None,
    scheduler: str | None = None,
    on_error: OnError = "stop",
    show_code: bool = False,
    kernel_name: str | None = None,
    log: Callable[[str], None] = print,
) -> RunResult:
    """Analyse ``corpus`` and execute the notebooks over it into ``out_dir/<run-id>``.

    Raises :class:`~newslens.corpus.CorpusError` for a bad corpus and :class:`RunError` for
    bad arguments, before anything is written. Returns a :class:`RunResult`; ``ok`` is false
    when any notebook failed (the run is then kept as ``<run-id>-FAILED``). On any exception
    (Ctrl-C included) the staging folder is removed.
    """
    started = dt.datetime.now(dt.UTC).replace(microsecond=0)
    clock = time.perf_counter()
    the_plan = plan(
        corpus=corpus,
        notebooks=notebooks,
        parameters=parameters,
        model=model,
        jobs=jobs,
        scheduler=scheduler,
        on_error=on_error,
        log=log,
    )
    out = Path(out_dir).resolve()
    run_id, staging = _staging(out, the_plan.corpus, started)
    try:
        results = _build(
            the_plan,
            staging,
            run_id=run_id,
            started=started,
            clock=clock,
            show_code=show_code,
            kernel_name=kernel_name,
            log=log,
        )
        ok = all(r.status == "ok" for r in results)
        final = out / (run_id if ok else f"{run_id}-FAILED")
        (staging / STAGING_OWNER).unlink()
        staging.rename(final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return RunResult(run_id=run_id, path=final, ok=ok, notebooks=results)


def analyse_only(**options: Any) -> RunResult:
    """``python -m newslens analyse``: the analysis pass alone, into ``out_dir/<run-id>``
    (tables, ``analysis.json``, ``manifest.json``, ``index.html``); notebooks can open it
    later with their ``run_dir`` parameter."""
    return run(notebooks=None, **options)
