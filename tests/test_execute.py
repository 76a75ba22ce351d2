"""newslens.execute: what a failed notebook says about itself."""

from __future__ import annotations

import pytest
from newslens.execute import NotebookResult


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
