"""CSV (and tab-separated) files with a header row, read a row at a time."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import IO

from claimex.io.records import RecordFields, bad_file, bad_record, record_document
from claimex.sources import Document

# Articles are longer than the csv module's default field limit of 128 KiB.
FIELD_LIMIT = 2**31 - 1


def read_csv(
    path: str,
    stream: IO[bytes],
    fields: RecordFields,
    encoding: str | None = None,
    delimiter: str = ",",
) -> Iterator[Document]:
    """Documents of the rows of a CSV ``stream``; a record's number is the line it starts on.

    A row with more cells than the header is an error Document; bytes that do not decode or
    a broken quote end the file with one (the rows after cannot be told apart reliably)."""
    csv.field_size_limit(FIELD_LIMIT)
    text = io.TextIOWrapper(stream, encoding=encoding or "utf-8-sig", newline="")
    reader = csv.DictReader(text, delimiter=delimiter, restkey=None)
    try:
        header = reader.fieldnames or []
        if fields.text not in header:
            yield bad_file(path, "MissingField", f"no column {fields.text!r} in the header")
            return
        start = reader.line_num + 1
        for row in reader:
            if None in row:
                message = f"{len(header) + len(row[None])} cells, the header has {len(header)}"
                yield bad_record(path, start, "InvalidRecord", message)
            else:
                yield record_document(path, start, row, fields)
            start = reader.line_num + 1
    except UnicodeDecodeError as exc:
        yield bad_record(path, reader.line_num + 1, "DecodeError", f"cannot decode: {exc.reason}")
    except csv.Error as exc:
        yield bad_record(path, reader.line_num, "InvalidCSV", str(exc))
    finally:
        text.detach()  # the caller closes the stream it opened
