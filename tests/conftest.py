"""Shared fixtures: the spaCy pipeline, loaded once per test session, and paths to data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline (en_core_web_md), loaded once for the whole session."""
    from newslens.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the checkout (always present in CI); skips when absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the shared benchmark data is not beside this checkout")
    return SHARED


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    """Keep each test session's parse cache out of the user's home."""
    cache = tmp_path_factory.getbasetemp() / "parse-cache"
    monkeypatch.setenv("NEWSLENS_CACHE_DIR", str(cache))
