"""Store: the quote archive (SQLite with FTS5 by default, PostgreSQL when shared)."""
from onrecord.store.database import StoreError, open_engine, resolve_url
from onrecord.store.ingest import IngestOutcome, ingest_extraction
from onrecord.store.queries import (SearchFilters, all_records, counts, document_detail, search, speaker_by_id,
                                    speaker_detail, statement_appearances, statement_detail, top_speakers)

__all__ = ["StoreError", "open_engine", "resolve_url", "IngestOutcome", "ingest_extraction", "SearchFilters",
           "all_records", "counts", "document_detail", "search", "speaker_by_id", "speaker_detail",
           "statement_appearances", "statement_detail", "top_speakers"]
