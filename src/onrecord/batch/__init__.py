"""Batch: Ray Data over WARC/HTML/text inputs, one model per worker, Parquet out."""
from onrecord.batch.runner import BatchSummary, run_batch

__all__ = ["BatchSummary", "run_batch"]
