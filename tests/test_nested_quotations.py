"""Quotations inside quotations (quotes/direct/nested.py): the inner words are whoever the outer speaker says
said them, one real sentence per row."""
import pytest

from shapes import COLUMNS, case, check

ZIBULKA = "Next door neighbour Doris Zibulka told Philadelphia Magazine: "

CASES = [
    case(ZIBULKA + "“I kept calling the city. There was one day I asked Gary Heidnik about the smell. He said ‘I "
         "haven’t smelled anything. I’ve been cooking. Maybe you just don’t like my cooking.’”",
         "I haven’t smelled anything", "Gary Heidnik", "said", "direct", "nested-quotation/pronoun-named-in-quotation",
         "he-said-is-the-man-the-outer-speaker-named", exact="I haven’t smelled anything. I’ve been cooking. Maybe you "
         "just don’t like my cooking.", mention="He"),
    case(ZIBULKA + "“All of a sudden, door opens, Gary Heidnik walks out. I said ‘Gary, what is that god-awful smell, "
         "what is that burning?’ ‘I’m cooking a roast. I fell asleep and it burnt,’ he said. And the cop left.”",
         "I fell asleep", "Gary Heidnik", "said", "direct", "nested-quotation/pronoun-named-in-quotation",
         "a-cue-after-the-inner-quotation", exact="I’m cooking a roast. I fell asleep and it burnt,"),
    case(ZIBULKA + "“All of a sudden, door opens, Gary Heidnik walks out. I said ‘Gary, what is that god-awful smell, "
         "what is that burning?’ And the cop left.”", "what is that god-awful smell", "Doris Zibulka", "said",
         "direct", "nested-quotation/quoting-speaker", "i-said-is-the-outer-speaker"),
    case("“When Biden says ‘we will be there for you,’ people laugh,” said Smith.", "we will be there for you",
         "Biden", "says", "direct", "nested-quotation/named", "the-inner-words-once-not-also-as-a-nested-frame",
         exact="we will be there for you,", records=2),
    case("“They thought Barack Obama saying, ‘Hey, go vote for Hillary Clinton’ would do it. But it’s not enough,” "
         "said Leslie Wimes, a caucus president.", "go vote for Hillary", "Barack Obama", "saying", "direct",
         "nested-quotation/named", "a-name-before-the-inner-quotation"),
]


@pytest.mark.parametrize(COLUMNS, CASES)
def test_nested_quotation(extract, text, words, speaker, cue, kind, rule, more):
    check(extract(text), words, speaker, cue, kind, rule, more)


@pytest.mark.parametrize("text", [
    pytest.param("“Other countries say ‘do this, do that.’ We will not,” the minister said.",
                 id="what-somebody-would-say-is-no-statement"),
    pytest.param("“The critics said ‘that is our job, not yours’ and left,” the mayor said.",
                 id="a-description-inside-a-quotation-is-the-speaker-s-gloss"),
    pytest.param("“James Barrie wrote ‘Peter Pan,’ you know,” she said.", id="a-quoted-title-is-no-statement"),
    pytest.param("“Article 5 says ‘an attack on one is an attack on all,’ and we mean it,” the minister said.",
                 id="a-text-that-says-is-no-speaker"),
])
def test_no_nested_quotation(extract, text):
    assert not [r for r in extract(text) if r["rule"].startswith("nested-quotation")]
