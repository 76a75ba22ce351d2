"""newslens.pass_cache: an identical rerun copies the tables of the earlier pass; anything
that changed, a table edited in place included, goes through the per-document cache."""

from __future__ import annotations

import dataclasses
import filecmp
import json

import pytest
from newslens.analyse import analyse
from newslens.corpus import Document
from newslens.pass_cache import PassCache, pass_key

# Passages written for these tests.
DOCUMENTS = [
    Document(
        doc_id="kyiv",
        title="Repairs begin",
        date="2023-03-01",
        source="Daily Example",
        text='"We will rebuild every school," Mayor Vitali Klitschko said in Kyiv on Tuesday.',
    ),
    Document(
        doc_id="kharkiv",
        title="Strikes on the grid",
        date="2023-03-02",
        source="Evening Example",
        text="Missiles destroyed a power plant near Kharkiv, the Ukrainian energy ministry said.",
    ),
]
KEY = {"slug": "model-1", "step_keys": {"mentions": "abc"}, "link": True}


def _tables(run) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((run / "tables").iterdir())}


@pytest.mark.parametrize(
    "change",
    [
        {"title": "Repairs start"},
        {"date": "2023-03-03"},
        {"source": "Other Example"},
        {"url": "https://example.org/a"},
        {"doc_id": "kyiv-2"},
        {"text": DOCUMENTS[0].text + " Work starts in May.", "sha256": ""},
    ],
)
def test_every_document_field_that_reaches_a_table_changes_the_key(change):
    changed = [dataclasses.replace(DOCUMENTS[0], **change), DOCUMENTS[1]]
    assert pass_key(changed, **KEY) != pass_key(DOCUMENTS, **KEY)


@pytest.mark.parametrize(
    "setting",
    [{"slug": "model-2"}, {"step_keys": {"mentions": "abd"}}, {"link": False}],
)
def test_the_model_the_steps_and_linking_change_the_key(setting):
    assert pass_key(DOCUMENTS, **{**KEY, **setting}) != pass_key(DOCUMENTS, **KEY)


def test_the_order_of_the_documents_changes_the_key():
    assert pass_key(DOCUMENTS[::-1], **KEY) != pass_key(DOCUMENTS, **KEY)


def test_an_identical_rerun_copies_the_tables_of_the_earlier_pass(tmp_path):
    cache = tmp_path / "cache"
    first = analyse(DOCUMENTS, tmp_path / "a", jobs=1, cache_dir=cache)
    again = analyse(DOCUMENTS, tmp_path / "b", jobs=1, cache_dir=cache)
    assert not first.pass_reused and first.analysed == 2
    assert again.pass_reused and again.analysed == again.parsed == 0
    assert again.results_cached == 2 and again.rows == first.rows and again.words == first.words
    assert _tables(tmp_path / "b") == _tables(tmp_path / "a")
    written = json.loads((tmp_path / "b" / "analysis.json").read_text(encoding="utf-8"))
    assert written["pass_reused"] is True and written["documents"] == 2
    # The copies are files of their own: editing the new run leaves the earlier one alone.
    (tmp_path / "b" / "tables" / "documents.csv").write_text("edited\n", encoding="utf-8")
    assert (tmp_path / "a" / "tables" / "documents.csv").read_text(encoding="utf-8") != "edited\n"


def test_a_changed_document_reads_the_rest_from_the_per_document_cache(tmp_path):
    cache = tmp_path / "cache"
    analyse(DOCUMENTS, tmp_path / "a", jobs=1, cache_dir=cache)
    retitled = [dataclasses.replace(DOCUMENTS[0], title="Repairs start"), DOCUMENTS[1]]
    again = analyse(retitled, tmp_path / "b", jobs=1, cache_dir=cache)
    assert not again.pass_reused and again.analysed == 1 and again.results_cached == 1
    assert again.parsed == 0 and again.parse_cached == 1
    assert "Repairs start" in (tmp_path / "b" / "tables" / "documents.csv").read_text("utf-8")


def test_a_table_edited_in_place_is_never_served_again(tmp_path):
    cache = tmp_path / "cache"
    analyse(DOCUMENTS, tmp_path / "a", jobs=1, cache_dir=cache)
    reference = tmp_path / "reference"
    analyse(DOCUMENTS, reference, jobs=1, cache_dir=False)
    with open(tmp_path / "a" / "tables" / "mentions.csv", "a", encoding="utf-8") as table:
        table.write("an,edit,made,in,place\n")  # same file: the pass's entry shares it
    again = analyse(DOCUMENTS, tmp_path / "b", jobs=1, cache_dir=cache)
    assert not again.pass_reused and again.results_cached == 2 and again.analysed == 0
    for name in _tables(reference):
        assert filecmp.cmp(reference / "tables" / name, tmp_path / "b" / "tables" / name, False)


def test_documents_that_can_be_read_only_once_are_not_keyed(tmp_path):
    cache = tmp_path / "cache"
    analyse(iter(DOCUMENTS), tmp_path / "a", jobs=1, cache_dir=cache)
    again = analyse(iter(DOCUMENTS), tmp_path / "b", jobs=1, cache_dir=cache)
    assert not again.pass_reused and again.results_cached == 2
    assert not (cache / "passes").exists()


def test_only_the_most_recently_used_passes_are_kept(tmp_path):
    tables = tmp_path / "tables"
    tables.mkdir()
    (tables / "documents.csv").write_text("doc_id\nkyiv\n", encoding="utf-8")
    passes = PassCache(tmp_path / "cache", kept=2)
    for key in ("one", "two", "three"):
        passes.store(key, tables, {"documents": 1})
    assert sorted(p.name for p in (tmp_path / "cache" / "passes").iterdir()) == ["three", "two"]
    assert passes.restore("one", tmp_path / "out") is None
    assert passes.restore("two", tmp_path / "out") == {"documents": 1}
    assert (tmp_path / "out" / "documents.csv").read_text(encoding="utf-8") == "doc_id\nkyiv\n"
