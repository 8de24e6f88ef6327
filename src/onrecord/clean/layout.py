"""Paragraphs, site chrome and headlines in plain text: the layout rules both inputs share."""
from __future__ import annotations

import re
from dataclasses import dataclass

CHROME = re.compile(
    r"\b(cookies?|privacy policy|terms of (use|service)|consent|subscribe to our newsletter|"
    r"sign up for our|all rights reserved|accept all|manage preferences|share on (facebook|x|twitter)|"
    r"follow us on)\b",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?…:;,”\"’')\]]\s*$")
_HAS_LETTER = re.compile(r"[A-Za-z]")
_TWO_SENTENCES = re.compile(r"\b[a-z]{3,}[.!?]\s+[A-Z]")
"""'... or discrimination. They have ...': a full stop after a lower-case word, then a new sentence."""
_SIGNED_QUOTATION = re.compile(r"[.!?,…]\s*[”\"’']\s*[―—–]\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}\s*\.?$")
"""'“The most unqualified child to ever run.” ― Francisco Herrero': a reader's words signed with a dash."""
_PAST_REPORTING = re.compile(r"\b(said|told \w+)\s*[:,]\s*[“\"‘']")
"""'Jiang Hui, whose mother was on MH370, said: “I don't know ...”': headlines report in the present ('says')."""


@dataclass
class Paragraph:
    start: int
    end: int
    text: str


def paragraphs(text: str) -> list[Paragraph]:
    """Every non-empty line is a paragraph: scraped text and trafilatura output both break this way."""
    found = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        found.append(Paragraph(start, start + len(stripped), stripped))
    return found


def is_chrome(paragraph: Paragraph) -> bool:
    """Consent banners, share bars and footers: short lines about the site, not the story."""
    words = paragraph.text.split()
    return len(words) <= 40 and bool(CHROME.search(paragraph.text)) and "“" not in paragraph.text


def is_headline(paragraph: Paragraph, next_paragraph: Paragraph | None) -> bool:
    """A short line without closing punctuation that introduces more text."""
    if next_paragraph is None:
        return False
    words = paragraph.text.split()
    if not 2 <= len(words) <= 25 or not _HAS_LETTER.search(paragraph.text):
        return False
    if _SENTENCE_END.search(paragraph.text) and not re.search(r"[’”\"']\s*$", paragraph.text):
        return False
    if re.search(r"[.!?,]\s*[”\"’']\s*$", paragraph.text) or _TWO_SENTENCES.search(paragraph.text):
        return False  # '...: PM Narendra Modi' ends a statement of two sentences, not a headline
    if _SIGNED_QUOTATION.search(paragraph.text) or _PAST_REPORTING.search(paragraph.text):
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())
    return words[0][:1].isupper() or words[0][:1] in "“‘\"'" or capitalised >= 1
