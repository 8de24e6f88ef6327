"""Golden digests: sha256 of the sorted JSON Lines output on fixed inputs, plus per-rule counts.

    .venv/bin/python scripts/golden.py                 # compare with tests/golden/digests.json
    .venv/bin/python scripts/golden.py --update        # write the current digests there
    .venv/bin/python scripts/golden.py --sets samples realnews --out /tmp/golden-before

A refactor keeps every digest; a change meant to alter output updates them in the same commit.
Full outputs go to --out (outside the repository: PolNeAR has no licence, so no records are committed),
so that a mismatch can be diffed line by line against a run from before the change.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DIGESTS = ROOT / "tests" / "golden" / "digests.json"
PINNED_SETS = ("samples", "polnear-dev", "polnear-train")
"""The sets the test pins; 'realnews' (55 publishers' pages) is for local checks of refactors only."""


def inputs(name: str) -> list[tuple[str, Path]]:
    """(stable source name, path) for every input of a set, in a fixed order."""
    if name == "samples":
        paths = [SHARED / "samples" / "liveblog-gaza-plan.html", SHARED / "samples" / "liveblog-gaza-plan.txt",
                 ROOT / "src" / "onrecord" / "examples" / "liveblog-climate-talks.html"]
        return [(p.name, p) for p in paths]
    if name.startswith("polnear-"):
        split = name.removeprefix("polnear-")
        folder = SHARED / "data" / "polnear" / split / "text"
        return [(f"polnear/{split}/{p.name}", p) for p in sorted(folder.glob("*.txt"))]
    if name == "realnews":
        folder = SHARED / "data" / "realnews-dev" / "pages"
        return [(f"realnews-dev/{p.name}", p) for p in sorted(folder.glob("*.html"))]
    raise SystemExit(f"unknown set {name!r} (use samples, polnear-dev, polnear-train, realnews)")


def available(name: str) -> bool:
    found = inputs(name)
    return bool(found) and all(path.exists() for _, path in found)


def records_of(name: str, workers: int = 2) -> list[str]:
    """Every record of the set as one sorted list of JSON lines (keys sorted)."""
    from onrecord.pipeline import documents_from, extract_documents, extract_parallel, load_pipeline
    from onrecord.records import RawSource
    from onrecord.sources import looks_like_html

    def unreadable(error):
        raise SystemExit(error.message)

    raws = []
    for source, path in inputs(name):
        content = path.read_text(encoding="utf-8")
        raws.append(RawSource(source, content, path.suffix == ".html" or looks_like_html(content)))
    documents = list(documents_from(raws, unreadable))
    if workers > 1 and len(documents) > 1:
        extractions = extract_parallel(documents, min(workers, len(documents)))
    else:
        extractions = extract_documents(load_pipeline(), documents)
    lines = [json.dumps(record, ensure_ascii=False, sort_keys=True)
             for extraction in extractions for record in extraction.records()]
    return sorted(lines)


def summary(lines: list[str]) -> dict:
    rules = Counter(json.loads(line)["rule"] for line in lines)
    return {"sha256": hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest(), "records": len(lines),
            "rules": dict(sorted(rules.items()))}


def compare(name: str, expected: dict, got: dict) -> list[str]:
    """Readable differences: the digest, the record count and every rule whose count moved."""
    if expected.get("sha256") == got["sha256"]:
        return []
    problems = [f"{name}: sha256 {got['sha256'][:12]} != pinned {expected.get('sha256', '')[:12]}; "
                f"records {got['records']} (pinned {expected.get('records')})"]
    old, new = expected.get("rules", {}), got["rules"]
    for rule in sorted(set(old) | set(new)):
        if old.get(rule, 0) != new.get(rule, 0):
            problems.append(f"  {rule}: {old.get(rule, 0)} -> {new.get(rule, 0)}")
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=list(PINNED_SETS))
    parser.add_argument("--update", action="store_true", help="write the digests to tests/golden/digests.json")
    parser.add_argument("--out", type=Path, help="also write each set's sorted JSON Lines here")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    pinned = json.loads(DIGESTS.read_text(encoding="utf-8")) if DIGESTS.exists() else {}
    failures = []
    for name in args.sets:
        lines = records_of(name, args.workers)
        got = summary(lines)
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        if args.update:
            pinned[name] = got
            print(f"{name}: {got['records']} records, sha256 {got['sha256'][:12]} (pinned)")
            continue
        problems = compare(name, pinned.get(name, {}), got)
        failures += problems
        print(f"{name}: {got['records']} records, sha256 {got['sha256'][:12]} "
              f"{'differs' if problems else 'as pinned'}")
    if args.update:
        DIGESTS.parent.mkdir(parents=True, exist_ok=True)
        DIGESTS.write_text(json.dumps(pinned, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    for line in failures:
        print(line, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
