"""Frame sieves (quotes/frames.py): reported speech, one real sentence per row."""
import pytest

from shapes import COLUMNS, case, check

CASES = [
    case("TikTok CEO Shou Zi Chew told U.S. lawmakers at the hearing that China-based employees at ByteDance may have "
         "access to some U.S. data from the app.", "China-based employees", "Shou Zi Chew", "told", "indirect",
         "speech-verb/named", "a-that-clause-the-parser-hung-on-a-phrase-after-the-cue",
         exact="China-based employees at ByteDance may have access to some U.S. data from the app"),
    case("Then, in the early 1950s, came the first settlers; Al-Hawashleh said that the Bedouins shared water and "
         "milk with them when they arrived.", "shared water", "Al-Hawashleh", "said", "indirect", "speech-verb/named",
         "a-that-clause-after-the-cue-is-reported-not-the-lead-in-before-it",
         exact="the Bedouins shared water and milk with them when they arrived"),
    case("But Fischer said that UPS can’t dodge responsibility. “If they didn’t want the six-day week, they wouldn’t "
         "have it.”", "UPS can’t dodge responsibility", "Fischer", "said", "indirect", "speech-verb/description",
         "a-curly-apostrophe-parses-as-a-straight-one", exact="UPS can’t dodge responsibility"),
    case("As for Kaine, most Democrats were satisfied with the ways in which he has been deployed by the camp: 47 "
         "percent said Kaine has been deployed in the most effective way.", "deployed in the most effective way",
         "47 percent", "said", "indirect", "speech-verb/named", "a-lead-in-before-a-colon-is-not-the-cues-clause"),
    case("Kristofer was the youngest of four children who Gastelum-Vera, 26, shared with Christian Ferreyra, neighbors "
         "say. The family lived together in a home.", "the youngest of four children", "neighbors", "say", "indirect",
         "parenthetical-cue/description", "a-closing-cue-the-parser-made-a-relative-clause"),
    case("An analysis by NerdWallet found that $2.6 billion in federal need-based Pell grants went unclaimed in 2018.",
         "Pell grants went unclaimed", "NerdWallet", "found", "indirect", "findings/named",
         "what-a-named-authors-analysis-found"),
    case("In 2015, several sisters who coauthored a book voiced their concern for the damage the investigations had "
         "done.", "the damage the investigations had done", "several sisters", "voiced", "indirect",
         "expressed/description", "a-stance-voiced-with-what-it-is-about"),
    case("Donald Trump has expressed an inclination to cease support for Ukraine.", "cease support for Ukraine",
         "Donald Trump", "expressed", "indirect", "expressed/named", "an-inclination-expressed"),
    case("Air Vice Marshal Sunarbowo Sandi spoke to reporters. He says there has been no sign of the black box but a "
         "vessel with detection equipment is being dispatched.", "is being dispatched", "Sunarbowo Sandi", "says",
         "indirect", "speech-verb/pronoun-previous-subject", "a-clause-joined-by-but-in-the-passive-goes-on"),
    case("Tatang Zaenudin runs the search. Zaenudin told Reuters earlier that one of the recovered bodies had been "
         "wearing a life jacket.", "one of the recovered bodies", "Tatang Zaenudin", "told", "indirect",
         "speech-verb/named", "a-that-clause-read-as-an-xcomp-after-a-word"),
    case("Association President Keith Gambill told a few thousand teachers who covered the Statehouse lawn that the "
         "Legislature should direct money from the cash reserves toward helping schools.",
         "the Legislature should direct money", "Keith Gambill", "told", "indirect", "speech-verb/named",
         "what-was-told-hung-on-a-relative-clause-about-the-listeners"),
    case("It came as legislators gather for meetings. The unions said more than 15,000 people registered for the "
         "rally.", "15,000 people registered for the rally", "unions", "said", "indirect", "speech-verb/description",
         "a-past-tense-the-parser-took-for-a-participle-on-the-object"),
    case("Finance Minister Karin Lund announced that taxes on fuel will rise in March.", "taxes on fuel will rise",
         "Karin Lund", "announced", "indirect", "speech-verb/named", "speech-verb-with-that", role="Finance Minister"),
    case("But Trump claims that he should be the exception.", "he should be the exception", "Trump", "claims",
         "indirect", "speech-verb/named", "a-verb-the-tagger-took-for-a-plural-noun"),
    case("The analyst David Moore says the talks remain tense.", "the talks remain tense", "David Moore", "says",
         "indirect", "speech-verb/named-appositive", "speech-verb-without-that-present-tense"),
    case("Governor Tom Reyes said the budget was “a disaster in slow motion” for rural schools.",
         "a disaster in slow motion", "Tom Reyes", "said", "mixed", "speech-verb/named", "mixed-in-reported-speech",
         starts="the budget was"),
    # the parser hangs this that-clause as advcl of "tweeted", not ccomp
    case("Trump tweeted in the early morning hours that Machado was “disgusting” and “a con” and encouraged "
         "Americans to “check out” her non-existent sex tape.", "Machado was", "Trump", "tweeted", "mixed",
         "speech-verb/description", "that-clause-after-an-intervening-phrase",
         starts="Machado was “disgusting” and “a con”"),
    case("Coach Ben Alvarez told the players that the season was not over.", "the season was not over",
         "Ben Alvarez", "told", "indirect", "speech-verb/named", "told-addressee", addressee="the players"),
    case("Dr. Mehmet Oz was criticized for saying that green coffee was a miracle cure.",
         "green coffee was a miracle cure", "Mehmet Oz", "saying", "indirect", "speech-verb/named",
         "subject-through-a-preposition"),
    case("Bernie Sanders said he intends to win every delegate possible, so he'll have enough votes at the "
         "convention to put together the strongest agenda any party has seen.", "he intends to win",
         "Bernie Sanders", "said", "indirect", "speech-verb/named", "second-clause-hung-on-the-speech-verb",
         ends="the strongest agenda any party has seen"),
    case("The mayor said the budget was balanced, adding that taxes would not rise.", "the budget was balanced",
         "mayor", "said", "indirect", "speech-verb/description", "report-stops-at-the-next-cue",
         exact="the budget was balanced"),
    case("The senator pointed out that the new tax would hit farmers hardest.", "the new tax would hit",
         "senator", "pointed out", "indirect", "speech-verb/description", "phrasal-speech-verb"),
    case('Campaign chair Jessica Mackler issued a statement saying his comment "has absolutely no place in '
         'American democracy."', "has absolutely no place", "Jessica Mackler", "saying", "mixed",
         "speech-verb/named", "a-statement-saying-is-said-by-who-issued-it"),
    case("Brad Nolan, 39, a teacher from Concord, said voters were afraid of wasting their votes.",
         "voters were afraid", "Brad Nolan", "said", "indirect", "speech-verb/named", "an-age-in-apposition",
         role="teacher from Concord"),
    case("Senator Bernie Sanders told MSNBC’s “Morning Joe” that the plan would fail.", "the plan would fail",
         "Bernie Sanders", "told", "indirect", "speech-verb/named", "a-quoted-title-in-a-report", records=1),
    case("The bridge will reopen in May, city engineer Rosa Klein has said.", "The bridge will reopen in May",
         "Rosa Klein", "said", "indirect", "inverted-cue/named", "inverted-cue-at-sentence-end"),
    case('Fiorina was not one for "engaging her team in a lot of decisions," said one former executive who '
         'requested anonymity. "When she\'d come to a decision, she\'d made up her mind."', "engaging her team",
         "one former executive", "said", "mixed", "inverted-cue/description",
         "a-quotation-opening-the-next-sentence-goes-on-with-a-mixed-one", ends="she'd made up her mind.", parts=2),
    case("Lena Park is an economist. The deal, Park argues, is a gift to exporters.", "is a gift to exporters",
         "Lena Park", "argues", "indirect", "parenthetical-cue/named", "parenthetical-cue"),
    case("President Barack Obama told his advisers to find a way to cut emissions without Congress.",
         "his advisers to find a way", "Barack Obama", "told", "indirect", "told-to/named", "told-to",
         addressee="his advisers"),
    case("Prices fell by a third last year, according to Hugo Brandt, chief economist at Norbank.",
         "Prices fell by a third", "Hugo Brandt", "according to", "indirect", "according-to/named", "according-to",
         role="chief economist at Norbank"),
    case("Mayor Bill de Blasio repeated his claim that profit-making was the motive of the companies.",
         "profit-making was the motive", "Bill de Blasio", "claim", "indirect", "claim-noun/named",
         "claim-noun-made-by-the-subject"),
    case("Gov. Mike Pence blamed the media for the fuss over Donald Trump’s claim that the president had founded "
         "the group.", "the president had founded the group", "Donald Trump", "claim", "indirect",
         "claim-noun/named", "claim-noun-owned-by-a-name"),
    case("The European Commission has accused Apple of receiving unfair tax treatment in Ireland.",
         "Apple of receiving unfair tax treatment", "European Commission", "accused", "indirect", "accused-of/named",
         "accused-of", exact="Apple of receiving unfair tax treatment in Ireland"),
    case("The Israeli mission blamed Hamas for the civilian deaths in the north of the country.", "Hamas for the",
         "Israeli mission", "blamed", "indirect", "accused-of/description", "blamed-for"),
    case("Sheriff Kyle Kirchmeier issued a statement condemning the actions of “paid agitators and protesters”.",
         "the actions of", "Kyle Kirchmeier", "condemning", "mixed", "accused-of/named", "condemning-an-object",
         role="Sheriff"),
    case("Trump first called on Congress to pass legislation to effectively end birthright citizenship.",
         "to pass legislation", "Trump", "called on", "indirect", "told-to/description", "called-on-someone-to"),
    case("Rahul Gandhi challenged the Prime Minister to cancel the deal with the United States.",
         "to cancel the deal", "Rahul Gandhi", "challenged", "indirect", "told-to/named", "challenged-someone-to",
         addressee="the Prime Minister"),
    case("Donald Trump has said the US outpaces all other countries in terms of testing.", "outpaces all other",
         "Donald Trump", "said", "indirect", "speech-verb/named", "a-reported-verb-the-parser-took-for-a-noun"),
    case("Admiral Brett Giroir clarified that only Americans who have symptoms can be tested.", "only Americans",
         "Brett Giroir", "clarified", "indirect", "speech-verb/named", "clarified"),
    case("Jack Roffman, who estimates that his legal costs were in the seven figures, left.", "legal costs",
         "Jack Roffman", "estimates", "indirect", "speech-verb/relative-named", "relative-pronoun-speaks",
         mention="who"),
    case("Police have acknowledged using sponge rounds, bean bag rounds, teargas grenades and pepper spray.",
         "using sponge rounds", "Police", "acknowledged", "indirect", "speech-object/description",
         "a-claim-as-a-gerund"),
    case("On Monday, the NLG filed a federal class action lawsuit against the Morton County sheriff’s office, alleging "
         "excessive force at the 20 November encounter.", "excessive force at the 20 November encounter", "NLG",
         "alleging", "indirect", "speech-object/named", "a-claim-as-a-noun-phrase-with-its-phrases",
         exact="excessive force at the 20 November encounter"),
    case("More than 30 migrant shelters published an open letter that complained of a criminalization of migrants "
         "and asylum seekers in the city.", "a criminalization of migrants", "More than 30 migrant shelters",
         "complained", "indirect", "speech-object/relative-description", "complained-of-in-a-letter-its-authors-wrote"),
    case("On Wednesday, the White House pushed back on such a plan, reiterating the importance of the US leading the "
         "Ramstein Group.", "the importance of the US leading", "White House", "reiterating", "indirect",
         "speech-object/named", "a-position-reiterated-as-a-noun-phrase",
         exact="the importance of the US leading the Ramstein Group"),
    case("Biden administration officials have repeatedly reaffirmed the “ironclad” nature of the U.S. alliance with "
         "South Korea.", "nature of the U.S. alliance", "Biden administration officials", "reaffirmed", "mixed",
         "speech-object/description", "a-position-reaffirmed-with-a-quoted-word"),
    case("Ahead of Wednesday's NATO meeting, Stoltenberg made clear that plans to tighten NATO control of support for "
         "Ukraine were inspired by what's happening in Congress, saying \"the fact that there has been no agreement "
         "has consequences.\"", "plans to tighten NATO control", "Stoltenberg", "made clear", "indirect",
         "made-clear/named", "a-position-made-clear", exact="plans to tighten NATO control of support for Ukraine "
         "were inspired by what's happening in Congress"),
    case("Pakistan's election commission ruled that a party aligned with candidates backed by former premier Imran "
         "Khan is not eligible for extra reserved seats.", "not eligible for extra reserved seats",
         "Pakistan's election commission", "ruled", "indirect", "speech-verb/description", "a-ruling-is-said"),
    case("According to conservative talk radio host Rush Limbaugh, the move reeks of “fear” and desperation.",
         "the move reeks", "Rush Limbaugh", "according to", "mixed", "according-to/named",
         "according-to-heading-a-sentence-the-parser-left-without-a-verb"),
    case("Ivanka Trump noted the rule in the interview last week. She said fathers would not be eligible for the six "
         "weeks of paid leave, and when pressed on why the plan leaves out dads, the 34-year-old mother of three "
         "replied, \"It's meant to benefit the mother who has given birth to the child.\"", "meant to benefit",
         "34-year-old mother of three", "replied", "direct", "direct-cue/description",
         "a-joined-clause-opening-a-quotation-is-another-report"),
    case("Trump has used the phrase “Islamic terrorism” often in his campaign.", "Islamic terrorism", "Trump", "used",
         "direct", "direct-cue/named", "a-phrase-someone-used-is-their-words"),
    case("Another critic, Laurence H. Tribe, likened the rules to \"burning the Constitution\" - a charge that stung.",
         "burning the Constitution", "Laurence H. Tribe", "likened", "direct", "direct-cue/named-appositive",
         "what-someone-likens-a-thing-to-in-marks-is-their-words"),
    case("Marcelo Ebrard rejected the assertion that Mexican exports of steel have increased significantly.",
         "exports of steel", "Marcelo Ebrard", "rejected", "indirect", "rejected-claim/named",
         "a-claim-rejected-in-so-many-words", exact="the assertion that Mexican exports of steel have increased "
         "significantly"),
    case("She rejected the suggestion that the company had misled its investors.", "misled its investors", None,
         "rejected", "indirect", "rejected-claim/unresolved-pronoun", "a-claim-somebody-rejects-is-their-rejection",
         exact="the suggestion that the company had misled its investors", records=1),
    case("Democrats reject the notion they will face increased pressure.", "increased pressure", "Democrats", "reject",
         "indirect", "rejected-claim/named", "a-notion-rejected-without-that"),
    case("Donald Trump has vowed to end political correctness nationwide.", "political correctness", "Donald Trump",
         "vowed", "indirect", "pledged-to/named", "a-pledge-is-what-will-be-done",
         exact="to end political correctness nationwide"),
    case("Roger Ailes threatened to release tapes of the encounters to prevent the women from reporting him.",
         "release tapes", "Roger Ailes", "threatened", "indirect", "pledged-to/named",
         "a-threat-is-what-will-be-done-too", exact="to release tapes of the encounters to prevent the women from "
         "reporting him"),
    case("He is a serial liar who has repeatedly pledged to ban all Muslims from entering the country.",
         "ban all Muslims", "serial liar", "pledged", "indirect", "pledged-to/relative-description",
         "a-pledge-in-a-relative-clause-is-its-subject-s"),
    case("Biden made it clear that the White House isn't planning to replace Justice Antonin Scalia with a nominee.",
         "the White House isn't planning", "Biden", "made it clear", "indirect", "made-clear/named",
         "made-it-clear-with-a-that-clause"),
    case("Some details remain murky. “Gary took her chain off, and he carried her body upstairs. I could see that "
         "Gary was upset,” according to one of the survivors.", "Gary took her chain off", "one of the survivors",
         "according to", "direct", "direct-according/partitive", "a-clause-inside-the-quotation-is-no-frame",
         records=1),
    case("Another witness, Polly Sheppard, told the jury Roof stood over her with his gun and asked her if she had "
         "been shot.", "Roof stood over her", "Polly Sheppard", "told", "indirect", "speech-verb/named-appositive",
         "told-someone-a-clause-the-parser-read-as-relative", addressee="the jury"),
    case("The Democratic majority on the committee described those crashes as the “horrific culmination” of "
         "engineering flaws and mismanagement.", "those crashes as", "Democratic majority on the committee", "described", "mixed",
         "described-as/description", "described-as-in-quoted-words",
         exact="those crashes as the “horrific culmination” of engineering flaws and mismanagement"),
    case("The mayor described the new stadium, which fans call “the Pit of Despair”, as a waste of money.",
         "the Pit of Despair", "fans", "call", "direct", "direct-cue/description",
         "quoted-words-outside-what-it-is-described-as-are-someone-else-s"),
    case("Obama described the deal as “a historic step forward,” and Congress approved it the next week.",
         "the deal as", "Obama", "described", "mixed", "described-as/named",
         "a-comma-inside-the-closing-mark-with-no-cue-after-it"),
    case("Israeli Prime Minister Benjamin Netanyahu has described PM Narendra Modi’s upcoming visit as “historic” and "
         "is expected to outline his vision for a broader diplomatic “hexagon” alliance.", "upcoming visit as",
         "Benjamin Netanyahu", "described", "mixed", "described-as/named", "an-object-the-parser-split-in-two",
         exact="PM Narendra Modi’s upcoming visit as “historic”", role="Israeli Prime Minister"),
    case('One witness, Felicia Sanders, described hiding under a table and "cowering with her granddaughter who was '
         'with her, and she described feeling the blood of her son who was beside her."', "cowering with her",
         "Felicia Sanders", "described", "direct", "direct-cue/named-appositive",
         "described-words-the-parser-cut-short-run-to-their-closing-mark", ends="son who was beside her."),
    case("As reported by the Irish Examiner, the pair will now each serve between seven months and two years.",
         "the pair will now", "Irish Examiner", "reported", "indirect", "as-reported/named", "as-reported-by",
         exact="the pair will now each serve between seven months and two years"),
    case("As the Guardian reported, the talks have stalled for a week.", "the talks have stalled", "Guardian",
         "reported", "indirect", "as-reported/named", "as-x-reported", exact="the talks have stalled for a week"),
    case("When officers went to Heidnik’s home, former police lieutenant James Hansen recalls, it was “sort of "
         "intimidating — it had metal doors on it and all the windows had bars”.", "When officers went",
         "James Hansen", "recalls", "mixed", "parenthetical-cue/named",
         "a-parenthetical-cue-the-parser-hung-the-leading-clause-on", parts=2, starts="When officers went"),
    case("PM Modi Israel Visit Live: Netanyahu calls PM Modi 'my dear friend'\nAddressing the Knesset, Israeli PM "
         "Benjamin Netanyahu says, \"I have to be diplomatic, I will not rank it. I don’t want to get into trouble. "
         "But I have never been more moved than by your visit here.\"", "I have to be diplomatic",
         "Benjamin Netanyahu", "says", "direct", "direct-cue/named", "a-cue-before-a-quotation-is-no-parenthetical",
         lacks=["Addressing"]),
    case("At a rally in Milwaukee this spring, Melania Trump described him as \"kind\" with a \"great heart.\" (That "
         "said, she also noted, \"When you attack him, he will punch back 10 times harder.\")", "When you attack him",
         "Melania Trump", "noted", "direct", "direct-cue/pronoun-previous-speaker", "that-said-is-a-turn-of-phrase",
         lacks=["That said"]),
    case("The White House called the impeachment process a sham.", "impeachment process", "White House", "called",
         "indirect", "called/named", "calling-a-thing-something-is-a-statement",
         exact="the impeachment process a sham"),
    case("In an interview published this morning, Doherty was quoted calling Christie a “failed” governor.",
         "Christie a", "Doherty", "calling", "mixed", "called/named", "calling-with-quoted-words-is-mixed",
         exact="Christie a “failed” governor"),
    case("Her liberal friends have mocked his campaign, calling Trump “an orange buffoon,” Mary Susan said as she "
         "turned around.\n\n“But he’s our orange buffoon, and we love him!”", "we love him", "Mary Susan", None,
         "direct", "continuation-next-paragraph", "a-calling-inside-someone-s-statement-is-theirs"),
    case("Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt in 1999.", "Lenox was a juggernaut",
         "Clarke", "said", "indirect", "parenthetical-cue/named", "a-parenthetical-cue-s-statement-runs-to-the-"
         "sentence-end", parts=2, ends="bankrupt in 1999"),
    case("The plan is dead, he said, speaking at a rally in Ohio.", "The plan is dead", None, "said", "indirect",
         "inverted-cue/unresolved-pronoun", "the-cue-s-own-circumstances-are-not-the-statement",
         exact="The plan is dead"),
    case("The economy is strong, Biden said, as protesters chanted outside the hall.", "economy is strong", "Biden",
         "said", "indirect", "parenthetical-cue/named", "the-writer-s-as-clause-after-the-cue-is-not-the-statement",
         exact="The economy is strong"),
]


@pytest.mark.parametrize(COLUMNS, CASES)
def test_frame(extract, text, words, speaker, cue, kind, rule, more):
    check(extract(text), words, speaker, cue, kind, rule, more)


@pytest.mark.parametrize("text", [
    pytest.param("Service providers have complained about paying the fees.", id="complained-about-names-a-topic"),
    pytest.param("The storm threatened to flood the town before the evening.", id="a-thing-that-threatens-says-nothing"),
    pytest.param("If all goes according to plan, three separate complexes here will launch small rockets.",
                 id="according-to-plan-is-no-source"),
    pytest.param("Tunisia faced an assault that threatened to upset the fragile stability of the country.",
                 id="a-thing-that-threatens-in-a-relative-clause-says-nothing"),
    pytest.param("The number of deaths announced so far by University Hospitals Birmingham NHS Foundation Trust stands "
                 "at 826 - the highest for any trust in England (though note that NHS trusts serve different-sized "
                 "catchment populations).", id="an-imperative-to-the-reader-reports-nobody"),
    pytest.param("On the night of 20 November, the protesters, who call themselves “water protectors”, were camping "
                 "outdoors.", id="what-people-call-themselves-is-a-name-not-words-said"),
    pytest.param("The ministry announced 570 deaths and 2,000 new cases on Sunday.", id="announced-numbers-are-no-claim"),
    pytest.param("She described the book “Fire and Fury” as fiction.", id="a-quoted-title-described-is-no-statement"),
    pytest.param("Neighbours described the terrible smell coming from Heidnik’s Philadelphia home.",
                 id="a-description-without-quoted-words-is-the-writer-s-account"),
    pytest.param("It was what scientists call a tipping point.", id="a-term-called-before-the-verb-is-nobody-s-words"),
    pytest.param("The family called the puppy Rex after a week.", id="a-name-given-is-no-statement"),
    pytest.param("When he agreed, she fled and phoned police from a phone booth.",
                 id="a-speech-verb-in-a-when-clause-is-no-parenthetical-cue"),
    pytest.param("After 23 seasons in the league, Tom Brady has called it a career.", id="calling-it-a-career-is-done"),
    pytest.param("He said the words written on the wall.", id="said-with-an-object-and-its-own-participle"),
    pytest.param("She expressed her condolences.", id="a-stance-with-nothing-it-is-about"),
    pytest.param("One study found that just over 340 children younger than 5 died of fentanyl poisoning.",
                 id="a-study-the-story-does-not-say-whose"),
    pytest.param("Police found the car abandoned near the river.", id="finding-a-thing-is-no-finding"),
    pytest.param("Officials have not made clear whether the talks will resume.", id="an-open-question-made-clear-is-none"),
    pytest.param("The storm made the roads clear of snow by noon.", id="making-a-thing-clear-is-no-statement"),
    pytest.param("The debate promises to be a crucial moment for Ben Carson.", id="a-thing-promising-is-a-likelihood"),
    pytest.param("He did not promise to cut taxes this year.", id="a-pledge-denied-is-none"),
    pytest.param("The judge ruled the evidence inadmissible.", id="a-ruling-with-no-clause-reports-nothing"),
    pytest.param("The board rejected the claim that the committee had made.", id="a-rejected-claim-described-is-none"),
    pytest.param("Obama defended the goals it pledged to reach at the climate talks in Paris.",
                 id="what-was-pledged-is-the-noun-the-clause-describes"),
    pytest.param("The painter expressed anger in bold strokes.", id="a-stance-in-paint-says-nothing"),
    pytest.param("Soon she would have to tell Bharara, who would probably recognize instantly that he was not going "
                 "to succeed Eric Holder.", id="a-listener-who-recognizes-is-their-own-thought"),
])
def test_no_frame(extract, text):
    assert extract(text) == []
