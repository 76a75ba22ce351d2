"""Attribution of quotes in marks whose speaker needs more than the nearest verb."""

from __future__ import annotations

import pytest
from quotes_testing import quotes_of

# (passage, expected rows: quote, kind, cue, speaker, speaker_entity)
MARKED_PATTERNS = [
    pytest.param(
        'The main test for the grant is a "lawful source of income," as a ministry memo put it.',
        [('"lawful source of income,"', "partial", "put", "a ministry memo", "")],
        id="as-a-source-put-it",
    ),
    pytest.param(
        'A fact-check looked at Paul Grant\'s claim that there were "hundreds of leaks" in'
        " the ministry this year.",
        [('"hundreds of leaks"', "partial", "claim", "Paul Grant", "Paul Grant")],
        id="partial-quote-under-a-speech-noun",
    ),
    pytest.param(
        "The audit supports the contention of Paul Grant that the accounts were"
        ' "cooked for years."',
        [('"cooked for years."', "partial", "contention", "Paul Grant", "Paul Grant")],
        id="partial-quote-under-a-speech-noun-owned-through-of",
    ),
    pytest.param(
        'The new rules, Paul Grant explained at the hearing, were "long overdue" for the city.',
        [('"long overdue"', "partial", "explained", "Paul Grant", "Paul Grant")],
        id="partial-quote-under-a-parenthetical-report",
    ),
    pytest.param(
        "Paul Grant wrote that the report was “shoddy” and urged readers to “look again” at"
        " the data.",
        [
            ("“shoddy”", "partial", "wrote", "Paul Grant", "Paul Grant"),
            ("“look again”", "partial", "urged", "Paul Grant", "Paul Grant"),
        ],
        id="fragments-under-two-verbs-stay-apart",
    ),
    pytest.param(
        'Manafort said Trump has "several ways" of reaching the magic number, including the'
        ' 100 or so "unbound" delegates.',
        [
            (
                '"several ways" of reaching the magic number, including the 100 or so "unbound"',
                "partial",
                "said",
                "Manafort",
                "Manafort",
            )
        ],
        id="fragments-of-one-report-are-one-quote",
    ),
    pytest.param(
        'Jane Holt wrote that the plan was "reckless" and encouraged voters to "look again" at it.',
        [
            ('"reckless"', "partial", "wrote", "Jane Holt", "Jane Holt"),
            ('"look again"', "partial", "wrote", "Jane Holt", "Jane Holt"),
        ],
        id="fragments-under-two-predicates-stay-apart",
    ),
    pytest.param(
        "Paul Grant, meanwhile, who holds no such seats, said that fact speaks volumes about"
        ' which of the two mayors is "fit to serve."',
        [('"fit to serve."', "partial", "said", "Paul Grant", "Paul Grant")],
        id="subject-parsed-into-the-relative-clause-before-the-verb",
    ),
    pytest.param(
        "Despite what he wrote in Reyes’s speech about Clinton, Cross said he “will still back"
        " her.”",
        [("“will still back her.”", "partial", "said", "Cross", "Cross")],
        id="surname-tagged-as-an-organisation-right-before-the-verb",
    ),
    pytest.param(
        "In a note to the Herald, his senior legal adviser, Ana Ruiz, said: “The council"
        " believes that the plan is lawful.”",
        [
            (
                "“The council believes that the plan is lawful.”",
                "direct",
                "said",
                "Ana Ruiz",
                "Ana Ruiz",
            )
        ],
        id="name-closing-an-apposition-before-the-verb",
    ),
    pytest.param(
        "Here are some of the claims we checked.\n\n"
        '"The new bridge will cost less than the old one."\n\n'
        "- Tom Reyes.\n\nThe mayor is relying on an outdated estimate.",
        [
            (
                '"The new bridge will cost less than the old one."',
                "direct",
                "",
                "Tom Reyes",
                "Tom Reyes",
            )
        ],
        id="credit-line-after-a-quote-that-fills-its-paragraph",
    ),
    pytest.param(
        '"The new bridge will cost less than the old one."\n\n'
        "- Next, the council debated the plan for most of the evening without a vote.",
        [('"The new bridge will cost less than the old one."', "direct", "", "", "")],
        id="a-long-line-after-a-dash-is-no-credit",
    ),
    pytest.param(
        "On Monday the Harbour Authority issued a statement about the closure.\n\n"
        '"We regret the delay and will reopen the port as soon as it is safe."',
        [
            (
                '"We regret the delay and will reopen the port as soon as it is safe."',
                "direct",
                "statement",
                "the Harbour Authority",
                "Harbour Authority",
            )
        ],
        id="quote-after-a-paragraph-that-issues-a-statement",
    ),
    pytest.param(
        "Jane Holt escalated her criticism on Tuesday, telling reporters that Reyes is a"
        " “faker” and questioning how he has “gotten away with it.”",
        [
            ("“faker”", "partial", "telling", "Jane Holt", "Jane Holt"),
            ("“gotten away with it.”", "partial", "telling", "Jane Holt", "Jane Holt"),
        ],
        id="fragments-after-and-a-new-verb-stay-apart",
    ),
    pytest.param(
        'The remark prompted Jane Holt to make a joke and call the plan "a fantasy."',
        [('"a fantasy."', "partial", "call", "Jane Holt", "Jane Holt")],
        id="object-of-a-verb-of-causing-does-the-calling",
    ),
    pytest.param(
        "“We do not see a link to the outage,” Mayor Tom Becker said, adding that it would"
        ' take "a few more days” before power returns.',
        [
            ("“We do not see a link to the outage,”", "direct", "said", "Tom Becker", "Tom Becker"),
            ('"a few more days”', "partial", "adding", "Tom Becker", "Tom Becker"),
        ],
        id="straight-mark-opening-in-curly-text",
    ),
    pytest.param(
        "The ad ends with footage of Jane Holt asking, “Why are we still waiting for the new"
        " bridge?” while the crowd cheers.",
        [
            (
                "“Why are we still waiting for the new bridge?”",
                "direct",
                "asking",
                "Jane Holt",
                "Jane Holt",
            )
        ],
        id="reporting-verb-right-before-the-quote",
    ),
    pytest.param(
        '"We will rebuild the bridge," Mayor Tom Reyes said.\n\n'
        'At a meeting on Tuesday, his rival Jane Holt retorted: "The bridge was never his idea."',
        [
            ('"We will rebuild the bridge,"', "direct", "said", "Tom Reyes", "Tom Reyes"),
            ('"The bridge was never his idea."', "direct", "retorted", "Jane Holt", "Jane Holt"),
        ],
        id="a-retort-is-reported-speech",
    ),
    pytest.param(
        "“It is a tough charge,” Senator Ann Vale said. “But, come on.”",
        [
            ("“It is a tough charge,”", "direct", "said", "Ann Vale", "Ann Vale"),
            ("“But, come on.”", "direct", "", "Ann Vale", "Ann Vale"),
        ],
        id="a-short-quote-right-after-the-attribution-goes-on-with-its-speaker",
    ),
    pytest.param(
        "When Reyes suggested that the city would sue the state, Ann Vale fired back"
        " forcefully: \u201cIf they sue us, they are going to lose.\u201d The Cross campaign, in"
        " a note on the vote, worded it even more carefully: \"The mayor's practice was to"
        " consult the council first.\" Ever since Tom Cross announced his bid last year, he's"
        ' said the same thing at every stop: "It is not about me, it is about us."',
        [
            ("that the city would sue the state", "indirect", "suggested", "Reyes", "Reyes"),
            (
                "\u201cIf they sue us, they are going to lose.\u201d",
                "direct",
                "",
                "Ann Vale",
                "Ann Vale",
            ),
            (
                '"The mayor\'s practice was to consult the council first."',
                "direct",
                "",
                "The Cross campaign",
                "",
            ),
            ('"It is not about me, it is about us."', "direct", "said", "he", "Tom Cross"),
        ],
        id="the-colon-lead-in-speaks-not-a-clause-of-time-before-it",
    ),
]


@pytest.mark.parametrize(("text", "expected"), MARKED_PATTERNS)
def test_marked_quote_patterns(nlp, text, expected):
    assert quotes_of(nlp, text) == expected


# (passage, (speaker, speaker_entity) of its one direct quote)
DIRECT_QUOTE_SPEAKERS = [
    pytest.param(
        "Reyes didn’t seem particularly impressed with the plan Tuesday, telling reporters,"
        " “A lot of people said the mayor should step down.”",
        ("Reyes", "Reyes"),
        # The parser hangs the sentence before the quotation on the verb inside it; the
        # participle still shares the subject of the clause it follows.
        id="participle-before-a-quotation-whose-verb-the-parser-took-for-the-root",
    ),
    pytest.param(
        "Tom Reyes spoke first. The veteran mayor said he seldom asks friends to campaign"
        " for him, “except for people I trust completely. And that list is short.”",
        ("The veteran mayor", "Tom Reyes"),
        id="sentence-in-marks-ending-a-reported-clause-is-the-report's-source's",
    ),
    pytest.param(
        "The morning after the vote, Ann Vale says, Tom Reyes told his staff in the office,"
        " “We will work for every resident of this town.”",
        ("Tom Reyes", "Tom Reyes"),
        id="a-named-reporter-inside-the-report-keeps-the-quote",
    ),
    pytest.param(
        "Senator Ann Vale spoke first. As the hearing went on and Mayor Tom Reyes stood by"
        ' his remark Monday that "Farmers are paying for this," Vale tried to interrupt him.',
        ("his", "Tom Reyes"),
        id="sentence-in-marks-as-the-that-clause-of-a-speech-noun",
    ),
    pytest.param(
        "“This is just a show and we are all props,” said Ohio delegate Ken Marsh, angered"
        " that party leaders ignored them.",
        ("Ken Marsh", "Ken Marsh"),
        id="inverted-attribution-whose-name-the-parser-hung-on-the-next-verb",
    ),
    pytest.param(
        "“The flood is a warning to every city on the coast.” George Smith wrote in the Post.",
        ("George Smith", "George Smith"),
        id="attribution-in-the-next-sentence",
    ),
    pytest.param(
        "After the council cut the budget, Mayor Jane Holt hit back, “We will find the"
        " money somewhere else, as we always do.”",
        ("Jane Holt", "Jane Holt"),
        id="any-verb-introducing-a-direct-quote",
    ),
    pytest.param(
        "“We will fix every road in this county,” Paul Grant boomed to the crowd.",
        ("Paul Grant", "Paul Grant"),
        id="any-verb-after-a-direct-quote",
    ),
    pytest.param(
        "“Who is going to pay for all of this?” asked Sen. Paul Grant of Ohio.",
        ("Paul Grant", "Paul Grant"),
        id="inverted-subject-with-a-title",
    ),
    pytest.param(
        'Ellen Park has since apologized for the delay: "We should have told the families'
        ' sooner. That was a mistake."',
        ("Ellen Park", "Ellen Park"),
        id="colon-lead-in-with-its-own-verb",
    ),
    pytest.param(
        'The council was not moved. Mayor Jane Holt objected:  "Cities do not have the power'
        ' to suspend state law."',
        ("Jane Holt", "Jane Holt"),
        id="colon-lead-in-followed-by-two-spaces",
    ),
    pytest.param(
        "The agency published its audit on Friday. From the report: “In general, the larger"
        " the county, the longer the wait for a permit.”",
        ("the report", ""),
        id="colon-lead-in-from-a-document",
    ),
    pytest.param(
        "The council met on Monday. Ann Vale's message was clear: “We will rebuild the"
        " bridge by spring.”",
        ("Ann Vale", "Ann Vale"),
        id="colon-lead-in-announcing-someones-message",
    ),
    pytest.param(
        "Ann Vale ran the clinic for thirty years. Her motto was, “Never turn anyone away.”",
        ("Her", "Ann Vale"),
        id="comma-after-a-copula-announcing-someones-motto",
    ),
    pytest.param(
        "Voters are split. “The governor needs a plan for [rural] voters & [suburban]"
        " parents,” Ann Vale, the analyst who founded pollwatch.org tweeted on Monday.",
        ("Ann Vale", "Ann Vale"),
        id="name-after-the-quote-whose-verb-the-parser-gave-no-subject",
    ),
    pytest.param(
        '"Today, the kingdom is one of the leading nations in fighting crime," the Saudis state'
        " in the white paper, which was shared with lawmakers.",
        ("Saudis", "Saudis"),
        id="reporting-verb-after-the-quote-tagged-as-a-noun",
    ),
    pytest.param(
        "“They know she is the only one strong enough to stop these abuses,” a voice-over in"
        " the ad states.",
        ("a voice-over", ""),
        id="reporting-verb-after-a-noun-phrase-tagged-as-a-plural-noun",
    ),
    pytest.param(
        "“This might, and should, hasten the end of the campaign for all three of them,” Will"
        " wrote.",
        ("Will", ""),
        id="speaker-whose-name-the-tagger-read-as-a-modal",
    ),
    pytest.param(
        "When I asked Senator Mary Hale if she would ever back the bill, she looked straight"
        ' into the camera, furrowed her brow and said, "I am going to back YOU!"',
        ("she", "Mary Hale"),
        id="a-verb-in-a-series-shares-the-subject-of-the-first-(not-inverted-after-a-comma)",
    ),
    pytest.param(
        "Even a top Democratic strategist said Ann Vale will have to choose whose side she is"
        " on, saying, “At some point, she is going to have to come out.”",
        ("a top Democratic strategist", ""),
        id="participle-after-a-reported-clause-with-an-infinitive-is-the-reporter's",
    ),
]


@pytest.mark.parametrize(("text", "expected"), DIRECT_QUOTE_SPEAKERS)
def test_direct_quote_speakers(nlp, text, expected):
    rows = quotes_of(nlp, text)
    assert [(speaker, entity) for _, kind, _, speaker, entity in rows if kind == "direct"] == [
        expected
    ]


# Lead-ins ending with a colon whose words name a place as well as the source.
PLACE_IN_LEAD_IN = [
    pytest.param(
        "From Kathmandu, Cindy Lind, the director of global programs for Real Medicine"
        " Foundation, sent this update late Tuesday:\n\n"
        '"I am in a very crowded tent in a parking lot right now. The city is in a freeze."',
        [
            (
                '"I am in a very crowded tent in a parking lot right now. The city is in a'
                ' freeze."',
                "direct",
                "",
                "Cindy Lind",
                "Cindy Lind",
            )
        ],
        id="the-place-a-report-comes-from-is-not-its-sender",
    ),
    pytest.param(
        "Flood warnings spread along the coast.\n\n"
        "Witness in Lyon: 'Water came up to the windows'\n\n"
        "Amid the damage in Lyon, volunteers arrive\n\n"
        "Lyon resident: 'We are afraid, and it is difficult to sleep'",
        [
            ("'Water came up to the windows'", "direct", "", "Witness", ""),
            (
                "'We are afraid, and it is difficult to sleep'",
                "direct",
                "",
                "Lyon resident",
                "",
            ),
        ],
        id="a-person-at-a-place-and-a-noun-for-people",
    ),
    pytest.param(
        '"We will not raise the fare," Mayor Ann Vale told the Kenton Herald in May.\n\n'
        'Then, a week later on KTV News: "We have to raise the fare."\n\n'
        'Councillor Tom Ruiz on Twitter: "The mayor has changed her mind."',
        [
            ('"We will not raise the fare,"', "direct", "told", "Ann Vale", "Ann Vale"),
            ('"We have to raise the fare."', "direct", "", "Ann Vale", "Ann Vale"),
            (
                '"The mayor has changed her mind."',
                "direct",
                "",
                "Tom Ruiz",
                "Tom Ruiz",
            ),
        ],
        # The channel a lead-in ends with is where the words were said, not who said them:
        # the quote goes on from the last speaker, or is the person named before it.
        id="a-lead-in-s-channel-is-not-its-speaker",
    ),
]


@pytest.mark.parametrize(("text", "expected"), PLACE_IN_LEAD_IN)
def test_a_lead_in_s_place_is_not_its_speaker(nlp, text, expected):
    assert quotes_of(nlp, text) == expected
