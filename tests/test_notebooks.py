"""The committed notebooks: no outputs, a documented ``parameters`` cell, stories not code."""

from __future__ import annotations

import ast

import nbformat
import pytest
from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
RUNNER_PARAMETERS = {"run_dir", "output_dir"}


def test_the_three_analyses_and_the_explorer_are_there():
    assert [p.stem for p in NOTEBOOKS] == [
        "01_entity_frequency",
        "02_framing",
        "03_quotes",
        "04_explore",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name} cell {index} has outputs"
            assert cell.execution_count is None, f"{path.name} cell {index} was executed"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_parameters_cell_holds_typed_commented_literals(path):
    notebook = nbformat.read(path, as_version=4)
    tagged = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, f"{path.name}: exactly one cell tagged 'parameters'"
    source = tagged[0].source
    names = set()
    for statement in ast.parse(source).body:
        assert isinstance(statement, ast.AnnAssign), f"{path.name}: only `name: type = literal`"
        ast.literal_eval(statement.value)  # raises for anything but a literal
        names.add(statement.target.id)
    for line in source.splitlines():
        if line.strip():
            assert "  # " in line, f"{path.name}: parameter line without a comment: {line!r}"
    assert RUNNER_PARAMETERS <= names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_a_story_not_a_module(path):
    notebook = nbformat.read(path, as_version=4)
    first = notebook.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    assert "papermill" in first.source, "the first cell says how to rerun the notebook"
    assert notebook.metadata["kernelspec"]["name"] == "newslens"
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        for node in ast.walk(ast.parse(cell.source)):
            assert not isinstance(node, ast.FunctionDef | ast.ClassDef | ast.Lambda), (
                f"{path.name}: define functions in lib/newslens, not in notebooks"
            )
    headings = [
        c for c in notebook.cells if c.cell_type == "markdown" and c.source.startswith("## ")
    ]
    assert headings, f"{path.name}: sections with headings"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_papermill_lists_every_parameter_with_its_type_and_comment(path):
    """`papermill --help-notebook` is how users discover parameters: all must parse."""
    import subprocess
    import sys

    listed = subprocess.run(
        [sys.executable, "-m", "papermill", "--help-notebook", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    output = listed.stdout + listed.stderr
    assert "Unable to parse" not in output
    notebook = nbformat.read(path, as_version=4)
    [cell] = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    for statement in ast.parse(cell.source).body:
        name = statement.target.id
        type_name = ast.unparse(statement.annotation)
        assert f"{name}: {type_name} (default" in output, f"{path.name}: {name} not listed"


def _rerun_command(path) -> str:
    """The command a notebook's first cell gives for rerunning it headless."""
    first = nbformat.read(path, as_version=4).cells[0].source
    [command] = [
        line.strip()
        for line in first.split("```")[1].splitlines()
        if line.strip().startswith(".venv/bin/papermill")
    ]
    return command


def test_every_notebook_reruns_with_the_command_it_shows(tmp_path):
    """What the first cell promises: after `make run`, its command, typed as written from
    the repository root, reruns the notebook with its committed defaults; it reads the
    latest run under outputs/ and parses nothing.

    The notebooks go into a scratch tree of the same shape (with `.venv/bin/papermill`), so
    the relative paths resolve there, not in the checkout.
    """
    import os
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / ".venv" / "bin" / "papermill").symlink_to(Path(sys.executable).parent / "papermill")
    env = {**os.environ, "NEWSLENS_CACHE_DIR": str(tmp_path / "cache")}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "newslens",
            "analyse",
            "--corpus",
            str(ROOT / "seeds"),
            "--out",
            str(tmp_path / "outputs"),
            "--jobs",
            "1",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    [run] = [p for p in (tmp_path / "outputs").iterdir() if p.is_dir()]
    for path in NOTEBOOKS:
        command = _rerun_command(path)
        done = subprocess.run(
            command, shell=True, cwd=tmp_path, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, f"{command}\n{done.stderr[-2000:]}"
        assert (tmp_path / "outputs" / path.name).is_file()
    for name in ("entities", "frame_balance", "quote_speakers", "concordance"):
        assert (run / "tables" / f"{name}.csv").is_file(), name
    explored = nbformat.read(tmp_path / "outputs" / "04_explore.ipynb", as_version=4)
    shown = "".join(
        output.get("data", {}).get("text/html", "")
        for cell in explored.cells
        if cell.cell_type == "code"
        for output in cell.outputs
    )
    assert "<mark>" in shown and "sentences of the frame" in shown  # the command's concordance


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_imports_leave_spacy_out(path):
    """The notebooks read tables: their imports must not load spaCy (about a second of
    every kernel's start)."""
    import subprocess
    import sys

    notebook = nbformat.read(path, as_version=4)
    imports = [
        ast.unparse(node)
        for cell in notebook.cells
        if cell.cell_type == "code"
        for node in ast.parse(cell.source).body
        if isinstance(node, ast.Import | ast.ImportFrom)
    ]
    assert imports, f"{path.name} imports nothing"
    probe = "\n".join(
        [
            *imports,
            "import sys",
            "print(sorted(m for m in sys.modules if m.split('.')[0] in {'spacy', 'thinc'}))",
        ]
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == "[]", f"{path.name} imports spaCy: {loaded[:200]}"
