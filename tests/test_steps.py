"""newslens.steps: the overview row of a document, and cache keys that follow the settings."""

from __future__ import annotations

from newslens.analyse import analyse_documents
from newslens.corpus import Document
from newslens.nlp import ParseStats
from newslens.steps import DocumentsStep, MentionsStep, QuotesStep, default_steps

TEXTS = [
    "The mayor of Lviv said on Tuesday that the bridge would reopen in May.",
    "Aid agencies delivered food to 12,000 families. Roads remain closed.",
    "Firefighters in Kharkiv fought a blaze at a warehouse for six hours.",
]


def test_documents_step_counts_words_and_sentences(nlp):
    documents = [Document(doc_id=f"d{i}", text=text) for i, text in enumerate(TEXTS)]
    stats = ParseStats()
    tables = analyse_documents(documents, [DocumentsStep()], nlp=nlp, stats=stats)
    overview = tables["documents"]
    assert list(overview["doc_id"]) == ["d0", "d1", "d2"]
    assert list(overview["sentences"]) == [1, 2, 1]
    assert list(overview["words"]) == [14, 11, 12]  # "12,000" is two runs of digits
    # The table adds up to the word count every report and the index show.
    assert overview["words"].sum() == stats.words
    assert list(overview["characters"]) == [len(text) for text in TEXTS]
    assert str(stats) == "3 documents: 3 parsed, 0 from the cache (en_core_web_md 3.8.0)"


def test_a_cache_key_changes_with_the_settings_and_only_then(tmp_path):
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("Kiev\tKyiv\tGPE\n", encoding="utf-8")
    plain, again = MentionsStep(), MentionsStep()
    assert plain.cache_key() == again.cache_key()
    with_file = MentionsStep(alias_file=str(aliases)).cache_key()
    assert with_file != plain.cache_key()
    aliases.write_text("Kiev\tKyiv\tGPE\nKharkov\tKharkiv\tGPE\n", encoding="utf-8")
    assert MentionsStep(alias_file=str(aliases)).cache_key() != with_file  # the file's content


def test_the_default_steps_run_in_dependency_order():
    steps = default_steps()
    names = [step.name for step in steps]
    assert names == ["documents", "mentions", "sentences", "frame_terms", "quotes"]
    for position, step in enumerate(steps):
        assert all(names.index(required) < position for required in step.requires)
    assert isinstance(steps[-1], QuotesStep) and steps[-1].requires == ("mentions",)
