"""claimex on Dask: a 2-worker LocalCluster gives the local run's output part by part, a run
interrupted and resumed loses and repeats nothing, and neither does a worker killed mid-part.

One cluster for the module, the LocalCluster of ``claimex extract --dask``: its workers are
forked from this process, which has loaded the pipeline already (the ``nlp`` fixture).
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimex.cli import cli
from claimex.dask import connect, extract_bag, extract_records, run_dask
from claimex.partitions import MANIFEST, Manifest, OutputExists, ReadOptions, plan
from claimex.render import Reporter

distributed = pytest.importorskip("distributed")
CLAIMEX = [sys.executable, "-m", "claimex"]
SENTENCES = (
    '"The ferry to Ostra will run again in May," said harbour chief Lena Maris.',
    "Ticket prices rose 8% last year, the operator Brisk Lines said.",
    "Nobody at the town hall of Velden would comment.",
)


@pytest.fixture(scope="module")
def client(nlp):
    with connect(None, 2) as client:
        yield client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Six text files, a JSON Lines file with a bad line, a missing path: 15 records."""
    root = tmp_path_factory.mktemp("corpus")
    for i in range(6):
        (root / f"a{i}.txt").write_text(f"{SENTENCES[i % 3]} Item {i}.\n", encoding="utf-8")
    lines = [json.dumps({"id": f"r{i}", "text": SENTENCES[i % 3]}) for i in range(7)]
    lines.insert(3, "{broken")
    (root / "z.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(root), str(root / "missing.txt")]


@pytest.fixture(scope="module")
def local_output(corpus, nlp):
    result = CliRunner().invoke(cli, ["extract", *corpus, "--format", "jsonl"])
    assert result.exit_code == 1  # the bad line and the missing path
    return result.stdout


def _parts(out: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted(out.glob("part-*.jsonl")))


def _manifest(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / MANIFEST).read_text().splitlines()[1:]]


def _run(client, corpus, out: Path, **options):
    stderr = io.StringIO()
    with Reporter(stderr) as report:
        summary = run_dask(corpus, out, report, client=client, partition_size=2, **options)
    return summary, stderr.getvalue()


def test_local_workers_share_the_pipeline_without_dask_overheads(client):
    def worker_state() -> tuple:
        import dask

        from claimex.pipeline import _load_pipeline, load_pipeline

        loads = _load_pipeline.cache_info().misses
        load_pipeline()  # the parent's, inherited: no load of its own
        return (
            _load_pipeline.cache_info().misses - loads,
            os.environ.get("MALLOC_TRIM_THRESHOLD_"),
            dask.config.get("distributed.worker.profile.enabled"),
        )

    assert set(client.run(worker_state).values()) == {(0, None, False)}


def test_partitions_follow_the_input_order(corpus):
    parts = plan(corpus, ReadOptions(), size=2)
    assert [(p.fmt, p.start, p.count, len(p.items)) for p in parts] == [
        ("text", None, None, 2), ("text", None, None, 2), ("text", None, None, 2),
        ("jsonl", 1, 2, 1), ("jsonl", 3, 2, 1), ("jsonl", 5, 2, 1), ("jsonl", 7, 2, 1),
        ("text", None, None, 1),  # the missing path, as an error record in its place
    ]  # fmt: skip


def test_parts_concatenated_are_the_local_output(client, corpus, local_output, tmp_path):
    summary, stderr = _run(client, corpus, tmp_path / "out")
    assert _parts(tmp_path / "out") == local_output
    assert (summary.documents, summary.failed) == (13, 2)
    assert "dask dashboard: http" in stderr and "error: " in stderr
    assert sorted(e["part"] for e in _manifest(tmp_path / "out")) == list(range(8))

    summary, _ = _run(client, corpus, tmp_path / "tables", fmt="parquet")
    import duckdb

    rows = duckdb.sql(
        f"SELECT count(*), count(DISTINCT source) FROM '{tmp_path}/tables/documents/*.parquet'"
    ).fetchall()
    assert rows == [(15, 15)]


def test_an_earlier_run_is_not_overwritten_without_resume(client, corpus, tmp_path):
    (tmp_path / MANIFEST).write_text('{"manifest": 1}\n')
    result = CliRunner().invoke(cli, ["extract", *corpus, "--dask", "-o", str(tmp_path)])
    assert result.exit_code == 2 and "pass --resume" in result.stderr


def test_resume_refuses_other_inputs(corpus, tmp_path):
    parts = plan(corpus, ReadOptions(), size=2)
    manifest = Manifest(tmp_path, "jsonl", 2)
    assert manifest.done(parts, resume=False) == {}
    manifest.record({"part": 0, **parts[0].describe(), "documents": 2})
    with pytest.raises(OutputExists, match="part 0 differs"):
        manifest.done(plan(corpus[1:], ReadOptions(), size=2), resume=True)


def test_resume_after_an_interruption(client, corpus, local_output, tmp_path):
    out = tmp_path / "out"
    options = ["--dask", client.scheduler.address, "-o", str(out), "--partition-size", "2"]
    command = [*CLAIMEX, "extract", *corpus, *options]
    first = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    while not (out / MANIFEST).exists() or not _manifest(out):
        assert first.poll() is None, first.stderr.read().decode()
        time.sleep(0.005)
    # SIGTERM, not SIGINT: a shell's background job (where CI may run) ignores SIGINT
    first.send_signal(signal.SIGTERM)
    assert first.wait(timeout=60) == 143
    done = {e["part"] for e in _manifest(out)}
    assert 1 <= len(done) < 8

    second = CliRunner().invoke(cli, ["extract", *corpus, *options, "--resume"])
    assert second.exit_code == 1, second.stderr  # 1: the bad line and the missing path
    assert f"resuming: {len(done)} of 8 parts already done" in second.stderr
    assert sorted(e["part"] for e in _manifest(out)) == list(range(8))  # each part once
    assert _parts(out) == local_output
    assert "13 documents" in second.stderr  # the summary counts the whole corpus


def test_a_worker_killed_mid_part_loses_and_repeats_nothing(client, corpus, local_output, tmp_path):
    out = tmp_path / "out"
    killed: list[int] = []

    def kill_first_worker_writing_a_part() -> None:
        while not killed:
            for leftover in out.glob(".part-*.tmp"):
                pid = int(leftover.name.split(".")[-2])
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
                return
            time.sleep(0.002)

    out.mkdir()
    watcher = threading.Thread(target=kill_first_worker_writing_a_part, daemon=True)
    watcher.start()
    summary, _ = _run(client, corpus, out)
    assert killed, "no worker was caught writing a part"
    assert _parts(out) == local_output
    assert sorted(e["part"] for e in _manifest(out)) == list(range(8))
    assert (summary.documents, summary.failed) == (13, 2)
    assert not list(out.glob(".part-*"))  # the killed worker's unfinished file is gone


def test_extract_bag_on_records(client):
    import dask.bag

    records = [{"id": i, "text": SENTENCES[i % 3], "lang": "en"} for i in range(4)]
    bag = extract_bag(dask.bag.from_sequence(records, npartitions=2))
    results = bag.compute()
    assert results == list(extract_records(records[:2])) + list(extract_records(records[2:]))
    assert [(r["id"], r["meta"]) for r in results] == [(i, {"lang": "en"}) for i in range(4)]
    assert results[0]["speakers"][0]["name"] == "Lena Maris"
