"""A record's confidence: the measured precision of the rule that made it, from the table that
`onrecord eval calibrate` writes (src/onrecord/data/confidence.json, shipped in the package), scaled for
records of HTML pages (see onrecord.eval.calibration)."""
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


def lookup(table: dict, rule: str) -> float:
    """The measured precision of the rule in a table, else of its cue sieve, else of all rules."""
    if rule in table["rules"]:
        return table["rules"][rule]
    return table["families"].get(family(rule), table["overall"])


def confidence(rule: str) -> float:
    return lookup(shipped_table(), rule)


def on_web_page(value: float) -> float:
    """A confidence for a record of an HTML page: real pages are harder than the clean text most of the
    table was measured on, by the one factor measured on real pages (web_scale)."""
    return round(min(1.0, value * shipped_table().get("web_scale", 1.0)), 3)
