"""A record's confidence: the measured precision of the rule that made it, from the table that
`onrecord eval calibrate` writes (src/onrecord/data/confidence.json, shipped in the package)."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


def family(rule: str) -> str:
    """The cue sieve of a rule: 'direct-cue' of 'direct-cue/pronoun-previous-speaker'."""
    return rule.split("/", 1)[0]


@lru_cache(maxsize=1)
def shipped_table() -> dict:
    text = resources.files("onrecord").joinpath("data/confidence.json").read_text(encoding="utf-8")
    return json.loads(text)


def confidence(rule: str) -> float:
    """The measured precision of the rule, else of its cue sieve, else of all rules."""
    table = shipped_table()
    if rule in table["rules"]:
        return table["rules"][rule]
    return table["families"].get(family(rule), table["overall"])
