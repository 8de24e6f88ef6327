"""Throughput: onrecord against textacy 0.13 direct_quotations on the same PolNeAR dev texts with the
same spaCy model, in one run; each tool in its own process so peak RSS is its own.

    .venv/bin/python benchmarks/throughput.py [--split ../shared/data/polnear/dev] [--workers 2] [--repeat 3]
        [--compare DIR]...   (also time the onrecord of another checkout, e.g. `git worktree add /tmp/before REV`)
(textacy is a dev extra: pip install -e '.[bench]')

Model loading is never timed (for --workers, every process has loaded it before the clock starts).
Shared VMs vary by a third from one minute to the next, so the tools take turns, --repeat rounds of
them, and each keeps its fastest round (as timeit does); words/s counts whitespace-separated words.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import resource
import subprocess
import sys
import time


def texts(split: str) -> list[str]:
    return [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(split, "text", "*.txt")))]


def run_onrecord(split: str, workers: int) -> dict:
    from onrecord.pipeline import ExtractionPool, extract_documents, load_pipeline
    from onrecord.records import RawSource

    try:
        from onrecord.pipeline import document_or_error as build
    except ImportError:  # an older checkout, timed with --compare
        from onrecord.clean import build_document as build
    documents = [build(RawSource(f"dev-{i}", t, False)) for i, t in enumerate(texts(split))]
    if workers > 1:
        with ExtractionPool(workers) as pool:
            pool.wait_until_loaded()
            started = time.perf_counter()
            found = sum(len(e.quotations) for e in pool.extract(documents))
    else:
        nlp = load_pipeline()
        started = time.perf_counter()
        found = sum(len(e.quotations) for e in extract_documents(nlp, documents))
    return {"seconds": time.perf_counter() - started, "found": found}


def run_textacy(split: str, _workers: int) -> dict:
    import spacy
    import textacy.extract

    from onrecord.pipeline import model_name

    def quotations(doc) -> int:
        try:
            return len(list(textacy.extract.triples.direct_quotations(doc)))
        except ValueError:  # textacy gives up on a document with an unclosed quotation mark
            return 0

    nlp = spacy.load(model_name())
    started = time.perf_counter()
    found = sum(quotations(doc) for doc in nlp.pipe(texts(split)))
    return {"seconds": time.perf_counter() - started, "found": found}


def child(tool: str, split: str, workers: int) -> None:
    result = {"onrecord": run_onrecord, "textacy": run_textacy}[tool](split, workers)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if workers > 1:
        peak += resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result["peak_rss_mb"] = peak / 1024
    print(json.dumps(result))


def measure(tool: str, split: str, workers: int = 1, source: str | None = None) -> dict:
    environment = dict(os.environ, PYTHONPATH=os.path.join(source, "src")) if source else None
    output = subprocess.run([sys.executable, __file__, "--child", tool, "--split", split, "--workers", str(workers)],
                            capture_output=True, text=True, check=True, env=environment).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default=os.path.join("..", "shared", "data", "polnear", "dev"))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3, help="Rounds; each tool keeps its fastest.")
    parser.add_argument("--compare", action="append", default=[],
                        help="Another checkout whose onrecord is timed too, in the same rounds (repeatable).")
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        child(args.child, args.split, args.workers)
        return
    words = sum(len(t.split()) for t in texts(args.split))
    runs = [("textacy 0.13 direct_quotations", "textacy", 1, None), ("onrecord, 1 process", "onrecord", 1, None)]
    for other in args.compare:
        runs.append((f"onrecord at {os.path.basename(os.path.abspath(other))}, 1 process", "onrecord", 1, other))
    if args.workers > 1:
        runs.append((f"onrecord, --workers {args.workers}", "onrecord", args.workers, None))
    fastest: dict[str, dict] = {}
    for _round in range(max(1, args.repeat)):
        for name, tool, workers, source in runs:
            result = measure(tool, args.split, workers, source)
            if name not in fastest or result["seconds"] < fastest[name]["seconds"]:
                fastest[name] = result
    rows = [(name, fastest[name]) for name, _tool, _workers, _source in runs]
    base = words / rows[0][1]["seconds"]
    print(f"{words} words in {len(texts(args.split))} documents ({args.split}), CPU cores: {os.cpu_count()}, "
          f"fastest of {max(1, args.repeat)} rounds")
    for name, result in rows:
        rate = words / result["seconds"]
        print(f"{name:32} {rate:8.0f} words/s  x{rate / base:4.2f}  quotations {result['found']:5d}  "
              f"peak RSS {result['peak_rss_mb']:6.0f} MB")


if __name__ == "__main__":
    main()
