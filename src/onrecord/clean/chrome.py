"""Site chrome out of a parsed page, by what elements are rather than by what they say.

Navigation, asides, footers, forms (and the small boxes around them: newsletter sign-ups), figures and
the few words around an image (captions, photo credits), data tables, hidden elements, ad labels, teaser
cards for other stories, and blocks that are nearly all links (related stories, "Read more" lines,
share bars, trust-principles footers) go; what is left is the story.
"""
from __future__ import annotations

from onrecord.clean.blocks import HEADING_TAGS, is_element
from onrecord.clean.counts import Counts, word_counts

EMBED_MARK = "data-onrecord-embed"
NEVER_TEXT = ("//script | //style | //noscript | //template | //svg | //iframe | //object | //embed | //video | "
              "//audio | //canvas | //button | //select | //textarea | //dialog | //menu | //*[@hidden] | "
              "//*[@role='button']")
AROUND_THE_STORY = ("//nav | //aside | //footer | //*[@role='navigation' or @role='banner' or @role='contentinfo' "
                    "or @role='complementary' or @role='search' or @role='dialog' or @role='alertdialog' "
                    "or @role='menu' or @role='toolbar'] | //*[@aria-live and not(@aria-live='off')]")
"""Containers for what surrounds a story; a page that wraps the story itself in one keeps it (see STORY_SHARE)."""
STORY_SHARE = 0.4
"""A container holding this share of the page's paragraph words holds the story, whatever its tag says."""
LINKED_BLOCKS = frozenset("p li ul ol dl div section".split())
LINK_SHARE = 0.6
"""A block with this share of its words in links, and few words, is navigation: related stories, a
"Read more:" line, a share bar. A heading, and a block that is nothing but one heading, is exempt: live
blogs link their posts' headlines to themselves."""
LINK_SHARE_ANY_SIZE = 0.8
SHORT_BLOCK_WORDS = 80
BOX_WORDS = 60
"""A form's surrounding box (a newsletter or subscription panel) is removed while it stays this short."""
LAYOUT_CELL_WORDS = 50
"""A table with a cell this long is page layout (old sites), not a data table."""
TEASER_WORDS = 40
"""A box this short whose heading is a link to another page is a teaser for that page."""
INSERT_WORDS = 5
"""An insert shorter than this is dropped only where no paragraph follows it in the story ("end of article",
a comments button): a short line between paragraphs may be a subhead or a flat live blog's post time."""
SENTENCE_ENDS = frozenset(".!?”’\"")
PARAGRAPH_STORY = 0.8
"""In a story told in <p> paragraphs (this share of its words), a block of text after paragraphs and
outside any paragraph, list, heading or quotation is an insert: a promotion, a caption, a donation appeal."""
EMPHASIS = frozenset("em i strong b".split())
OPENING_NOTE_WORDS = 6
CAPTION_WORDS = 15
"""A box holding an image and no more words than this is a caption or a photo credit."""
CAPTION_BOX_WORDS = 80
"""A photo grid's box (pictures, then their caption paragraph) holds no more words than this."""
LABEL_WORDS = 6
"""A box around an ad frame or script, with no more words than this, is its label ("Advertisement",
"Continue reading the main story")."""
CONTACT_WORDS = 30
"""A paragraph this short with a mailto: link or a button is how to write in or take part, not the story."""


def _drop(element) -> None:
    if element.getparent() is not None:
        element.drop_tree()


def _holds_embed(element) -> bool:
    return bool(element.xpath(f".//*[@{EMBED_MARK}]"))


def _drop_never_text(root) -> None:
    for element in root.xpath(NEVER_TEXT):
        _drop(element)


def _drop_surroundings(root, counts) -> None:
    story = counts[root].prose
    for element in root.xpath(AROUND_THE_STORY):
        if counts.get(element, Counts()).prose < STORY_SHARE * story and not _holds_embed(element):
            _drop(element)


def _drop_figures(root) -> None:
    for element in root.xpath("//figure | //figcaption | //picture"):
        if _holds_embed(element):
            element.drop_tag()
        else:
            _drop(element)


def _beyond_a_caption(box, counts, most_words: int) -> bool:
    """A box too large to be an image's caption: a paragraph or list item, the story's own container, more
    words than most_words, or a heading or a post's time inside."""
    return box.tag in ("p", "li", "body", "article", "main") or counts.get(box, Counts()).words > most_words \
        or bool(box.xpath(".//h1 | .//h2 | .//h3 | .//h4 | .//time | .//*[@datetime]"))


def _caption_box(image, counts):
    """The largest box around an image that holds only a few words (never a heading or a post's time)."""
    box = None
    for ancestor in list(image.iterancestors())[:4]:
        if _beyond_a_caption(ancestor, counts, CAPTION_WORDS):
            break
        box = ancestor
    return box


def _caption_after_pictures(image, counts):
    """A photo grid built of boxes: two or more pictures, then one caption paragraph under them (with the
    photographers' credit) and nothing else. A single picture with text beside it is a brief or a live-blog
    post, and a text block of several paragraphs is a story: neither is such a box."""
    for ancestor in list(image.iterancestors())[:4]:
        if _beyond_a_caption(ancestor, counts, CAPTION_BOX_WORDS):
            return None
        children = [child for child in ancestor if is_element(child)]
        worded = [child for child in children if counts.get(child, Counts()).words]
        pictures = [child for child in children[:-1] if child.tag == "img" or child.xpath(".//img")]
        if len(worded) == 1 and children[-1] is worded[0] and not (ancestor.text or "").strip() \
                and len(pictures) == len(children) - 1 and sum(len(p.xpath(".//img")) or 1 for p in pictures) >= 2 \
                and len(worded[0].xpath("descendant-or-self::p")) <= 1:
            return ancestor
    return None


def _drop_captions(root, counts) -> None:
    for image in root.xpath("//img"):
        box = _caption_after_pictures(image, counts)
        if box is None:
            box = _caption_box(image, counts)
        if box is not None and not _holds_embed(box):
            _drop(box)


def _drop_ad_labels(root, counts) -> None:
    """An ad slot keeps its "Advertisement" label after its frame and scripts are gone."""
    def is_label(element) -> bool:
        count, parent = counts.get(element), element.getparent()
        return bool(count and count.machinery and 0 < count.words <= LABEL_WORDS and parent is not None
                    and counts.get(parent, Counts()).words > LABEL_WORDS
                    and not element.xpath(".//time | .//*[@datetime]"))

    for element in [e for e in root.iter() if is_element(e) and is_label(e)]:
        _drop(element)


def _drop_data_tables(root, counts) -> None:
    for table in root.xpath("//table"):
        cells = [counts[c].words for c in table.iter("td", "th") if c in counts]
        if not cells or max(cells) < LAYOUT_CELL_WORDS:
            _drop(table)


def _drop_forms(root, counts) -> None:
    """A form and the small box it sits in: newsletter and subscription panels."""
    for form in root.xpath("//form | //input[@type='email']"):
        box = form
        parent = box.getparent()
        while parent is not None and parent.tag not in ("body", "main", "article") and \
                counts.get(parent, Counts()).words <= BOX_WORDS:
            box, parent = parent, parent.getparent()
        _drop(box)


def _drop_contact_lines(root, counts) -> None:
    """'Ramsey Touchberry can be reached at ...', 'Got a story? Email us at ...': a short paragraph with a
    mailto: link tells readers how to write in; the story does not link an address to quote it."""
    mail_links = root.xpath("//p//a[starts-with(translate(normalize-space(@href), 'MAILTO', 'mailto'), 'mailto:')]")
    paragraphs = {next(link.iterancestors("p")) for link in mail_links}
    for paragraph in paragraphs:
        if counts.get(paragraph, Counts()).words <= CONTACT_WORDS and not _holds_embed(paragraph):
            _drop(paragraph)


def _drop_control_paragraphs(root, counts) -> None:
    """'Want to join the conversation? Please [register] or [log in]': a short paragraph holding a button or a
    form control is the page's interface (a long one is prose with a widget in it: a stock ticker's button)."""
    controls = root.xpath("//p//button | //p//input | //p//select | //p//*[@role='button']")
    for paragraph in {next(control.iterancestors("p")) for control in controls}:
        if counts.get(paragraph, Counts()).words <= CONTACT_WORDS and not _holds_embed(paragraph):
            _drop(paragraph)


def _is_link_block(element, counts) -> bool:
    count = counts.get(element)
    if element.tag not in LINKED_BLOCKS or not count or not count.words or element.get(EMBED_MARK) is not None:
        return False
    share = count.linked / count.words
    if share < LINK_SHARE or share < LINK_SHARE_ANY_SIZE and count.words > SHORT_BLOCK_WORDS:
        return False
    return not any(counts.get(h, Counts()).words >= 0.95 * count.words
                   for h in element.iterdescendants(*HEADING_TAGS))


def _label_before(element, counts):
    """The short heading or "Read more:" that introduces a list of links."""
    label = element.getprevious()
    while label is not None and not is_element(label):
        label = label.getprevious()
    if label is None or label.get(EMBED_MARK) is not None:
        return None
    count = counts.get(label)
    text = (label.text_content() or "").strip()
    if count and (count.words <= 5 and label.tag in HEADING_TAGS or count.words <= 8 and text.endswith(":")):
        return label
    return None


def _links_away(heading, counts) -> bool:
    """A heading that is nothing but a link to another page (not an anchor in this one)."""
    links = [a for a in heading.iter("a") if not (a.get("href") or "#").split("://")[-1].startswith("#")
             and "#" not in (a.get("href") or "#")]
    linked = sum(counts.get(a, Counts()).words for a in links)
    return bool(links) and linked >= counts.get(heading, Counts()).words > 0


def _with_sibling_among(root, among: set, later: bool) -> set:
    """Every element with a sibling in `among` before it (after it, with `later`): one pass over each
    parent's children, where asking every element for its siblings would take time growing with the square
    of a long run of siblings."""
    marked = set()
    for parent in root.iter():
        children = [child for child in parent if is_element(child)]
        seen = False
        for child in reversed(children) if later else children:
            if seen:
                marked.add(child)
            seen = seen or child in among
    return marked


def _holding_paragraphs(root, counts) -> set:
    """Every paragraph of the page as it is now, and every element holding one."""
    holding: set = set()
    for paragraph in (e for e in root.iter() if is_element(e) and counts.get(e, Counts()).paragraph):
        for element in (paragraph, *paragraph.iterancestors()):
            if element in holding:
                break
            holding.add(element)
    return holding


def _drop_teasers(root, counts) -> None:
    """Cards for other stories (a short box led by a heading that links away), and such a heading with no
    paragraphs after it ("MORE POLITICS")."""
    doomed = []
    before_a_paragraph = _with_sibling_among(root, set(root.iter("p")), later=True)
    for heading in root.xpath("//h2 | //h3 | //h4 | //h5 | //h6"):
        if not _links_away(heading, counts):
            continue
        card = heading
        parent = heading.getparent()
        while parent is not None and parent.tag not in ("body", "main", "article") and \
                counts.get(parent, Counts()).words <= TEASER_WORDS and not parent.xpath(".//time | .//*[@datetime]"):
            card, parent = parent, parent.getparent()
        if card is not heading or heading not in before_a_paragraph:
            doomed.append(card)
    for card in doomed:
        _drop(card)


def _story_container(element, counts):
    for ancestor in element.iterancestors():
        count = counts.get(ancestor)
        if count and count.prose >= 100:
            return ancestor if count.prose >= PARAGRAPH_STORY * count.words else None
    return None


def _ends_story(element, container, before_paragraphs: set) -> bool:
    """No paragraph of the story container comes after the element."""
    for box in (element, *element.iterancestors()):
        if box is container:
            return True
        if box in before_paragraphs:
            return False
    return True


def _reads_as_a_sentence(element) -> bool:
    """'“We won,” he said.': a story's short last line ends as a sentence does; furniture does not."""
    return "".join(element.itertext()).strip()[-1:] in SENTENCE_ENDS


def _drop_inserts(root, counts) -> None:
    doomed = []
    holding = _holding_paragraphs(root, counts)
    after_paragraphs = _with_sibling_among(root, holding, later=False)
    before_paragraphs = _with_sibling_among(root, holding, later=True)
    for element in root.iter("div", "span", "section"):
        count, parent = counts.get(element), element.getparent()
        if not count or count.prose or not count.words or parent is None \
                or not counts.get(parent, Counts()).prose or element.get(EMBED_MARK) is not None \
                or element.xpath(".//li | .//blockquote | .//h2 | .//h3 | .//h4 | .//time | ancestor::p | ancestor::li "
                                 "| ancestor::blockquote | ancestor::h1 | ancestor::h2 | ancestor::h3 | ancestor::h4"):
            continue
        if element not in after_paragraphs or (container := _story_container(element, counts)) is None:
            continue
        if count.words >= INSERT_WORDS or _ends_story(element, container, before_paragraphs) \
                and not _reads_as_a_sentence(element):
            doomed.append(element)
    for element in doomed:
        _drop(element)


def _all_emphasis(paragraph) -> bool:
    """A paragraph set entirely in bold or italics: an editor's note, a contact line, a promotion."""
    text = "".join(paragraph.itertext()).strip()
    if not text:
        return False
    loose = (paragraph.text or "").strip() or any((child.tail or "").strip() for child in paragraph)
    return not loose and all(is_element(c) and c.tag in EMPHASIS for c in paragraph)


def _sole_paragraph(block):
    """The paragraph a block is a wrapper for (a <p> alone inside divs and sections), or None."""
    while block.tag != "p":
        children = [c for c in block if is_element(c)]
        if len(children) != 1 or (block.text or "").strip() or (children[0].tail or "").strip():
            return None
        block = children[0]
    return block


def _drop_framing_notes(root) -> None:
    """All-emphasis paragraphs closing a story's paragraphs, and short ones opening them ("Updated: 9.45pm"),
    where the story itself is set in plain paragraphs (a bold lede or a bold style is left alone)."""
    doomed = []
    containers = {a.getparent() for p in root.iter("p") for a in (p, p.getparent()) if a.getparent() is not None}
    for container in containers:
        blocks = [c for c in container if is_element(c) and "".join(c.itertext()).strip()]
        paragraphs = [p for p in map(_sole_paragraph, blocks) if p is not None]
        plain = [p for p in paragraphs if not _all_emphasis(p)]
        if len(plain) < 3 or len(plain) < 0.5 * len(paragraphs):
            continue
        for run, longest in ((reversed(blocks), None), (blocks, OPENING_NOTE_WORDS)):
            for block in run:
                paragraph = _sole_paragraph(block)
                if paragraph is None or not _all_emphasis(paragraph) or \
                        longest is not None and len("".join(block.itertext()).split()) > longest:
                    break
                doomed.append(block)
    for block in doomed:
        _drop(block)


def _drop_link_blocks(root, counts) -> None:
    doomed = []
    for element in root.iter():
        if is_element(element) and _is_link_block(element, counts) and not _holds_embed(element):
            doomed.append(element)
            label = _label_before(element, counts)
            if label is not None:
                doomed.append(label)
    for element in doomed:
        _drop(element)


def prune_chrome(root) -> None:
    """Remove site chrome from a parsed page, in place."""
    counts = word_counts(root)
    _drop_ad_labels(root, counts)
    _drop_control_paragraphs(root, counts)  # before the controls themselves go with what is never text
    _drop_never_text(root)
    _drop_surroundings(root, counts)
    _drop_figures(root)
    _drop_forms(root, counts)
    _drop_contact_lines(root, counts)
    _drop_data_tables(root, counts)
    _drop_captions(root, counts)
    _drop_teasers(root, counts)
    _drop_inserts(root, counts)
    _drop_link_blocks(root, counts)
    _drop_framing_notes(root)
