"""The grammar sieves share: a verb's subject and addressee, the cue's words, where a reported clause starts,
and a source before a colon."""
from __future__ import annotations

from onrecord.quotes.context import Context
from onrecord.quotes.lexicon import (ADDRESSEE_OBJECT_VERBS, DOCUMENT_NOUNS, FINDINGS_NOUNS, OBJECT_CONTROL_VERBS,
                                     PERSON_NOUNS, PHRASAL_SPEECH_VERBS, RECORDING_NOUNS, SUBJECT_DEPS,
                                     is_speech_verb, lemma_of)


def subject_of(verb):
    current = verb
    for _ in range(4):
        subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            # a long fronted phrase can leave the parser with two subjects; the verb's own is the nearer. One on
            # each side ('Doherty said Christie when he first ran “sold himself ...”'): the one after begins the
            # reported clause
            before = [c for c in subjects if c.i < current.i]
            inverted = [c for c in subjects if c.i > current.i and _closes_its_sentence(c)]
            return min(inverted or before or subjects, key=lambda c: abs(c.i - current.i))
        # '“...,” Conway notes.': a name the parser files as a compound of a verb is that verb's subject
        compounds = [c for c in current.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < current.i]
        if compounds and current.pos_ == "VERB":
            return compounds[-1]
        attached_cues = [c for c in current.children if c.dep_ == "parataxis" and is_speech_verb(c)
                         and any(g.dep_ in SUBJECT_DEPS for g in c.children)]
        if attached_cues:
            return next(g for g in attached_cues[0].children if g.dep_ in SUBJECT_DEPS)
        agents = [g for c in current.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agents:
            return agents[0]
        if current.dep_ == "relcl":
            return current.head
        if current.dep_ == "acl":
            if current.tag_ == "VBG" and current.head.dep_ == "pobj" and _a_person(current.head):
                return current.head  # "a video of Mark Udall telling voters ...": Udall tells them
            sources = [g for c in current.head.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
                       for g in c.children if g.dep_ == "pobj"]
            if sources:
                return sources[0]
            if current.head.dep_ == "dobj" and current.head.head.pos_ == "VERB":
                current = current.head.head  # "X issued a statement saying ...": X says it
                continue
            return None
        controller = _object_controlling(current, current is verb)
        if controller is not None:
            return controller
        if current.dep_ in ("conj", "advcl", "xcomp", "dep") and current.head.pos_ in ("VERB", "AUX"):
            current = current.head
            continue
        preposition = _first_conjunct(current.head) if current.dep_ == "pcomp" else None
        if preposition is not None and preposition.dep_ in ("prep", "conj") \
                and preposition.head.pos_ in ("VERB", "AUX"):
            quoted = [c for c in preposition.head.children if c.dep_ == "dobj"]
            if preposition.lower_ == "as" and preposition.head.lemma_.lower() == "quote" and quoted:
                return quoted[0]  # "They quote Peskov as saying ...": Peskov says it
            current = preposition.head  # "X was criticised for saying ..."
            continue
        return None
    return None


def _closes_its_sentence(subject) -> bool:
    """'..., said Soelistyo.': a subject after the verb that ends the sentence is an inverted cue's speaker."""
    following = subject.doc[subject.right_edge.i + 1:subject.sent.end]
    return all(t.is_punct or t.is_space for t in following)


def _first_conjunct(preposition):
    """'appeared ... for his role in ... and for saying': the second 'for' hangs on the first, or on the verb."""
    while preposition.dep_ == "conj" and preposition.head.dep_ == "prep":
        preposition = preposition.head
    return preposition


def _object_controlling(verb, is_the_cue: bool = True):
    """'it didn't involve the president of the United States claiming the election was stolen', 'caught Trump
    saying': a participle hung on a verb after that verb's object is said by the object, when the object is a
    person, or the person a recording of them shows ('aired a video of Mark Udall saying'); 'forced Stumpf to
    admit': an infinitive after an object of force, ask, urge ... is the object's, when it is the cue itself (a
    participle hung on the infinitive is the subject's: 'challenged the Prime Minister to cancel the deal, claiming
    ...')."""
    objects = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
    if not objects or verb.dep_ not in ("xcomp", "advcl"):
        return None
    if is_the_cue and verb.dep_ == "xcomp" and verb.tag_ == "VB" and lemma_of(verb.head) in OBJECT_CONTROL_VERBS:
        return objects[0] if objects[0].pos_ in ("PROPN", "NOUN", "PRON") else None
    if verb.tag_ != "VBG":
        return None
    if verb.dep_ == "xcomp" and _a_person(objects[0]):
        return objects[0]
    return _person_recorded(objects[0])


def _person_recorded(noun):
    """'uses footage of Hillary Clinton asking': the person a recording shows."""
    if noun.lemma_.lower() not in RECORDING_NOUNS:
        return None
    shown = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return shown[0] if shown and _a_person(shown[0]) else None


def _a_person(token) -> bool:
    return token.ent_type_ == "PERSON" or token.lemma_.lower() in PERSON_NOUNS \
        or token.lower_ in ("him", "her", "them")


def addressee_of(ctx: Context, verb) -> str | None:
    lemma = lemma_of(verb)
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and lemma in ADDRESSEE_OBJECT_VERBS and child.pos_ in ("NOUN", "PROPN", "PRON"):
            return ctx.mention_text(child)
        if child.dep_ in ("prep", "dative") and child.lower_ == "to" and lemma not in ("add",):
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return ctx.mention_text(objects[0])
    return None


def cue_text(verb) -> str:
    particles = [c for c in verb.children if c.i == verb.i + 1 and (
        c.dep_ == "prt" or c.lower_ == PHRASAL_SPEECH_VERBS.get(lemma_of(verb)))]
    return verb.text + (" " + particles[0].text if particles else "")


def after_that(clause) -> int:
    """Where a reported clause's words start: after its complementiser 'that', which is the cue's, not the speaker's."""
    first = clause.left_edge
    if first.lower_ == "that" and first.dep_ in ("mark", "advmod"):
        return first.idx + len(first)
    marks = [c for c in clause.lefts if c.dep_ == "mark" and c.lower_ == "that"]
    if marks:  # 'told Reuters earlier that ...': a word the parser hung on the clause before its 'that'
        return marks[-1].idx + len(marks[-1])
    return first.idx


def author_of_findings(source):
    """'according to research by the Migration Policy Institute', 'a filing from Impresa', 'the Johns Hopkins
    University coronavirus tracker': the one who
    published the research, data or filing a source names, when a name follows; else the source itself."""
    if source.pos_ != "NOUN" or (source.lemma_.lower() not in FINDINGS_NOUNS and source.lower_ not in FINDINGS_NOUNS):
        return source
    # 'the Johns Hopkins University coronavirus tracker', 'Statistics Canada’s labour force survey data': an
    # organisation named before the noun, or before the words that tell what data it is
    publishers = [t for c in source.lefts for t in c.subtree
                  if t.dep_ in ("compound", "nmod", "poss") and t.ent_type_ == "ORG"]
    if publishers:
        return publishers[0]
    # 'research by X', 'a filing from X', and 'data compiled by X'
    preps = [c for c in source.rights if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")]
    preps += [a for c in source.rights if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"]
    for prep in preps:
        names = [t for t in prep.children if t.dep_ == "pobj" and (t.ent_type_ or t.pos_ == "PROPN")]
        if names:
            return names[0]
    return source


def source_subject(verb):
    """The subject of verb when it can be a source: a name, a personal pronoun, a person or a document."""
    subject = subject_of(verb)
    if subject is None:
        return None
    owners = [c for c in subject.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    if subject.pos_ == "NOUN" and subject.lemma_.lower() not in PERSON_NOUNS | DOCUMENT_NOUNS and not owners:
        return None
    if subject.pos_ == "PRON" and subject.lower_ not in ("he", "she", "they", "i", "we"):
        return None
    if subject.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    return owners[0] if owners and subject.pos_ == "NOUN" and subject.lemma_.lower() not in PERSON_NOUNS else subject


def source_before_colon(colon):
    """'President Clinton released the following statement: “...”', 'Article 33 affirms: “...”': with no speech
    verb, the subject of the clause a colon ends introduces the quotation after it."""
    if colon is None or colon.text != ":" or colon.i == 0:
        return None
    verbs = [t for t in [colon.nbor(-1), *colon.nbor(-1).ancestors] if t.i < colon.i and t.pos_ in ("VERB", "AUX")]
    for verb in verbs:
        source = source_subject(verb)
        if source is not None:
            return source
    return None


def gerund_joined_to(verb, last):
    """'accused authorities of abuse and using excessive force': a gerund after 'and' goes on with the reason,
    though the parser joined it to the finite verb, which a gerund cannot be coordinate with."""
    doc = verb.doc
    if verb.tag_ == "VBG" or last.i + 2 >= len(doc) or doc[last.i + 1].lower_ not in ("and", "or"):
        return last
    joined = [c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBG" and c.left_edge.i == last.i + 2]
    return joined[0].right_edge if joined else last


def has_own_object(noun) -> bool:
    return noun.tag_ == "NNS" and any(c.dep_ == "dobj" for c in noun.children)


def past_tense_read_as_participle(verb, noun) -> bool:
    """'The unions said more than 15,000 people registered for the rally': after 'said', an '-ed' verb right
    after the object is the reported clause's past tense, not a participle on the noun ('said the words
    written on the wall' has a participle of its own form)."""
    if lemma_of(verb) != "say":
        return False
    following = [c for c in noun.children if c.dep_ == "acl" and c.i == noun.i + 1 and c.tag_ in ("VBN", "VBD")]
    return bool(following) and following[0].lower_ in (following[0].lemma_.lower() + "ed",
                                                         following[0].lemma_.lower() + "d")


def closing_cue_read_as_relative(verb) -> bool:
    """'Kristofer was the youngest of four children who ..., neighbors say.': a cue that ends the sentence,
    which the parser made a relative clause with the sentence's 'who' as its object."""
    doc = verb.doc
    return verb.dep_ == "relcl" and verb.i + 1 < len(doc) and doc[verb.i + 1].text in (".", "!", "?")


def participle_clause(verb) -> bool:
    """'..., adding that ...', 'noting ...': a participle with no auxiliary ('is being dispatched' has one)."""
    return verb.tag_ in ("VBG", "VBN") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
