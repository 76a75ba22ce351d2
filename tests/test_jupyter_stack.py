"""The runner imports nbformat without jsonschema's IRI grammars, and still validates."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

PROBE = """
import sys
from newslens.jupyter_stack import skip_iri_grammars
skip_iri_grammars()
import nbformat
notebook = nbformat.read(sys.argv[1], as_version=4)
nbformat.validate(notebook)
broken = nbformat.v4.new_notebook()
broken.cells.append({"cell_type": "code", "source": "1"})  # no outputs, no metadata
try:
    nbformat.validate(broken)
except nbformat.ValidationError:
    print("invalid notebook rejected")
print("rfc3987_syntax loaded:", sys.modules.get("rfc3987_syntax") is not None)
"""


def test_nbformat_validates_without_the_iri_grammars():
    notebook = ROOT / "notebooks" / "01_entity_frequency.ipynb"
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(notebook)], capture_output=True, text=True, check=True
    ).stdout
    assert "invalid notebook rejected" in out
    assert "rfc3987_syntax loaded: False" in out
