"""Text out of lxml nodes the way a reader sees it: block by block, spaces collapsed."""
from __future__ import annotations

import re

BLOCK_TAGS = frozenset(
    "address article aside blockquote body dd details div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 "
    "h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_SPACES = re.compile(r"\s+")


def norm(text: str | None) -> str:
    return _SPACES.sub(" ", text or "").strip()


def is_element(node) -> bool:
    return isinstance(node.tag, str)


def text_of(node) -> str:
    """All the text under a node, spaces collapsed (scripts and styles are gone from a pruned tree)."""
    return norm(node.text_content())


def block_texts(node, skip=frozenset()) -> list[str]:
    """The text of every block under node, in page order: a paragraph, a list item, a heading is one line;
    a line break starts a new one. Elements in `skip` (and what is under them) are left out."""
    lines: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        line = norm("".join(pending))
        pending.clear()
        if line:
            lines.append(line)

    def walk(element) -> None:
        block = element.tag in BLOCK_TAGS or element is node
        if block:
            flush()
        if element.text:
            pending.append(element.text)
        for child in element:
            if is_element(child) and child not in skip:
                if child.tag == "br":
                    flush()
                else:
                    walk(child)
            if child.tail:
                pending.append(child.tail)
        if block:
            flush()

    walk(node)
    flush()
    return lines


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())
