"""One exception hierarchy and the exit codes it maps to."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    INPUT_FAILED = 1  # some inputs could not be read or processed; the rest were written
    USAGE = 2
    INTERRUPTED = 130


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
