"""One input record (a JSON object, a CSV row, a Parquet row) -> one Document.

The text field becomes the document's text, the id field its ``id`` (else the line or row
number) and every other field passes through as ``meta``, so results join back to the input.
A record that cannot be used becomes an error Document naming its file and line, and the
reader goes on with the next one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from claimex.models import ErrorInfo
from claimex.sources import Document


@dataclass(frozen=True)
class RecordFields:
    """Which field of a record holds the text and which its id (``--text-field``,
    ``--id-field``)."""

    text: str = "text"
    id: str = "id"


def record_source(path: str, number: int) -> str:
    """``corpus.jsonl:42``: the file and the line (or row) a record comes from."""
    return f"{path}:{number}"


def record_document(path: str, number: int, record: Any, fields: RecordFields) -> Document:
    """The Document of one record found at line (or row) ``number`` of ``path``."""
    source = record_source(path, number)
    if not isinstance(record, dict):
        return bad_record(path, number, "InvalidRecord", f"not an object but a {_kind(record)}")
    doc_id = record.get(fields.id)
    doc_id = number if doc_id is None or doc_id == "" else _id(doc_id)
    meta = {k: v for k, v in record.items() if k not in (fields.text, fields.id)}
    text = record.get(fields.text)
    if not isinstance(text, str):
        found = "is missing" if text is None else f"is a {_kind(text)}, not a string"
        doc = bad_record(path, number, "InvalidRecord", f"text field {fields.text!r} {found}")
        doc.id, doc.meta = doc_id, meta  # so the failure joins back to the input too
        return doc
    doc = Document(source, text=text, id=doc_id, meta=meta)
    if not text.strip():
        doc.warnings.append("empty document (no text to extract from)")
    return doc


def bad_record(path: str, number: int, kind: str, message: str) -> Document:
    """The error Document of a record that cannot be read; its source names file and line."""
    error = ErrorInfo(type=kind, message=message)
    return Document(record_source(path, number), id=number, error=error)


def bad_file(path: str, kind: str, message: str) -> Document:
    """The error Document of a whole file that cannot be read as records."""
    return Document(path, error=ErrorInfo(type=kind, message=message))


def _id(value: Any) -> str | int:
    # Kept as given when it can be joined on as such; anything else (a float, a list) as text.
    return value if isinstance(value, str | int) and not isinstance(value, bool) else str(value)


def _kind(value: Any) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean"}.get(
        type(value), "number" if isinstance(value, int | float) else type(value).__name__
    )
