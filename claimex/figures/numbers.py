"""Reading numbers as news text writes them: digits, words, scales, currencies, vague amounts.

:func:`scan_numbers` finds every number in a text and returns :class:`Number` records with
exact character offsets; the figures component adds ranges, qualifiers, units and context.
All word lists come from ``claimex/lexicons`` and every pattern is compiled once.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from claimex.figures.scan import at_words, before_digits, finditer_at
from claimex.lexicons import entries, words


@dataclass(frozen=True)
class Number:
    """One number as written: ``text[start:end]``, its value or vague ``low``/``high``."""

    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    currency: str | None = None
    factor: float = 1.0  # what a scale word or suffix ("million", "bn") multiplied it by
    kind: str = "digits"  # digits | words | vague | fraction | slashed ("9/11": no value)


def table(name: str) -> list[list[str]]:
    """Rows of a tab-separated lexicon file."""
    return [[cell.strip() for cell in line.split("\t")] for line in entries(name)]


def alternation(surfaces: list[str]) -> str:
    """A regex alternative of literal surfaces, longest first so the longest one wins."""
    return "|".join(re.escape(s) for s in sorted(set(surfaces), key=len, reverse=True))


@cache
def number_words() -> dict[str, tuple[float, str]]:
    return {row[0]: (float(row[1]), row[2]) for row in table("number_words.tsv")}


@cache
def scales() -> dict[str, tuple[float, str]]:
    """Scale surface -> (multiplier, when it is one: any, money or length; see scales.tsv)."""
    return {row[0]: (float(row[1]), row[2]) for row in table("scales.tsv")}


@cache
def currencies(position: str) -> dict[str, str]:
    """Surface -> ISO code of the currencies written at ``position`` (see currencies.tsv)."""
    return {row[0]: row[1] for row in table("currencies.tsv") if row[2].startswith(position)}


@cache
def touching_prefixes() -> list[str]:
    return [row[0] for row in table("currencies.tsv") if row[2] == "prefix-touching"]


@cache
def word_scales() -> tuple[str, ...]:
    """Scales written as words ("million", "lakh"), apart from the number by a space or hyphen;
    the shorter ones are abbreviations that may touch it ("5bn", "RM4.5mil")."""
    return tuple(s for s in scales() if len(s) >= 4)


@cache
def digits_re() -> re.Pattern[str]:
    """Amounts in digits with an optional currency before and scale after: "US $1.5bn"."""
    prefixes = currencies("prefix")
    tight = touching_prefixes()
    loose = [p for p in prefixes if p not in tight]
    abbreviations = [s for s in scales() if s not in word_scales()]
    return re.compile(
        rf"(?:(?<![\w$])(?P<loose>{alternation(loose)})[ \u00a0]?"
        rf"|(?<![\w$])(?P<tight>{alternation(tight)}))?"
        r"(?P<sign>(?:(?<=[\s(\[$=,])|^)(?:[-\u2212]|minus[- ]))?"
        r"(?(loose)|(?(tight)|(?<![\w.,])))(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d)"
        r"|\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?(?!\d|,\d)"  # Indian grouping: "12,34,567"
        r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d|[,.]\d)|\d{1,3}(?:\.\d{3}){2,}(?!\d|[.,]\d)"
        r"|\d+(?:\.\d+)?|\.\d+)"
        r"(?:[ \u00a0]?\u00d7[ \u00a0]?10(?P<exp>[-\u2212]?\d{1,2})(?!\d))?"
        rf"(?P<scale>(?:[ \u00a0-](?:{alternation(list(word_scales()))})\b)+"
        rf"|[ \u00a0]?(?:{alternation(abbreviations)})(?![A-Za-z0-9]))?"
    )


@cache
def words_re() -> re.Pattern[str]:
    """Runs of number words ("four hundred", "twenty-five", "a dozen", "two-thirds")."""
    word = alternation(list(number_words()))
    return re.compile(
        rf"(?<![\w-])(?:an?[ -])?(?:{word})(?:(?:[ -]|[ -]and[ -])(?:a[ -])?(?:{word}))*"
        r"(?![\w])",
        re.IGNORECASE,
    )


@cache
def vague_re() -> re.Pattern[str]:
    phrases = [row[0] for row in table("vague_amounts.tsv")]
    return re.compile(rf"(?<![\w-])(?:{alternation(phrases)})\b", re.IGNORECASE)


@cache
def vague_amounts() -> dict[str, tuple[float, float, bool]]:
    return {r[0]: (float(r[1]), float(r[2]), r[3] == "of") for r in table("vague_amounts.tsv")}


FRACTION_RE = re.compile(r"(?<![\w./])(\d{1,4}) ?[/\u2044] ?(\d{1,4})(?![\w/\u2044])")
# "½", "1½", "¾": the Unicode vulgar fractions, valued by unicodedata.
VULGAR_CHAR_RE = re.compile(r"[\u00bc-\u00be\u2150-\u215e]")
VULGAR_RE = re.compile(r"(?<![\w.,])(?:(\d{1,3})[ \u00a0]?)?([\u00bc-\u00be\u2150-\u215e])(?!\d)")


LENGTH_WORD_RE = re.compile(r"[A-Za-z]+")
RACE_TIME_RE = re.compile(
    r"[ \u00a0]+in[ \u00a0]+[\d.:]+[ \u00a0]?(?:s|sec|secs|seconds|min|mins|minutes)\b"
)


def parse_scale(scale: str, currency: str | None, text: str, start: int, end: int) -> float | None:
    """The multiplier of the scale suffix of ``text[start:end]``, or None when it is no scale
    here: "4K" a resolution, "37m tall" metres."""
    factor = 1.0
    for part in scale.replace("-", " ").split():
        multiplier, needs = scales()[part]
        if currency is None and (
            needs == "money" or needs == "length" and _near_length(text, start, end)
        ):
            return None
        factor *= multiplier
    return factor


def _near_length(text: str, start: int, end: int) -> bool:
    """A length cue among the three words before or two words after: "a depth of 30m",
    "the 400m hurdles", "a 3m-long eel"."""
    before = LENGTH_WORD_RE.findall(text, max(0, start - 30), start)[-3:]
    after = LENGTH_WORD_RE.findall(text, end, end + 24)[:2]
    if RACE_TIME_RE.match(text, end):
        return True  # "100m in 9.58 seconds"
    return any(word.lower() in words("length_cues.txt") for word in before + after)


def read_digits(match: re.Match[str]) -> Number:
    """A :class:`Number` from a :func:`digits_re` match; a non-scale suffix is left out."""
    currency_text = match.group("loose") or match.group("tight")
    currency = currencies("prefix")[currency_text] if currency_text else None
    value = _digit_value(match.group("num"))
    if match.group("exp"):  # "1.99×10−30"
        value *= 10.0 ** int(match.group("exp").replace("\u2212", "-"))
    if match.group("sign"):
        value = -value
    scale = (match.group("scale") or "").strip()
    text, start, end = match.string, match.start(), match.end()
    factor = parse_scale(scale, currency, text, start, end) if scale else None
    if factor is None:
        end = match.end("exp") if match.group("exp") else match.end("num")
        return Number(start, end, value, currency=currency)
    return Number(start, match.end(), value * factor, currency=currency, factor=factor)


def _digit_value(written: str) -> float:
    """ "12,000", "1 000 000" and "1.000.000" (two or more dot groups) as numbers."""
    if written.count(".") > 1:
        written = written.replace(".", "")
    return float(re.sub(r"[,\s\u202f]", "", written))


def parse_word_values(words: list[str]) -> float | None:
    """Value of number words in order ("two", "hundred", "and", "five"); None if malformed."""
    halved = _with_half(words)
    if halved is not None:
        return halved
    total = current = 0.0
    last = ""  # kind of the previous word
    for word in words:
        if word in ("a", "an") and last == "":
            current, last = 1.0, "unit"  # "a dozen", "a third"
            continue
        if word == "and" and last in ("scale", "dozen"):
            continue  # "one hundred and five"
        if word not in number_words():
            return None
        value, kind = number_words()[word]
        if not _follows(kind, last):
            return None
        if kind == "fraction":
            return total + current / value
        if kind in ("scale", "dozen") and value < 1000:
            current = (current or 1.0) * value
        elif kind in ("scale", "dozen"):
            total, current = total + (current or 1.0) * value, 0.0
        else:
            current += value
        last = kind
    return None if last == "" else total + current


def _with_half(words: list[str]) -> float | None:
    """ "half", "two and a half", "half a million", "two and a half million"; else None."""
    if words == ["half"]:
        return 0.5
    if words[-3:] == ["and", "a", "half"] and len(words) > 3:
        whole = parse_word_values(words[:-3])
        return None if whole is None else whole + 0.5
    if words[0] == "half" and len(words) > 2 and words[1] in ("a", "an"):
        rest = parse_word_values(words[1:])
        return None if rest is None else rest / 2
    if "half" in words[1:-1] and words[-1] in word_scales():
        share = parse_word_values(words[:-1])
        return None if share is None else share * number_words()[words[-1]][0]
    return None


def _follows(kind: str, last: str) -> bool:
    """Whether a number word of ``kind`` may follow one of kind ``last``."""
    if kind == "unit":
        return last in ("", "tens", "scale", "dozen")
    if kind == "tens":
        return last in ("", "scale")
    if kind == "fraction":
        return last in ("unit", "tens")
    return last != ""  # "several hundred" is no number; "a hundred" is


def split_words(text: str, start: int) -> list[tuple[int, int, str]]:
    """Words of a number-word run with their offsets (hyphens and spaces separate them)."""
    return [
        (start + m.start(), start + m.end(), m.group().lower())
        for m in re.finditer(r"[A-Za-z]+", text)
    ]


def read_words(match: re.Match[str]) -> list[Number]:
    """Numbers in a run of number words: the longest parsable prefix, then the rest."""
    words = split_words(match.group(), match.start())
    numbers: list[Number] = []
    i = 0
    while i < len(words):
        for j in range(len(words), i, -1):
            piece = [w for _, _, w in words[i:j]]
            if piece[-1] == "and":
                continue
            value = parse_word_values(piece)
            if value is not None:
                start, end = words[i][0], words[j - 1][1]
                factor = _trailing_scale(piece)
                numbers.append(Number(start, end, value, factor=factor, kind="words"))
                i = j
                break
        else:
            i += 1
    return [n for n in numbers if not _bare_article(match.string, n)]


def _trailing_scale(words: list[str]) -> float:
    """What the scale words at the end multiply by ("four hundred thousand" -> 1e5), so a
    range can carry them to its first end ("three to four thousand")."""
    factor = 1.0
    for word in reversed(words[1:]):
        value, kind = number_words().get(word, (0.0, ""))
        if kind != "scale":
            break
        factor *= value
    return factor


def _bare_article(text: str, number: Number) -> bool:
    """True for a lone "a"/"an"/"and" that the word pattern picked up around a failed parse."""
    return text[number.start : number.end].lower() in ("a", "an", "and")


def read_vague(match: re.Match[str]) -> Number | None:
    low, high, needs_of = vague_amounts()[match.group().lower()]
    if needs_of and not match.string.startswith(" of ", match.end()):
        return None
    return Number(match.start(), match.end(), None, low, high, kind="vague")


# Denominators of fractions as news writes them; "9/11" and "24/7" are no fractions.
DENOMINATORS = frozenset({2, 3, 4, 5, 8, 10, 16, 32, 64, 100, 128, 1000})


def read_fraction(match: re.Match[str]) -> Number:
    """ "1/16", "2/3 of": a share; "9/11", "24/7": a slashed date or code, no value."""
    numerator, denominator = int(match.group(1)), int(match.group(2))
    proper = 0 < numerator < denominator
    known = denominator in DENOMINATORS or match.string.startswith(" of ", match.end())
    if not (proper and known):
        return Number(match.start(), match.end(), None, kind="slashed")
    return Number(match.start(), match.end(), numerator / denominator, kind="fraction")


@cache
def mixed_re() -> re.Pattern[str]:
    """A whole number and a fraction: "5 1/2", "2-3/4", "3 and a half", "2 and a half million"."""
    return re.compile(
        r"(?<![\w.,/])(?P<whole>\d{1,3})(?:[ \u00a0-](?P<num>\d)/(?P<den>\d{1,2})(?![\w/])"
        r"|[ \u00a0]and[ \u00a0]an?[ \u00a0](?P<part>half|quarter|third)\b)"
        rf"(?:[ \u00a0](?P<scale>{alternation(list(word_scales()))})\b)?"
    )


PARTS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}


def read_mixed(match: re.Match[str]) -> Number | None:
    if match.group("part"):
        share = PARTS[match.group("part")]
    else:
        numerator, denominator = int(match.group("num")), int(match.group("den"))
        if not (0 < numerator < denominator and denominator in DENOMINATORS):
            return None  # "on 5 9/11": a date after a number
        share = numerator / denominator
    factor = scales()[match.group("scale")][0] if match.group("scale") else 1.0
    value = (int(match.group("whole")) + share) * factor
    return Number(match.start(), match.end(), value, factor=factor, kind="fraction")


def read_vulgar(match: re.Match[str]) -> Number:
    whole = float(match.group(1) or 0)
    value = whole + unicodedata.numeric(match.group(2))
    return Number(match.start(), match.end(), value, kind="fraction")


@cache
def digits_start() -> tuple[int, str]:
    """How far before its first digit an amount may start, and with which characters: a
    currency ("US $"), a space, then a sign ("minus "), or the point of ".5"."""
    prefixes = list(currencies("prefix"))
    back = max(len(p) for p in prefixes) + 1 + len("minus ")
    return back, "".join({p[0] for p in prefixes} | {"-", "\u2212", "m", "."})


@cache
def first_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words a run of number words and a vague amount can start with."""
    vague = frozenset(row[0].split()[0].lower() for row in table("vague_amounts.tsv"))
    return frozenset(number_words()) | {"a", "an"}, vague


def scan_numbers(text: str) -> list[Number]:
    """Every number in ``text``, in order, without overlaps (digits win over words)."""
    at_runs = before_digits(text)
    number_starts, vague_starts = first_words()
    found: list[Number] = [
        n for m in finditer_at(mixed_re(), text, at_runs) if (n := read_mixed(m))
    ]
    if VULGAR_CHAR_RE.search(text):
        found += [read_vulgar(m) for m in VULGAR_RE.finditer(text)]
    found += [read_fraction(m) for m in finditer_at(FRACTION_RE, text, at_runs)]
    amounts = finditer_at(digits_re(), text, before_digits(text, *digits_start()))
    found += [read_digits(m) for m in amounts]
    vague = finditer_at(vague_re(), text, at_words(text, vague_starts))
    found += [n for m in vague if (n := read_vague(m))]
    for match in finditer_at(words_re(), text, at_words(text, number_starts)):
        found += read_words(match)
    chosen: list[Number] = []
    taken: set[int] = set()
    for number in found:  # in priority order: fractions, digits, vague amounts, words
        span = set(range(number.start, number.end))
        if not span & taken:
            chosen.append(number)
            taken |= span
    return sorted(chosen, key=lambda n: n.start)
