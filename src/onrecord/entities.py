"""The model's own named-entity recogniser, run only where a name can be.

Names are capitalised: in news text only about one token in eight is a proper noun, a capitalised word
inside a sentence or an acronym, yet spaCy's NER reads every token and is the most expensive component
of en_core_web_sm (about 45% of our time). `WindowedEntities` runs that same trained NER on the stretches
around such tokens only (and around numbers where a speaker can stand: "Six in 10 voters say"), and
writes the entities back onto the whole Doc. Each stretch keeps `context` tokens either side: the NER's
CNN reads four tokens either side, so with four a name's own token vectors are those of the full text.
Entities the stretches leave out are other lower-case ones (dates, amounts), which attribution does not
use. Stretches are about 58% of PolNeAR's tokens; tests/test_entities.py compares the names found with
those of the full NER (PolNeAR train and dev score the same with either, to within one or two quotations).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

DEFAULT_CONTEXT = 4
_FUNCTION_WORDS = frozenset("DET PRON ADP CCONJ SCONJ AUX PART ADV PUNCT NUM INTJ".split())


def could_be_name(token) -> bool:
    if token.pos_ == "PROPN" or (token.like_num and _in_speaker_position(token)):
        return True
    if not token.is_alpha:
        return False
    if token.is_upper and len(token) > 1:
        return True
    if not token.is_title:
        return False
    # a sentence's first word is capitalised anyway: only a content word there may be a name ("Trump said")
    return not token.is_sent_start or token.pos_ not in _FUNCTION_WORDS


def _in_speaker_position(token, depth: int = 3) -> bool:
    """Within a subject, or after "according to": where a number can be a speaker ("one of his aides")."""
    for _ in range(depth):
        if token.dep_ in ("nsubj", "nsubjpass") or (token.dep_ == "pobj" and token.head.head.lower_ == "according"):
            return True
        token = token.head
    return False


def name_stretches(doc: Doc, context: int) -> list[tuple[int, int]]:
    """Token ranges that hold every possible name with `context` tokens around it, overlaps merged."""
    stretches: list[tuple[int, int]] = []
    for token in doc:
        if not could_be_name(token):
            continue
        start, end = max(0, token.i - context), min(len(doc), token.i + context + 1)
        if stretches and start <= stretches[-1][1]:
            stretches[-1] = (stretches[-1][0], end)
        else:
            stretches.append((start, end))
    return stretches


def _stretches_doc(doc: Doc, stretches: list[tuple[int, int]]) -> tuple[Doc, list[int]]:
    """One Doc of the stretches one after another, each starting a sentence; and each token's index in `doc`."""
    words, spaces, sent_starts, origin = [], [], [], []
    for start, end in stretches:
        for token in doc[start:end]:
            words.append(token.text)
            spaces.append(bool(token.whitespace_))
            sent_starts.append(token.i == start or bool(token.is_sent_start))
            origin.append(token.i)
    return Doc(doc.vocab, words=words, spaces=spaces, sent_starts=sent_starts), origin


class WindowedEntities:
    """A spaCy component that runs a trained NER on name stretches only and sets doc.ents."""

    def __init__(self, ner, context: int = DEFAULT_CONTEXT):
        self.ner = ner
        self.context = context

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs, batch_size: int = 32):
        for batch in minibatch(docs, batch_size):
            joined = [_stretches_doc(doc, name_stretches(doc, self.context)) for doc in batch]
            recognised = self.ner.pipe((stretches for stretches, _origin in joined), batch_size=batch_size)
            for doc, stretches, (_, origin) in zip(batch, recognised, joined):
                entities = without_clitics(doc, list(_entities_in(doc, stretches, origin)))
                doc.set_ents(with_name_particles(doc, entities), default="outside")
                yield doc


def _entities_in(doc: Doc, stretches: Doc, origin: list[int]):
    for entity in stretches.ents:
        first, last = origin[entity.start], origin[entity.end - 1]
        if last - first == len(entity) - 1:  # an entity that bridges two stretches is no entity of the text
            yield Span(doc, first, last + 1, label=entity.label_)


CLITICS = frozenset("n't n’t 's ’s 're ’re 'll ’ll 've ’ve 'd ’d 'm ’m".split())


def without_clitics(doc: Doc, entities: list[Span]) -> list[Span]:
    """'Why didn’t Assanis ...': the model can take the 'n’t' of 'didn’t' into the name after it; a clitic or a
    mark opening an entity is no part of it."""
    trimmed = []
    for entity in entities:
        start = entity.start
        while start < entity.end and (doc[start].lower_ in CLITICS or doc[start].is_punct):
            start += 1
        if start < entity.end:
            trimmed.append(entity if start == entity.start else Span(doc, start, entity.end, label=entity.label_))
    return trimmed


NAME_PARTICLES = frozenset("von van der den de da di du del della dos das la le ter ten bin ibn".split())


def with_name_particles(doc: Doc, entities: list[Span]) -> list[Span]:
    """'Ursula von der Leyen', which the small model reads as 'Ursula von der' (a person) and 'Leyen' (a
    place): a person's name that ends in a lower-case particle, or is followed by one, goes on to the
    capitalised word after the particles, and any entity there is taken into it."""
    repaired: list[Span] = []
    for entity in entities:
        if repaired and entity.start < repaired[-1].end:
            continue  # taken into the person before it
        end = _end_after_particles(doc, entity) if entity.label_ == "PERSON" else entity.end
        repaired.append(entity if end == entity.end else Span(doc, entity.start, end, label="PERSON"))
    return repaired


def _end_after_particles(doc: Doc, entity: Span) -> int:
    end = entity.end
    while end < len(doc) and doc[end].lower_ in NAME_PARTICLES and doc[end].is_lower:
        end += 1
    particles = end > entity.end or (doc[entity.end - 1].lower_ in NAME_PARTICLES and doc[entity.end - 1].is_lower)
    if not particles or end >= len(doc) or not doc[end].is_title or doc[end].is_sent_start:
        return entity.end
    return end + 1


@Language.factory("onrecord_entities", default_config={"source": "ner", "context": DEFAULT_CONTEXT})
def make_windowed_entities(nlp: Language, name: str, source: str, context: int) -> WindowedEntities:
    return WindowedEntities(nlp.get_pipe(source), context)


def run_ner_on_names_only(nlp: Language, context: int = DEFAULT_CONTEXT) -> None:
    """Put WindowedEntities in the place of the model's NER (which stays loaded, disabled, as its engine)."""
    if "ner" not in nlp.pipe_names:
        return
    nlp.add_pipe("onrecord_entities", after="ner", config={"context": context})
    nlp.disable_pipe("ner")
