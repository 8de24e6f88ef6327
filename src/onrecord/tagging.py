"""The model's own POS, morphology and lemma rules, applied without two of spaCy's slow paths.

en_core_web_sm's attribute_ruler holds 179 Matcher patterns. spaCy's Matcher tries every pattern at every
token and evaluates IN/NOT_IN/REGEX conditions in Python, which costs an eighth of the whole pipeline.
`AttributeLookup` files each rule under an exact value its first token needs (its LOWER, DEP or TAG), so
a token meets only the few rules that can match it; the rules, their order and what they set stay the model's.
The rule lemmatizer asks `form in index` of word lists up to 57k long for every new word; sets answer
the same question at once. tests/test_tagging.py checks that every token gets the same annotation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokens import Doc, Token

# The token attributes a rule may test, read for a whole Doc at once with Doc.to_array (strings come as hashes).
_STRING_ATTRIBUTES = {"TAG": "TAG", "LOWER": "LOWER", "ORTH": "ORTH", "TEXT": "ORTH", "DEP": "DEP"}
_FLAG_ATTRIBUTES = {"IS_SPACE": "IS_SPACE"}
# Most selective first: a rule is filed under the first of these that it requires a value of.
_FILING_ORDER = ("LOWER", "ORTH", "DEP", "TAG", "IS_SPACE")


class UnsupportedRule(ValueError):
    """A rule uses a Matcher feature the lookup does not implement; keep spaCy's attribute_ruler then."""


@dataclass(frozen=True)
class _Condition:
    column: str
    equals: object = None
    members: frozenset | None = None
    excluded: frozenset | None = None
    regex: re.Pattern | None = None
    strings: StringStore | None = None

    def holds(self, value) -> bool:
        if self.members is not None:
            return value in self.members
        if self.excluded is not None:
            return value not in self.excluded
        if self.regex is not None:
            return bool(self.regex.search(self.strings[value]))
        return value == self.equals


@dataclass(frozen=True)
class _Rule:
    order: int
    tokens: tuple[tuple[tuple[int, _Condition], ...], ...]
    target: int
    attributes: tuple[tuple[str, object], ...]

    def matches_at(self, rows: list[list], start: int) -> bool:
        if start + len(self.tokens) > len(rows):
            return False
        return all(c.holds(rows[start + offset][column])
                   for offset, conditions in enumerate(self.tokens) for column, c in conditions)


def _condition(attribute: str, spec, strings: StringStore) -> _Condition:
    if attribute in _STRING_ATTRIBUTES:
        column, value_of = _STRING_ATTRIBUTES[attribute], strings.add
    elif attribute in _FLAG_ATTRIBUTES:
        column, value_of = _FLAG_ATTRIBUTES[attribute], int
    else:
        raise UnsupportedRule(f"attribute {attribute}")
    if not isinstance(spec, dict):
        return _Condition(column, equals=value_of(spec))
    if len(spec) != 1:
        raise UnsupportedRule(f"several operators on {attribute}")
    (operator, value), = spec.items()
    if operator == "IN":
        return _Condition(column, members=frozenset(map(value_of, value)))
    if operator == "NOT_IN":
        return _Condition(column, excluded=frozenset(map(value_of, value)))
    if operator == "REGEX" and attribute in _STRING_ATTRIBUTES:
        return _Condition(column, regex=re.compile(value), strings=strings)
    raise UnsupportedRule(f"operator {operator} on {attribute}")


class AttributeLookup:
    def __init__(self, rule_entries: list[dict], vocab):
        self.columns: list[str] = []
        self.by_value: dict[tuple[int, object], list[_Rule]] = {}
        self.everywhere: list[_Rule] = []
        for order, entry in enumerate(rule_entries):
            attributes = tuple(self._prepared(name, value, vocab) for name, value in entry["attrs"].items())
            for pattern in entry["patterns"]:
                if not pattern or any("OP" in token for token in pattern):
                    raise UnsupportedRule("OP")
                tokens = tuple(tuple(self._placed(_condition(a, spec, vocab.strings)) for a, spec in token.items())
                               for token in pattern)
                target = entry.get("index", 0) % len(tokens)
                self._file(_Rule(order, tokens, target, attributes))

    def _placed(self, condition: _Condition) -> tuple[int, _Condition]:
        if condition.column not in self.columns:
            self.columns.append(condition.column)
        return self.columns.index(condition.column), condition

    @staticmethod
    def _prepared(name: str, value, vocab) -> tuple[str, object]:
        if name == "MORPH":
            return name, vocab.morphology.add(value)
        if name not in ("POS", "TAG", "DEP", "LEMMA"):
            raise UnsupportedRule(f"sets {name}")
        return name, value

    def _file(self, rule: _Rule) -> None:
        first = rule.tokens[0]
        for key in _FILING_ORDER:
            for column, condition in first:
                if self.columns[column] != key:
                    continue
                values = condition.members if condition.members is not None else (
                    (condition.equals,) if condition.equals is not None else ())
                for value in values:
                    self.by_value.setdefault((column, value), []).append(rule)
                if values:
                    return
        self.everywhere.append(rule)

    def _candidates(self, row: list) -> list[_Rule]:
        found = list(self.everywhere)
        for column, value in enumerate(row):
            found += self.by_value.get((column, value), ())
        return found

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array(self.columns).tolist() if len(doc) else []
        # Match everything first, then set in rule order: as spaCy does, so one rule's output never feeds another's match.
        matches = [(rule.order, start + rule.target, rule) for start, row in enumerate(rows)
                   for rule in self._candidates(row) if rule.matches_at(rows, start)]
        for _order, index, rule in sorted(matches, key=lambda match: (match[0], match[1])):
            _set(doc[index], rule.attributes)
        return doc


def _set(token: Token, attributes) -> None:
    for name, value in attributes:
        if name == "MORPH":
            token.set_morph(value)
        elif name == "POS":
            token.pos_ = value
        elif name == "TAG":
            token.tag_ = value
        elif name == "DEP":
            token.dep_ = value
        else:
            token.lemma_ = value


@Language.factory("onrecord_attributes")
def make_attribute_lookup(nlp: Language, name: str) -> AttributeLookup:
    """Needs the model's attribute_ruler in the pipeline to read its rules from."""
    return AttributeLookup(nlp.get_pipe("attribute_ruler").patterns, nlp.vocab)


def speed_up_tagging(nlp: Language) -> None:
    """Swap the attribute_ruler for the lookup and give the lemmatizer set-based indexes, where the model allows."""
    if "attribute_ruler" in nlp.pipe_names:
        try:
            nlp.add_pipe("onrecord_attributes", before="attribute_ruler")
        except UnsupportedRule:
            pass
        else:
            nlp.remove_pipe("attribute_ruler")
    if "lemmatizer" in nlp.pipe_names:
        index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index", None)
        for key in list(index or ()):
            index[key] = frozenset(index[key])
