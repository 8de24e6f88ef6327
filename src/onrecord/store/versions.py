"""A document and its versions: a changed text never replaces the stored one, it is added as the next version.

documents holds the latest version's text and metadata; document_versions holds every version's text. Posts
and quotations name the version whose text their offsets index: the latest they were seen in. A quotation
that an earlier version had and this one does not is kept either way; it is hidden from search only when its
post is still in this version (the post was corrected), not when the post is gone (a live blog's older posts
scroll off the page).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import and_, insert, or_, select, update

from onrecord.store.schema import document_versions, documents, posts, quotations


@dataclass
class StoredVersion:
    status: str  # "new", "updated" or "unchanged"
    number: int


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def store_version(connection, document, fetched: str) -> StoredVersion:
    """The document row (latest metadata and text) and, when the text is new, its next version."""
    info = document.info
    digest = content_hash(document.text)
    existing = connection.execute(select(documents.c.content_hash, documents.c.versions)
                                  .where(documents.c.id == info.id)).first()
    if existing is not None and existing.content_hash == digest:
        return StoredVersion("unchanged", existing.versions)
    number = 1 if existing is None else existing.versions + 1
    values = dict(source=info.source, url=info.url, title=info.title, site=info.site, published=info.published,
                  author=info.author, content_hash=digest, text=document.text, last_fetched=fetched, versions=number)
    if existing is None:
        connection.execute(insert(documents).values(id=info.id, first_seen=fetched, **values))
    else:
        connection.execute(update(documents).where(documents.c.id == info.id).values(**values))
    connection.execute(insert(document_versions).values(
        document_id=info.id, number=number, content_hash=digest, text=document.text, title=info.title,
        published=info.published, fetched_at=fetched))
    return StoredVersion("new" if existing is None else "updated", number)


def post_key(post: dict) -> str:
    """A post's identity in the archive: its own id (the page's post id, or a hash of its time, headline and
    first words), so that a live blog fetched again with new posts on top keeps its old posts."""
    if post.get("id"):
        return hashlib.sha1(f"id\x1f{post['id']}".encode()).hexdigest()[:40]
    return _legacy_post_key(post)


def _legacy_post_key(post: dict) -> str:
    """The key of archives written before posts had ids (by position when untitled)."""
    basis = f"{post.get('title') or ''}\x1f{post.get('time') or ''}\x1f{post['index'] if not post.get('title') else ''}"
    return hashlib.sha1(basis.encode()).hexdigest()[:40]


def _stored_post(connection, document_id: str, post: dict) -> int | None:
    """The stored row of this post, if any; a row stored under the key of an older onrecord takes the new key."""
    key = post_key(post)
    found = connection.execute(select(posts.c.id).where(and_(posts.c.document_id == document_id,
                                                             posts.c.post_key == key))).scalar()
    if found is None and post.get("id"):
        found = connection.execute(select(posts.c.id).where(and_(
            posts.c.document_id == document_id, posts.c.post_key == _legacy_post_key(post),
            posts.c.ref.is_(None)))).scalar()
        if found is not None:
            connection.execute(update(posts).where(posts.c.id == found).values(post_key=key))
    return found


def store_posts(connection, document, number: int) -> dict[int, int]:
    """Each post of this version, added or moved to this version's offsets; post index -> posts.id."""
    document_id = document.info.id
    post_ids = {}
    for post in document.posts:
        ref = post.ref()
        row = _stored_post(connection, document_id, ref)
        fields = dict(idx=post.index, title=post.title, time=post.time, start=post.start, end=post.end,
                      ref=post.id, version=number)
        if row is None:
            row = connection.execute(insert(posts).values(document_id=document_id, post_key=post_key(ref),
                                                          **fields)).inserted_primary_key[0]
        else:
            connection.execute(update(posts).where(posts.c.id == row).values(**fields))
        post_ids[post.index] = row
    return post_ids


def supersede_missing(connection, document_id: str, number: int) -> None:
    """Quotations of earlier versions whose post is in this version but no longer has them: kept, marked."""
    posts_now = select(posts.c.id).where(and_(posts.c.document_id == document_id, posts.c.version == number))
    connection.execute(update(quotations).where(and_(
        quotations.c.document_id == document_id,
        or_(quotations.c.version.is_(None), quotations.c.version < number),
        quotations.c.superseded_in.is_(None),
        or_(quotations.c.post_id.is_(None), quotations.c.post_id.in_(posts_now)),
    )).values(superseded_in=number))


def version_detail(connection, document_id: str, number: int) -> dict | None:
    """One version's text and the time it was stored (quotations cut from it: store.queries)."""
    row = connection.execute(select(document_versions).where(and_(
        document_versions.c.document_id == document_id, document_versions.c.number == number))).first()
    if row is None:
        return None
    return {"document_id": document_id, "number": row.number, "title": row.title, "published": row.published,
            "fetched_at": row.fetched_at, "content_hash": row.content_hash, "text": row.text}


def version_list(connection, document_id: str) -> list[dict]:
    rows = connection.execute(select(document_versions.c.number, document_versions.c.fetched_at,
                                     document_versions.c.content_hash)
                              .where(document_versions.c.document_id == document_id)
                              .order_by(document_versions.c.number))
    return [{"number": r.number, "fetched_at": r.fetched_at, "content_hash": r.content_hash} for r in rows]
