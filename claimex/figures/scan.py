"""``Pattern.finditer`` for the figure patterns, tried only where a match can start.

Python's ``re`` skips ahead quickly only to a literal or character class that opens a pattern;
the figure patterns open with a look-behind ("not after a letter"), so ``finditer`` tries them
at every character of the text. Every match of these patterns starts at, or a few characters
before, a run of digits (or at one of a few words), so :func:`finditer_at` tries them at those
positions only, in order, skipping what a match consumed: the same matches as ``finditer``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

DIGIT_RUN_RE = re.compile(r"\d+")
WORD_RE = re.compile(r"[A-Za-z]+")


def finditer_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match]:
    """The matches of ``pattern`` that ``finditer`` gives when no match can start outside the
    ascending positions ``starts``."""
    position = 0
    for start in starts:
        if start < position:
            continue
        match = pattern.match(text, start)
        if match:
            yield match
            position = max(match.end(), start + 1)


@lru_cache(maxsize=4)
def digit_runs(text: str) -> tuple[int, ...]:
    """Where each run of digits starts (shared by the number and date scans of one text)."""
    return tuple(match.start() for match in DIGIT_RUN_RE.finditer(text))


def before_digits(text: str, back: int = 0, first: str = "") -> list[int]:
    """Each digit run's start, and the positions up to ``back`` characters before it whose
    character is in ``first`` (a currency sign, a minus, an opening bracket)."""
    starts: list[int] = []
    last = -1
    for run in digit_runs(text):
        for start in range(max(run - back, last + 1), run):
            if text[start] in first:
                starts.append(start)
        if run > last:
            starts.append(run)
        last = run
    return starts


def trie_pattern(words: Iterable[str]) -> str:
    """One regex alternative for literal ``words``, factored by common prefixes so that re
    tries a letter or two, not every word, at each position."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_branch(tree)


def _trie_branch(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _trie_branch(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body


@lru_cache(maxsize=16)
def _words_re(words: frozenset[str]) -> re.Pattern[str]:
    # A non-letter, then a whole word: re skips ahead to the non-letters.
    return re.compile(rf"[^a-z](?:{trie_pattern(sorted(words))})(?![a-z])")


@lru_cache(maxsize=4)
def _lowered(text: str) -> str | None:
    """ " " + ``text`` in lower case, when lowering keeps every offset (it does not for "İ")."""
    lowered = text.lower()
    return " " + lowered if len(lowered) == len(text) else None


def at_words(text: str, words: frozenset[str]) -> list[int]:
    """Where each word of ``words`` (lower case, letters only) stands whole in ``text``."""
    lowered = _lowered(text)
    if lowered is None:
        return [m.start() for m in WORD_RE.finditer(text) if m.group().lower() in words]
    return [match.start() for match in _words_re(words).finditer(lowered)]
