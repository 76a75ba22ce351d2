"""newslens.explore: the concordance behind an entity, speaker, frame or term, escaped."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pandas as pd
import pytest
from conftest import ROOT, SEEDS
from newslens import explore
from newslens.tables import open_run


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    base = tmp_path_factory.mktemp("explore")
    env = {**os.environ, "NEWSLENS_CACHE_DIR": str(base / "cache")}
    subprocess.run(
        [sys.executable, "-m", "newslens", "analyse", "--corpus", str(SEEDS), "--out",
         str(base / "outputs"), "--jobs", "1"],
        cwd=ROOT, env=env, check=True, capture_output=True,
    )  # fmt: skip
    [run] = [p for p in (base / "outputs").iterdir() if p.is_dir()]
    return open_run(run)


def test_entity_rows_are_every_mention_cut_out_of_its_sentence(seed_run):
    mentions = seed_run.table("mentions")
    top = mentions["entity"].value_counts().index[0]
    hits = explore.concordance(seed_run, kind="entity", context=0)
    assert set(hits["value"]) == {top}  # empty value: the most mentioned entity
    assert len(hits) == (mentions["entity"] == top).sum()
    sentences = seed_run.table("sentences").set_index(["doc_id", "sentence_id"])["text"]
    text = seed_run.table("texts")["text"].iloc[0]
    for row in hits.itertuples():
        assert row.left + row.match + row.right == sentences[(row.doc_id, row.sentence_id)]
        assert row.match == text[row.start : row.end]
        assert f"<mark>{row.match}</mark>" in row.context_html


def test_speaker_rows_are_the_speakers_quotes_with_article_context(seed_run):
    quotes = seed_run.table("quotes")
    speaker = quotes["speaker_entity"][quotes["speaker_entity"] != ""].iloc[0]
    hits = explore.concordance(seed_run, kind="speaker", value=speaker, context=40)
    expected = quotes[quotes["speaker_entity"] == speaker]
    assert list(hits["match"]) == list(expected["quote"])
    assert all(len(left) <= 40 and len(right) <= 40 for left, right in zip(hits["left"], hits["right"], strict=True))  # fmt: skip
    assert hits["detail"].str.contains(r"^(?:direct|partial|indirect) \(").all()


def test_frame_rows_are_its_sentences_with_its_terms_marked(seed_run):
    sentences = seed_run.table("sentences")
    hits = explore.concordance(seed_run, kind="frame", value="destruction")
    assert len(hits) == sentences["frame"].isin(["destruction", "both"]).sum() > 0
    assert hits["context_html"].str.contains("<mark>").all()
    terms = explore.concordance(seed_run, kind="term", value="missile")
    assert len(terms) and (terms["match"].str.lower().str.startswith("missile")).all()


def test_groups_label_and_filter_rows(seed_run, tmp_path):
    doc_id = seed_run.table("documents")["doc_id"].iloc[0]
    metadata = tmp_path / "meta.csv"
    pd.DataFrame([{"id": doc_id, "desk": "foreign"}]).to_csv(metadata, index=False)
    hits = explore.concordance(seed_run, group_by="desk", metadata=str(metadata))
    assert set(hits["group"]) == {"foreign"}
    none = explore.concordance(
        seed_run, group_by="desk", metadata=str(metadata), groups=["domestic"]
    )
    assert none.empty and "Nothing found" in explore.concordance_html(none)


def test_hostile_text_names_and_groups_are_escaped(tmp_path):
    """A run whose article text, entity name, title and outlet hold markup."""
    text = 'Intro. <script>alert(1)</script> met "<b>Bold</b>" & co. End.'
    name = "<b>Bold</b>"
    start = text.index(name)
    tables = tmp_path / "tables"
    tables.mkdir()
    (tmp_path / "analysis.json").write_text(json.dumps({"documents": 1}), encoding="utf-8")
    pd.DataFrame(
        [{"doc_id": "d1", "title": "<i>T</i>", "date": "2024-01-01", "source": "<img src=x>",
          "url": "", "words": 9, "sentences": 2, "characters": len(text), "sha256": ""}]
    ).to_parquet(tables / "documents.parquet")  # fmt: skip
    pd.DataFrame(
        [{"doc_id": "d1", "sentence_id": 1, "start": start, "end": start + len(name),
          "text": name, "entity": name, "label": "PERSON", "role": "", "ner_label": "PERSON",
          "linked_by": "name"}]
    ).to_parquet(tables / "mentions.parquet")  # fmt: skip
    pd.DataFrame(
        [{"doc_id": "d1", "sentence_id": 0, "start": 0, "end": 6, "text": "Intro.",
          "frame": "neither", "sentiment": 0.0},
         {"doc_id": "d1", "sentence_id": 1, "start": 7, "end": len(text) - 5,
          "text": text[7 : len(text) - 5], "frame": "neither", "sentiment": 0.0}]
    ).to_parquet(tables / "sentences.parquet")  # fmt: skip
    pd.DataFrame([{"doc_id": "d1", "text": text}]).to_parquet(tables / "texts.parquet")
    hits = explore.concordance(tmp_path, kind="entity", value=name, group_by="source")
    assert list(hits["match"]) == [name] and list(hits["group"]) == ["<img src=x>"]
    page = explore.concordance_html(hits)
    assert "<script>" not in page and "<b>Bold" not in page and "<img" not in page
    assert "&lt;script&gt;" in page and "<mark>&lt;b&gt;Bold&lt;/b&gt;</mark>" in page
    assert "&lt;img src=x&gt;" in page and "&lt;i&gt;T&lt;/i&gt;" in page
    assert "<b>&lt;b&gt;Bold&lt;/b&gt;</b>" in explore.describe(hits)


def test_the_explorer_follows_its_controls(seed_run):
    """What a JupyterLab user does: pick a speaker, then a frame, and read the rows."""
    quotes = seed_run.table("quotes")
    speaker = quotes["speaker_entity"][quotes["speaker_entity"] != ""].iloc[-1]
    box = explore.explorer(seed_run)
    kind_box, _ = box.children[0].children
    value_box, output = box.children[1], box.children[2]
    kind_box.value = "speaker"
    value_box.value = speaker
    shown = "".join(o["data"]["text/html"] for o in output.outputs)
    assert (
        f"of the speaker <b>{speaker}</b>" in shown
        and shown.count("<mark>") == (quotes["speaker_entity"] == speaker).sum()
    )
    kind_box.value = "frame"
    value_box.value = "destruction"
    assert "sentences of the frame <b>destruction</b>" in output.outputs[-1]["data"]["text/html"]


def test_the_explorer_shows_its_first_value_and_keeps_a_value_across_kinds(seed_run):
    """The table is there as soon as the widget is, and a name that is both a speaker and an
    entity stays picked when the kind changes (the table follows the kind)."""
    box = explore.explorer(seed_run, rows=3)
    kind_box, _ = box.children[0].children
    value_box, output = box.children[1], box.children[2]
    first = output.outputs[-1]["data"]["text/html"]
    assert f"the entity <b>{value_box.value}</b>" in first and first.count("<tr>") == 1 + 3
    quotes = seed_run.table("quotes")
    speaker = quotes["speaker_entity"][quotes["speaker_entity"] != ""].value_counts().index[0]
    value_box.value = speaker
    kind_box.value = "speaker"
    assert value_box.value == speaker
    assert f"of the speaker <b>{speaker}</b>" in output.outputs[-1]["data"]["text/html"]
    kind_box.value = "entity"
    assert f"the entity <b>{speaker}</b>" in output.outputs[-1]["data"]["text/html"]


@pytest.mark.parametrize(
    ("terms", "evidence", "expected"),
    [
        ("killed/VERB", "killed +1.20", "killed/VERB"),  # the lexicon's terms first
        ("", "city +0.60 | group +0.21", "city +0.60 | group +0.21"),  # the classifier's words
        ("", "", ""),
    ],
)
def test_a_frame_sentence_says_why_it_is_in_the_frame(terms, evidence, expected):
    hits = pd.DataFrame(
        {"frame": ["destruction"], "destruction_terms": [terms], "destruction_evidence": [evidence]}
    )
    assert explore._frame_detail(hits, "destruction").tolist() == [expected]


def test_the_explorer_shows_the_notebooks_lookup_without_doing_it_again(seed_run, monkeypatch):
    hits = explore.concordance(seed_run, kind="entity", value="")
    calls = []
    real = explore.concordance
    monkeypatch.setattr(explore, "concordance", lambda *a, **k: calls.append(k) or real(*a, **k))
    box = explore.explorer(seed_run, initial=hits)
    value_box, output = box.children[1], box.children[2]
    assert value_box.value == hits["value"].iloc[0] and not calls
    assert f"the entity <b>{value_box.value}</b>" in output.outputs[-1]["data"]["text/html"]
    explore.explorer(seed_run, kind="speaker", initial=hits)  # not that lookup: done afresh
    assert len(calls) == 1
