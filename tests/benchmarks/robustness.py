"""Bounded memory and linear time, measured in one run (not part of pytest: it takes long).

1. Peak RSS of ``claimex extract FILE -o /dev/null`` (JSON Lines; a process of its own per
   file, the files side by side) on generated article files of ``--mb`` megabytes (default
   20 and 100): one document each, processed in chunks whose lists are spilled to temporary
   files. Target: each under 2 GB, the largest within 1.3x of the smallest.
2. Time per character on adversarial texts of ``--chars`` characters (default 10 KB, 100 KB,
   1 MB) of each ``--kinds``: the bare spaCy pipeline on the text as one Doc (claimex's
   components left out), and what ``claimex extract --format jsonl`` runs on it (the record,
   in chunks of 100,000 characters over that size, written out), each averaged over runs
   that fill 3 s, the smaller sizes measured before and after the largest. Target: the 1 MB
   rate within 1.5x of the 10 KB rate, and within 2x of bare spaCy's.

    python tests/benchmarks/robustness.py [--mb 20 100] [--chars 10000 100000 1000000]
        [--kinds said quote names numbers unbalanced]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

FIRST = ["Ana", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas"]
LAST = ["Lopez", "Kane", "Diaz", "Novak", "Okafor", "Petrov", "Quinn", "Rossi", "Sato", "Tanaka"]
ORGS = ["Acme Corp", "the Riverton Council", "Northwind Bank", "the Harbor Authority"]
CUES = ["said", "told reporters", "added", "warned", "argued"]
ADVERSARIAL = {
    "said": "Ana Lopez said that ",
    "quote": '"We will win the vote in the north and the south, ',
    "names": "Ana Lopez met Boris Kane, Carla Diaz and Hugo Sato of Acme Corp in Lima. ",
    "numbers": "About 12,000 people, 5% more than the 3.4 million in 2019, paid $8 billion. ",
    "unbalanced": "She said \u201cwe will\u201d win and \u201cthey won't. ",
}


def article_paragraph(rng: random.Random) -> str:
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    org, cue = rng.choice(ORGS), rng.choice(CUES)
    number = rng.randint(2, 90_000)
    return rng.choice(
        [
            f'"The plan for {org} will cost ${number:,} this year," {name} {cue}.',
            f"{name} of {org} {cue} that about {number:,} people had signed up, up "
            f"{number % 40} percent.",
            f'"We did what we could," {name.split()[1]} {cue}. "Nobody expected '
            f'{number % 500} families to come."',
            f"According to {org}, more than {number:,} homes lost power on Tuesday.",
        ]
    )


def write_article(path: Path, megabytes: int, seed: int = 0) -> None:
    rng = random.Random(seed)
    target = megabytes * 1_000_000
    with path.open("w", encoding="utf-8") as out:  # at most ``megabytes``: --max-size's unit
        written = 0
        while True:
            paragraph = article_paragraph(rng) + "\n\n"
            if written + len(paragraph) > target:
                break
            out.write(paragraph)
            written += len(paragraph)


def start_extract(path: Path) -> tuple[subprocess.Popen, float]:
    """Start ``claimex extract path`` (JSON Lines to /dev/null) in a process of its own."""
    command = [sys.executable, "-m", "claimex", "extract", str(path), "-q", "--format", "jsonl"]
    command += ["-o", os.devnull]
    return subprocess.Popen(command), time.perf_counter()


def peak_rss_mb(process: subprocess.Popen, started: float) -> tuple[float, float, int]:
    """Peak resident memory (MB) and seconds of a started run, and its exit code."""
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss / 1024, time.perf_counter() - started, process.returncode


def memory(megabytes: list[int]) -> None:
    """The files run side by side (peak RSS is per process; a run takes about 50 s per MB)."""
    print("peak memory of claimex extract on one generated article file")
    peaks = []
    with tempfile.TemporaryDirectory() as folder:
        runs = []
        for size in megabytes:
            path = Path(folder) / f"article-{size}mb.txt"
            write_article(path, size)
            runs.append((size, *start_extract(path)))
        for size, process, started in runs:
            peak, seconds, code = peak_rss_mb(process, started)
            peaks.append(peak)
            print(f"  {size:5d} MB file: peak RSS {peak:8.0f} MB  ({seconds:.0f} s, exit {code})")
            sys.stdout.flush()
    if len(peaks) > 1:
        ratio = max(peaks) / min(peaks)
        print(f"  largest / smallest: {ratio:.2f}x (target < 1.3x, each < 2048 MB)")


def timing(sizes: list[int], kinds: list[str]) -> None:
    from claimex.pipeline import CLAIMEX_PIPES, load_pipeline

    nlp = load_pipeline()
    nlp("Warm up. Ana Lopez said so.")
    own = [name for name in (*CLAIMEX_PIPES, "claimex_drop_tensor") if name in nlp.pipe_names]
    print("time per character (microseconds): bare spaCy, claimex, claimex / bare")
    with open(os.devnull, "w", encoding="utf-8") as devnull:
        for kind in kinds:
            unit = ADVERSARIAL[kind]
            texts = {size: (unit * (size // len(unit) + 1))[:size] for size in sizes}
            # Small, large, small again: the machine's speed drifts over the minutes a 1 MB
            # text takes, and a size measured on both sides of it is compared fairly.
            times: dict[int, list[tuple[float, float]]] = {size: [] for size in sizes}
            for size in sizes + sizes[-2::-1]:
                text = texts[size]
                bare = _mean_seconds(partial(_bare_run, nlp, text, own))
                full = _mean_seconds(partial(_claimex_run, nlp, text, kind, devnull))
                times[size].append((bare, full))
            first = None
            for size in sizes:
                bare = sum(b for b, _ in times[size]) / len(times[size])
                full = sum(f for _, f in times[size]) / len(times[size])
                first = first or full / size
                print(
                    f"  {kind:10} {size:9,d} chars: bare {bare / size * 1e6:7.1f}  claimex "
                    f"{full / size * 1e6:7.1f}  ratio {full / bare:5.2f}  "
                    f"(rate vs {sizes[0]:,}: {full / size / first:.2f}x)"
                )
            sys.stdout.flush()


def _mean_seconds(run, budget: float = 3.0) -> float:
    """Seconds per run, averaged over as many runs as fill ``budget`` seconds: a 10 KB text
    takes a fraction of a second, and one run of it is at the mercy of a busy moment, where a
    1 MB text's single run already averages over a minute."""
    runs, started = 0, time.perf_counter()
    while not runs or time.perf_counter() - started < budget:
        run()
        runs += 1
    return (time.perf_counter() - started) / runs


def _claimex_run(nlp, text: str, name: str, out) -> None:
    """What ``claimex extract --format jsonl`` runs: a text over the chunk size goes in
    chunks, its lists spilled, then written out."""
    from claimex.pipeline import record_alone
    from claimex.render import JsonLinesWriter

    JsonLinesWriter(out).write(record_alone(nlp, text, name, spill=True))


def _bare_run(nlp, text: str, own: list[str]) -> None:
    """spaCy's own pipeline on ``text`` as one Doc (claimex's parts left out)."""
    limit = nlp.max_length
    nlp.max_length = max(limit, len(text) + 1)
    try:
        with nlp.select_pipes(disable=own):
            nlp(text)
    finally:
        nlp.max_length = limit


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=int, nargs="*", default=[20, 100])
    parser.add_argument("--chars", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--kinds", nargs="*", default=list(ADVERSARIAL), choices=ADVERSARIAL)
    args = parser.parse_args()
    if args.mb:
        memory(args.mb)
    if args.chars and args.kinds:
        timing(args.chars, args.kinds)


if __name__ == "__main__":
    main()
