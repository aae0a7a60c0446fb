"""What went wrong, item by item: missed and spurious quotes and figures with their context,
for a person to read (text), a program (JSON Lines) or a browser (the review page)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO

from claimex.evaluate.match import figure_value_ok
from claimex.evaluate.metrics import DocResult, summarize

CONTEXT = 60  # characters shown either side of an item


def context(text: str, start: int, end: int, width: int = CONTEXT) -> str:
    """The item in brackets with some text either side, on one line."""
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    line = f"{before}[[{text[start:end]}]]{after}"
    return " ".join(line.split())


def _quote_item(doc_id: str, text: str, error: str, q: dict) -> dict:
    speaker = q.get("speaker")
    item = {
        "doc": doc_id,
        "item": "quote",
        "error": error,
        "start": q["start"],
        "end": q["end"],
        "text": text[q["start"] : q["end"]],
        "speaker": speaker.get("text") if isinstance(speaker, dict) else speaker,
        "cue": q["cue"].get("text") if isinstance(q.get("cue"), dict) else q.get("cue"),
        "kind": q.get("kind"),
    }
    if "rule" in q:
        item.update(rule=q["rule"], confidence=q.get("confidence"))
    item["context"] = context(text, q["start"], q["end"])
    return item


def _bounds(f: dict) -> list | None:
    return [f["low"], f["high"]] if f.get("low") is not None else None


def _figure_item(doc_id: str, text: str, error: str, f: dict, other: dict | None = None) -> dict:
    item = {
        "doc": doc_id,
        "item": "figure",
        "error": error,
        "start": f["start"],
        "end": f["end"],
        "text": text[f["start"] : f["end"]],
        "value": f.get("value"),
        "range": f.get("value_range") or _bounds(f),
    }
    if other is not None:
        item["gold_value"] = other.get("value")
        item["gold_range"] = other.get("value_range")
    item["context"] = context(text, f["start"], f["end"])
    return item


def errors(result: DocResult) -> Iterator[dict]:
    """Missed gold and spurious predicted quotes, then figures (also wrong values), in text
    order within each group."""
    doc_id, text = str(result.gold["id"]), result.gold["text"]
    matched = {p.gold for p in result.quotes if p.gold is not None}
    items = [
        _quote_item(doc_id, text, "missed", q)
        for i, q in enumerate(result.gold.get("quotes") or [])
        if i not in matched and not q.get("optional")
    ]
    items += [
        _quote_item(doc_id, text, "spurious", p.pred) for p in result.quotes if p.gold is None
    ]
    yield from sorted(items, key=lambda item: item["start"])
    found = {p.gold for p in result.figures if p.gold is not None}
    items = [
        _figure_item(doc_id, text, "missed", f)
        for i, f in enumerate(result.gold_figures)
        if i not in found
    ]
    for pair in result.figures:
        if pair.gold is None:
            items.append(_figure_item(doc_id, text, "spurious", pair.pred))
        elif not figure_value_ok(result.gold_figures[pair.gold], pair.pred):
            gold = result.gold_figures[pair.gold]
            items.append(_figure_item(doc_id, text, "wrong_value", pair.pred, gold))
    yield from sorted(items, key=lambda item: item["start"])


def write_errors(results: list[DocResult], stream: IO[str], fmt: str = "text") -> int:
    """Write every error as text or JSON Lines; return how many."""
    count = 0
    for result in results:
        for item in errors(result):
            count += 1
            if fmt == "jsonl":
                stream.write(json.dumps(item, ensure_ascii=False) + "\n")
                continue
            label = f"{item['error']} {item['item']}"
            detail = ""
            if item["item"] == "quote":
                detail = f"  speaker={item['speaker']!r} cue={item['cue']!r}"
                if item.get("rule"):
                    detail += f" rule={item['rule']}"
            elif item["error"] == "wrong_value":
                gold = item["gold_range"] or item["gold_value"]
                detail = f"  value={item['range'] or item['value']} gold={gold}"
            stream.write(f"{item['doc']}:{item['start']}-{item['end']}  {label}{detail}\n")
            stream.write(f"    {item['context']}\n")
    return count


ERROR_LEGEND = (
    '<mark class="quote missed">missed quote</mark> '
    '<mark class="quote spurious">spurious quote</mark> '
    '<mark class="quote found">found quote</mark> '
    '<span class="fig missed">missed figure</span> <span class="fig spurious">spurious '
    'figure</span> <span class="fig wrong">wrong value</span>'
)


def error_view(anchor: str, result: DocResult, items: list[dict]):
    """The document's section of the error page: its ``items`` (from :func:`errors`) marked
    and listed beside the text, and the gold quotes that were found."""
    from html import escape

    from claimex.review.markup import Mark
    from claimex.review.views import DocView, panel

    marks = []
    for n, item in enumerate(items):
        classes = ("quote " if item["item"] == "quote" else "fig ") + item["error"]
        detail = item["error"].replace("_", " ") + " " + item["item"]
        if item["item"] == "quote":
            detail += f"\nSpeaker: {item['speaker']}\nCue: {item['cue']}"
            if item.get("rule"):
                detail += f"\nRule: {item['rule']}, confidence {item['confidence']}"
        elif item["error"] == "wrong_value":
            detail += f"\nValue: {item['range'] or item['value']}"
            detail += f"\nGold: {item['gold_range'] or item['gold_value']}"
        attrs = {"id": f"{anchor}-e{n}", "class": classes, "tabindex": "0", "title": detail}
        marks.append(
            Mark(item["start"], item["end"], "mark", attrs, 1 if item["item"] == "figure" else 0)
        )
    gold = result.gold.get("quotes") or []
    matched = {p.gold for p in result.quotes if p.gold is not None}
    for i in sorted(matched):
        q = gold[i]
        attrs = {"class": "quote found", "title": "found quote"}
        marks += [Mark(s["start"], s["end"], "mark", attrs) for s in q.get("spans") or [q]]
    links = "".join(
        f'<li><a href="#{anchor}-e{n}">{escape(item["error"].replace("_", " "))} '
        f"{item['item']}</a>: {escape(item['text'][:90])}</li>"
        for n, item in enumerate(items)
    )
    scores = summarize(result.counts)
    table = "".join(
        f"<tr><td>{escape(k)}</td><td>{v}</td></tr>" for k, v in scores.items() if v is not None
    )
    sections = [("Errors", "ol", links), ("Scores", "table", table)]
    return DocView(
        anchor=anchor,
        heading=str(result.gold["id"]),
        meta=f"{len(items)} errors",
        text=result.gold["text"],
        marks=marks,
        panel=panel(sections),
        summary=f"{len(items)} errors",
    )


def write_error_page(results: list[DocResult], stream: IO[str]) -> int:
    from claimex.review import HtmlPageWriter

    page = HtmlPageWriter(stream, title="claimex eval: errors", legend=ERROR_LEGEND)
    count = 0
    for n, result in enumerate(results, 1):
        items = list(errors(result))
        count += len(items)
        page.write_view(error_view(f"d{n}", result, items))
    page.close()
    return count


def write_error_file(results: list[DocResult], stream: IO[str], path: str) -> int:
    """Errors in the format the file name asks for: ``.html`` a review page,
    ``.jsonl``/``.json`` JSON Lines, else text."""
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    if suffix in ("html", "htm"):
        return write_error_page(results, stream)
    return write_errors(results, stream, "jsonl" if suffix in ("jsonl", "json") else "text")
