"""Which reader reads an input: ``--input-format``, else the file's extension."""

from __future__ import annotations

import io
import lzma
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from claimex.io.compressed import inner_name, open_binary
from claimex.io.records import RecordFields, bad_file
from claimex.sources import Document, read_document

FORMATS = ("text", "jsonl", "csv", "parquet")
EXTENSIONS = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "csv",
    ".parquet": "parquet", ".pq": "parquet",
}  # fmt: skip
# What a truncated or corrupt compressed stream raises part-way through.
STREAM_ERRORS = (OSError, EOFError, zlib.error, lzma.LZMAError)


def format_of(name: str) -> str:
    """The format a file name says (``corpus.jsonl.gz`` -> ``jsonl``); anything else is text."""
    return EXTENSIONS.get(Path(inner_name(name)).suffix.lower(), "text")


def read_stream(
    source: str, stream: IO[bytes], fmt: str, fields: RecordFields, encoding: str | None = None
) -> Iterator[Document]:
    """Documents of one input stream read as ``fmt``."""
    if fmt == "jsonl":
        from claimex.io.jsonl import read_jsonl

        yield from read_jsonl(source, stream, fields, encoding)
    elif fmt == "csv":
        from claimex.io.csvfile import read_csv

        delimiter = "\t" if Path(inner_name(source)).suffix.lower() == ".tsv" else ","
        yield from read_csv(source, stream, fields, encoding, delimiter)
    elif fmt == "parquet":  # needs random access: a pipe is read whole first
        from claimex.io.parquet import read_parquet

        data = stream if stream.seekable() else io.BytesIO(stream.read())
        yield from read_parquet(source, data, fields)
    else:
        yield read_document(source, stream.read(), encoding)


def read_path(
    source: str, path: Path, fmt: str | None, fields: RecordFields, encoding: str | None = None
) -> Iterator[Document]:
    """Documents of one file: ``fmt`` or the one its name says; compressed files are
    decompressed as they are read. A file that breaks off part-way ends with an error."""
    fmt = fmt or format_of(path.name)
    try:
        with open_binary(path) as stream:
            yield from read_stream(source, stream, fmt, fields, encoding)
    except STREAM_ERRORS as exc:
        yield bad_file(source, type(exc).__name__, str(exc) or "the file breaks off")


def read_range(
    source: str,
    path: Path,
    fmt: str,
    fields: RecordFields,
    encoding: str | None,
    start: int,
    count: int,
    offset: int = 0,
) -> Iterator[Document]:
    """Documents of one slice of a corpus file: ``count`` lines of an uncompressed JSON Lines
    file from line ``start`` (at byte ``offset``), or ``count`` Parquet row groups from group
    ``start``; the same Documents as reading the whole file gives for that slice."""
    try:
        if fmt == "parquet":
            from claimex.io.parquet import read_parquet

            yield from read_parquet(source, str(path), fields, range(start, start + count))
            return
        from claimex.io.jsonl import read_jsonl

        with open(path, "rb") as stream:
            stream.seek(offset)
            yield from read_jsonl(source, stream, fields, encoding, start, count)
    except STREAM_ERRORS as exc:
        yield bad_file(source, type(exc).__name__, str(exc) or "the file breaks off")
