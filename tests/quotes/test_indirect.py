"""Reported speech without quotation marks: the clear cases only."""

from __future__ import annotations

import pytest
from quotes_testing import quotes_of

# (passage, expected rows: quote, kind, cue, speaker, speaker_entity)
INDIRECT_PATTERNS = [
    pytest.param(
        "Health Minister Sara Moss said the hospitals had run out of fuel.",
        [("the hospitals had run out of fuel", "indirect", "said", "Sara Moss", "Sara Moss")],
        id="clausal-complement",
    ),
    pytest.param(
        "Mayor Tom Reyes said the council will most likely vote on the budget next week.",
        [
            (
                "the council will most likely vote on the budget next week",
                "indirect",
                "said",
                "Tom Reyes",
                "Tom Reyes",
            )
        ],
        id="complement-whose-verb-the-tagger-took-for-a-noun",
    ),
    pytest.param(
        "The lawsuit alleges that the company misled investors for years.",
        [
            (
                "that the company misled investors for years",
                "indirect",
                "alleges",
                "The lawsuit",
                "",
            )
        ],
        id="a-document-as-the-source",
    ),
    pytest.param(
        "Sara Moss did not say the hospitals had run out of fuel. Sara Moss hoped the war would"
        " end.",
        [],
        id="not-from-a-negated-or-unlisted-verb",
    ),
    pytest.param(
        "Senator Paul Grant says in a statement that the new tolls will be cut in half next year.",
        [
            (
                "that the new tolls will be cut in half next year",
                "indirect",
                "says",
                "Paul Grant",
                "Paul Grant",
            )
        ],
        id="that-clause-hung-on-the-noun-after-the-verb",
    ),
    pytest.param(
        "Ann Vale said in one of a string of text messages that the ferry was carrying fuel.",
        [("that the ferry was carrying fuel", "indirect", "said", "Ann Vale", "Ann Vale")],
        id="that-clause-hung-deeper-inside-the-phrases-after-the-verb",
    ),
    pytest.param(
        "Governor Tom Reyes told a local paper in a video posted Friday that the levy would be"
        " cut.",
        [("that the levy would be cut", "indirect", "told", "Tom Reyes", "Tom Reyes")],
        id="that-clause-hung-on-a-participle-after-the-verb",
    ),
    pytest.param(
        "The clerk told county auditors that sometime in the month that followed, she realized"
        " she had not filed the forms.",
        [
            (
                "that sometime in the month that followed, she realized she had not filed the forms",
                "indirect",
                "told",
                "The clerk",
                "",
            )
        ],
        id="that-read-as-the-subject-of-a-clause-with-its-own-subject",
    ),
    pytest.param(
        "Dr. Ann Vale said the funds necessary would require a vote of the council.",
        [
            (
                "the funds necessary would require a vote of the council",
                "indirect",
                "said",
                "Ann Vale",
                "Ann Vale",
            )
        ],
        id="a-reported-clause-the-parser-split-after-its-subject",
    ),
    pytest.param(
        "A columnist speculated that the city may cut the budget.",
        [("that the city may cut the budget", "indirect", "speculated", "A columnist", "")],
        id="speculating-is-reporting",
    ),
    pytest.param(
        "Two analysts have forecast that rents would rise next year.",
        [("that rents would rise next year", "indirect", "forecast", "Two analysts", "")],
        id="forecasting-is-reporting",
    ),
    pytest.param(
        "Dock workers protested Governor Tom Reyes's announcement that the port would close.",
        [("that the port would close", "indirect", "announcement", "Tom Reyes", "Tom Reyes")],
        id="a-clause-on-someone-elses-speech-noun-is-theirs-not-the-verbs",
    ),
    pytest.param(
        "A recent poll found that most voters back the plan.",
        [("that most voters back the plan", "indirect", "found", "A recent poll", "")],
        id="a-finding-stated-is-reported",
    ),
    pytest.param(
        "Reporters will find out whether the plan works. If the court finds that the law is"
        " void, the state will appeal. The senator found himself defending the plan.",
        [],
        id="no-finding-in-a-search-a-condition-or-the-subjects-own-state",
    ),
    pytest.param(
        "The deal was off. Councilwoman Ann Vale said the mayor told her so.",
        [("the mayor told her so", "indirect", "said", "Ann Vale", "Ann Vale")],
        id="a-name-and-its-reporting-verb-are-no-report-of-the-verb-after-them",
    ),
    pytest.param(
        "After the vote on Monday, a council member said the mayor warned him.",
        [("the mayor warned him", "indirect", "said", "a council member", "")],
        id="a-reporting-verb-with-its-subject-and-adjuncts-is-no-report",
    ),
    pytest.param(
        "Ann Vale commented that the plan would fail.",
        [("that the plan would fail", "indirect", "commented", "Ann Vale", "Ann Vale")],
        id="commenting-is-reporting",
    ),
    pytest.param(
        "Mayor Tom Becker told reporters that the bridge would reopen in June.",
        [("that the bridge would reopen in June", "indirect", "told", "Tom Becker", "Tom Becker")],
        id="complement-after-an-object",
    ),
    pytest.param(
        "Despite Senator Ann Vale's claim that the files held nothing new, the archive opened"
        " them.",
        [("that the files held nothing new", "indirect", "claim", "Ann Vale", "Ann Vale")],
        id="speech-noun-with-its-possessor",
    ),
    pytest.param(
        "Senator Ann Vale made the claim that the bill would raise taxes for every family.",
        [
            (
                "that the bill would raise taxes for every family",
                "indirect",
                "claim",
                "Ann Vale",
                "Ann Vale",
            )
        ],
        id="speech-noun-issued-by-the-subject",
    ),
    pytest.param(
        "The ruling backs the contention of Mayor Tom Reyes that the levy was never lawful.",
        [
            (
                "that the levy was never lawful",
                "indirect",
                "contention",
                "Tom Reyes",
                "Tom Reyes",
            )
        ],
        id="speech-noun-owned-through-of",
    ),
    pytest.param(
        "Back in Ohio, Governor Ellen Park said, the plant will reopen next spring.",
        [
            (
                "Back in Ohio, Governor Ellen Park said, the plant will reopen next spring",
                "indirect",
                "said",
                "Ellen Park",
                "Ellen Park",
            )
        ],
        id="parenthetical-reporting-clause",
    ),
    pytest.param(
        "Yet, the mayor's staff say, the ferry is still her first concern. Perhaps, Tom"
        " Cross said, the ferry could run all year.",
        [
            ("the ferry is still her first concern", "indirect", "say", "the mayor's staff", ""),
            (
                "Perhaps, Tom Cross said, the ferry could run all year",
                "indirect",
                "said",
                "Tom Cross",
                "Tom Cross",
            ),
        ],
        id="parenthetical-after-a-connective-reports-only-what-follows-it",
    ),
    pytest.param(
        "Union leaders said the timing of the strike was not a tactic; the vote is set for Monday.",
        [("the timing of the strike was not a tactic", "indirect", "said", "Union leaders", "")],
        id="reported-clause-ends-at-a-semicolon",
    ),
    pytest.param(
        "Mayor Tom Becker said the city expects the museum to reopen in May, which surprised"
        " many residents.",
        [
            (
                "the city expects the museum to reopen in May",
                "indirect",
                "said",
                "Tom Becker",
                "Tom Becker",
            )
        ],
        id="trailing-gloss-is-the-journalist's",
    ),
    pytest.param(
        "The school board is facing mounting criticism from the Riverside Teachers Union,"
        " who say the new timetable is unfair to families.",
        [
            (
                "the new timetable is unfair to families",
                "indirect",
                "say",
                "who",
                "Riverside Teachers Union",
            )
        ],
        id="look-through-a-subject-that-cannot-speak",
    ),
    pytest.param(
        "The storm in 1998 dampened plans to rebuild the pier, Mayor Ana Ruiz said in her memoir.",
        [
            (
                "The storm in 1998 dampened plans to rebuild the pier",
                "indirect",
                "said",
                "Ana Ruiz",
                "Ana Ruiz",
            )
        ],
        id="clause-before-the-verb-whose-verb-is-tagged-as-a-noun",
    ),
    pytest.param(
        "That does not mean that the new plan will work well, the mayor said.",
        [
            (
                "That does not mean that the new plan will work well",
                "indirect",
                "said",
                "the mayor",
                "",
            )
        ],
        id="a-demonstrative-is-not-a-speaker",
    ),
    pytest.param(
        "Anger at the police: Civil rights activists say the officers have been too aggressive.",
        [
            (
                "the officers have been too aggressive",
                "indirect",
                "say",
                "Civil rights activists",
                "",
            )
        ],
        id="report-after-a-headline-colon-takes-the-subject-nearest-the-verb",
    ),
    pytest.param(
        "Those close to the mayor say that she will not run again.",
        [("that she will not run again", "indirect", "say", "Those", "")],
        id="demonstrative-with-a-modifier-names-people",
    ),
    pytest.param(
        "Senator Ann Vale said that claim smacked of hypocrisy.",
        [("that claim smacked of hypocrisy", "indirect", "said", "Ann Vale", "Ann Vale")],
        id="complement-parsed-as-an-object",
    ),
    pytest.param(
        "Senator Ann Vale mentioned the remarks Tom Becker had made about the budget.",
        [],
        id="not-a-relative-clause-with-its-own-subject",
    ),
    pytest.param(
        "The shelter was full, Mayor Tom Becker said, until the new wing opened in May.",
        [
            (
                "The shelter was full, Mayor Tom Becker said, until the new wing opened in May",
                "indirect",
                "said",
                "Tom Becker",
                "Tom Becker",
            )
        ],
        id="reported-sentence-going-on-after-its-attribution",
    ),
    pytest.param(
        "It is the mayor's job, Senator Ann Vale said, to talk to the council about the budget.",
        [
            (
                "It is the mayor's job, Senator Ann Vale said, to talk to the council about the"
                " budget",
                "indirect",
                "said",
                "Ann Vale",
                "Ann Vale",
            )
        ],
        id="an-infinitive-of-speech-after-the-attribution-is-still-the-report",
    ),
    pytest.param(
        "The plan will fail, Senator Ann Vale said, in an interview with a local paper.",
        [("The plan will fail", "indirect", "said", "Ann Vale", "Ann Vale")],
        id="where-it-was-said-is-no-part-of-the-report",
    ),
    pytest.param(
        "The plan will fail, Senator Ann Vale said, adding that the vote is on Monday.",
        [
            ("The plan will fail", "indirect", "said", "Ann Vale", "Ann Vale"),
            ("that the vote is on Monday", "indirect", "adding", "Ann Vale", "Ann Vale"),
        ],
        id="a-new-report-after-the-attribution-is-its-own",
    ),
    pytest.param(
        "Senator Ann Vale repeated her claim that the talks had failed.",
        [("that the talks had failed", "indirect", "repeated", "Ann Vale", "Ann Vale")],
        id="speech-noun-object-introduces-the-clause",
    ),
    pytest.param(
        "The mayor had asked for an escort, but the police overruled that request, Ann Vale said.",
        [
            (
                "The mayor had asked for an escort, but the police overruled that request",
                "indirect",
                "said",
                "Ann Vale",
                "Ann Vale",
            )
        ],
        id="all-the-sentence-says-before-its-attribution",
    ),
    pytest.param(
        "Senator Ann Vale visited the plant.\n\nVale: Farm Subsidies Will Be Cut Next Year",
        [
            (
                "Farm Subsidies Will Be Cut Next Year",
                "indirect",
                ":",
                "Vale",
                "Ann Vale",
            )
        ],
        id="headline-name-and-colon",
    ),
    pytest.param(
        "Poll: Ann Vale Beats Tom Hale With First Lead",
        [("Ann Vale Beats Tom Hale With First Lead", "indirect", ":", "Poll", "")],
        id="headline-document-and-colon",
    ),
    pytest.param(
        "The Latest: Tom Hale wins the caucuses in the north\n\nCorrection: An earlier"
        " version of this story gave the wrong date.",
        [],
        id="headings-before-a-colon-name-nobody",
    ),
    pytest.param(
        "Governor Ann Vale said on Friday she would sign the bill, adding that it had broad"
        " support.",
        [
            ("she would sign the bill", "indirect", "said", "Ann Vale", "Ann Vale"),
            ("that it had broad support", "indirect", "adding", "Ann Vale", "Ann Vale"),
        ],
        id="a-report-ends-where-the-speaker-adds-the-next",
    ),
    pytest.param(
        "Like Hale, Senator Ann Vale also rejected the notion that farmers could legitimately"
        " pull away from the deal over the issue of subsidies, arguing that there is room for"
        " exceptions in the program.",
        [
            (
                "that there is room for exceptions in the program",
                "indirect",
                "arguing",
                "Ann Vale",
                "Ann Vale",
            )
        ],
        id="a-participle-after-a-noun-complement-is-the-main-subject's",
    ),
    pytest.param(
        "This covers a new unit to train local police officers, Defense Secretary Ann Vale told"
        " a House panel.",
        [
            (
                "This covers a new unit to train local police officers",
                "indirect",
                "told",
                "Ann Vale",
                "Ann Vale",
            )
        ],
        id="a-reporting-clause-after-a-comma-parsed-as-coordinated",
    ),
    pytest.param(
        "Tom Hale, who chairs the panel, said the mayor's response to the flood was undercut"
        " by her own budget.",
        [
            (
                "the mayor's response to the flood was undercut by her own budget",
                "indirect",
                "said",
                "Tom Hale",
                "Tom Hale",
            )
        ],
        id="a-passive-complement-tagged-as-an-adjective",
    ),
    pytest.param(
        "Ann Vale said she voted for Tom Hale in 2008 and wrote in Rick Lane in 2012.",
        [
            (
                "she voted for Tom Hale in 2008 and wrote in Rick Lane in 2012",
                "indirect",
                "said",
                "Ann Vale",
                "Ann Vale",
            )
        ],
        id="a-reporting-verb-with-no-report-of-its-own-is-more-of-the-content",
    ),
    pytest.param(
        "Democrats say movement over the past week is instructive.",
        [
            (
                "movement over the past week is instructive",
                "indirect",
                "say",
                "Democrats",
                "Democrats",
            )
        ],
        id="the-clauses-subject-parsed-as-the-verbs-object",
    ),
    pytest.param(
        "The agency, which officials say has lost half its staff, cannot inspect every plant.",
        [("has lost half its staff", "indirect", "say", "officials", "")],
        id="relative-clause-reported-after-its-cue",
    ),
    pytest.param(
        "Nor are tariffs likely to bring the plants back, said Ann Vale, a professor of"
        " economics at Ohio State, who is one of the state's experts on trade.",
        [
            (
                "Nor are tariffs likely to bring the plants back",
                "indirect",
                "said",
                "Ann Vale",
                "Ann Vale",
            )
        ],
        id="who-the-inverted-speaker-is-is-not-more-of-the-report",
    ),
    pytest.param(
        "Whatever progress the council has made, officials said, could easily be undone by a"
        " new budget.",
        [
            (
                "Whatever progress the council has made, officials said, could easily be undone"
                " by a new budget",
                "indirect",
                "said",
                "officials",
                "",
            )
        ],
        id="parenthetical-in-a-sentence-the-parser-split-at-it",
    ),
    pytest.param(
        "About four in 10 voters said life for the next generation would be worse than life"
        " today, while nine in 10 said they thought the economy favors the wealthy.",
        [
            (
                "life for the next generation would be worse than life today",
                "indirect",
                "said",
                "About four in 10 voters",
                "",
            ),
            ("they thought the economy favors the wealthy", "indirect", "said", "nine in 10", ""),
        ],
        id="another-source's-report-after-a-comma-ends-the-first",
    ),
    pytest.param(
        "Many Democrats say they have not been paying much attention, compared with 11 percent"
        " of Republican voters.",
        [("they have not been paying much attention", "indirect", "say", "Democrats", "Democrats")],
        id="a-comparison-after-a-comma-is-the-writer's",
    ),
    pytest.param(
        "Still, the mayor will be rethinking how he approaches the council, a source close to"
        " him said.",
        [
            (
                "Still, the mayor will be rethinking how he approaches the council",
                "indirect",
                "said",
                "a source",
                "",
            )
        ],
        id="closing-attribution-whose-subject-the-parser-hung-on-the-report",
    ),
    pytest.param(
        "Recently, Tom Reyes of Dayton, Ohio, stood at a campaign event here to say he was"
        " leaning toward supporting the governor.",
        [
            (
                "he was leaning toward supporting the governor",
                "indirect",
                "say",
                "Tom Reyes",
                "Tom Reyes",
            )
        ],
        id="infinitive-of-purpose-that-reports-a-clause",
    ),
    pytest.param(
        'Thousands of self-described "Berners" have descended on the city this week to express'
        " their support.",
        [],
        id="infinitive-of-purpose-without-a-reported-clause-credits-no-quote",
    ),
    pytest.param(
        "Vale’s advisers say her second-place finish in the race for the nomination and proven"
        " ability to turn out young voters make her a valuable asset for the party in tough"
        " races.",
        [
            (
                "her second-place finish in the race for the nomination and proven ability to"
                " turn out young voters make her a valuable asset for the party in tough races",
                "indirect",
                "say",
                "Vale’s advisers",
                "",
            )
        ],
        id="reported-clause-whose-subject-the-parser-made-its-head",
    ),
    pytest.param(
        "The contrast with the mayor, said Doyle and others, would be clear since the mayor has"
        " no former governors by his side.",
        [
            (
                "The contrast with the mayor, said Doyle and others, would be clear since the"
                " mayor has no former governors by his side",
                "indirect",
                "said",
                "Doyle",
                "Doyle",
            )
        ],
        id="inverted-parenthetical-whose-verb-the-parser-gave-two-subjects",
    ),
    pytest.param(
        "Maybe the real test of the plan is what the governor said about it on Monday. The vote"
        " in March will prove what her allies say.",
        [],
        id="free-relative-what-she-said-reports-no-clause",
    ),
    pytest.param(
        "But numerous military veterans interviewed at rallies in Ohio this week, including"
        " Mr. Vale, said they had no problem with the mayor's remarks.",
        [
            (
                "they had no problem with the mayor's remarks",
                "indirect",
                "said",
                "numerous military veterans",
                "",
            )
        ],
        id="subject-the-parser-gave-to-a-participle-before-the-verb",
    ),
    pytest.param(
        "Large majorities of Democratic primary voters in four states going to the polls on"
        " Tuesday said they favor a plan to raise the minimum wage.",
        [
            (
                "they favor a plan to raise the minimum wage",
                "indirect",
                "said",
                "Large majorities of Democratic primary voters",
                "",
            )
        ],
        id="subject-of-a-present-participle-read-as-the-clause-of-the-verb",
    ),
    pytest.param(
        "Asked about the strike, most of the workers said they were angry. Mr. Cross said it"
        " was unconstitutional. Ms. Vale said it did.",
        [
            ("they were angry", "indirect", "said", "most of the workers", ""),
            ("it was unconstitutional", "indirect", "said", "Cross", "Cross"),
        ],
        id="a-report-of-three-words-that-is-a-clause-of-its-own",
    ),
    pytest.param(
        "In the poll, 61 percent of Democrats said they would vote for her. Dozens of nurses"
        " interviewed outside the hospital on Friday said they had not been paid in weeks.",
        [
            ("they would vote for her", "indirect", "said", "61 percent of Democrats", ""),
            ("they had not been paid in weeks", "indirect", "said", "Dozens of nurses", ""),
        ],
        id="a-part-of-a-group-speaks-with-the-group-named",
    ),
    pytest.param(
        "The campaign announced last week that it hired former Reyes spokeswoman Ann Vale, who"
        " has been outspoken on trade, according to Politico.",
        [
            (
                "that it hired former Reyes spokeswoman Ann Vale",
                "indirect",
                "announced",
                "The campaign",
                "",
            )
        ],
        id="report-ends-before-according-to-another-source-and-the-gloss-before-it",
    ),
    pytest.param(
        "Berger said he is partial to Governor Tom Reyes, for whom he was scheduled to host a"
        " fundraiser in Newark on Thursday night.",
        [("he is partial to Governor Tom Reyes", "indirect", "said", "Berger", "Berger")],
        id="report-ends-before-a-gloss-opened-by-a-preposition-and-whom",
    ),
    pytest.param(
        "Last month, the prosecutor Ann Vale called the plan careless, but said the mayor should"
        " face no criminal charges, a recommendation the city council adopted.",
        [
            (
                "the mayor should face no criminal charges",
                "indirect",
                "said",
                "Ann Vale",
                "Ann Vale",
            )
        ],
        id="report-ends-before-a-noun-summing-it-up-parsed-as-a-second-object",
    ),
    pytest.param(
        "She said she admires his determination and highlighted their shared commitment on"
        " policy goals like universal health care and rising wages.",
        [("she admires his determination", "indirect", "said", "She", "")],
        id="past-tense-conjunct-of-a-present-tense-report-is-the-writer's-narration",
    ),
    pytest.param(
        "In nearby Midvale, the old paper mill is holding on, but it is under heavy pressure"
        " from cheap imports, said the mill's owner, Ann Vale.",
        [
            (
                "In nearby Midvale, the old paper mill is holding on, but it is under heavy"
                " pressure from cheap imports",
                "indirect",
                "said",
                "Ann Vale",
                "Ann Vale",
            )
        ],
        id="report-before-its-verb-whose-comma-the-parser-gave-to-the-report",
    ),
    pytest.param(
        "Mayor Tom Reyes warned the governor, Ann Vale, during their recent meeting in Albany"
        " not to cut the transit budget, said a city official who was briefed on the details.",
        [
            (
                "Mayor Tom Reyes warned the governor, Ann Vale, during their recent meeting in"
                " Albany not to cut the transit budget",
                "indirect",
                "said",
                "a city official",
                "",
            )
        ],
        id="an-inverted-attribution-is-no-report-of-the-verb-before-it",
    ),
    pytest.param(
        "Support for the strike is particularly strong among the youngest members of the unions,"
        " teachers and union officials told Politico.",
        [
            (
                "Support for the strike is particularly strong among the youngest members of the"
                " unions",
                "indirect",
                "told",
                "teachers",
                "",
            )
        ],
        id="closing-attribution-with-its-hearer-whose-subject-the-parser-hung-on-the-report",
    ),
    pytest.param(
        "Reyes jokingly offered the man a job as Secretary of Defense, then says he will welcome"
        " advice from anyone who wants to talk to him.",
        [
            (
                "he will welcome advice from anyone who wants to talk to him",
                "indirect",
                "says",
                "Reyes",
                "Reyes",
            )
        ],
        id="verb-going-on-from-the-clause-the-parser-made-its-complement",
    ),
    pytest.param(
        "Alongside the calls for action, even a top GOP strategist said Vale will have to choose"
        ' whose side she is on, saying, "At some point, she is going to have to come out."',
        [
            (
                "Vale will have to choose whose side she is on",
                "indirect",
                "said",
                "a top GOP strategist",
                "",
            ),
            (
                '"At some point, she is going to have to come out."',
                "direct",
                "saying",
                "a top GOP strategist",
                "",
            ),
        ],
        id="report-ends-before-a-participle-deep-in-it-that-opens-a-quotation",
    ),
    pytest.param(
        "Reyes, who endorsed Vale in late May and said he would probably campaign with her,"
        " ultimately did not show up in person for the race.",
        [("he would probably campaign with her", "indirect", "said", "who", "Reyes")],
        id="report-ends-before-the-main-verb-the-parser-hung-on-it",
    ),
    pytest.param(
        "She said her father has been an advocate for women in his company and would do the"
        " same as mayor, saying that he supports equal pay for equal work.",
        [
            (
                "her father has been an advocate for women in his company and would do the same"
                " as mayor",
                "indirect",
                "said",
                "She",
                "",
            ),
            ("that he supports equal pay for equal work", "indirect", "saying", "She", ""),
        ],
        id="participle-deep-in-a-report-opening-a-that-clause-is-the-speaker's-next-report",
    ),
    pytest.param(
        "Over the years, she said, texting has helped her stay in close touch with Reyes –"
        " although at the mention of texting she laughed and admitted “texts have been"
        " wonderful.”",
        [
            (
                "Over the years, she said, texting has helped her stay in close touch with Reyes",
                "indirect",
                "said",
                "she",
                "",
            ),
            ("“texts have been wonderful.”", "partial", "said", "she", ""),
        ],
        id="report-ends-at-a-dash-that-sets-off-a-quotation-after-a-whole-clause",
    ),
    pytest.param(
        "It was only six months ago, after all, that the mayor was saying the opposite. What is"
        " unclear is whether Vale, who enjoys higher ratings than the mayor, will ever tell"
        " those voters to back him.",
        [],
        id="stretch-ending-in-the-word-that-opens-the-verb's-clause-is-no-report",
    ),
    pytest.param(
        "The Federal Deposit Insurance Corporation sent the panel a letter on Thursday. It said"
        " former staff had taken sensitive documents home. It is fair to say the letter was a"
        " surprise, and it means admitting the breach was serious.",
        [
            (
                "former staff had taken sensitive documents home",
                "indirect",
                "said",
                "It",
                "Federal Deposit Insurance Corporation",
            )
        ],
        id="an-organisation-speaks-through-it-said-but-not-the-empty-it",
    ),
    pytest.param(
        "The film got mixed reviews from critics.\n\nHewitt writes:\n\nThe movie mentions"
        " neither the mayor nor the governor by name, and no argument is made as to what the"
        " two did to help.",
        [
            (
                "The movie mentions neither the mayor nor the governor by name, and no argument is"
                " made as to what the two did to help",
                "indirect",
                "writes",
                "Hewitt",
                "Hewitt",
            )
        ],
        id="passage-without-marks-after-a-reporting-verb-and-a-colon",
    ),
    pytest.param(
        "Members of the Smith family long ago soured on Kowalski, the Gazette reported,"
        " citing two people close to the team.",
        [
            (
                "Members of the Smith family long ago soured on Kowalski",
                "indirect",
                "reported",
                "Gazette",
                "Gazette",
            )
        ],
        id="clause-before-its-verb-whose-past-tense-the-tagger-read-as-a-participle",
    ),
    pytest.param(
        "Ann Vale, a founder of the center-left think tank Open Way, said Mr. Cross had so"
        " far avoided tacking too far left to compete in a general election.",
        [
            (
                "Mr. Cross had so far avoided tacking too far left to compete in a general"
                " election",
                "indirect",
                "said",
                "Ann Vale",
                "Ann Vale",
            )
        ],
        id="complement-whose-perfect-verb-the-tagger-took-for-an-adjective",
    ),
    pytest.param(
        "To win the state, candidates probably need about 40 percent of the rural vote,"
        " pollsters say; in 2012, Tom Cross won 27 percent. Among others in a bind are"
        " Senators Ann Vale, the majority leader, whose new book boasts of her record on"
        " civil rights; Tom Cross, the whip; and Ed Lee.",
        [
            (
                "To win the state, candidates probably need about 40 percent of the rural vote",
                "indirect",
                "say",
                "pollsters",
                "",
            )
        ],
        id="closing-attribution-ended-by-a-semicolon",
    ),
    pytest.param(
        "The budget was never balanced, the mayor said; the council had simply moved the debt.",
        [("The budget was never balanced", "indirect", "said", "the mayor", "")],
        id="clause-after-a-semicolon-is-no-complement-of-the-verb-before-it",
    ),
    pytest.param(
        "Rep. Ann Vale (D-Ga.) said in ‘08 that the early support of rural voters threw"
        " old assumptions into doubt.",
        [
            (
                "that the early support of rural voters threw old assumptions into doubt",
                "indirect",
                "said",
                "Ann Vale",
                "Ann Vale",
            )
        ],
        id="complement-hung-on-the-preposition-before-it",
    ),
    pytest.param(
        "A district judge agreed with the union. But the U.S. Court of Appeals for the 6th"
        " Circuit overruled and said Maine already provided more early voting than the vast"
        " majority of states.",
        [
            (
                "Maine already provided more early voting than the vast majority of states",
                "indirect",
                "said",
                "the U.S. Court of Appeals",
                "U.S. Court of Appeals",
            )
        ],
        id="subject-the-parser-coordinated-with-the-verb",
    ),
    pytest.param(
        "Cross said the plan would hurt some families, particularly those who rent. Reed said"
        " he had met the new chief of police, Ann Lee. Moss said he was a better leader than"
        " Mayor Tom Hale, a Democrat.",
        [
            (
                "the plan would hurt some families, particularly those who rent",
                "indirect",
                "said",
                "Cross",
                "Cross",
            ),
            ("he had met the new chief of police, Ann Lee", "indirect", "said", "Reed", "Reed"),
            ("he was a better leader than Mayor Tom Hale", "indirect", "said", "Moss", "Moss"),
        ],
        id="apposition-that-names-or-narrows-is-reported-a-description-is-not",
    ),
    pytest.param(
        "Nor does the mayor have any plans, advisers say, to take cues from the council and"
        " start sounding more like Mr. Reyes.",
        [
            (
                "Nor does the mayor have any plans, advisers say, to take cues from the council"
                " and start sounding more like Mr. Reyes",
                "indirect",
                "say",
                "advisers",
                "",
            )
        ],
        id="parenthetical-on-a-clause-the-parser-coordinated-without-a-conjunction",
    ),
    pytest.param(
        "Ann Vale said she asked for a recount because she wanted to get the results on a firm"
        " footing.",
        [
            (
                "she asked for a recount because she wanted to get the results on a firm footing",
                "indirect",
                "said",
                "Ann Vale",
                "Ann Vale",
            )
        ],
        id="a-because-clause-the-parser-hung-on-the-reporting-verb-is-part-of-the-report",
    ),
    pytest.param(
        "Tom Reyes said he has not held any dinners for donors and never called a lobbyist to"
        " ask for help.",
        [
            (
                "he has not held any dinners for donors and never called a lobbyist to ask for help",
                "indirect",
                "said",
                "Tom Reyes",
                "Tom Reyes",
            )
        ],
        id="calling-someone-is-no-new-report",
    ),
    pytest.param(
        "Tom Reyes said the plan had failed and called the mayor a liar.",
        [("the plan had failed", "indirect", "said", "Tom Reyes", "Tom Reyes")],
        id="calling-someone-something-is-a-new-report",
    ),
    pytest.param(
        "Party chair Ann Vale says she met with Governor Tom Reyes and urged him to condemn the"
        " attacks.",
        [
            (
                "she met with Governor Tom Reyes and urged him to condemn the attacks",
                "indirect",
                "says",
                "Ann Vale",
                "Ann Vale",
            )
        ],
        id="a-verb-in-the-tense-of-the-report-not-of-its-verb-is-more-of-the-report",
    ),
    pytest.param(
        "Mayor Tom Reyes said his budget would raise school funding for two years and"
        " acknowledge the strain it puts on parents.",
        [
            (
                "his budget would raise school funding for two years and acknowledge the strain"
                " it puts on parents",
                "indirect",
                "said",
                "Tom Reyes",
                "Tom Reyes",
            )
        ],
        id="a-bare-verb-that-shares-the-reported-clauses-auxiliary-is-more-of-the-report",
    ),
    pytest.param(
        "Attorney General Ann Vale alleged in the suit that Reyes personally earned"
        " $5 million from the school.",
        [
            (
                "that Reyes personally earned $5 million from the school",
                "indirect",
                "alleged",
                "Ann Vale",
                "Ann Vale",
            )
        ],
        id="a-that-clause-hung-on-the-noun-after-the-verb-with-that-read-as-its-object",
    ),
    pytest.param(
        "Reyes drew a small crowd. But as a Ledger reporter noted, he did not even fill"
        " half of the hall.",
        [
            (
                "But as a Ledger reporter noted, he did not even fill half of the hall",
                "indirect",
                "noted",
                "a Ledger reporter",
                "",
            )
        ],
        id="an-as-clause-the-parser-hung-as-a-parataxis-credits-the-sentence",
    ),
]


@pytest.mark.parametrize(("text", "expected"), INDIRECT_PATTERNS)
def test_indirect_speech_patterns(nlp, text, expected):
    assert quotes_of(nlp, text) == expected


def test_a_report_ends_before_a_phrase_that_holds_a_quotation(nlp):
    # The quotation sits in a participle phrase after the reported clause: the report is
    # the clause before the comma, not dropped for holding quotation marks.
    text = (
        "Her advisers say any effort to push him out could backfire, angering his voters and"
        ' Mr. Reyes, both of whom Ms. Vale praised on Tuesday "for keeping us honest."'
    )
    reports = [row for row in quotes_of(nlp, text) if row[1] == "indirect"]
    assert reports == [
        (
            "any effort to push him out could backfire, angering his voters and Mr. Reyes",
            "indirect",
            "say",
            "Her advisers",
            "",
        )
    ]


def test_a_passive_report_ends_before_a_relative_clause_that_holds_a_quotation(nlp):
    # "were sent" is a finite clause through its passive auxiliary, so the report is the
    # clause before the comma that opens the quoted aside.
    text = (
        "A spokesman, Tom Reyes, said teams of observers were sent with the marchers, whom he"
        ' described as "calm," for the whole day.'
    )
    reports = [row for row in quotes_of(nlp, text) if row[1] == "indirect"]
    assert [row[0] for row in reports] == ["teams of observers were sent with the marchers"]


def test_a_report_at_the_end_of_a_paragraph_goes_on_past_its_attribution(nlp):
    # The parser keeps the paragraph break in the last sentence; it is no break inside it.
    text = (
        "The union backed the plan in March. The new rules are fair, said Ruth Lind, but they"
        " came far too late for the workers.\n\nThe vote is on Friday."
    )
    reports = [row for row in quotes_of(nlp, text) if row[1] == "indirect"]
    assert [row[0] for row in reports] == [
        "The new rules are fair, said Ruth Lind, but they came far too late for the workers"
    ]


def test_name_described_by_an_apposition_before_its_verb_speaks(nlp):
    # The parser reads "Playing" as a verb with the agency's name as its object, leaving
    # "says" without a subject; the name before the apposition is still who speaks.
    text = (
        "Playing Field Promotions, a talent agency, says that Walker has lost close to"
        " $100,000 simply for backing the mayor."
    )
    [(quote, kind, cue, speaker, _)] = quotes_of(nlp, text)
    assert (quote, kind, cue) == (
        "that Walker has lost close to $100,000 simply for backing the mayor",
        "indirect",
        "says",
    )
    assert speaker.endswith("Field Promotions")
