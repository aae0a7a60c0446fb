"""Reading inputs: paths, directories, stdin; encodings; bad files become error documents."""

from __future__ import annotations

import codecs
import fnmatch
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from claimex.models import ErrorInfo

STDIN = "-"


@dataclass
class Document:
    """One input: its text, or the error that kept it from being read."""

    source: str
    text: str | None = None
    error: ErrorInfo | None = None
    warnings: list[str] = field(default_factory=list)


def walk_directory(path: Path, include: tuple[str, ...] = ()) -> list[Path]:
    """Files below ``path``, recursively and sorted, skipping hidden files and folders."""
    found = []
    for item in sorted(path.rglob("*")):
        relative = item.relative_to(path)
        if any(part.startswith(".") for part in relative.parts) or not item.is_file():
            continue
        if include and not any(fnmatch.fnmatch(item.name, pattern) for pattern in include):
            continue
        found.append(item)
    return found


def decode(data: bytes, encoding: str | None = None) -> str:
    """Decode ``data``: a BOM wins, then ``encoding``, then UTF-8. Raises ValueError."""
    if b"\x00" in data and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ValueError("binary file (contains NUL bytes), not text")
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    name = encoding or "utf-8"
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        hint = "" if encoding else "; pass --encoding (e.g. --encoding cp1252)"
        raise ValueError(f"cannot decode as {name} at byte {exc.start}{hint}") from None


def read_document(source: str, data: bytes, encoding: str | None = None) -> Document:
    try:
        text = decode(data, encoding)
    except (ValueError, LookupError) as exc:
        return Document(source, error=ErrorInfo(type="DecodeError", message=str(exc)))
    doc = Document(source, text=text)
    if not text.strip():
        doc.warnings.append("empty document")
    return doc


def _error(source: str, kind: str, message: str) -> Document:
    return Document(source, error=ErrorInfo(type=kind, message=message))


def iter_documents(
    paths: Iterable[str], include: tuple[str, ...] = (), encoding: str | None = None
) -> Iterator[Document]:
    """Yield one Document per input file; unreadable inputs yield error Documents."""
    for given in paths:
        if given == STDIN:
            yield read_document(STDIN, sys.stdin.buffer.read(), encoding)
            continue
        path = Path(given)
        if path.is_dir():
            files = walk_directory(path, include)
            if not files:
                yield _error(given, "EmptyDirectory", "directory has no files to read")
            for file in files:
                yield _read_path(str(file), file, encoding)
        elif path.exists():
            yield _read_path(given, path, encoding)
        else:
            yield _error(given, "FileNotFound", "no such file or directory")


def _read_path(source: str, path: Path, encoding: str | None) -> Document:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _error(source, type(exc).__name__, exc.strerror or str(exc))
    return read_document(source, data, encoding)
