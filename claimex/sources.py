"""Reading inputs: paths, directories, stdin; encodings; bad files become error documents."""

from __future__ import annotations

import codecs
import fnmatch
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimex.models import ErrorInfo

if TYPE_CHECKING:
    from claimex.io.records import RecordFields

STDIN = "-"


@dataclass
class Document:
    """One input: its text, or the error that kept it from being read. A record of a corpus
    file (JSON Lines, CSV, Parquet) also has an ``id`` and the record's other fields, ``meta``."""

    source: str
    text: str | None = None
    error: ErrorInfo | None = None
    warnings: list[str] = field(default_factory=list)
    id: str | int | None = None
    meta: dict[str, Any] | None = None


def included(relative: Path, include: tuple[str, ...]) -> bool:
    """Whether a file matches one of the ``--include`` globs, by name or by relative path.

    claimex matches the globs itself so ``--include '*.txt'`` works where the shell does not
    expand patterns (Windows) and inside directories."""
    if not include:
        return True
    return any(
        fnmatch.fnmatch(relative.name, pattern) or fnmatch.fnmatch(relative.as_posix(), pattern)
        for pattern in include
    )


def walk_directory(path: Path, include: tuple[str, ...] = ()) -> list[Path]:
    """Files below ``path``, recursively and sorted, skipping hidden files and folders."""
    found = []
    for item in sorted(path.rglob("*")):
        relative = item.relative_to(path)
        if any(part.startswith(".") for part in relative.parts) or not item.is_file():
            continue
        if included(relative, include):
            found.append(item)
    return found


# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
BINARY = "binary file (contains NUL bytes), not text"


class BinaryInput(ValueError):
    """The bytes are not text at all."""


class UndecodableInput(ValueError):
    """The bytes are not valid in the encoding tried."""


def decode(data: bytes, encoding: str | None = None) -> str:
    """Decode ``data``: a BOM wins, then ``encoding``, then UTF-8.

    Raises BinaryInput or UndecodableInput (both ValueError)."""
    name = next((codec for bom, codec in BOMS if data.startswith(bom)), None)
    if name is None and encoding is None and b"\x00" in data:
        raise BinaryInput(BINARY)
    name = name or encoding or "utf-8"
    try:
        text = data.decode(name)
    except UnicodeDecodeError as exc:
        hint = "try another --encoding" if encoding else "pass --encoding (e.g. --encoding cp1252)"
        raise UndecodableInput(f"cannot decode as {name} at byte {exc.start}; {hint}") from None
    if "\x00" in text:
        raise BinaryInput(BINARY)
    return text


def read_document(source: str, data: bytes, encoding: str | None = None) -> Document:
    """A Document from raw bytes: decoded text, or the error that kept it from decoding."""
    try:
        text = decode(data, encoding)
    except BinaryInput as exc:
        return _error(source, "BinaryFile", str(exc))
    except (UndecodableInput, LookupError) as exc:
        return _error(source, "DecodeError", str(exc))
    doc = Document(source, text=text)
    if not text.strip():
        doc.warnings.append("empty document (no text to extract from)")
    return doc


def _error(source: str, kind: str, message: str) -> Document:
    return Document(source, error=ErrorInfo(type=kind, message=message))


def iter_documents(
    paths: Iterable[str],
    include: tuple[str, ...] = (),
    encoding: str | None = None,
    input_format: str | None = None,
    fields: RecordFields | None = None,
) -> Iterator[Document]:
    """Yield one Document per text file and one per record of a corpus file (JSON Lines, CSV,
    Parquet: ``input_format``, else by extension; ``fields`` names the text and id fields);
    unreadable inputs yield error Documents."""
    for item in expand_paths(paths, include):
        if isinstance(item, Document):
            yield item
        else:
            yield from read_file(*item, encoding, input_format, fields)


def expand_paths(
    paths: Iterable[str], include: tuple[str, ...] = ()
) -> Iterator[tuple[str, Path | None] | Document]:
    """``(source, path)`` for every file to read, in order (``(STDIN, None)`` for stdin), and
    an error Document for a path that names nothing to read."""
    for given in paths:
        if given == STDIN:
            yield STDIN, None
            continue
        path = Path(given)
        if path.is_dir():
            files = walk_directory(path, include)
            if not files:
                matching = " matching --include" if include else ""
                yield _error(given, "EmptyDirectory", f"directory has no files{matching} to read")
            for file in files:
                yield str(file), file
        elif path.exists():
            yield given, path
        else:
            yield _error(given, "FileNotFound", "no such file or directory")


def read_file(
    source: str,
    path: Path | None,
    encoding: str | None = None,
    input_format: str | None = None,
    fields: RecordFields | None = None,
) -> Iterator[Document]:
    """The Documents of one file (stdin if ``path`` is None): one for a text file, one per
    record of a corpus file (read by :mod:`claimex.io`)."""
    from claimex.io.compressed import compression_of
    from claimex.io.formats import format_of, read_path, read_stream
    from claimex.io.records import RecordFields

    fmt = input_format or ("text" if path is None else format_of(path.name))
    if fmt == "text" and path is None:
        yield read_document(STDIN, sys.stdin.buffer.read(), encoding)
    elif fmt == "text" and compression_of(path.name) is None:
        yield _read_path(source, path, encoding)
    elif path is None:
        yield from read_stream(source, sys.stdin.buffer, fmt, fields or RecordFields(), encoding)
    else:
        yield from read_path(source, path, fmt, fields or RecordFields(), encoding)


def _read_path(source: str, path: Path, encoding: str | None) -> Document:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _error(source, type(exc).__name__, exc.strerror or str(exc))
    return read_document(source, data, encoding)
