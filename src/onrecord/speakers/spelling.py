"""One name however a story spells it: 'Müller', 'Mueller' and 'Muller' are one man; 'José' is 'Jose'."""
from __future__ import annotations

import re
import unicodedata

_SPELLED_OUT_UMLAUT = re.compile(r"(?<=[a-z])([aou])e")


def folded(word: str) -> str:
    """The lower-case word with accents dropped and a spelled-out umlaut ('ue' of 'Mueller') as its vowel."""
    plain = unicodedata.normalize("NFKD", word.lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c)).replace("ß", "ss")
    return _SPELLED_OUT_UMLAUT.sub(r"\1", plain)
