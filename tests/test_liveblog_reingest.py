"""A real live blog ingested with its newest posts removed, then whole, as a watcher fetching it an hour
later would: exactly the new posts and their quotations are added; the old posts keep their rows and ids,
nothing is duplicated. On real SQLite and real PostgreSQL (the db_url fixture)."""
import json

import lxml.html
import pytest
from sqlalchemy import select

from conftest import SHARED, need

from onrecord.clean import build_document
from onrecord.pipeline import extract_documents
from onrecord.records import RawSource
from onrecord.store import counts
from onrecord.store.schema import posts, quotations

PAGES = SHARED / "data" / "realnews-dev" / "pages"
NEWEST = 5


def _bbc_block(tree, update):
    """BBC: the update's url anchor is the id of its <article>, inside the stream's <li>."""
    return tree.xpath(f"//*[@id='{update['url'].rsplit('#', 1)[1]}']")[0].getparent()


def _toi_block(tree, update):
    """Times of India: the update's time is a <time> in the first row of its block."""
    return tree.xpath(f"//time[@datetime='{update['datePublished']}']")[0].getparent().getparent()


BLOGS = {"01-bbc_co_uk-coronavirus-us-reopening-live.html": _bbc_block,
         "04-timesofindia_indiatimes_com-modi-israel-visit-live.html": _toi_block}


def without_newest_posts(html: str, block_of) -> str:
    """The page as it was before its newest posts: gone from the stream and from its liveBlogUpdate list."""
    tree = lxml.html.fromstring(html)
    dropped = []
    for script in tree.xpath("//script[@type='application/ld+json']"):
        data = json.loads(script.text)
        if isinstance(data, dict) and data.get("liveBlogUpdate"):
            dropped, data["liveBlogUpdate"] = data["liveBlogUpdate"][:NEWEST], data["liveBlogUpdate"][NEWEST:]
            script.text = json.dumps(data)
    assert len(dropped) == NEWEST
    for update in dropped:
        block = block_of(tree, update)
        block.getparent().remove(block)
    return lxml.html.tostring(tree.getroottree(), encoding="unicode")


@pytest.mark.parametrize("name", sorted(BLOGS))
def test_grown_live_blog_adds_exactly_its_new_posts(archive, nlp, name):
    full = need(PAGES / name).read_text(encoding="utf-8")
    earlier = without_newest_posts(full, BLOGS[name])
    first = archive.ingest("live.html", earlier)
    with archive.connect() as c:
        old_posts = dict(c.execute(select(posts.c.post_key, posts.c.id)).all())
        old_quotes = dict(c.execute(select(quotations.c.quote_key, quotations.c.id)).all())
    second = archive.ingest("live.html", full)

    extraction = next(extract_documents(nlp, [build_document(RawSource("live.html", full, True))]))
    new_ids = {p.id for p in extraction.document.posts[:NEWEST]}
    in_new_posts = [r for r in extraction.records() if r["post"]["id"] in new_ids]
    assert (first.status, second.status) == ("new", "updated")
    assert second.quotes_added == len(in_new_posts) > 0
    with archive.connect() as c:
        stored_posts = dict(c.execute(select(posts.c.post_key, posts.c.id)).all())
        assert len(stored_posts) == len(old_posts) + NEWEST == len(extraction.document.posts)
        assert all(stored_posts[key] == row for key, row in old_posts.items())
        stored_quotes = dict(c.execute(select(quotations.c.quote_key, quotations.c.id)).all())
        assert all(stored_quotes[key] == row for key, row in old_quotes.items())
        assert counts(c)["quotations"] == len(old_quotes) + len(in_new_posts) == len(stored_quotes)
        refs = {row.post_ref for row in c.execute(select(quotations.c.post_ref))}
        assert refs <= {p.id for p in extraction.document.posts}
        text = c.exec_driver_sql("SELECT text FROM documents").scalar()
        for row in c.execute(select(quotations.c.start, quotations.c.end, quotations.c.text)):
            assert text[row.start:row.end] == row.text


def test_an_archive_from_before_post_ids_is_upgraded_and_keeps_its_posts(db_url, nlp):
    """Migration 0004 on an archive at 0003 whose posts are keyed the old way: the columns are added, and
    the live blog fetched again with new posts finds its stored posts (same rows) instead of adding them."""
    from alembic import command
    from sqlalchemy import update

    from onrecord.store import ingest_extraction, open_engine
    from onrecord.store.database import _alembic_config
    from onrecord.store.versions import _legacy_post_key

    name = "04-timesofindia_indiatimes_com-modi-israel-visit-live.html"
    full = need(PAGES / name).read_text(encoding="utf-8")
    earlier, grown = (next(extract_documents(nlp, [build_document(RawSource("live.html", html, True))]))
                      for html in (without_newest_posts(full, BLOGS[name]), full))
    engine = open_engine(db_url)
    with engine.begin() as connection:
        ingest_extraction(connection, earlier)
        for post in earlier.document.posts:
            legacy = _legacy_post_key({"index": post.index, "title": post.title, "time": post.time})
            connection.execute(update(posts).where(posts.c.ref == post.id).values(post_key=legacy, ref=None))
        old_rows = set(connection.execute(select(posts.c.id)).scalars())
        command.downgrade(_alembic_config(connection), "0003")
    engine.dispose()
    engine = open_engine(db_url)
    try:
        with engine.begin() as connection:
            ingest_extraction(connection, grown)
            stored = dict(connection.execute(select(posts.c.id, posts.c.ref)).all())
        assert old_rows < set(stored) and len(stored) == len(old_rows) + NEWEST
        assert set(stored.values()) == {p.id for p in grown.document.posts}
    finally:
        engine.dispose()
