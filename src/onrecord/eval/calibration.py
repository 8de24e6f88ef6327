"""Calibrated confidence: a record's confidence is the measured precision of the rule that made it (cue
sieve x speaker sieve) on development data, where a record is right when it is a statement of the gold and
names its speaker (or names nobody).

`onrecord eval calibrate` measures it and writes the small table the package ships
(src/onrecord/data/confidence.json); rules seen fewer than PRIOR_WEIGHT times lean on their cue sieve's
precision, and cue sieves seen rarely on all rules', so a rare rule gets a sober figure, not 0 or 1.

The same rule is right less often on real web pages (live blogs, embeds, interviews, chrome) than on
PolNeAR's clean political news, and not by one factor: the clean-text figures also separate rules less well
there (on the gold pages the strong rules fall most). So records of HTML pages have a table of their
own, measured on the real pages and built on the clean-text figures:
- the clean-text figure p goes through a logistic map fitted on the pages' records,
  web(p) = 1 / (1 + exp(-(a + b logit p))) (Platt scaling: two numbers, so a few hundred records fit it);
- a rule's own page records then move its figure away from web(p) as far as WEB_PRIOR_WEIGHT allows: a
  few dozen pages hold few records of any one rule, and per-rule figures from them do not carry far.
`onrecord eval polnear|pages` print a reliability table: records by confidence bucket, observed precision.
"""
from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from onrecord.quotes.confidence import family, logistic, logit, lookup, through_web_map, web_lookup

PRIOR_WEIGHT = 20
WEB_PRIOR_WEIGHT = 20
"""Chosen by 5-fold cross-validation over the 40 gold pages (20, 40, 80 or none: worst held-out gap 0.027,
0.045, 0.052, 0.078)."""


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
    """Records of clean text, by rule."""
    web_records: list[tuple[str, str, bool]] = field(default_factory=list)
    """(page, rule, right) of every record of a real web page."""

    def add(self, record: dict, right: bool, page: str | None = None) -> None:
        """A scored record; page names the real web page it comes from (None for clean text)."""
        rule = record.get("rule") or "?"
        if page is not None:
            self.web_records.append((page, rule, bool(right)))
        else:
            self.rules[rule].add(right)

    def table(self) -> dict:
        """{"overall": p, "families": {cue sieve: p}, "rules": {rule: p}, "counts": {rule: [right, total]},
        "web": {"a": a, "b": b, "records": n, "rules": {rule: p}, "counts": {rule: [right, total]}}}."""
        table = _table_of(self.rules)
        table["counts"] = _counts(self.rules)
        table["web"] = self.web_table(table)
        return table

    def web_table(self, text_table: dict, records: list[tuple[str, str, bool]] | None = None) -> dict:
        """The logistic map from clean-text figures to web precision, and each rule seen on the pages."""
        records = self.web_records if records is None else records
        a, b = fit_logistic([(logit(lookup(text_table, rule)), right) for _, rule, right in records])
        tallies: dict[str, Tally] = defaultdict(Tally)
        for _, rule, right in records:
            tallies[rule].add(right)
        rules = {rule: round(tally.precision(through_web_map(a, b, lookup(text_table, rule)), WEB_PRIOR_WEIGHT), 3)
                 for rule, tally in sorted(tallies.items())}
        return {"a": round(a, 3), "b": round(b, 3), "records": len(records), "rules": rules,
                "counts": _counts(tallies)}

    def held_out_web(self, folds: int = 5) -> list[tuple[dict, bool]]:
        """Each web page's records with the confidence the web table built without its fold of pages gives
        them: how well the table does on pages it has not seen, the figure that matters on new sites."""
        text_table = _table_of(self.rules)
        pages = sorted({page for page, _, _ in self.web_records})
        fold_of = {page: index % folds for index, page in enumerate(pages)}
        scored = []
        for fold in range(folds):
            seen = [r for r in self.web_records if fold_of[r[0]] != fold]
            table = {**text_table, "web": self.web_table(text_table, seen)}
            scored += [({"confidence": round(web_lookup(table, rule), 3)}, right)
                       for page, rule, right in self.web_records if fold_of[page] == fold]
        return scored


def fit_logistic(points: list[tuple[float, bool]], steps: int = 50) -> tuple[float, float]:
    """a, b of the logistic curve P(right | x) = 1 / (1 + exp(-(a + b x))) most likely to give the points
    (Newton's method); (0, 1), the identity map on logits, when the points cannot fix both."""
    a, b = 0.0, 1.0
    for _ in range(steps):
        grad_a = grad_b = h_aa = h_ab = h_bb = 0.0
        for x, right in points:
            p = logistic(a + b * x)
            grad_a += p - right
            grad_b += (p - right) * x
            h_aa += p * (1 - p)
            h_ab += p * (1 - p) * x
            h_bb += p * (1 - p) * x * x
        determinant = h_aa * h_bb - h_ab * h_ab
        if determinant <= 1e-9:
            break
        step_a = (h_bb * grad_a - h_ab * grad_b) / determinant
        step_b = (h_aa * grad_b - h_ab * grad_a) / determinant
        a, b = a - step_a, b - step_b
        if abs(step_a) + abs(step_b) < 1e-9 or not math.isfinite(a + b):
            break
    return (a, b) if math.isfinite(a + b) else (0.0, 1.0)


def _counts(tallies: dict[str, Tally]) -> dict[str, list[float]]:
    return {rule: [round(t.right, 1), round(t.total, 1)] for rule, t in sorted(tallies.items())}


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
