"""Batch: Ray Data over WARC/HTML/text inputs, one model per worker, Parquet out."""
from onrecord.batch.runner import BatchSummary, flat_record, record_from_flat, run_batch

__all__ = ["BatchSummary", "flat_record", "record_from_flat", "run_batch"]
