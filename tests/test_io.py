"""newslens.io: every file written the same way, whole or not at all."""

from __future__ import annotations

import hashlib
import json

import matplotlib
import pandas as pd
from newslens.io import atomic_write_bytes, file_sha256, save_figure, write_json, write_table

matplotlib.use("Agg")


def test_a_table_is_utf8_csv_with_fixed_floats_and_no_index(tmp_path):
    frame = pd.DataFrame({"entity": ["Kyiv", "Zürich"], "share": [1 / 3, 0.5]}, index=[4, 2])
    path = write_table(frame, tmp_path, "entities")
    assert path == tmp_path / "tables" / "entities.csv"
    assert path.read_bytes() == "entity,share\nKyiv,0.3333\nZürich,0.5000\n".encode()


def test_a_file_is_replaced_whole_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "deep" / "file.bin"
    atomic_write_bytes(target, b"first")
    atomic_write_bytes(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["file.bin"]
    assert file_sha256(target) == hashlib.sha256(b"second").hexdigest()


def test_json_has_sorted_keys_and_keeps_unicode(tmp_path):
    path = write_json({"b": 1, "a": "Kyiv–Lviv"}, tmp_path / "x.json")
    text = path.read_text(encoding="utf-8")
    assert text == '{\n  "a": "Kyiv–Lviv",\n  "b": 1\n}\n'
    assert json.loads(text) == {"a": "Kyiv–Lviv", "b": 1}


def test_the_same_figure_gives_the_same_png(tmp_path):
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots()
    axes.bar(["destruction", "reconstruction"], [3, 5])
    first = save_figure(figure, tmp_path / "a", "bars").read_bytes()
    second = save_figure(figure, tmp_path / "b", "bars").read_bytes()
    plt.close(figure)
    assert first == second and first.startswith(b"\x89PNG")
    assert b"Software" not in first and b"matplotlib" not in first.lower()
