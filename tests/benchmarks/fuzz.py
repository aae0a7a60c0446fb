"""Fuzz claimex: random texts built from stray quote marks, line ends of every kind, invisible
and control characters, digits and news-like words, so the rules fire on broken input.

Not part of pytest (it takes minutes). Prints the number of cases, of exceptions (a raised
exception or an error record) and of offset errors (a span whose text is not
``text[start:end]``, or offsets outside the text); both should be 0.

    python tests/benchmarks/fuzz.py [--cases 10000] [--seed 0] [--chunked-every 10]

Every ``--chunked-every``-th case also goes through the long-text path (chunks of 40
characters), where offsets are shifted back onto the whole text.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback

PIECES = [
    '"', "“", "”", "«", "»", "'", "‘", "’", " ", " ", "\n", "\n\n", "\r\n", "\r", "\u2028",
    "\x85", "\u200b", "\u200e", "\ufeff", "\xad", "\x1b[31m", "\t", ", ", ". ", ": ", " — ",
    "-", "%", "$", "=", "said", " said ", "told reporters", "according to", "she", "he added",
    "Mr. ", "Dr. ", "Ana Lopez", "Lopez", "Boris Kane", "the Riverton Council", "Acme Corp.",
    "(OBA)", "about", "more than", "12,000", "4.5", "3", "2026", "million", "percent",
    "troops", "dozens of", "date 2026-01-05 ", " said that ", "; ", "which ", "arguing that",
]  # fmt: skip
ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?\"'()-\n"


def random_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(10, 120)):
        roll = rng.random()
        if roll < 0.7:
            parts.append(rng.choice(PIECES))
        elif roll < 0.85:
            parts.append("".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 8))))
        elif roll < 0.95:
            parts.append(str(rng.randint(0, 10**9)))
        else:  # any code point but surrogates
            parts.append(
                "".join(chr(rng.choice([rng.randint(1, 0xD7FF), rng.randint(0xE000, 0x10FFFF)]))
                for _ in range(rng.randint(1, 4)))
            )  # fmt: skip
    return "".join(parts)


def offset_errors(text: str, record) -> list[str]:
    """What is wrong with the record's spans, if anything."""
    problems = []

    def span(item, name: str, has_text: bool = True) -> None:
        if not 0 <= item.start <= item.end <= len(text):
            problems.append(f"{name} offsets {item.start}..{item.end} outside the text")
        elif has_text and text[item.start : item.end] != item.text:
            problems.append(f"{name} {item.text!r} != text[{item.start}:{item.end}]")

    for quote in record.quotes:
        span(quote, f"quote {quote.id}")
        for piece in quote.spans:
            span(piece, f"quote {quote.id} span", has_text=False)
        for part in (quote.cue, quote.speaker):
            if part is not None:
                span(part, f"quote {quote.id} cue/speaker")
    for speaker in record.speakers:
        for mention in speaker.mentions:
            span(mention, f"speaker {speaker.id} mention", has_text=False)
    for org in record.organisations:
        for mention in org.mentions:
            span(mention, f"organisation {org.id} mention", has_text=False)
    for item in (*record.figures, *record.claims):
        span(item, f"{item.id}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--chunked-every", type=int, default=10)
    parser.add_argument("--show", type=int, default=3, help="failures to print in full")
    args = parser.parse_args()

    from claimex.models import ErrorRecord
    from claimex.pipeline import load_pipeline, pipe_records, record_alone

    class Case:
        def __init__(self, number: int):
            self.number, self.source = number, f"case-{number}"

    nlp = load_pipeline()
    rng = random.Random(args.seed)
    texts = [random_text(rng) for _ in range(args.cases)]
    exceptions = offsets = chunked = 0
    shown = 0
    started = time.perf_counter()

    def report(kind: str, number: int, detail: str) -> None:
        nonlocal shown
        if shown < args.show:
            shown += 1
            print(f"--- {kind} in case {number}: {texts[number]!r}\n{detail}", file=sys.stderr)

    records = pipe_records(nlp, ((text, Case(i)) for i, text in enumerate(texts)), batch_size=64)
    for case, record in records:
        text = texts[case.number]
        if isinstance(record, ErrorRecord):
            exceptions += 1
            report("exception", case.number, f"{record.error.type}: {record.error.message}")
            continue
        problems = offset_errors(text, record)
        offsets += bool(problems)
        if problems:
            report("offset error", case.number, "\n".join(problems))
        if args.chunked_every and case.number % args.chunked_every == 0:
            chunked += 1
            limit, nlp.max_length = nlp.max_length, 40
            try:
                long_record = record_alone(nlp, text, case.source)
            except Exception:  # noqa: BLE001 - counted, the fuzzing goes on
                long_record = None
                report("exception (chunked)", case.number, traceback.format_exc())
            finally:
                nlp.max_length = limit
            if long_record is None or isinstance(long_record, ErrorRecord):
                exceptions += 1
                if long_record is not None:
                    report("exception (chunked)", case.number, long_record.error.message)
            else:
                problems = offset_errors(text, long_record)
                offsets += bool(problems)
                if problems:
                    report("offset error (chunked)", case.number, "\n".join(problems))
    seconds = time.perf_counter() - started
    print(
        f"{args.cases} cases (+{chunked} through the chunked path), seed {args.seed}: "
        f"{exceptions} exceptions, {offsets} offset errors, {seconds:.0f} s"
    )
    return 1 if exceptions or offsets else 0


if __name__ == "__main__":
    sys.exit(main())
