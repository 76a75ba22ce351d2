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


def test_a_shown_figure_is_the_saved_png_at_the_width_ipython_would_show(tmp_path):
    from newslens.io import show_figure
    from newslens.plots import new_figure

    figure, axes = new_figure(width=4, height=2)
    axes.bar(["a", "b"], [1, 2])
    image = show_figure(figure, tmp_path, "bars")
    saved = (tmp_path / "figures" / "bars.png").read_bytes()
    assert image.data == saved and saved.startswith(b"\x89PNG")
    width = int.from_bytes(saved[16:20], "big")
    assert image.width == round(width * 100 / 120) and 300 < image.width < 450
