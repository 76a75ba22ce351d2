"""The run's front page, ``index.html``: status, corpus and scale, the headline numbers, a
link to every report, table and figure, and every input left out.

Rendered from the Jinja2 template ``data/templates/run_index.html.j2`` with autoescaping on,
so every string from the input (file names, ids, entity names) reaches the page as text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newslens.manifest import corpus_name
from newslens.resources import package_data
from newslens.text import counted

__all__ = ["REPORT_TITLES", "index_html"]

REPORT_TITLES = {
    "01_entity_frequency": "Who is named",
    "02_framing": "How events are framed",
    "03_quotes": "Who is quoted saying what",
    "04_explore": "Every sentence behind a number",
}


def _tables(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    """One entry per table name, with its ``csv`` and ``parquet`` files, sorted by name."""
    tables: dict[str, dict] = {}
    for item in manifest["outputs"]["tables"]:
        path = Path(item["path"])
        tables.setdefault(path.stem, {"name": path.stem})[path.suffix.lstrip(".")] = item
    return [tables[name] for name in sorted(tables)]


def _notebooks(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    """Each notebook's manifest record with its error as one line (``cell N: Error: ...``)."""
    notebooks = []
    for item in manifest["notebooks"]:
        error = item["error"] or {}
        text = f"{error.get('ename')}: {error.get('evalue')}" if error else ""
        if error.get("cell") is not None:
            text = f"cell {error['cell']}: {text}"
        notebooks.append({**item, "error_text": text})
    return notebooks


def _skipped_lines(manifest: dict[str, Any]) -> list[str]:
    return [
        f"{item['path']}{', ' + item['location'] if item['location'] else ''}: {item['reason']}"
        for item in manifest["corpus"].get("skipped", [])
    ]


def index_html(manifest: dict[str, Any], tables_dir: Path | None = None) -> str:
    """The run's front page from its manifest (and the headline numbers of ``tables_dir``)."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    from newslens.summary import headline_numbers

    environment = Environment(
        loader=FileSystemLoader(str(package_data("templates"))),
        autoescape=select_autoescape(["html", "j2"]),
    )
    environment.filters["counted"] = counted
    analysis = manifest["analysis"]
    parameters = manifest.get("parameters", {})
    return environment.get_template("run_index.html.j2").render(
        headlines=headline_numbers(Path(tables_dir)) if tables_dir else {},
        group_by=parameters.get("group_by", ""),
        metadata=parameters.get("metadata", ""),
        run_id=manifest["run_id"],
        status=manifest["status"],
        corpus_spec=manifest["corpus"]["spec"],
        corpus_name=corpus_name(manifest["corpus"]["spec"]),
        documents=manifest["corpus"]["documents"],
        files=len(manifest["corpus"]["files"]),
        words=analysis.get("words", 0),
        parsed=analysis.get("parsed", 0),
        reused=analysis.get("documents", 0) - analysis.get("parsed", 0),
        analysis_s=analysis.get("seconds", 0.0),
        workers=analysis.get("scheduler")
        or counted(analysis.get("jobs", 1), "process", "processes"),
        model_name=analysis["model"].get("name"),
        model_version=analysis["model"].get("version"),
        started_at=manifest["started_at"],
        duration_s=manifest["duration_s"],
        notebooks=_notebooks(manifest),
        skipped=_skipped_lines(manifest),
        unread=manifest["corpus"].get("unread", []),
        tables=_tables(manifest),
        figures=[
            {"path": f["path"], "name": Path(f["path"]).stem}
            for f in manifest["outputs"]["figures"]
        ],
        report_titles=REPORT_TITLES,
    )
