"""The Jupyter libraries the runner imports (nbformat, papermill, nbconvert), made lighter.

nbformat validates notebooks with jsonschema, whose format checkers import ``rfc3987_syntax``
when it is installed (JupyterLab's dependencies install it). That package compiles about 35
Earley grammars when it is imported: about 2 s at the start of every run, for checks of the
``iri`` formats, which no notebook schema uses (python-jsonschema/jsonschema#1428). The
runner's process imports jsonschema without them; notebook kernels are not affected.
"""

from __future__ import annotations

import sys


def skip_iri_grammars() -> None:
    """Keep jsonschema from importing ``rfc3987_syntax`` in this process: call it before
    importing nbformat, papermill or nbconvert. It does nothing once jsonschema's format
    checkers are imported (and leaves an ``rfc3987_syntax`` already imported alone)."""
    # A None entry in sys.modules makes ``import rfc3987_syntax`` raise ImportError.
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
