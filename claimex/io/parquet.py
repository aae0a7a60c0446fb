"""Parquet files, read a row group at a time, in batches (needs ``claimex[parquet]``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO

from claimex.errors import ClaimexError
from claimex.io.records import RecordFields, bad_file, record_document
from claimex.sources import Document

BATCH_ROWS = 256
INSTALL_HINT = 'pip install "claimex[parquet]"'


class MissingExtra(ClaimexError):
    """An optional dependency is needed for what was asked."""


def pyarrow_parquet():
    """``pyarrow.parquet``, or a one-line error saying which extra to install."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingExtra(f"Parquet needs pyarrow: {INSTALL_HINT}") from None
    return pq


def row_group_starts(parquet_file) -> list[int]:
    """The row number (from 1) of each row group's first row."""
    starts, first = [], 1
    for group in range(parquet_file.num_row_groups):
        starts.append(first)
        first += parquet_file.metadata.row_group(group).num_rows
    return starts


def read_parquet(
    path: str,
    source: str | IO[bytes],
    fields: RecordFields,
    row_groups: Iterable[int] | None = None,
) -> Iterator[Document]:
    """Documents of the rows of a Parquet file (its ``row_groups``, by default all)."""
    pq = pyarrow_parquet()
    try:
        parquet_file = pq.ParquetFile(source)
    except Exception as exc:  # noqa: BLE001 - pyarrow raises ArrowInvalid, OSError...
        yield bad_file(path, "InvalidParquet", str(exc))
        return
    if fields.text not in parquet_file.schema_arrow.names:
        yield bad_file(path, "MissingField", f"no column {fields.text!r}")
        return
    starts = row_group_starts(parquet_file)
    groups = range(parquet_file.num_row_groups) if row_groups is None else row_groups
    for group in groups:
        number = starts[group]
        for batch in parquet_file.iter_batches(batch_size=BATCH_ROWS, row_groups=[group]):
            for row in batch.to_pylist():
                yield record_document(path, number, row, fields)
                number += 1
