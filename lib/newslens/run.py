"""Run newslens over a corpus and collect a shareable, reproducible run folder.

:func:`run` is what ``python -m newslens run`` and ``make run`` call; :func:`analyse_only`
is ``python -m newslens analyse``. A run

1. plans: reads the whole corpus once to validate it and checks every ``-p`` parameter
   against the type its notebook (or the analysis) declares, so a bad input or a bad value
   stops everything before any file is written (:func:`plan`);
2. analyses: one pass over the corpus writes every per-document table
   (:func:`newslens.analyse.analyse`), on every core;
3. executes the notebooks with papermill in the run folder, in parallel; they only read
   tables (:mod:`newslens.report` renders each to a self-contained HTML report);
4. writes ``manifest.json`` and ``index.html`` (:mod:`newslens.report`).

The run is built in ``<out>/.<run-id>.partial`` and renamed to ``<out>/<run-id>`` when every
notebook succeeded; when one fails the others still run and the run is kept as
``<out>/<run-id>-FAILED``. An interrupted run leaves no folder behind; its analysed
documents stay in the cache, so the same command continues where it stopped.
"""

from __future__ import annotations

import ast
import datetime as dt
import glob
import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from newslens.corpus import Corpus, read_corpus

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

# Parameters of the analysis pass, settable with -p like a notebook's: (type, is a path).
ANALYSIS_PARAMETERS: dict[str, tuple[str, bool]] = {
    "alias_file": ("str", True),
    "destruction_lexicon": ("str", True),
    "reconstruction_lexicon": ("str", True),
    "extra_lexicons": ("list", True),
    "threshold": ("float", False),
}
# Notebook parameters that name an input file: given on the command line, they are resolved
# against the caller's folder (the notebooks run in the run folder) and must exist.
NOTEBOOK_PATH_PARAMETERS: frozenset[str] = frozenset({"metadata"})
RUNNER_PARAMETERS = ("run_dir", "output_dir")


class RunError(RuntimeError):
    """A run that cannot start (bad notebooks glob, unknown parameter, bad value, ...)."""


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
        if not self.error:
            return f"{self.name}: failed"
        where = f"cell {self.error.get('cell')}" if self.error.get("cell") is not None else "setup"
        return (
            f"{self.name} failed at {where}: {self.error.get('ename')}: {self.error.get('evalue')}"
        )


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


# --- parameters -----------------------------------------------------------------------------

_TYPES: dict[str, tuple[type, ...]] = {
    "int": (int,),
    "float": (int, float),
    "str": (str,),
    "bool": (bool,),
    "list": (list,),
    "dict": (dict,),
}


def _literal(raw: str):
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        return ast.literal_eval(raw)


def parse_parameter(text: str, type_name: str | None = None) -> tuple[str, object]:
    """``name=value`` to ``(name, value)``, the value checked against the declared type.

    ``str`` stays text; ``int``, ``float``, ``bool``, lists and dicts are read as literals
    (a list also as comma-separated words); a value of another type is an error
    (``1.5`` for an ``int``), so a bad value stops the run before any notebook starts.
    """
    if "=" not in text:
        raise RunError(f"parameter '{text}' is not of the form name=value")
    name, raw = text.split("=", 1)
    name = name.strip()
    if not name.isidentifier():
        raise RunError(f"parameter name '{name}' is not a Python identifier")
    base = (type_name or "").split("[", 1)[0]
    if base == "str":
        return name, raw
    if base == "bool":
        lowered = raw.strip().lower()
        if lowered in {"1", "true", "yes", "on"}:
            return name, True
        if lowered in {"0", "false", "no", "off"}:
            return name, False
        raise RunError(f"parameter {name}: '{raw}' is not a valid bool (true or false)")
    try:
        value = _literal(raw)
    except (ValueError, SyntaxError):
        if base == "list":
            return name, [part.strip() for part in raw.split(",") if part.strip()]
        if base in _TYPES:
            raise RunError(f"parameter {name}: '{raw}' is not a valid {base}") from None
        return name, raw
    expected = _TYPES.get(base)
    if expected and (not isinstance(value, expected) or isinstance(value, bool) and base != "bool"):
        if base == "list" and isinstance(value, str):
            return name, [value]
        raise RunError(f"parameter {name}: '{raw}' is not a valid {base}")
    if base == "float":
        value = float(value)
    return name, value


def _declared_parameters(path: Path) -> dict[str, dict]:
    """The parameters a notebook declares in its ``parameters`` cell, with their types."""
    import nbformat
    from papermill.translators import PythonTranslator

    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            return {p.name: p._asdict() for p in PythonTranslator.inspect(cell)}
    return {}


def _absolute_paths(name: str, value, *, is_path: bool):
    """Path parameters given on the command line are relative to the caller's folder."""
    if not is_path or not value:
        return value
    values = value if isinstance(value, list) else [value]
    resolved = []
    for item in values:
        path = Path(os.path.expanduser(str(item))).resolve()
        if not path.is_file():
            raise RunError(f"parameter {name}: {item}: no such file")
        resolved.append(str(path))
    return resolved if isinstance(value, list) else resolved[0]


# --- planning -------------------------------------------------------------------------------


@dataclass
class Plan:
    """Everything a run needs, checked before anything is written."""

    corpus: Corpus
    documents: int
    notebooks: list[Path]
    declared: dict[Path, dict[str, dict]]
    notebook_values: dict[str, object]
    analysis_values: dict[str, object]
    steps: list  # the analysis steps, built (and their files read) once
    model: str | None
    jobs: int
    scheduler: str | None
    on_error: str = "stop"


def _split_values(items: list[str]) -> list[str]:
    """``-p name=value`` and papermill's ``-p name value`` both become ``name=value``."""
    merged = []
    for item in items:
        if isinstance(item, list | tuple):
            merged.append(item[0] if len(item) == 1 else f"{item[0]}={' '.join(item[1:])}")
        else:
            merged.append(item)
    return merged


def plan(
    *,
    corpus: str | os.PathLike,
    notebooks: str | None = "notebooks/*.ipynb",
    parameters: list | None = None,
    model: str | None = None,
    jobs: int | None = None,
    scheduler: str | None = None,
    on_error: str = "stop",
    log: Callable[[str], None] = print,
) -> Plan:
    """Validate the corpus, the notebooks and every parameter; raise before writing. With
    ``on_error="skip"`` every unreadable input is listed (one line each) and left out."""
    from newslens.nlp import resolve_model

    documents = read_corpus(corpus, on_error=on_error)
    count = documents.validate()
    log(f"corpus: {documents.spec} ({count:,} documents in {len(documents.files):,} files)")
    if documents.unread:
        log(f"warning: {documents.unread_line()}")
    for line in documents.skipped_lines():
        log(f"skipped: {line}")
    if count == 0:
        raise RunError(f"{documents.spec}: no readable document left to analyse")
    paths: list[Path] = []
    if notebooks:
        paths = sorted(Path(p).resolve() for p in glob.glob(str(notebooks)))
        paths = [p for p in paths if p.suffix == ".ipynb"]
        if not paths:
            raise RunError(f"{notebooks}: matches no notebooks")
    declared = {p: _declared_parameters(p) for p in paths}
    types = {
        name: info.get("inferred_type_name") for d in declared.values() for name, info in d.items()
    }
    notebook_values: dict[str, object] = {}
    analysis_values: dict[str, object] = {}
    for item in _split_values(parameters or []):
        name = item.split("=", 1)[0].strip()
        if name in RUNNER_PARAMETERS:
            raise RunError(f"parameter {name}: set by the runner (use --out for the run folder)")
        if name in ANALYSIS_PARAMETERS:
            type_name, is_path = ANALYSIS_PARAMETERS[name]
            key, value = parse_parameter(item, type_name)
            analysis_values[key] = _absolute_paths(key, value, is_path=is_path)
            continue
        if name not in types:
            known = ", ".join(sorted(set(types) | set(ANALYSIS_PARAMETERS)))
            raise RunError(f"parameter '{name}' is not declared by any notebook (known: {known})")
        key, value = parse_parameter(item, types[name])
        notebook_values[key] = _absolute_paths(key, value, is_path=key in NOTEBOOK_PATH_PARAMETERS)
    resolve_model(model)
    from newslens.compare import GroupingError, check_grouping

    try:  # a group_by no column answers to would fail every notebook after the analysis
        check_grouping(
            **{k: v for k, v in notebook_values.items() if k in {"group_by", "period", "metadata"}}
        )
    except GroupingError as error:
        raise RunError(str(error)) from None
    from newslens.steps import default_steps

    steps = default_steps(**analysis_values)
    for step in steps:
        step.settings()  # reads lexicons and alias files: a bad file stops the run here
    return Plan(
        corpus=documents,
        documents=count,
        notebooks=paths,
        declared=declared,
        notebook_values=notebook_values,
        analysis_values=analysis_values,
        steps=steps,
        model=model,
        jobs=max(1, int(jobs or os.cpu_count() or 1)),
        scheduler=scheduler,
        on_error=on_error,
    )


def _run_id(corpus: Corpus, started: dt.datetime) -> str:
    digest = hashlib.sha256(corpus.spec.encode("utf-8")).hexdigest()[:6]
    return f"{started:%Y%m%d-%H%M%S}-{digest}"


STAGING_OWNER = "newslens-pid"  # the process building a staging folder, to spot dead ones


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


# --- execution ------------------------------------------------------------------------------


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


def _execute_notebook(
    path: Path, staging: Path, values: dict, *, kernel_name: str | None
) -> NotebookResult:
    import papermill
    from papermill.exceptions import PapermillExecutionError

    result = NotebookResult(name=path.stem, notebook=f"notebooks/{path.name}")
    tick = time.perf_counter()
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
        )
        result.status = "ok"
    except PapermillExecutionError as error:
        result.status = "failed"
        result.error = {
            "cell": error.cell_index,
            "execution_count": error.exec_count,
            "ename": error.ename,
            "evalue": str(error.evalue).splitlines()[0] if error.evalue else "",
        }
    except Exception as error:  # the kernel died, or the notebook could not start
        result.status = "failed"
        result.error = {"cell": None, "ename": type(error).__name__, "evalue": str(error)}
    result.duration_s = round(time.perf_counter() - tick, 2)
    return result


def execute_notebooks(
    the_plan: Plan,
    staging: Path,
    *,
    kernel_name: str | None = None,
    log: Callable[[str], None] = print,
) -> list[NotebookResult]:
    """Execute every notebook of the plan in the run folder, ``jobs`` at a time; each reads
    the run's tables (``run_dir="."``) and writes its own there."""
    (staging / "notebooks").mkdir(exist_ok=True)
    os.environ.setdefault("PYTHONWARNINGS", "ignore")  # kernels: no terminal warnings in reports

    def one(path: Path) -> NotebookResult:
        accepted = the_plan.declared[path]
        values = {k: v for k, v in the_plan.notebook_values.items() if k in accepted}
        values.update({k: "." for k in RUNNER_PARAMETERS if k in accepted})
        result = _execute_notebook(path, staging, values, kernel_name=kernel_name)
        log(
            f"  {path.stem}: {result.status} in {result.duration_s:.1f} s"
            + ("" if result.status == "ok" else f" ({result.describe_failure()})")
        )
        return result

    workers = max(1, min(the_plan.jobs, len(the_plan.notebooks)))
    log(f"notebooks: {len(the_plan.notebooks)} ({workers} at a time)")
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(one, the_plan.notebooks))


def _analyse(the_plan: Plan, staging: Path, *, log) -> dict:
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
    )
    return stats.as_dict()


def run(
    *,
    corpus: str | os.PathLike = "seeds",
    out_dir: str | os.PathLike = "outputs",
    notebooks: str | None = "notebooks/*.ipynb",
    parameters: list | None = None,
    model: str | None = None,
    jobs: int | None = None,
    scheduler: str | None = None,
    on_error: str = "stop",
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
    from newslens.report import finish_run

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
        analysis = _analyse(the_plan, staging, log=log)
        results = (
            execute_notebooks(the_plan, staging, kernel_name=kernel_name, log=log)
            if the_plan.notebooks
            else []
        )
        ok = all(r.status == "ok" for r in results)
        final = out / (run_id if ok else f"{run_id}-FAILED")
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
        (staging / STAGING_OWNER).unlink()
        staging.rename(final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return RunResult(run_id=run_id, path=final, ok=ok, notebooks=results)


def analyse_only(**options) -> RunResult:
    """``python -m newslens analyse``: the analysis pass alone, into ``out_dir/<run-id>``
    (tables, ``analysis.json``, ``manifest.json``, ``index.html``); notebooks can open it
    later with their ``run_dir`` parameter."""
    return run(notebooks=None, **options)
