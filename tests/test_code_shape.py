"""The shape of the library (issue 13): no module in lib/newslens over 500 lines and no
function over 60, so each stays one concern a new contributor can read in one sitting."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT

LIB = ROOT / "lib" / "newslens"
MODULES = sorted(LIB.rglob("*.py"))
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60


def _name(path: Path) -> str:
    return str(path.relative_to(LIB))


def test_the_library_is_there():
    assert LIB / "__init__.py" in MODULES and len(MODULES) > 20


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_a_module_is_at_most_500_lines(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{_name(path)} has {lines} lines"


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_a_function_is_at_most_60_lines(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    long = [
        f"{node.name} (line {node.lineno}): {node.end_lineno - node.lineno + 1} lines"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert long == [], f"{_name(path)}: {long}"
