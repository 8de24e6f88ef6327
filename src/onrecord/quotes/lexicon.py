"""The cue lexicon: verbs and phrases that introduce speech, by lemma."""

SPEECH_VERBS = frozenset("""
say tell note recall reiterate stress argue warn add insist claim state announce explain ask
reply respond write tweet declare acknowledge admit suggest assert contend maintain predict
promise vow pledge deny confirm report testify allege complain observe emphasize emphasise
concede caution remark comment urge charge counter retort quip joke boast lament conclude
exclaim shout inform mention reveal disclose indicate estimate proclaim answer propose
speculate wonder demand repeat recount assure post write cite agree disagree criticize
yell scream bark interject whisper mutter
criticise blast accuse praise question challenge dismiss reject concur predict forecast
opine muse exhort plead
""".split())

DIRECT_ONLY_VERBS = frozenset("continue describe call begin quote read chant sing echo".split())
"""Verbs that cue a direct quotation next to them, but never take reported speech."""

ADDRESSEE_OBJECT_VERBS = frozenset("tell ask inform assure warn urge remind brief".split())
"""Verbs whose direct object is the person spoken to ("told reporters")."""

PHRASAL_SPEECH_VERBS = {"shoot": "back", "fire": "back", "hit": "back", "point": "out", "chime": "in",
                        "weigh": "in", "lash": "out", "speak": "out", "go": "on", "put": "it"}
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
    if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB"):
        return False
    lemma = lemma_of(token)
    if lemma in SPEECH_VERBS or (direct and lemma in DIRECT_ONLY_VERBS):
        return True
    particle = PHRASAL_SPEECH_VERBS.get(lemma)
    return particle is not None and any(c.lower_ == particle and c.dep_ in ("prt", "advmod", "dobj") and c.i == token.i + 1
                                        for c in token.children)
