"""Quotes: quotation marks, cue frames and attribution, as a spaCy component."""
from onrecord.quotes.attribution import attribute
from onrecord.quotes.component import OnrecordComponent, make_onrecord

__all__ = ["attribute", "OnrecordComponent", "make_onrecord"]
