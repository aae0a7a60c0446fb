"""One exception hierarchy and the exit codes it maps to."""

from __future__ import annotations

import os
from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    INPUT_FAILED = 1  # some inputs could not be read or processed; the rest were written
    USAGE = 2
    WRITE_FAILED = 3  # the output could not be written (disk full, device error)
    HANGUP = 129  # SIGHUP: 128 + the signal's number, as shells report it
    INTERRUPTED = 130  # Ctrl-C (SIGINT)
    TERMINATED = 143  # SIGTERM


class ClaimexError(Exception):
    """Base class of the errors claimex reports to the user in one line."""

    exit_code = ExitCode.USAGE


class ModelError(ClaimexError):
    """The spaCy pipeline asked for cannot be used."""


class ModelNotFound(ModelError):
    """The spaCy pipeline asked for is not installed."""


class ModelUnusable(ModelError):
    """The spaCy pipeline lacks a part claimex needs (a tagger, parser or entity recognizer)."""


class ConfigError(ClaimexError):
    """The user's config file cannot be read or says something claimex does not know."""


class InputError(ClaimexError):
    """An input path cannot be used at all (missing, nothing to read)."""

    exit_code = ExitCode.INPUT_FAILED


class WriteFailed(ClaimexError):
    """The output could not be written (disk full, device error...)."""

    exit_code = ExitCode.WRITE_FAILED

    def __init__(self, target: str, exc: OSError):
        reason = exc.strerror or (os.strerror(exc.errno) if exc.errno else str(exc))
        super().__init__(f"cannot write {target}: {reason}")
