"""newslens.execute: what a failed notebook says about itself."""

from __future__ import annotations

import pytest
from newslens.execute import (
    KERNEL_START_ATTEMPTS,
    NOTEBOOK_TABLE_BUDGET,
    NotebookResult,
    _execute_notebook,
    notebook_lanes,
)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (None, "02_framing: failed"),
        (
            {"cell": 7, "ename": "ValueError", "evalue": "the lexicon file is empty"},
            "02_framing failed at cell 7: ValueError: the lexicon file is empty",
        ),
        (
            {"cell": None, "ename": "DeadKernelError", "evalue": "Kernel died"},
            "02_framing failed at setup: DeadKernelError: Kernel died",
        ),
    ],
)
def test_a_failure_names_the_notebook_the_cell_and_the_error(error, expected):
    result = NotebookResult(name="02_framing", status="failed", error=error)
    assert result.describe_failure() == expected


MB = 2**20


@pytest.mark.parametrize(
    ("jobs", "notebooks", "table_bytes", "lanes"),
    [
        (2, 4, 40 * MB, 2),  # 5,000 articles: two kernels side by side
        (8, 4, 1 * MB, 4),  # never more lanes than notebooks
        (2, 4, 330 * MB, 1),  # 40,000 articles: one heavy kernel at a time
        (8, 4, NOTEBOOK_TABLE_BUDGET // 3, 3),  # the budget shared out
        (1, 4, 0, 1),  # an empty run
    ],
)
def test_notebooks_run_fewer_at_a_time_when_the_tables_are_big(jobs, notebooks, table_bytes, lanes):
    assert notebook_lanes(jobs=jobs, notebooks=notebooks, table_bytes=table_bytes) == lanes


def _notebook(folder, source):
    import nbformat

    path = folder / "probe.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)]), path)
    (folder / "notebooks").mkdir(exist_ok=True)
    return path


@pytest.mark.parametrize(
    ("source", "kernel_deaths", "status", "calls"),
    [
        ("x = 1", 1, "ok", 2),  # a kernel that died at start-up is replaced
        ("x = 1", KERNEL_START_ATTEMPTS, "failed", KERNEL_START_ATTEMPTS),  # not forever
        ("1 / 0", 0, "failed", 1),  # a failing cell is the notebook's own error: no retry
    ],
)
def test_a_kernel_that_dies_before_answering_is_replaced(
    tmp_path, monkeypatch, source, kernel_deaths, status, calls
):
    import papermill

    real = papermill.execute_notebook
    seen = []

    def flaky(*args, **kwargs):
        seen.append(1)
        if len(seen) <= kernel_deaths:
            raise RuntimeError("Kernel died before replying to kernel_info")
        return real(*args, **kwargs)

    monkeypatch.setattr(papermill, "execute_notebook", flaky)
    path = _notebook(tmp_path, source)
    result = _execute_notebook(path, tmp_path, {}, kernel_name=None)
    assert (result.status, len(seen)) == (status, calls)
