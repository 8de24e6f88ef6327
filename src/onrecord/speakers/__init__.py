"""Speakers: who a mention refers to, by its fullest name in the document, with role and affiliation."""
from onrecord.speakers.names import NameIndex, Person
from onrecord.speakers.roles import role_and_affiliation

__all__ = ["NameIndex", "Person", "role_and_affiliation"]
