"""The Makefile hands CORPUS and OUT to the runner as single arguments: a glob that matches
several files, a path with spaces or quotes, exactly as the README shows them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT

FAKE_PYTHON = """#!{python}
import json, os, sys
with open(os.environ["ARGV_LOG"], "w") as handle:
    json.dump(sys.argv[1:], handle)
"""


@pytest.mark.skipif(shutil.which("make") is None, reason="GNU make is not installed")
@pytest.mark.parametrize(
    ("corpus", "out"),
    [
        ("data/2024-*.html", "outputs"),
        ("my articles/2024 *.txt", "out dir"),
        ("it's here/a.jsonl", "outputs"),
        ('quote"d/$HOME/*.csv', "a;b"),
        ("seeds", "outputs"),
    ],
)
def test_make_run_passes_corpus_and_out_as_one_argument_each(tmp_path, corpus, out):
    # Files the glob matches, so an unquoted glob would split into several arguments.
    data = tmp_path / "data"
    data.mkdir()
    for name in ("2024-01.html", "2024-02.html"):
        (data / name).write_text("<p>x</p>", encoding="utf-8")
    fake = tmp_path / "python"
    fake.write_text(FAKE_PYTHON.format(python=sys.executable), encoding="utf-8")
    fake.chmod(0o755)
    log = tmp_path / "argv.json"
    subprocess.run(
        ["make", "-s", "-f", str(ROOT / "Makefile"), "run", f"PY={fake}", f"CORPUS={corpus}",
         f"OUT={out}", "-o", ".venv/.newslens-stamp"],
        cwd=tmp_path,
        env={**os.environ, "ARGV_LOG": str(log)},
        check=True,
        capture_output=True,
    )  # fmt: skip
    argv = json.loads(log.read_text(encoding="utf-8"))
    assert argv == ["-m", "newslens", "run", "--corpus", corpus, "--out", out]
