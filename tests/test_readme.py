"""The README's examples are true: every command it shows after a ``$`` prompt prints what the
README shows under it, and its table excerpt is what the table writer prints.

claimex runs in-process (CliRunner, the shared pipeline) so this stays fast; the other parts
of a command line (``printf``, ``jq``, ``head``) run in bash, fed and read through pipes as a
shell would. Commands run in a temporary folder that holds ``seeds/`` and the README's config
file as ``newsroom.toml``.
"""

from __future__ import annotations

import io
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimex.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
SEEDS = ROOT / "seeds"

OPERATORS = {"|", "&&", ">"}


def readme_blocks(language: str) -> list[str]:
    """The README's fenced code blocks of ``language``."""
    text = README.read_text(encoding="utf-8")
    return re.findall(rf"^```{language}\n(.*?)^```", text, re.S | re.M)


def console_examples() -> list[tuple[str, str]]:
    """``(command, output)`` for every ``$ command`` line of the console blocks."""
    examples = []
    for block in readme_blocks("console"):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, output = chunk.partition("\n")
            examples.append((command, output.strip("\n")))
    return examples


def _pipelines(command: str) -> list[list[list[str]]]:
    """``a | b && c`` -> [[a, b], [c]], each part a list of tokens (">" kept as a token)."""
    lexer = shlex.shlex(command, posix=True, punctuation_chars="|&>")
    lexer.whitespace_split = True
    pipelines, parts, tokens = [], [], []
    for token in lexer:
        if token in ("|", "&&"):
            parts.append(tokens)
            tokens = []
            if token == "&&":
                pipelines.append(parts)
                parts = []
        else:
            tokens.append(token)
    pipelines.append([*parts, tokens])
    return pipelines


def _run(parts: list[list[str]], runner: CliRunner) -> tuple[bytes, str]:
    """Run one pipeline; return its stdout and everything its parts wrote to stderr."""
    data, errors = b"", ""
    for tokens in parts:
        if tokens[0] == "claimex":
            result = runner.invoke(cli, tokens[1:], input=data)
            data, errors = result.stdout_bytes, errors + result.stderr
        else:
            line = " ".join(t if t in OPERATORS else shlex.quote(t) for t in tokens)
            done = subprocess.run(["bash", "-c", line], input=data, capture_output=True)
            data, errors = done.stdout, errors + done.stderr.decode()
    return data, errors


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    (tmp_path / "seeds").symlink_to(SEEDS, target_is_directory=True)
    (toml,) = readme_blocks("toml")
    (tmp_path / "newsroom.toml").write_text(toml, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.skipif(shutil.which("jq") is None, reason="the examples pipe into jq")
@pytest.mark.parametrize(("command", "expected"), console_examples())
def test_console_example(nlp, workdir, command, expected):
    runner = CliRunner()
    shown = ""
    for parts in _pipelines(command):
        stdout, stderr = _run(parts, runner)
        shown += stderr + stdout.decode("utf-8")
    # Markdown keeps no trailing blanks (jq's @tsv ends lines with empty fields)
    assert [line.rstrip() for line in shown.rstrip("\n").splitlines()] == expected.splitlines()


def test_there_are_examples_to_run():
    commands = [command for command, _ in console_examples()]
    assert len(commands) >= 5
    assert any("--config" in c for c in commands) and any(" info" in c for c in commands)


def test_table_excerpt(nlp):
    """The table example: its lines are the first lines the table writer prints at the width
    of the example."""
    from claimex.pipeline import to_record
    from claimex.render import TableWriter

    (block,) = readme_blocks("text")
    shown = [line for line in block.splitlines() if line != "..."]
    path = SEEDS / "000_32bff10e8c9dff9f.txt"
    record = to_record(nlp(path.read_text(encoding="utf-8")), "seeds/" + path.name)
    stream = io.StringIO()
    TableWriter(stream, width=len(shown[0])).write(record)
    printed = [line.rstrip() for line in stream.getvalue().splitlines()]
    assert shown == printed[: len(shown)]


def test_the_config_file_is_valid(tmp_path):
    from claimex.config import load_config

    (toml,) = readme_blocks("toml")
    path = tmp_path / "newsroom.toml"
    path.write_text(toml, encoding="utf-8")
    assert set(load_config(path).lists()) >= {"speech_verbs", "currencies", "organisations"}


def rule_examples() -> list[tuple[str, str, str]]:
    """``(rule, text, content)`` for each example in the README's table of rules: the content
    is in brackets, an example of several lines is written `line` / `line`."""
    text = README.read_text(encoding="utf-8")
    table = text[text.index("| rule | what finds the quote") :].split("\n\n", 1)[0]
    examples = []
    for row in table.splitlines()[2:]:
        rule, finds = row.split(" | ")[:2]
        for example in re.findall(r"`([^`]*\[[^`]*)`", finds.replace("` / `", "\n")):
            content = " ".join(re.findall(r"\[([^\]]*)\]", example))
            examples.append((rule.strip("| `"), re.sub(r"[\[\]]", "", example), content))
    return examples


@pytest.mark.parametrize(("rule", "text", "content"), rule_examples())
def test_rule_example(extract, rule, text, content):
    if rule == "continuation":
        pytest.skip("only under --separate-continuations")
    found = [(q.rule, q.content) for q in extract(text).quotes]
    assert any(r.endswith(f"-{rule}") and c == content for r, c in found), found
