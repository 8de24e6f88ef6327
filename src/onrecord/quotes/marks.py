"""Quotation marks: where direct quotations open and close, across every common style."""
from __future__ import annotations

import re
from dataclasses import dataclass

from onrecord.clean.layout import Paragraph

PAIRS = {"“": "”", "„": "“", "«": "»", "‘": "’", "‹": "›", '"': '"', "‚": "’", "”": "”"}
OPENERS = "“«„\"‘‹"
CLOSERS = "”’»›\"'"
_SPEAKER_LABEL = re.compile(r"[“\"]?\s*([A-Z][A-Z.'’ -]{1,40}[A-Z.]):\s")


@dataclass
class QuoteSpan:
    start: int
    """First character of the quoted words (after the opening mark)."""
    end: int
    """End of the quoted words (before the closing mark, or the paragraph end if unclosed)."""
    open_mark: str
    closed: bool
    paragraphs: int = 1


_ELIDED_YEAR = re.compile(r"\d\d(?:s\b|\b)")


def _is_opening(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] in "‘'" and _ELIDED_YEAR.match(text, i + 1):
        return False  # in ‘08, in the '90s: an apostrophe standing for "19" or "20"
    return (before.isspace() or before in "([{—–-/:;,“‘\"'\x01") and not after.isspace()


def _spaced_opening(text: str, i: int, end: int) -> bool:
    """“ … if the primary were held today”: a curly opening mark may stand apart from the words it opens."""
    before = text[i - 1] if i > 0 else " "
    return text[i] in "“«" and (before.isspace() or before in "([{—–-:;,") and PAIRS[text[i]] in text[i + 1:end]


def _is_closing(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    before = text[i - 1] if i > 0 else " "
    # '"Welcome to Israel, my dear friend PM Narendra Modi, " tweets ...': a stray space before the mark
    # '"... with the term 'African American outreach,' " he told': a space between the single and the double mark
    stray_space = before == " " and i > 1 and after.isspace() and (
        text[i - 2] in ",.!?" or i > 2 and text[i - 2] in "'’" and text[i - 3] in ",.!?")
    return (not before.isspace() or stray_space) and not after.isalnum()


_DOUBLE_MARKS = "“”\""


def _closes(text: str, i: int, mark: str) -> bool:
    if text[i] != PAIRS[mark] and not (mark in _DOUBLE_MARKS and text[i] in _DOUBLE_MARKS and text[i] != "“"):
        return False  # “...," and "...”: one page often mixes straight and curly double marks
    return (mark not in "‘\"'‚" and text[i] != '"') or _is_closing(text, i)


def _nests_same_mark(text: str, i: int, end: int) -> bool:
    """“... what he calls “hell” than live ...”: a curly opening mark inside a curly quotation opens a nested one
    when two closing marks follow in the paragraph, one for each."""
    return text[i] == "“" and text.count("”", i + 1, end) >= 2


def quotes_in_paragraph(text: str, start: int, end: int) -> tuple[list[QuoteSpan], QuoteSpan | None]:
    """Top-level quotations in text[start:end]; the second value is a quotation left open at the end."""
    found: list[QuoteSpan] = []
    stack: list[tuple[str, int]] = []
    for i in range(start, end):
        ch = text[i]
        if not stack:
            if ch in OPENERS and (_is_opening(text, i) or _spaced_opening(text, i, end)) and (
                    ch != "‘" or "’" in text[i:end]):
                stack.append((ch, i))
            elif ch == "”" and i == start and i + 1 < end and not text[i + 1].isspace() and "”" in text[i + 1:end]:
                stack.append((ch, i))  # some sites open a paragraph's quotation with a closing mark
            continue
        outer_mark, outer_at = stack[0]
        top_mark = stack[-1][0]
        if len(stack) > 1 and _closes(text, i, top_mark):
            stack.pop()
        elif _closes(text, i, outer_mark):
            found.append(QuoteSpan(outer_at + 1, i, outer_mark, True))
            stack.clear()
        elif len(stack) == 1 and ch in OPENERS and _is_opening(text, i) and (
                ch != outer_mark or _nests_same_mark(text, i, end)):
            stack.append((ch, i))
    unclosed = None
    if stack:
        mark, opened_at = stack[0]
        unclosed = QuoteSpan(opened_at + 1, end, mark, False)
    return found, unclosed


def _mark_view(text: str) -> str:
    """The text with typewriter double quotes made of two apostrophes ('') read as one mark.
    Same length, so every offset still indexes the original text."""
    return text.replace("''", "\x01\"") if "''" in text else text


def find_quotes(text: str, paras: list[Paragraph]) -> list[QuoteSpan]:
    """Quotations in reading order; one left open at a paragraph end runs on while the next reopens."""
    original = text
    text = _mark_view(text)
    spans: list[QuoteSpan] = []
    running: QuoteSpan | None = None
    for para in paras:
        if running is not None:
            lead = 2 if text[para.start] == "\x01" else 1
            reopens = text[para.start + lead - 1] in "“«„\"‘" and not _SPEAKER_LABEL.match(para.text)
            if reopens:
                closed, unclosed = quotes_in_paragraph(text, para.start, para.end)
                if closed and closed[0].start == para.start + lead:
                    running.end = closed[0].end
                    running.closed = True
                    running.paragraphs += 1
                    spans.append(running)
                    spans.extend(closed[1:])
                    running = unclosed
                    continue
                if not closed and unclosed is not None and unclosed.start == para.start + lead:
                    running.end = unclosed.end
                    running.paragraphs += 1
                    continue
            spans.append(running)
            running = None
        closed, unclosed = quotes_in_paragraph(text, para.start, para.end)
        spans.extend(closed)
        running = unclosed
    if running is not None:
        spans.append(running)
    for span in spans:
        if text[span.end - 1:span.end] == "\x01":
            span.end -= 1
    return [s for s in spans if original[s.start:s.end].strip()]


def speaker_label(paragraph_text: str) -> str | None:
    """Transcript turns: 'PENCE: Well, look ...' names the speaker in capitals before a colon."""
    match = _SPEAKER_LABEL.match(paragraph_text)
    return match.group(1).strip() if match else None

DASH_SIGNATURE = re.compile(r"^[”\"’»']*\s*[―—–]\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s*[.,]?\s*$")
SIGNATURE_PARAGRAPH = re.compile(r"^\s*[―—–-]\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s*(?:[.,].{0,80})?$")
"""'- Bernie Sanders.' or '-President Obama, tweeting after the speech.' signing the quotation above it."""
CLOSING_MARKS = ("”", "\"", "»", "’", "'", "''", "›")
OPENING_MARKS = ("“", "\"", "«", "‘", "'", "''", "``", "‹")
