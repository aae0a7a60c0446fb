"""Reading inputs: paths, directories, stdin; encodings; bad files become error documents."""

from __future__ import annotations

import codecs
import errno
import fnmatch
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimex.models import ErrorInfo

if TYPE_CHECKING:
    from claimex.io.records import RecordFields

STDIN = "-"
# Bytes read of one input at most: a larger one is an error record, so a runaway file (or
# /dev/zero) cannot exhaust memory. Generous: news articles are kilobytes.
MAX_BYTES = 100_000_000
READ_BLOCK = 1 << 20


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


@dataclass(frozen=True)
class Unreadable:
    """An entry of a walked directory that cannot be read as a file; it becomes an error
    record in its place."""

    path: Path
    type: str
    message: str

    @property
    def name(self) -> str:
        return self.path.name


def walk_directory(path: Path, include: tuple[str, ...] = ()) -> list[Path | Unreadable]:
    """Files below ``path``, recursively and sorted, skipping hidden files and folders;
    in their places, what cannot be read: a subdirectory that cannot be listed, a FIFO or
    device, a broken link, a symbolic link looping back to a folder above it."""
    found: list[Path | Unreadable] = []
    _walk(path, path, include, found, {_inode(path)})
    return found


def count_records(
    paths: Iterable[str], include: tuple[str, ...] = (), input_format: str | None = None
) -> int | None:
    """How many records a run over ``paths`` writes, when that is cheap to know: one per text
    file (files are listed, not read), per missing path or empty directory; None when reading
    stdin or a corpus file (JSON Lines, CSV, Parquet: one record per line or row)."""
    from claimex.io.formats import format_of

    if STDIN in paths or input_format not in (None, "text"):
        return None
    total = 0
    for given in paths:
        path = Path(given)
        files = walk_directory(path, include) if path.is_dir() else [path]
        if any(format_of(file.name) != "text" for file in files):
            return None
        total += max(1, len(files))
    return total


def _inode(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_dev, info.st_ino


def _walk(
    root: Path, folder: Path, include: tuple[str, ...], found: list, above: set[tuple[int, int]]
) -> None:
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        found.append(Unreadable(folder, type(exc).__name__, _reason(exc, "cannot list folder")))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        item = Path(entry.path)
        try:
            info = item.stat()  # follows links
        except OSError as exc:
            if included(item.relative_to(root), include):
                found.append(Unreadable(item, *_stat_error(exc)))
            continue
        if stat.S_ISDIR(info.st_mode):
            inode = (info.st_dev, info.st_ino)
            if inode in above:
                found.append(Unreadable(item, "SymlinkLoop", "symbolic link to a folder above it"))
            else:
                _walk(root, item, include, found, above | {inode})
        elif included(item.relative_to(root), include):
            if stat.S_ISREG(info.st_mode):
                found.append(item)
            else:
                kind = "a FIFO" if stat.S_ISFIFO(info.st_mode) else "a device or socket"
                message = f"{kind}, not a regular file: skipped inside a folder"
                found.append(Unreadable(item, "NotARegularFile", message))


def _stat_error(exc: OSError) -> tuple[str, str]:
    if exc.errno == errno.ELOOP:
        return "SymlinkLoop", "symbolic link loop (too many levels of symbolic links)"
    if exc.errno == errno.ENOENT:
        return "FileNotFound", "no such file or directory (or a broken symbolic link)"
    return type(exc).__name__, _reason(exc, "cannot read")


def _reason(exc: OSError, fallback: str) -> str:
    return exc.strerror or str(exc) or fallback


def display_name(path: str | os.PathLike) -> str:
    """``path`` as text for records and messages: bytes that are not UTF-8 (old archives)
    shown escaped (``\\xe9``), so the output stays valid UTF-8."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


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
    max_bytes: int = MAX_BYTES,
) -> Iterator[Document]:
    """Yield one Document per text file and one per record of a corpus file (JSON Lines, CSV,
    Parquet: ``input_format``, else by extension; ``fields`` names the text and id fields);
    unreadable inputs, and text files over ``max_bytes``, yield error Documents."""
    for item in expand_paths(paths, include):
        if isinstance(item, Document):
            yield item
        else:
            yield from read_file(*item, encoding, input_format, fields, max_bytes)


def expand_paths(
    paths: Iterable[str], include: tuple[str, ...] = ()
) -> Iterator[tuple[str, Path | None] | Document]:
    """``(source, path)`` for every file to read, in order (``(STDIN, None)`` for stdin), and
    an error Document for a path that names nothing to read (or a folder's entry that cannot
    be read). Sources show undecodable bytes of file names escaped."""
    for given in paths:
        if given == STDIN:
            yield STDIN, None
            continue
        path, source = Path(given), display_name(given)
        try:
            is_dir = stat.S_ISDIR(path.stat().st_mode)
        except OSError as exc:
            yield _error(source, *_stat_error(exc))
            continue
        if not is_dir:
            yield source, path
            continue
        files = walk_directory(path, include)
        if not files:
            matching = " matching --include" if include else ""
            yield _error(source, "EmptyDirectory", f"directory has no files{matching} to read")
        for file in files:
            if isinstance(file, Unreadable):
                yield _error(display_name(file.path), file.type, file.message)
            else:
                yield display_name(file), file


def read_file(
    source: str,
    path: Path | None,
    encoding: str | None = None,
    input_format: str | None = None,
    fields: RecordFields | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Document]:
    """The Documents of one file (stdin if ``path`` is None): one for a text file (an error
    one past ``max_bytes``), one per record of a corpus file (read by :mod:`claimex.io`)."""
    from claimex.io.compressed import compression_of
    from claimex.io.formats import format_of, read_path, read_stream
    from claimex.io.records import RecordFields

    fmt = input_format or ("text" if path is None else format_of(path.name))
    if fmt == "text" and path is None:
        yield _read_stream(STDIN, sys.stdin.buffer, encoding, max_bytes)
    elif fmt == "text" and compression_of(path.name) is None:
        yield _read_path(source, path, encoding, max_bytes)
    elif path is None:
        yield from read_stream(source, sys.stdin.buffer, fmt, fields or RecordFields(), encoding)
    else:
        yield from read_path(source, path, fmt, fields or RecordFields(), encoding)


def _read_path(source: str, path: Path, encoding: str | None, max_bytes: int) -> Document:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO or a device: no size to check first
            with path.open("rb") as stream:
                return _read_stream(source, stream, encoding, max_bytes)
        if info.st_size > max_bytes:
            return _too_large(source, max_bytes)
        data = path.read_bytes()
    except OSError as exc:
        return _error(source, type(exc).__name__, _reason(exc, "cannot read"))
    if len(data) > max_bytes:  # it grew since
        return _too_large(source, max_bytes)
    return read_document(source, data, encoding)


def _read_stream(source: str, stream, encoding: str | None, max_bytes: int) -> Document:
    """Read at most ``max_bytes``, in blocks (stdin, /dev/zero...)."""
    blocks, size = [], 0
    while size <= max_bytes:
        block = stream.read(min(READ_BLOCK, max_bytes + 1 - size))
        if not block:
            break
        blocks.append(block)
        size += len(block)
    if size > max_bytes:
        return _too_large(source, max_bytes)
    return read_document(source, b"".join(blocks), encoding)


def _too_large(source: str, max_bytes: int) -> Document:
    message = f"over the size limit of {max_bytes:,} bytes (raise it with --max-size)"
    return _error(source, "TooLarge", message)
