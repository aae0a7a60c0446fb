"""Article text as HTML with nested highlights, built from sorted span boundaries.

Highlights may nest (a figure inside a quote) or cross (an organisation name running past a
quote's end); elements must nest, so a span still open when an inner one ends is closed and
reopened around the cut. A reopened fragment keeps its classes and details but not its ``id``
or ``tabindex``, so each item is one anchor and one tab stop. Every piece of text is escaped.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from html import escape


@dataclass
class Mark:
    """A highlight over ``text[start:end]``; ``layer`` orders marks starting together
    (lower is outer)."""

    start: int
    end: int
    tag: str
    attrs: dict[str, str | None] = field(default_factory=dict)  # None: left out
    layer: int = 0


ONCE = ("id", "tabindex")  # attributes only the first fragment of a cut mark keeps


def attributes(attrs: dict[str, str | None]) -> str:
    return "".join(
        f' {name}="{escape(str(value), quote=True)}"' for name, value in attrs.items() if value
    )


def _open(mark: Mark, first: bool) -> str:
    attrs = mark.attrs if first else {k: v for k, v in mark.attrs.items() if k not in ONCE}
    return f"<{mark.tag}{attributes(attrs)}>"


def _outer_first(mark: Mark) -> tuple[int, int]:
    return -mark.end, mark.layer


def nest(text: str, marks: list[Mark]) -> str:
    """``text`` escaped, with every mark as an element around its characters."""
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    starting: dict[int, list[Mark]] = defaultdict(list)
    for mark in marks:
        starting[mark.start].append(mark)
    cuts = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    out: list[str] = []
    stack: list[Mark] = []
    for i, pos in enumerate(cuts):
        ending = [depth for depth, m in enumerate(stack) if m.end <= pos]
        if ending:
            cut = min(ending)
            out.extend(f"</{m.tag}>" for m in reversed(stack[cut:]))
            reopen = sorted((m for m in stack[cut:] if m.end > pos), key=_outer_first)
            del stack[cut:]
            for mark in reopen:
                out.append(_open(mark, first=False))
                stack.append(mark)
        for mark in sorted(starting.get(pos, ()), key=_outer_first):
            out.append(_open(mark, first=True))
            stack.append(mark)
        if i + 1 < len(cuts):
            out.append(escape(text[pos : cuts[i + 1]], quote=False))
    return "".join(out)
