"""How an organisation's name ends: the words that tell a ministry or a court from a person."""
from __future__ import annotations

ORGANISATION_HEADS = frozenset("""
court courts clause amendment council committee commission institute institution university college school
ministry department agency administration government party company corporation corp inc ltd llc plc group
association union bank board office police army navy force forces times news post journal network foundation
fund organization organisation center centre hospital senate congress parliament assembly service authority
airlines airways bureau guild coalition alliance federation league club church tribunal cabinet embassy mission
trust society chamber exchange council institute laboratory lab labs bank capital partners media press
publishing publishers holdings industries enterprises studios broadcasting communications technologies
""".split())
"""Last words of organisations' names: a small model often files 'US Supreme Court' as a person."""


def looks_like_organisation(words: list[str]) -> bool:
    return bool(words) and words[-1].lower().strip(".,") in ORGANISATION_HEADS
