"""Calibrated confidence: a record's confidence is the measured precision of the rule that made it (cue
sieve x speaker sieve) on development data, where a record is right when it is a statement of the gold and
names its speaker (or names nobody).

`onrecord eval calibrate` measures it and writes the small table the package ships
(src/onrecord/data/confidence.json); rules seen fewer than PRIOR_WEIGHT times lean on their cue sieve's
precision, and cue sieves seen rarely on all rules', so a rare rule gets a sober figure, not 0 or 1.
`onrecord eval polnear|pages` print a reliability table: records by confidence bucket, observed precision.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

from onrecord.quotes.confidence import family
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

    def add(self, record: dict, right: bool, weight: float = 1.0) -> None:
        self.rules[record.get("rule") or "?"].add(right, weight)

    def table(self) -> dict:
        """{"overall": p, "families": {cue sieve: p}, "rules": {rule: p}, "counts": {rule: [right, total]}}."""
        everything = Tally(sum(t.right for t in self.rules.values()), sum(t.total for t in self.rules.values()))
        overall = everything.right / everything.total if everything.total else 0.5
        families: dict[str, Tally] = defaultdict(Tally)
        for rule, tally in self.rules.items():
            families[family(rule)].right += tally.right
            families[family(rule)].total += tally.total
        family_p = {name: round(t.precision(overall), 3) for name, t in sorted(families.items())}
        rule_p = {rule: round(t.precision(family_p[family(rule)]), 3) for rule, t in sorted(self.rules.items())}
        return {"overall": round(overall, 3), "families": family_p, "rules": rule_p,
                "counts": {rule: [round(t.right, 1), round(t.total, 1)] for rule, t in sorted(self.rules.items())}}


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
