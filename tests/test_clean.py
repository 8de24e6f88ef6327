"""The HTML cleaner on small synthetic pages, each built to hold one thing real pages do: live-blog updates
that all carry the page's url, clock-only posts on a page modified days later, a "Feb 29" time line, zone
abbreviations that name several zones, a relative canonical link, vendors' date tags beside the standard
ones, an embedded post whose words the story also quotes, pages large enough for work that grows with
their square to show. Everything goes through the real cleaner (and a last test reads clean/'s source for
dead code)."""
import ast
import json
from collections import Counter
from pathlib import Path

import lxml.html
import pytest

from conftest import calls_made

from onrecord.clean import build_document
from onrecord.clean.chrome import prune_chrome
from onrecord.records import RawSource

PAGE_URL = "https://example.com/live"


def html_page(body: str, head: str = "", title: str = "Storm live") -> str:
    return f"<html><head><title>{title}</title>{head}</head><body><h1>{title}</h1>{body}</body></html>"


def json_ld(data: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def meta(prop: str, content: str, attribute: str = "property") -> str:
    return f'<meta {attribute}="{prop}" content="{content}">'


def clean(page: str, url: str | None = None):
    return build_document(RawSource("page.html", page, True, url))


def sentence(i: int) -> str:
    return f"Post {i} says the minister Jane Doe{i} answered questions on the budget vote for twenty minutes."


def clock_blog(lines: list[str], published: str | None, modified: str | None = None) -> str:
    """Posts that only give a time line ("18:06", "21:06 (IST) Feb 29"), in page order."""
    head = (meta("article:published_time", published) if published else "") + \
        (meta("article:modified_time", modified) if modified else "")
    posts = "".join(f"<div><time>{line}</time><p>{sentence(i)}</p></div>" for i, line in enumerate(lines))
    return html_page(f'<div class="stream">{posts}</div>', head)


def post_times(page: str) -> list[str | None]:
    return [p.time for p in clean(page).posts]


# --- live blogs: which posts there are ---------------------------------------------------------------

def live_blog(n: int, url_of, shown: str = "time") -> str:
    """n posts, newest first, each an <article> with its headline, time and words, and a liveBlogUpdate
    whose url is url_of(i) (JSON-LD). With `shown` = "headline" the blocks show no time (it is in the
    JSON-LD alone), with "words" neither time nor headline."""
    updates, blocks = [], []
    for i in range(n):
        stamp = f"2024-03-05T{23 - i // 60 % 24:02d}:{59 - i % 60:02d}:00Z"
        headline = f"Update number {i} about the budget vote"
        updates.append({"@type": "BlogPosting", "headline": headline, "datePublished": stamp,
                        "articleBody": sentence(i), "url": url_of(i)})
        heading = f"<h2>{headline}</h2>" if shown != "words" else ""
        time_line = f'<time datetime="{stamp}">{stamp[11:16]}</time>' if shown == "time" else ""
        blocks.append(f"<article>{heading}{time_line}<p>{sentence(i)}</p></article>")
    data = {"@context": "https://schema.org", "@type": "LiveBlogPosting", "headline": "Budget live", "url": PAGE_URL,
            "datePublished": "2024-03-05T08:00:00Z", "liveBlogUpdate": updates}
    head = f'<link rel="canonical" href="{PAGE_URL}">' + json_ld(data)
    return html_page(f'<main><div class="stream">{"".join(blocks)}</div></main>', head, "Budget live")


def test_updates_that_all_carry_the_page_url_are_still_separate_posts():
    """A url every update shares (the page's own) says nothing about which post is which."""
    doc = clean(live_blog(10, lambda i: PAGE_URL))
    assert [p.title for p in doc.posts] == [f"Update number {i} about the budget vote" for i in range(10)]
    assert len({p.id for p in doc.posts}) == 10 and PAGE_URL not in {p.id for p in doc.posts}


def test_a_post_s_id_is_its_url_fragment_or_its_own_url():
    """(Serial numbers, the newest the highest: ids that count posts from the top are replaced by hashes.)"""
    anchored = clean(live_blog(10, lambda i: f"{PAGE_URL}#p{100 - i}"))
    assert [p.id for p in anchored.posts] == [f"p{100 - i}" for i in range(10)]
    own = clean(live_blog(4, lambda i: f"{PAGE_URL}/posts/{100 - i}"))
    assert [p.id for p in own.posts] == [f"{PAGE_URL}/posts/{100 - i}" for i in range(4)]


def test_updates_sharing_one_url_apart_from_the_page_s_are_told_apart_too():
    doc = clean(live_blog(6, lambda i: f"{PAGE_URL}/latest" if i < 3 else f"{PAGE_URL}/posts/{100 - i}"))
    assert len(doc.posts) == 6
    assert [p.id for p in doc.posts][3:] == [f"{PAGE_URL}/posts/{100 - i}" for i in range(3, 6)]
    assert not any(p.id == f"{PAGE_URL}/latest" for p in doc.posts)


# --- live blogs: when each post was written ----------------------------------------------------------

def test_clock_only_posts_fall_on_the_publication_day_not_the_last_modification_s():
    """Published on the 5th, posts from 09:02 to 18:06 newest first, the page touched again on the 7th."""
    page = clock_blog(["18:06", "15:15", "11:40", "09:02"], "2024-03-05T08:00:00Z", "2024-03-07T09:00:00Z")
    assert post_times(page) == ["2024-03-05T18:06:00Z", "2024-03-05T15:15:00Z", "2024-03-05T11:40:00Z",
                                "2024-03-05T09:02:00Z"]


def test_a_blog_that_gives_its_last_update_as_its_publication_ends_there():
    """Some pages publish the time of their newest post as the page's own: the walk back crosses midnight."""
    page = clock_blog(["17:00", "09:30", "02:10", "23:45"], "2014-12-31T17:00:37Z")
    assert post_times(page) == ["2014-12-31T17:00:00Z", "2014-12-31T09:30:00Z", "2014-12-31T02:10:00Z",
                                "2014-12-30T23:45:00Z"]


def test_posts_after_midnight_run_on_from_a_late_publication():
    page = clock_blog(["00:40", "00:10", "23:55"], "2024-03-05T23:50:00Z")
    assert post_times(page) == ["2024-03-06T00:40:00Z", "2024-03-06T00:10:00Z", "2024-03-05T23:55:00Z"]


def test_a_day_in_a_time_line_takes_the_publication_s_year():
    page = clock_blog(["21:06 (IST) Feb 27", "18:02 (IST) Feb 26", "09:15 (IST) Feb 26"],
                      "2024-02-26T08:00:00+05:30", "2025-01-10T09:00:00+05:30")
    assert post_times(page) == ["2024-02-27T21:06:00+05:30", "2024-02-26T18:02:00+05:30",
                                "2024-02-26T09:15:00+05:30"]


def test_a_day_in_a_time_line_across_new_year():
    page = clock_blog(["00:30 (IST) Jan 1", "22:10 (IST) Dec 31", "20:05 (IST) Dec 31"], "2023-12-31T20:00:00+05:30")
    assert post_times(page) == ["2024-01-01T00:30:00+05:30", "2023-12-31T22:10:00+05:30",
                                "2023-12-31T20:05:00+05:30"]


def test_feb_29_is_read_in_a_leap_year_and_never_rejects_the_page():
    lines = ["21:06 (IST) Feb 29", "20:15 (IST) Feb 28", "19:40 (IST) Feb 28"]
    leap = clock_blog(lines, "2024-02-28T08:00:00+05:30", "2025-01-10T09:00:00+05:30")
    assert post_times(leap) == ["2024-02-29T21:06:00+05:30", "2024-02-28T20:15:00+05:30",
                                "2024-02-28T19:40:00+05:30"]
    # no 29 February near 2023: the day is not believed, the clock still places the post
    common = clock_blog(lines, "2023-03-01T08:00:00+05:30")
    assert post_times(common) == ["2023-02-28T21:06:00+05:30", "2023-02-28T20:15:00+05:30",
                                  "2023-02-28T19:40:00+05:30"]


@pytest.mark.parametrize("lines, published, modified", [
    (["10:00 Feb 30", "09:00 Apr 31", "08:00 Feb 29"], "2023-06-01T08:00:00Z", None),
    (["10:00 Feb 29", "09:00", "08:00"], None, "2023-03-01T08:00:00Z"),
    (["23:59 Dec 31", "00:01 Jan 1", "00:02 Jan 1"], "9999-12-31T23:00:00+14:00", "9999-12-31T23:30:00-12:00"),
    (["10:00", "09:00", "08:00"], "0001-01-01T00:00:00Z", "2024-02-30T08:00:00Z"),
])
def test_no_date_rejects_a_page(lines, published, modified):
    doc = clean(clock_blog(lines, published, modified))
    assert len(doc.posts) == len(lines)


# --- zones -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("abbreviation, page_offset, expected", [
    ("IST", "+05:30", "+05:30"),   # India
    ("IST", "+02:00", "+02:00"),   # Israel
    ("IST", "+01:00", "+01:00"),   # Ireland in summer
    ("CST", "+08:00", "+08:00"),   # China
    ("CST", "-06:00", "-06:00"),   # US Central
    ("BST", "+06:00", "+06:00"),   # Bangladesh
    ("BST", "+01:00", "+01:00"),   # British Summer Time
])
def test_an_abbreviation_naming_several_zones_is_read_in_the_page_s_own(abbreviation, page_offset, expected):
    page = clock_blog([f"21:06 ({abbreviation}) Jun 12", f"20:15 ({abbreviation}) Jun 12", f"09:30 ({abbreviation})"],
                      f"2024-06-12T08:00:00{page_offset}")
    assert post_times(page) == [f"2024-06-12T21:06:00{expected}", f"2024-06-12T20:15:00{expected}",
                                f"2024-06-12T09:30:00{expected}"]


def test_an_ambiguous_abbreviation_on_a_page_with_no_offset_gets_no_guessed_zone():
    page = clock_blog(["21:06 (IST) Jun 12", "20:15 (IST) Jun 12", "09:30 (IST)"], "2024-06-12")
    assert post_times(page) == ["2024-06-12T21:06:00", "2024-06-12T20:15:00", "2024-06-12T09:30:00"]


def test_an_unambiguous_abbreviation_keeps_its_zone():
    page = clock_blog(["21:06 (JST) Jun 12", "20:15 (JST) Jun 12", "09:30 (JST)"], "2024-06-12T08:00:00Z")
    assert post_times(page) == ["2024-06-12T21:06:00+09:00", "2024-06-12T20:15:00+09:00", "2024-06-12T09:30:00+09:00"]


def test_an_ambiguous_abbreviation_in_a_date_tag_takes_the_page_s_offset():
    head = meta("date", "2024-03-05 10:00 IST", "name") + meta("article:modified_time", "2024-03-05T12:00:00+02:00")
    doc = clean(html_page(f"<article><p>{sentence(1)}</p><p>{sentence(2)}</p></article>", head))
    assert doc.info.published == "2024-03-05T10:00:00+02:00"


# --- the page's own address --------------------------------------------------------------------------

def two_articles(canonical: str, extra_head: str = "") -> str:
    """JSON-LD describing a related story first and the page's own story second."""
    related = {"@type": "NewsArticle", "headline": "A related story", "url": "https://example.com/news/story-a"}
    own = {"@type": "NewsArticle", "headline": "The page's own story", "url": "https://example.com/news/story-b"}
    head = f'<link rel="canonical" href="{canonical}">' + extra_head + json_ld({"@graph": [related, own]})
    return html_page(f"<article><p>{sentence(1)}</p><p>{sentence(2)}</p></article>", head, "Story | Example")


def test_a_relative_canonical_link_finds_the_page_s_own_structured_data():
    doc = clean(two_articles("/news/story-b"), url="https://example.com/news/story-b?utm_source=feed")
    assert doc.info.title == "The page's own story"
    assert doc.info.url == "https://example.com/news/story-b"


def test_a_relative_canonical_link_is_read_against_the_page_s_social_url():
    doc = clean(two_articles("/news/story-b", meta("og:url", "https://example.com/news/story-b/")))
    assert doc.info.title == "The page's own story"
    assert doc.info.url == "https://example.com/news/story-b"


# --- publication time: the standards first -----------------------------------------------------------

def article(head: str, body: str = "") -> str:
    return html_page(f"<article>{body}<p>{sentence(1)}</p><p>{sentence(2)}</p></article>", head)


def test_a_vendor_s_date_tag_never_overrides_a_standard_one():
    head = meta("sailthru.date", "2024-01-01 10:00:00", "name") + \
        meta("dcterms.created", "2024-03-05T08:00:00Z", "name")
    assert clean(article(head)).info.published == "2024-03-05T08:00:00Z"
    pubdate = '<time pubdate datetime="2024-03-05T08:00:00Z">5 March</time>'
    assert clean(article(meta("parsely-pub-date", "2024-01-01T10:00:00Z", "name"), pubdate)).info.published \
        == "2024-03-05T08:00:00Z"


def test_a_vendor_s_date_tag_is_the_last_fallback():
    parsely = meta("parsely-page", json.dumps({"pub_date": "2014-12-31T17:00:37Z"}).replace('"', "&quot;"), "name")
    assert clean(article(parsely)).info.published == "2014-12-31T17:00:37Z"
    date_only = meta("article:published_time", "2014-12-31")
    assert clean(article(date_only + parsely)).info.published == "2014-12-31T17:00:37Z"
    assert clean(article(meta("sailthru.date", "2024-01-01 10:00:00", "name"))).info.published == "2024-01-01T10:00:00"


# --- embedded posts ----------------------------------------------------------------------------------

TWEET = "We will not back down on the tariffs, ever."
EMBED = (f'<blockquote class="twitter-tweet"><p>{TWEET}</p>&mdash; Jane Roe (@janeroe) '
         '<a href="https://twitter.com/janeroe/status/123">May 1, 2024</a></blockquote>')
AFTER = ("<p>Industry groups said they would meet the minister next week to discuss the dispute and its costs.</p>"
         "<p>The opposition called the statement reckless and said it would raise the matter in parliament.</p>")


def story_with_embed(before: str) -> str:
    return html_page(f"<article><p>The trade minister answered critics on Tuesday with a short message.</p>"
                     f"{before}{EMBED}{AFTER}</article>", title="Tariff row deepens")


QUOTED_IN_PROSE = ("<p>On social media she wrote that the government would not back down, adding: "
                   f"{TWEET} Officials declined to comment further on the message.</p>")
QUOTED_AS_A_LINE = f"<p>Her message to supporters was short.</p><p>{TWEET}</p><p>She posted it again later.</p>"


@pytest.mark.parametrize("before", [QUOTED_IN_PROSE, QUOTED_AS_A_LINE], ids=["in-prose", "as-a-line"])
def test_an_embedded_post_sits_on_its_own_lines_not_on_the_story_s_quotation_of_it(before):
    doc = clean(story_with_embed(before))
    own = doc.text.index(f"\n{TWEET}\n— Jane Roe (@janeroe)") + 1
    [embed] = doc.embeds
    assert (embed.start, embed.end) == (own, own + len(TWEET))
    assert doc.text[embed.author_start:embed.author_end] == "Jane Roe (@janeroe)"


def test_the_embedded_post_record_is_the_only_one_on_the_embed(nlp):
    from onrecord.pipeline import extract_raw

    extraction = extract_raw(nlp, RawSource("page.html", story_with_embed(QUOTED_IN_PROSE), True))
    text, records = extraction.document.text, extraction.records()
    own = text.index(f"\n{TWEET}\n— Jane Roe") + 1
    [posted] = [r for r in records if r["rule"] == "embedded-post"]
    assert (posted["start"], posted["speaker"]["name"]) == (own, "Jane Roe")
    signature_end = text.index("(@janeroe)") + len("(@janeroe)")
    assert [r["rule"] for r in records if r is not posted and r["start"] < signature_end and r["end"] > own] == []


TIKTOK = ('<figure class="wp-block-embed is-provider-tiktok"><div class="wp-block-embed__wrapper">'
          '<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@janeroe/video/7336306383119191339">'
          f'<section><a title="@janeroe" href="https://www.tiktok.com/@janeroe">@janeroe</a><p>{TWEET}</p></section>'
          '</blockquote><script async src="https://www.tiktok.com/embed.js"></script></div></figure>')


def test_an_embedded_post_wrapped_in_a_figure_is_kept_as_the_post():
    doc = clean(html_page(f"<article><p>The trade minister answered critics on Tuesday with a short video.</p>"
                          f"{TIKTOK}{AFTER}</article>", title="Tariff row deepens"))
    [embed] = doc.embeds
    assert doc.text[embed.start:embed.end] == TWEET
    assert "— @janeroe" in doc.text


# --- large pages -------------------------------------------------------------------------------------

@pytest.mark.parametrize("shown", ["time", "headline", "words"])
def test_twice_the_live_blog_posts_cost_about_twice_the_calls(shown):
    """Every post's block is found (by its time, its headline or its first words) and paired with its
    update by lookups, not by trying every heading, paragraph and block for every update."""
    small, large = (calls_made(clean, live_blog(n, lambda i: f"{PAGE_URL}#p{i}", shown)) for n in (100, 200))
    assert large / small < 2.3, large / small


def pruned_text(page: str) -> str:
    root = lxml.html.fromstring(page)
    prune_chrome(root)
    return root.text_content()


def test_text_set_after_the_story_s_paragraphs_outside_any_paragraph_is_an_insert():
    """Inserts (a promotion, a donation appeal set as a bare div after paragraphs) go; a div before the
    first paragraph stays, however many blocks the story has."""
    paragraphs = "".join(f"<p>{sentence(i)}</p>" for i in range(300))
    standfirst = "<div>The minister spoke for twenty minutes in the chamber</div>"
    promotion = "<div>Support our journalism today with a small monthly gift</div>"
    text = pruned_text(html_page(f"<article>{standfirst}{paragraphs}{promotion}{paragraphs}</article>"))
    assert "Support our journalism" not in text
    assert "The minister spoke for twenty minutes" in text and text.count("Post 299 says") == 2


def broken_text_story(lines: int, credit: str) -> str:
    """A whole story as one block of text cut by line breaks, as the Times of India sets its stories."""
    return "<div class='story'>" + "<br/><br/>".join(sentence(i) for i in range(lines)) + f"<br/>{credit}</div>"


def test_short_blocks_after_the_story_s_last_paragraph_are_furniture():
    """After a story set as text cut by <br> (prose as much as <p> paragraphs are): a share bar drawn as spans,
    a comments button, 'end of article' go; a short line that paragraphs follow stays (a subhead, a flat live
    blog's post time), and so does the story's closing credit inside its own text."""
    share_bar = ("<div><div><span data-ga='share|facebook'>Facebook</span><span>Twitter</span><span>Linkedin</span>"
                 "<span>EMail</span></div></div>")
    comments = "<div class='cmtwrapper'><div><div><i class='sprite'></i>Start a Conversation</div></div></div>"
    page = html_page(f"<article><div><div data-articlebody='1'><div>"
                     f"{broken_text_story(120, '<span>(With inputs from agencies)</span>')}</div>{share_bar}</div>{comments}<div><span>end "
                     f"of article</span></div></div></article>")
    text = pruned_text(page)
    assert "Facebook" not in text and "Start a Conversation" not in text and "end of article" not in text
    assert text.count("Post 119 says") == 1 and "(With inputs from agencies)" in text
    flat = "".join(f"<div>10:{i:02d}</div><p>{sentence(i)}</p>" for i in range(60))
    assert "10:59" in pruned_text(html_page(f"<article>{flat}<div>end of article</div></article>"))


def test_a_photo_grid_s_caption_paragraph_goes_with_its_pictures():
    """A figure built of divs: photos, then one caption paragraph with the photographers' credit, and nothing
    else in the box (no <figure>, no caption class to go by). A story paragraph beside an image stays."""
    paragraphs = "".join(f"<div><p>{sentence(i)}</p></div>" for i in range(100))
    grid = ("<div class='grid'><div><div><img src='a.jpg'/></div><div><img src='b.jpg'/></div></div>"
            "<p><span>Left: a resident of Al-Bqea’ah, an unrecognized Bedouin community in the desert. Right: a "
            "farmer of Ras Jrabah, which faces eviction.</span><span>Photos: Alice Speri/The "
            "Intercept</span></p></div>")
    inline = "<div><p><img src='c.jpg'/>A farmer walks his land at dawn before the settlers come, he said.</p></div>"
    text = pruned_text(html_page(f"<article>{paragraphs}{grid}{inline}{paragraphs}</article>"))
    assert "Photos: Alice Speri" not in text and "faces eviction" not in text
    assert "A farmer walks his land" in text and text.count("Post 99 says") == 2


def test_a_short_last_line_that_reads_as_a_sentence_and_a_short_box_of_lines_are_judged_as_before():
    """A story's short last line ends as a sentence does and stays; a copyright box cut by <br> is too short
    to be a story set without paragraphs, so it is an insert after the story's paragraphs and goes."""
    paragraphs = "".join(f"<p>{sentence(i)}</p>" for i in range(100))
    last_line = "<div>“We won,” he said.</div>"
    copyright_box = ("<div>Copyright 2024 Example News Corporation<br>All rights reserved worldwide<br>Privacy "
                     "policy and terms</div>")
    text = pruned_text(html_page(f"<article><div>{paragraphs}{last_line}</div>{copyright_box}</article>"))
    assert "“We won,” he said." in text and "Copyright 2024" not in text


def test_a_picture_beside_a_post_or_a_brief_is_no_photo_grid():
    """Posts and briefs laid out as a picture box and a text box keep their text: one picture is no grid, and
    a text box of several paragraphs is no caption."""
    posts = "".join(f"<div class='post'><div class='media'><img src='{i}.jpg'/></div><div class='body'><p>"
                    f"{sentence(i)}</p><p>The council will vote on plan {i} next week.</p></div></div>"
                    for i in range(5))
    brief = ("<div><img src='b.jpg'/><div><p>The harbour reopens on Monday after the storm that closed it for a "
             "week, the port authority said in a statement.</p></div></div>")
    text = pruned_text(html_page(f"<article>{posts}{brief}</article>"))
    assert all(f"Post {i} says" in text for i in range(5)) and "The harbour reopens" in text


def test_a_heading_that_links_away_goes_unless_paragraphs_follow_it():
    """A heading that is only a link to another page, with no paragraphs after it, is a teaser ("MORE
    POLITICS"); one that paragraphs follow is the story's own (a post linking to its permalink)."""
    paragraphs = "".join(f"<p>{sentence(i)}</p>" for i in range(300))
    own = '<h2><a href="/live/post-1">The vote is tonight</a></h2>'
    teaser = '<h3><a href="/politics">More politics from the capital</a></h3>'
    text = pruned_text(html_page(f"<article>{own}{paragraphs}<div>{paragraphs}{teaser}</div></article>"))
    assert "The vote is tonight" in text and "More politics" not in text


# --- no dead code ------------------------------------------------------------------------------------

def test_every_name_clean_defines_or_exports_is_used():
    """A function nobody calls, or a module exporting a name nobody imports from it, is dead code (the
    package's own __init__ is the public interface and exempt)."""
    root = Path(__file__).resolve().parents[1]
    trees = {path: ast.parse(path.read_text(encoding="utf-8"))
             for folder in ("src", "tests", "benchmarks", "scripts") for path in (root / folder).rglob("*.py")}
    references: Counter = Counter()
    imported = set()
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.Name):
                references[node.id] += 1
            elif isinstance(node, ast.Attribute):
                references[node.attr] += 1
            elif isinstance(node, ast.ImportFrom):
                imported |= {(node.module, alias.name) for alias in node.names}
                references.update(alias.name for alias in node.names)
    unused = []
    for path in sorted((root / "src" / "onrecord" / "clean").glob("*.py")):
        module = f"onrecord.clean.{path.stem}"
        for node in trees[path].body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not references[node.name]:
                unused.append(f"{module}.{node.name}")
            exports = [n for n in getattr(node, "targets", []) if isinstance(n, ast.Name) and n.id == "__all__"]
            if exports and path.stem != "__init__":
                unused += [f"{module}.__all__: {name}" for name in ast.literal_eval(node.value)
                           if (module, name) not in imported]
    assert unused == []


def test_contact_lines_and_comment_prompts_are_not_the_story():
    """A short paragraph with a mailto: link ('X can be reached at ...') or with buttons ('Please register or
    log in to comment') is how readers write in or take part; a long paragraph keeps its inline widget."""
    ticker = ("<p>Shares of the company rose after the minister Jane Doe3 answered questions on the budget vote, "
              "and traders said the move <button class='watchlist'></button> could last well into the next "
              "quarter as the vote nears and the markets wait for the final figures from the ministry.</p>")
    body = (ticker + "<p><em>• Sam Reporter can be reached at <a href='mailto:sam@example.com'>sam@example.com</a>"
            ".</em></p><p>Want to join the conversation? Please <button>register</button> or <button>log in"
            "</button> to comment on this article.</p>")
    text = clean(article("", body)).text
    assert "can be reached" not in text and "join the conversation" not in text
    assert "could last well into the next quarter" in text and "Jane Doe2 answered" in text


def test_a_line_reporting_in_the_past_tense_is_no_headline():
    text = ("Families of MH370 spoke to the Telegraph.\n"
            "Jiang Hui, whose mother was on MH370, said: “I don't know how to describe the feeling I had [about QZ8501]”\n"
            "“It was like waking up from a nightmare.”\n")
    document = build_document(RawSource("t.txt", text, False))
    statement = text.index("Jiang")
    assert not any(start <= statement < end for start, end in document.skip_spans)


def test_a_quotation_signed_with_a_dash_is_no_headline():
    text = ("“The most unqualified child to ever run for president.” ― Francisco Herrero\n"
            "“The Donald has woken communities of color from our slumber.” ― Julie A. Diaz Martinez\n")
    document = build_document(RawSource("t.txt", text, False))
    assert document.skip_spans == []
    assert [p.title for p in document.posts] == [None]


def test_a_statement_of_two_sentences_signed_with_a_name_is_no_headline():
    text = ("Modi in Israel: the Knesset address\n\nJewish communities have lived in India without fear of "
            "persecution or discrimination. They have preserved their faiths and participated fully in society: "
            "PM Narendra Modi\n\nThe visit ends on Friday.\n")
    document = build_document(RawSource("t.txt", text, False))
    assert [p.title for p in document.posts] == ["Modi in Israel: the Knesset address"]
    statement = text.index("Jewish")
    assert not any(start <= statement < end for start, end in document.skip_spans)
