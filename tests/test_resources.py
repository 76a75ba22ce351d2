"""newslens.resources: one rule for data files, packaged data found one way, VADER offline."""

from __future__ import annotations

import hashlib
import zipfile

import pytest
from newslens.resources import (
    VADER_LEXICON_SHA256,
    clean_data_lines,
    package_data,
    provision_vader_lexicon,
    read_data_lines,
)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["kill", "", "  rebuild  "], [(1, "kill"), (3, "rebuild")]),
        (["# a comment", "strike/NOUN 0.5  # after a term"], [(2, "strike/NOUN 0.5")]),
        (["   # indented comment", "aid#no space"], [(2, "aid")]),
        (["\t", "#"], []),
    ],
)
def test_comments_start_anywhere_and_blank_lines_go(lines, expected):
    assert clean_data_lines(lines) == expected


def test_a_file_is_read_with_the_same_rule(tmp_path):
    path = tmp_path / "words.txt"
    path.write_text("# heading\nopine indirect  # a verb\n\nsay\n", encoding="utf-8")
    assert read_data_lines(path) == [(2, "opine indirect"), (4, "say")]


@pytest.mark.parametrize(
    "parts",
    [("reporting_verbs.txt",), ("aliases.tsv",), ("frames", "destruction.txt"), ("templates",)],
)
def test_packaged_data_is_found(parts):
    assert package_data(*parts).exists()


def test_the_vader_lexicon_is_provisioned_from_the_pinned_package(tmp_path):
    first = provision_vader_lexicon(tmp_path)
    data = first.read_bytes()
    assert provision_vader_lexicon(tmp_path).read_bytes() == data  # not rewritten
    with zipfile.ZipFile(first) as archive:
        lexicon = archive.read("vader_lexicon/vader_lexicon.txt")
    assert hashlib.sha256(lexicon).hexdigest() == VADER_LEXICON_SHA256


@pytest.mark.parametrize(
    ("path", "digested"),
    [
        ("steps.py", True),
        ("entities/tables.py", True),  # the entity step's tables: analysis
        ("data/frames/destruction.txt", True),
        ("plan.py", True),
        ("tables.py", False),  # the notebooks' table reader
        ("plots/entities.py", False),
        ("report.py", False),
        ("data/templates/newslens_report/index.html.j2", False),
        ("plots/__pycache__/entities.cpython-312.pyc", False),
    ],
)
def test_the_library_digest_covers_what_the_analysis_can_depend_on(tmp_path, path, digested):
    from newslens.resources import _analysis_files

    target = tmp_path / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("x")
    assert (target in _analysis_files(tmp_path)) is digested


def test_the_analysis_pass_imports_no_presentation_module(tmp_path):
    """What :data:`PRESENTATION_FILES` leaves out of the digest must be out of the analysis:
    a step that imported one would be served rows computed by older code."""
    import subprocess
    import sys

    from newslens.resources import PRESENTATION_FILES

    probe = f"""
import sys
from newslens.analyse import analyse
from newslens.corpus import Document
text = '"We will rebuild," said Mayor Ihor Terekhov of Kharkiv. Russian strikes hit the bridge.'
analyse([Document(doc_id="a", text=text, date="2024-01-02")], {str(tmp_path)!r}, jobs=1, cache_dir=False)
print(" ".join(m for m in sys.modules if m.startswith("newslens")))
"""
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    assert "newslens.quotes.extract" in loaded and "newslens.linking" in loaded
    modules = {
        "newslens." + p.removesuffix(".py").removesuffix("/").replace("/", ".")
        for p in PRESENTATION_FILES
        if not p.startswith("data/")
    }
    imported = sorted(m for m in loaded if any(m == n or m.startswith(n + ".") for n in modules))
    assert imported == []
