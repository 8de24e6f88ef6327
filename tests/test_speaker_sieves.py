"""Speaker sieves (quotes/speaker_sieves.py): who a cue's mention names, under the fullest name the
document gives, with role and affiliation."""
import pytest

from shapes import COLUMNS, case, check

CASES = [
    case("The World Health Organization said the outbreak was contained.", "the outbreak was contained",
         "World Health Organization", "said", "indirect", "speech-verb/named", "named-organisation",
         speaker_kind="organization"),
    case("Israel says no deal is possible.", "no deal is possible", "Israel", "says", "indirect", "speech-verb/named",
         "named-country", speaker_kind="place"),
    case("Reuters’ chief correspondent, Sam Wells, said the border had closed.", "the border had closed", "Sam Wells",
         "said", "indirect", "speech-verb/named-appositive", "named-appositive-with-possessive-affiliation",
         role="chief correspondent", affiliation="Reuters"),
    case("Maria Lopez met Pedro Alves in Lisbon. Pedro Alves said the meeting went well.\n\n“We found common "
         "ground,” she said.", "We found common ground", "Maria Lopez", "said", "direct",
         "direct-cue/pronoun-nearest-name", "pronoun-by-gender", mention="she"),
    case("Foreign Ministry spokesperson Maria Zakharova spoke on Friday.\n\nZakharova said the proposal was "
         "welcome.", "the proposal was welcome", "Maria Zakharova", "said", "indirect", "speech-verb/named",
         "surname-to-full-name", role="Foreign Ministry spokesperson"),
    case("Foreign Ministry spokesperson Maria Zakharova spoke on Friday.\n\nZakharova said the proposal was welcome. "
         "“It is a first step,” she noted.", "It is a first step", "Maria Zakharova", "noted", "direct",
         "direct-cue/pronoun-previous-speaker", "pronoun-previous-speaker", role="Foreign Ministry spokesperson"),
    case("“We will win this vote,” Senator John Miller said.\n\nPeter Alves criticised the plan on Monday. “It is a "
         "fantasy,” he said.", "It is a fantasy", "Peter Alves", "said", "direct",
         "direct-cue/pronoun-previous-subject", "pronoun-prefers-the-previous-subject"),
    case("“We will win this vote,” Senator John Miller said.\n\nPeter Alves criticised the plan on Monday. The plan "
         "was published a week ago. “It is a fantasy,” he said.", "It is a fantasy", "Peter Alves", "said", "direct",
         "direct-cue/pronoun-previous-subject", "pronoun-looks-back-over-sentences-since-the-last-quotation"),
    case("Richard Viguerie, a conservative activist, spoke on Monday.\n\n“Cruz is our best debater, our most "
         "articulate fighter,” he said.", "best debater", "Richard Viguerie", "said", "direct",
         "direct-cue/pronoun-previous-subject", "a-name-inside-the-quotation-is-no-antecedent"),
    case("Clinton spokesman Brian Fallon expressed his general support for his boss online.\n\nFallon fired back: "
         "“As a guardian of the @POTUS legacy,” he wrote, “we know you are rooting for her.”", "guardian of the",
         "Brian Fallon", "wrote", "direct", "direct-cue/pronoun-same-sentence",
         "a-surname-the-recogniser-missed-is-an-antecedent", mention="he"),
    case("The candidates disagreed on schools. Several said they would rather send block grants to the states.",
         "they would rather send block grants", "Several", "said", "indirect", "speech-verb/quantifier",
         "a-lone-quantifier-speaks-for-a-group", speaker_kind="group"),
    case("Jack Roffman, who estimates that his legal costs were in the seven figures, left.", "legal costs",
         "Jack Roffman", "estimates", "indirect", "speech-verb/relative-named", "relative-pronoun", mention="who"),
    case("Talks resumed. “We are close,” the spokesman said, “but not there yet.”", "We are close", "spokesman", "said",
         "direct", "direct-cue/description", "description", speaker_kind="person"),
]


@pytest.mark.parametrize(COLUMNS, CASES)
def test_speaker_sieve(extract, text, words, speaker, cue, kind, rule, more):
    check(extract(text), words, speaker, cue, kind, rule, more)


def test_group_of_names(extract):
    text = "Hamas and el-Sisi said the talks were very encouraging for both sides."
    records = extract(text)
    assert [(r["speaker"]["name"], r["rule"]) for r in records] == [("Hamas and el-Sisi", "speech-verb/named-group")]
