"""Running extraction over many inputs: the library behind ``claimex extract``.

Unreadable inputs pass through the pipeline as empty texts carrying their error, so every
record comes out in input order and as soon as its document is done. Nothing is collected:
each record goes to ``write`` and is dropped, so memory does not grow with the corpus.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from claimex.io.output import end_workers
from claimex.models import Article, ErrorRecord
from claimex.sources import Document, iter_documents
from claimex.spill import item_count, spill_of

if TYPE_CHECKING:
    from claimex.render import Reporter


def plural(count: int, noun: str) -> str:
    """``1 document``, ``2 documents``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


@dataclass
class Summary:
    """``documents``: extracted; ``failed``: inputs that gave an error record instead (a
    missing path, an unreadable file, a document a component failed on)."""

    documents: int = 0
    failed: int = 0
    quotes: int = 0
    figures: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        parts = [
            plural(self.documents, "document"),
            plural(self.quotes, "quote"),
            plural(self.figures, "figure"),
        ]
        if self.failed:
            parts.append(f"{plural(self.failed, 'input')} failed")
        return ", ".join(parts) + f", {self.seconds:.1f} s"


def _pipeline_items(documents: Iterable[Document]) -> Iterator[tuple[str, Document]]:
    """``(text, context)`` pairs for the pipeline; an unreadable document goes through as an
    empty text and keeps its error."""
    for doc in documents:
        yield (doc.text or "" if doc.error is None else ""), doc


def extract_documents(
    documents: Iterable[Document],
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = 16,
    *,
    join_continuations: bool = True,
    min_confidence: float = 0.0,
    lexicons: Mapping[str, Any] | None = None,
    spill: bool = False,
) -> Iterator[tuple[Document, Article | ErrorRecord]]:
    """Yield ``(document, record)`` for every input document, in order; quotes under
    ``min_confidence`` are left out (:func:`claimex.article.keep_confident`). With ``spill``,
    a long document's lists wait in temporary files (:mod:`claimex.spill`)."""
    from claimex.pipeline import extract_many_with_context

    items = _pipeline_items(documents)
    options = {"join_continuations": join_continuations, "lexicons": lexicons, "spill": spill}
    for doc, record in extract_many_with_context(items, model, n_process, batch_size, **options):
        if doc.error is not None:
            record = ErrorRecord(source=doc.source, error=doc.error)
        elif isinstance(record, Article):
            record.warnings[:0] = doc.warnings
            if min_confidence > 0:
                from claimex.article import keep_confident

                record = keep_confident(record, min_confidence)
        record.id, record.meta = doc.id, doc.meta
        yield doc, record


def run(
    documents: Iterable[Document],
    write: Callable[[Article | ErrorRecord], None],
    warn: Callable[[str], None],
    fail: Callable[[str], None],
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = 16,
    *,
    join_continuations: bool = True,
    min_confidence: float = 0.0,
    lexicons: Mapping[str, Any] | None = None,
) -> Summary:
    """Extract from ``documents``: each record to ``write``, each warning to ``warn`` and each
    failed document to ``fail`` (one line each). ``join_continuations`` and ``lexicons``: see
    :func:`claimex.pipeline.add_claimex_pipes`."""
    summary = Summary()
    started = time.perf_counter()
    options = {
        "join_continuations": join_continuations,
        "min_confidence": min_confidence,
        "lexicons": lexicons,
        "spill": True,  # every writer takes a record whose lists are spilled
    }
    for _, record in extract_documents(documents, model, n_process, batch_size, **options):
        if isinstance(record, ErrorRecord):
            summary.failed += 1
            fail(f"error: {record.source}: {record.error.type}: {record.error.message}")
        else:
            summary.documents += 1
            summary.quotes += item_count(record, "quotes")
            summary.figures += item_count(record, "figures")
            for message in record.warnings:
                warn(f"warning: {record.source}: {message}")
        write(record)
        spill = spill_of(record)
        if spill is not None:
            spill.close()  # its temporary files go now, not when collected
    summary.seconds = time.perf_counter() - started
    return summary


def extract_paths(
    paths: Iterable[str],
    writer,
    report: Reporter,
    sources: Mapping[str, Any],
    pipeline: Mapping[str, Any],
) -> Summary:
    """:func:`run` on the documents under ``paths`` (files, directories, ``-``), read as
    :func:`claimex.sources.iter_documents` with ``sources``: each record to ``writer``,
    warnings, failures and progress to ``report`` (a :class:`claimex.render.Reporter`);
    ``pipeline``: the options of :func:`run`."""

    def write(record: Article | ErrorRecord) -> None:
        try:
            writer.write(record)
        except BrokenPipeError:
            end_workers()  # before unwinding closes nlp.pipe, which would wait for them
            raise
        report.advance()

    documents = iter_documents(paths, **sources)
    return run(documents, write=write, warn=report.warn, fail=report.fail, **pipeline)
