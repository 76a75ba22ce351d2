"""Lexicons and tables written for the framing tests, shared by the test modules."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from newslens.framing import Lexicon, load_lexicons


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def small_lexicon_files(folder: Path) -> tuple[Lexicon, ...]:
    """Two tiny lexicons with known weights, so scores can be checked exactly."""
    destruction = write(
        folder / "destruction.txt",
        "# test lexicon\nkill\nstrike/NOUN 0.5\nair strike\nwar 0.25\ntrade war 0\n",
    )
    reconstruction = write(
        folder / "reconstruction.txt",
        "rebuild\naid/NOUN 0.5\nmilitary aid 0\npledge [MONEY]\n",
    )
    return load_lexicons(destruction=destruction, reconstruction=reconstruction)


def sentence_rows() -> pd.DataFrame:
    """A sentences table of three documents with known labels, scores and sentiment."""
    rows = [
        ("a", 0, "destruction", -0.8),
        ("a", 1, "destruction", -0.4),
        ("a", 2, "reconstruction", 0.6),
        ("a", 3, "neither", 0.0),
        ("a", 4, "both", -0.2),
        ("b", 0, "reconstruction", 0.5),
        ("b", 1, "neither", 0.1),
        ("c", 0, "neither", 0.3),
    ]
    table = pd.DataFrame(rows, columns=["doc_id", "sentence_id", "frame", "sentiment"])
    table["destruction_score"] = [2.0, 1.0, 0.0, 0.25, 1.0, 0.5, 0.0, 0.0]
    table["reconstruction_score"] = [0.0, 0.0, 1.0, 0.0, 1.0, 2.0, 0.0, 0.0]
    table["start"] = [0, 10, 20, 30, 40, 0, 10, 0]
    table["text"] = ["s"] * 8
    return table
