"""What ``claimex info`` reports: versions, the model and where it comes from, the pipeline's
parts, the word lists in use, the optional extras installed and the config file."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import platform
import re
from typing import Any

from claimex import __version__
from claimex.errors import ModelError


def describe(model: str | None, model_origin: str, config: str | None, config_origin: str):
    """A plain dict (JSON-ready). ``*_origin`` says where a setting came from ("--model",
    "CLAIMEX_MODEL", "default")."""
    import spacy

    from claimex.config import LISTS, load_config
    from claimex.lexicons import Overlay, sizes, use

    lists = load_config(config).lists() if config else {}
    report: dict[str, Any] = {
        "claimex": __version__,
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "model": _model(model, model_origin, lists),
        "config": {"path": config, "from": config_origin if config else None, "lists": lists},
    }
    use(Overlay.from_config(lists))
    try:
        changed = {LISTS[name] for name in lists}
        report["word_lists"] = {
            name: {"entries": count, "from_config": name in changed}
            for name, count in sizes().items()
        }
    finally:
        use(None)
    report["extras"] = extras()
    return report


def _model(name: str | None, origin: str, lists: dict) -> dict[str, Any]:
    from claimex.pipeline import load_pipeline, resolve_model

    info: dict[str, Any] = {"name": name, "from": origin}
    try:
        info["name"] = resolve_model(name)
        nlp = load_pipeline(name, lexicons=lists)
    except ModelError as exc:
        info["error"] = str(exc)
        return info
    spec = importlib.util.find_spec(info["name"])
    info.update(
        version=nlp.meta.get("version"),
        path=str(spec.submodule_search_locations[0]) if spec and spec.origin else info["name"],
        pipeline=list(nlp.pipe_names),
    )
    return info


# Extras for developing claimex, not features of it.
DEVELOPMENT_EXTRAS = ("dev", "test")


def extras() -> dict[str, dict[str, str | None]]:
    """claimex's optional extras (pyproject.toml) -> their packages -> the installed version
    (None: not installed)."""
    try:
        requires = importlib.metadata.requires("claimex") or []
    except importlib.metadata.PackageNotFoundError:  # running from a source tree
        requires = []
    found: dict[str, dict[str, str | None]] = {}
    for requirement in requires:
        extra = re.search(r"""extra\s*==\s*["']([^"']+)["']""", requirement)
        if extra is None or extra.group(1) in DEVELOPMENT_EXTRAS:
            continue
        package = re.split(r"[\s\[<>=!~;(]", requirement, maxsplit=1)[0]
        try:
            version = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            version = None
        found.setdefault(extra.group(1), {})[package] = version
    return dict(sorted(found.items()))


def as_text(report: dict[str, Any]) -> str:
    """The report for people: one setting per line."""
    model = report["model"]
    lines = [f"claimex {report['claimex']} (Python {report['python']}, spaCy {report['spacy']})"]
    lines.append(f"model: {model['name']} (from {model['from']})")
    if "error" in model:
        lines.append(f"  error: {model['error']}")
    else:
        lines.append(f"  version {model['version']}, at {model['path']}")
        lines.append(f"  pipeline: {', '.join(model['pipeline'])}")
    config = report["config"]
    if config["path"]:
        changed = ", ".join(config["lists"]) or "no lists"
        lines.append(f"config: {config['path']} (from {config['from']}; changes {changed})")
    else:
        lines.append("config: none (--config FILE or CLAIMEX_CONFIG)")
    sizes = []
    for name, size in report["word_lists"].items():
        note = " (config)" if size["from_config"] else ""
        sizes.append(f"{name.rsplit('.', 1)[0]} {size['entries']}{note}")
    lines.append("word lists (entries): " + ", ".join(sizes))
    extras = []
    for extra, packages in report["extras"].items():
        found = ", ".join(
            f"{name} {version or 'not installed'}" for name, version in packages.items()
        )
        extras.append(f"{extra} ({found})")
    lines.append("extras: " + ("; ".join(extras) or "none"))
    return "\n".join(lines)
