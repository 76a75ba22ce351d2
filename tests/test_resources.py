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
