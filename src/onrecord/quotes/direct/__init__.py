"""Quotations in marks: the cue next to the marks (cues), the candidate sieves that find and join them
(candidates), and the quotation sieves that attribute each one (sieves)."""
