"""Speakers linked to entities: names, pronouns, role nouns, organisations and outlets named
again by a short name or a common noun."""

from __future__ import annotations

import pytest
from newslens.quotes import extract_quotes
from quotes_testing import quotes_of
from spacy.tokens import Span

# (text, expected rows: quote, kind, cue, speaker, speaker_entity)
SPEAKERS = [
    pytest.param(
        '"It was not a convincing case," said one Republican familiar with the talks, who'
        ' added that the White House seemed "rattled" by the vote.',
        [
            ('"It was not a convincing case,"', "direct", "said", "Republican", "Republican"),
            ('"rattled"', "partial", "added", "who", "Republican"),
        ],
        # The parser hangs "who" on "the talks"; a thing is no "who", the person familiar
        # with it is.
        id="who-after-a-thing-stands-for-the-person-the-phrase-describes",
    ),
    pytest.param(
        'Maria Lopez runs the bakery on Elm Street. "We will rebuild by spring," she said.',
        [('"We will rebuild by spring,"', "direct", "said", "she", "Maria Lopez")],
        id="pronoun-resolved-to-the-person-named-before",
    ),
    pytest.param(
        "Energy Minister Olga Petrenko visited the plant on Friday. "
        '"The grid is stable and the repairs are finished," the minister said.',
        [
            (
                '"The grid is stable and the repairs are finished,"',
                "direct",
                "said",
                "the minister",
                "Olga Petrenko",
            )
        ],
        id="role-noun-resolved-to-the-person-named-before",
    ),
    pytest.param(
        'Our reporter met Lina Saleh, a nurse from Aleppo, who told him, "We have no medicine'
        ' left. Nothing."',
        # The speaker's words are the relative pronoun, as for "he told him", linked to
        # the person "who" stands for.
        [('"We have no medicine left. Nothing."', "direct", "told", "who", "Lina Saleh")],
        id="who-after-a-place-stands-for-the-person",
    ),
    pytest.param(
        "The plan was criticised by Karl Brandt, the leader of the opposition in Lower Saxony,"
        " who suggested that the minister should resign.",
        [
            (
                "that the minister should resign",
                "indirect",
                "suggested",
                "who",
                "Karl Brandt",
            )
        ],
        id="who-after-a-chain-of-phrases-ending-in-a-place",
    ),
    pytest.param(
        "Experts say Tom Reyes is right that China is not playing fair on trade. But they warn"
        " that his tariff would be a mistake.",
        [
            (
                "Tom Reyes is right that China is not playing fair on trade",
                "indirect",
                "say",
                "Experts",
                "",
            ),
            ("that his tariff would be a mistake", "indirect", "warn", "they", ""),
        ],
        id="they-after-a-noun-for-people-is-not-the-name-in-between",
    ),
    pytest.param(
        "The summit in France ended early on Monday. They said the deal was dead.",
        [("the deal was dead", "indirect", "said", "They", "")],
        id="they-is-not-a-country",
    ),
    pytest.param(
        '"The talks were useful," the Kremlin said.',
        [('"The talks were useful,"', "direct", "said", "Kremlin", "Kremlin")],
        id="organisation",
    ),
    pytest.param(
        'A Times article hailed the mayor as "The Comeback Kid" in 1995.',
        [('"The Comeback Kid"', "partial", "hailed", "A Times article", "")],
        id="a-document-casting-someone",
    ),
    pytest.param(
        'The ad claims the senator voted "against every veteran."',
        [('"against every veteran."', "partial", "claims", "The ad", "")],
        id="a-document-making-a-claim",
    ),
    pytest.param(
        'The study was "deeply flawed," critics said on Tuesday.',
        [('"deeply flawed,"', "partial", "said", "critics", "")],
        id="a-document-described-is-not-the-speaker",
    ),
    pytest.param(
        'Foreign Minister Jean Roux said the test was "a grave threat." Secretary General Ana'
        ' Silva condemned what she called a "brazen breach" of the resolutions.',
        [
            ('"a grave threat."', "partial", "said", "Jean Roux", "Jean Roux"),
            ('"brazen breach"', "partial", "called", "she", "Ana Silva"),
        ],
        id="pronoun-takes-the-subject-of-the-clause-that-holds-it",
    ),
    pytest.param(
        '"The plan is dead," said Maria Lopez, who added that the city would "start again'
        ' in spring."',
        [
            ('"The plan is dead,"', "direct", "said", "Maria Lopez", "Maria Lopez"),
            ('"start again in spring."', "partial", "added", "who", "Maria Lopez"),
        ],
        id="relative-pronoun-linked-to-the-person-it-stands-for",
    ),
    pytest.param(
        'Critics, who call the law "a blank cheque," want it repealed.',
        [('"a blank cheque,"', "partial", "call", "Critics", "")],
        id="relative-pronoun-of-an-unnamed-group-keeps-the-noun",
    ),
    pytest.param(
        "Senator Jeff Sessions endorsed him on Sunday. Cruz may need the votes.\n\n"
        "“I told him, this isn’t a campaign, this is a movement,” Sessions said"
        ' when endorsing Trump. "Today is a good day," he added.',
        [
            (
                "“I told him, this isn’t a campaign, this is a movement,”",
                "direct",
                "said",
                "Sessions",
                "Jeff Sessions",
            ),
            ('"Today is a good day,"', "direct", "added", "he", "Jeff Sessions"),
        ],
        id="surname-the-tagger-took-for-a-plural-noun-speaks",
    ),
    pytest.param(
        "The senator emailed supporters saying: “The struggle continues.” Her campaign"
        " quickly sent an email to donors stating, “We will win this race.” At the"
        " rally I heard voters saying, “We want change.”",
        [
            ("“The struggle continues.”", "direct", "saying", "The senator", ""),
            ("“We will win this race.”", "direct", "stating", "Her campaign", ""),
            ("“We want change.”", "partial", "saying", "voters", ""),
        ],
        id="people-addressed-do-not-speak-the-sender-does",
    ),
    pytest.param(
        'Leaflets quickly appeared in front of NLD headquarters that said "We won."',
        [('"We won."', "direct", "said", "Leaflets", "")],
        id="relative-clause-hung-on-a-verb-stands-for-its-subject",
    ),
    pytest.param(
        "Shortly after the call ended, the Vale campaign sent out a press release saying Tom"
        " Cross owes “voters an explanation for his vote.”",
        [
            (
                "“voters an explanation for his vote.”",
                "partial",
                "saying",
                "the Vale campaign",
                "",
            )
        ],
        id="press-release-speaks-for-its-sender",
    ),
    pytest.param(
        'Protesters marching through the streets chanted "What curfew?" and kept going until'
        " nearly 2 a.m.",
        [('"What curfew?"', "partial", "chanted", "Protesters", "")],
        id="verb-hung-on-the-participle-of-its-subjects-phrase",
    ),
    pytest.param(
        "No one during the three-hour hearing demanded that she quit. If you had said \u201ca"
        " small group,\u201d you would have been right. None of the candidates said they would"
        " fight it out at the convention.",
        [("\u201ca small group,\u201d", "partial", "said", "", "")],
        id="neither-the-reader-nor-nobody-speaks",
    ),
    pytest.param(
        "Outside the arena, protesters held up signs reading, \u201cClean water now.\u201d Ann"
        " Vale has gone into a rage. She wears a green shirt that reads, \u201cProud to be"
        " loud.\u201d",
        [
            ("\u201cClean water now.\u201d", "partial", "reading", "protesters", ""),
            ("\u201cProud to be loud.\u201d", "direct", "reads", "She", "Ann Vale"),
        ],
        id="words-on-a-sign-or-a-shirt-are-their-holders-or-wearers",
    ),
    pytest.param(
        "Outside the arena, the protesters held up a sign and a banner that said \u201cClean"
        " water now.\u201d",
        [("\u201cClean water now.\u201d", "partial", "said", "the protesters", "")],
        id="words-on-the-second-of-two-things-held-are-their-holders",
    ),
    pytest.param(
        "Mayor Tom Reyes toured the site. \u201cWe will rebuild,\u201d Reyes said. On the way"
        " back, the van passed a billboard that said \u201cVote them out.\u201d",
        [
            ("\u201cWe will rebuild,\u201d", "direct", "said", "Reyes", "Tom Reyes"),
            ("\u201cVote them out.\u201d", "direct", "said", "", ""),
        ],
        id="words-on-a-sign-nobody-holds-are-nobodys-not-the-last-speakers",
    ),
    pytest.param(
        "The site ran a long defense of the mayor\u2019s spending, which argues that auditors"
        " are \u201cinventing a scandal.\u201d",
        [("\u201cinventing a scandal.\u201d", "partial", "argues", "The site", "")],
        id="a-which-clause-on-what-a-document-is-about-is-the-documents",
    ),
    pytest.param(
        "Harbor Board Says Port Fees Will Rise\n\nThe Harbor Board met on Monday.",
        [("Port Fees Will Rise", "indirect", "Says", "Harbor Board", "Harbor Board")],
        id="a-headlines-speaker-is-the-name-not-the-headline-the-tagger-ran-it-into",
    ),
    pytest.param(
        '2. (SOUNDBITE) (English) MAYOR OF DUNMORE, TOM REYES, SAYING:\n"We will rebuild the'
        ' bridge before winter."\n3. (SOUNDBITE) (English) RESIDENT, ANN VALE, SAYING:'
        ' "Nobody told us anything."',
        [
            (
                '"We will rebuild the bridge before winter."',
                "direct",
                "SAYING",
                "TOM REYES",
                "TOM REYES",
            ),
            ('"Nobody told us anything."', "direct", "SAYING", "ANN VALE", "ANN VALE"),
        ],
        id="a-video-scripts-speaker-is-the-name-before-saying-not-the-bracketed-tags",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SPEAKERS)
def test_speakers(nlp, text, expected):
    assert quotes_of(nlp, text) == expected


# A pronoun in a clause under the subject's verb stands for that subject also when the
# subject's name is hyphenated (its mention may end before the hyphen): (text, first word of
# the last quote's speaker entity).
HYPHENATED_SUBJECTS = [
    pytest.param(
        'Foreign Minister Jean Roux said the test was "a grave threat." Secretary General'
        ' Park Ji-hoon condemned what he called a "brazen breach" of the resolutions.',
        "Park",
        id="secretary-general",
    ),
    pytest.param(
        'Foreign Minister Jean Roux said the test was "a grave threat." UN envoy Kim'
        ' Tae-yong condemned what he called a "reckless act" by the regime.',
        "Kim",
        id="envoy",
    ),
]


@pytest.mark.parametrize(("text", "first_name"), HYPHENATED_SUBJECTS)
def test_pronoun_takes_a_hyphenated_subject(nlp, text, first_name):
    rows = quotes_of(nlp, text)
    assert rows[-1][3] == "he"
    assert rows[-1][4].split()[0] == first_name


# Organisations and outlets named again by a short name or a common noun: (text, entity of
# the last quote's speaker).
OUTLET_PATTERNS = [
    pytest.param(
        "The Washington Post reported the bill was dead. The Post said the vote on the"
        " bill would fail.",
        "Washington Post",
        id="short-name-of-an-outlet",
    ),
    pytest.param(
        "Le Monde published the letter on Monday. The plan will fail within a year, the"
        " daily wrote.",
        "Le Monde",
        id="the-daily",
    ),
]


@pytest.mark.parametrize(("text", "entity"), OUTLET_PATTERNS)
def test_outlets_are_linked_to_the_organisation(nlp, text, entity):
    rows = quotes_of(nlp, text)
    assert rows and rows[-1][4] == entity


def test_no_credit_after_a_dash_glued_to_the_quote_and_a_lower_case_word(nlp):
    # The tokenizer glues the closing mark, the dash and "but" into one token; tagged as a
    # name, it was read as a byline credit after the quote.
    doc = nlp(
        "Members can flag posts they consider \u201cspam\u201d\u2014but the board rarely acts."
    )
    glued = next(token.i for token in doc if "\u2014but" in token.text)
    doc.ents = [Span(doc, glued, glued + 1, label="ORG")]
    assert extract_quotes(doc, doc_id="g")["speaker"].tolist() == []
