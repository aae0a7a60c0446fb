"""JSON Lines: one JSON object per line, read a line at a time."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO

from claimex.io.records import RecordFields, bad_record, record_document
from claimex.sources import Document

UTF8_BOM = b"\xef\xbb\xbf"


def read_jsonl(
    path: str,
    stream: IO[bytes],
    fields: RecordFields,
    encoding: str | None = None,
    first_line: int = 1,
    count: int | None = None,
) -> Iterator[Document]:
    """Documents of the lines of ``stream``, which is at line ``first_line`` (numbered from
    1), up to ``count`` lines; blank lines are skipped, a bad line is an error Document."""
    for number, line in enumerate(stream, start=first_line):
        if count is not None and number >= first_line + count:
            return
        if number == 1 and line.startswith(UTF8_BOM):
            line = line[len(UTF8_BOM) :]
        if not line.strip():
            continue
        try:
            record = json.loads(line.decode(encoding) if encoding else line)
        except UnicodeDecodeError as exc:
            yield bad_record(path, number, "DecodeError", f"cannot decode: {exc.reason}")
        except ValueError as exc:
            yield bad_record(path, number, "InvalidJSON", str(exc))
        else:
            yield record_document(path, number, record, fields)
