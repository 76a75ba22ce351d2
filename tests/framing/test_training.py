"""Training the frame classifier (newslens.framing.training) on sentences written here:
deterministic, probabilities, round trip through JSON."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from newslens.corpus import Document
from newslens.framing import (
    LabelledSentences,
    build_vocabulary,
    fit_logistic,
    labelled_features,
    load_classifier,
    train,
)

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
    features, gold = [], []
    for number, sentences in enumerate(articles):
        text = "\n\n".join(s for s, _ in sentences)
        starts = [text.index(s) for s, _ in sentences]
        document = Document(f"w{number}", text)
        labels = pd.DataFrame(
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
