"""Roles and affiliations from the words around a name.

Pre-modifiers ("Foreign Ministry spokesperson Maria Zakharova"), appositives ("Yousef Munayyer, head
of the Palestine-Israel Program") and possessives ("Al Jazeera's senior political analyst, Marwan Bishara").
"""
from __future__ import annotations

import re

from onrecord.speakers.entity_index import EntityIndex

_ORG_LABELS = ("ORG", "GPE", "NORP")
_TITLE_ONLY = re.compile(r"^(mr|mrs|ms|miss|dr|sir|dame|the|a|an)\.?$", re.I)


def _is_possessive_mark(token) -> bool:
    """'s, or a bare apostrophe after a plural or an -s name ("Reuters’ chief correspondent")."""
    if token.tag_ == "POS":
        return True
    if token.text not in ("’", "'") or token.i == 0:
        return False
    owner = token.nbor(-1)
    return owner.lower_.endswith("s") and owner.dep_ in ("poss", "nmod")


def _clean(text: str) -> str | None:
    text = re.sub(r"\s+", " ", text).strip(" ,;:—–-")
    text = re.sub(r"^(the|a|an)\s+", "", text, flags=re.I)
    return text or None


def _affiliation_in(span, entities: EntityIndex) -> str | None:
    for ent in entities.within(span[0], span[1]):
        if ent.label_ in _ORG_LABELS:
            return _clean(ent.text.removesuffix("’s").removesuffix("'s"))
    return None


_PREMODIFIER_DEPS = ("compound", "amod", "nmod", "poss", "case", "det", "nummod", "npadvmod", "punct")


def _premodifier_start(name_span) -> int:
    """Walk left from the name over the words that modify it, the noun phrase it heads."""
    members = set(range(name_span.start, name_span.end))
    i = name_span.start - 1
    while i >= name_span.sent.start:
        token = name_span.doc[i]
        attached = token.head.i in members or token.dep_ == "case"
        # a closing quotation mark ends the title of a show before the name ('On "Face the Nation," Sen. ...')
        if not attached or token.dep_ not in _PREMODIFIER_DEPS or token.text in ',;:()"“”«»':
            break
        members.add(i)
        i -= 1
    return i + 1


def _premodifier_role(name_span, entities: EntityIndex) -> tuple[str | None, str | None]:
    doc = name_span.doc
    first = name_span.start
    start = _premodifier_start(name_span)
    affiliation = None
    for token in doc[start:first]:
        if _is_possessive_mark(token):
            affiliation = _clean(doc[start:token.i].text)
            start = token.i + 1
    words = [t for t in doc[start:first] if not _TITLE_ONLY.match(t.text)]
    if not words or not any(t.pos_ in ("NOUN", "PROPN") for t in words):
        return None, affiliation
    role = _clean(doc[words[0].i:first].text)
    if affiliation is None:
        affiliation = _affiliation_in((start, first), entities)
    return role, affiliation


def _appositive_role(name_span, entities: EntityIndex) -> tuple[str | None, str | None]:
    doc = name_span.doc
    root = name_span.root
    for child in root.rights:
        # an age ("Brad Nolan, 39,") stands in apposition too, but is no role
        if child.dep_ == "appos" and child.ent_type_ != "PERSON" and child.i >= name_span.end and not child.like_num:
            span = (child.left_edge.i, child.right_edge.i + 1)
            return _clean(doc[span[0]:span[1]].text), _affiliation_in(span, entities)
    if root.dep_ == "appos" and root.head.i < name_span.start and root.head.ent_type_ != "PERSON":
        head = root.head
        left = head.left_edge.i
        tokens = doc[left:head.i + 1]
        affiliation = None
        for t in tokens:
            if _is_possessive_mark(t):
                affiliation = _clean(doc[left:t.i].text)
                left = t.i + 1
        role = _clean(doc[left:head.i + 1].text)
        if affiliation is None:
            affiliation = _affiliation_in((left, head.right_edge.i + 1), entities)
        return role, affiliation
    return None, None


def role_and_affiliation(name_span, entities: EntityIndex | None = None) -> tuple[str | None, str | None]:
    entities = entities or EntityIndex(name_span.doc)
    role, affiliation = _premodifier_role(name_span, entities)
    if role:
        return role, affiliation
    app_role, app_affiliation = _appositive_role(name_span, entities)
    if app_role and len(app_role.split()) <= 20:
        return app_role, app_affiliation or affiliation
    return None, affiliation
