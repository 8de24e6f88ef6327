"""The people, organisations and places a document names, each under its fullest name."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from onrecord.speakers.entity_index import EntityIndex
from onrecord.speakers.headline_names import document_text, without_headline_verbs
from onrecord.speakers.initials import written_after_an_initial
from onrecord.speakers.organisations import ORGANISATION_HEADS, looks_like_organisation
from onrecord.speakers.roles import role_and_affiliation
from onrecord.speakers.spelling import folded
from onrecord.speakers.titles import (TITLES, beside_a_title, family_name, leading_title, title_before, title_gender,
                                      title_words)
from onrecord.speakers.untagged_names import family_name_first, family_names_after_mr_or_mrs, titled_names

SPEECH_LEMMAS = frozenset("say tell add note argue warn insist explain claim write ask reply".split())

ABBREVIATIONS = frozenset("jr sr st inc co ltd corp".split())
KIND_BY_LABEL = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
                 "NORP": "group", "FAC": "place"}


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    table = {}
    text = resources.files("onrecord").joinpath("data/first_names.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, gender = line.split("\t")
            table[name] = gender
    return table


def opens_with_a_given_name(words: list[str]) -> bool:
    """'Kanye West', 'Jane Fonda': two words or more, the first a known given name: a person's name."""
    return len(words) > 1 and words[0].lower() in given_names()


def name_words(text: str) -> list[str]:
    """The words of a name without titles, possessive endings or parenthetical party tags."""
    text = re.sub(r"\([^)]*\)", " ", text)
    text = re.sub(r"(’s|'s|’|')$", "", text.strip())
    words = [w for w in re.split(r"\s+", text) if w]
    # 'Defence Ministry', 'State Department': a title word opening an organisation's name is part of it
    while len(words) > 1 and words[0].lower().strip(".") in TITLES and not looks_like_organisation(words):
        words.pop(0)
    while words and words[0].lower() in ("the", "a", "an"):
        words.pop(0)
    if words and words[-1].endswith(".") and len(words[-1]) > 3 and words[-1][:-1].lower() not in ABBREVIATIONS:
        words[-1] = words[-1][:-1]  # 'PM Modi.' at the end of a sentence
    return words


def expand_name(ent):
    """'Ana Lima' when the model tagged only 'Lima': take in capitalised proper-noun compounds on the left, and
    the name's last word when the model stopped one short; a title-case headline's verb is no part of it."""
    start = ent.start
    while start > ent.sent.start:
        token = ent.doc[start - 1]
        if token.pos_ != "PROPN" or token.dep_ != "compound" or not token.head.i in range(start, ent.end):
            break
        if not token.text[:1].isupper() or token.lower_.strip(".") in TITLES:
            break
        start -= 1
    end = without_headline_verbs(ent.doc, ent.start, _name_continues_to(ent))
    if (start, end) == (ent.start, ent.end):
        return ent
    return _relabel(ent.doc[start:end], ent.label_)


def _name_continues_to(ent) -> int:
    """'Yoon Suk [Yeol]': a name of two words or more whose last word modifies the capitalised proper noun
    after it was cut short there; an organisation's or a title's word after it is not the name's."""
    if ent.label_ != "PERSON" or len(ent) < 2 or ent.end >= ent.sent.end:
        return ent.end
    last, following = ent.doc[ent.end - 1], ent.doc[ent.end]
    if last.dep_ != "compound" or last.head.i != following.i or following.pos_ != "PROPN" or following.ent_type_:
        return ent.end
    if "\n" in last.whitespace_ or not following.text[:1].isupper() or following.lower_ in ORGANISATION_HEADS \
            or following.lower_ in TITLES or _labels_a_field(following):
        return ent.end
    return ent.end + 1


def _labels_a_field(token) -> bool:
    """'Name: Gabrielle Hatcher Age: 27': a word before a colon is a form's label."""
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == ":"


SPELLED_OUT = re.compile(r"((?:[A-Z][\w&'’-]*\s+(?:(?:of|for|and|the|on)\s+)?){1,8})\(([A-Z]{2,6})\)")


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper() and w.lower() not in ("of", "for", "and", "the"))


def _describing_nouns(ent) -> set[str]:
    """The common nouns a name stands in apposition to: 'the airline Lufthansa', 'Impresa, a supplier'."""
    root = ent.root
    nouns = {c.lemma_.lower() for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"}
    if root.dep_ in ("appos", "compound") and root.head.pos_ == "NOUN" and root.head.i not in range(ent.start, ent.end):
        nouns.add(root.head.lemma_.lower())
    return nouns


def _relabel(span, label):
    from spacy.tokens import Span

    return Span(span.doc, span.start, span.end, label=label)


@dataclass
class Person:
    name: str
    kind: str
    gender: str | None = None
    role: str | None = None
    affiliation: str | None = None
    positions: list[int] = field(default_factory=list)
    descriptions: set[str] = field(default_factory=set)
    """Nouns the text describes them with: 'airline' for 'the German airline Lufthansa'."""
    titles: set[str] = field(default_factory=set)
    """Words of the titles written with their name: {'prime', 'minister'} for 'PM Benjamin Netanyahu'."""
    family_name_given: bool = True
    """False for 'Sarah Corbett' from 'Mr Corbett's daughter Sarah': the story never called her by it alone."""

    @property
    def surname(self) -> str:
        return folded(self.name.split()[-1])


class NameIndex:
    """Every named entity of one document, merged so that each mention maps to the fullest name."""

    def __init__(self, doc, entities: EntityIndex | None = None):
        self.entities = entities or EntityIndex(doc)
        self.people: list[Person] = []
        self.others: dict[str, Person] = {}
        # (place in the name, lower-case word) -> the people whose name has that word there, in order of
        # creation: a mention is matched against the few people who share a word with it, not everyone
        self._by_word: dict[tuple[str, str], list[Person]] = {}
        self._order: dict[int, int] = {}
        self._mentions: list[tuple[int, Person]] | None = None
        self._doc_text = document_text(doc)
        self._spelled_out: dict[str, str] | None = None
        self._labels_of_word: dict[str, set[str]] | None = None
        entities = [expand_name(e) for e in self.entities.ents] + titled_names(doc, ORGANISATION_HEADS) \
            + family_name_first(doc)
        # a lone word that starts an organisation's name ('Impresa' of 'Impresa Aerospace') is that organisation
        organisation_starts = {words[0].lower() for e in entities if e.label_ == "ORG"
                               and len(words := name_words(e.text)) > 1}
        persons = [e for e in entities if (e.label_ == "PERSON" or self._mislabelled_person(e, doc))
                   and not looks_like_organisation(name_words(e.text))
                   and not (len(name_words(e.text)) == 1 and name_words(e.text)[0].lower() in organisation_starts)]
        for ent in sorted(persons, key=lambda e: -len(name_words(e.text))):
            self._add_person(ent)
        for person in self.people:
            self._take_initials(person)
        for ent in self.entities.ents:
            organisation = ent.label_ == "PERSON" and looks_like_organisation(name_words(ent.text))
            if ent.label_ in KIND_BY_LABEL and (ent.label_ != "PERSON" or organisation):
                words = name_words(ent.text)
                key = " ".join(words).lower()
                kind = "organization" if organisation else KIND_BY_LABEL[ent.label_]
                if key and key not in self.others:
                    self.others[key] = Person(self._of_its_country(ent, words) or " ".join(words), kind)
                if key:
                    self.others[key].positions.append(ent.start_char)
                    self.others[key].descriptions.update(_describing_nouns(ent))

    def _of_its_country(self, ent, words: list[str]) -> str | None:
        """'Turkey’s Defence Ministry': a ministry, army or party named with its country's possessive keeps
        it, or every country's 'Defence Ministry' would be one speaker."""
        doc = ent.doc
        if ent.label_ != "ORG" or ent.start < 2 or doc[ent.start - 1].tag_ != "POS" or len(words) > 3 \
                or not looks_like_organisation(words):
            return None
        country = self.entities.at(ent.start - 2)
        if country is None or country.label_ != "GPE":
            return None
        return doc[country.start:ent.start].text + doc[ent.start - 1].whitespace_ + " ".join(words)

    @staticmethod
    def _mislabelled_person(ent, doc) -> bool:
        """A small model often tags an unfamiliar full name as a place or organisation; it is a person's
        when its surname is tagged as a person elsewhere, or it starts with a known given name, or its first
        word is written elsewhere after Mr or Mrs ('Dai Shuqin ... Mrs Dai': the family name comes first)."""
        words = name_words(ent.text)
        if ent.label_ not in ("GPE", "ORG", "NORP") or not 2 <= len(words) <= 4:
            return False
        if not all(w[:1].isupper() for w in words) or ent.text.lower().startswith("the "):
            return False
        return words[-1] in NameIndex._surnames(doc) or opens_with_a_given_name(words) \
            or words[0] in family_names_after_mr_or_mrs(doc) or beside_a_title(ent)

    @staticmethod
    def _surnames(doc) -> set[str]:
        """Last words of person names, and lone names that speak ("Lima said"), whatever their label or none."""
        cached = doc.user_data.get("onrecord_surnames")
        if cached is None:
            cached = {e.text.split()[-1] for e in doc.ents if e.label_ == "PERSON"}
            cached |= {e.text for e in doc.ents if len(e) == 1 and e.root.dep_ == "nsubj"
                       and e.root.head.lemma_ in SPEECH_LEMMAS}
            cached |= {t.text for t in doc if t.pos_ == "PROPN" and not t.ent_type_ and t.dep_ == "nsubj"
                       and t.head.lemma_ in SPEECH_LEMMAS and not any(c.dep_ == "compound" for c in t.lefts)}
            doc.user_data["onrecord_surnames"] = cached
        return cached

    def _add_person(self, ent) -> None:
        words = name_words(ent.text)
        if not words or not any(w[:1].isupper() for w in words):
            return
        family = family_name(ent) if len(words) == 1 else []
        words += family
        title = leading_title(ent.text) or title_before(ent)
        person = self._match_titled(words, ent.start_char, title)
        if person is None:
            person = Person(" ".join(words), "person", family_name_given=not family)
            self._remember(person)
        person.positions.append(ent.start_char)
        if title:
            person.titles |= title_words(title)
        if person.gender is None:
            person.gender = self._gender(ent, words)
        if person.role is None:
            person.role, affiliation = role_and_affiliation(ent, self.entities)
            person.role = person.role or leading_title(ent.text)
            person.affiliation = person.affiliation or affiliation

    def _take_initials(self, person: Person) -> None:
        """'P Sandosh Kumar' where the entity recogniser found only 'Sandosh Kumar': initials the story writes
        before the name once are part of it (the fullest name wins)."""
        if len(person.name.split()) < 2 or not written_after_an_initial(self._doc_text, person.name):
            return
        found = re.search(r"(?<![\w.])((?:(?:[B-HJ-Z]|[A-Z]\.)\s+){1,2})" + re.escape(person.name) + r"\b",
                          self._doc_text)
        if found is None:
            return
        initials = " ".join(found.group(1).split())
        person.name = f"{initials} {person.name}"
        self._by_word.setdefault(("first", folded(initials.split()[0])), []).append(person)
        self._by_word.setdefault(("penult", folded(person.name.split()[-2])), []).append(person)

    @staticmethod
    def _gender(ent, words: list[str]) -> str | None:
        before = ent.doc[ent.start - 1].text if ent.start > 0 else ""
        for title in (before, ent.text.split()[0]):
            gender = title_gender(title)
            if gender is not None:
                return gender
        if len(words) >= 2:
            return given_names().get(words[0].lower())
        return None

    def _remember(self, person: Person) -> None:
        self._order[id(person)] = len(self.people)
        self.people.append(person)
        parts = [folded(w) for w in person.name.split()]
        places = [("last", parts[-1]), ("first", parts[0])] + ([("penult", parts[-2])] if len(parts) > 2 else [])
        for place in dict.fromkeys(places):
            self._by_word.setdefault(place, []).append(person)

    def _sharing_a_word(self, lowered: list[str]) -> list[Person]:
        """The people a mention can name at all, in the order they were met: for one word, those with it as
        first, last or second-to-last name; for more, those with the same last name."""
        if len(lowered) == 1:
            places = [("last", lowered[0]), ("first", lowered[0]), ("penult", lowered[0])]
        else:
            places = [("last", lowered[-1])]
        found = {id(p): p for place in places for p in self._by_word.get(place, ())}
        return sorted(found.values(), key=lambda p: self._order[id(p)])

    def _match(self, words: list[str], position: int) -> Person | None:
        lowered = [folded(w) for w in words]
        candidates = []
        for person in self._sharing_a_word(lowered):
            parts = [folded(w) for w in person.name.split()]
            if len(lowered) == 1:
                if lowered[0] in (parts[-1], parts[0]) or (len(parts) > 2 and lowered[0] == parts[-2]):
                    candidates.append(person)
            elif lowered[-1] == parts[-1] and (lowered[0] == parts[0] or lowered[0][:1] == parts[0][:1]):
                candidates.append(person)
            elif len(lowered) <= len(parts) and parts[-len(lowered):] == lowered:
                candidates.append(person)
        if not candidates:
            return None

        def last_seen(p: Person) -> int:
            return max((pos for pos in p.positions if pos <= position), default=-1)

        surname_matches = [p for p in candidates if p.surname == lowered[-1]]
        inferred = [p for p in surname_matches if not p.family_name_given]
        if len(lowered) == 1 and 0 < len(inferred) < len(surname_matches):
            # 'Bennett said' is Jim Bennett, not 'Bennett's sister Gale'
            surname_matches = [p for p in surname_matches if p not in inferred]
            candidates = [p for p in candidates if p not in inferred]
        latest = max(candidates, key=last_seen)
        if surname_matches and last_seen(latest) > max(map(last_seen, surname_matches)) and len(lowered) == 1 \
                and len(latest.name.split()) > 2:
            # 'Priyanka Gandhi Vadra ... Gandhi said' with a Rahul Gandhi further back: a family name before
            # the last is the nearer person's
            return latest
        candidates = surname_matches or candidates
        earlier = [p for p in candidates if any(pos <= position for pos in p.positions)]
        pool = earlier or candidates
        return max(pool, key=last_seen)

    def person(self, text: str, position: int, title: str | None = None) -> Person | None:
        """The person a mention names; a title written before it ('PM Netanyahu') picks among namesakes."""
        words = name_words(text)
        if not words:
            return None
        return self._match_titled(words, position, leading_title(text) or title)

    def _match_titled(self, words: list[str], position: int, title: str | None) -> Person | None:
        """'PM Netanyahu' when the story also names his wife: of the namesakes, the one with that title."""
        person = self._match(words, position)
        if person is None or not title or len(words) != 1:
            return person
        gender = title_gender(title)
        if gender is not None and person.gender not in (None, gender):
            # 'Ms Corbett' after 'Mr Corbett': his daughter, not him
            namesakes = [p for p in self._sharing_a_word([folded(words[0])]) if p.surname == folded(words[0])
                         and p.gender in (None, gender)]
            return namesakes[-1] if namesakes else None
        wanted = title_words(title)
        holders = [p for p in self._sharing_a_word([folded(w) for w in words]) if p.surname == folded(words[-1])
                   and wanted & (p.titles | title_words(p.role or ""))]
        return holders[0] if len(holders) == 1 else person

    def entity(self, text: str) -> Person | None:
        return self.others.get(" ".join(name_words(text)).lower())

    def holding_role(self, noun: str, before: int) -> Person | None:
        """The person named last before `before` whose role or title holds the noun ('the president')."""
        for position, person in self.people_before(before):
            if noun in title_words(person.role or "") | person.titles:
                return person
        return None

    def organisation_called(self, noun: str, before: int) -> Person | None:
        """The organisation named last before `before` whose name holds the noun ('the airline': American
        Airlines)."""
        named = [(max(p for p in org.positions if p < before), org) for org in self.others.values()
                 if org.kind == "organization" and any(p < before for p in org.positions)
                 and (noun in org.descriptions
                      or noun in [w.rstrip("s") for w in org.name.lower().split()] + org.name.lower().split())]
        return max(named, key=lambda item: item[0])[1] if named else None

    def organisation_before(self, before: int, horizon: int) -> Person | None:
        """The organisation named last between horizon and before."""
        named = [(max(p for p in org.positions if horizon <= p < before), org) for org in self.others.values()
                 if org.kind == "organization" and any(horizon <= p < before for p in org.positions)]
        return max(named, key=lambda item: item[0])[1] if named else None

    def fuller_organisation(self, text: str) -> Person | None:
        """'Impresa' for 'Impresa Aerospace', 'American' for 'American Airlines': the longest organisation
        the document names whose name starts with these words."""
        words = [w.lower() for w in name_words(text)]
        if not words:
            return None
        longer = [p for key, p in self.others.items() if p.kind == "organization"
                  and key.split()[:len(words)] == words and len(key.split()) > len(words)]
        acronym = text.strip()
        if not longer and len(words) == 1 and acronym.isupper() and 2 <= len(acronym) <= 6:
            # 'PHW' for 'Public Health Wales (PHW)', 'WHO' for 'World Health Organization'
            longer = [p for p in self.others.values() if p.kind == "organization" and _initials(p.name) == acronym]
            if not longer and acronym in self.spelled_out():
                return Person(self.spelled_out()[acronym], "organization")
        return max(longer, key=lambda p: len(p.name.split()), default=None)

    def tagged_unsteadily(self, text: str) -> bool:
        """A lone word the entity recogniser gives different labels in one document ('Impresa': a place, a
        person, a work of art): it does not know the name, so the place label is no evidence of a place.
        (A country or a city keeps its label from one mention to the next.)"""
        if self._labels_of_word is None:
            self._labels_of_word = {}
            for ent in self.entities.ents:
                words = name_words(ent.text)
                if len(words) == 1:
                    self._labels_of_word.setdefault(words[0].lower(), set()).add(ent.label_)
        words = name_words(text)
        if len(words) != 1 or words[0].lower() in given_names():
            return False  # 'Victoria', 'Georgia': a woman, a state, a university; no telling which
        return len(self._labels_of_word.get(words[0].lower(), ())) > 1

    def spelled_out(self) -> dict[str, str]:
        """Acronyms the text spells out: 'Public Health Wales (PHW)'."""
        if self._spelled_out is None:
            self._spelled_out = {}
            for match in SPELLED_OUT.finditer(self._doc_text):
                name, acronym = " ".join(match.group(1).split()), match.group(2)
                words = name.split()
                for start in range(len(words)):
                    if _initials(" ".join(words[start:])) == acronym:
                        self._spelled_out.setdefault(acronym, " ".join(words[start:]))
                        break
        return self._spelled_out

    def people_before(self, position: int):
        """(position, person) for every person mention before position, nearest first."""
        if self._mentions is None:
            self._mentions = sorted(((pos, p) for p in self.people for pos in p.positions), key=lambda m: m[0])
        i = bisect_left(self._mentions, position, key=lambda m: m[0])
        mentions = self._mentions
        return (mentions[j] for j in range(i - 1, -1, -1))  # no copy: most callers stop after a few
