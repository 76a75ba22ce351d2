"""The documentation: every file that the README, a page of docs/, a notebook or a
docstring cites is in the repository, so a user who clones it finds what it points to."""

from __future__ import annotations

import ast
import io
import json
import re
import tokenize
from pathlib import Path

import pytest
from conftest import ROOT

# Paths written from the repository's root (docs/tables.md, lib/newslens/data/titles.txt,
# benchmarks/quotes_eval.py, notebooks/*.ipynb) or from the library (newslens/data/...).
# A path inside another path (../shared/benchmarks/...) is not the repository's.
CITED = re.compile(
    r"(?<![\w./-])((?:docs|benchmarks|notebooks|seeds|tests/data|lib/newslens|newslens/data)"
    r"(?:/[\w*.-]+)+/?)"
)
# A Markdown page named alone (DESIGN.md, GUIDELINE.md) must be somewhere in the repository;
# a page of the shared data beside it is cited with its path (../shared/benchmarks/...).
CITED_PAGE = re.compile(r"(?<![\w./-])([A-Z][A-Z_]*\.md)\b")
PAGES = {
    p.name
    for p in ROOT.rglob("*.md")
    if not {".git", ".venv", "outputs"} & set(p.relative_to(ROOT).parts)
}


def _sources() -> list[Path]:
    files = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    files += sorted((ROOT / "lib" / "newslens").rglob("*.py"))
    files += sorted((ROOT / "benchmarks").glob("*.py"))
    files += sorted((ROOT / "notebooks").glob("*.ipynb"))
    return files


def _text(path: Path) -> str:
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return "\n".join("".join(cell["source"]) for cell in cells)
    if path.suffix == ".py":  # docstrings and comments, not code
        source = path.read_text(encoding="utf-8")
        parts = [
            ast.get_docstring(node) or ""
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        ]
        tokens = tokenize.generate_tokens(io.StringIO(source).readline)
        parts += [token.string for token in tokens if token.type == tokenize.COMMENT]
        return "\n".join(parts)
    return path.read_text(encoding="utf-8")


def _exists(cited: str) -> bool:
    base = ROOT / "lib" if cited.startswith("newslens/") else ROOT
    if "*" in cited:
        return any(base.glob(cited))
    return (base / cited).exists()


def test_the_pages_are_there():
    for page in ("tables.md", "architecture.md", "analyses.md"):
        assert (ROOT / "docs" / page).is_file(), page


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_cited_file_exists(path):
    text = _text(path)
    cited = [c.rstrip(".") for c in CITED.findall(text)]
    # a file (with a suffix) or a folder (with a trailing slash), not words like "docs/s"
    cited = [c for c in cited if c.endswith("/") or "." in c.rsplit("/", 1)[-1]]
    missing = [c for c in cited if not _exists(c)]
    missing += [c for c in CITED_PAGE.findall(text) if c not in PAGES]
    assert missing == [], f"{path.relative_to(ROOT)} cites {sorted(set(missing))}"
