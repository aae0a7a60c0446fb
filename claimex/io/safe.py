"""Output that cannot hurt its reader: a spreadsheet, a terminal, a line-based JSON reader.

- CSV: a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be
  run as a formula by spreadsheet programs (CSV injection); it is prefixed with a single
  quote, as OWASP recommends.
- Terminal: control characters (ESC starts escape sequences that can rewrite the screen or
  the window title) and bidirectional overrides in file names or article text are shown as
  ``\\x1b``-style escapes in stderr lines and table cells.
- JSON Lines: JSON escapes the C0 controls itself, but leaves U+0085, U+2028 and U+2029,
  which ``str.splitlines()`` and some JSON readers take for line ends; they are escaped too,
  so every record stays on one line.
"""

from __future__ import annotations

import json
import re
from typing import TypeVar

from pydantic import BaseModel

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
JSON_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})
# Bidirectional embeddings, overrides and isolates: they reorder what a terminal shows.
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
UNSAFE_RE = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI_CONTROLS}]")
M = TypeVar("M", bound=BaseModel)


def json_line(value, **options) -> str:
    """``json.dumps(value, ensure_ascii=False)`` with every line-breaking code point escaped."""
    return json.dumps(value, ensure_ascii=False, **options).translate(JSON_LINE_BREAKS)


def csv_cell(value):
    """``value``, with a text that a spreadsheet would run as a formula made plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def visible(text: str, keep: str = "") -> str:
    """``text`` with control characters (but those in ``keep``) shown as escapes."""

    def escape(match: re.Match) -> str:
        char = match.group()
        if char in keep:
            return char
        code = ord(char)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return UNSAFE_RE.sub(escape, text)


def visible_record(record: M) -> M:
    """A copy of ``record`` whose every string is :func:`visible` (line breaks and tabs kept,
    they lay out a table cell)."""
    return type(record).model_validate(_visible(record.model_dump()))


def _visible(value):
    if isinstance(value, str):
        return visible(value, keep="\n\t")
    if isinstance(value, dict):
        return {key: _visible(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_visible(item) for item in value]
    return value
