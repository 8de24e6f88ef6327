"""The spaCy component: nlp.add_pipe("onrecord") puts the attributions on doc._.quotations.

The sieves run in the order of quotes.attribution.DEFAULT_ORDER; config={"sieves": {"speakers": [...]}}
reorders or drops them, list by list (a list left out keeps its default order)."""
from __future__ import annotations

from dataclasses import replace

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from onrecord.quotes.attribution import attribute
from onrecord.quotes.confidence import web_page_confidence
from onrecord.quotes.embeds import embedded_quotations
from onrecord.quotes.sieves import SieveLists

if not Doc.has_extension("quotations"):
    Doc.set_extension("quotations", default=None)
if not Doc.has_extension("onrecord_skip"):
    Doc.set_extension("onrecord_skip", default=None)
if not Doc.has_extension("onrecord_embeds"):
    Doc.set_extension("onrecord_embeds", default=None)
if not Doc.has_extension("onrecord_posts"):
    Doc.set_extension("onrecord_posts", default=None)
if not Doc.has_extension("onrecord_web"):
    Doc.set_extension("onrecord_web", default=False)


class OnrecordComponent:
    """Needs a parser and NER before it; reads optional skip spans from doc._.onrecord_skip, embedded
    social posts (onrecord.records.Embed) from doc._.onrecord_embeds, where a live blog's posts start from
    doc._.onrecord_posts, and whether the text was cleaned from a web page from doc._.onrecord_web."""

    def __init__(self, nlp: Language, name: str, sieves: dict | None = None):
        self.name = name
        self.sieves = SieveLists.from_names(sieves) if sieves else SieveLists.default()

    def __call__(self, doc: Doc) -> Doc:
        quotations = attribute(doc, doc._.onrecord_skip or (), self.sieves, doc._.onrecord_posts)
        if doc._.onrecord_web:
            quotations = [replace(q, confidence=web_page_confidence(q.rule)) for q in quotations]
        if doc._.onrecord_embeds:
            quotations = sorted(quotations + embedded_quotations(doc.text, doc._.onrecord_embeds),
                                key=lambda q: q.start)
        doc._.quotations = quotations
        return doc


@Language.component("onrecord_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: put this before the parser so no sentence spans two paragraphs.
    All starts are written in one array: setting them token by token checks the whole Doc each time."""
    starts = doc.to_array([SENT_START])
    for token in doc[:-1]:
        if "\n" in token.text or token.whitespace_ == "\n" or (token.is_space and "\n" in token.text):
            starts[token.i + 1] = 1
    doc.from_array([SENT_START], starts)
    return doc


@Language.component("onrecord_apostrophes")
def straight_apostrophe_features(doc: Doc) -> Doc:
    """The model learnt its words with straight apostrophes: 'can’t' gives it a 'n’t' it has hardly seen, and
    it parses the clause around it wrongly ('UPS can’t dodge responsibility' became a noun phrase). Put
    this first: each word with a curly apostrophe takes the shape, prefix and suffix features (and the norm)
    of its straight spelling, while its text, and so every offset and quoted word, stays as written."""
    if "’" not in doc.text:
        return doc
    for token in doc:
        if "’" in token.text:
            straight = doc.vocab[token.text.replace("’", "'")]
            lexeme = token.lex
            lexeme.shape_, lexeme.prefix_, lexeme.suffix_ = straight.shape_, straight.prefix_, straight.suffix_
            if lexeme.norm_ == lexeme.lower_:
                lexeme.norm_ = straight.norm_
    return doc


@Language.factory("onrecord", default_config={"sieves": {}})
def make_onrecord(nlp: Language, name: str, sieves: dict) -> OnrecordComponent:
    return OnrecordComponent(nlp, name, sieves)
