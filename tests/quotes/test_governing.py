"""Partial quotes credited to the verb that governs them."""

from __future__ import annotations

import pytest
from quotes_testing import quotes_of

# (text, expected rows: quote, kind, cue, speaker, speaker_entity)
GOVERNED = [
    pytest.param(
        'Prime Minister Jane Holt urged allies to "act faster" on aid.',
        [('"act faster"', "partial", "urged", "Jane Holt", "Jane Holt")],
        id="urged",
    ),
    pytest.param(
        'Senator Paul Grant described the meeting as "frank".',
        [('"frank"', "partial", "described", "Paul Grant", "Paul Grant")],
        id="described-as",
    ),
    pytest.param(
        'Senator Mary Hale made a comment on Tuesday that described the plan as "a total failure."',
        [('"a total failure."', "partial", "described", "Mary Hale", "Mary Hale")],
        id="relative-clause-of-a-speech-noun-speaks-for-its-source",
    ),
    pytest.param(
        'The mayor, Tom Reyes, issued a statement that called the strike "deeply irresponsible."',
        [('"deeply irresponsible."', "partial", "called", "Tom Reyes", "Tom Reyes")],
        id="statement-that-called",
    ),
    pytest.param(
        'Chancellor Anna Berg hailed the agreement as a "breakthrough."',
        [('"breakthrough."', "partial", "hailed", "Anna Berg", "Anna Berg")],
        id="one-word-characterisation-with-as",
    ),
    pytest.param(
        'Mayor Tom Reyes referred to the new stadium as a "disaster" on Monday.',
        [('"disaster"', "partial", "referred", "Tom Reyes", "Tom Reyes")],
        id="referred-to-as",
    ),
    pytest.param(
        'Maria Lopez backed the deal, although she made it clear that she has "serious'
        ' concerns" about the plan.',
        [('"serious concerns"', "partial", "made", "she", "Maria Lopez")],
        id="that-clause-belongs-to-the-verb-holding-it",
    ),
    pytest.param(
        "Security experts have speculated that North Korea might be able to boost its"
        ' "explosive yield" by other means.',
        [('"explosive yield"', "partial", "speculated", "Security experts", "")],
        id="that-clause-held-by-a-group-of-people",
    ),
    pytest.param(
        "Senator Ruth Cole criticised the bill. Her office put out a statement saying the plan"
        ' "would hurt farmers."',
        [('"would hurt farmers."', "partial", "saying", "Her office", "")],
        id="statement-put-out-by-an-office",
    ),
    pytest.param(
        'The mayor, Tom Reyes, sent a letter saying the budget was "a disgrace."',
        [('"a disgrace."', "partial", "saying", "Tom Reyes", "Tom Reyes")],
        id="letter-sent-by-someone",
    ),
    pytest.param(
        'The new plan was described by Senator Tom Hale as "deeply irresponsible."',
        [('"deeply irresponsible."', "partial", "described", "Tom Hale", "Tom Hale")],
        id="passive-verb-speaks-for-its-agent",
    ),
    pytest.param(
        'Senator Tom Hale was called a "liar" by the mayor, Ana Ruiz, on Monday.',
        [('"liar"', "partial", "called", "Ana Ruiz", "Ana Ruiz")],
        id="passive-subject-is-who-the-words-are-about",
    ),
    pytest.param(
        'The inquiry, often labeled as a "witch hunt" by Democrats, will end in May.',
        [('"witch hunt"', "partial", "labeled", "Democrats", "Democrats")],
        id="passive-agent-after-the-characterisation",
    ),
    pytest.param(
        'Senator Tom Hale was described as "deeply unfit for office" in the report.',
        [],
        id="passive-without-agent-credits-nobody",
    ),
    pytest.param(
        'Local organizers portray the new shelter as "a lifeline for families."',
        [('"a lifeline for families."', "partial", "portray", "Local organizers", "")],
        id="characterisation-by-people-named-by-a-common-noun",
    ),
    pytest.param(
        'The new rules treat the shelter as a "lifeline for families."',
        [],
        id="characterisation-by-a-thing-credits-nobody",
    ),
    pytest.param(
        "Senator Tom Hale argued that the new database would stop fraud, saying it was"
        ' "all about management."',
        [
            (
                "that the new database would stop fraud",
                "indirect",
                "argued",
                "Tom Hale",
                "Tom Hale",
            ),
            ('"all about management."', "partial", "saying", "Tom Hale", "Tom Hale"),
        ],
        id="nested-report-of-a-thing-belongs-to-the-outer-source",
    ),
    pytest.param(
        'Senator Ann Vale said in a statement that the council\'s plan was "deeply reckless."',
        [('"deeply reckless."', "partial", "said", "Ann Vale", "Ann Vale")],
        id="that-clause-hung-on-the-noun-after-the-verb",
    ),
    pytest.param(
        'For many residents, Mayor Tom Reyes is "a breath of fresh air" in city politics.',
        [],
        id="subject-of-a-copula-is-described-not-speaking",
    ),
    pytest.param(
        'Governor Ruth Allen said on Monday that the remark by Dr. Ken Song "was unfair and hurtful."',
        [('"was unfair and hurtful."', "partial", "said", "Ruth Allen", "Ruth Allen")],
        id="a-surname-that-is-also-a-title-word-names-no-title",
    ),
    pytest.param(
        'Senator Paul Grant is running a new ad that urges voters to "send a message" to the banks.',
        [('"send a message"', "partial", "urges", "Paul Grant", "Paul Grant")],
        id="an-ad-speaks-for-whoever-runs-it",
    ),
    pytest.param(
        'Lawmakers in both parties attacked the loophole called an "inversion," in which a firm '
        "moves its address abroad.",
        [],
        id="the-noun-a-participle-names-is-not-its-speaker",
    ),
    pytest.param(
        "Vale’s campaign called AP’s report a “rush to judgment,” because delegates can still"
        " change their minds.",
        [("“rush to judgment,”", "partial", "called", "Vale’s campaign", "")],
        id="a-noun-with-its-own-verb-parsed-as-a-participle-speaks",
    ),
    pytest.param(
        "Mayor Tom Reyes called the show “the worst program on television.”",
        [
            (
                "“the worst program on television.”",
                "partial",
                "called",
                "Tom Reyes",
                "Tom Reyes",
            )
        ],
        id="what-a-title-word-is-called-is-no-title",
    ),
    pytest.param(
        "After his remarks about Ann Vale, Tom Cross said the council “will not be moved by"
        " threats.”",
        [
            (
                "“will not be moved by threats.”",
                "partial",
                "said",
                "Tom Cross",
                "Tom Cross",
            )
        ],
        id="a-name-right-before-its-verb-speaks-however-parsed",
    ),
    pytest.param(
        "Mayor Tom Reyes has voiced frustration, and some irritation, about the strike this"
        ' week, telling one aide that he is tired of "waiting for the union."',
        [('"waiting for the union."', "partial", "telling", "Tom Reyes", "Tom Reyes")],
        id="participle-hung-on-an-abstract-noun-is-the-clause-subject's",
    ),
    pytest.param(
        'Senator Ruth Cole opened the debate saying "nobody here" wants a shutdown.',
        [('"nobody here"', "partial", "saying", "Ruth Cole", "Ruth Cole")],
        id="participle-hung-on-an-occasion-is-the-clause-subject's",
    ),
    pytest.param(
        "The report angered teachers, prompting union officials to argue that the cuts were"
        ' "a betrayal of children."',
        [('"a betrayal of children."', "partial", "argue", "union officials", "")],
        id="object-of-a-causing-verb-speaks-when-a-people-noun",
    ),
    pytest.param(
        'Senator Mary Hale cannot say that "in his view," Grant added, saying it should be'
        ' "up to the voters."',
        [
            ('"in his view,"', "partial", "added", "Grant", ""),
            ('"up to the voters."', "partial", "saying", "Grant", ""),
        ],
        # "cannot say" reports nothing: the words are those of the report around it.
        id="participle-after-an-inserted-reporting-clause-is-its-subject's",
    ),
    pytest.param(
        "Texas Gov. Tom Reyes, a Republican presidential candidate, predicted at the most recent"
        ' GOP debate that Republicans will win "every state."',
        [('"every state."', "partial", "predicted", "Tom Reyes", "Tom Reyes")],
        id="main-verb-the-parser-read-as-a-participle-on-the-subject's-apposition",
    ),
    pytest.param(
        "Chancellor Anna Berg hailed the European Union’s pact with Norway as a “breakthrough.”",
        [("“breakthrough.”", "partial", "hailed", "Anna Berg", "Anna Berg")],
        id="characterisation-whose-as-the-parser-hung-on-the-object",
    ),
    pytest.param(
        'The retired neurosurgeon painted the plan as a "catastrophe."',
        [('"catastrophe."', "partial", "painted", "The retired neurosurgeon", "")],
        id="a-noun-for-a-person-casts-what-they-characterise",
    ),
    pytest.param(
        'Bishop Tom Reyes rejected terms such as "blended" in a sermon.',
        [],
        id="such-as-gives-examples-not-a-characterisation",
    ),
    pytest.param(
        'The council denounced Mayor Tom Reyes\'s call for "a total ban on night buses."',
        [('"a total ban on night buses."', "partial", "call", "Tom Reyes", "Tom Reyes")],
        id="what-a-call-is-for-is-the-caller's-words",
    ),
    pytest.param(
        'Given the vote, it is fair to say that the plan was "a total failure."',
        [],
        id="an-empty-it-says-nothing",
    ),
    pytest.param('Chancellor Anna Berg signed the "breakthrough" agreement.', [], id="scare-quote"),
    pytest.param('Many of the old courses are known as "goat farms."', [], id="known-as-by-nobody"),
    pytest.param(
        "Her campaign leadership criticized Sanders for stealing their data and for"
        ' “misrepresenting what had occurred.” Ann Vale is already talking about "a'
        ' fierce urgency" to get things done.',
        [
            (
                "“misrepresenting what had occurred.”",
                "partial",
                "criticized",
                "Her campaign leadership",
                "",
            ),
            ('"a fierce urgency"', "partial", "talking", "Ann Vale", "Ann Vale"),
        ],
        id="verbs-of-criticising-and-talking-about-govern-their-fragments",
    ),
    pytest.param(
        "Its senior vice president boasted about a plan to spend “a million dollars”"
        " digging up dirt on journalists who criticized the company. Vale further summed up"
        " Cross as “terrible,” denounced his record as mayor and said he should not run.",
        [
            (
                "“a million dollars”",
                "partial",
                "boasted",
                "Its senior vice president",
                "",
            ),
            ("“terrible,”", "partial", "summed", "Vale", ""),
        ],
        id="neither-a-relative-clause-after-nor-a-possessed-object-speaks",
    ),
    pytest.param(
        "President Reyes denies Tom Cross’s claims of “dirty deeds.” Ann Vale’s"
        " campaign slogan is “I’m with the people.” Vale has pushed his promise of"
        " “free college” for years.",
        [
            ("“dirty deeds.”", "partial", "claims", "Tom Cross", "Tom Cross"),
            ("“I’m with the people.”", "partial", "slogan", "Ann Vale", "Ann Vale"),
            ("“free college”", "partial", "promise", "his", "Ann Vale"),
        ],
        id="speech-noun-gives-its-owner-the-words-of-its-of-phrase-or-what-it-is",
    ),
    pytest.param(
        "Ms. Ann Vale said that Mr. Tom Cross had endorsed Ruth Lind, whom he called"
        ' "a fraud" in 2019.',
        [
            (
                "that Mr. Tom Cross had endorsed Ruth Lind",
                "indirect",
                "said",
                "Ann Vale",
                "Ann Vale",
            ),
            ('"a fraud"', "partial", "called", "he", "Tom Cross"),
        ],
        id="a-relative-clause-that-casts-its-antecedent-is-its-own-subjects-words",
    ),
    pytest.param(
        "Officials said the plant would close next year, a decision the union called"
        ' "a betrayal of every worker here."',
        [('"a betrayal of every worker here."', "partial", "called", "the union", "")],
        id="an-organisation-noun-casting-in-a-relative-clause-speaks-not-the-outer-report",
    ),
]


@pytest.mark.parametrize(("text", "expected"), GOVERNED)
def test_partial_quote_governed_by_a_verb(nlp, text, expected):
    assert quotes_of(nlp, text) == expected
