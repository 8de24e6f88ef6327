"""Normalised keys: how the archive decides that two names, roles or texts are the same."""
from __future__ import annotations

import hashlib
import re
import unicodedata

from onrecord.speakers.names import name_words

PRONOUNS = frozenset("he she him her they them it i we you".split())


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def name_key(name: str) -> str:
    """'President Donald J. Trump' -> 'donald trump': titles, initials and punctuation dropped."""
    words = [re.sub(r"[^\w-]", "", fold(w)) for w in name_words(name)]
    words = [w for w in words if len(w) > 1 or len(words) == 1]
    return " ".join(w for w in words if w)


def text_key(text: str) -> str:
    """Same words whatever the quotation marks, dashes, punctuation or case."""
    return " ".join(re.findall(r"\w+", fold(text)))


def quote_key(speaker_name: str | None, kind: str, text: str) -> str:
    return hashlib.sha1(f"{name_key(speaker_name or '')}\x1f{kind}\x1f{text_key(text)}".encode()).hexdigest()


def role_key(role: str | None, affiliation: str | None) -> str:
    return f"{text_key(role or '')}|{text_key(affiliation or '')}"
