"""A live blog's declared updates (liveBlogUpdate entries) in its visible page: where each one is, and which
block shows which update.

Each update is looked for by its microdata item, its exact time, its headline, its url anchor or its first
words; each block found is then paired with the update it shows best. Texts are read once and indexed
(see textindex), so a blog of n posts costs about n lookups, not n × n comparisons.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from onrecord.clean.blocks import is_element, norm, text_of
from onrecord.clean.structured import Update
from onrecord.clean.textindex import TextIndex


class Landmarks:
    """What updates are looked for by in the visible page: ids, stated times, headings, paragraphs; the
    texts of headings and paragraphs are read once and indexed (see textindex)."""

    def __init__(self, root):
        self.ids = {e.get("id"): e for e in root.iter() if is_element(e) and e.get("id")}
        self.times: dict = {}
        for element in root.xpath("//*[@datetime]"):
            self.times.setdefault(element.get("datetime").strip(), element)
        self.headings = root.xpath("//h1 | //h2 | //h3 | //h4 | //h5 | //h6 | //*[@itemprop='headline']")
        self.paragraphs = root.xpath("//p")

    @cached_property
    def heading_texts(self) -> TextIndex:
        return TextIndex([text_of(heading).lower() for heading in self.headings])

    @cached_property
    def paragraph_texts(self) -> TextIndex:
        return TextIndex([text_of(paragraph).lower() for paragraph in self.paragraphs])


def locate(update: Update, page: Landmarks):
    """Somewhere inside the update's visible block: its microdata item, an element stating its exact time,
    a heading with its headline, its anchor, or a paragraph with its first words (anchors come after the
    time and the headline: some pages number their blocks differently from their structured data)."""
    if update.node is not None:
        return update.node
    if update.published and update.published in page.times:
        return page.times[update.published]
    wanted = norm(update.headline).lower()
    if wanted:
        texts = page.heading_texts
        for number in texts.holding(wanted):
            if texts.texts[number] == wanted or len(wanted) > 0.6 * len(texts.texts[number]):
                return page.headings[number]
    if update.anchor and update.anchor in page.ids:
        return page.ids[update.anchor]
    opening = norm(update.body)[:60].lower()
    if len(opening) >= 20:
        found = page.paragraph_texts.holding(opening)
        return page.paragraphs[found[0]] if found else None
    return None


@dataclass(frozen=True)
class _Signs:
    """What a block must show to be an update's: its headline's first 80 characters, its stated time, its
    first 40 characters (lower case, spaces collapsed)."""

    headline: str | None
    published: str | None
    opening: str | None

    @classmethod
    def of(cls, update: Update) -> "_Signs":
        return cls(norm(update.headline).lower()[:80] if update.headline else None, update.published or None,
                   norm(update.body).lower()[:40] if update.body else None)


def _agreement(text: str, stated: set, signs: _Signs) -> int:
    """How surely a block shows an update: its headline (2), its stated time (2), its first words (1)."""
    score = 0
    if signs.headline is not None and signs.headline in text:
        score += 2
    if signs.published and signs.published in stated:
        score += 2
    if signs.opening is not None and signs.opening in text:
        score += 1
    return score


def _showing(signs: _Signs, texts: TextIndex, stating: dict) -> set[int]:
    """The blocks that show one of an update's signs (any other block would score nothing)."""
    found = set(stating.get(signs.published, ())) if signs.published else set()
    for piece in (signs.headline, signs.opening):
        if piece is not None:
            found.update(texts.holding(piece))
    return found


def pair(nodes: list, updates: list[Update]) -> list[tuple[object, Update | None]]:
    """Each block with the update it shows best, surest pairs first (an anchor can point at a neighbour)."""
    texts = TextIndex([text_of(node).lower() for node in nodes])
    stated = [set(node.xpath(".//@datetime | .//@content")) for node in nodes]
    stating: dict = {}
    for number, values in enumerate(stated):
        for value in values:
            stating.setdefault(value, []).append(number)
    scored = []
    for j, update in enumerate(updates):
        signs = _Signs.of(update)
        for i in _showing(signs, texts, stating):
            score = _agreement(texts.texts[i], stated[i], signs)
            if score > 0:
                scored.append((score, -i, -j))
    chosen: dict = {}
    taken: set = set()
    for _score, i, j in sorted(scored, reverse=True):
        if -i not in chosen and -j not in taken:
            chosen[-i] = updates[-j]
            taken.add(-j)
    return [(node, chosen.get(i)) for i, node in enumerate(nodes)]
