"""A record's confidence: the measured precision of the rule that made it, from the table that
`onrecord eval calibrate` writes (src/onrecord/data/confidence.json, shipped in the package); records of
HTML pages take the table's web part (see onrecord.eval.calibration)."""
from __future__ import annotations

import json
import math
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


def web_lookup(table: dict, rule: str) -> float:
    """The rule's precision on real web pages: measured there when the pages had it, else its clean-text
    figure through the table's logistic map."""
    web = table.get("web") or {}
    if rule in web.get("rules", {}):
        return web["rules"][rule]
    return through_web_map(web.get("a", 0.0), web.get("b", 1.0), lookup(table, rule))


def through_web_map(a: float, b: float, clean_text_figure: float) -> float:
    """A clean-text figure p on the web: 1 / (1 + exp(-(a + b logit p)))."""
    return logistic(a + b * logit(clean_text_figure))


def confidence(rule: str) -> float:
    return lookup(shipped_table(), rule)


def web_page_confidence(rule: str) -> float:
    """A confidence for a record of an HTML page: real pages are harder than the clean text most of the
    table was measured on."""
    return round(web_lookup(shipped_table(), rule), 3)


def logit(p: float) -> float:
    p = min(max(p, 0.001), 0.999)
    return math.log(p / (1 - p))


def logistic(x: float) -> float:
    if x < 0:
        return math.exp(x) / (1 + math.exp(x))
    return 1 / (1 + math.exp(-x))
