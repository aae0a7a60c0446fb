"""A corpus cut into partitions, each written as one part file; the manifest of done parts.

Partitions follow the input order: runs of text files, line ranges of an uncompressed JSON
Lines file, row groups of a Parquet file, whole compressed or CSV files (they cannot be cut
without reading them through). Part ``i`` holds exactly the records a local run writes for
those inputs, so the parts concatenated in index order are the local run's output. Any engine
that runs :func:`extract_part` on each partition (Dask, Spark, a shell loop) gets that.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from claimex.errors import ClaimexError
from claimex.io.compressed import compression_of
from claimex.io.formats import format_of, read_range
from claimex.io.records import RecordFields
from claimex.run import Summary, run
from claimex.sources import MAX_BYTES, Document, expand_paths, read_file

MANIFEST = "manifest.jsonl"
DESCRIBED = ("format", "inputs", "start", "count")  # what Partition.describe() gives
PART_FORMATS = ("jsonl", "parquet")
# Documents per partition: a part takes seconds to a minute, against milliseconds of overhead
# (a task, a file, a manifest line), and the last parts, which leave workers idle while they
# finish, are short. A million documents make 31,250 parts, which a scheduler handles well.
PARTITION_SIZE = 32


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read and run: the options of a local run, sent to every worker."""

    encoding: str | None = None
    input_format: str | None = None
    fields: RecordFields = field(default_factory=RecordFields)
    max_bytes: int = MAX_BYTES
    model: str | None = None
    batch_size: int = 16
    join_continuations: bool = True
    lexicons: dict | None = field(default=None, hash=False)  # claimex.config's lists
    min_confidence: float = 0.0


@dataclass(frozen=True)
class Partition:
    """Inputs of one part. ``items``: ``(source, absolute path)`` pairs (or the error Document
    of a path with nothing to read); for a slice of one corpus file, ``start`` and ``count``
    are lines (JSON Lines, ``offset`` the byte where line ``start`` begins) or row groups."""

    index: int
    fmt: str
    items: tuple[tuple[str, str] | Document, ...]
    start: int | None = None
    count: int | None = None
    offset: int = 0

    def describe(self) -> dict:
        """What the manifest records of the partition: its inputs, as given, and its slice."""
        sources = [item.source if isinstance(item, Document) else item[0] for item in self.items]
        return dict(zip(DESCRIBED, (self.fmt, sources, self.start, self.count), strict=True))


class OutputExists(ClaimexError):
    """The output directory holds another run."""


def plan(
    paths: Iterable[str], options: ReadOptions, size: int = PARTITION_SIZE, include=()
) -> list[Partition]:
    """The partitions of ``paths``, in input order."""
    parts: list[Partition] = []
    texts: list[tuple[str, str] | Document] = []

    def add(fmt: str, items: tuple, start=None, count=None, offset=0) -> None:
        parts.append(Partition(len(parts), fmt, items, start, count, offset))

    for item in expand_paths(paths, include):
        if isinstance(item, Document) or _format(item[1], options) == "text":
            texts.append(item if isinstance(item, Document) else (item[0], _absolute(item[1])))
            if len(texts) >= size:
                add("text", tuple(texts))
                texts.clear()
            continue
        if texts:
            add("text", tuple(texts))
            texts.clear()
        source, path = item
        fmt = _format(path, options)
        for start, count, offset in _slices(path, fmt, size):
            add(fmt, ((source, _absolute(path)),), start, count, offset)
    if texts:
        add("text", tuple(texts))
    return parts


def _format(path: Path | None, options: ReadOptions) -> str:
    if path is None:
        raise ClaimexError("stdin cannot be split into partitions: give files or directories")
    return options.input_format or format_of(path.name)


def _absolute(path: Path) -> str:
    return str(path.absolute())


def _slices(path: Path, fmt: str, size: int) -> Iterator[tuple[int | None, int | None, int]]:
    """``(start, count, offset)`` of each slice of a corpus file; ``(None, None, 0)`` for the
    whole of a file that cannot be cut."""
    if fmt == "jsonl" and compression_of(path.name) is None:
        yield from _line_slices(path, size)
    elif fmt == "parquet" and (groups := _row_groups(path)) is not None:
        first, rows = 0, 0
        for group, group_rows in enumerate(groups):
            rows += group_rows
            if rows >= size or group == len(groups) - 1:
                yield first, group - first + 1, 0
                first, rows = group + 1, 0
    else:
        yield None, None, 0


def _line_slices(path: Path, size: int) -> Iterator[tuple[int, int, int]]:
    """Runs of ``size`` lines: one pass over the bytes, nothing kept but the cut points."""
    start, start_offset, line, offset = 1, 0, 1, 0
    with open(path, "rb") as stream:
        for raw in stream:
            line += 1
            offset += len(raw)
            if line - start == size:
                yield start, size, start_offset
                start, start_offset = line, offset
    if line > start:
        yield start, line - start, start_offset


def _row_groups(path: Path) -> list[int] | None:
    """Rows per row group, or None when the file is no Parquet (its reader reports that)."""
    from claimex.io.parquet import pyarrow_parquet

    try:
        metadata = pyarrow_parquet().ParquetFile(path).metadata
    except Exception:  # noqa: BLE001 - read as a whole, the file gives its error record
        return None
    return [metadata.row_group(g).num_rows for g in range(metadata.num_row_groups)] or None


def partition_documents(part: Partition, options: ReadOptions) -> Iterator[Document]:
    """The Documents of one partition, read by the same readers as a local run."""
    read = (options.encoding, options.input_format, options.fields, options.max_bytes)
    if part.start is not None:
        (source, path), = part.items  # fmt: skip
        yield from read_range(
            source, Path(path), part.fmt, options.fields, options.encoding,
            part.start, part.count, part.offset,
        )  # fmt: skip
        return
    for item in part.items:
        if isinstance(item, Document):
            yield item
        else:
            yield from read_file(item[0], Path(item[1]), *read)


def part_name(index: int, fmt: str) -> str:
    return f"part-{index:05d}.{fmt}"


def extract_part(part: Partition, out_dir: str, fmt: str, options: ReadOptions) -> dict:
    """Run one partition through :func:`claimex.run.run`, as a local run does, and write its
    part atomically (``part-00042.jsonl``, or ``TABLE/part-00042.parquet`` for each table).

    Returns the part's manifest entry with its summary and its stderr lines, in order."""
    messages: list[str] = []
    documents = partition_documents(part, options)
    pipeline = {
        "model": options.model,
        "batch_size": options.batch_size,
        "join_continuations": options.join_continuations,
        "lexicons": options.lexicons,
        "min_confidence": options.min_confidence,
    }
    with _part_writer(Path(out_dir), part.index, fmt) as writer:
        summary = run(documents, writer.write, messages.append, messages.append, **pipeline)
    return {
        "part": part.index,
        **part.describe(),
        **{k: v for k, v in asdict(summary).items() if k != "seconds"},
        "messages": messages,
    }


class _JsonLinesPart:
    """A part file of JSON Lines, written beside its name and renamed when complete."""

    def __init__(self, path: Path):
        from claimex.render import JsonLinesWriter

        self.path = path
        self.temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        self.stream = open(self.temporary, "w", encoding="utf-8", newline="")  # noqa: SIM115
        self.writer = JsonLinesWriter(self.stream)
        self.write = self.writer.write

    def __enter__(self):
        return self

    def __exit__(self, exc_type, *exc_info) -> None:
        self.stream.close()
        if exc_type is None:
            os.replace(self.temporary, self.path)
        else:
            self.temporary.unlink(missing_ok=True)


def _part_writer(out_dir: Path, index: int, fmt: str):
    if fmt == "parquet":
        from claimex.io.tables import ParquetTables

        return ParquetTables(out_dir, part=index)
    return _JsonLinesPart(out_dir / part_name(index, fmt))


def part_done(out_dir: Path, index: int, fmt: str) -> bool:
    if fmt == "parquet":
        from claimex.io.tables import TABLES

        return all((out_dir / t / part_name(index, fmt)).exists() for t in TABLES)
    return (out_dir / part_name(index, fmt)).exists()


class Manifest:
    """``manifest.jsonl`` in the output directory: a header naming the run's format and
    partition size, then one line per completed part, appended and synced as each finishes."""

    def __init__(self, out_dir: Path, fmt: str, size: int):
        self.path = out_dir / MANIFEST
        self.header = {"manifest": 1, "format": fmt, "partition_size": size}
        self.fmt = fmt

    def done(self, parts: list[Partition], resume: bool) -> dict[int, dict]:
        """The entries of the parts already complete (``resume``); starts a new manifest
        otherwise, refusing a directory that holds another run."""
        if not self.path.exists():
            self._append(self.header)
            return {}
        if not resume:
            raise OutputExists(
                f"{self.path.parent} holds an earlier run ({MANIFEST}): pass --resume to "
                "finish it, or write to an empty directory"
            )
        lines = self.path.read_text(encoding="utf-8").splitlines()
        entries = [json.loads(line) for line in lines[:-1]]
        try:  # the last line may be cut short by a crash mid-write
            entries.append(json.loads(lines[-1]))
        except (IndexError, ValueError):
            pass
        if not entries or entries[0] != self.header:
            raise OutputExists(f"{self.path} is of another run (format or partition size)")
        planned = {p.index: p.describe() for p in parts}
        for entry in entries[1:]:
            if planned.get(entry["part"]) != {k: entry.get(k) for k in DESCRIBED}:
                raise OutputExists(
                    f"the inputs are not those of the run in {self.path.parent} (part "
                    f"{entry['part']} differs): give the same ones, or an empty directory"
                )
        out_dir = self.path.parent
        return {e["part"]: e for e in entries[1:] if part_done(out_dir, e["part"], self.fmt)}

    def record(self, entry: dict) -> None:
        self._append({k: v for k, v in entry.items() if k != "messages"})

    def _append(self, entry: dict) -> None:
        with open(self.path, "a", encoding="utf-8") as stream:
            stream.write(json.dumps(entry, ensure_ascii=False) + "\n")
            stream.flush()
            os.fsync(stream.fileno())


def add_entry(summary: Summary, entry: dict) -> None:
    """Count a part's documents, quotes, figures and failures into the run's summary."""
    for name in ("documents", "failed", "quotes", "figures"):
        setattr(summary, name, getattr(summary, name) + entry[name])


def remove_leftovers(out_dir: Path) -> None:
    """Unfinished part files of workers that died (their partitions were run again)."""
    for leftover in out_dir.glob("**/.part-*.tmp"):
        leftover.unlink(missing_ok=True)
