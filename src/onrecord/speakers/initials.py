"""Initials a story writes before a name ('P Sandosh Kumar', 'J. Smith'), found without reading the whole text
for every person."""
from __future__ import annotations

INITIAL_LETTERS = frozenset("BCDEFGHJKLMNOPQRSTUVWXYZ")
"""Capitals that stand alone as an initial without a full stop ('P Sandosh Kumar'); not 'A' or 'I'."""


def written_after_an_initial(text: str, name: str) -> bool:
    """Whether some use of the name follows what could end an initial ('P ', 'J. '): a quick test with
    str.find, so that the full search, which reads the whole text, runs for few people, not every one."""
    at = text.find(name)
    while at != -1:
        last = at - 1
        while last >= 0 and text[last].isspace():
            last -= 1
        if 0 <= last < at - 1 and (text[last] in INITIAL_LETTERS or (
                text[last] == "." and last > 0 and "A" <= text[last - 1] <= "Z")):
            return True
        at = text.find(name, at + 1)
    return False
