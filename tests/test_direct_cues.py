"""Candidate sieves and the cue next to the marks (quotes/direct/cues.py, quotes/direct/candidates.py):
quotation marks of every style, the speech verb after or before them, transcript labels, dash signatures,
the title gate, and the merges that join split and running quotations."""
import pytest

from shapes import COLUMNS, case, check

TRANSCRIPT = ("Ezra Klein interviews Patrick Collison.\n\nEZRA KLEIN: I’m Ezra Klein. This is the show. Patrick "
              "Collison, welcome.\n\nPATRICK COLLISON: Great to be back.\n\nEZRA KLEIN: You said in an interview, "
              "quote, “Most systems get worse over time unless someone fixes them.”\n\nSo tell me what you think "
              "went wrong.\n\nPATRICK COLLISON: Well, I want to separate two things.\n\nAnd we had general "
              "relativity first.")
CASES = [
    # the cue after the quotation
    case("“The vote was fair,” Senator Jane Holt said on Tuesday.", "The vote was fair", "Jane Holt", "said",
         "direct", "direct-cue/named", "cue-after", role="Senator"),
    case("“We will appeal the ruling,” said Carlos Mendes, a lawyer for the union.", "We will appeal",
         "Carlos Mendes", "said", "direct", "direct-cue/named", "inverted-cue-after", role="lawyer for the union"),
    case('"Look at the statement Mr. Trump put out after the Dallas shootings," Conway notes. "It was very '
         'different in tone."', "Look at the statement", "Conway", "notes", "direct", "direct-cue/description",
         "a-name-filed-as-a-compound-of-the-cue"),
    case("Brad Nolan, a teacher, worried that voters could not see the point. \"People are afraid of wasting their "
         "votes,\" he surmised.", "People are afraid", "Brad Nolan", "surmised", "direct",
         "direct-cue/pronoun-previous-subject", "any-verb-in-a-bare-reporting-clause"),
    case("“Would it be negotiable?” Sean Hannity pressed.", "Would it be negotiable", "Sean Hannity", "pressed",
         "direct", "direct-cue/named", "a-bare-clause-after-a-question"),
    case("Jack Roffman described the emotional impact as \"horrendous. It really affects your mental health,\" he "
         "said.", "horrendous", "Jack Roffman", "said", "mixed", "direct-cue/pronoun-previous-subject",
         "a-quotation-closing-on-a-comma-takes-the-clause-after-it"),
    case("The watchdog sued in May.\n\n“Last week’s document production also includes material from a records "
         "cache,” according to Judicial Watch.", "records cache", "Judicial Watch", "according to", "direct",
         "direct-according/named", "according-to-after-the-quotation"),
    # the cue before the quotation
    case("The minister, Paul Okoro, told parliament: “Nobody will lose their pension.”",
         "Nobody will lose their pension", "Paul Okoro", "told", "direct", "direct-cue/named-appositive",
         "cue-before-a-colon", addressee="parliament"),
    case("The Fox News host Sean Hannity interjected: “So you’re saying there will be some flexibility?”",
         "some flexibility", "Sean Hannity", "interjected", "direct", "direct-cue/named-appositive",
         "manner-of-speaking-verb-before"),
    case("“Go back to Univision,” Donald Trump barked at the reporter.", "Go back to Univision", "Donald Trump",
         "barked", "direct", "direct-cue/named", "manner-of-speaking-verb-after"),
    case("After Governor Dan Brown criticised her, Senator Ruth Hale shot back, “I chose my profession.”",
         "I chose my profession", "Ruth Hale", "shot back", "direct", "direct-cue/named", "phrasal-speech-verb"),
    case("House Speaker Paul Ryan said “anti-Semitic images have got no place in a presidential campaign.”",
         "anti-Semitic images", "Paul Ryan", "said", "direct", "direct-cue/named", "a-speech-verb-right-before"),
    case("In Just the Way You Are, Billy Joel sings, \"Don't go changing to try and please me.\"", "Don't go changing",
         "Billy Joel", "sings", "direct", "direct-cue/named", "sung"),
    case("But at the time, as anti-terrorist prosecutor Marc Trevidic put it, \"apart from the wrong crowd, there "
         "was not much to complain about.\"", "wrong crowd", "Marc Trevidic", "put it", "direct", "direct-cue/named",
         "as-x-put-it"),
    case("Hillary Clinton seemed to be ready to riff on the incident in Iowa, telling the crowd, “Some people get a "
         "little carried away. Have you noticed that?”", "carried away", "Hillary Clinton", "telling", "direct",
         "direct-cue/named", "a-participle-cue-speaks-with-the-sentence-subject"),
    case("Tuesday at Baldwin Wallace University in Berea, OH, after winning Ohio in the Republican primary, Gov. John "
         "Kasich (R-OH), said, “I’m getting ready to rent a covered wagon.”", "rent a covered wagon", "John Kasich",
         "said", "direct", "direct-cue/named", "the-nearer-of-two-subjects", role="Gov."),
    case("The attendees backed the governor. As the Daily Ledger reported, “ … if the primary were held this "
         "evening, the governor would win, and handily.”", "the governor would win", "Daily Ledger", "reported",
         "direct", "direct-cue/named", "an-opening-mark-set-apart-from-its-words"),
    # mixed: the unquoted words around the marks are reported too
    case("Clinton is “the most dishonest candidate for president of the United States since Richard Nixon,” Mike "
         "Pence said during the interview.", "the most dishonest candidate", "Mike Pence", "said", "mixed",
         "direct-cue/named", "a-quotation-that-fills-the-reported-clause", starts="Clinton is “the most"),
    case("Nothing the president said \"will assuage people's fears,\" Senator Marco Rubio said.", "assuage",
         "Marco Rubio", "said", "mixed", "direct-cue/named", "a-reporting-clause-after-a-mixed-quotation",
         exact="Nothing the president said \"will assuage people's fears"),
    case("In the April issue of The Atlantic, President Barack Obama admits the 2011 U.S. military action against "
         "Libya “didn’t work,” and the country has become a failed state.", "didn’t work", "Barack Obama", "admits",
         "mixed", "speech-verb/named", "a-cue-before-reports-the-unquoted-words-between",
         starts="the 2011 U.S. military action"),
    case("Donald Trump told reporters on Monday, “We will win.”", "We will win", "Donald Trump", "told", "direct",
         "direct-cue/named", "an-addressee-and-time-are-not-reported-words", exact="We will win."),
    case("Egypt's President el-Sisi described the talks as “very encouraging” on Monday.", "encouraging", "el-Sisi",
         "described", "mixed", "described-as/named", "describe-as-reports-what-it-describes",
         exact="the talks as “very encouraging”"),
    # quotation marks of every style
    case("“He told me ‘never again’ and left,” Anna Berg said.", "never again", "Anna Berg", "said", "direct",
         "direct-cue/named", "a-nested-quotation-stays-inside", exact="He told me ‘never again’ and left"),
    case("«We will stay until the very end», the activist Marc Duval said.", "We will stay", "Marc Duval", "said",
         "direct", "direct-cue/named-appositive", "guillemets"),
    case('"We expect a decision next week," Judge Amy Carter said.', "We expect a decision", "Amy Carter", "said",
         "direct", "direct-cue/named", "straight-double-marks"),
    case("‘We don’t negotiate with anyone’s deadline,’ the spokesman, Omar Haddad, said.", "We don’t negotiate",
         "Omar Haddad", "said", "direct", "direct-cue/named-appositive", "single-marks-but-not-apostrophes",
         exact="We don’t negotiate with anyone’s deadline"),
    case("''This isn't tax reform,'' said Douglas Hale, an economist. ''It's anti-reform.''", "This isn't tax reform",
         "Douglas Hale", "said", "direct", "direct-cue/named", "typewriter-double-apostrophes",
         contains=["It's anti-reform."]),
    case("Donald Trump spoke in Manchester. \"You know, we learned a lot about ground games in one week,” he said.",
         "ground games", "Donald Trump", "said", "direct", "direct-cue/pronoun-previous-subject",
         "straight-and-curly-marks-close-each-other", ends="in one week"),
    case("Donald Trump spoke in Manchester. \"You know, we learned a lot about ground games in one week,” he said. "
         "“It is a great state,\" he added.", "great state", "Donald Trump", "added", "direct",
         "direct-cue/pronoun-previous-speaker", "curly-and-straight-marks-close-each-other",
         exact="It is a great state"),
    case("Rep. Ana Ruiz said in ‘08 that voters had changed. “People are aware of what is happening,” she said. "
         "“It does away with the old excuses. We don’t look back.”", "People are aware", "Ana Ruiz", "said", "direct",
         "direct-cue/pronoun-previous-subject", "an-elided-year-opens-no-quotation",
         contains=["It does away with the old excuses"], lacks=["in ‘08"]),
    # titles, and what answers them
    case("He was asked about dangerous places. “Like Oakland. Or Ferguson,” Trump said. “The crime is worse.”",
         "Like Oakland. Or Ferguson", "Trump", "said", "direct", "direct-cue/named",
         "two-short-capitalised-sentences-are-speech", ends="The crime is worse."),
    case("I was not off to a good start. “Okay,” Dinesh D’Souza said, attempting to regroup. “I was seventeen years "
         "old when I set foot in America.”", "Okay", "Dinesh D’Souza", "said", "direct", "direct-cue/named",
         "one-word-answered-by-a-reporting-clause", contains=["seventeen years old"]),
    # transcript labels and dash signatures
    case("Governor Mike Pence spoke to Chris Wallace.\n\nWALLACE: Will you be at the debate tomorrow night?\n\n"
         "PENCE: Of course I will be there with my running mate.", "Of course I will be there", "Mike Pence", ":",
         "direct", "speaker-label", "transcript-label"),
    case("Governor Mike Pence spoke to Chris Wallace.\n\nWALLACE: Will you be at the debate tomorrow night?\n\n"
         "PENCE: Of course I will be there with my running mate.", "Will you be at the debate", "Chris Wallace", ":",
         "direct", "speaker-label", "transcript-label-question"),
    case(TRANSCRIPT, "Most systems get worse", "Ezra Klein", ":", "direct", "speaker-label",
         "a-transcript-turn-runs-on-and-holds-the-quotation-it-reads-out", parts=2, records=4,
         contains=["So tell me what you think went wrong."]),
    case(TRANSCRIPT, "I want to separate two things", "Patrick Collison", ":", "direct", "speaker-label",
         "a-transcript-turn-runs-on-to-the-next-label", parts=2, ends="we had general relativity first."),
    case("“He can’t even answer a question without scaring people first.” ― Esther Tapia", "He can’t even answer",
         "Esther Tapia", "―", "direct", "dash-signature", "dash-signature-after"),
    case("”Fear is what I feel when I watch the debate tonight.” ― Edwin Monroy", "Fear is what I feel",
         "Edwin Monroy", "―", "direct", "dash-signature", "a-paragraph-opened-with-a-closing-mark"),
    case("The senator repeated a claim.\n\n\"[Americans are] worried about the future of their kids, and yet almost "
         "all new income is going to the top 1 percent.\"\n\n- Bernie Sanders.\n\nThe figure is outdated.",
         "worried about the future", "Bernie Sanders", "―", "direct", "dash-signature",
         "a-dash-and-a-name-alone-in-the-next-paragraph"),
    # merges: split and running quotations
    case("“The plan is dead,” Mayor Lena Fischer told reporters, “and we have to start again.”", "The plan is dead",
         "Lena Fischer", "told", "direct", "direct-cue/named", "split-quotation-is-one", records=1, parts=2,
         contains=["start again"]),
    case('"If they start doing it now, I think they\'re on time," said Federico de Jesus, a Democratic strategist '
         'who was the Hispanic media director for Obama in 2008. "Obviously, we would have liked them to do it '
         'earlier."', "on time", "Federico de Jesus", "said", "direct", "direct-cue/named",
         "split-around-a-long-description", records=1, parts=2, ends="do it earlier."),
    case('Benjamin Netanyahu warned darkly that "the rule of the right is in danger" because "Arab voters are coming '
         'out in droves to the polls."', "the rule of the right", "Benjamin Netanyahu", "warned", "direct",
         "direct-cue/named", "two-quoted-pieces-after-one-cue", records=1, parts=2, ends="to the polls."),
    case("“We did our part,” Senator Amy Price said. “Now the House has to do its part.”", "We did our part",
         "Amy Price", "said", "direct", "direct-cue/named", "a-cue-less-quotation-runs-on", records=1, parts=2,
         contains=["Now the House"]),
    case("Union leader Maria Costa spoke after the vote. “We asked for a fair deal,” Costa said, “and we were told "
         "to wait.\n\n“We will not wait any longer.”", "We will not wait", "Maria Costa", "said", "direct",
         "direct-cue/named", "multi-paragraph", contains=["we were told to wait"]),
    case("Jane Sanders spoke to the Post. \"If he's president, he wants to keep this movement going,\" she said. "
         "\"If he's not president, he'll keep it going for more reasons.\" Asked what that might look like, she said: "
         "\"We'll figure that out.\"", "he wants to keep this movement going", "Jane Sanders", "said", "direct",
         "direct-cue/pronoun-previous-subject", "a-full-stop-keeps-the-next-cue-away",
         contains=["for more reasons"]),
    case("Bobby Scott spoke in Detroit on Monday.\n\n\"I've always been insulted with the term 'African American "
         "outreach,' \" he told the group.", "always been insulted", "Bobby Scott", "told", "direct",
         "direct-cue/pronoun-previous-subject", "a-space-between-a-closing-single-and-double-mark"),
    case("“As a young, Hispanic woman I’d rather live in what he calls “hell” than live in a world where he is "
         "president.” ― Adriana Rodarte\n“Maybe we can build a wall around him.” ― Steve Quinlan",
         "than live in a world", "Adriana Rodarte", "―", "direct", "dash-signature",
         "a-nested-quotation-in-the-same-marks"),
]


@pytest.mark.parametrize(COLUMNS, CASES)
def test_quotation_cue(extract, text, words, speaker, cue, kind, rule, more):
    check(extract(text), words, speaker, cue, kind, rule, more)


@pytest.mark.parametrize("text", [
    pytest.param("The so-called “peace” plan was published on a Tuesday in the capital.", id="scare-quotes"),
    pytest.param("We use cookies. By using this site you accept our Privacy Policy.\n\nMinister: ‘We will win this "
                 "fight’\n\nThe minister spoke to students in Leeds on Monday about the new schools programme.",
                 id="headline-and-banner"),
    pytest.param("Appearing on MSNBC’s “Morning Joe,” Trump said nothing new.", id="a-title-mid-sentence"),
    pytest.param("New points system for work passes\n\nSINGAPORE: On top of meeting a minimum qualifying salary, "
                 "foreigners wanting to work in Singapore will have to pass a points test from next year.",
                 id="a-lone-label-at-the-top-is-a-dateline"),
])
def test_no_quotation(extract, text):
    assert extract(text) == []


def test_a_verb_of_thinking_after_a_quotation_reports_no_speech(extract):
    records = extract("\"It is all over now for the team,\" he thought, and walked out.")
    assert [(r["cue"], r["rule"]) for r in records] == [(None, "unattributed")]
