"""A long document's record whose lists wait in temporary files, not in memory.

:func:`claimex.longdoc.process_in_chunks` writes each chunk's quotes, figures and claims (and,
at the end, the speakers and organisations) to a :class:`SpilledLists` as JSON lines, ids and
offsets final; the Article it returns has those lists empty and the spill attached. The
streaming writers (JSON, JSON Lines, CSV, Parquet) read the items back one at a time through
:func:`item_dicts`, :func:`items` and :func:`json_pieces`, so memory stays that of one item
however long the document; their bytes are those of the same record held whole. Writers that
lay out a whole document at once (the rich table, the review page) take :func:`materialised`.
The files are anonymous (``tempfile.TemporaryFile``): nothing is left behind, even on a kill.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from typing import IO

from pydantic import BaseModel

from claimex.io.safe import json_line
from claimex.models import Article, Claim, Figure, Organisation, Quote, Speaker

MODELS: dict[str, type[BaseModel]] = {
    "quotes": Quote, "speakers": Speaker, "figures": Figure, "organisations": Organisation,
    "claims": Claim,
}  # fmt: skip
LISTS = tuple(MODELS)


class SpilledLists:
    """The items of each list of one record, one JSON line each (as ``json_line`` writes
    them), and the quotes dropped since (``--min-confidence``), left out when read back."""

    def __init__(self) -> None:
        self.files: dict[str, IO[str]] = {}
        self.counts = dict.fromkeys(LISTS, 0)
        self.dropped: set[str] = set()
        self.read = False

    def add(self, name: str, item: dict | str) -> None:
        """Append ``item`` (a JSON-ready dict, or its line) to the list ``name``."""
        if name not in self.files:
            self.files[name] = tempfile.TemporaryFile(
                "w+", encoding="utf-8", errors="surrogatepass", newline="\n"
            )
        if self.read:  # a reader may have left the file anywhere
            for file in self.files.values():
                file.seek(0, 2)
            self.read = False
        self.files[name].write((item if isinstance(item, str) else json_line(item)) + "\n")
        self.counts[name] += 1

    def lines(self, name: str) -> Iterator[str]:
        """The JSON lines of the list ``name``, in order, without the dropped quotes."""
        file = self.files.get(name)
        if file is None:
            return
        file.flush()
        file.seek(0)
        self.read = True
        for line in file:
            if not self.dropped:
                yield line[:-1]
            else:
                item = _without_dropped(name, json.loads(line), self.dropped)
                if item is not None:
                    yield json_line(item)

    def drop_quotes(self, least: float) -> None:
        """Leave out the quotes of confidence under ``least`` and what points to them (as
        :func:`claimex.article.keep_confident` does to a record held whole)."""
        self.dropped |= {
            q["id"] for q in map(json.loads, self.lines("quotes")) if q["confidence"] < least
        }
        self.counts["quotes"] = sum(1 for _ in self.lines("quotes"))
        self.counts["claims"] = sum(1 for _ in self.lines("claims"))

    def close(self) -> None:
        for file in self.files.values():
            file.close()


def _without_dropped(name: str, item: dict, dropped: set[str]) -> dict | None:
    link = {"quotes": "id", "claims": "quote_id"}.get(name)
    if link is not None and item[link] in dropped:
        return None
    if name == "speakers":
        item["quote_ids"] = [i for i in item["quote_ids"] if i not in dropped]
    elif name == "figures" and item["quote_id"] in dropped:
        item["quote_id"] = None
    return item


def spill_of(record) -> SpilledLists | None:
    """The spilled lists of ``record``, None for a record held whole (or an error record)."""
    return getattr(record, "_spill", None) if isinstance(record, Article) else None


def item_count(record: Article, name: str) -> int:
    spill = spill_of(record)
    return len(getattr(record, name)) if spill is None else spill.counts[name]


def item_dicts(record: Article, name: str) -> Iterator[dict]:
    """The items of the list ``name`` as ``model_dump(mode="json")`` gives them."""
    spill = spill_of(record)
    if spill is None:
        yield from (item.model_dump(mode="json") for item in getattr(record, name))
    else:
        yield from map(json.loads, spill.lines(name))


def items(record: Article, name: str) -> Iterator[BaseModel]:
    """The items of the list ``name`` as models (read back one at a time if spilled)."""
    spill = spill_of(record)
    if spill is None:
        yield from getattr(record, name)
    else:
        yield from map(MODELS[name].model_validate_json, spill.lines(name))


def materialised(record):
    """``record`` with every list in memory: an Article held whole."""
    spill = spill_of(record)
    if spill is None:
        return record
    whole = record.model_copy(update={name: list(items(record, name)) for name in LISTS})
    whole._spill = None
    return whole


def json_pieces(record, indent: int | None = None) -> Iterator[str]:
    """``json_line(record.model_dump(mode="json"), indent=indent)`` in pieces, each spilled
    item read back in its turn."""
    spill = spill_of(record)
    head = record.model_dump(mode="json")
    if spill is None:
        yield json_line(head, indent=indent)
        return
    inner = "" if indent is None else "\n" + " " * indent
    between = ", " if indent is None else "," + inner
    yield "{" + inner
    for number, (key, value) in enumerate(head.items()):
        yield (between if number else "") + json.dumps(key) + ": "
        if key in MODELS and spill.counts[key]:
            yield from _list_pieces(spill.lines(key), indent)
        else:
            yield json_line(value, indent=indent).replace("\n", inner)
    yield ("" if indent is None else "\n") + "}"


def _list_pieces(lines: Iterator[str], indent: int | None) -> Iterator[str]:
    """A list at depth 1 of the record, as ``json.dumps`` lays it out."""
    if indent is None:
        yield "["
        for number, line in enumerate(lines):
            yield (", " if number else "") + line
        yield "]"
        return
    inner = "\n" + " " * (2 * indent)
    yield "["
    for number, line in enumerate(lines):
        text = json_line(json.loads(line), indent=indent).replace("\n", inner)
        yield ("," if number else "") + inner + text
    yield "\n" + " " * indent + "]"
