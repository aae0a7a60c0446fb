"""Word lists as data files in this folder: one entry per line, ``#`` starts a comment.

Each file is read once per process (``functools.cache``).
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of ``name`` (e.g. ``"titles.txt"``) as written, comments and blanks dropped."""
    text = files(__package__).joinpath(name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(line for line in lines if line)


@cache
def words(name: str) -> frozenset[str]:
    """The entries of ``name`` lower-cased, for case-insensitive membership tests."""
    return frozenset(entry.lower() for entry in entries(name))
