"""NER on name stretches finds the names that spaCy's NER finds on the whole text."""
import pytest
import spacy

from conftest import POLNEAR_DEV, ROOT, SAMPLES, need
from onrecord.clean import build_document
from onrecord.entities import name_stretches
from onrecord.pipeline import model_name
from onrecord.records import RawSource

NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP"}


@pytest.fixture(scope="module")
def full_ner():
    """The model's NER over the whole text, reading curly apostrophes as onrecord's pipeline does: what is
    compared is where NER runs, not how words are spelt."""
    import onrecord.quotes  # noqa: F401  (registers onrecord_apostrophes)

    nlp = spacy.load(model_name())
    nlp.add_pipe("onrecord_apostrophes", first=True)
    return nlp


def _names(doc):
    return {(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in NAME_LABELS}


def _sample_texts():
    html = need(SAMPLES / "liveblog-gaza-plan.html").read_text(encoding="utf-8")
    climate = (ROOT / "src" / "onrecord" / "examples" / "liveblog-climate-talks.html").read_text(encoding="utf-8")
    return [need(SAMPLES / "liveblog-gaza-plan.txt").read_text(encoding="utf-8"),
            build_document(RawSource("gaza.html", html, True)).text,
            build_document(RawSource("climate.html", climate, True)).text]


def test_the_pipeline_runs_the_models_ner_through_name_stretches(nlp):
    assert "onrecord_entities" in nlp.pipe_names and "ner" not in nlp.pipe_names
    assert "ner" in nlp.disabled


def test_same_names_as_the_full_ner_on_the_sample_pages(nlp, full_ner):
    for text in _sample_texts():
        assert _names(nlp(text)) == _names(full_ner(text))


def test_almost_all_names_of_the_full_ner_on_news_articles(nlp, full_ner):
    texts = [p.read_text(encoding="utf-8") for p in sorted(need(POLNEAR_DEV / "text").glob("*.txt"))[:12]]
    expected = found = same = 0
    for ours, reference in zip(nlp.pipe(texts), full_ner.pipe(texts)):
        expected, found = expected + len(_names(reference)), found + len(_names(ours))
        same += len(_names(ours) & _names(reference))
    assert expected > 500
    assert same >= 0.99 * expected and same >= 0.99 * found


def test_a_sentence_starting_with_a_name_the_tagger_calls_a_noun_is_still_read(nlp):
    doc = nlp("The rally ended early. Trump is making a mockery of the debate, she said.")
    assert ("Trump", "PERSON") in {(e.text, e.label_) for e in doc.ents}


def test_stretches_leave_out_lower_case_text_far_from_any_name(nlp):
    doc = nlp("it was a long, slow and quiet afternoon in the small town where nothing much ever happened "
              "to anyone, until Maria Zakharova arrived.")
    stretches = name_stretches(doc, context=4)
    assert len(stretches) == 1
    start, end = stretches[0]
    assert doc[start:end].text == "to anyone, until Maria Zakharova arrived."
    assert sum(e - s for s, e in stretches) < len(doc) / 2


@pytest.mark.parametrize("text, name", [
    ("The European Union’s chief executive, Ursula von der Leyen, expressed sympathy with Turkey.",
     "Ursula von der Leyen"),
    ("The singer Marie de la Cruz said the tour would go on.", "Marie de la Cruz"),
])
def test_a_name_with_particles_is_one_person(nlp, text, name):
    doc = nlp(text)
    assert name in [ent.text for ent in doc.ents if ent.label_ == "PERSON"]
    assert not [ent for ent in doc.ents if ent.label_ != "PERSON" and name.endswith(ent.text)]


def test_a_lower_case_word_after_a_name_is_no_particle_without_a_name_after_it(nlp):
    doc = nlp("He spoke to Anna about de facto rules for the union.")
    assert [ent.text for ent in doc.ents if ent.label_ == "PERSON"] == ["Anna"]


def test_a_clitic_the_model_takes_into_a_name_is_left_out():
    """Without onrecord_apostrophes (a pipeline of one's own), the model reads 'n’t Assanis' as one name."""
    from onrecord.pipeline import load_pipeline

    nlp = load_pipeline()
    nlp.remove_pipe("onrecord_apostrophes")
    doc = nlp("Why didn’t Assanis denounce the hate crimes reported around the country?")
    assert [ent.text for ent in doc.ents if ent.label_ == "PERSON"] == ["Assanis"]
