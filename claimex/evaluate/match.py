"""Matching predictions to gold, with the rules of ``claimex-score`` (kept identical so the
two agree to the last decimal): quotes by content characters, figures by overlap, organisations
by normalised name.

Each function adds to a :class:`collections.Counter` of named counts and returns which
prediction matched which gold item, for breakdowns and error listings.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

QUOTE_CHARS = set("\"\u201c\u201d\u00ab\u00bb\u201e\u2033'\u2018\u2019`")
# Cues of the say-type: recall on them is reported apart, since PolNeAR also annotates
# beliefs, intentions and polls.
SAY_CUES = {
    "said", "says", "say", "saying", "told", "tells", "tell", "added", "adds", "stated",
    "states", "according", "asked", "wrote", "writes", "explained", "noted", "claimed",
    "claims", "argued", "insisted", "announced", "warned", "tweeted", "replied", "responded",
    "suggested", "acknowledged", "admitted",
}  # fmt: skip
QUALIFIER_CLASS = {  # predicted qualifier -> gold change symbol
    "approximately": "~", "about": "~", "around": "~", "approx": "~", "~": "~",
    "more_than": ">", "at_least": ">", "over": ">", "greater_than": ">", ">": ">",
    "less_than": "<", "at_most": "<", "up_to": "<", "under": "<", "fewer_than": "<", "<": "<",
}  # fmt: skip
IGNORED_CATEGORIES = {"date", "time", "year", "ordinal"}  # figure gold does not annotate them
BOUNDARY_IOU = 0.95  # a matched quote's content counts as exact at this overlap
MATCH_SHARE = 0.5  # share of each side's content characters that must be shared


@dataclass
class Pair:
    """A predicted item and the index of the gold item it matched (None: spurious)."""

    pred: dict
    gold: int | None


def content_chars(text: str, spans: list[tuple[int, int]]) -> set[int]:
    out: set[int] = set()
    for start, end in spans:
        out |= {
            j
            for j in range(max(start, 0), min(end, len(text)))
            if not text[j].isspace() and text[j] not in QUOTE_CHARS
        }
    return out


def without_lead_that(text: str, chars: set[int]) -> set[int]:
    """Without a leading complementizer "that" (PolNeAR includes it in indirect content;
    whether a tool does is a convention, not an error)."""
    if not chars:
        return chars
    first = min(chars)
    if text[first : first + 4].lower() == "that" and not text[first + 4 : first + 5].isalnum():
        return chars - set(range(first, first + 4))
    return chars


def norm_name(name: str | None) -> str:
    name = (name or "").lower().strip()
    name = re.sub(r"^(the|a|an)\s+", "", name)
    return re.sub(r"[^a-z0-9]+", " ", name).strip()


def close(a, b) -> bool:
    """Equal within 0.5%."""
    if a is None or b is None:
        return False
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= 0.005 * max(abs(a), abs(b), 1e-9)


def _spans(item: dict) -> list[tuple[int, int]]:
    return [(s["start"], s["end"]) for s in item.get("spans") or [item]]


def is_say_cue(cue: str | None) -> bool:
    return bool(cue) and bool(set(re.findall(r"[a-z]+", cue.lower())) & SAY_CUES)


def match_quotes(c: Counter, text: str, gold: list[dict], pred: list[dict]) -> list[Pair]:
    """Greedy one to one, in prediction order, each to the free gold quote it overlaps most."""
    golds = [content_chars(text, _spans(q)) for q in gold]
    for q in gold:
        if not q.get("optional"):
            kind = q.get("kind", "direct")
            c["q_gold"] += 1
            c["q_gold_" + kind] += 1
            c["q_gold_say_" + kind] += is_say_cue(q.get("cue"))
    used: set[int] = set()
    pairs = []
    for p in pred:
        pc = content_chars(text, _spans(p))
        best, best_overlap = None, 0.0
        for i, g in enumerate(golds):
            if i in used or not g or not pc:
                continue
            inter = len(pc & g)
            if inter / len(pc) >= MATCH_SHARE and inter / len(g) >= MATCH_SHARE:
                overlap = inter / len(pc | g)
                if overlap > best_overlap:
                    best, best_overlap = i, overlap
        pairs.append(Pair(p, best))
        if best is None:
            c["q_pred"] += 1
            c["q_fp"] += 1
            continue
        used.add(best)
        if not gold[best].get("optional"):  # an optional quote is neither rewarded nor punished
            _count_match(c, text, gold[best], golds[best], p, pc)
    return pairs


def _count_match(c: Counter, text: str, q: dict, g: set[int], p: dict, pc: set[int]) -> None:
    kind = q.get("kind", "direct")
    c["q_pred"] += 1
    c["q_tp"] += 1
    gb, pb = without_lead_that(text, g), without_lead_that(text, pc)
    c["q_exact"] += len(gb & pb) >= BOUNDARY_IOU * len(gb | pb)
    c["q_tp_" + kind] += 1
    c["q_tp_say_" + kind] += is_say_cue(q.get("cue"))
    c["q_kind_ok"] += p.get("kind") == kind
    c["spk_ok"] += speaker_ok(c, q, p.get("speaker") or {})


def speaker_ok(c: Counter, q: dict, ps: dict) -> bool:
    """Whether the predicted speaker is right; counts the gold speakers that can be checked.

    A canonical name (or list of equally right names; "" = must stay unresolved) is checked
    against the predicted name; otherwise the predicted mention must overlap the gold one."""
    canonical = q.get("speaker_canonical")
    if canonical is not None:
        names = {norm_name(n) for n in ([canonical] if isinstance(canonical, str) else canonical)}
        ok = norm_name(ps.get("name")) in names
        c["spk_gold"] += 1
        c["name_gold"] += 1
        c["name_ok"] += ok
        return ok
    if q.get("speaker_start") is not None and q["speaker_end"] > q["speaker_start"]:
        c["spk_gold"] += 1
        gold_range = range(q["speaker_start"], q["speaker_end"])
        return ps.get("start") is not None and bool(
            set(gold_range) & set(range(ps["start"], ps["end"]))
        )
    if q.get("speaker"):
        c["spk_gold"] += 1
        return bool(ps.get("text")) and norm_name(q["speaker"]) in norm_name(ps.get("text"))
    return False


def scored_figures(pred: list[dict]) -> list[dict]:
    return [p for p in pred if (p.get("category") or "").lower() not in IGNORED_CATEGORIES]


def match_figures(c: Counter, gold: list[dict], pred: list[dict]) -> tuple[list[Pair], list]:
    """Each scored prediction to the first free gold figure it overlaps; returns the pairs and
    the gold figures taking part (those the source could align)."""
    golds = [f for f in gold if f.get("aligned") is not False]
    c["f_gold"] += len(golds)
    c["f_gold_range"] += sum(1 for f in golds if f.get("value_range"))
    used: set[int] = set()
    pairs = []
    for p in scored_figures(pred):
        c["f_pred"] += 1
        covered = set(range(p["start"], p["end"]))
        best = None
        for i, f in enumerate(golds):
            start = min(f.get("figure_start", f["start"]), f["start"])
            end = max(f.get("figure_end", f["end"]), f["end"])
            if i not in used and covered & set(range(start, end)):
                best = i
                break
        pairs.append(Pair(p, best))
        if best is not None:
            used.add(best)
            _count_figure(c, golds[best], p)
    return pairs, golds


def figure_value_ok(f: dict, p: dict) -> bool:
    if f.get("value_range"):
        low, high = min(f["value_range"]), max(f["value_range"])
        plo, phi = p.get("low"), p.get("high")
        return (
            plo is not None
            and phi is not None
            and close(min(plo, phi), low)
            and close(max(plo, phi), high)
        )
    return close(p.get("value"), f.get("value"))


def _count_figure(c: Counter, f: dict, p: dict) -> None:
    c["f_tp"] += 1
    ok = figure_value_ok(f, p)
    if f.get("value_range"):
        c["f_tp_range"] += 1
        c["f_range_value_ok"] += ok
    c["f_value_ok"] += ok
    gold_change = f.get("change") or ("~" if f.get("qualifier") == "approximately" else "=")
    if gold_change in ("=", "~", ">", "<"):
        c["f_q_gold"] += 1
        qualifier = (p.get("qualifier") or "").lower().replace(" ", "_")
        c["f_q_ok"] += QUALIFIER_CLASS.get(qualifier, "=") == gold_change


def match_organisations(c: Counter, gold: list, pred: list[dict], not_orgs: list[str]) -> None:
    """Gold entries are a name or a list of equally right names; a predicted organisation
    matches through its name or any of its aliases, one to one."""
    golds = [{norm_name(n) for n in ([g] if isinstance(g, str) else g)} for g in gold]
    preds = [{norm_name(n) for n in [o.get("name"), *(o.get("aliases") or [])] if n} for o in pred]
    c["o_gold"] += len(golds)
    c["o_pred"] += len(preds)
    used: set[int] = set()
    for names in preds:
        hit = next((i for i, g in enumerate(golds) if i not in used and g & names), None)
        if hit is not None:
            used.add(hit)
            c["o_tp"] += 1
    bad = {norm_name(x) for x in not_orgs}
    c["o_bad"] += sum(1 for names in preds if names & bad)
