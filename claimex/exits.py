"""How a command ends: its exit code for each way a run stops early (a closed pipe, a write
error, Ctrl-C, SIGTERM or SIGHUP, a :class:`~claimex.errors.ClaimexError`), and the worker
processes ended on the way. Everything here says one line on stderr at most.

Imports nothing heavy: the console script's ``main`` uses it before any command runs.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import NoReturn

import click

from claimex.errors import ClaimexError, ExitCode, WriteFailed


def say(message: str) -> None:
    click.echo(message, err=True)


def quiet_stdout() -> None:
    """The reader of stdout went away (``| head``): send what Python still wants to flush
    to /dev/null instead of failing at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _end_workers() -> None:
    # Imported here, as in on_stop_signal: claimex.io.output at the top would slow --help down.
    from claimex.io.output import end_workers

    end_workers()


def _on_interrupt(signum, frame) -> NoReturn:
    _end_workers()
    raise KeyboardInterrupt


def on_stop_signal(signum, frame) -> NoReturn:
    from claimex.io.output import Stopped

    _end_workers()
    raise Stopped(signum)


def leave_ctrl_c_to_the_parent() -> None:
    """Workers ignore Ctrl-C (each would print a traceback); the parent ends them first."""
    os.register_at_fork(after_in_child=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    signal.signal(signal.SIGINT, _on_interrupt)


def interrupted(exc: KeyboardInterrupt) -> int:
    """Say why the run stopped; the exit code: 130 for Ctrl-C, 128 + N for signal N."""
    name = getattr(exc, "name", None)
    say(f"interrupted by {name}" if name else "interrupted")
    return getattr(exc, "exit_code", ExitCode.INTERRUPTED)


def stop_early(code: int, workers: bool) -> NoReturn:
    """Exit now. With workers, spaCy's queue threads may still block on a full pipe, which the
    interpreter would wait for at exit: skip that wait (--output is already cleaned up)."""
    if workers:
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


@contextmanager
def reported(detail: Callable[[ClaimexError], str] = lambda exc: "") -> Iterator[None]:
    """A :class:`ClaimexError` inside becomes click's one line ``Error: <message><detail>``
    (``detail(exc)``), with the error's exit code."""
    try:
        yield
    except ClaimexError as exc:
        error = click.ClickException(str(exc) + detail(exc))
        error.exit_code = exc.exit_code
        raise error from exc


@contextmanager
def ending_runs(workers: bool, to_stdout: bool) -> Iterator[None]:
    """The ends of an extraction run: a closed pipe is a success, Ctrl-C or a stop signal
    and a write error exit with their own codes, at once (``workers``: nlp.pipe's processes
    are running); ``to_stdout``: the records were going to stdout."""
    try:
        yield
    except BrokenPipeError:
        quiet_stdout()
        stop_early(ExitCode.OK, workers)
    except KeyboardInterrupt as exc:
        stop_early(interrupted(exc), workers)
    except WriteFailed as exc:
        _end_workers()
        say(str(exc))
        if to_stdout:
            quiet_stdout()  # what is still buffered for stdout cannot be written either
        stop_early(ExitCode.WRITE_FAILED, workers)
