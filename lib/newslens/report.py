"""What a run leaves for readers: HTML reports, ``manifest.json`` and ``index.html``.

* :func:`render_report` turns an executed notebook into one self-contained HTML file with
  nbconvert and the ``newslens_report`` template (``data/templates/``): the lab page without
  require.js, MathJax, Mermaid or widget scripts from a CDN, so a report makes no network
  request when opened and article text with dollar signs is never typeset. Code cells are
  left out unless ``show_code``; the page title names the analysis and the corpus; without
  ``group_by`` the section comparing groups is one line on how to ask for it. The executed
  notebook itself is read, never rewritten.
* :func:`render_result` renders one notebook's report; the runner calls it in the notebook's
  lane as soon as the notebook ends. :func:`finish_run` renders any report not rendered yet,
  writes the manifest (:mod:`newslens.manifest`) and the index page from a Jinja2 template
  (:mod:`newslens.index_page`, autoescaped).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslens.index_page import index_html
from newslens.io import write_json
from newslens.manifest import REPORTED_PACKAGES, build_manifest, corpus_name
from newslens.resources import package_data

if TYPE_CHECKING:
    from nbformat import NotebookNode

    from newslens.execute import NotebookResult
    from newslens.plan import Plan

__all__ = ["REPORTED_PACKAGES", "finish_run", "render_report", "render_result"]

WIDGET_MIMETYPE = "application/vnd.jupyter.widget-view+json"


def _title(notebook: NotebookNode, corpus_name: str) -> str:
    """``<the notebook's first heading> · <corpus>``."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return f"{line[2:].strip()} · {corpus_name}"
    return corpus_name


def _drop_widgets(notebook: NotebookNode) -> None:
    """Widgets need a running kernel: in a report their output would be a Python repr
    (``VBox(children=...)``), so it is replaced by one line saying where they work. Only
    the copy being rendered changes; the executed notebook on disk keeps its widgets."""
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


GROUPS_HEADING = "## Compared across groups"
NO_GROUPS_NOTE = (
    "No groups were compared in this run. Rerun with `-p group_by=source` (outlets),"
    " `-p group_by=date` (periods) or a column of your metadata to compare them (see"
    " *Rerun headless* at the top)."
)


def _fold_group_section(notebook: NotebookNode) -> None:
    """Without ``group_by`` the section comparing groups holds only placeholders ("No
    grouping", "No rows to show"): in the report it becomes its heading and one line on how
    to ask for it. Only the copy being rendered changes."""
    import nbformat

    parameters = notebook.metadata.get("papermill", {}).get("parameters", {})
    if parameters.get("group_by"):
        return
    start = next(
        (
            i
            for i, cell in enumerate(notebook.cells)
            if cell.cell_type == "markdown" and cell.source.startswith(GROUPS_HEADING)
        ),
        None,
    )
    if start is None:
        return
    end = next(
        (
            i
            for i in range(start + 1, len(notebook.cells))
            if notebook.cells[i].cell_type == "markdown"
            and notebook.cells[i].source.startswith("## ")
        ),
        len(notebook.cells),
    )
    note = nbformat.v4.new_markdown_cell(f"{GROUPS_HEADING}\n\n{NO_GROUPS_NOTE}")
    notebook.cells[start:end] = [note]


def render_report(notebook_path: Path, target: Path, *, corpus_name: str, show_code: bool) -> None:
    """One executed notebook as a self-contained HTML report (figures embedded)."""
    from newslens.jupyter_stack import skip_iri_grammars

    skip_iri_grammars()
    import nbformat
    from nbconvert import HTMLExporter

    notebook = nbformat.read(notebook_path, as_version=4)
    notebook.metadata["title"] = _title(notebook, corpus_name)
    _drop_widgets(notebook)
    _fold_group_section(notebook)
    exporter = HTMLExporter(
        template_name="newslens_report", extra_template_basedirs=[str(package_data("templates"))]
    )
    exporter.exclude_input = not show_code
    exporter.exclude_input_prompt = not show_code
    exporter.exclude_output_prompt = not show_code
    body, _ = exporter.from_notebook_node(notebook)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(body, encoding="utf-8")


def render_result(
    staging: Path, result: NotebookResult, *, corpus_name: str, show_code: bool
) -> None:
    """The report of one executed notebook (failed ones too: the error is in it), recorded
    in ``result.html``. The runner calls it in the notebook's lane as soon as the notebook is
    done, so reports render while other notebooks still run."""
    executed = staging / result.notebook
    if executed.exists():
        target = staging / "html" / f"{result.name}.html"
        render_report(executed, target, corpus_name=corpus_name, show_code=show_code)
        result.html = str(target.relative_to(staging))


def finish_run(
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
    """Render the reports, then write ``manifest.json`` and ``index.html``; returns the
    manifest."""
    name = corpus_name(plan.corpus.spec)
    for result in notebooks:
        if not result.html:  # not rendered yet in the notebook's own lane
            render_result(staging, result, corpus_name=name, show_code=show_code)
    manifest = build_manifest(
        staging,
        run_id=run_id,
        plan=plan,
        analysis=analysis,
        notebooks=notebooks,
        started=started,
        seconds=seconds,
        show_code=show_code,
    )
    write_json(manifest, staging / "manifest.json")
    (staging / "index.html").write_text(index_html(manifest, staging / "tables"), encoding="utf-8")
    return manifest
