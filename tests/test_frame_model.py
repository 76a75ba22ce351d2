"""The frame classifier: training on written sentences, probabilities, evidence, the packaged
model on written passages and on the seed article (read sentence by sentence below)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from newslens.frame_model import (
    LabelledSentences,
    build_vocabulary,
    builtin_classifier_path,
    fit_logistic,
    labelled_features,
    load_classifier,
    train,
)
from newslens.framing import MODEL_COLUMNS, SENTENCE_COLUMNS, score_sentences
from newslens.steps import SentencesStep

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "kyiv-strikes-rome-recovery-conference.txt"

# Written for these tests: one article per list, each sentence with a reader's label.
TRAIN = [
    [
        ("Rebels shelled the port overnight, setting warehouses on fire.", "destruction"),
        ("The bombing killed twelve people at the market.", "destruction"),
        ("Donors pledged money to rebuild the bridge.", "reconstruction"),
        ("Volunteers handed out food and blankets to the families.", "reconstruction"),
        ("The ministers met in Geneva on Tuesday.", "neither"),
        ("The senator spoke about taxes.", "neither"),
    ],
    [
        ("Gunmen attacked the village and burned the houses.", "destruction"),
        ("Crews began to repair the damaged power lines.", "reconstruction"),
        ("Aid workers rebuilt the school the bombs had destroyed.", "both"),
        ("The committee will vote next week.", "neither"),
    ],
]
DEV = [
    [
        ("Shelling destroyed the hospital and killed two nurses.", "destruction"),
        ("Engineers are rebuilding the road with donated money.", "reconstruction"),
        ("The talks resumed in Vienna.", "neither"),
    ]
]


def _set(nlp, articles):
    from newslens.corpus import Document

    features, gold = [], []
    for number, sentences in enumerate(articles):
        text = "\n\n".join(s for s, _ in sentences)
        starts = [text.index(s) for s, _ in sentences]
        document = Document(f"w{number}", text)
        labels = __import__("pandas").DataFrame(
            {
                "article_id": document.doc_id,
                "start": starts,
                "end": [st + len(s) for st, (s, _) in zip(starts, sentences, strict=True)],
                "label": [label for _, label in sentences],
            }
        )
        found, labels_found, unmatched = labelled_features(labels, [document], nlp=nlp)
        assert unmatched == []
        features += found
        gold += labels_found
    return LabelledSentences.from_features(features, gold)


@pytest.fixture(scope="module")
def written(nlp):
    return _set(nlp, TRAIN), _set(nlp, DEV)


def test_training_is_deterministic_and_probabilities_are_probabilities(written):
    train_set, dev_set = written
    first = train(train_set, dev_set, min_count=1, penalties=(1.0, 3.0))
    second = train(train_set, dev_set, min_count=1, penalties=(1.0, 3.0))
    assert first.to_json() == second.to_json()
    assert first.sha256 == second.sha256
    assert set(first.thresholds) == {"destruction", "reconstruction"}
    assert "rebuild" in first.vocabulary and "kill" in first.vocabulary
    # Words of a frame weigh for it: "kill" up for destruction, "rebuild" up for reconstruction.
    index = {w: i for i, w in enumerate(first.vocabulary)}
    assert first.word_weights["destruction"][index["kill"]] > 0
    assert first.word_weights["reconstruction"][index["rebuild"]] > 0
    assert (
        first.word_weights["destruction"][index["rebuild"]]
        < (first.word_weights["reconstruction"][index["rebuild"]])
    )


def test_fit_logistic_separates_a_separable_set():
    x = np.array([[0.0], [1.0], [2.0], [3.0]])
    y = np.array([0.0, 0.0, 1.0, 1.0])
    w, b = fit_logistic(x, y, penalty=0.1)
    p = 1 / (1 + np.exp(-(x[:, 0] * w[0] + b)))
    assert list(p > 0.5) == [False, False, True, True]
    assert build_vocabulary([["a", "b"], ["a"], ["c"]], min_count=2) == ["a"]


def test_saved_model_round_trips(written, tmp_path):
    model = train(*written, min_count=1, penalties=(1.0,))
    path = model.save(tmp_path / "model.json")
    loaded = load_classifier(path)
    assert loaded.sha256 == model.sha256
    assert loaded.vocabulary == model.vocabulary
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "other"}))
    with pytest.raises(ValueError, match="not a newslens-frame-classifier"):
        load_classifier(bad)


def test_packaged_model_on_written_sentences(nlp):
    classifier = load_classifier()
    assert builtin_classifier_path().is_file() and classifier.version
    doc = nlp(
        "Rebels shelled the port overnight, killing four dockworkers and setting two"
        " warehouses on fire.\n\n"
        "Donors pledged $2 billion to rebuild the city's hospitals and schools.\n\n"
        "The foreign ministers met in Geneva to discuss trade."
    )
    table = score_sentences(doc, doc_id="w", classifier=classifier, sentiment=False)
    assert list(table.columns) == SENTENCE_COLUMNS + MODEL_COLUMNS
    assert table["frame"].tolist() == ["destruction", "reconstruction", "neither"]
    for column in ("destruction_p", "reconstruction_p"):
        assert table[column].between(0, 1).all()
    # The evidence names the words that weighed: "kill"/"shell" and "rebuild"/"pledge".
    assert "kill" in table["destruction_evidence"][0]
    assert "rebuild" in table["reconstruction_evidence"][1]
    assert table["lexicon_frame"].tolist()[0] == "destruction"


def test_step_settings_carry_the_model_hash():
    step = SentencesStep()
    settings = step.settings()
    assert settings["classifier"]["sha256"] == load_classifier().sha256
    assert SentencesStep(classifier="").settings()["classifier"] is None
    assert SentencesStep().cache_key() != SentencesStep(classifier="").cache_key()


# My reading of the seed's 17 sentences (as newslens cuts them: 17, same as before the
# paragraph-break rule), by the guideline's rules.
SEED_READING = {
    0: "both",  # a wave of strikes killing two, as leaders gather to pledge reconstruction aid
    1: "destruction",  # buildings ablaze, cars charred, streets strewn with debris
    2: "reconstruction",  # urge allies to seize frozen assets to fund rebuilding
    3: "both",  # EUR 2.3 billion pledged despite relentless strikes (R14: harm told)
    4: "neither",  # the attacks only date the talks in Kuala Lumpur (R2 date, R5)
    5: "neither",  # Rubio on the meeting (R5)
    6: "neither",  # Trump accuses Putin of undermining diplomacy (R5)
    7: "neither",  # the Kremlin's reading of the talks (R5)
    8: "destruction",  # explosions and anti-aircraft fire over Kyiv
    9: "destruction",  # crews fight fires; shattered glass (emergency response: toll told)
    10: "both",  # strikes to overshadow the conference; reconstruction "dignity and hope"
    11: "both",  # every destroyed house will be rebuilt
    12: "both",  # destruction and reconstruction, the war grinding on
    13: "both",  # recovery plans vs a daily battle for survival under aerial onslaught
    14: "both",  # billions pledged pale beside $486 billion in war damages
    15: "destruction",  # Russian strikes intensifying (harm underway, R1/R3)
    16: "both",  # shelter from missiles by night, tools to rebuild by day
}


def test_seed_article_against_a_careful_reading(nlp):
    """The packaged classifier on the seed, against the reading above. Target 15 of 17;
    it reaches 11 (it misses `both` where the harm is told in a few words beside a pledge,
    sentences 3, 10, 13, 14, and calls 4 destruction): this asserts what it reaches so
    any regression shows, and the README states the gap."""
    table = score_sentences(
        nlp(SEED.read_text(encoding="utf-8")), doc_id="seed", classifier=load_classifier()
    )
    assert len(table) == 17
    right = [i for i, label in SEED_READING.items() if table["frame"][i] == label]
    assert len(right) >= 11, (right, table["frame"].tolist())
    # The plain cases are always right.
    for i in (0, 1, 2, 5, 6, 7, 8, 9, 11, 12, 15, 16):
        assert table["frame"][i] == SEED_READING[i], (i, table["frame"][i])
