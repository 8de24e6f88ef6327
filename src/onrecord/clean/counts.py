"""Words under every element of a parsed page, counted once from the leaves up: all words, words in links,
words in paragraphs, and whether an ad frame or a script is inside. The chrome rules read them."""
from __future__ import annotations

from dataclasses import dataclass

from onrecord.clean.blocks import BLOCK_TAGS, is_element

CODE_TAGS = frozenset("script style noscript template".split())
MACHINERY = frozenset("iframe ins script object embed".split())
BROKEN_TEXT_BREAKS = 2
BROKEN_TEXT_WORDS = 30
"""A block of text cut by at least this many line breaks, with at least this many words, is prose set without
<p> (a whole story, as some templates set one); an address or copyright box is shorter."""


@dataclass
class Counts:
    words: int = 0
    linked: int = 0
    prose: int = 0
    """Words inside paragraphs."""
    paragraph: bool = False
    """A <p>, or a block of text cut by line breaks that stands for paragraphs (_is_broken_text)."""
    machinery: bool = False
    """An ad frame or a script somewhere inside."""


def word_counts(root) -> dict:
    """Words, linked words and paragraph words under every element, in one pass from the leaves up."""
    counts: dict = {}
    for element in reversed(list(root.iter())):
        if not is_element(element):
            continue
        if element.tag in CODE_TAGS:
            counts[element] = Counts(machinery=element.tag == "script")
            continue
        total = Counts(len((element.text or "").split()))
        for child in element:
            if is_element(child):
                inner = counts[child]
                total.words += inner.words
                total.linked += inner.linked
                total.prose += inner.prose
                total.machinery = total.machinery or inner.machinery
            total.words += len((child.tail or "").split())
        if element.tag == "a":
            total.linked = total.words
        total.paragraph = element.tag == "p" or _is_broken_text(element, total.words)
        if total.paragraph:
            total.prose = total.words
        total.machinery = total.machinery or element.tag in MACHINERY
        counts[element] = total
    return counts


def _is_broken_text(element, words: int) -> bool:
    """Paragraphs written as one block of text cut by line breaks (<div>text<br><br>text</div>), as some
    newsrooms' templates set a whole story: prose as much as <p> paragraphs are."""
    if element.tag not in ("div", "section") or words < BROKEN_TEXT_WORDS:
        return False
    children = [child for child in element if is_element(child)]
    return sum(child.tag == "br" for child in children) >= BROKEN_TEXT_BREAKS \
        and not any(child.tag in BLOCK_TAGS for child in children)
