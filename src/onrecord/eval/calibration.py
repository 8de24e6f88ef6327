"""Calibrated confidence: a record's confidence is the measured precision of the rule that made it (cue
sieve x speaker sieve) on development data, where a record is right when it is a statement of the gold and
names its speaker (or names nobody).

`onrecord eval calibrate` measures it and writes the small table the package ships
(src/onrecord/data/confidence.json); rules seen fewer than PRIOR_WEIGHT times lean on their cue sieve's
precision, and cue sieves seen rarely on all rules', so a rare rule gets a sober figure, not 0 or 1.

The same rule is right less often on real web pages (live blogs, embeds, interviews, chrome) than on
PolNeAR's clean political news, and by page more than by rule: per-rule figures from a dozen pages do not
carry to other pages. So the table also holds one web_scale, measured on the real pages a page at a time
(each page's records scored by the table built without that page): the share of them that is right over
the share the table predicts. A record of an HTML page has its rule's figure times web_scale.
`onrecord eval polnear|pages` print a reliability table: records by confidence bucket, observed precision.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

from onrecord.quotes.confidence import family, lookup
from pathlib import Path

PRIOR_WEIGHT = 20


@dataclass
class Tally:
    right: float = 0
    total: float = 0

    def add(self, right: bool, weight: float = 1.0) -> None:
        self.right += weight * bool(right)
        self.total += weight

    def precision(self, prior: float, weight: float = PRIOR_WEIGHT) -> float:
        return (self.right + weight * prior) / (self.total + weight)


@dataclass
class Calibration:
    rules: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    web_records: list[tuple[str, str, bool, float]] = field(default_factory=list)
    """(page, rule, right, weight) of every record of a real web page, for web_scale."""

    def add(self, record: dict, right: bool, weight: float = 1.0, page: str | None = None) -> None:
        """A scored record; page names the real web page it comes from (None for clean text)."""
        rule = record.get("rule") or "?"
        self.rules[rule].add(right, weight)
        if page is not None:
            self.web_records.append((page, rule, bool(right), weight))

    def table(self) -> dict:
        """{"overall": p, "families": {cue sieve: p}, "rules": {rule: p}, "counts": {rule: [right, total]},
        "web_scale": s, "web_records": n}."""
        table = _table_of(self.rules)
        table["counts"] = {rule: [round(t.right, 1), round(t.total, 1)] for rule, t in sorted(self.rules.items())}
        table["web_scale"] = self.web_scale()
        table["web_records"] = len(self.web_records)
        return table

    def web_scale(self) -> float:
        """Right records of the real pages over their predicted precision, each page predicted by the table
        built without it; 1.0 when no real page was given."""
        right = predicted = 0.0
        for page in sorted({page for page, *_ in self.web_records}):
            own = [(rule, ok, weight) for name, rule, ok, weight in self.web_records if name == page]
            without = defaultdict(Tally, {rule: Tally(t.right, t.total) for rule, t in self.rules.items()})
            for rule, ok, weight in own:
                without[rule].right -= weight * ok
                without[rule].total -= weight
            held_out = _table_of({rule: t for rule, t in without.items() if t.total > 0})
            right += sum(ok for _, ok, _ in own)
            predicted += sum(lookup(held_out, rule) for rule, _, _ in own)
        return round(right / predicted, 3) if predicted else 1.0


def _table_of(rules: dict[str, Tally]) -> dict:
    everything = Tally(sum(t.right for t in rules.values()), sum(t.total for t in rules.values()))
    overall = everything.right / everything.total if everything.total else 0.5
    families: dict[str, Tally] = defaultdict(Tally)
    for rule, tally in rules.items():
        families[family(rule)].right += tally.right
        families[family(rule)].total += tally.total
    family_p = {name: round(t.precision(overall), 3) for name, t in sorted(families.items())}
    rule_p = {rule: round(t.precision(family_p[family(rule)]), 3) for rule, t in sorted(rules.items())}
    return {"overall": round(overall, 3), "families": family_p, "rules": rule_p}


def write_table(table: dict, path: Path) -> None:
    Path(path).write_text(json.dumps(table, indent=1, sort_keys=True) + "\n", encoding="utf-8")


# -- reliability ------------------------------------------------------------------------------------
BUCKETS = [(i / 10, (i + 1) / 10) for i in range(10)]


def reliability(scored: list[tuple[dict, bool]]) -> list[dict]:
    """Records by confidence bucket: how many, their mean confidence, and the share that is right."""
    rows = []
    for low, high in BUCKETS:
        inside = [(r, ok) for r, ok in scored if low <= r["confidence"] < high or (high == 1.0 and r["confidence"] == 1.0)]
        if inside:
            mean = sum(r["confidence"] for r, _ in inside) / len(inside)
            observed = sum(ok for _, ok in inside) / len(inside)
            rows.append({"bucket": f"{low:.1f}-{high:.1f}", "records": len(inside), "mean_confidence": round(mean, 3),
                         "observed_precision": round(observed, 3)})
    return rows


def print_reliability(scored: list[tuple[dict, bool]], console) -> None:
    from rich.table import Table

    table = Table(title="reliability: records by confidence (right = a gold statement, its speaker named)",
                  title_justify="left")
    for column in ("confidence", "records", "mean confidence", "observed precision", "gap"):
        table.add_column(column)
    for row in reliability(scored):
        gap = row["observed_precision"] - row["mean_confidence"]
        table.add_row(row["bucket"], str(row["records"]), f"{row['mean_confidence']:.3f}",
                      f"{row['observed_precision']:.3f}", f"{gap:+.3f}")
    console.print(table)
