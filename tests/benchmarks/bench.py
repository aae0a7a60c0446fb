"""Benchmark: claimex against the bare spaCy pipeline, on the same texts, in one run.

    python tests/benchmarks/bench.py SMALL_DIR [--large LARGE_DIR] [--processes 1 2]

SMALL_DIR is any folder of .txt files. LARGE_DIR should hold about ten times as many other
texts, as a real corpus does. Without it, SMALL_DIR is copied ten times into a temporary
folder: that measures memory growth alone (with SMALL_DIR holding a multiple of batch size x
processes files, e.g. 32, the batches are the same texts too: peak memory follows the longest
batch), but its throughput favours the bare pipeline: on text it has seen, its lemmatizer
(which claimex leaves out) and its tokenizer answer from their caches, and spaCy does not
cache tokens inside the memory zones that keep claimex's memory flat.

For each process count it times ``claimex extract --format jsonl`` and ``nlp.pipe`` of the
same model with all its default parts (same batch size), both as fresh processes that load
the model, read the files and go through every text, and prints throughput (wall clock and
CPU time), the ratio, the speed-up of more processes and peak memory (largest resident set
of any one process). Also times ``claimex --help``. Not collected by pytest; run it by hand.

With 2 processes it also runs ``claimex extract --dask --workers 2`` (a LocalCluster, parts in
a temporary folder) on the large corpus against ``--n-process 2``, and reads a generated JSON
Lines file of ``--jsonl-mb`` MB (0: skip) against one a hundredth of its size, printing the
peak memory of each: reading streams, so both should be about equal.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

# Runs a command and prints its wall time, CPU time and the peak RSS (KiB) of its process
# tree's largest process: RUSAGE_CHILDREN covers every waited-for descendant (workers too).
MEASURE = """
import resource, subprocess, sys, time
started = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
seconds = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(code, seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
"""

# The bare pipeline: the same model, all its default parts, nlp.pipe over the same files.
BARE = """
import pathlib, sys, spacy
folder, model, n_process, batch_size = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
nlp = spacy.load(model)
texts = (p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(folder).rglob("*.txt")))
for doc in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
    pass
"""


# Reads every document of a corpus file with claimex's readers, extracting nothing.
READ = """
import sys
from claimex.sources import iter_documents
count = sum(1 for doc in iter_documents(sys.argv[1:]) if doc.error is None)
assert count, "no documents read"
"""


# The installed `claimex` command, as a user runs it (beside this interpreter in a venv).
CONSOLE_SCRIPT = shutil.which("claimex", path=str(Path(sys.executable).parent)) or "claimex"


@dataclass
class Result:
    seconds: float  # wall clock
    cpu: float  # user + system, all processes: less disturbed by other load on the machine
    peak_mib: float


def measure(command: list[str]) -> Result:
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True
    )
    code, seconds, cpu, peak_kib = done.stdout.split()
    if code not in ("0", "1"):  # 1: some inputs failed, still a complete run
        raise SystemExit(f"{command[:3]} failed with exit code {code}:\n{done.stderr}")
    return Result(float(seconds), float(cpu), int(peak_kib) / 1024)


def claimex_command(folder: Path, n_process: int, batch_size: int) -> list[str]:
    claimex = [sys.executable, "-m", "claimex", "extract", "--format", "jsonl", "--quiet"]
    return [*claimex, "--include", "*.txt", "--n-process", str(n_process),
            "--batch-size", str(batch_size), str(folder)]  # fmt: skip


def dask_command(folder: Path, out: Path, workers: int, batch_size: int) -> list[str]:
    claimex = [sys.executable, "-m", "claimex", "extract", "--format", "jsonl", "--quiet"]
    return [*claimex, "--include", "*.txt", "--dask", "--workers", str(workers),
            "--batch-size", str(batch_size), "-o", str(out), str(folder)]  # fmt: skip


def jsonl_corpus(path: Path, megabytes: float, texts: list[str]) -> Path:
    """A JSON Lines file of about ``megabytes`` MB made of ``texts``, each record numbered."""
    with open(path, "w", encoding="utf-8") as stream:
        written, number = 0, 0
        while written < megabytes * 1e6:
            line = json.dumps({"id": number, "outlet": "bench", "text": texts[number % len(texts)]})
            written += stream.write(line + "\n")
            number += 1
    return path


def bare_command(folder: Path, model: str, n_process: int, batch_size: int) -> list[str]:
    return [sys.executable, "-c", BARE, str(folder), model, str(n_process), str(batch_size)]


def ten_times(folder: Path, into: Path) -> Path:
    for copy in range(10):
        for path in sorted(folder.rglob("*.txt")):
            shutil.copyfile(path, into / f"{copy}-{path.name}")
    return into


def help_seconds(runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([CONSOLE_SCRIPT, "--help"], capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("small", type=Path)
    parser.add_argument("--large", type=Path)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--jsonl-mb", type=float, default=200)
    args = parser.parse_args()
    from claimex.pipeline import resolve_model

    model = resolve_model()
    with tempfile.TemporaryDirectory() as tmp:
        corpora = {"1x": args.small, "10x": args.large or ten_times(args.small, Path(tmp))}
        docs = {name: len(list(path.rglob("*.txt"))) for name, path in corpora.items()}
        print(f"{datetime.date.today()}: model {model}; batch size {args.batch_size}; "
              f"documents {docs}; load average {os.getloadavg()} "
              f"on {os.cpu_count()} cores")  # fmt: skip
        rows = run_all(corpora, docs, model, args.processes, args.batch_size)
        if 2 in args.processes:
            out = Path(tmp) / "dask-parts"
            rows["dask"] = measure(dask_command(corpora["10x"], out, 2, args.batch_size))
            print(f" 10x corpus, dask 2 workers: {docs['10x'] / rows['dask'].seconds:5.2f} docs/s "
                  f"({rows['dask'].seconds:5.1f} s wall, {rows['dask'].cpu:5.1f} s cpu, "
                  f"{rows['dask'].peak_mib:4.0f} MiB peak)", flush=True)  # fmt: skip
        if args.jsonl_mb:
            rows["jsonl"] = read_jsonl_memory(args.small, Path(tmp), args.jsonl_mb)
    report(rows, args.processes)
    # Other work on the machine slows the wall clock, above all with 2 processes.
    print(f"load average at the end: {os.getloadavg()} on {os.cpu_count()} cores")


def run_all(corpora, docs, model, processes, batch_size) -> dict:
    rows = {}
    for name, folder in corpora.items():
        for n in processes:
            bare = measure(bare_command(folder, model, n, batch_size))
            ours = measure(claimex_command(folder, n, batch_size))
            rows[name, n] = (bare, ours)
            print(
                f"{name:>4} corpus, {n} process(es): "
                f"bare {docs[name] / bare.seconds:5.2f} docs/s ({bare.seconds:5.1f} s wall, "
                f"{bare.cpu:5.1f} s cpu, {bare.peak_mib:4.0f} MiB peak)  "
                f"claimex {docs[name] / ours.seconds:5.2f} docs/s ({ours.seconds:5.1f} s wall, "
                f"{ours.cpu:5.1f} s cpu, {ours.peak_mib:4.0f} MiB peak)  claimex/bare "
                f"{bare.seconds / ours.seconds:.2f}x wall, {bare.cpu / ours.cpu:.2f}x cpu",
                flush=True,
            )
    return rows


def read_jsonl_memory(small: Path, tmp: Path, megabytes: float) -> tuple[Result, Result]:
    """Peak memory of reading a generated JSON Lines file of ``megabytes`` MB, and of one a
    hundredth of its size, with claimex's readers."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(small.rglob("*.txt"))]
    results = []
    for size in (megabytes / 100, megabytes):
        path = jsonl_corpus(tmp / f"corpus-{size:g}mb.jsonl", size, texts)
        results.append(measure([sys.executable, "-c", READ, str(path)]))
        print(f"read {size:g} MB of JSON Lines: {results[-1].seconds:5.1f} s, "
              f"{results[-1].peak_mib:4.0f} MiB peak", flush=True)  # fmt: skip
        path.unlink()
    return results[0], results[1]


def report(rows: dict, processes: list[int]) -> None:
    print()
    for n in processes:
        bare, ours = rows["10x", n]
        target = " (target >= 1.2)" if n == 1 else ""
        print(f"claimex / bare throughput, {n} process(es), 10x corpus: "
              f"{bare.seconds / ours.seconds:.2f}x wall, "
              f"{bare.cpu / ours.cpu:.2f}x cpu{target}")  # fmt: skip
        print(f"claimex peak memory, {n} process(es), 10x / 1x: "
              f"{ours.peak_mib / rows['1x', n][1].peak_mib:.3f} (target <= 1.10)")  # fmt: skip
    if 1 in processes and 2 in processes:
        speedups = []
        for label, index in (("bare", 0), ("claimex", 1)):
            speedups.append(rows["10x", 1][index].seconds / rows["10x", 2][index].seconds)
            print(f"{label}: 2 processes / 1 process, 10x corpus: {speedups[-1]:.2f}x wall")
        print(f"claimex's 2-process speed-up / bare's: {speedups[1] / speedups[0]:.2f}x "
              "(target >= 0.95)")  # fmt: skip
        local, dask = rows["10x", 2][1], rows["dask"]
        print(f"dask 2 workers / --n-process 2 throughput, 10x corpus: "
              f"{local.seconds / dask.seconds:.2f}x wall, {local.cpu / dask.cpu:.2f}x cpu "
              "(target >= 0.9)")  # fmt: skip
    if "jsonl" in rows:
        small, large = rows["jsonl"]
        print(f"peak memory reading JSON Lines, 100x the size: {large.peak_mib:.0f} MiB / "
              f"{small.peak_mib:.0f} MiB = {large.peak_mib / small.peak_mib:.2f} "
              "(target <= 1.10)")  # fmt: skip
    print(f"claimex --help: {help_seconds():.3f} s median (target < 0.25)")


if __name__ == "__main__":
    main()
