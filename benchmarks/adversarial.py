"""Worst cases, doubled: does extraction time grow linearly with the input?

    .venv/bin/python benchmarks/adversarial.py                  # every series, 4 doublings
    .venv/bin/python benchmarks/adversarial.py --series quotes --steps 5

Each series doubles one thing an attacker controls and prints the time of each size and its ratio to the
size before (fastest of --repeat runs, each with spaCy's tokenizer cache emptied, the model loaded once
beforehand). Linear work doubles in time
(ratio about 2); the target is at most ~2.2 per doubling. Series:
  quotes      one-line quotations, '“Line N is fine,” she said.' (fault 6: 2,500 took 75 s)
  unbalanced  paragraphs that each open a quotation and never close it (5,000 took 210 s and 1.49 GB)
  marks       a text of nothing but '"' (20 KB held the API's extractor 67 s)
  length      plain news prose without quotation marks, doubled in length
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

PROSE = ("The council met on Tuesday to discuss the harbour budget for the coming year. Members reviewed the "
         "accounts of the previous season, the state of the northern pier and the plans for the new ferry "
         "terminal, which has been delayed twice by storms and by a shortage of steel.\n")


def quotes(n: int) -> str:
    return "".join(f"“Line {i} is fine,” she said.\n" for i in range(n))


def unbalanced(n: int) -> str:
    return "".join(f"“Paragraph {i} opens a quotation that never closes, said the mayor\n" for i in range(n))


def marks(n: int) -> str:
    return '"' * n


def length(n: int) -> str:
    return PROSE * n


SERIES = {"quotes": (quotes, 125), "unbalanced": (unbalanced, 125), "marks": (marks, 1250), "length": (length, 25)}


def timed(nlp, text: str, repeat: int) -> tuple[float, int]:
    from onrecord.pipeline import extract_documents
    from onrecord.records import Document, DocumentInfo

    best, found = float("inf"), 0
    for _ in range(repeat):
        document = Document(DocumentInfo(id="bench", source="bench"), text)
        nlp.tokenizer.suffix_search = nlp.tokenizer.suffix_search  # empties the tokenizer's cache: no run is free
        started = time.perf_counter()
        [extraction] = extract_documents(nlp, [document])
        best = min(best, time.perf_counter() - started)
        found = len(extraction.quotations)
    return best, found


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", nargs="+", choices=sorted(SERIES), default=list(SERIES))
    parser.add_argument("--steps", type=int, default=4, help="sizes per series (each double the one before)")
    parser.add_argument("--repeat", type=int, default=2, help="runs per size; the fastest counts")
    parser.add_argument("--target", type=float, default=2.2, help="the largest acceptable ratio per doubling")
    args = parser.parse_args(argv)
    from onrecord.pipeline import load_pipeline

    nlp = load_pipeline()
    timed(nlp, PROSE * 5, 1)  # warm up
    worst = 0.0
    print(f"{'series':<11} {'size':>7} {'characters':>11} {'quotations':>10} {'seconds':>9} {'ratio':>6}")
    for name in args.series:
        make, size = SERIES[name]
        previous = None
        for _ in range(args.steps):
            text = make(size)
            seconds, found = timed(nlp, text, args.repeat)
            ratio = seconds / previous if previous else None
            if ratio:
                worst = max(worst, ratio)
            print(f"{name:<11} {size:>7} {len(text):>11,} {found:>10} {seconds:>9.2f} "
                  f"{'' if ratio is None else f'{ratio:.2f}':>6}", flush=True)
            previous, size = seconds, size * 2
    verdict = "within" if worst <= args.target else "over"
    print(f"largest growth per doubling: {worst:.2f} ({verdict} the {args.target} target)")
    return 0 if worst <= args.target else 1


if __name__ == "__main__":
    sys.exit(main())
