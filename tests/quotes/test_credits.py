"""Clauses a writer credits to a source: "as X noted" inside, before or after the
sentence, and "according to X" (or "per X") in any position."""

from __future__ import annotations

import pytest
from quotes_testing import quotes_of

# (text, expected rows: quote, kind, cue, speaker, speaker_entity)
CREDITED_CLAUSES = [
    pytest.param(
        "The company will cut 500 jobs next year, per Reuters. Per a spokesman, the plant"
        " will close. Gas costs $5 per gallon, and the tax is $100 per person.",
        [
            ("The company will cut 500 jobs next year", "indirect", "per", "Reuters", "Reuters"),
            ("the plant will close", "indirect", "Per", "a spokesman", ""),
        ],
        id="per-credits-a-source-but-not-an-amount",
    ),
    pytest.param(
        "The talks will resume next week, according to Foreign Minister Lina Berg.",
        [("The talks will resume next week", "indirect", "according", "Lina Berg", "Lina Berg")],
        id="according-to",
    ),
    pytest.param(
        "The new plant, according to Governor Ellen Park, will open in the spring of 2027.",
        [
            (
                "The new plant, according to Governor Ellen Park, will open in the spring of 2027",
                "indirect",
                "according",
                "Ellen Park",
                "Ellen Park",
            )
        ],
        id="according-to-inside-the-sentence",
    ),
    pytest.param(
        "The firm leads its rivals by 271 contracts, according to a count by the Gazette, but"
        " the rival has vowed to fight on. But according to the memo, the plant will close in"
        " May.",
        [
            (
                "The firm leads its rivals by 271 contracts",
                "indirect",
                "according",
                "a count",
                "",
            ),
            ("the plant will close in May", "indirect", "according", "the memo", ""),
        ],
        id="according-to-before-the-writers-contrast-or-after-but",
    ),
    pytest.param(
        "The toll, as Mayor Ann Vale said on Monday, will double next year.",
        [
            (
                "The toll, as Mayor Ann Vale said on Monday, will double next year",
                "indirect",
                "said",
                "Ann Vale",
                "Ann Vale",
            )
        ],
        id="as-clause-inside-the-sentence-credits-it",
    ),
    pytest.param(
        "As Ann Vale noted last week, the bill does nothing for rural hospitals.",
        [
            (
                "As Ann Vale noted last week, the bill does nothing for rural hospitals",
                "indirect",
                "noted",
                "Ann Vale",
                "Ann Vale",
            )
        ],
        id="as-clause-before-the-sentence-credits-it",
    ),
    pytest.param(
        "Tom Hale left the hall as Ann Vale replied. As Ann Vale explained the plan, the crowd"
        " grew quiet. Ann Vale will cut the toll, as she said she would.",
        [],
        id="as-clauses-that-tell-when-or-what-was-promised-credit-nothing",
    ),
    pytest.param(
        "The plant changed hands over the summer, as Ann Vale has sometimes acknowledged.",
        [
            (
                "The plant changed hands over the summer",
                "indirect",
                "acknowledged",
                "Ann Vale",
                "Ann Vale",
            )
        ],
        id="as-clause-closing-the-sentence-credits-what-comes-before",
    ),
    pytest.param(
        "As reported by the Harbor Ledger, inspectors found 40 cracked beams in the old pier.",
        [
            (
                "As reported by the Harbor Ledger, inspectors found 40 cracked beams in the old"
                " pier",
                "indirect",
                "reported",
                "the Harbor Ledger",
                "Harbor Ledger",
            )
        ],
        id="passive-as-clause-credits-its-agent",
    ),
    pytest.param(
        '"We will rebuild the pier," Ann Vale noted in an interview with a radio host, as'
        " reported by the Harbor Ledger.",
        [('"We will rebuild the pier,"', "direct", "noted", "Ann Vale", "Ann Vale")],
        id="as-clause-after-an-attribution-credits-no-report",
    ),
    pytest.param(
        "Critics say his childhood in the city was not as violent and angry as he suggested."
        " So far nothing about the budget has proceeded as anyone predicted.",
        [
            (
                "his childhood in the city was not as violent and angry as he suggested",
                "indirect",
                "say",
                "Critics",
                "",
            )
        ],
        id="as-clauses-that-compare-or-tell-how-credit-nothing",
    ),
    pytest.param(
        '"We will not back down," the mayor will say, according to excerpts of the speech'
        " released by her office.",
        [('"We will not back down,"', "direct", "say", "the mayor", "")],
        id="according-to-after-a-quotation-and-its-attribution-credits-no-clause",
    ),
    pytest.param(
        "Vale leads Cross in the county by  about 6 points, according to a Gazette average of"
        " recent polls. The firm has spent\u00a0about $12 million since May,  according to"
        " media trackers.",
        [
            (
                "Vale leads Cross in the county by  about 6 points",
                "indirect",
                "according",
                "a Gazette average",
                "",
            ),
            (
                "The firm has spent\u00a0about $12 million since May",
                "indirect",
                "according",
                "media trackers",
                "",
            ),
        ],
        id="a-run-of-spaces-inside-a-line-breaks-no-clause",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CREDITED_CLAUSES)
def test_credited_clauses(nlp, text, expected):
    assert quotes_of(nlp, text) == expected
