"""Which of many texts hold a given piece of text, without searching every text for every piece.

A live blog of n posts asks, for each of its n updates, which of its n blocks shows the update's headline
or first words; searching every block for every update grows with n squared (2,000 posts: half a minute).
A word that the piece holds whole (with a non-word character on each side inside the piece) is a whole
word of every text holding the piece, so only the texts with the piece's rarest such word are searched.
"""
from __future__ import annotations

import re

WORD = re.compile(r"\w+")


class TextIndex:
    def __init__(self, texts: list[str]):
        self.texts = texts
        self._with_word: dict[str, list[int]] = {}
        for number, text in enumerate(texts):
            for word in set(WORD.findall(text)):
                self._with_word.setdefault(word, []).append(number)

    def holding(self, piece: str) -> list[int]:
        """The numbers of the texts that hold `piece`, in order. A piece with no whole word inside it
        (one or two words) is looked for in every text."""
        inner = [m.group() for m in WORD.finditer(piece) if m.start() > 0 and m.end() < len(piece)]
        if inner:
            candidates = min((self._with_word.get(word, []) for word in inner), key=len)
        else:
            candidates = range(len(self.texts))
        return [number for number in candidates if piece in self.texts[number]]
