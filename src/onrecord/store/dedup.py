"""When two quotations by one speaker are the same statement: trimmed, re-punctuated or partial, never opposite.

Words alone merge "We will raise taxes ..." with "We will not raise taxes ...": nine in ten words shared. So a
near match must also agree on what turns a sentence's meaning: its negations (not, never, n't, "it is a lie
that"), its numbers and its names. A quotation that holds the other whole is a trimmed copy unless the words
around it negate it.
"""
from __future__ import annotations

import re
from collections import Counter

from onrecord.store.keys import fold

NEGATIONS = frozenset(
    "not no never nobody nothing none nor neither nowhere cannot t without lie lies lying false untrue myth "
    "deny denies denied hardly barely".split())
"""Words that turn a statement's sense, as text_key splits them ("won't" gives "won" and "t")."""
NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million "
    "billion trillion half third quarter dozen percent".split())
_WORD = re.compile(r"\w+")
_SENTENCE_OPENS = re.compile(r"(^|[.!?:;]\s*)[\"“‘'(\[]*$")


def polarity(norm: str) -> Counter:
    return Counter(word for word in norm.split() if word in NEGATIONS)


def numbers(norm: str) -> Counter:
    return Counter(word for word in norm.split() if word.isdigit() or word in NUMBER_WORDS)


def names(text: str) -> frozenset[str]:
    """Capitalised words that do not open a sentence (folded): the people, places and bodies it names."""
    found = set()
    for match in _WORD.finditer(text):
        word = match.group()
        if word[0].isupper() and word != "I" and not _SENTENCE_OPENS.search(text[:match.start()]):
            found.add(fold(word))
    return frozenset(found)


def contains(short: str, long: str) -> bool:
    return f" {short} " in f" {long} "


def same_statement(norm_a: str, norm_b: str, text_a: str, text_b: str) -> bool:
    """norm_* are text_key forms, text_* the words as quoted (for names)."""
    if norm_a == norm_b:
        return True
    short, long = sorted((norm_a, norm_b), key=len)
    if len(short.split()) >= 5 and contains(short, long):
        around = f" {long} ".replace(f" {short} ", " ", 1)
        return not polarity(around)
    words_a, words_b = set(norm_a.split()), set(norm_b.split())
    if len(words_a) < 5 or len(words_b) < 5 or len(words_a & words_b) / len(words_a | words_b) < 0.9:
        return False
    return (polarity(norm_a) == polarity(norm_b) and numbers(norm_a) == numbers(norm_b)
            and names(text_a) == names(text_b))
