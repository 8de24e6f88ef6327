"""The sped-up tagging gives every token exactly what spaCy's own attribute_ruler and lemmatizer give."""
import spacy

from conftest import POLNEAR_DEV, ROOT, SAMPLES, need
from onrecord.pipeline import model_name
from onrecord.tagging import AttributeLookup, UnsupportedRule, speed_up_tagging


def _annotations(doc):
    return [(t.text, t.pos_, t.tag_, t.dep_, t.lemma_, str(t.morph)) for t in doc]


def _texts():
    texts = [need(SAMPLES / "liveblog-gaza-plan.txt").read_text(encoding="utf-8"),
             (ROOT / "tests" / "test_tagging.py").read_text(encoding="utf-8")]  # code: odd tokens, spaces, quotes
    texts += [p.read_text(encoding="utf-8") for p in sorted(need(POLNEAR_DEV / "text").glob("*.txt"))[:12]]
    texts.append("Y'all gonna see it: 'em folks ain't doin' nothin', said he. Let's go! I'd've been there.\n\n  x")
    return texts


def test_same_annotations_as_spacys_own_components():
    reference = spacy.load(model_name(), exclude=["ner"])
    faster = spacy.load(model_name(), exclude=["ner"])
    speed_up_tagging(faster)
    assert "attribute_ruler" not in faster.pipe_names and "onrecord_attributes" in faster.pipe_names
    tokens = 0
    for expected, got in zip(reference.pipe(_texts()), faster.pipe(_texts())):
        assert _annotations(got) == _annotations(expected)
        tokens += len(expected)
    assert tokens > 5000


def test_the_pipeline_onrecord_loads_uses_the_lookup(nlp):
    assert "onrecord_attributes" in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(words, frozenset) for words in index.values())


def test_a_rule_the_lookup_cannot_follow_keeps_spacys_ruler():
    nlp = spacy.load(model_name(), exclude=["ner"])
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    try:
        AttributeLookup(nlp.get_pipe("attribute_ruler").patterns, nlp.vocab)
    except UnsupportedRule:
        pass
    else:
        raise AssertionError("an OP pattern must not be accepted")
    speed_up_tagging(nlp)
    assert "attribute_ruler" in nlp.pipe_names and "onrecord_attributes" not in nlp.pipe_names
    assert [t.pos_ for t in nlp("It is very very good.")][2:4] == ["ADV", "ADV"]
