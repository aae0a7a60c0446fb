"""Where the records go, and what ends a run early: ``--output``, write errors, signals.

- :func:`open_writer`: the writer of a format, into ``--output`` or stdout.
- ``-o FILE`` (a regular file, or one not there yet) is written to a hidden temporary file
  beside it, renamed over it only when complete, keeping the old file's permission bits; a
  symbolic link's target is replaced, the link stays. A FIFO, a device or anything under
  /dev or /proc (``-o /dev/stdout``) is written to directly: renaming over it would replace
  the node itself.
- A write that fails (``> /dev/full``, a full disk) is :class:`WriteFailed`: one line, its
  own exit code.
- SIGTERM and SIGHUP (``timeout``, CI runners, Docker, a closed terminal) stop the run as
  Ctrl-C does: :class:`Stopped` unwinds through the same clean-up (workers ended, temporary
  file removed) and the exit code is 128 + the signal's number. :func:`end_workers` ends
  nlp.pipe's worker processes first, which would otherwise keep the run from ending.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import sys
import tempfile
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

from claimex.errors import ClaimexError, WriteFailed

DIRECT_PREFIXES = ("/dev/", "/proc/")
SIGNAL_NAMES = {signal.SIGTERM: "SIGTERM", signal.SIGHUP: "SIGHUP"}


class GuardedWriter:
    """A writer whose write errors become :class:`WriteFailed` naming ``target``."""

    def __init__(self, writer, target: str):
        self.writer, self.target = writer, target

    def write(self, record) -> None:
        try:
            self.writer.write(record)
        except OSError as exc:
            if is_write_error(exc):
                raise WriteFailed(self.target, exc) from exc
            raise

    def close(self) -> None:
        try:
            self.writer.close()
        except OSError as exc:
            if is_write_error(exc):
                raise WriteFailed(self.target, exc) from exc
            raise


class BadOutput(ClaimexError):
    """``--output`` cannot be used: it names one of the files being read, or a folder that
    does not exist."""


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP arrived: a KeyboardInterrupt, so every clean-up for Ctrl-C runs."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum
        self.exit_code = 128 + signum
        self.name = SIGNAL_NAMES.get(signum, f"signal {signum}")


def end_workers() -> None:
    """Terminate nlp.pipe's worker processes (--n-process; the only children claimex starts).

    On a closed pipe or Ctrl-C, spaCy would otherwise wait for workers that are blocked
    writing to pipes nobody reads any more."""
    import multiprocessing

    for child in multiprocessing.active_children():
        child.terminate()
    warnings.filterwarnings("ignore", message=r"\[W127\]")  # "workers did not finish": we know


def is_write_error(exc: OSError) -> bool:
    """An OSError that means the output cannot take more (not a closed pipe: that is ``| head``
    and ends the run quietly)."""
    return not isinstance(exc, BrokenPipeError) and exc.errno != errno.EPIPE


def writes_directly(path: str) -> bool:
    """Whether ``path`` is written in place rather than replaced: a FIFO, device or socket,
    or a node under /dev or /proc (``/dev/stdout`` may point at the shell's own file)."""
    if os.path.abspath(path).startswith(DIRECT_PREFIXES):
        return True
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return False


@contextmanager
def open_output(path: str | None) -> Iterator[IO[str]]:
    """A UTF-8 text stream to ``path`` (stdout if None), complete or not there at all."""
    if path is None:
        yield sys.stdout
        return
    if writes_directly(path):
        try:
            stream = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
        except OSError as exc:
            raise WriteFailed(path, exc) from exc
        try:
            yield stream
            stream.flush()
        except OSError as exc:
            if is_write_error(exc):
                raise WriteFailed(path, exc) from exc
            raise
        finally:
            with suppress(OSError):  # what a failed write left in the buffer stays unwritten
                stream.close()
        return
    with _replacing(path) as stream:
        yield stream


@contextmanager
def open_writer(fmt: str, output: str | None, table: str | None = None) -> Iterator:
    """The writer of ``fmt`` (:mod:`claimex.render`) into ``output`` (stdout if None), whose
    output is left complete or not at all; ``parquet`` writes tables into directory ``output``."""
    if fmt == "parquet":
        from claimex.io.tables import ParquetTables

        Path(output).mkdir(parents=True, exist_ok=True)
        with ParquetTables(Path(output)) as writer:
            yield writer
        return
    from claimex.render import make_writer

    with open_output(output) as stream:
        writer = GuardedWriter(make_writer(fmt, stream, table), output or "stdout")
        yield writer
        writer.close()


@contextmanager
def _replacing(path: str) -> Iterator[IO[str]]:
    target = Path(os.path.realpath(path))  # through symbolic links: the link stays
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as exc:
        raise BadOutput(f"cannot write --output {path}: {exc.strerror}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())  # on disk before the rename makes it visible
        os.chmod(tmp, mode)  # mkstemp makes it private
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise WriteFailed(path, exc) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_not_an_input(output: str | None, paths: Iterable[str]) -> None:
    """Refuse ``--output`` naming a file that is read in the same run (it would be replaced
    by records about itself), given as a path or found inside a given folder."""
    if output is None or writes_directly(output) or not os.path.exists(output):
        return
    target = os.path.realpath(output)
    for given in paths:
        if given == "-" or not os.path.exists(given):
            continue
        if os.path.isdir(given):
            folder = os.path.realpath(given) + os.sep
            relative = target[len(folder) :] if target.startswith(folder) else None
            walked = relative is not None and not relative.startswith(".")
            walked = walked and f"{os.sep}." not in relative  # hidden files are not read
        else:
            walked = os.path.samefile(given, output)
        if walked:
            raise BadOutput(f"--output {output} is also an input: write somewhere else")


@contextmanager
def stop_signals(handler) -> Iterator[None]:
    """Route SIGTERM and SIGHUP to ``handler`` for the duration, unless the run was started
    ignoring them (``nohup`` ignores SIGHUP: the run goes on when the terminal closes);
    worker processes forked meanwhile get the default action back (their parent ends them)."""
    global _fork_hook
    previous = {
        signum: signal.signal(signum, handler)
        for signum in SIGNAL_NAMES
        if signal.getsignal(signum) is not signal.SIG_IGN
    }
    if not _fork_hook:
        os.register_at_fork(after_in_child=_default_stop_signals)
        _fork_hook = True
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


_fork_hook = False


def _default_stop_signals() -> None:
    for signum in SIGNAL_NAMES:
        if signal.getsignal(signum) is not signal.SIG_IGN:  # nohup's choice holds in workers too
            signal.signal(signum, signal.SIG_DFL)
