"""The reports a grouped run leaves for readers: titles, summaries, comparison tables,
interactive tables that say how many rows they show, and every input string escaped."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pandas as pd
import pytest
from conftest import ROOT

# Four short articles written for this test (no corpus text), from two desks.
ARTICLES = [
    (
        "a1",
        "Daily <b>Planet</b>",
        "2024-03-04",
        "Missiles struck Kharkiv overnight, killing three people and destroying a school. "
        '"We will rebuild every classroom," said Mayor Ihor Terekhov. '
        "Volodymyr Zelenskyy urged allies to send air defence.\n\n"
        "Officials in Kyiv said the damage was severe.",
    ),
    (
        "a2",
        "Daily <b>Planet</b>",
        "2024-03-20",
        "Donors pledged $2 billion for reconstruction at a conference in Rome. "
        '"This is the start of recovery," said Giorgia Meloni. '
        "Volodymyr Zelenskyy thanked the donors.",
    ),
    (
        "a3",
        "Gazette & Sons",
        "2024-04-02",
        "Shelling damaged homes in Kherson and wounded five civilians. "
        '"The city needs water and power," said Roman Mrochko. '
        "Aid groups said reconstruction would take years.",
    ),
    (
        "a4",
        "Gazette & Sons",
        "2024-04-15",
        "Engineers began rebuilding a bridge near Kherson with funds from the European Union. "
        '"We are back at work," said Oleksandr Prokudin. Ursula von der Leyen visited the site.',
    ),
]
DESKS = {"a1": "<i>Foreign</i>", "a2": "<i>Foreign</i>", "a3": "Home & Away", "a4": "Home & Away"}
TITLES = {
    "01_entity_frequency": "Who is named: entity frequency",
    "02_framing": "How events are framed: destruction vs reconstruction",
    "03_quotes": "Who is quoted saying what",
    "04_explore": "Every sentence behind a number: explore a run",
}


@pytest.fixture(scope="module")
def grouped_run(tmp_path_factory):
    """A full run grouped by a metadata column, the metadata path relative to the caller."""
    base = tmp_path_factory.mktemp("grouped")
    with (base / "articles.jsonl").open("w", encoding="utf-8") as handle:
        for doc_id, source, date, text in ARTICLES:
            row = {"id": doc_id, "title": f"Story {doc_id}", "date": date, "source": source}
            handle.write(json.dumps({**row, "url": "", "text": text}) + "\n")
    pd.DataFrame([{"id": k, "desk": v} for k, v in DESKS.items()]).to_csv(
        base / "meta.csv", index=False
    )
    env = {
        **os.environ,
        "NEWSLENS_CACHE_DIR": str(base / "cache"),
        "PYTHONPATH": str(ROOT / "lib"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "newslens", "run", "--corpus", "articles.jsonl", "--out",
         "outputs", "--notebooks", str(ROOT / "notebooks" / "*.ipynb"), "--jobs", "2",
         "-p", "metadata=meta.csv", "-p", "group_by=desk", "-p", "table_rows=3",
         "-p", "min_group_documents=3"],
        cwd=base, env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    [run] = [p for p in (base / "outputs").iterdir() if p.is_dir()]
    return run


def test_the_comparison_tables_have_every_group_flagged(grouped_run):
    manifest = json.loads((grouped_run / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["parameters"]["metadata"] == str(grouped_run.parent.parent / "meta.csv")
    [metadata] = manifest["inputs"]
    assert metadata["parameter"] == "metadata" and len(metadata["sha256"]) == 64
    for name in ("entities_by_group", "frames_by_group", "quote_speakers_by_group"):
        table = pd.read_csv(grouped_run / "tables" / f"{name}.csv", keep_default_na=False)
        assert set(table["group"]) == {"<i>Foreign</i>", "Home & Away"}, name
        assert table["small_group"].astype(str).eq("True").all(), name  # 2 < 3 articles
    frames = pd.read_csv(grouped_run / "tables" / "frames_by_group.csv")
    balance = frames[frames["measure"] == "balance"]
    assert (balance["ci_low"] <= balance["value"]).all()
    assert (balance["value"] <= balance["ci_high"]).all()
    for name in ("entities_by_group", "frames_by_group", "quote_speakers_by_group"):
        assert (grouped_run / "figures" / f"{name}.png").is_file()


def test_reports_have_titles_summaries_and_no_silently_cut_table(grouped_run):
    for name, heading in TITLES.items():
        page = (grouped_run / "html" / f"{name}.html").read_text(encoding="utf-8")
        assert f"<title>{heading} · articles.jsonl</title>" in page
        if name != "04_explore":
            assert "In short" in page  # the opening summary
            assert "Compared across groups" in page
        # pandas cuts a long DataFrame to head and tail around a "..." row: never here
        assert "<td>...</td>" not in page
        tables = len(re.findall(r'<table[^>]* id="nl-', page))
        notes = re.findall(r'<p class="nl-table-note">(.*?)</p>', page)
        assert tables == len(notes), name  # every interactive table says how many rows
        for note in notes:
            shown = re.match(r"(All ([\d,]+) rows|The first ([\d,]+) of ([\d,]+) rows)", note)
            assert shown, note
        assert "unpkg.com" not in page and "<script src=" not in page  # offline
    quotes = (grouped_run / "html" / "03_quotes.html").read_text(encoding="utf-8")
    assert re.search(r"The first 3 of \d+ rows", quotes)
    assert 'href="../tables/quotes.csv"' in quotes


def test_every_input_string_is_escaped(grouped_run):
    pages = [p.read_text(encoding="utf-8") for p in (grouped_run / "html").glob("*.html")]
    pages.append((grouped_run / "index.html").read_text(encoding="utf-8"))
    for page in pages:
        assert "<b>Planet</b>" not in page and "<i>Foreign</i>" not in page
    everything = "".join(pages)
    assert "&lt;i&gt;Foreign&lt;/i&gt;" in everything and "Home &amp; Away" in everything


def test_the_index_shows_the_headline_numbers(grouped_run):
    index = (grouped_run / "index.html").read_text(encoding="utf-8")
    entities = pd.read_csv(grouped_run / "tables" / "entities.csv")
    speakers = pd.read_csv(grouped_run / "tables" / "quote_speakers.csv")
    assert "Headline numbers" in index and "Groups compared by <b>desk</b>" in index
    assert f"<b>{entities['entity'].iloc[0]}</b>" in index
    named = speakers[speakers["speaker"] != "(no speaker)"]
    assert f"<b>{named['speaker'].iloc[0]}</b>" in index and "(no speaker)" not in index
    assert "Frame balance" in index and 'class="thumb"' in index


@pytest.mark.parametrize(("parameters", "folded"), [({}, True), ({"group_by": "source"}, False)])
def test_the_group_section_is_one_line_without_group_by(parameters, folded):
    import nbformat
    from newslens.report import NO_GROUPS_NOTE, _fold_group_section

    cells = [
        nbformat.v4.new_markdown_cell("# Who is named"),
        nbformat.v4.new_markdown_cell("## Over time\n\nMentions per month."),
        nbformat.v4.new_markdown_cell("## Compared across groups\n\nSet `group_by` ..."),
        nbformat.v4.new_code_cell("figure"),
        nbformat.v4.new_markdown_cell("### Every entity in every group"),
        nbformat.v4.new_code_cell("show_table(by_group)"),
        nbformat.v4.new_markdown_cell("## Notes"),
    ]
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["papermill"] = {"parameters": parameters}
    _fold_group_section(notebook)
    sources = [cell.source for cell in notebook.cells]
    if folded:
        assert len(sources) == 4 and NO_GROUPS_NOTE in sources[2]
        assert sources[-1] == "## Notes"
    else:
        assert len(sources) == len(cells)
