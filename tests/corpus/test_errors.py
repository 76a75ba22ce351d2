"""newslens.corpus.errors: messages keep terminal control characters out."""

from __future__ import annotations

from newslens.corpus import read_corpus


def test_messages_keep_terminal_control_characters_out(tmp_path):
    name = "evil\x1b[31m\u202etxt.txt"
    (tmp_path / name).write_bytes(b"")
    corpus = read_corpus(tmp_path, on_error="skip")
    assert list(corpus) == []
    [line] = corpus.skipped_lines()
    assert line.endswith("evil\\u001b[31m\\u202etxt.txt: empty file")
    assert "\x1b" not in line and "\u202e" not in line
