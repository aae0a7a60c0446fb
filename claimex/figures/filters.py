"""Which numbers are no counts: dates, years, times, ordinals, codes, scores, idioms.

Dates, years, times and ordinals stay as figures of category date/time/ordinal; product codes
("TA-35", "iPhone 11"), scores ("3-1"), phone numbers, addresses and idioms ("on one hand")
are dropped.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Token

from claimex.figures.context import Candidate, qualifier_before, unit_after
from claimex.figures.numbers import alternation, number_words
from claimex.figures.scan import at_words, before_digits, finditer_at
from claimex.lexicons import entries, words

TIME_RE = re.compile(
    r"(?<![\w.:])\d{1,2}(?:[:.]\d{2})?[ \u00a0]?(?:[ap]\.m\.|[AP]\.M\.|(?:am|pm|AM|PM)\b)"
    r"|(?<![\w.:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])"
)
DATE_RE = re.compile(
    r"(?<![\w/-])(?:\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{4})(?![\w/-])"
    r"|(?<![\w])'\d0s\b|(?<![\w,.])(?:1[5-9]|20)\d{2}s\b"
    r"|(?<![\w,.-])(?:19|20)\d{2}[-\u2013/]\d{2}(?![\w%-]|[.,]\d)"  # seasons: "2019-20"
)
# Two whole numbers joined by a dash, the first not smaller: a score or vote ("3-1", "52-48").
SCORE_RE = re.compile(r"(?<![\w.,-])(\d{1,3})[-\u2013](\d{1,3})(?![\w%-]|[.,]\d)")
PHONE_RE = re.compile(r"(?:\(\d{3}\)[ \u00a0]?|(?<![\w.,-])\d{3}[-. ])\d{3}[-.]\d{4}(?![\w-])")
ORDINAL_RE = re.compile(r"(?:st|nd|rd|th)\b")
# A word, then a hyphen: "TA-35", "F-150", "covid-19", "last-32"; ranges ("200,000 to-260,000")
# and years ("mid-2019") are read elsewhere.
CODE_PREFIX_RE = re.compile(r"\b(?!(?:to|and|or|from|mid|pre|post)-)[A-Za-z]+-\Z", re.IGNORECASE)
CAPS_WORD_RE = re.compile(r"\b[A-Z]{2,}[ \u00a0]\Z")
RANK_RE = re.compile(r"(?:\bNo\.[ \u00a0]?|#)\Z")
PREVIOUS_WORD_RE = re.compile(r"\b([A-Za-z]+\.?)[ \u00a0]\Z")
POSSESSIVE_RE = re.compile(r"['\u2019\u2032]s\b")
YEAR_KEPT_ENTS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
# List markers: "1)" and "(2)" before an item, "3." opening a line.
LIST_MARKER_RE = re.compile(
    r"(?:^|(?<=[\s:;,]))\(?\d{1,2}\)(?=[ \t])|^[ \t]{0,4}\d{1,2}\.(?=[ \t]+\S)", re.MULTILINE
)
# "401(k)", "501(c)(3)": a section of a code.
SECTION_RE = re.compile(r"\([a-z]\)")
# A word joined by a hyphen after a number word: "six-speed", "three-bed", "two-month".
MODIFIER_RE = re.compile(r"-(?!(?:plus|odd|fold|old)\b)[A-Za-z]+(?:-[A-Za-z]+)*")
AGE_RE = re.compile(r"-old\b")
RANGE_END_RE = re.compile(r"[ \u00a0]*(?:[-\u2013]|to)[ \u00a0]*\d{3,4}")
SHARE_RE = re.compile(r"(?:[ \u00a0]+(?:in|out[ \u00a0]+of|or|to|and)[ \u00a0]+|[-\u2013])\w")


@cache
def idiom_re() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(list(entries('non_figures.txt')))})\b", re.IGNORECASE)


@cache
def month_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    months = alternation(list(entries("months.txt")))
    return re.compile(rf"\b(?:{months})[ \u00a0]*\Z"), re.compile(
        rf"[ \u00a0]+(?:of )?(?:{months})\b"
    )


@cache
def one_of_number_re() -> re.Pattern[str]:
    """ "of four", "of the 12": after "one", the group a pronoun "one" belongs to."""
    counts = alternation([w for w, (_, kind) in number_words().items() if kind in ("unit", "tens")])
    return re.compile(rf"[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?(?:\d|(?:{counts})\b)", re.I)


@cache
def clock_re() -> re.Pattern[str]:
    """A four-digit clock time with its zone: "0930 GMT", "1400 hrs"."""
    zones = alternation(list(entries("time_zones.txt")))
    return re.compile(rf"(?<![\w.:,])(?:[01]\d|2[0-3])[0-5]\d[ \u00a0]?(?:{zones})\b")


@cache
def day_range_re() -> re.Pattern[str]:
    """Days after or before a month: "Oct. 3-7", "March 12 to 14", "3-7 October"."""
    months = alternation(list(entries("months.txt")))
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    link = r"[ \u00a0]*(?:[-\u2013]|to|through|until)[ \u00a0]*"
    return re.compile(
        rf"\b(?:{months})[ \u00a0]{{0,2}}{day}{link}{day}(?![\w%]|[.,]\d)"
        rf"|(?<![\w.,]){day}{link}{day}[ \u00a0]+(?:of[ \u00a0]+)?(?:{months})\b"
    )


@cache
def street_re() -> re.Pattern[str]:
    streets = alternation(list(entries("street_types.txt")))
    return re.compile(
        rf"(?:[-\u2013]\d+)?[ \u00a0]+(?:[A-Z0-9][\w.]*[ \u00a0]+){{0,3}}(?:{streets})(?![\w])"
    )


def special_spans(text: str) -> list[tuple[int, int, str]]:
    """Times, numeric dates, phone numbers and idioms as (start, end, label)."""
    at_runs = before_digits(text)
    spans = [(m.start(), m.end(), "time") for m in finditer_at(TIME_RE, text, at_runs)]
    spans += [(m.start(), m.end(), "time") for m in finditer_at(clock_re(), text, at_runs)]
    dates = finditer_at(DATE_RE, text, before_digits(text, 1, "'"))
    spans += [(m.start(), m.end(), "date") for m in dates]
    day_ranges = finditer_at(day_range_re(), text, before_digits(text, *month_starts()))
    spans += [(m.start(), m.end(), "date") for m in day_ranges if _days_rise(m.group())]
    markers = finditer_at(LIST_MARKER_RE, text, before_digits(text, 4, " \t("))
    spans += [
        (m.start(), m.end(), "drop") for m in markers if not _inside_brackets(text, m.start())
    ]
    phones = finditer_at(PHONE_RE, text, before_digits(text, 1, "("))
    spans += [(m.start(), m.end(), "drop") for m in phones]
    scores = finditer_at(SCORE_RE, text, at_runs)
    spans += [(m.start(), m.end(), "drop") for m in scores if int(m.group(1)) >= int(m.group(2))]
    idioms = finditer_at(idiom_re(), text, at_words(text, idiom_starts()))
    spans += [(m.start(), m.end(), "drop") for m in idioms]
    return spans


def _days_rise(written: str) -> bool:
    """ "March 3-7", not "from 40 percent on July 14 to 46 percent"."""
    first, second = (int(d) for d in re.findall(r"\d+", written)[:2])
    return 1 <= first < second <= 31


@cache
def month_starts() -> tuple[int, str]:
    """How far before the day a month name may start ("September. 3-7"), and its letters."""
    months = entries("months.txt")
    return max(len(m) for m in months) + 2, "".join({m[0] for m in months})


@cache
def idiom_starts() -> frozenset[str]:
    return frozenset(phrase.split()[0].lower() for phrase in entries("non_figures.txt"))


def _inside_brackets(text: str, start: int) -> bool:
    """Whether a bracket opened on the same line is still open: "(at least 5) left" has no
    list marker "5)"."""
    line = text[max(text.rfind("\n", 0, start) + 1, start - 80) : start]
    return line.count("(") > line.count(")")


def classify(doc: Doc, text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Mark dates, times and ordinals; drop what is no figure at all (``text`` is
    ``doc.text``, passed in because spaCy rebuilds it on every access)."""
    kept: list[Candidate] = []
    spans = special_spans(text)
    for candidate in candidates:
        label = next((s for s in spans if s[0] < candidate.end and candidate.start < s[1]), None)
        if label and label[2] == "drop":
            continue
        if label:  # the whole date or time; no single value stands for "10:27 PM"
            whole = (label[0], label[1]) == (candidate.start, candidate.end)
            value = candidate.value if whole else None
            candidate = replace(
                candidate, start=label[0], end=label[1], value=value, category=label[2]
            )
            if kept and kept[-1].start == candidate.start:
                continue  # "10:27 PM" is one time, not two numbers
        else:
            candidate = _classify_plain(doc, text, candidate)
        if candidate is not None:
            kept.append(candidate)
    return kept


def _classify_plain(doc: Doc, text: str, candidate: Candidate) -> Candidate | None:
    if candidate.kind == "slashed":  # "9/11", "7/4": a day, as far as a count goes
        return replace(candidate, category="date")
    if candidate.kind == "digits" and ORDINAL_RE.match(text, candidate.end):
        return replace(candidate, end=candidate.end + 2, category="ordinal")
    if _plain(text, candidate) and _word_before(text, candidate.start) in words(
        "name_number_words.txt"
    ):
        return None  # "Route 66", "Flight 370": a name
    if _plain(text, candidate) and _is_label(text, candidate.start):
        return replace(candidate, category="ordinal")  # "No. 1", "#3", "Chapter 11": a rank
    if _is_code(text, candidate) or street_re().match(text, candidate.end):
        return None
    if candidate.kind == "words" and _is_modifier(text, candidate):
        return None
    if _plain(text, candidate) and candidate.end - candidate.start >= 10:
        return None  # identifiers ("tweet id 771156940076544000"), not amounts
    if _is_day_of_month(text, candidate):
        return replace(candidate, category="date")
    token = _token_at(doc, candidate.start)
    if token is None:
        return candidate
    if _is_year(text, candidate, token):
        return replace(candidate, category="date")
    if candidate.kind == "words" and not _word_number_counts(text, candidate, token):
        return None
    if _is_name_part(text, candidate, token) or _is_model_number(text, candidate, token):
        return None
    return candidate


def _is_modifier(text: str, candidate: Candidate) -> bool:
    """A number word in a hyphenated modifier names a kind of thing, not an amount: "a six-speed
    gearbox", "a three-bed flat", "a two-month contract". Ages ("three-year-old"), shares,
    money, poll leads ("a two-point lead") and large counts ("a two-million-person list") are
    amounts."""
    if candidate.unit_category in ("percent", "money") or candidate.unit == "point":
        return False
    if (candidate.value or 0) >= 100:
        return False  # "a two-million-person list": a count
    match = MODIFIER_RE.match(text, candidate.end)
    return bool(match) and not AGE_RE.search(text, candidate.end, match.end())


def _is_model_number(text: str, candidate: Candidate, token: Token) -> bool:
    """Three or more bare digits between a determiner and a singular noun they do not count:
    "the 8086 processor"; "the 300 staff", "the 270 threshold" are figures. (Before a name the
    parse cannot tell "two 737 Max jets" from "500 Cruz supporters": both stay.)"""
    written = text[candidate.start : candidate.end]
    if not (_plain(text, candidate) and len(written) >= 3 and token.i + 1 < len(token.doc)):
        return False
    following = token.nbor(1)
    if following.idx != candidate.end + 1 or following.lower_ in words("singular_count_nouns.txt"):
        return False
    if following.tag_ != "NN" or token.i == 0 or token.nbor(-1).pos_ != "DET":
        return False
    after = following.nbor(1) if following.i + 1 < len(token.doc) else None
    return after is None or after.pos_ not in ("NOUN", "PROPN", "NUM")


def _is_label(text: str, start: int) -> bool:
    if RANK_RE.search(text, max(0, start - 4), start):
        return True
    return _word_before(text, start) in words("label_words.txt")


def _word_before(text: str, start: int) -> str:
    match = PREVIOUS_WORD_RE.search(text, max(0, start - 12), start)
    return match.group(1).lower() if match else ""


def _plain(text: str, candidate: Candidate) -> bool:
    """A bare integer: digits only, no currency, unit, scale or decimal point."""
    written = text[candidate.start : candidate.end]
    return (
        candidate.kind == "digits"
        and written.isdigit()
        and candidate.currency is None
        and candidate.unit_category is None
    )


def _is_code(text: str, candidate: Candidate) -> bool:
    """Digits glued to letters: "TA-35", "COVID -19", "5G", "Model 3s" (no unit after)."""
    if candidate.kind != "digits":
        return False
    after = text[candidate.end : candidate.end + 1]
    if after.isalpha() and candidate.unit_end == candidate.end:
        return True
    if SECTION_RE.match(text, candidate.end):
        return True  # "401(k)"
    window = max(0, candidate.start - 12)
    if text[candidate.start] in "-\u2212" and CAPS_WORD_RE.search(text, window, candidate.start):
        return True  # "COVID -19"
    if candidate.unit_end > candidate.end or not CODE_PREFIX_RE.search(
        text, window, candidate.start
    ):
        return False  # "now-18 month-old" has a unit: an amount
    return qualifier_before(text, candidate.start)[0] is None  # "sub-7" is a bound


def _is_day_of_month(text: str, candidate: Candidate) -> bool:
    if not _plain(text, candidate) or not 1 <= (candidate.value or 0) <= 31:
        return False
    before, after = month_res()
    return bool(before.search(text, max(0, candidate.start - 12), candidate.start)) or bool(
        after.match(text, candidate.end)
    )


def _is_year(text: str, candidate: Candidate, token: Token) -> bool:
    """1500-2200 written as four plain digits, unless the tagger calls it a cardinal."""
    if not _plain(text, candidate) or len(text[candidate.start : candidate.end]) != 4:
        return False
    if not 1500 <= (candidate.value or 0) <= 2200:
        return False
    upper = RANGE_END_RE.match(text, candidate.end)
    if upper and unit_after(text, upper.end())[1] is not None:
        return False  # "1500 - 1800 euros", "1800 to 2000 metres": a range of amounts
    return token.ent_type_ not in YEAR_KEPT_ENTS or bool(POSSESSIVE_RE.match(text, candidate.end))


def _word_number_counts(text: str, candidate: Candidate, token: Token) -> bool:
    """False for a pronoun "one" ("each one", "the same one") and for a lone "half" or
    "a third" without "of" after it ("the first half", "a third party")."""
    written = text[candidate.start : candidate.end].lower()
    follows_of = re.match(r"[ \u00a0]+(?:of|the|a|an|its|their|his|her)\b", text[candidate.end :])
    if written == "one":
        return _one_counts(text, candidate, token)
    if written == "half":
        return bool(follows_of) or qualifier_before(text, candidate.start)[0] is not None
    if written.split()[0] in ("a", "an") and candidate.value is not None and candidate.value < 1:
        return bool(follows_of)
    return True


def _one_counts(text: str, candidate: Candidate, token: Token) -> bool:
    """ "one solution", "one of the best": a count; "one of four" (the four count), "on one",
    "bought one", "the same one": a pronoun."""
    previous = token.nbor(-1) if token.i > 0 else None
    if token.pos_ == "PRON" or (previous and previous.pos_ in ("DET", "ADJ")):
        return False
    if one_of_number_re().match(text, candidate.end):
        return False
    if text.startswith(" of", candidate.end) or SHARE_RE.match(text, candidate.end):
        return True  # "one of the best", "one in five", "one or two"
    head = token.head
    return token.dep_ in ("nummod", "quantmod", "compound") and head.i > token.i


def _is_name_part(text: str, candidate: Candidate, token: Token) -> bool:
    """A bare number right after a capitalised name: "iPhone 11", "S&P 500", "BBC One"."""
    written = text[candidate.start : candidate.end]
    capital_word = candidate.kind == "words" and written[0].isupper()
    if not (_plain(text, candidate) or capital_word) or token.i == 0:
        return False
    previous = token.nbor(-1)
    if not any(c.isupper() for c in previous.text):
        return False
    if previous.ent_type_ in ("DATE", "TIME") and token.ent_iob_ != "I":
        return False  # "On Monday 500 people", but "the Big 12" is one (mis-tagged) name
    if previous.idx + len(previous.text) + 1 != candidate.start:
        return False
    if qualifier_before(text, candidate.start)[0] is not None:
        return False  # "Over 500 people" starts with a qualifier, not a name
    if previous.is_sent_start and previous.pos_ != "PROPN":
        return False  # "The 335 accounts", "Only 5 people": a capital for the sentence
    head = token.head
    if token.dep_ == "nummod" and head.pos_ == "NOUN" and head.i > token.i:
        # "In Britain 500 people died" counts people; "iPhone 12 Mini deal" names a phone
        return any(t.text[0].isupper() for t in token.doc[token.i + 1 : head.i + 1])
    return True


def _token_at(doc: Doc, start: int) -> Token | None:
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
