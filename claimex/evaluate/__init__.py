"""Measuring claimex on annotated data: ``claimex eval`` as a library.

    >>> from claimex.evaluate import read_gold, predict, score, total
    >>> gold = read_gold("gold.jsonl")
    >>> results = score(gold, predict(gold))
    >>> total(results)["quote_f1"]

Matching and metrics are those of ``claimex-score`` (same keys, same values).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from claimex.errors import InputError
from claimex.evaluate.errors import errors, write_error_file, write_errors
from claimex.evaluate.gold import read_gold, safe_id
from claimex.evaluate.metrics import DocResult, by_kind, by_rule, per_doc, score, total


def read_predictions(path: str | Path) -> Iterator[dict]:
    """claimex JSON Lines output (one record per line; lines end at \\n only, since U+2028
    may stand inside a record)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").split("\n")
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror}") from None
    for number, line in enumerate(lines, 1):
        if line.strip():
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}: not JSON ({exc.msg})") from None


def predict(gold: list[dict], model: str | None = None, **options) -> Iterator[dict]:
    """Run claimex on the gold texts, each under the file name ``claimex-score`` would use."""
    from claimex.run import extract_documents
    from claimex.sources import Document

    documents = (Document(safe_id(str(d["id"])) + ".txt", text=d["text"]) for d in gold)
    for _, record in extract_documents(documents, model, **options):
        yield record.model_dump(mode="json")


__all__ = [
    "DocResult", "by_kind", "by_rule", "errors", "per_doc", "predict", "read_gold",
    "read_predictions", "score", "total", "write_error_file", "write_errors",
]  # fmt: skip
