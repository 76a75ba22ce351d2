"""The notebooks stage of a run: every notebook executed with papermill in the run folder,
several at a time, each reading the run's tables (``run_dir="."``) and writing its own there.

A notebook that fails does not stop the others: its :class:`NotebookResult` names the cell
and the error, and the run is kept as ``<run-id>-FAILED``. Executed notebooks are written
once, by papermill, and never rewritten afterwards.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslens.plan import RUNNER_PARAMETERS

if TYPE_CHECKING:
    from newslens.plan import Plan

__all__ = ["NotebookResult", "execute_notebooks", "notebook_lanes"]

#: Parquet bytes of a run's tables that two notebook kernels may hold side by side. A kernel
#: reading whole-corpus tables peaks at about six times their Parquet size (2 GB for the
#: 330 MB of 40,000 articles), so above this the notebooks run fewer at a time and two
#: heavy kernels never add up: the run's peak memory stays near one kernel's.
NOTEBOOK_TABLE_BUDGET = 160 * 2**20


@dataclass
class NotebookResult:
    """What happened to one notebook of a run."""

    name: str
    status: str = "pending"  # ok | failed
    duration_s: float = 0.0
    notebook: str = ""
    html: str = ""
    error: dict | None = None

    def describe_failure(self) -> str:
        """``<name> failed at cell N: <error>`` (or ``at setup`` when no cell ran)."""
        if not self.error:
            return f"{self.name}: failed"
        where = f"cell {self.error.get('cell')}" if self.error.get("cell") is not None else "setup"
        return (
            f"{self.name} failed at {where}: {self.error.get('ename')}: {self.error.get('evalue')}"
        )


def _kernel_name(requested: str | None, notebook: Path) -> str:
    """The kernel to run a notebook with: the one asked for, else the notebook's own
    (``newslens``) when it is registered, else ``python3`` (this Python)."""
    if requested:
        return requested
    from jupyter_client.kernelspec import KernelSpecManager

    available = KernelSpecManager().find_kernel_specs()
    wanted = json.loads(notebook.read_text(encoding="utf-8")).get("metadata", {})
    name = wanted.get("kernelspec", {}).get("name")
    return name if name in available else "python3"


#: Kernels started for one notebook before its failure to start is reported. A kernel can
#: die before it answers because a port jupyter_client picked for it was taken by another
#: process in the instant before the kernel bound it ("Address already in use"); a new
#: kernel picks new ports.
KERNEL_START_ATTEMPTS = 3


def _kernel_did_not_start(error: Exception) -> bool:
    """Whether papermill failed because the kernel died before it answered (jupyter_client's
    "Kernel died before replying to kernel_info"), before any cell ran."""
    return isinstance(error, RuntimeError) and "before replying to kernel_info" in str(error)


def _execute_notebook(
    path: Path, staging: Path, values: dict[str, Any], *, kernel_name: str | None
) -> NotebookResult:
    """Execute one notebook, starting a new kernel when one dies before it answers."""
    result, error = _execute_once(path, staging, values, kernel_name=kernel_name)
    attempts = 1
    while error is not None and _kernel_did_not_start(error) and attempts < KERNEL_START_ATTEMPTS:
        result, error = _execute_once(path, staging, values, kernel_name=kernel_name)
        attempts += 1
    return result


def _execute_once(
    path: Path, staging: Path, values: dict[str, Any], *, kernel_name: str | None
) -> tuple[NotebookResult, Exception | None]:
    from newslens.jupyter_stack import skip_iri_grammars

    skip_iri_grammars()
    import papermill
    from papermill.exceptions import PapermillExecutionError

    result = NotebookResult(name=path.stem, notebook=f"notebooks/{path.name}")
    tick = time.perf_counter()
    failure: Exception | None = None
    try:
        papermill.execute_notebook(
            str(path),
            str(staging / result.notebook),
            parameters=values,
            kernel_name=_kernel_name(kernel_name, path),
            language="python",
            progress_bar=False,
            log_output=False,
            # The kernel starts in the run folder; papermill's own ``cwd`` would change this
            # process's folder, which notebooks running side by side cannot share.
            resources={"metadata": {"path": str(staging)}},
            extra_arguments=["--IPKernelApp.log_level=ERROR"],
            # Kill the kernel once the notebook is done (after the interrupt every shutdown
            # sends) rather than ask it to exit and wait up to 1 s: the kernel then has no
            # time to log the interrupt ("KeyboardInterrupt caught in kernel") to the terminal.
            shutdown_kernel="immediate",
        )
        result.status = "ok"
    except PapermillExecutionError as error:
        failure = error
        result.status = "failed"
        result.error = {
            "cell": error.cell_index,
            "execution_count": error.exec_count,
            "ename": error.ename,
            "evalue": str(error.evalue).splitlines()[0] if error.evalue else "",
        }
    except Exception as error:  # the kernel died, or the notebook could not start
        failure = error
        result.status = "failed"
        result.error = {"cell": None, "ename": type(error).__name__, "evalue": str(error)}
    result.duration_s = round(time.perf_counter() - tick, 2)
    return result, failure


def execute_notebooks(
    the_plan: Plan,
    staging: Path,
    *,
    kernel_name: str | None = None,
    log: Callable[[str], None] = print,
    then: Callable[[NotebookResult], None] | None = None,
) -> list[NotebookResult]:
    """Execute every notebook of the plan in the run folder, ``jobs`` at a time; each reads
    the run's tables (``run_dir="."``) and writes its own there. ``then`` is called on each
    result in the notebook's lane as soon as it is done (the runner renders its report)."""
    (staging / "notebooks").mkdir(exist_ok=True)
    os.environ.setdefault("PYTHONWARNINGS", "ignore")  # kernels: no terminal warnings in reports

    def one(path: Path) -> NotebookResult:
        accepted = the_plan.declared[path]
        values = {k: v for k, v in the_plan.notebook_values.items() if k in accepted}
        values.update({k: "." for k in RUNNER_PARAMETERS if k in accepted})
        result = _execute_notebook(path, staging, values, kernel_name=kernel_name)
        if then is not None:
            then(result)
        log(
            f"  {path.stem}: {result.status} in {result.duration_s:.1f} s"
            + ("" if result.status == "ok" else f" ({result.describe_failure()})")
        )
        return result

    workers = notebook_lanes(
        jobs=the_plan.jobs, notebooks=len(the_plan.notebooks), table_bytes=_table_bytes(staging)
    )
    log(f"notebooks: {len(the_plan.notebooks)} ({workers} at a time)")
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(one, the_plan.notebooks))


def notebook_lanes(*, jobs: int, notebooks: int, table_bytes: int) -> int:
    """How many notebooks run at a time: one per job, at most one per notebook, and no more
    than :data:`NOTEBOOK_TABLE_BUDGET` allows for tables of ``table_bytes`` (at least one)."""
    by_memory = NOTEBOOK_TABLE_BUDGET // max(table_bytes, 1)
    return max(1, min(jobs, notebooks, by_memory))


def _table_bytes(staging: Path) -> int:
    """The size of the Parquet tables the notebooks read (article texts excluded: only the
    explorer reads them, a few at a time)."""
    from newslens.analyse import TEXTS_TABLE

    tables = staging / "tables"
    return sum(p.stat().st_size for p in tables.glob("*.parquet") if p.stem != TEXTS_TABLE)
