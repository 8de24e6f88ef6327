"""Clean: a RawSource becomes a Document with its text, metadata, posts and embedded posts."""
from onrecord.clean.html import document_from_html
from onrecord.clean.text import document_from_text
from onrecord.records import Document, RawSource


def build_document(raw: RawSource) -> Document:
    if raw.is_html:
        return document_from_html(raw)
    return document_from_text(raw)


__all__ = ["build_document", "document_from_html", "document_from_text"]
