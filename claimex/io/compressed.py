"""Compressed inputs: ``.gz``, ``.bz2`` and ``.xz`` files, opened as streams of their bytes."""

from __future__ import annotations

import bz2
import gzip
import lzma
from pathlib import Path
from typing import IO

OPENERS = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}


def compression_of(name: str) -> str | None:
    """The compression suffix of a file name (``corpus.jsonl.gz`` -> ``.gz``), or None."""
    suffix = Path(name).suffix.lower()
    return suffix if suffix in OPENERS else None


def inner_name(name: str) -> str:
    """The name without its compression suffix (``corpus.jsonl.gz`` -> ``corpus.jsonl``)."""
    return name[: -len(suffix)] if (suffix := compression_of(name)) else name


def open_binary(path: Path) -> IO[bytes]:
    """The file's bytes, decompressed as its suffix says."""
    suffix = compression_of(path.name)
    return OPENERS[suffix](path, "rb") if suffix else open(path, "rb")  # noqa: SIM115
