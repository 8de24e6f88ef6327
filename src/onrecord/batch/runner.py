"""`onrecord batch`: the same component as `extract`, fanned out with Ray Data.

Inputs are read by Ray tasks (a WARC file becomes its HTML pages), pages go to actors that each
load the spaCy pipeline once, and the results are written as Parquet: DIR/quotations/ and
DIR/documents/, partitioned by date, plus DIR/errors.jsonl for every page or input that failed.
"""
from __future__ import annotations

import json
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from onrecord.formats import FLAT_COLUMNS, FLAT_INTEGER_COLUMNS, flat_record, record_date, record_from_flat

READ_BLOCKS_PER_WORKER = 4
PAGES_PER_PIPE = 8
ONE_THREAD_EACH = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
                   "PYTHONWARNINGS": "ignore"}
"""Each actor is one process on one CPU: no BLAS thread pools fighting over the same cores."""


def _schemas():
    import pyarrow as pa

    text, integer = pa.string(), pa.int64()
    types = {name: integer for name in FLAT_INTEGER_COLUMNS} | {"confidence": pa.float64()}
    quotations = pa.schema([(name, types.get(name, text)) for name in FLAT_COLUMNS])
    documents = pa.schema([("id", text), ("source", text), ("url", text), ("title", text), ("site", text),
                           ("published", text), ("author", text), ("posts", integer), ("quotations", integer),
                           ("characters", integer), ("date", text)])
    return {"quotations": quotations, "documents": documents}


def _cast(schema):
    """Every block to one schema, so a column that happens to be all null in one block stays a string."""
    def cast(table):
        import pyarrow as pa

        columns = [table.column(field.name).cast(field.type) if field.name in table.column_names
                   else pa.nulls(table.num_rows, field.type) for field in schema]
        return pa.Table.from_arrays(columns, schema=schema)
    return cast


@dataclass
class BatchSummary:
    documents: int
    quotations: int
    errors: int
    out: str
    extraction_seconds: float = 0.0
    """From the first page an actor started to the last it finished: throughput without Ray's start-up."""


def read_input(row: dict) -> list[dict]:
    """One input (file, URL, WARC) to its pages, or to one error row; each page travels as one JSON string
    so that no field turns into NaN on the way."""
    from onrecord.sources import SourceError, iter_sources
    from onrecord.sources.fetch import Fetcher

    spec = row["spec"]
    pages = []
    is_url = spec.lower().startswith(("http://", "https://"))
    fetcher = Fetcher(allow_private=row["allow_private"]) if is_url else None
    try:
        for raw in iter_sources(spec, fetcher):
            pages.append({"source": raw.source, "content": raw.content, "is_html": raw.is_html, "url": raw.url,
                          "fetched_date": raw.fetched_date, "keep_url": raw.keep_url, "identity": raw.identity,
                          "error": None})
    except SourceError as error:
        pages.append({"source": spec, "error": str(error)})
    finally:
        if fetcher is not None:
            fetcher.close()
    return [{"order": row["order"], "sub": i, "page": json.dumps(p)} for i, p in enumerate(pages)]


class ExtractActor:
    """One spaCy pipeline per Ray worker, reused for every batch it gets."""

    def __init__(self, model: str | None):
        from onrecord.pipeline import load_pipeline

        self.nlp = load_pipeline(model)

    def __call__(self, batch: dict) -> dict:
        started = time.time()
        pages = [json.loads(page) for page in batch["page"]]
        results = self.extract_all(pages)
        finished = time.time()
        return {"order": batch["order"], "sub": batch["sub"], "result": [json.dumps(r) for r in results],
                "error": [r["error"] for r in results], "source": [r["source"] for r in results],
                "quotations": [len(r.get("quotations") or []) for r in results],
                "started": [started] * len(results), "finished": [finished] * len(results)}

    def extract_all(self, pages: list[dict]) -> list[dict]:
        """The batch's pages through one nlp.pipe call; if that fails, page by page, so only the bad page fails."""
        from onrecord.pipeline import extract_documents

        documents = [self.document(page) for page in pages]
        good = [d for d in documents if not isinstance(d, dict)]
        try:
            extractions = iter(list(extract_documents(self.nlp, good, batch_size=len(good) or 1)))
        except Exception:  # noqa: BLE001 (one bad page never stops the batch)
            return [d if isinstance(d, dict) else self.extract_one(d) for d in documents]
        return [d if isinstance(d, dict) else _result(next(extractions)) for d in documents]

    def document(self, page: dict):
        from onrecord.pipeline import PageError, document_or_error
        from onrecord.records import RawSource

        if page["error"] is not None:
            return {"source": page["source"], "error": page["error"]}
        raw = RawSource(page["source"], page["content"], page["is_html"], page["url"], page["fetched_date"],
                        page["keep_url"], page["identity"])
        document = document_or_error(raw)
        if isinstance(document, PageError):
            return {"source": document.source, "error": document.message}
        return document

    def extract_one(self, document) -> dict:
        from onrecord.pipeline import extract_documents

        try:
            return _result(next(extract_documents(self.nlp, [document])))
        except Exception as failure:  # noqa: BLE001
            return {"source": document.info.url or document.info.source,
                    "error": f"{type(failure).__name__}: {failure}"}


def _result(extraction) -> dict:
    info = extraction.document.info
    records = extraction.records()
    return {"source": info.source, "error": None,
            "document": {"id": info.id, "source": info.source, "url": info.url, "title": info.title,
                         "site": info.site, "published": info.published, "author": info.author,
                         "posts": len(extraction.document.posts), "quotations": len(records),
                         "characters": len(extraction.document.text), "date": record_date(info.published)},
            "quotations": [flat_record(r) for r in records]}


def run_batch(inputs: list[str], out: str, address: str | None = None, workers: int = 2,
              model: str | None = None, allow_private: bool = False) -> BatchSummary:
    import ray

    if not inputs:
        raise ValueError("no inputs")
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    if not ray.is_initialized():
        if address:
            ray.init(address=address, logging_level="ERROR", log_to_driver=False)
        else:
            ray.init(num_cpus=workers + 1, include_dashboard=False, logging_level="ERROR",
                     log_to_driver=False, runtime_env={"env_vars": ONE_THREAD_EACH})
    items = [{"spec": spec, "order": i, "allow_private": allow_private} for i, spec in enumerate(inputs)]
    # A few read blocks per actor: each read task costs Ray a scheduling round, and each block goes whole to one
    # actor, so one block per input starves the actors and one block for everything idles all but one.
    blocks = max(1, min(len(items), READ_BLOCKS_PER_WORKER * workers))
    pages = ray.data.from_items(items, override_num_blocks=blocks).flat_map(read_input)
    results = pages.map_batches(ExtractActor, fn_constructor_kwargs={"model": model}, batch_size=PAGES_PER_PIPE,
                                compute=ray.data.ActorPoolStrategy(size=workers), num_cpus=1,
                                batch_format="numpy").materialize()
    # every input gives at least one row (its pages, or its error), so this is never empty
    overview = results.select_columns(["order", "sub", "error", "source", "quotations", "started", "finished"])
    overview = overview.to_pandas().sort_values(["order", "sub"])
    counts = {"quotations": int(overview["quotations"].sum()), "documents": int(overview["error"].isna().sum())}
    rows_of = {"quotations": lambda row: json.loads(row["result"]).get("quotations") or [],
               "documents": lambda row: [] if row["error"] is not None else [json.loads(row["result"])["document"]]}
    schemas = _schemas()
    for name in ("quotations", "documents"):
        folder = out_dir / name
        if folder.exists():
            shutil.rmtree(folder)
        if counts[name]:
            results.flat_map(rows_of[name]).map_batches(_cast(schemas[name]), batch_format="pyarrow").write_parquet(
                str(folder), partition_cols=["date"])
        else:
            folder.mkdir(parents=True)
    failed = overview[overview["error"].notna()]
    with open(out_dir / "errors.jsonl", "w", encoding="utf-8") as handle:
        for row in failed.to_dict("records"):
            handle.write(json.dumps({"source": row["source"], "error": row["error"]}, ensure_ascii=False) + "\n")
    seconds = float(overview["finished"].max() - overview["started"].min())
    return BatchSummary(counts["documents"], counts["quotations"], len(failed), str(out_dir), seconds)


def read_quotations(out: str) -> list[dict]:
    """The batch's quotation records, in the extraction record format, ordered like `extract` prints them."""
    import pyarrow.parquet as pq

    folder = Path(out) / "quotations"
    if not any(folder.rglob("*.parquet")):
        return []
    frame = pq.read_table(folder).to_pandas()
    frame = frame.astype(object).where(frame.notna(), None)
    return [record_from_flat(row) for row in frame.to_dict("records")]
