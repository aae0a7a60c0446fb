"""claimex on Dask (needs ``claimex[dask]``): ``claimex extract --dask`` and a library API.

The distributed part is a thin layer: the partitions of :mod:`claimex.partitions` are mapped
over the cluster, each worker process loads the pipeline once (it is cached per process) and
runs each partition through :func:`claimex.run.run`, the loop of a local run, writing one part
file. The client appends each finished part to the manifest, prints its messages and counts it
into the progress bar and summary. A worker that dies mid-partition leaves only a temporary
file: the scheduler runs the partition again elsewhere and the part is written once.

For your own graphs: :func:`extract_records` is ``map_partitions``-ready (an iterable of input
records in, output records as dicts out) and :func:`extract_bag` applies it to a bag.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from claimex.errors import ClaimexError
from claimex.partitions import (
    PARTITION_SIZE,
    Manifest,
    ReadOptions,
    add_entry,
    extract_part,
    plan,
    remove_leftovers,
)
from claimex.run import Summary, extract_documents

INSTALL_HINT = 'pip install "claimex[dask]"'


def _distributed():
    try:
        import distributed
    except ImportError:
        raise ClaimexError(f"--dask needs dask.distributed: {INSTALL_HINT}") from None
    return distributed


# A LocalCluster's workers are forked from this process once it has loaded the pipeline: they
# start at once, sharing its memory, instead of each importing spaCy and loading the model
# (Dask spawns them by default). Dask's defaults for the rest are made for many short tasks;
# for a few long CPU-bound ones they cost a fifth of the CPU time (measured on 100 articles):
# MALLOC_TRIM_THRESHOLD_ makes glibc map and unmap each large array thinc allocates, the
# statistical profiler samples the stacks every 10 ms, and the event loops wake every 20 to
# 500 ms to check their own health, the memory and the system. One task at a time per worker
# (saturation 1) keeps the last parts from waiting behind another on a busy worker. A user's
# cluster keeps its own settings.
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.multiprocessing-method": "fork",
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.scheduler.worker-saturation": 1.0,
}


@contextmanager
def connect(address: str | None, workers: int, options: ReadOptions | None = None):
    """A client of the cluster at ``address``, or of a new LocalCluster of ``workers``
    single-threaded worker processes (spaCy holds the GIL: threads would not run in parallel)
    that share the pipeline of ``options``, loaded here first."""
    distributed = _distributed()
    if address:
        with distributed.Client(address) as client:
            yield client
        return
    import dask

    from claimex.pipeline import load_pipeline

    options = options or ReadOptions()
    load_pipeline(
        options.model, join_continuations=options.join_continuations, lexicons=options.lexicons
    )
    with (
        dask.config.set(LOCAL_CLUSTER_CONFIG),
        distributed.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True,
            dashboard_address=":0", silence_logs=logging.ERROR,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):  # fmt: skip
        yield client


def run_dask(
    paths: Iterable[str],
    out_dir: Path,
    report,
    *,
    client=None,
    address: str | None = None,
    workers: int = 2,
    fmt: str = "jsonl",
    resume: bool = False,
    partition_size: int = PARTITION_SIZE,
    include: tuple[str, ...] = (),
    options: ReadOptions | None = None,
) -> Summary:
    """Extract from ``paths`` into part files in ``out_dir`` on a Dask cluster (``client``,
    else ``address``, else a LocalCluster of ``workers``); ``report`` is a
    :class:`claimex.render.Reporter`. Returns the summary of the whole corpus."""
    started = time.perf_counter()
    options = options or ReadOptions()
    parts = plan(paths, options, partition_size, include)
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest = Manifest(out_dir, fmt, partition_size)
    done = manifest.done(parts, resume)
    remove_leftovers(out_dir)
    summary = Summary()
    for entry in done.values():
        add_entry(summary, entry)
        report.advance(entry["documents"] + entry["failed"])
    if done:
        report.warn(f"resuming: {len(done)} of {len(parts)} parts already done")
    todo = [part for part in parts if part.index not in done]
    if todo:
        with _client(client, address, workers, options) as active:
            report.warn(f"dask dashboard: {active.dashboard_link}")
            _gather(active, todo, str(out_dir), fmt, options, manifest, summary, report)
    remove_leftovers(out_dir)
    summary.seconds = time.perf_counter() - started
    return summary


@contextmanager
def _client(client, address: str | None, workers: int, options: ReadOptions):
    if client is not None:
        yield client
    else:
        with connect(address, workers, options) as client:
            yield client


def _gather(client, todo, out_dir, fmt, options, manifest, summary, report) -> None:
    """Submit every partition; as each finishes, in whatever order: its messages to stderr,
    its entry to the manifest, its counts to the progress bar and the summary."""
    distributed = _distributed()
    futures = client.map(
        extract_part, todo, out_dir=out_dir, fmt=fmt, options=options, pure=False,
        key=[f"claimex-part-{part.index:05d}-{time.time_ns()}" for part in todo],
    )  # fmt: skip
    for future in distributed.as_completed(futures):
        try:
            entry = future.result()
        except Exception as exc:  # noqa: BLE001 - one part lost; --resume runs it again
            summary.failed += 1
            report.fail(f"error: part {future.key}: {type(exc).__name__}: {exc}")
            continue
        for message in entry["messages"]:
            (report.fail if message.startswith("error:") else report.warn)(message)
        manifest.record(entry)
        add_entry(summary, entry)
        report.advance(entry["documents"] + entry["failed"])


def extract_records(
    records: Iterable[dict[str, Any]],
    *,
    text_field: str = "text",
    id_field: str = "id",
    source: str = "record",
    model: str | None = None,
    join_continuations: bool = True,
) -> Iterator[dict[str, Any]]:
    """Output records (JSON-ready dicts) of input records (dicts with a text field), in order:
    a ``map_partitions`` function for a Dask bag, or ``mapPartitions`` for a Spark RDD. Each
    record is numbered within its partition (its ``source`` is ``record:N``); the pipeline
    is loaded once per process."""
    from claimex.io.records import RecordFields, record_document

    fields = RecordFields(text=text_field, id=id_field)
    documents = (
        record_document(source, number, record, fields)
        for number, record in enumerate(records, start=1)
    )
    options = {"join_continuations": join_continuations}
    for _, record in extract_documents(documents, model, **options):
        yield record.model_dump(mode="json")


def extract_bag(bag, **options):
    """A Dask bag of output records from a bag of input records (see :func:`extract_records`
    for ``options``)."""
    return bag.map_partitions(_records_list, **options)


def _records_list(records, **options) -> list[dict[str, Any]]:
    return list(extract_records(records, **options))
