import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ONRECORD_SHARED", ROOT.parent / "shared"))
SAMPLES = SHARED / "samples"
POLNEAR_DEV = SHARED / "data" / "polnear" / "dev"


@pytest.fixture(scope="session")
def nlp():
    from onrecord.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def extract(nlp):
    """Records for a plain-text document, through the same pipeline the CLI uses."""
    from onrecord.clean import build_document
    from onrecord.pipeline import extract_documents
    from onrecord.records import RawSource

    def run(text: str) -> list[dict]:
        document = build_document(RawSource("test.txt", text, False))
        return next(extract_documents(nlp, [document])).records()

    return run


def run_cli(*args, stdin: bytes | None = None, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "onrecord", *map(str, args)], input=stdin,
                          capture_output=True, cwd=cwd, timeout=600)


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not here (shared data lives beside the repository)")
    return path
