"""Batch scaling: documents/s of `onrecord batch` (local Ray) with 1 and 2 workers on generated pages.

    .venv/bin/python benchmarks/batch.py [--pages 300]
Each worker count runs in its own process (its own Ray); the time counts from the first page read to
the Parquet written, actor start-up (one model load per worker) included.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "src" / "onrecord" / "examples" / "liveblog-climate-talks.html"
NAMES = ["Ingrid Solberg", "Simon Kofe", "Amara Okafor", "Tomás Ferreira", "Lena Fischer", "Omar Haddad"]


def make_pages(folder: Path, count: int) -> list[str]:
    template = EXAMPLE.read_text(encoding="utf-8")
    paths = []
    for i in range(count):
        name = NAMES[i % len(NAMES)]
        html = (template.replace("Ingrid Solberg", name).replace("Solberg", name.split()[-1])
                .replace("climate-talks-final-night", f"story-{i}").replace("2026-11-20", f"2026-11-{1 + i % 28:02d}"))
        path = folder / f"page-{i:04d}.html"
        path.write_text(html, encoding="utf-8")
        paths.append(str(path))
    return paths


def child(folder: str, workers: int) -> None:
    from onrecord.batch import run_batch

    inputs = sorted(str(p) for p in Path(folder).glob("page-*.html"))
    started = time.perf_counter()
    summary = run_batch(inputs, str(Path(folder) / f"out-{workers}"), workers=workers)
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "documents": summary.documents, "quotations": summary.quotations}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--child", nargs=2)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return
    with tempfile.TemporaryDirectory() as folder:
        make_pages(Path(folder), args.pages)
        rates = {}
        for workers in (1, 2):
            output = subprocess.run([sys.executable, __file__, "--child", folder, str(workers)], capture_output=True,
                                    text=True, check=True).stdout
            result = json.loads(output.strip().splitlines()[-1])
            rates[workers] = result["documents"] / result["seconds"]
            print(f"workers {workers}: {result['documents']} documents, {result['quotations']} quotations in "
                  f"{result['seconds']:.1f}s = {rates[workers]:.1f} documents/s")
        print(f"scaling 1 -> 2 workers: x{rates[2] / rates[1]:.2f}")


if __name__ == "__main__":
    main()
