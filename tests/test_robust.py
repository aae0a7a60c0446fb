"""What real corpora and real shells throw at claimex: oversized and odd inputs, odd file
names, signals, odd --output targets, write errors, text that would hurt a spreadsheet, a
terminal or a line-based reader. Each: exit code, stderr line, records kept, files untouched."""

from __future__ import annotations

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
from claimex.errors import ExitCode

GOOD = '"The bridge opens in May," said Ana Lopez, the mayor of Riverton.\n'


@pytest.fixture
def runner():
    return CliRunner()


def _records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def _errors(records: list[dict]) -> list[str | None]:
    return [r["error"]["type"] if "error" in r else None for r in records]


# Inputs -----------------------------------------------------------------------------------


def test_a_file_over_the_size_limit_is_an_error_record_and_the_run_goes_on(runner, tmp_path):
    (tmp_path / "a_big.txt").write_text(GOOD * 40)
    (tmp_path / "b_ok.txt").write_text(GOOD)
    result = runner.invoke(cli, ["extract", str(tmp_path), "--max-size", "1KB"])
    assert result.exit_code == ExitCode.INPUT_FAILED
    records = _records(result.stdout)
    assert _errors(records) == ["TooLarge", None]
    assert "over the size limit of 1,000 bytes" in result.stderr
    assert records[1]["quotes"][0]["speaker"]["name"] == "Ana Lopez"


def test_dev_zero_hits_the_size_limit_and_later_files_are_kept(runner, tmp_path):
    (tmp_path / "ok.txt").write_text(GOOD)
    args = ["extract", "/dev/zero", str(tmp_path / "ok.txt"), "--max-size", "2MB"]
    result = runner.invoke(cli, args)
    assert result.exit_code == ExitCode.INPUT_FAILED
    assert _errors(_records(result.stdout)) == ["TooLarge", None]
    assert "error: /dev/zero: TooLarge" in result.stderr


@pytest.mark.parametrize("size", ["", "12XB", "-1MB", "MB"])
def test_a_bad_max_size_is_a_usage_error(runner, size):
    assert runner.invoke(cli, ["extract", "x.txt", "--max-size", size]).exit_code == 2


def test_the_library_size_limit_is_an_error_record(nlp):
    from claimex.pipeline import pipe_records

    class Source:
        source = "big.txt"

    ((_, record),) = pipe_records(nlp, [("x" * 50, Source())], max_chars=20)
    assert record.error.type == "TooLarge"


def test_a_file_name_that_is_not_utf8_is_shown_escaped(runner, tmp_path):
    name = os.fsdecode(b"caf\xe9 report.txt")
    (tmp_path / name).write_text(GOOD)
    result = runner.invoke(cli, ["extract", str(tmp_path)])
    assert result.exit_code == 0
    result.stdout_bytes.decode("utf-8")  # valid UTF-8
    (record,) = _records(result.stdout)
    assert record["source"].endswith("caf\\xe9 report.txt")


def test_a_fifo_inside_a_folder_is_reported_and_skipped(runner, tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    os.mkfifo(tmp_path / "b.txt")
    (tmp_path / "c.txt").write_text(GOOD)
    result = runner.invoke(cli, ["extract", str(tmp_path)])
    assert result.exit_code == ExitCode.INPUT_FAILED
    assert _errors(_records(result.stdout)) == [None, "NotARegularFile", None]
    assert "b.txt: NotARegularFile: a FIFO, not a regular file" in result.stderr


def test_a_fifo_given_by_name_is_read(runner, tmp_path):
    fifo = tmp_path / "in.fifo"
    os.mkfifo(fifo)
    writer = threading.Thread(target=fifo.write_text, args=(GOOD,))
    writer.start()
    result = runner.invoke(cli, ["extract", str(fifo)])
    writer.join()
    assert result.exit_code == 0
    assert _records(result.stdout)[0]["quotes"][0]["text"].startswith("The bridge")


def test_an_unreadable_subfolder_is_an_error_line(runner, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.txt").write_text(GOOD)
    real_scandir = os.scandir

    def scandir(path):  # tests run as root, who may read any folder: refuse this one here
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = runner.invoke(cli, ["extract", str(tmp_path)])
    assert result.exit_code == ExitCode.INPUT_FAILED
    assert _errors(_records(result.stdout)) == [None, "PermissionError"]
    assert "locked: PermissionError: Permission denied" in result.stderr


def test_symlink_loops_are_reported_as_loops(runner, tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    (tmp_path / "up").symlink_to(tmp_path)
    result = runner.invoke(cli, ["extract", str(tmp_path), str(tmp_path / "self.txt")])
    assert result.exit_code == ExitCode.INPUT_FAILED
    assert _errors(_records(result.stdout)) == [None, "SymlinkLoop", "SymlinkLoop", "SymlinkLoop"]
    assert "not found" not in result.stderr.lower()


# Output targets ---------------------------------------------------------------------------


@pytest.fixture
def article(tmp_path):
    (tmp_path / "in").mkdir()
    path = tmp_path / "in" / "article.txt"
    path.write_text(GOOD)
    return path


def test_output_through_a_symlink_writes_the_target_and_keeps_link_and_mode(runner, article):
    target = article.parent.parent / "private.jsonl"
    target.write_text("old\n")
    target.chmod(0o600)
    link = article.parent.parent / "link.jsonl"
    link.symlink_to(target.name)
    result = runner.invoke(cli, ["extract", str(article), "-o", str(link)])
    assert result.exit_code == 0
    assert link.is_symlink() and os.readlink(link) == target.name
    assert target.stat().st_mode & 0o777 == 0o600
    assert _records(target.read_text())[0]["source"] == str(article)
    assert sorted(os.listdir(target.parent)) == ["in", "link.jsonl", "private.jsonl"]


def test_output_to_a_fifo_is_written_in_place(runner, article):
    fifo = article.parent.parent / "out.fifo"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()))
    reader.start()
    result = runner.invoke(cli, ["extract", str(article), "-o", str(fifo)])
    reader.join()
    assert result.exit_code == 0
    assert fifo.exists() and not fifo.is_file()  # still the FIFO
    assert _records(got[0])[0]["source"] == str(article)


@pytest.mark.parametrize("where", ["file", "folder"])
def test_output_naming_an_input_is_refused(runner, article, where):
    given = article if where == "file" else article.parent
    result = runner.invoke(cli, ["extract", str(given), "-o", str(article)])
    assert result.exit_code == ExitCode.USAGE
    assert "is also an input" in result.stderr
    assert article.read_text() == GOOD


def test_a_write_error_is_one_line_and_its_own_exit_code(runner, article):
    result = runner.invoke(cli, ["extract", str(article), "-o", "/dev/full"])
    assert result.exit_code == ExitCode.WRITE_FAILED == 3
    assert result.stderr.strip().splitlines()[-1] == (
        "cannot write /dev/full: No space left on device"
    )
    assert "Traceback" not in result.stderr


def test_stdout_on_a_full_device(article, monkeypatch, capsys):
    """``claimex extract article.txt > /dev/full``, run through the console script."""
    from claimex.cli import main

    full = open("/dev/full", "w", encoding="utf-8")  # noqa: SIM115 - closed by the run
    monkeypatch.setattr(sys, "stdout", full)
    monkeypatch.setattr(sys, "argv", ["claimex", "extract", str(article)])
    with pytest.raises(SystemExit) as stop:
        main()
    assert stop.value.code == 3
    assert capsys.readouterr().err.splitlines() == ["cannot write stdout: No space left on device"]


# Signals ----------------------------------------------------------------------------------


@pytest.fixture
def disposition():
    """Sets a signal's disposition for one test (a shell's background job or ``nohup`` may
    have started pytest ignoring some), and puts the inherited one back afterwards."""
    inherited = {}

    def set_to(signum, handler):
        inherited.setdefault(signum, signal.getsignal(signum))
        signal.signal(signum, handler)

    yield set_to
    for signum, handler in inherited.items():
        signal.signal(signum, handler)


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_sigterm_and_sighup_stop_like_ctrl_c(
    runner, article, monkeypatch, disposition, signum, code
):
    from claimex import render

    def receive_signal(self, record):
        os.kill(os.getpid(), signum)

    disposition(signum, signal.SIG_DFL)
    target = article.parent.parent / "out.jsonl"
    target.write_text("old\n")
    monkeypatch.setattr(render.JsonLinesWriter, "write", receive_signal)
    result = runner.invoke(cli, ["extract", str(article), "-o", str(target)])
    assert result.exit_code == code
    assert f"interrupted by {signal.Signals(signum).name}" in result.stderr
    assert target.read_text() == "old\n"
    assert sorted(os.listdir(target.parent)) == ["in", "out.jsonl"]  # no temporary file
    assert signal.getsignal(signum) is signal.SIG_DFL  # handlers restored after the run


def test_a_hangup_under_nohup_does_not_stop_the_run(runner, article, monkeypatch, disposition):
    from claimex import render

    written = []

    def receive_hangup(self, record):
        os.kill(os.getpid(), signal.SIGHUP)
        written.append(record)

    disposition(signal.SIGHUP, signal.SIG_IGN)  # what nohup does
    monkeypatch.setattr(render.JsonLinesWriter, "write", receive_hangup)
    result = runner.invoke(cli, ["extract", str(article), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    assert len(written) == 1
    assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN


def test_sigterm_to_a_real_run_removes_the_temporary_file(tmp_path):
    """A real process blocked reading stdin gets SIGTERM once its temporary output file
    exists (the model is left out: it would only make the test slow)."""
    target = tmp_path / "out.jsonl"
    script = (
        "import sys, claimex.pipeline as p; p.load_pipeline = lambda *a, **k: None; "
        f"sys.argv = ['claimex', 'extract', '-', '-o', {str(target)!r}]; "
        "from claimex.cli import main; main()"
    )
    run = subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".out.jsonl.*")) and time.monotonic() < deadline:
        time.sleep(0.02)
    run.send_signal(signal.SIGTERM)
    _, stderr = run.communicate(timeout=60)
    assert run.returncode == 143
    assert "interrupted by SIGTERM" in stderr
    assert os.listdir(tmp_path) == []


# Safe output ------------------------------------------------------------------------------


def test_csv_cells_that_would_be_formulas_are_quoted(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("=HYPERLINK(1).txt").write_text('"-5 is the answer," said Ana Lopez.\n')
    result = runner.invoke(cli, ["extract", "=HYPERLINK(1).txt", "-f", "csv"])
    assert result.exit_code == 0
    row = result.stdout.splitlines()[1]
    assert row.startswith("'=HYPERLINK(1).txt,")
    assert ',"\'-5 is the answer,",' in row


def test_control_characters_are_escaped_on_stderr_and_in_tables(runner, tmp_path):
    bad = tmp_path / "evil\x1b]0;owned\x07.txt"
    bad.write_bytes(b"\x00\x01binary")
    text = tmp_path / "text.txt"
    text.write_text('"Ready \x1b[2J now," said Ana Lopez.\n')
    result = runner.invoke(cli, ["extract", str(bad), str(text), "-f", "table"])
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "evil\\x1b]0;owned\\x07.txt" in result.stderr
    assert "\x1b" not in result.stdout and "Ready \\x1b[2J now" in result.stdout


def test_json_lines_stay_one_record_per_line_for_splitlines(runner, tmp_path):
    (tmp_path / "a.txt").write_text('"We\u2028will\x85win\u2029today," said Ana Lopez.\n')
    (tmp_path / "b.txt").write_text(GOOD)
    result = runner.invoke(cli, ["extract", str(tmp_path)])
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert _records(result.stdout)[0]["quotes"][0]["text"] == "We\u2028will\x85win\u2029today,"


# Text -------------------------------------------------------------------------------------


def test_carriage_returns_alone_end_lines(nlp):
    lines = ["Mayor Ana Lopez spoke first", '"We will rebuild it," said Boris Kane.', "Done."]
    unix, old_mac = nlp("\n".join(lines)), nlp("\r".join(lines))
    assert [s.start for s in old_mac.sents] == [s.start for s in unix.sents]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('"We will win," said Ana Lopez\u200b, the mayor.', "Ana Lopez"),
        ("The Riverton\u200e Council said that it would win.", "Riverton Council"),
    ],
)
def test_invisible_characters_stay_out_of_names(extract, text, name):
    (quote,) = extract(text).quotes
    assert quote.speaker.name == name
    assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text


def test_a_long_text_in_chunks_merges_people_across_chunks(nlp, monkeypatch):
    from claimex.pipeline import record_alone

    text = (
        '"The bridge opens in May," said Ana Lopez, the mayor.\n\n'
        "Acme Corp will build it.\n\n"
        '"It is on time," Lopez said.\n\n'
        "Acme Corp said costs rose by 5 percent.\n"
    )
    monkeypatch.setattr(nlp, "max_length", 60)
    record = record_alone(nlp, text, "long.txt")
    assert "paragraph chunks" in record.warnings[-1]
    assert [q.speaker.name for q in record.quotes[:2]] == ["Ana Lopez", "Ana Lopez"]
    assert [q.id for q in record.quotes] == [f"q{i}" for i in range(1, len(record.quotes) + 1)]
    assert len({s.id for s in record.speakers}) == len(record.speakers)
    names = [o.name for o in record.organisations]
    assert "Acme Corp" in names and len(names) == len(set(names))
    for item in (*record.quotes, *record.figures, *record.claims):
        assert text[item.start : item.end] == item.text


@pytest.mark.parametrize(
    "text",
    [
        # tests/benchmarks/fuzz.py, seed 0, case 3389: a speaker beside a quotation came out
        # as an inverted span (start after end).
        'XotBoris Kane4672963 said that \U0008afbf12,000	Dr. \u200b%"Acme Corp.\U000218a8'
        "\u5855\u03d9\U000f7a70; \u2019=\u6171\u3d5d\U000637daNIcaccording to\u017d\u6d85"
        "\U000601b6432936935Boris Kane\xabAcme Corp.%569094377. $Hs9n4.5Y,f606u\u201d93210375"
        "64.5uKIEM (: Dr. 4.5\U0003251fLopez\u2019,  said that HLl?CGVm \u2014 F3YHUsUCwhich "
        "-737597214e,4093178120263\u695f\U0007a2d6\U000759fa\u77ae said that \u200b",
    ],
)
def test_fuzz_findings_keep_offsets_exact(extract, text):
    for quote in extract(text).quotes:
        for part in (quote, quote.cue, quote.speaker):
            if part is not None:
                assert 0 <= part.start <= part.end <= len(text)
                assert text[part.start : part.end] == part.text
