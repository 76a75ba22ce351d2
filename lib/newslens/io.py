"""Writing a run's files: tables as CSV, figures as PNG, small JSON records.

All output goes through here so that every file is written the same way: UTF-8, one header
row, ``\\n`` line ends, floats rounded to a fixed precision, PNGs without timestamps, and each
file written to a temporary name then renamed, so a reader never sees half a file. The same
input gives byte-identical files.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from newslens.nlp import ParseStats

__all__ = [
    "atomic_write_bytes",
    "file_sha256",
    "write_table",
    "save_figure",
    "show_figure",
    "write_json",
    "write_parse_log",
    "table_path",
    "figure_path",
]

FLOAT_FORMAT = "%.4f"


def atomic_write_bytes(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary name in the same folder and a rename,
    so no reader ever sees half a file: the one way newslens writes files."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp{os.getpid()}")
    temporary.write_bytes(data)
    temporary.replace(path)
    return path


def file_sha256(path: str | os.PathLike) -> str:
    """The sha256 of a file's bytes (run manifests, lexicons and labels in cache keys)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def table_path(output_dir: str | os.PathLike, name: str) -> Path:
    """``<output_dir>/tables/<name>.csv``."""
    return Path(output_dir) / "tables" / f"{name}.csv"


def figure_path(output_dir: str | os.PathLike, name: str) -> Path:
    """``<output_dir>/figures/<name>.png``."""
    return Path(output_dir) / "figures" / f"{name}.png"


def write_table(frame: pd.DataFrame, output_dir: str | os.PathLike, name: str) -> Path:
    """Write ``frame`` as ``tables/<name>.csv`` (no index, floats to 4 decimals)."""
    text = frame.to_csv(index=False, lineterminator="\n", float_format=FLOAT_FORMAT)
    return atomic_write_bytes(table_path(output_dir, name), text.encode("utf-8"))


def _png(figure: Figure, dpi: int) -> bytes:
    """``figure`` drawn as PNG bytes, tight, with no timestamp metadata."""
    import io

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", metadata={"Software": None})
    return buffer.getvalue()


def save_figure(
    figure: Figure, output_dir: str | os.PathLike, name: str, *, dpi: int = 120
) -> Path:
    """Write a matplotlib figure as ``figures/<name>.png`` with no timestamp metadata."""
    return atomic_write_bytes(figure_path(output_dir, name), _png(figure, dpi))


def show_figure(figure: Figure, output_dir: str | os.PathLike, name: str, *, dpi: int = 120) -> Any:
    """Save ``figure`` as :func:`save_figure` does and return the same PNG for the notebook
    to show (make it a cell's value), sized as IPython would show the figure (100 dpi).

    The figure is drawn once: showing a Figure as a cell's value would draw it a second
    time, which is most of a figure cell's time on a large corpus."""
    from IPython.display import Image

    data = _png(figure, dpi)
    atomic_write_bytes(figure_path(output_dir, name), data)
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return Image(data=data, format="png")
    width = int.from_bytes(data[16:20], "big")  # the PNG header's width, in pixels
    return Image(data=data, format="png", width=round(width * 100 / dpi))


def write_json(data: Any, path: str | os.PathLike) -> Path:
    """Write JSON (sorted keys, indented, UTF-8) atomically."""
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False, default=str) + "\n"
    return atomic_write_bytes(Path(path), text.encode("utf-8"))


def write_parse_log(stats: ParseStats, output_dir: str | os.PathLike, name: str) -> Path:
    """Record one notebook's :class:`newslens.nlp.ParseStats` as ``logs/parse-<name>.json``;
    the run manifest collects these, so a rerun can show it parsed nothing."""
    return write_json(stats.as_dict(), Path(output_dir) / "logs" / f"parse-{name}.json")
