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


SPEAKER_CLASSES = ("pronoun", "description", "other")
"""How a rule's speaker sieve found the speaker, for the web map: through a pronoun, a description, or
otherwise (no speaker sieve: continuations, labels, interviews); a name is the baseline."""


def speaker_class(rule: str) -> str:
    """'pronoun' for 'direct-cue/pronoun-previous-speaker', 'named' for 'speech-verb/relative-named'."""
    sieve = rule.split("/", 1)[1].removeprefix("relative-") if "/" in rule else ""
    if sieve.startswith("pronoun") or sieve in ("unresolved-pronoun", "quoting-speaker"):
        return "pronoun"
    if sieve.startswith("named") or sieve == "proper-noun":
        return "named"
    return "other" if sieve in ("", "none") else "description"


def web_lookup(table: dict, rule: str) -> float:
    """The rule's precision on real web pages: measured there when the pages had it, else its clean-text
    figure through the table's logistic map."""
    web = table.get("web") or {}
    if rule in web.get("rules", {}):
        return web["rules"][rule]
    return web_map(web, rule, lookup(table, rule))


def web_map(web: dict, rule: str, clean_text_figure: float) -> float:
    """The map of the table's web part (see through_web_map), shifted for the rule's speaker class; tables
    written before the classes were measured have no shifts."""
    shift = web.get("speaker_classes", {}).get(speaker_class(rule), 0.0)
    return through_web_map(web.get("a", 0.0), web.get("b", 1.0), clean_text_figure, shift)


def through_web_map(a: float, b: float, clean_text_figure: float, shift: float = 0.0) -> float:
    """A clean-text figure p on the web: 1 / (1 + exp(-(a + b logit p + shift)))."""
    return logistic(a + b * logit(clean_text_figure) + shift)


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
