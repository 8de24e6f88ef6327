"""An article's whole text: trafilatura's main text, checked against what the page itself says its body is.

When trafilatura's text covers much less of the page's own articleBody (JSON-LD) or of its <article>
element than it should, the other readings are tried (trafilatura without favour_recall, the page's
paragraphs that the body covers, the JSON-LD body itself) and the one that best covers the body is kept.
"""
from __future__ import annotations

from collections import Counter

import trafilatura
from trafilatura.settings import use_config

from onrecord.clean.blocks import block_texts, norm, words
from onrecord.clean.structured import PageData

ENOUGH_COVER = 0.6
"""Below this share of the reference body's words, trafilatura's text is missing part of the story."""
GOOD_COVER = 0.9
"""A reading this close to the page's own body needs no second trafilatura pass."""
SAME_SCORE = 0.05
"""Readings this close to the best are as good; the earlier (trafilatura's, then the page's own
paragraphs) is kept."""


def _trafilatura_config():
    """Short pages (a live blog's first post, a brief wire story) keep their line structure instead of
    falling back to one run-on line; no signal-based timeout, so extraction works off the main thread."""
    config = use_config()
    for option in ("MIN_EXTRACTED_SIZE", "MIN_OUTPUT_SIZE", "MIN_EXTRACTED_COMM_SIZE", "MIN_OUTPUT_COMM_SIZE"):
        config.set("DEFAULT", option, "10")
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


TRAFILATURA_CONFIG = _trafilatura_config()


def trafilatura_text(root, favor_recall: bool) -> str:
    """trafilatura copies the tree it is given, so one pruned page serves every reading."""
    text = trafilatura.extract(root, include_comments=False, include_tables=False, deduplicate=False,
                               favor_recall=favor_recall, config=TRAFILATURA_CONFIG)
    return text or ""


def _bag(text: str) -> Counter:
    return Counter(words(text))


def cover(candidate: str, reference: Counter) -> float:
    """Share of the reference's words that the candidate has."""
    total = sum(reference.values())
    return sum((_bag(candidate) & reference).values()) / total if total else 0.0


def _f1(candidate: str, reference: Counter) -> float:
    got = _bag(candidate)
    common = sum((got & reference).values())
    if not common:
        return 0.0
    precision, recall = common / sum(got.values()), common / sum(reference.values())
    return 2 * precision * recall / (precision + recall)


def _reference(root, page: PageData) -> str | None:
    """What the page says its story is: the JSON-LD articleBody, else its one <article> element's text
    without the articles nested in it (in HTML those are the comments and cards about other stories)."""
    declared = page.main_text("articleBody")
    if declared and len(declared.split()) >= 30:
        return declared
    articles = root.xpath("//article[not(ancestor::article)]")
    if len(articles) == 1:
        nested = frozenset(articles[0].xpath(".//article"))
        return "\n".join(block_texts(articles[0], nested))
    return None


def _covered_paragraphs(root, reference: Counter) -> str:
    """The page's own paragraphs whose words are (nearly) all in the reference body, in page order."""
    body = root.xpath("//body")
    lines = block_texts(body[0] if body else root)
    kept = [line for line in lines if len(line.split()) >= 3 and _inside(line, reference)]
    return "\n".join(kept)


def _inside(line: str, reference: Counter) -> bool:
    bag = _bag(line)
    total = sum(bag.values())
    return bool(total) and sum((bag & reference).values()) / total >= 0.9


def _as_lines(declared: str) -> str:
    """A JSON-LD body as lines, at its own line breaks."""
    return "\n".join(norm(line) for line in declared.splitlines() if norm(line))


def _best(candidates: list[str], reference: Counter) -> tuple[float, str]:
    """The candidate that best covers the reference; among near-equals, the earliest in the list."""
    scored = [(_f1(c, reference), c) for c in candidates if c.strip()]
    best = max(score for score, _ in scored)
    return best, next(c for score, c in scored if score >= best - SAME_SCORE)


def article_text(root, page: PageData, primary: str) -> str:
    """The story's text from a pruned page, given trafilatura's text of it (favouring recall)."""
    reference_text = _reference(root, page)
    if not reference_text:
        return primary
    reference = _bag(reference_text)
    if cover(primary, reference) >= ENOUGH_COVER:
        return primary
    own = [_covered_paragraphs(root, reference)]
    if reference_text == page.main_text("articleBody"):
        own.append(_as_lines(reference_text))
    score, chosen = _best([primary] + own, reference)
    if score < GOOD_COVER:
        score, chosen = _best([primary, trafilatura_text(root, favor_recall=False)] + own, reference)
    return chosen
