"""A document's entities read once and found by token position: spaCy's doc.ents and span.ents build every
entity again on each call, which made attribution quadratic in the number of names."""
from __future__ import annotations

from bisect import bisect_left


class EntityIndex:
    def __init__(self, doc):
        self.ents = tuple(doc.ents)
        self._starts = [ent.start for ent in self.ents]
        self._at: dict[int, object] | None = None

    def within(self, start: int, end: int) -> list:
        """The entities that lie inside tokens start..end (end exclusive), in order: span.ents."""
        found = []
        i = bisect_left(self._starts, start)
        while i < len(self.ents) and self.ents[i].start < end:
            if self.ents[i].end <= end:
                found.append(self.ents[i])
            i += 1
        return found

    def at(self, i: int):
        """The entity that holds token i, or None."""
        if self._at is None:
            self._at = {}
            for ent in self.ents:
                for position in range(ent.start, ent.end):
                    self._at.setdefault(position, ent)
        return self._at.get(i)
