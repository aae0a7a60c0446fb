"""Reading gold annotations: claimex's own JSON Lines format and brat standoff folders.

Both give plain dicts in the JSON Lines format (``id``, ``text`` and any of ``quotes``,
``figures``, ``organisations``; see the README), which the matching reads.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from claimex.errors import InputError

# Quote marks that open and close a quotation; a straight double quote toggles.
OPENING = "\u201c\u00ab\u201e"
CLOSING = "\u201d\u00bb"
DIRECT_SHARE = 0.95  # share of a content's letters inside quote marks that makes it direct

# brat entity labels, as quote corpora name them (PolNeAR: Content, Source, Cue).
CONTENT_LABELS = {"quote", "content"}
SOURCE_LABELS = {"source", "speaker"}
CUE_LABELS = {"cue"}


def safe_id(doc_id: str) -> str:
    """The file name stem a document is written under (as ``claimex-score`` does)."""
    return re.sub(r"[^A-Za-z0-9._-]+", "__", doc_id)


def read_gold(path: str | Path) -> list[dict]:
    """Gold documents from a JSON Lines file (or one JSON document) or a brat folder."""
    path = Path(path)
    if path.is_dir():
        docs = list(read_brat(path))
        if not docs:
            raise InputError(f"{path}: no brat .ann files with a .txt beside them")
        return docs
    if not path.is_file():
        raise InputError(f"{path}: no such file or directory")
    return read_jsonl(path)


def read_jsonl(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8").strip()
    if text.startswith("{") and "\n{" not in text:
        lines = [text]
    else:
        lines = [line for line in text.split("\n") if line.strip()]
    docs = []
    for number, line in enumerate(lines, 1):
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: not JSON ({exc.msg})") from None
        if not isinstance(doc, dict) or not isinstance(doc.get("text"), str) or "id" not in doc:
            raise InputError(f"{path}:{number}: a gold document needs an 'id' and a 'text'")
        docs.append(doc)
    return docs


def quoted_share(text: str, spans: list[tuple[int, int]]) -> float:
    """Share of the content's letters that stand inside quote marks."""
    letters = inside = 0
    quoted = False
    for start, end in spans:
        for char in text[start:end]:
            if char == '"':
                quoted = not quoted
            elif char in OPENING:
                quoted = True
            elif char in CLOSING:
                quoted = False
            elif char.isalpha():
                letters += 1
                inside += quoted
    return inside / letters if letters else 0.0


def quote_kind(text: str, spans: list[tuple[int, int]]) -> str:
    share = quoted_share(text, spans)
    if share >= DIRECT_SHARE:
        return "direct"
    return "indirect" if share == 0 else "mixed"


def read_brat(folder: Path) -> Iterator[dict]:
    """One gold document per ``NAME.ann`` with a ``NAME.txt`` beside it (recursively, sorted).

    Content spans (label ``Quote`` or ``Content``) become quotes; the ``Source``/``Speaker``
    and ``Cue`` spans linked to them by an event (``E1 Attribution:T4 Content:T3 Cue:T2
    Source:T1``) or a relation (``R1 Source Arg1:T1 Arg2:T3``) become their speaker and cue."""
    for ann in sorted(folder.rglob("*.ann")):
        txt = ann.with_suffix(".txt")
        if any(part.startswith(".") for part in ann.relative_to(folder).parts) or not txt.is_file():
            continue
        text = txt.read_text(encoding="utf-8-sig")
        try:
            quotes = brat_quotes(text, ann.read_text("utf-8"))
        except (ValueError, KeyError, IndexError) as exc:
            raise InputError(f"{ann}: not brat standoff ({exc})") from None
        yield {"id": ann.stem, "text": text, "quotes": quotes}


def _parse_ann(ann: str) -> tuple[dict, list[list[str]]]:
    """Text-bound spans by id (label, pieces) and the argument ids of each event/relation."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    links: list[list[str]] = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if len(fields) < 2:
            continue
        ident, body = fields[0], fields[1]
        if ident.startswith("T"):
            label, _, offsets = body.partition(" ")
            pieces = [tuple(int(n) for n in piece.split()) for piece in offsets.split(";")]
            spans[ident] = (label.lower(), [(s, e) for s, e in pieces])
        elif ident.startswith(("E", "R")):
            links.append([arg.split(":", 1)[1] for arg in body.split() if ":" in arg])
    return spans, links


def brat_quotes(text: str, ann: str) -> list[dict]:
    spans, links = _parse_ann(ann)
    roles: dict[str, dict[str, str]] = {}  # content id -> {"source": id, "cue": id}
    for ids in links:
        contents = [i for i in ids if spans.get(i, ("",))[0] in CONTENT_LABELS]
        for content in contents:
            for other in ids:
                label = spans.get(other, ("",))[0]
                if label in SOURCE_LABELS:
                    roles.setdefault(content, {})["source"] = other
                elif label in CUE_LABELS:
                    roles.setdefault(content, {})["cue"] = other
    quotes = []
    for ident, (label, pieces) in spans.items():
        if label not in CONTENT_LABELS:
            continue
        start, end = pieces[0][0], pieces[-1][1]
        quote = {
            "text": text[start:end],
            "start": start,
            "end": end,
            "spans": [{"start": s, "end": e, "text": text[s:e]} for s, e in pieces],
            "kind": quote_kind(text, pieces),
            "ann_id": ident,
        }
        for role, key in (("source", "speaker"), ("cue", "cue")):
            linked = roles.get(ident, {}).get(role)
            if linked:
                first, last = spans[linked][1][0][0], spans[linked][1][-1][1]
                quote.update({key: text[first:last], f"{key}_start": first, f"{key}_end": last})
        quotes.append(quote)
    quotes.sort(key=lambda q: (q["start"], q["end"]))
    return quotes
