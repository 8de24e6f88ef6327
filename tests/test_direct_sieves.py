"""Quotation sieves (quotes/direct/sieves.py): who said a quotation in marks when no speech verb stands
next to it, and the gates that keep what is no statement out."""
import pytest

from shapes import COLUMNS, case, check

CASES = [
    case("“He's absolutely right. There's a severe disconnect between this White House and frankly the president "
         "and our military,” Flynn, a top Trump surrogate, said Thursday morning on Fox News’s “Fox and Friends.”",
         "He's absolutely right", "Flynn", "said", "direct", "direct-adjacent/named", "a-title-in-marks-is-no-subject"),
    case("\"Welcome to Israel, my dear friend PM Narendra Modi, \" tweets Israeli Prime Minister Benjamin Netanyahu.",
         "Welcome to Israel", "Benjamin Netanyahu", "tweets", "direct", "direct-cue/named",
         "a-closing-mark-after-a-stray-space", exact="Welcome to Israel, my dear friend PM Narendra Modi",
         role="Israeli Prime Minister"),
    case("Prime Minister Narendra Modi landed on Tuesday.\n\n“It has been an honour to address the Knesset,” tweets PM "
         "Modi.", "an honour", "Narendra Modi", "tweets", "direct", "direct-adjacent/named",
         "a-name-after-the-cue-the-parser-left-unattached"),
    case("At a drugstore near the mosque, a cashier was shaken. \"One guy came in and said maybe we should start "
         "killing them,\" said the woman, who like many in town asked not to be named.", "One guy came in", "woman",
         "said", "direct", "direct-adjacent/description", "a-person-noun-next-to-the-cue"),
    case("The surge does not surprise Republican pollster Daron Shaw: “Lesser-known candidates have seen the biggest "
         "boost in early contests.”", "Lesser-known candidates", "Daron Shaw", ":", "direct", "colon-name/named",
         "a-name-before-a-colon", role="Republican pollster"),
    case("Not all panels are equal. From the report: “Samples with longer field periods produced more accurate "
         "results.”", "Samples with longer field periods", "report", ":", "direct", "colon-name/description",
         "a-document-before-a-colon"),
    case("Michael P. McDonald: \u00a0“At long last the 2016 presidential race begins to fade.”", "At long last",
         "Michael P. McDonald", ":", "direct", "colon-name/named", "spaces-between-the-colon-and-the-marks"),
    case("As if addressing him directly, the Illinois Board of Elections was conclusive in its findings: “Further "
         "discussion on this issue is unnecessary.”", "Further discussion", "Illinois Board of Elections", ":",
         "direct", "colon-subject/named", "the-subject-of-a-clause-ending-in-a-colon"),
    case("“We can do more,” Senator Ann Lee said. Mike Huckabee, for his part, is labeling the actions “a blatant, "
         "belligerent abuse of power.”", "abuse of power", "Mike Huckabee", "labeling", "direct",
         "fragment-subject/named", "a-quoted-piece-is-said-by-its-subject"),
    case("“It is early,” said Craig Robinson, an editor.\n\nIowa State University's Dianne Bystrom agreed. "
         "\"Mainstream Republicans are running out of time to find an alternative.\"", "running out of time",
         "Dianne Bystrom", "agreed", "direct", "previous-sentence/named", "a-sentence-that-only-says-someone-spoke"),
    case("Jared Potts echoed:\n\n“He speaks his mind, and I think he is a self-made person.”", "his mind",
         "Jared Potts", "echoed", "direct", "previous-sentence/named", "echoed-and-a-colon-before-the-paragraph"),
    case("\"We need to step away from efforts to paint law enforcement with a broad brush,\" Pence said.\n\nOn \"Face "
         "the Nation,\" Sen. Bernie Sanders (Vt.) identified young voters' exhaustion with bigotry as one of the "
         "reasons. \"The younger people are sick and tired of discrimination and racism.\"", "sick and tired",
         "Bernie Sanders", None, "direct", "previous-subject/named", "the-article-turns-to-a-named-subject",
         role="Sen."),
    case("\"We will win this state,\" Trump said.\n\nTrump has record low support from black voters. \"We need "
         "a candidate who listens to every community in this country.\"", "who listens", "Trump", None, "direct",
         "continuation-next-paragraph", "the-last-speaker-as-subject-carries-on"),
    case("When Wallace died in 1998, President Bill Clinton released the following statement:\n\n“Hillary and I "
         "offer our condolences to the family and friends of George Wallace.”", "offer our condolences",
         "Bill Clinton", None, "direct", "colon-previous-paragraph/named", "a-statement-introduced-by-a-colon"),
    case("Coach Ines Moreau said the players were ready. “The team has trained for months for this final.”",
         "The team has trained", "Ines Moreau", "said", "direct", "continuation", "continuation"),
    case("“We are ready,” said coach Ines Moreau.\n\n“The team has trained for months for this final.”",
         "The team has trained", "Ines Moreau", None, "direct", "continuation-next-paragraph",
         "continuation-into-the-next-paragraph"),
    case("“This is the moment everything changes for the whole region and its people.”", "This is the moment", None,
         None, "direct", "unattributed", "no-speaker-is-null-not-a-guess"),
    case("There were three things on the agenda: “Jobs, jobs and jobs for everyone in this town.”",
         "Jobs, jobs and jobs", None, None, "direct", "unattributed", "a-colon-after-no-source"),
    case("The question is simple: “Who pays for the wall when it is built?”", "Who pays", None, None, "direct",
         "unattributed", "a-colon-after-a-question-noun"),
]


INTERVIEW = ("In an exclusive chat with ET’s TV Mahalingam, Dell CEO Michael Dell spoke about the biggest acquisition in "
             "tech history. Excerpts:\n\nQ. So, you are engineering the largest acquisition in tech history. Was it a "
             "tough decision?\n\nA: There is a fair bit of history here. Dell and EMC had a partnership for almost a "
             "decade. I told him we should look at this again.\n\nOver a year later, the transaction was announced. It was a long process.\n\nQ. So, who is your "
             "new competition?\n\nI think the game has changed. We won't define our success by looking at the "
             "competitors.")
CASES += [
    case("Hitting back at Piyush Goyal's \"Rahul Gandhi is compromised\" remarks, Khera asked the party to answer "
         "the questions raised on the current government.", "Rahul Gandhi is compromised", "Piyush Goyal", "remarks",
         "direct", "possessive-remark/named", "a-quotation-between-a-possessive-and-remarks"),
    case(INTERVIEW, "Was it a tough decision", "TV Mahalingam", ":", "direct", "interview-question",
         "interview-question-by-the-interviewer"),
    case(INTERVIEW, "fair bit of history", "Michael Dell", ":", "direct", "interview-answer",
         "interview-labelled-answer-over-two-paragraphs", role="Dell CEO", contains=["It was a long process."],
         parts=2),
    case("Q&A with Vice President Joe Biden.\n\nVice President Joe Biden spent Thursday in St. Paul. He later flew "
         "back to Washington, where he spoke with POLITICO senior writer Michael Grunwald. Here is the edited "
         "transcript of the interview.\n\nQ: You have been talking about how the country is on the upswing.\n\nA: "
         "It is a big mistake. Everybody is making it.\n\nQ: Do you think Glass-Steagall should be reinstated?\n\n"
         "A: If I could just snap my fingers, yeah.", "Glass-Steagall", "Michael Grunwald", ":", "direct",
         "interview-question", "an-interview-with-the-interviewee-in-the-headline-asked-by-another"),
    case(INTERVIEW, "the game has changed", "Michael Dell", None, "direct", "interview-answer",
         "interview-unlabelled-answer"),
    case(INTERVIEW, "we should look at this again", "Michael Dell", "told", "indirect",
         "nested-speech-verb/pronoun-quoting-speaker", "reported-speech-inside-an-answer-is-the-interviewee-s",
         mention="I"),
    case("Prime Minister Narendra Modi addressed the Knesset on Wednesday.\n\nIndia stands with Israel firmly, with "
         "full conviction in this moment and beyond: PM Modi", "India stands with Israel", "Narendra Modi", ":",
         "direct", "trailing-label", "a-name-after-a-closing-colon-signs-the-paragraph", role="Prime Minister"),
    case("Lieutenant Airman Tri Wobowo, who co-piloted the C130 Hercules aircraft that first saw debris of the plane "
         "on Tuesday, told Indonesian newspaper Kompas: \"There are seven to eight people. Three [of them] again hold "
         "hands.\"", "seven to eight people", "Tri Wobowo", "told", "direct", "direct-adjacent/named",
         "who-is-told-is-no-speaker-and-a-misparsed-relative-clause-keeps-its-name", role="Lieutenant Airman"),
    case("\"Honestly, this should be one of the better duels,\" an Iowa Republican said.\n\nAsked a Pennsylvania "
         "Republican: \"Is it just me or are the two VP candidates infinitely more appealing than their running "
         "mates?\"", "Is it just me", "Pennsylvania Republican", "Asked", "direct",
         "direct-adjacent/member-description", "asked-opening-a-sentence-names-who-asks"),
    case("The envoy spoke on Tuesday.\n\nMoazzam Malik, the British Ambassador to Indonesia, said:\n\nOn behalf "
         "of British people I would like to express our deepest condolences to the families.\n\nThe search went on.",
         "deepest condolences", "Moazzam Malik", "said", "direct", "previous-sentence/named",
         "a-paragraph-after-a-colon-cue-is-a-block-quotation-without-marks", records=1),
    case("The envoy spoke on Tuesday.\n\nMoazzam Malik, the British Ambassador to Indonesia, said:\n\nOn behalf "
         "of British people I would like to express our deepest condolences to the families.\n\nThe UK Air Accident "
         "Investigation Branch has long experience. I hope their assistance can help.\"\n\nAirAsia's boss tweeted "
         "his thanks.", "deepest condolences", "Moazzam Malik", "said", "direct", "previous-sentence/named",
         "a-block-quotation-runs-on-through-paragraphs-in-the-first-person", records=1,
         ends="I hope their assistance can help."),
]


def test_a_colon_paragraph_that_introduces_something_else_is_no_block_quotation(extract):
    text = ("Local politicians fired back, including Rep. Lacy Clay, who said:\n\nLibby Schaaf, the mayor of "
            "Oakland, also spoke out against Trump:\n\nThe crowd at the rally was large.")
    assert not any("Libby Schaaf" in r["text"] for r in extract(text))
    assert extract("The minister said:\n\nNo comment.") == []
    played = ("Trump chose to begin by playing a deceptively edited video trashing Anthony Fauci, among others:\n\n"
              "The event was the typical mixture of political theatrics, brags and grievances.")
    assert extract(played) == []
    listed = "Smith said the plan had three parts:\n\nCutting taxes for the middle class of the country."
    assert not any("Cutting taxes" in r["text"] for r in extract(listed))


@pytest.mark.parametrize(COLUMNS, CASES)
def test_quotation_sieve(extract, text, words, speaker, cue, kind, rule, more):
    check(extract(text), words, speaker, cue, kind, rule, more)


def test_gates_drop_what_is_no_statement(sieve_order):
    """With its gate the phrase is dropped; without it, it comes out unattributed."""
    phrase = "The plan, a “new beginning for the whole region”, was published."
    short = "The mayor cut the ribbon.\n\n“A great day for all.”"
    assert sieve_order()(phrase) == [] and sieve_order()(short) == []
    without_gate = sieve_order(quotations=lambda names: [n for n in names if n != "looks-like-speech"])
    assert [r["rule"] for r in without_gate(phrase)] == ["unattributed"]
    without_gate = sieve_order(quotations=lambda names: [n for n in names if n != "too-short"])
    assert [r["rule"] for r in without_gate(short)] == ["unattributed"]
