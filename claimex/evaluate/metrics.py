"""Scores as flat dicts of named figures, from the counts the matching adds up.

``summarize`` gives the same keys and values as ``claimex-score --json``; the breakdowns by
rule and by kind and the per-document scores come from the same matches.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from claimex.evaluate.gold import safe_id
from claimex.evaluate.match import (
    Pair,
    match_figures,
    match_organisations,
    match_quotes,
)

KINDS = ("direct", "mixed", "indirect")


def ratio(a: float, b: float) -> float | None:
    return round(a / b, 3) if b else None


def f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 3) if p and r else 0.0


@dataclass
class DocResult:
    """One gold document against its record: the counts and who matched whom."""

    gold: dict
    record: dict
    counts: Counter = field(default_factory=Counter)
    quotes: list[Pair] = field(default_factory=list)
    figures: list[Pair] = field(default_factory=list)
    gold_figures: list[dict] = field(default_factory=list)


def score_document(gold: dict, record: dict | None) -> DocResult:
    """Match one record (a claimex output record as a dict; None if missing) to its gold."""
    result = DocResult(gold, record or {})
    c = result.counts
    c["docs"] += 1
    c["docs_missing"] += record is None
    c["docs_error"] += bool(result.record.get("error"))
    text = gold["text"]
    if "quotes" in gold:
        result.quotes = match_quotes(c, text, gold["quotes"], result.record.get("quotes") or [])
    if "figures" in gold:
        pred = result.record.get("figures") or []
        result.figures, result.gold_figures = match_figures(c, gold["figures"], pred)
    if "organisations" in gold:
        pred = result.record.get("organisations") or []
        match_organisations(c, gold["organisations"], pred, gold.get("not_organisations") or [])
    return result


def summarize(c: Counter) -> dict:
    """The scores of ``claimex-score``, from the summed counts."""
    s: dict = {"docs": c["docs"], "docs_missing": c["docs_missing"], "docs_error": c["docs_error"]}
    if c["q_gold"]:
        p, r = ratio(c["q_tp"], c["q_pred"]) or 0.0, ratio(c["q_tp"], c["q_gold"]) or 0.0
        s.update(quote_precision=p, quote_recall=r, quote_f1=f1(p, r))
        for k in KINDS:
            s[f"recall_{k}"] = ratio(c["q_tp_" + k], c["q_gold_" + k])
            s[f"recall_say_{k}"] = ratio(c["q_tp_say_" + k], c["q_gold_say_" + k])
        s["kind_accuracy"] = ratio(c["q_kind_ok"], c["q_tp"])
        s["boundary_exact"] = ratio(c["q_exact"], c["q_tp"])
        s["speaker_accuracy"] = ratio(c["spk_ok"], c["spk_gold"])
        if c["name_gold"]:
            s["speaker_name_accuracy"] = ratio(c["name_ok"], c["name_gold"])
    if c["f_gold"]:
        p, r = ratio(c["f_tp"], c["f_pred"]) or 0.0, ratio(c["f_tp"], c["f_gold"]) or 0.0
        s.update(figure_span_precision=p, figure_span_recall=r, figure_span_f1=f1(p, r))
        vp = ratio(c["f_value_ok"], c["f_pred"]) or 0.0
        vr = ratio(c["f_value_ok"], c["f_gold"]) or 0.0
        s.update(
            figure_value_f1=f1(vp, vr),
            figure_range_recall=ratio(c["f_range_value_ok"], c["f_gold_range"]),
            figure_qualifier_accuracy=ratio(c["f_q_ok"], c["f_q_gold"]),
        )
    if c["o_gold"]:
        p, r = ratio(c["o_tp"], c["o_pred"]) or 0.0, ratio(c["o_tp"], c["o_gold"]) or 0.0
        s.update(org_precision=p, org_recall=r, org_f1=f1(p, r), org_known_false=c["o_bad"])
    return s


def _scored_pairs(results: Iterable[DocResult]) -> Iterable[tuple[Pair, dict | None]]:
    """Quote pairs that count (a match to an optional gold quote does not), with the gold."""
    for result in results:
        for pair in result.quotes:
            gold = None if pair.gold is None else result.gold["quotes"][pair.gold]
            if gold is None or not gold.get("optional"):
                yield pair, gold


def by_rule(results: list[DocResult]) -> dict[str, dict]:
    """Per rule of the predicted quotes: how many, how many right, precision."""
    counts: dict[str, Counter] = {}
    for pair, gold in _scored_pairs(results):
        c = counts.setdefault(pair.pred.get("rule") or "(none)", Counter())
        c["predicted"] += 1
        c["correct"] += gold is not None
    return {
        rule: {**c, "precision": ratio(c["correct"], c["predicted"])}
        for rule, c in sorted(counts.items(), key=lambda item: -item[1]["predicted"])
    }


def by_kind(results: list[DocResult]) -> dict[str, dict]:
    """Per quote kind: gold and predicted counts, recall (gold kind), precision (predicted
    kind)."""
    c: Counter = Counter()
    for result in results:
        for q in result.gold.get("quotes") or []:
            c["gold_" + q.get("kind", "direct")] += not q.get("optional")
    for pair, gold in _scored_pairs(results):
        c["pred_" + (pair.pred.get("kind") or "")] += 1
        if gold is not None:
            c["found_" + gold.get("kind", "direct")] += 1
            c["right_" + (pair.pred.get("kind") or "")] += 1
    return {
        k: {
            "gold": c["gold_" + k],
            "predicted": c["pred_" + k],
            "recall": ratio(c["found_" + k], c["gold_" + k]),
            "precision": ratio(c["right_" + k], c["pred_" + k]),
        }
        for k in KINDS
    }


def per_doc(results: list[DocResult]) -> list[dict]:
    return [{"id": r.gold["id"], **summarize(r.counts)} for r in results]


def total(results: list[DocResult]) -> dict:
    return summarize(sum((r.counts for r in results), Counter()))


def index_records(records: Iterable[dict]) -> dict[str, dict]:
    """Records by the stem of their source (the gold id, made safe for a file name)."""
    return {Path(r.get("source") or "").stem: r for r in records}


def score(gold: list[dict], records: Iterable[dict]) -> list[DocResult]:
    """Every gold document against the record of the same id (missing: counted as such)."""
    by_stem = index_records(records)
    return [score_document(doc, by_stem.get(safe_id(str(doc["id"])))) for doc in gold]
