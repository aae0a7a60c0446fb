"""Running extraction over many inputs: the library behind ``claimex extract``.

Unreadable inputs pass through the pipeline as empty texts carrying their error, so every
record comes out in input order and as soon as its document is done.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from claimex.models import Article, ErrorRecord
from claimex.sources import Document


@dataclass
class Summary:
    documents: int = 0
    failed: int = 0
    quotes: int = 0
    figures: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        return (
            f"{self.documents} documents, {self.quotes} quotes, {self.figures} figures, "
            f"{self.failed} failed, {self.seconds:.1f} s"
        )


def extract_documents(
    documents: Iterable[Document],
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = 16,
) -> Iterator[tuple[Document, Article | ErrorRecord]]:
    """Yield ``(document, record)`` for every input document, in order."""
    from claimex.pipeline import extract_many_with_context

    items = ((doc.text or "" if doc.error is None else "", doc) for doc in documents)
    for doc, record in extract_many_with_context(items, model, n_process, batch_size):
        if doc.error is not None:
            record = ErrorRecord(source=doc.source, error=doc.error)
        elif isinstance(record, Article):
            record.warnings.extend(doc.warnings)
        yield doc, record


def run(
    documents: Iterable[Document],
    write: Callable[[Article | ErrorRecord], None],
    warn: Callable[[str], None],
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = 16,
) -> Summary:
    """Extract from ``documents``, pass each record to ``write`` and each problem to ``warn``."""
    summary = Summary()
    started = time.perf_counter()
    for doc, record in extract_documents(documents, model, n_process, batch_size):
        summary.documents += 1
        if isinstance(record, ErrorRecord):
            summary.failed += 1
            warn(f"error: {record.source}: {record.error.message}")
        else:
            summary.quotes += len(record.quotes)
            summary.figures += len(record.figures)
            for message in record.warnings:
                warn(f"warning: {record.source}: {message}")
        write(record)
    summary.seconds = time.perf_counter() - started
    return summary
