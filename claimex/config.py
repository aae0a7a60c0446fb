"""The user's own word lists: a TOML file that extends or replaces packaged lexicons.

    # newsroom.toml
    [speech_verbs]
    add = ["harrumph"]

    [currencies]
    add = [{ surface = "crowns", code = "SEK", position = "suffix" }]

Each section names a list (:data:`LISTS`) and either ``add``s entries to the packaged ones or
``replace``s them. The validated form, :meth:`LexiconConfig.lists`, is what the claimex spaCy
components take as their ``lexicons`` config (plain data, so ``nlp.add_pipe`` users and worker
processes get the same); :mod:`claimex.lexicons` applies it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)

from claimex.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


def _phrase(value: str) -> str:
    value = value.strip()
    if not value or any(c in value for c in "\t\n#"):
        raise ValueError("a word or phrase: not empty, no tab, newline or '#'")
    return value


def _lemma(value: str) -> str:
    if not re.fullmatch(r"[a-z]+(?:[ -][a-z]+)*", value):
        raise ValueError("a verb's lemma in lower case, e.g. 'say' or 'point out'")
    return value


def _code(value: str) -> str:
    if not re.fullmatch(r"[A-Z]{3}", value):
        raise ValueError("an ISO 4217 currency code, three capital letters, e.g. 'SEK'")
    return value


def _honorific(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z][A-Za-z-]*", value):
        raise ValueError("one word without a full stop, e.g. 'Herr'")
    return value


def _alias(value: str) -> str:
    if "|" in _phrase(value):
        raise ValueError("a word or phrase without '|'")
    return value.strip()


# A word or phrase as the lists hold them (a list file has one per line, "#" starts a comment).
Phrase = Annotated[str, AfterValidator(_phrase)]
Lemma = Annotated[str, AfterValidator(_lemma)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Currency(_Strict):
    surface: Phrase
    code: Annotated[str, AfterValidator(_code)]
    position: Literal["prefix", "prefix-touching", "suffix"] = "suffix"

    def line(self) -> str:
        return f"{self.surface}\t{self.code}\t{self.position}"


class Honorific(_Strict):
    word: Annotated[str, AfterValidator(_honorific)]
    gender: Literal["female", "male"] | None = None

    def line(self) -> str:
        return f"{self.word} {self.gender or '-'}"


class Aliases(_Strict):
    """An organisation's name and its other forms ("GOP" for "Republican Party")."""

    name: Phrase
    aliases: list[Annotated[str, AfterValidator(_alias)]] = Field(min_length=1)

    def line(self) -> str:
        return " | ".join([self.name, *self.aliases])


Entry = TypeVar("Entry")


class Change(_Strict, Generic[Entry]):
    """``add`` entries to the packaged list, or ``replace`` it with these."""

    add: list[Entry] = Field(default_factory=list)
    replace: list[Entry] | None = None

    @model_validator(mode="after")
    def _one_way(self) -> Change:
        if self.add and self.replace is not None:
            raise ValueError("give either add or replace, not both")
        return self

    def lines(self) -> list[str]:
        entries = self.add if self.replace is None else self.replace
        return [e if isinstance(e, str) else e.line() for e in entries]


# Config name -> the packaged lexicon file it changes.
LISTS = {
    "speech_verbs": "speech_verbs.txt",
    "stance_verbs": "stance_verbs.txt",
    "currencies": "currencies.tsv",
    "organisations": "org_known.txt",
    "organisation_aliases": "org_aliases.txt",
    "honorifics": "honorifics.txt",
    "titles": "titles.txt",
}


class LexiconConfig(_Strict):
    """What a config file may say; every list is optional."""

    speech_verbs: Change[Lemma] | None = None
    stance_verbs: Change[Lemma] | None = None
    currencies: Change[Currency] | None = None
    organisations: Change[Phrase] | None = None
    organisation_aliases: Change[Aliases] | None = None
    honorifics: Change[Honorific] | None = None
    titles: Change[Phrase] | None = None

    def lists(self) -> dict[str, dict[str, Any]]:
        """The plain-data form that the components' ``lexicons`` config takes."""
        return self.model_dump(mode="json", exclude_none=True, exclude_defaults=True)

    def changes(self) -> dict[str, tuple[bool, tuple[str, ...]]]:
        """Lexicon file -> (whether it replaces the packaged entries, the entries as lines)."""
        out = {}
        for name, file in LISTS.items():
            change = getattr(self, name)
            if change is not None:
                out[file] = (change.replace is not None, tuple(change.lines()))
        return out


def validate_lists(data: Any, origin: str = "lexicons") -> LexiconConfig:
    """Validate a config's lists; raise ConfigError with one line naming the first problem."""
    if not isinstance(data, dict):
        raise ConfigError(f"{origin}: expected a table of lists, got {type(data).__name__}")
    unknown = sorted(set(data) - set(LISTS))
    if unknown:
        raise ConfigError(f"{origin}: unknown list {unknown[0]!r} (lists: {', '.join(LISTS)})")
    try:
        return LexiconConfig.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(f"{origin}: {_first_problem(exc)}") from None


def _first_problem(exc: ValidationError) -> str:
    """``currencies.add[0].code: an ISO 4217 currency code ... (got 'sek')``."""
    error = exc.errors()[0]
    where = ""
    for part in error["loc"]:
        if isinstance(part, int):
            where += f"[{part}]"
        elif not part.startswith("function-"):
            where += f".{part}" if where else part
    kind, value = error["type"], error.get("input")
    if kind == "extra_forbidden":
        return f"{where}: unknown key (expected {_expected(error['loc'])})"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        keys = "add = [...]" if len(error["loc"]) == 1 else f"{_expected(error['loc'])}"
        return f"{where}: expected a table {{ {keys} }}, not {value!r}"
    message = error["msg"].removeprefix("Value error, ")
    shown = f" (got {value!r})" if isinstance(value, str | int | float | list) else ""
    return f"{where}: {message}{shown}"


def _expected(loc: tuple) -> str:
    """The keys a table at ``loc`` (or holding the key at ``loc``) may have."""
    if len(loc) <= 2:
        return "add or replace"
    model = {"currencies": Currency, "honorifics": Honorific, "organisation_aliases": Aliases}
    fields = model.get(str(loc[0]))
    return ", ".join(fields.model_fields) if fields else "a value"


def load_config(path: str | Path) -> LexiconConfig:
    """Read and validate a TOML config file."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"config {path}: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config {path}: not valid TOML: {exc}") from None
    return validate_lists(data, f"config {path}")


def load_lexicons(path: str | Path | None) -> dict[str, Any] | None:
    """The word-list changes of the config file at ``path`` (None without one), validated:
    a bad file raises :class:`ConfigError` before any document is read."""
    return None if path is None else load_config(path).lists()
