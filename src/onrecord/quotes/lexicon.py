"""The word lists attribution reads: speech verbs and phrases by lemma, pronouns, nouns for people,
documents and claims, quantifiers."""

SPEECH_VERBS = frozenset("""
say tell note recall reiterate stress argue warn add insist claim state announce explain ask
reply respond write tweet declare acknowledge admit suggest assert contend maintain predict
promise vow pledge deny confirm report testify allege complain observe emphasize emphasise
concede caution remark comment urge charge counter retort quip joke boast lament conclude
exclaim shout inform mention reveal disclose indicate estimate proclaim answer propose
speculate wonder demand repeat recount assure post write cite agree disagree criticize
yell scream bark interject whisper mutter
criticise blast accuse praise question challenge dismiss reject concur predict forecast
opine muse exhort plead remind clarify reaffirm rule
""".split())

DIRECT_ONLY_VERBS = frozenset("continue describe call begin quote read chant sing echo".split())
"""Verbs that cue a direct quotation next to them, but never take reported speech."""

ADDRESSEE_OBJECT_VERBS = frozenset("tell ask inform assure warn urge remind brief challenge exhort implore beg".split())
JUDGING_VERBS = frozenset("""accuse blame criticise criticize condemn denounce slam praise hail thank fault commend
credit chide rebuke lambast""".split())
"""'accused Apple of receiving unfair tax treatment': what someone is accused of, blamed or praised for is said."""
JUDGING_WITHOUT_REASON = frozenset("criticise criticize condemn denounce slam lambast".split())
"""Verbs whose object alone is a statement: 'condemning the actions of “paid agitators”'."""
"""Verbs whose direct object is the person spoken to ("told reporters")."""

OBJECT_CONTENT_VERBS = frozenset("""acknowledge admit deny allege complain warn reiterate reaffirm stress emphasize
emphasise""".split())
"""Verbs whose object is a claim ('denied taking money', 'alleging excessive force') or a position stated again or
with weight ('reiterating the importance of the US leading the group', 'stressed the need to ...', 'reaffirmed
the “ironclad” nature of the alliance'); not 'say', 'announce' or 'reject', whose objects are mostly things
('said nothing', 'announced 570 deaths', 'rejected calls')."""
DESCRIBING_VERBS = frozenset("describe characterize characterise".split())
"""Verbs whose object, and what it is described as, is a statement: 'described the plan as "a disaster"'."""
OBJECT_PREPOSITION_VERBS = frozenset("complain warn".split())
"""Verbs that take what was said through 'of' (not 'about', which names a topic): 'complained of a
criminalization of migrants'."""

PHRASAL_SPEECH_VERBS = {"shoot": "back", "fire": "back", "hit": "back", "point": "out", "chime": "in",
                        "weigh": "in", "lash": "out", "speak": "out", "go": "on", "put": "it", "call": "on"}
"""Verbs that are speech only with their particle: "shot back", "pointed out", "went on", "as X put it"."""

IRREGULAR = {"said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write"}

SPEAKER_LABEL_STOPWORDS = frozenset("""
UPDATE UPDATES BREAKING NOTE EDITOR WATCH READ MORE CORRECTION ADVERTISEMENT PHOTOS VIDEO RELATED
SOURCE SOURCES CREDIT PHOTO SEE ALSO EXCLUSIVE ANALYSIS OPINION LIVE WARNING FACT CHECK Q A
""".split())


def lemma_of(token) -> str:
    text = token.lower_
    return IRREGULAR.get(text) or token.lemma_.lower()


def is_speech_verb(token, direct: bool = False) -> bool:
    if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB") \
            and not _verb_read_as_noun(token):
        return False
    lemma = lemma_of(token)
    if lemma in SPEECH_VERBS or (direct and lemma in DIRECT_ONLY_VERBS):
        return True
    particle = PHRASAL_SPEECH_VERBS.get(lemma)
    return particle is not None and any(c.lower_ == particle and c.dep_ in ("prt", "advmod", "dobj", "prep")
                                        and c.i == token.i + 1 for c in token.children)


def _verb_read_as_noun(token) -> bool:
    """'But Trump claims that he should be the exception': a plural noun with a subject and a clause of its own
    is a verb in the third person the tagger took for a noun."""
    return token.tag_ == "NNS" and any(c.dep_ == "nsubj" for c in token.children) \
        and any(c.dep_ == "ccomp" for c in token.children)


def is_capitalised_noun(token) -> bool:
    """A proper noun, or a capitalised word the tagger took for a common noun ('PM', 'Trump' at a sentence's
    start)."""
    return token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.text[:1].isupper())


PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f", "they": "p", "them": "p", "it": "n",
            "i": "1", "we": "1", "me": "1", "us": "1", "you": "2"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")
MIN_SPEECH_WORDS = 4
PERSON_NOUNS = frozenset("""
spokesman spokeswoman spokesperson official officials analyst minister president senator governor
lawmaker lawmakers aide aides adviser advisor advisers source sources expert experts economist
economists director chief executive leader leaders candidate nominee secretary ambassador
diplomat diplomats officer officers commander general professor researcher researchers
voter voters resident residents witness witnesses member members supporter supporters critic critics
man woman people person spokespeople strategist strategists representative representatives
""".split())
ORGANISATION_NOUNS = frozenset("""agency company firm airline carrier charity ministry department government court
bank group institute council commission committee union party organisation organization network newspaper paper
broadcaster channel university college school hospital board authority regulator watchdog administration
campaign office embassy mission police military army navy club team coalition alliance foundation fund
business retailer manufacturer startup insurer lender provider operator bureau service association federation
society centre center institution league corporation publisher studio""".split())
"""Nouns that stand for an organisation the story has named: 'the agency said', 'the airline said'."""
GENERIC_ORGANISATION_NOUNS = frozenset("""agency company firm group organisation organization charity business
retailer manufacturer startup insurer lender operator provider carrier airline bank network""".split())
"""Nouns so generic that they stand for the organisation quoted last ('The company said'); not 'government' or
'police', which the story seldom names."""
COMPANY_NOUNS = frozenset("company firm business retailer manufacturer startup insurer lender operator".split())
"""'the company said' right after a company is named: that company, even before it is quoted."""
EPITHET_NOUNS = frozenset("""lawmaker legislator congressman congresswoman politician expert veteran star actor
actress singer billionaire executive founder entrepreneur activist campaigner scientist doctor physician judge lawyer
attorney official diplomat author writer journalist reporter coach player manager chief boss tycoon""".split())
"""Nouns a story calls someone it has just quoted by name: 'the Tennessee lawmaker says'."""
REMARK_NOUNS = frozenset("""remark remarks comment comments words statement claim jibe jab quip assertion
description tweet post line phrase warning promise pledge""".split())
"""Nouns that a quotation can name: 'Piyush Goyal's “Rahul Gandhi is compromised” remarks'."""
THOUGHT_VERBS = frozenset("think believe feel know hope fear wish want wonder see hear realize".split())
"""'“It's over,” he thought.': a verb of thinking after a quotation reports no words said."""
COGNITION_LEMMAS = frozenset("""know believe think feel hope fear understand learn realise realize expect recognize
recognise see suspect doubt assume guess decide discover find notice remember forget wish worry insist agree
suggest prove show mean""".split())
"""Verbs whose own that-clause is theirs: 'told Bharara, who would recognize that he was not going to ...'."""
DOCUMENT_NOUNS = frozenset("""report statement letter email memo post tweet release ruling order complaint filing
lawsuit editorial message note transcript document opinion""".split())
"""Written sources that can be quoted by name: 'From the report: “...”'."""
FINDINGS_NOUNS = frozenset("""research data study survey report filing analysis figures figure estimates estimate
poll documents records statistics count tally calculations review tracker""".split())
"""What an organisation publishes: 'according to research by X' is X's finding."""
CLAIM_NOUNS = frozenset("""claim assertion argument warning statement promise pledge charge accusation insistence
contention allegation suggestion announcement admission prediction""".split())
"""Nouns of saying that take the said content as a that-clause: 'his claim that ...'."""
CLAIM_MAKING_VERBS = frozenset("make repeat reiterate renew restate issue voice level offer advance echo press".split())
"""'She repeated her claim': the subject makes the claim ('she rejected the claim': somebody else did)."""
OBJECT_CONTROL_VERBS = frozenset("""force compel press pressure push prompt ask urge persuade convince get lead allow
encourage invite challenge dare""".split())
"""'forced Stumpf to admit that ...': the object of these verbs is who does what the infinitive says."""
RECORDING_NOUNS = frozenset("footage video clip recording tape audio image images film".split())
"""'footage of Hillary Clinton asking, “...”': the person recorded says the words, not who shows the recording."""
QUANTIFIER_SUBJECTS = frozenset("several many some others both most few all one another".split())
"""'Several said they ...': a quantifier standing alone as subject speaks for a group named before."""
