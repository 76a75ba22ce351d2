"""Phrases that are no names: stock market indices."""

from __future__ import annotations

import pytest
from newslens.entities.not_names import names_market_index

# (tokens, name's token range, whether it names a stock market index)
MARKET_INDEX_NAMES = [
    pytest.param(["the", "Dow", "fell"], (0, 2), True, id="the-dow"),
    pytest.param(["Russell", "2000", "index"], (0, 1), True, id="name-tagged-before-its-number"),
    pytest.param(["S&P", "/", "ASX", "200", "fell"], (0, 3), True, id="split-by-the-tokenizer"),
    pytest.param(["Dow", "Chemical", "said"], (0, 2), False, id="a-company-named-after-it"),
    pytest.param(["Hang", "Seng", "Bank", "rose"], (0, 3), False, id="a-bank-named-after-it"),
    pytest.param(["Nasdaq", "said", "it"], (0, 1), False, id="the-exchange-itself"),
    pytest.param(["Kate", "Russell", "spoke"], (0, 2), False, id="a-person"),
]


@pytest.mark.parametrize(("texts", "span", "expected"), MARKET_INDEX_NAMES)
def test_names_market_index(texts, span, expected):
    assert names_market_index(texts, *span) is expected
