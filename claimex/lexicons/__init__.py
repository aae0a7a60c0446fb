"""Word lists as data files in this folder: one entry per line, ``#`` starts a comment.

A user's config (:mod:`claimex.config`) may add entries to some lists or replace them: an
:class:`Overlay`. The claimex components carry theirs (their ``lexicons`` config) and put it
in use before each document (:func:`use`), so the lists a component reads are always its own,
in worker processes too. Entries are cached per overlay; the tables built from them (compiled
patterns, lookups: ``functools.cache`` functions of the modules behind the components) are
cleared when the overlay in use changes, which in a normal run happens once per process.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

# Modules whose cached tables are built from the lists (see use()).
DERIVED = ("claimex.quotes", "claimex.figures", "claimex.entities", "claimex.components")


@dataclass(frozen=True)
class Overlay:
    """Changes to the packaged lists: ``(file, replaces, entries)`` triples, by file name."""

    changes: tuple[tuple[str, bool, tuple[str, ...]], ...] = ()

    @classmethod
    def from_config(cls, lists: Mapping[str, Any] | None) -> Overlay:
        """The overlay of a ``lexicons`` config (see :class:`claimex.config.LexiconConfig`);
        raises claimex.errors.ConfigError on a bad one."""
        if not lists:
            return PACKAGED
        from claimex.config import validate_lists

        changes = validate_lists(dict(lists)).changes()
        return cls(tuple((file, replaces, lines) for file, (replaces, lines) in changes.items()))

    def change(self, name: str) -> tuple[bool, tuple[str, ...]] | None:
        return next(((r, e) for file, r, e in self.changes if file == name), None)


PACKAGED = Overlay()
_active = PACKAGED
# The lists in use, by file name: plain dicts emptied when the overlay changes, so that the
# many calls of words() in the rules cost one lookup.
_entries: dict[str, tuple[str, ...]] = {}
_words: dict[str, frozenset[str]] = {}


def use(overlay: Overlay | None) -> None:
    """Put ``overlay`` (None: the packaged lists alone) in use for what follows."""
    global _active
    overlay = overlay or PACKAGED
    if overlay is _active or overlay == _active:
        return
    _active = overlay
    _entries.clear()
    _words.clear()
    for name, module in list(sys.modules.items()):
        if module is not None and name.startswith(DERIVED):
            for value in vars(module).values():
                if getattr(value, "__module__", None) == name and hasattr(value, "cache_clear"):
                    value.cache_clear()


@cache
def packaged(name: str) -> tuple[str, ...]:
    """The entries of file ``name`` as written, comments and blanks dropped."""
    text = files(__package__).joinpath(name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(line for line in lines if line)


def entries(name: str) -> tuple[str, ...]:
    """The entries of ``name`` (e.g. ``"titles.txt"``) in use: packaged, and the overlay's."""
    found = _entries.get(name)
    if found is None:
        change = _active.change(name)
        if change is None:
            found = packaged(name)
        else:
            replaces, extra = change
            found = extra if replaces else packaged(name) + extra
        _entries[name] = found
    return found


def words(name: str) -> frozenset[str]:
    """The entries of ``name`` lower-cased, for case-insensitive membership tests."""
    found = _words.get(name)
    if found is None:
        found = _words[name] = frozenset(entry.lower() for entry in entries(name))
    return found


def sizes() -> dict[str, int]:
    """Entries in use per list file, for ``claimex info``."""
    names = sorted(
        p.name for p in files(__package__).iterdir() if p.name.endswith((".txt", ".tsv"))
    )
    return {name: len(entries(name)) for name in names}
